"""People, places, organisations and topics named in a text, through the glossary."""

from itertools import compress, count
from typing import NamedTuple

from akhbar.normalize import WORD, TextWords, words

from .knowledge import ABBREVIATION, GlossaryEntry

# Postpositions some outlets type glued to the name before them ("تامل ناڈوکے",
# "پاکستانمیں"): a variant's last Urdu word matches with one of these after it.
GLUED_POSTPOSITIONS = ("کے", "کی", "کا", "کو", "نے", "سے", "میں", "پر")


class EntityMention(NamedTuple):
    """A glossary entry an article names. A tuple: articles hold dozens, and
    kept imports are unpickled on every build (tuples load in 2/3 the time)."""

    entry: GlossaryEntry
    count: int
    first: int  # index of the first word that names it
    # How the text writes it, first met first: its words as written (letters,
    # marks, case), one space between them.
    spellings: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "id": self.entry.id,
            "kind": self.entry.kind,
            "ur": self.entry.ur,
            "en": self.entry.en,
            "mentions": self.count,
            "spellings": list(self.spellings),
        }


class Gazetteer:
    """Finds glossary variants in text as whole-word sequences, longest first."""

    def __init__(self, glossary: list[GlossaryEntry]):
        # first folded word -> [(folded words, words as written or None,
        # whether a postposition may be glued to the last word, entry)]
        self._by_first_word: dict[str, list[tuple[tuple[str, ...], tuple[str, ...] | None, bool, GlossaryEntry]]] = {}
        for entry in glossary:
            for variant in entry.variants:
                key = tuple(words(variant))
                if not key:
                    continue
                exact = tuple(WORD.findall(variant)) if ABBREVIATION.fullmatch(variant) else None
                gluable = len(key[-1]) >= 3 and "\u0600" <= key[-1][-1] <= "\u06ff"
                self._by_first_word.setdefault(key[0], []).append((key, exact, gluable and len(key) > 1, entry))
                if gluable and len(key) == 1:  # a one-word variant is found by its glued form
                    for glued in GLUED_POSTPOSITIONS:
                        self._by_first_word.setdefault(key[0] + glued, []).append((key, None, True, entry))
        for candidates in self._by_first_word.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)

    def find(self, text: str | TextWords) -> list[EntityMention]:
        """Entries named in text, most mentioned first (ties: first named first).
        The text may come as its TextWords, which the names finder reads too."""
        found_words = text if isinstance(text, TextWords) else TextWords(text)
        raw, tokens = found_words.raw, found_words.folded
        found: dict[str, list] = {}
        by_first_word = self._by_first_word
        after_match = 0  # the words of the last variant found begin no other
        # Only the few words that begin a variant are tried: they are picked out
        # in C, not by a Python loop over every word of the text.
        for position in compress(count(), map(by_first_word.__contains__, tokens)):
            if position < after_match:
                continue
            for key, exact, gluable, entry in by_first_word[tokens[position]]:
                end = position + len(key)
                last = tokens[end - 1] if end <= len(tokens) else ""
                glued = len(last) - len(key[-1])
                if (tuple(tokens[position:end - 1]) == key[:-1]
                        and (glued == 0 or gluable and last[len(key[-1]):] in GLUED_POSTPOSITIONS)
                        and last.startswith(key[-1])
                        and (exact is None or tuple(raw[position:end]) == exact)):
                    mention = found.setdefault(entry.id, [entry, 0, position, {}])
                    mention[1] += 1
                    written = " ".join(raw[position:end])
                    mention[3][written[:-glued] if glued else written] = None
                    after_match = end
                    break
        mentions = [EntityMention(entry, times, first, tuple(spellings))
                    for entry, times, first, spellings in found.values()]
        return sorted(mentions, key=lambda m: (-m.count, m.first))
