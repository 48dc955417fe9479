"""Names of people, places and organisations that the glossary does not know.

Candidates come from what news text itself signals (the words are in
data/names.toml):
  - a title before a name: "وزیر اعظم X", "Justice X";
  - an organisation word after a name, or a head word before one:
    "X کونسل", "X University", "وزارت X", "تحصیل X";
  - a dateline and its agency: "لاہور (این این آئی)", "ISLAMABAD:";
  - a byline: "By X";
  - in English, a run of capitalised words, not counting a sentence's ordinary
    first word; kind from an organisation word in it, else a person.
A name the glossary has as a variant is left to the glossary.
"""

import re
from typing import NamedTuple

from .knowledge import NameVocabulary, Phrase, PhraseIndex
from .normalize import WORD, fold_for_matching

MAX_URDU_NAME_WORDS = 3
MAX_ENGLISH_NAME_WORDS = 5
# Between two words of one name: spaces, a hyphen (Tehreek-e-Insaf), an
# apostrophe or ZWNJ. Anything else (، ۔ , . : ( ) …) ends the name.
_JOINING_GAP = re.compile(r"[\s\-\u200c]*")
_LATIN_JOINING_GAP = re.compile(r"[\s\-'’]*")  # O'Brien; in Urdu ’ is a quotation mark
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_ABBREVIATED = re.compile(r"\.\s+")
# Between two names of a list: a comma, "and", or both.
_LIST_GAP = re.compile(r"\s*[,،]\s*(?:and\s+)?|\s+and\s+")
# ے and ں end a word: inside one they show two words typed without a space
# ("سےکی", "ویزےاور"), which is no name.
_GLUED_URDU = re.compile(r"[ےں](?=.)")
# "نے4"، "4روز": a number glued to a word is no part of it.
_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_SENTENCE_GAP = re.compile(r"[.!?:;\"“”‘(]")
# "لاہور (این این آئی)" or "کراچی(اسٹاف رپورٹر)" opening a line; a crawler's
# "date 2025-06-25" may come before it.
_URDU_DATELINE = re.compile(r"^[\sA-Za-z0-9:\-]*?([\u0600-\u06ff][\u0600-\u06ff ]{1,40}?)\s*[(（]([^()（）]{2,40})[)）]")
# "ISLAMABAD:", "ABU DHABI (Reuters) -", "RIYADH/ABU DHABI:" near a line's start.
_ENGLISH_DATELINE = re.compile(
    r"^.{0,20}?\b([A-Z]{3,}(?:[ /][A-Z]{2,})*)\b\s*(?:\(([A-Za-z. ]{2,30})\))?\s*(?::|[-–—]\s)")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*$")


class Name(NamedTuple):
    kind: str  # person | place | organisation
    text: str  # as the article writes it
    reason: str  # which signal found it: "title: وزیر اعظم", "dateline", …
    count: int  # how many times the article names it

    def as_dict(self) -> dict:
        return self._asdict()


class _Token(NamedTuple):
    raw: str
    folded: str
    line: str  # the line it is in, and where: a name is shown as written
    start: int
    end: int
    joined: bool  # joined to the word before it (same name, if both are name words)
    sentence_start: bool
    latin: bool


def _lines_of_tokens(text: str) -> list[list[_Token]]:
    """The words of each line of text. Folded in one go: folding is most of the cost."""
    lines = [_GLUED_DIGITS.sub(" ", line) for line in text.split("\n")]
    matches = [list(WORD.finditer(line)) for line in lines]
    folded = iter(fold_for_matching("\n".join(m.group() for found in matches for m in found)).split("\n"))
    result = []
    for line, found in zip(lines, matches):
        tokens: list[_Token] = []
        end = 0
        for match in found:
            start = match.start()
            gap = line[end:start]
            raw = match.group()
            latin = not "\u0600" <= raw[0] <= "\u06ff"
            if gap == " ":  # most gaps: a shortcut
                joined, sentence_start = bool(tokens), not tokens
            else:
                joining = _LATIN_JOINING_GAP if latin and tokens and tokens[-1].latin else _JOINING_GAP
                joined = bool(tokens) and joining.fullmatch(gap) is not None
                sentence_start = not tokens or _SENTENCE_GAP.search(gap) is not None
            end = match.end()
            tokens.append(_Token(raw, next(folded).strip("\u200c"), line, start, end, joined, sentence_start, latin))
        result.append(tokens)
    return result


def _tokens(line: str) -> list[_Token]:
    return _lines_of_tokens(line)[0]


def _phrase_at(tokens: list[_Token], start: int, index: PhraseIndex) -> Phrase | None:
    """The longest phrase of the index written at tokens[start:], whole words."""
    for phrase in index.get(tokens[start].folded, ()) if start < len(tokens) else ():
        end = start + len(phrase)
        if end <= len(tokens) and all(t.folded == w for t, w in zip(tokens[start:end], phrase)) \
                and all(t.joined for t in tokens[start + 1:end]):
            return phrase
    return None


def _known_at(tokens: list[_Token], start: int, vocabulary: NameVocabulary) -> tuple[int, str] | None:
    """(length, kind) of the longest glossary variant at tokens[start:]."""
    if start >= len(tokens):
        return None
    for length in vocabulary.known_lengths.get(tokens[start].folded, ()):
        kind = vocabulary.known.get(tuple(t.folded for t in tokens[start:start + length]))
        if kind:
            return length, kind
    return None


class _Finder:
    def __init__(self, vocabulary: NameVocabulary, language: str):
        self.v = vocabulary
        self.language = language
        # Words that cannot be part of a name: they are what signals one. Only
        # a signal's first word: "اعظم" of "وزیر اعظم" is also in "بابر اعظم".
        self.signal_words = {first for table in (vocabulary.titles, vocabulary.organisation_words,
                                                 vocabulary.organisation_heads, vocabulary.place_words,
                                                 vocabulary.place_heads)
                             for index in table.values() for first in index}
        self.found: dict[Phrase, tuple[str, str, str]] = {}  # folded words -> kind, text, reason
        # Words that may begin a signal or a known name: any other is passed by.
        self.urdu_starts = {first for table in (vocabulary.titles, vocabulary.given_names,
                                                vocabulary.family_names, vocabulary.organisation_heads,
                                                vocabulary.place_heads, vocabulary.organisation_words,
                                                vocabulary.place_words)
                            for first in table["ur"]} | set(vocabulary.known_lengths)
        self.floor = 0  # in the line being read, the words before this one are taken
        self.all_tokens: list[_Token] = []
        self.positions: dict[str, list[int]] = {}  # folded word -> where it is in all_tokens

    def add(self, kind: str, tokens: list[_Token], reason: str) -> None:
        key = tuple(t.folded for t in tokens)
        if not key or key in self.v.known or all(w in self.v.common_words for w in key):
            return
        if all(t.folded.isdigit() for t in tokens):
            return
        self.found.setdefault(key, (kind, tokens[0].line[tokens[0].start:tokens[-1].end], reason))

    # Urdu ------------------------------------------------------------------

    def urdu_name_word(self, token: _Token) -> bool:
        # Plurals and verbs end in ں (بورڈوں، والوں، ہوں); names hardly ever
        # do, but for a family name or two (خاں).
        return (not token.latin and len(token.folded) > 1 and not any(c.isdigit() for c in token.folded)
                and not _GLUED_URDU.search(token.folded)
                and (not token.folded.endswith("ں") or token.folded in self.v.family_names["ur"])
                and token.folded not in self.v.function_words["ur"]
                and token.folded not in self.v.common_words
                and token.folded not in self.signal_words)

    def urdu_after(self, tokens: list[_Token], start: int) -> list[_Token]:
        """1-3 name words from start, up to a function word or punctuation."""
        taken = []
        for token in tokens[start:start + MAX_URDU_NAME_WORDS]:
            if (taken and not token.joined) or not self.urdu_name_word(token):
                break
            # A second given name starts the next person ("عبداللہ شفیق محمد
            # سراج"), though the first name may have two ("محمد علی مظہر").
            if len(taken) > 1 and _phrase_at(tokens, start + len(taken), self.v.given_names["ur"]):
                break
            if taken and _known_at(tokens, start + len(taken), self.v):
                break
            taken.append(token)
        return taken

    def urdu_before(self, tokens: list[_Token], end: int) -> list[_Token]:
        """1-3 name words ending just before tokens[end]."""
        taken: list[_Token] = []
        position = end - 1
        while position >= self.floor and len(taken) < MAX_URDU_NAME_WORDS:
            token = tokens[position]
            if not tokens[position + 1].joined or not self.urdu_name_word(token):
                break
            taken.insert(0, token)
            position -= 1
        return taken

    def urdu(self, tokens: list[_Token]) -> None:
        v = self.v
        position = self.floor = 0
        while position < len(tokens):
            if tokens[position].folded not in self.urdu_starts and not tokens[position].folded.startswith("عبدال"):
                position += 1
                continue
            # A known name may begin an organisation's ("پنجاب اسمبلی پریس
            # کمیٹی", "علی گڑھ مسلم یونیورسٹی"): the floor stays where it is.
            known = _known_at(tokens, position, v)
            if known:
                position += known[0]
                continue
            title = _phrase_at(tokens, position, v.titles["ur"])
            if title and not tokens[position].latin:
                position = self.floor = self.after_title(tokens, position, title, self.urdu_after)
                continue
            given = _phrase_at(tokens, position, v.given_names["ur"])
            if not given and tokens[position].folded.startswith("عبدال") and self.urdu_name_word(tokens[position]):
                # عبدالرشید، عبدالحفیظ: "Abdul-" names are written as one word.
                rest = self.urdu_after(tokens, position + 1)[:2] if position + 1 < len(tokens) \
                    and tokens[position + 1].joined else []
                self.add("person", tokens[position:position + 1 + len(rest)], "given name: عبدال…")
                position = self.floor = position + 1 + len(rest)
                continue
            end = position + len(given or ())
            if given and not tokens[position].latin and end < len(tokens) and tokens[end].joined:
                rest = self.urdu_after(tokens, end)[:2]
                if rest:
                    self.add("person", tokens[position:position + len(given) + len(rest)],
                             "given name: " + " ".join(t.raw for t in tokens[position:position + len(given)]))
                    position = self.floor = position + len(given) + len(rest)
                    continue
            after = self.name_before(tokens, position, v.family_names["ur"], "person", "family name") or \
                self.name_before(tokens, position, v.place_words["ur"], "place", "place word")
            if after:
                position = self.floor = after
                continue
            head = _phrase_at(tokens, position, v.organisation_heads["ur"])
            kind = "organisation"
            if not head:
                head, kind = _phrase_at(tokens, position, v.place_heads["ur"]), "place"
            if head and not tokens[position].latin:
                # A place is one or two words ("تحصیل ڈسکہ"): more is the sentence going on.
                name = self.urdu_after(tokens, position + len(head))[:2 if kind == "place" else 3]
                if name and not _known_at(tokens, position + len(head), v):
                    self.add(kind, tokens[position:position + len(head) + len(name)],
                             f"{kind} word: {' '.join(t.raw for t in tokens[position:position + len(head)])}")
                position = self.floor = position + len(head) + len(name)
                continue
            word = _phrase_at(tokens, position, v.organisation_words["ur"])
            if word and not tokens[position].latin:
                name = self.urdu_before(tokens, position)
                end = position + len(word)
                # "سپریم کورٹ آف پاکستان", "پریس کلب آف انڈیا"
                if end + 1 < len(tokens) and tokens[end].folded == "اف" and self.urdu_name_word(tokens[end + 1]):
                    end += 2
                # "گورنمنٹ کالج ویمن یونیورسٹی": a second organisation word goes on the name.
                for gap in (1, 2):
                    following = _phrase_at(tokens, end + gap, v.organisation_words["ur"])
                    if following and all(t.joined and self.urdu_name_word(t) for t in tokens[end:end + gap]):
                        end += gap + len(following)
                        break
                # "یونیورسٹی آف ایجوکیشن": the name comes after the organisation word.
                if not name and end > position + len(word):
                    name, end = [], end + len(self.urdu_after(tokens, end)[:2])
                    self.add("organisation", tokens[position:end],
                             "organisation word: " + " ".join(t.raw for t in tokens[position:position + len(word)]))
                    position = self.floor = end
                    continue
                # One adjective before an organisation word is a kind of
                # organisation (انتخابی کمیٹی "electoral committee"), not a name.
                if len(name) == 1 and end == position + len(word) and name[0].folded.endswith("ی") \
                        and not name[0].folded.startswith("ال"):
                    name = []
                if name:
                    self.add("organisation", [*name, *tokens[position:end]],
                             "organisation word: " + " ".join(t.raw for t in tokens[position:position + len(word)]))
                position = self.floor = end
                continue
            position += 1

    def name_before(self, tokens: list[_Token], position: int, index: PhraseIndex, kind: str, reason: str) -> int:
        """A name of one or two words ending in a word of the index at position
        ("نسیم شاہ", "نور باغ"); where to go on, or 0 if no such word is there."""
        word = _phrase_at(tokens, position, index)
        if not word or tokens[position].latin:
            return 0
        end = position + len(word)
        name = self.urdu_before(tokens, position)[-2:]
        if name:
            self.add(kind, [*name, *tokens[position:end]], f"{reason}: " + " ".join(t.raw for t in tokens[position:end]))
        return end

    # Both scripts ----------------------------------------------------------

    def after_title(self, tokens, position, title, take) -> int:
        """Take the name after a title; return where to go on."""
        start = position + len(title)
        reason = "title: " + " ".join(t.raw for t in tokens[position:start])
        skipped = 0
        while start < len(tokens) and tokens[start].joined:
            # Titles chain ("ڈی جی آئی ایس پی آر لیفٹیننٹ جنرل X"), and a place
            # or an organisation may qualify one ("وزیر اعلیٰ پنجاب X").
            more = _phrase_at(tokens, start, self.v.titles["ur" if not tokens[start].latin else "en"])
            known = _known_at(tokens, start, self.v)
            if known and known[1] == "person":
                return start + known[0]
            if known and skipped < 2:
                start += known[0]
                skipped += 1
            elif more:
                start += len(more)
            else:
                break
        # "Dr. Sajjad": an English title may be abbreviated with a full stop.
        joined = start < len(tokens) and (tokens[start].joined or tokens[start].latin and _ABBREVIATED.fullmatch(
            tokens[start].line[tokens[start - 1].end:tokens[start].start]) is not None)
        name = take(tokens, start) if joined else []
        if name:
            self.add("person", name, reason)
        return start + len(name)

    # English ---------------------------------------------------------------

    def capitalised(self, token: _Token) -> bool:
        return token.latin and token.raw[:1].isupper()

    def english_after(self, tokens: list[_Token], start: int) -> list[_Token]:
        taken: list[_Token] = []
        for token in tokens[start:]:
            if not token.joined and taken or not self.capitalised(token) or len(taken) == MAX_ENGLISH_NAME_WORDS:
                break
            taken.append(token)
        while taken and taken[-1].folded in self.v.common_words:  # "Justice X on Tuesday"
            taken.pop()
        return taken

    def english(self, tokens: list[_Token]) -> None:
        v = self.v
        latin = [t for t in tokens if t.latin and t.raw[:1].isalpha()]
        # A Title Case headline capitalises every word: no signal there. A
        # headline is short, one sentence, and no list (a list has commas).
        line = tokens[0].line if tokens else ""
        if 4 <= len(latin) <= 20 and sum(self.capitalised(t) for t in latin) >= 0.6 * len(latin) \
                and "," not in line and ". " not in line:
            return
        position = 0
        listed: tuple[str, _Token, str] | None = None  # the last name's kind, last word and text
        while position < len(tokens):
            token = tokens[position]
            title = _phrase_at(tokens, position, v.titles["en"]) if token.latin else None
            if title and (self.capitalised(token) or token.folded in ("coach", "captain")):
                after = self.after_title(tokens, position, title, self.english_after)
                name = tokens[position + len(title):after]
                listed = ("person", name[-1], name[0].line[name[0].start:name[-1].end]) if name else None
                position = max(after, position + 1)
                continue
            if not self.capitalised(token):
                position += 1
                continue
            run = self.english_run(tokens, position)
            for part in self.english_parts(run):
                found = self.english_kind(tokens, part)
                text = part[0].line[part[0].start:part[-1].end]
                # A list shares a kind: "Justice A, B and C", "Al Quoz 1, Al Satwa".
                if not found and listed and _LIST_GAP.fullmatch(part[0].line[listed[1].end:part[0].start]):
                    found = listed[0], "listed with: " + listed[2]
                if found and found[1] != "glossary":
                    self.add(found[0], part, found[1])
                listed = (found[0], part[-1], text) if found else None
            position += max(1, len(run))

    def english_run(self, tokens: list[_Token], start: int) -> list[_Token]:
        """Capitalised words from start, with "of", "and", "e" … between them,
        up to an ordinary word ("Tuesday") or a title ("… Chairman Maulana X")."""
        v = self.v
        run = [tokens[start]]
        position = start + 1
        while position < len(tokens) and tokens[position].joined and tokens[position].latin:
            token = tokens[position]
            if token.folded in v.common_words and token.folded not in self.signal_words:
                break
            if _phrase_at(tokens, position, v.titles["en"]) and position + 1 < len(tokens) \
                    and self.capitalised(tokens[position + 1]):
                break
            if self.capitalised(token) or (token.folded.isdigit() and len(token.folded) <= 3):
                run.append(token)
            elif (token.folded in v.function_words["en"] and position + 1 < len(tokens)
                  and tokens[position + 1].joined and self.capitalised(tokens[position + 1])):
                run.append(token)
            else:
                break
            position += 1
        return run

    def english_parts(self, run: list[_Token]) -> list[list[_Token]]:
        """The names in a capitalised run: "and" joins two ("Portugal and
        Spain") unless an organisation word makes them one ("Roads and
        Transport Authority"); a sentence's ordinary first word is no part."""
        v = self.v
        if not self.organisation_word(run):
            for index, token in enumerate(run):
                if token.folded in ("and", "&"):
                    return [*self.english_parts(run[:index]), *self.english_parts(run[index + 1:])]
        # A sentence's first word is capitalised whatever it is: an ordinary
        # word, or one qualifying a name ("Neighbouring Algeria").
        while run and (run[0].folded in v.common_words
                       or (run[0].sentence_start and (tuple(t.folded for t in run[1:]) in v.known
                                                      or run[0].folded.endswith(("ing", "ed", "ly"))))):
            run = run[1:]
        while run and (run[-1].folded in v.function_words["en"]):
            run = run[:-1]
        return [run] if run else []

    def english_kind(self, tokens: list[_Token], run: list[_Token]) -> tuple[str, str] | None:
        """(kind, reason) of a capitalised run, or None when nothing says."""
        v = self.v
        known = v.known.get(tuple(t.folded for t in run))
        if known:
            return known, "glossary"
        if len(run) == 1:
            word = run[0].raw
            # Not a line's or sentence's first word: "VIEWS", "NOTE" head a block.
            if word.isupper() and len(word) >= 3 and word.isascii() and word.isalpha() and not run[0].sentence_start:
                return "organisation", "capitalised: abbreviation"
            return None
        start = tokens.index(run[0])
        before = tokens[start - 1].folded if start > 0 and run[0].joined else ""
        phrase = self.organisation_word(run)
        if phrase:
            return "organisation", "organisation word: " + " ".join(phrase)
        if before in ("in", "near"):
            return "place", f"capitalised, after '{before}'"
        if _phrase_at(run, 0, v.place_heads["en"]):
            return "place", "place word: " + run[0].raw
        if _phrase_at(run, len(run) - 1, v.place_words["en"]):
            return "place", "place word: " + run[-1].raw
        if run[-1].folded.isdigit() and len(run[-1].folded) <= 2 and len(run[-2].folded) >= 3:  # "Al Quoz 3"
            return "place", "capitalised, numbered"
        if run[-1].folded.isalpha() and (_phrase_at(run, 0, v.given_names["en"]) or self.surname_again(run)):
            # Capitals alone make too many false people ("Sustainable Mobility"):
            # a person's name opens with a given name, or the text names the
            # person again by the last name alone ("… Kakar said").
            return "person", "capitalised"
        return None

    def surname_again(self, run: list[_Token]) -> bool:
        """Whether the run's last word stands elsewhere without the words before it."""
        surname, before = run[-1].folded, run[-2].folded
        return any(token.folded == surname and (i == 0 or self.all_tokens[i - 1].folded != before)
                   for i in self.positions.get(surname, ()) for token in (self.all_tokens[i],))

    def organisation_word(self, run: list[_Token]) -> Phrase | None:
        for i, token in enumerate(run):
            phrase = _phrase_at(run, i, self.v.organisation_words["en"])
            if phrase and token.raw[:1].isupper():
                return phrase
        return None

    # Lines -----------------------------------------------------------------

    def datelines(self, line: str) -> None:
        found = _URDU_DATELINE.match(line)
        if found and self.language == "ur":
            place = _tokens(found.group(1))
            if 0 < len(place) <= MAX_URDU_NAME_WORDS and all(self.urdu_name_word(t) for t in place):
                self.add("place", place, "dateline")
                agency = _tokens(found.group(2))
                if agency and len(agency) <= 4 and all(self.urdu_name_word(t) or t.latin for t in agency):
                    self.add("organisation", agency, "agency")
        found = _ENGLISH_DATELINE.match(line)
        if found:
            for place in found.group(1).split("/"):
                self.add("place", _tokens(place), "dateline")
            if found.group(2):
                self.add("organisation", _tokens(found.group(2)), "agency")
        found = _BYLINE.match(line)
        if found:
            self.add("person", _tokens(found.group(1)), "byline")


def find_names(text: str, language: str, vocabulary: NameVocabulary) -> list[Name]:
    """Names in text that the glossary does not know, in the order first found.

    language is the text's ("ur" or "en"); English names inside an Urdu text
    are found too, by their capitals.
    """
    finder = _Finder(vocabulary, language)
    lines = _lines_of_tokens(text)
    all_tokens = finder.all_tokens = [token for tokens in lines for token in tokens]
    for index, token in enumerate(all_tokens):
        finder.positions.setdefault(token.folded, []).append(index)
    for line, tokens in zip(text.split("\n"), lines):
        finder.datelines(line)
        if language == "ur":
            finder.urdu(tokens)
        if _LATIN_LETTER.search(line):
            finder.english(tokens)
    folded = [token.folded for token in all_tokens]

    def count(key: Phrase) -> int:
        return sum(tuple(folded[i:i + len(key)]) == key for i in finder.positions.get(key[0], ()))

    # At least once: a dateline's place may be outside the words counted (a "date …" prefix).
    return [Name(kind, text, reason, max(1, count(key))) for key, (kind, text, reason) in finder.found.items()]
