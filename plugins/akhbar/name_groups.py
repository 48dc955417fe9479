"""Names the glossary does not know, gathered across the archive's seeds.

What `make names` lists (most seeds first), what the build counts, and the
spellings that search adds to an article (search_index/records.py).

Spellings are grouped by two rules, kept simple so that an editor can say
why two spellings were put together:

1. Spellings are one name when they fold to the same words
   (`fold_for_matching`: Arabic-keyboard letters, diacritics, case), or to
   the same letters once the spaces between words are taken out
   ("عبدالرشید" / "عبدال رشید", "Al Quoz" / "AlQuoz").
2. A shorter name joins a longer one of the same kind when its words begin
   or end the longer one's ("آفریدی" → "شاہد آفریدی", "Kakar" → "Anwaar
   Kakar"), if exactly one such longer name is in the archive; a shorter
   name two longer ones share ("Khan" of "Imran Khan" and "Ali Khan") stays
   on its own.

A group is counted by the seeds that name it in any of its spellings; its
kind is the one most of its mentions were given, its spelling the one most
seeds write.
"""

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from unidecode import unidecode

from .normalize import words

# A name that recurs: on at least this many seeds.
RECURRING_SEEDS = 2


@dataclass
class NameGroup:
    spellings: Counter = field(default_factory=Counter)  # as written -> seeds that write it
    kinds: Counter = field(default_factory=Counter)  # kind -> seeds
    reasons: Counter = field(default_factory=Counter)  # reason -> seeds
    seeds: set = field(default_factory=set)
    keys: set = field(default_factory=set)  # folded words of every spelling

    @property
    def text(self) -> str:
        """The spelling most seeds write (ties: the longest, then the first in order)."""
        return min(self.spellings, key=lambda s: (-self.spellings[s], -len(s), s))

    @property
    def kind(self) -> str:
        return min(self.kinds, key=lambda k: (-self.kinds[k], k))

    def variants(self) -> list[str]:
        """Every spelling, one per folded form, the most written first."""
        shown: dict[tuple, str] = {}
        for spelling in sorted(self.spellings, key=lambda s: (-self.spellings[s], -len(s), s)):
            shown.setdefault(tuple(words(spelling)), spelling)
        return list(shown.values())

    def why(self) -> str:
        """The reasons its spellings were taken, the most seeds first: "title: جسٹس ×2, dateline ×1"."""
        return ", ".join(f"{reason} ×{count}" for reason, count in self.reasons.most_common())

    def merge(self, other: "NameGroup") -> None:
        self.spellings.update(other.spellings)
        self.kinds.update(other.kinds)
        self.reasons.update(other.reasons)
        self.seeds |= other.seeds
        self.keys |= other.keys


class _Union:
    def __init__(self, items):
        self.parent = {item: item for item in items}

    def find(self, item):
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)


def group_names(named: Iterable[tuple[str, Iterable]]) -> list[NameGroup]:
    """Groups of the names of (seed, names) pairs, the most seeds first (ties: by spelling).
    A name is the importer's (seed_reader.names.Name): its `text`, `kind` and `reason`."""
    by_key: dict[tuple[str, ...], NameGroup] = {}
    for seed, names in named:
        for name in names:
            key = tuple(words(name.text))
            if not key:
                continue
            group = by_key.get(key)
            if group is None:
                group = by_key[key] = NameGroup(keys={key})
            if seed in group.seeds:  # a seed counts once (its names are one per folded form anyway)
                continue
            group.spellings[name.text] += 1
            group.kinds[name.kind] += 1
            group.reasons[name.reason] += 1
            group.seeds.add(seed)
    union = _Union(by_key)
    # Rule 1: the same letters without spaces.
    joined: dict[str, tuple] = {}
    for key in by_key:
        union.join(key, joined.setdefault("".join(key), key))
    kinds = {key: group.kind for key, group in by_key.items()}
    # Rule 2: a shorter name joins the one longer name of its kind it begins or
    # ends. Longest first, so that "A B" has joined "A B C" before "A" looks.
    ends: dict[tuple, set] = {}
    for key in by_key:
        for cut in range(1, len(key)):
            ends.setdefault(key[:cut], set()).add(key)
            ends.setdefault(key[-cut:], set()).add(key)
    for key in sorted(by_key, key=lambda k: (-len(k), k)):
        longer = {union.find(other) for other in ends.get(key, ()) if kinds[other] == kinds[key]}
        longer.discard(union.find(key))
        if len(longer) == 1:
            union.join(key, longer.pop())
    groups: dict[tuple, NameGroup] = {}
    for key, group in by_key.items():
        root = union.find(key)
        if root in groups:
            groups[root].merge(group)
        else:
            groups[root] = NameGroup(Counter(group.spellings), Counter(group.kinds), Counter(group.reasons),
                                     set(group.seeds), set(group.keys))
    return sorted(groups.values(), key=lambda g: (-len(g.seeds), g.text))


def recurring(groups: list[NameGroup], min_seeds: int = RECURRING_SEEDS) -> list[NameGroup]:
    return [group for group in groups if len(group.seeds) >= min_seeds]


def spellings_by_key(groups: list[NameGroup]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded words of a name -> every spelling of its group."""
    return {key: tuple(group.variants()) for group in groups for key in group.keys}


# Where `make names ACCEPT=…` writes: a glossary file like any other (knowledge.py reads data/glossary/*.toml).
ACCEPTED_FILE = "glossary/accepted.toml"
ACCEPTED_HEADER = """\
# Names editors accepted from `make names` (`make names ACCEPT="<spelling>"` adds an entry here).
#
# Same format and rules as data/glossary.toml. Complete each entry: its English
# name (`en`; `make check` lists the entries still without one, and the site
# shows the Urdu name meanwhile), its `id` (lowercase ASCII words joined by
# "-", made from the spelling when accepted: the address of its page, so set it
# before publishing), and its `variants` (every spelling the archive used is
# there; take out any that is not this name).
"""


def _toml_string(text: str) -> str:
    # A TOML basic string: JSON's escapes are TOML's.
    return json.dumps(text, ensure_ascii=False)


def entry_id(group: "NameGroup", taken: set[str]) -> str:
    """An id from the group's Latin spelling if it has one, else its Urdu one in Latin letters."""
    latin = [s for s in group.variants() if s.isascii()]
    base = re.sub(r"[^a-z0-9]+", "-", unidecode(latin[0] if latin else group.text).lower()).strip("-") or "name"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def accepted_entry(group: "NameGroup", entry: str, kind: str, variants: list[str]) -> str:
    """The [[entry]] table for a group; the English name is left for the editor."""
    urdu = [s for s in variants if not s.isascii()]
    latin = [s for s in variants if s.isascii()]
    return "\n".join([
        "",
        f"# Accepted from `make names`: named on {len(group.seeds)} seed(s); found by {group.why()}.",
        "[[entry]]",
        f"id = {_toml_string(entry)}",
        f"kind = {_toml_string(kind)}",
        f"ur = {_toml_string(urdu[0] if urdu else '')}",
        f"en = {_toml_string(latin[0] if latin else '')}",
        f"variants = [{', '.join(_toml_string(v) for v in variants)}]",
        "",
    ])
