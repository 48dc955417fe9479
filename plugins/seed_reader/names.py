"""Names of people, places and organisations that the glossary does not know.

Candidates come from what news text itself signals (the words are in
data/names.toml):
  - a title before a name: "وزیر اعظم X", "Justice X";
  - an organisation word after a name, or a head word before one:
    "X کونسل", "X University", "وزارت X", "تحصیل X";
  - a dateline and its agency: "لاہور (این این آئی)", "ISLAMABAD:";
  - a byline: "By X";
  - in English, a run of capitalised words, not counting a sentence's ordinary
    first word; kind from an organisation or place word in it (or "in X"),
    else a person when it opens with a given name or the text names it again
    by its last word alone; a run nothing says is left out.
A name the glossary has as a variant is left to the glossary.
"""

import re
from itertools import accumulate, takewhile
from typing import NamedTuple

from akhbar.normalize import TextWords, fold_for_matching

from .knowledge import NameVocabulary, Phrase, PhraseIndex

MAX_URDU_NAME_WORDS = 3
MAX_ENGLISH_NAME_WORDS = 5
# Between two words of one name: spaces, a hyphen (Tehreek-e-Insaf) or ZWNJ
# (and in Latin script an apostrophe, below). Anything else (، ۔ , . : ( ) …)
# ends the name.
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
_DIGIT = re.compile(r"\d")
_SENTENCE_GAP = re.compile(r"[.!?:;\"“”‘(]")
# "لاہور (این این آئی)" or "کراچی(اسٹاف رپورٹر)" opening a line; a crawler's
# "date 2025-06-25" may come before it.
_URDU_DATELINE = re.compile(
    r"^[\sA-Za-z0-9:\-]*?([\u0600-\u06ff][\u0600-\u06ff ]{1,40}?)\s*[(（]([^()（）]{2,40})[)）]")
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
    index: int  # its place in the line's words


class _Line:
    """The words of one line, as parallel lists (written, folded) and the gaps
    between them. Most words are only looked up by their folded form: the
    finder asks for a word as a _Token (where it is, whether it is joined to
    the one before) only where a name may be, and each is made once."""

    __slots__ = ("parts", "raw", "folded", "written", "_tokens", "_offsets", "_text")

    def __init__(self, parts: list[str], folded: list[str], written: str):
        self.parts = parts  # text before the first word, word, gap, word, …, text after the last
        self.raw = parts[1::2]
        self.folded = folded
        self.written = written  # the line as the text has it (a number glued to a word still glued)
        self._tokens: dict[int, _Token] = {}
        self._offsets: list[int] | None = None
        self._text: str | None = None

    @property
    def text(self) -> str:
        """The line, a space between a number and a word glued to it: what a name's text is cut from."""
        if self._text is None:
            self._text = "".join(self.parts)
        return self._text

    def __len__(self) -> int:
        return len(self.raw)

    def latin(self, i: int) -> bool:
        return not "\u0600" <= self.raw[i][0] <= "\u06ff"

    def joined(self, i: int) -> bool:
        if i <= 0:
            return False
        gap = self.parts[2 * i]
        if gap == " ":  # most gaps: a shortcut
            return True
        joining = _LATIN_JOINING_GAP if self.latin(i) and self.latin(i - 1) else _JOINING_GAP
        return joining.fullmatch(gap) is not None

    def sentence_start(self, i: int) -> bool:
        gap = self.parts[2 * i]
        return i == 0 or gap != " " and _SENTENCE_GAP.search(gap) is not None

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.raw)))]
        if i < 0:
            i += len(self.raw)
        token = self._tokens.get(i)
        if token is None:
            if not 0 <= i < len(self.raw):
                raise IndexError(i)
            if self._offsets is None:
                self._offsets = list(accumulate(map(len, self.parts)))
            token = self._tokens[i] = _Token(
                self.raw[i], self.folded[i], self.text, self._offsets[2 * i], self._offsets[2 * i + 1],
                self.joined(i), self.sentence_start(i), self.latin(i), i)
        return token

    def __iter__(self):
        return (self[i] for i in range(len(self.raw)))


def _lines_of(text_words: TextWords) -> list[_Line]:
    """Each line of a text as a _Line; a number glued to a word is a word of its own."""
    lines = []
    folded = text_words.folded
    position = 0
    for parts in text_words.lines:
        count = len(parts) // 2
        line_folded = folded[position:position + count]
        position += count
        text = "".join(parts)
        glued = [i for i, word in enumerate(parts[1::2]) if not word.isalpha() and _GLUED_DIGITS.search(word)] \
            if count and _DIGIT.search(text) else ()
        if glued:
            parts, line_folded = list(parts), list(line_folded)
            for i in reversed(glued):
                pieces = _GLUED_DIGITS.sub(" ", parts[2 * i + 1]).split(" ")
                parts[2 * i + 1:2 * i + 2] = [x for piece in pieces for x in (piece, " ")][:-1]
                line_folded[i:i + 1] = [fold_for_matching(piece).strip("\u200c") for piece in pieces]
        lines.append(_Line(parts, line_folded, text))
    return lines


def _tokens(text: str) -> _Line:
    return _lines_of(TextWords(text))[0]


def _phrase_at(tokens: "_Line | list[_Token]", start: int, index: PhraseIndex) -> Phrase | None:
    """The longest phrase of the index written at tokens[start:], whole words."""
    if type(tokens) is _Line:
        folded = tokens.folded
        phrases = index.get(folded[start]) if start < len(folded) else None
        if not phrases:
            return None
        for phrase in phrases:
            end = start + len(phrase)
            if end <= len(folded) and (len(phrase) == 1 or tuple(folded[start:end]) == phrase
                                       and all(tokens.joined(i) for i in range(start + 1, end))):
                return phrase
        return None
    if start >= len(tokens):
        return None
    for phrase in index.get(tokens[start].folded, ()):
        end = start + len(phrase)
        if end <= len(tokens) and all(t.folded == w for t, w in zip(tokens[start:end], phrase, strict=True)) \
                and all(t.joined for t in tokens[start + 1:end]):
            return phrase
    return None


def _known_at(tokens: _Line, start: int, vocabulary: NameVocabulary) -> tuple[int, str] | None:
    """(length, kind) of the longest glossary variant at tokens[start:]."""
    folded = tokens.folded
    lengths = vocabulary.known_lengths.get(folded[start]) if start < len(folded) else None
    for length in lengths or ():
        kind = vocabulary.known.get(tuple(folded[start:start + length]))
        if kind:
            return length, kind
    return None


class _Starts(NamedTuple):
    """Sets of first words made once per vocabulary, not once per text."""
    signal_words: frozenset[str]
    urdu_signals: frozenset[str]
    urdu_starts: frozenset[str]


_STARTS: dict[int, tuple[NameVocabulary, _Starts]] = {}


def _starts(vocabulary: NameVocabulary) -> _Starts:
    kept = _STARTS.get(id(vocabulary))
    if kept is None or kept[0] is not vocabulary:
        # Words that cannot be part of a name: they are what signals one. Only
        # a signal's first word: "اعظم" of "وزیر اعظم" is also in "بابر اعظم".
        signal_words = frozenset(first for table in (
            vocabulary.titles, vocabulary.organisation_words, vocabulary.organisation_heads,
            vocabulary.place_words, vocabulary.place_heads) for index in table.values() for first in index)
        # Words that may begin an Urdu signal: any other is passed by, once the
        # glossary has had its say.
        urdu_signals = frozenset(first for table in (
            vocabulary.titles, vocabulary.given_names, vocabulary.family_names, vocabulary.organisation_heads,
            vocabulary.place_heads, vocabulary.organisation_words, vocabulary.place_words) for first in table["ur"])
        kept = _STARTS[id(vocabulary)] = (vocabulary, _Starts(signal_words, urdu_signals,
                                                              urdu_signals | set(vocabulary.known_lengths)))
    return kept[1]


class _Finder:
    def __init__(self, vocabulary: NameVocabulary, language: str):
        self.v = vocabulary
        self.language = language
        starts = _starts(vocabulary)
        self.signal_words = starts.signal_words
        self.found: dict[Phrase, tuple[str, str, str]] = {}  # folded words -> kind, text, reason
        # Words that may begin a signal or a known name: any other is passed by.
        self.urdu_starts = starts.urdu_starts
        self.urdu_signals = starts.urdu_signals
        self.floor = 0  # in the line being read, the words before this one are taken
        self.all_folded: list[str] = []  # every word of the text, folded
        self._positions: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        """Where a folded word is in all_folded (list.index scans in C: a
        text names few names, so no index of all its words is made)."""
        found = self._positions.get(word)
        if found is None:
            found, start = [], 0
            try:
                while True:
                    start = self.all_folded.index(word, start) + 1
                    found.append(start - 1)
            except ValueError:
                self._positions[word] = found
        return found

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

    def urdu(self, tokens: _Line) -> None:
        v = self.v
        folded, starts = tokens.folded, self.urdu_starts
        position = self.floor = 0
        # Most lines: no word that may begin a name.
        abdul = " عبدال" in " " + " ".join(folded)  # "Abdul-" names, written as one word
        if not abdul and starts.isdisjoint(folded):
            return
        length = len(folded)
        known_lengths, known_names = v.known_lengths, v.known
        while position < length:
            if folded[position] not in starts and not (abdul and folded[position].startswith("عبدال")):
                position += 1
                continue
            # A known name may begin an organisation's ("پنجاب اسمبلی پریس
            # کمیٹی", "علی گڑھ مسلم یونیورسٹی"): the floor stays where it is.
            # A plain loop: a generator made for each word that may begin a name cost more.
            for known in known_lengths.get(folded[position], ()):
                if tuple(folded[position:position + known]) in known_names:
                    break
            else:
                known = 0
            if known:
                position += known
                continue
            if folded[position] not in self.urdu_signals and not (abdul and folded[position].startswith("عبدال")):
                position += 1  # no signal begins here: what follows would find nothing
                continue
            title = _phrase_at(tokens, position, v.titles["ur"])
            if title and not tokens.latin(position):
                position = self.floor = self.after_title(tokens, position, title, self.urdu_after)
                continue
            given = _phrase_at(tokens, position, v.given_names["ur"])
            if not given and tokens.folded[position].startswith("عبدال") and self.urdu_name_word(tokens[position]):
                # عبدالرشید، عبدالحفیظ: "Abdul-" names are written as one word.
                rest = self.urdu_after(tokens, position + 1)[:2] if position + 1 < len(tokens) \
                    and tokens.joined(position + 1) else []
                self.add("person", tokens[position:position + 1 + len(rest)], "given name: عبدال…")
                position = self.floor = position + 1 + len(rest)
                continue
            end = position + len(given or ())
            if given and end < len(tokens) and _phrase_at(tokens, end, v.place_words["ur"]):
                given = None  # "علی گڑھ": a place, found at its place word
            if given and not tokens.latin(position) and end < len(tokens) and tokens.joined(end):
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
            if head and not tokens.latin(position):
                # A place is one or two words ("تحصیل ڈسکہ"): more is the sentence going on.
                name = self.urdu_after(tokens, position + len(head))[:2 if kind == "place" else 3]
                # "محکمہ ابتدائی و ثانوی تعلیم": two subjects of one department.
                after = position + len(head) + len(name)
                if kind == "organisation" and name and after + 1 < len(tokens) and tokens.folded[after] == "و" \
                        and tokens.joined(after) and tokens.joined(after + 1):
                    # The subjects are ordinary words (تعلیم، صحت): any but function words.
                    more = list(takewhile(
                        lambda t: t.joined and not t.latin and t.folded not in v.function_words["ur"],
                        tokens[after + 1:after + 3]))
                    name += [tokens[after], *more] if more else []
                if name and not _known_at(tokens, position + len(head), v):
                    self.add(kind, tokens[position:position + len(head) + len(name)],
                             f"{kind} word: {' '.join(t.raw for t in tokens[position:position + len(head)])}")
                position = self.floor = position + len(head) + len(name)
                continue
            word = _phrase_at(tokens, position, v.organisation_words["ur"])
            if word and not tokens.latin(position):
                name = self.urdu_before(tokens, position)
                end = position + len(word)
                # "سپریم کورٹ آف پاکستان", "لاہور کالج برائے خواتین یونیورسٹی"
                if end + 1 < len(tokens) and tokens.folded[end] in v.organisation_links["ur"]:
                    end += len(self.urdu_link_tail(tokens, end))
                # "گورنمنٹ کالج ویمن یونیورسٹی": a second organisation word goes on the name.
                for gap in (0, 1, 2):
                    following = _phrase_at(tokens, end + gap, v.organisation_words["ur"])
                    if following and tokens.joined(end) \
                        and all(t.joined and self.urdu_name_word(t) for t in tokens[end:end + gap]):
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

    def urdu_link_tail(self, tokens: _Line, link: int) -> list:
        """The link word at `link` and the 1-3 name words after it, known
        names among them ("آف انڈیا"); nothing if no name follows."""
        position = link + 1
        while position < len(tokens) and position - link <= MAX_URDU_NAME_WORDS and tokens.joined(position):
            known = _known_at(tokens, position, self.v)
            if known:
                position += known[0]
            elif self.urdu_name_word(tokens[position]):
                position += 1
            else:
                break
        return list(range(link, position)) if position > link + 1 else []

    def name_before(self, tokens: list[_Token], position: int, index: PhraseIndex, kind: str, reason: str) -> int:
        """A name of one or two words ending in a word of the index at position
        ("نسیم شاہ", "نور باغ"); where to go on, or 0 if no such word is there."""
        word = _phrase_at(tokens, position, index)
        if not word or tokens.latin(position):
            return 0
        end = position + len(word)
        name = self.urdu_before(tokens, position)[-2:]
        if name:
            found = tokens[position:end]
            self.add(kind, [*name, *found], f"{reason}: " + " ".join(t.raw for t in found))
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
            lang = "ur" if not tokens[start].latin else "en"
            more = _phrase_at(tokens, start, self.v.titles[lang]) or _phrase_at(tokens, start, self.v.portfolios[lang])
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

    def english(self, tokens: _Line) -> None:
        v = self.v
        raw, folded = tokens.raw, tokens.folded
        latin = [w for w in raw if not "\u0600" <= w[0] <= "\u06ff" and w[0].isalpha()]
        # A Title Case headline capitalises every word: no signal there. A
        # headline is short, one sentence, and no list (a list has commas).
        if 4 <= len(latin) <= 20 and sum(w[0].isupper() for w in latin) >= 0.6 * len(latin) \
                and "," not in tokens.text and ". " not in tokens.text:
            return
        titles = v.titles["en"]
        position = 0
        listed: tuple[str, _Token, str] | None = None  # the last name's kind, last word and text
        while position < len(tokens):
            word = raw[position]
            # Only a title or a capitalised Latin word may begin a name.
            if folded[position] not in titles and not (word[0].isupper() and not "\u0600" <= word[0] <= "\u06ff"):
                position += 1
                continue
            token = tokens[position]
            title = _phrase_at(tokens, position, titles) if token.latin else None
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
            # "of" and "for" join an organisation's or a place's name ("Bank of
            # England", "Province of Punjab"), not people to places ("Residents of X").
            joins_kind = token.folded in v.function_words["en"] and (
                self.organisation_word(run) or _phrase_at(run, 0, v.place_heads["en"]))
            if token.folded in v.common_words and token.folded not in self.signal_words and not joins_kind:
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
        start = run[0].index
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
        return any(i == 0 or self.all_folded[i - 1] != before for i in self.positions(surname))

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


def find_names(text: str | TextWords, language: str, vocabulary: NameVocabulary) -> list[Name]:
    """Names in text that the glossary does not know, in the order first found.

    language is the text's ("ur" or "en"); English names inside an Urdu text
    are found too, by their capitals. The text may come as its TextWords,
    shared with the gazetteer (entities.py): its words are found and folded once.
    """
    text_words = text if isinstance(text, TextWords) else TextWords(text)
    finder = _Finder(vocabulary, language)
    lines = _lines_of(text_words)
    all_folded = finder.all_folded = [word for line in lines for word in line.folded]
    for tokens in lines:
        line = tokens.written
        finder.datelines(line)
        if language == "ur":
            finder.urdu(tokens)
        if _LATIN_LETTER.search(line):
            finder.english(tokens)

    def count(key: Phrase) -> int:
        return sum(tuple(all_folded[i:i + len(key)]) == key for i in finder.positions(key[0]))

    # At least once: a dateline's place may be outside the words counted (a "date …" prefix).
    return [Name(kind, text, reason, max(1, count(key))) for key, (kind, text, reason) in finder.found.items()]
