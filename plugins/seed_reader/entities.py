"""People, places, organisations and topics named in a text, through the glossary."""

import re
from typing import NamedTuple

from .knowledge import GlossaryEntry
from .normalize import fold_for_matching

# Words are runs of letters and digits with their combining marks (harakat)
# and ZWNJ; Urdu punctuation (، ۔ ؟ ؛) separates words like spaces do.
_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+")


class EntityMention(NamedTuple):
    """A glossary entry an article names. A tuple: articles hold dozens, and
    kept imports are unpickled on every build (tuples load in 2/3 the time)."""

    entry: GlossaryEntry
    count: int
    first: int  # index of the first word that names it

    def as_dict(self) -> dict:
        return {
            "id": self.entry.id,
            "kind": self.entry.kind,
            "ur": self.entry.ur,
            "en": self.entry.en,
            "mentions": self.count,
        }


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [w.strip("\u200c") for w in _WORD.findall(fold_for_matching(text))]


class Gazetteer:
    """Finds glossary variants in text as whole-word sequences, longest first."""

    def __init__(self, glossary: list[GlossaryEntry]):
        self._by_first_word: dict[str, list[tuple[tuple[str, ...], GlossaryEntry]]] = {}
        for entry in glossary:
            for variant in entry.variants:
                key = tuple(words(variant))
                if key:
                    self._by_first_word.setdefault(key[0], []).append((key, entry))
        for candidates in self._by_first_word.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)

    def find(self, text: str) -> list[EntityMention]:
        """Entries named in text, most mentioned first (ties: first named first)."""
        tokens = words(text)
        counts: dict[str, list] = {}
        position = 0
        while position < len(tokens):
            step = 1
            for key, entry in self._by_first_word.get(tokens[position], ()):
                if tuple(tokens[position:position + len(key)]) == key:
                    found = counts.setdefault(entry.id, [entry, 0, position])
                    found[1] += 1
                    step = len(key)
                    break
            position += step
        mentions = [EntityMention(entry, count, first) for entry, count, first in counts.values()]
        return sorted(mentions, key=lambda m: (-m.count, m.first))
