"""An article and its translations as one story, seen from either language."""

import bisect
import dataclasses
import heapq
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from akhbar.languages import LANGUAGES

# An entry named in more than this share of a large archive (Russia in a
# Russia desk's archive) says nothing about which stories belong together.
TOO_COMMON_SHARE = 0.05
TOO_COMMON_MIN = 50
# Of an entry's stories, only this many nearest in time are candidates: a
# story's neighbours in time are the likeliest to be related, and the work per
# story stays the same however large the archive grows (an entry every 1 % of
# stories name otherwise makes the whole step grow with the archive's square).
NEAREST_HOLDERS = 100


@dataclass
class Card:
    """What a listing shows of a story in one language."""

    url: str
    lang: str  # the article's language
    title: str
    title_lang: str
    summary: str  # HTML
    summary_lang: str
    date: object
    undated: bool
    date_confidence: str
    outlet: object
    reading_minutes: int | None
    in_page_language: bool


class Story:
    def __init__(self, original):
        self.original = original
        self._cards = {}
        # Where its cards are in the build's CardSheet, and their digest (cards.py), once rendered there.
        self.sheet_slot: int | None = None
        self.cards_digest: str | None = None
        self.versions = {original.lang: original}
        for translation in getattr(original, "translations", []):
            self.versions.setdefault(translation.lang, translation)

    @property
    def undated(self) -> bool:
        return bool(getattr(self.original, "undated", False))

    @property
    def date(self):
        return None if self.undated else self.original.date

    @property
    def outlet(self):
        return getattr(self.original, "outlet", None)

    @property
    def category(self):
        return getattr(self.original, "category_info", None)

    @property
    def entities(self) -> list:
        return list(getattr(self.original, "entities", None) or [])

    def sort_key(self):
        # Newest first; undated stories after every dated one.
        return (self.undated, -(self.original.date.toordinal()), self.original.slug)

    def fingerprint(self) -> str | list[Card]:
        """What other pages show of this story, for plugins/incremental_pages:
        the digest of its rendered cards, else the cards."""
        return self.cards_digest or [self.card(lang) for lang in LANGUAGES]

    def content_changed(self) -> None:
        """One of its articles was read again (the live preview): make the cards anew."""
        self._cards.clear()
        self.sheet_slot = self.cards_digest = None

    def card(self, lang: str) -> Card:
        # Once per language: a story is listed on many pages, and an article's
        # URL is slow to compute in Pelican.
        if lang not in self._cards:
            self._cards[lang] = self._make_card(lang)
        return self._cards[lang]

    def _make_card(self, lang: str) -> Card:
        version = self.versions.get(lang)
        if version is None:
            # Listed in a language it has no version in: its original's card,
            # whose URL is made once (Pelican formats it anew each time).
            return self._card_in_other_language(lang)
        # The card's small values are the interpreter's shared strings and a
        # copy of the date, made here beside the card, not the article's own
        # objects: a forked process rendering the cards (cards.py) copies
        # every page of memory it reads, and an article's objects share their
        # pages with other articles' (pages copied a story at 100,000
        # articles: 7.9 with the article's own, 5.8-6.2 with these).
        version_lang = sys.intern(version.lang)
        return Card(
            url=version.url,
            lang=version_lang,
            title=version.title,
            title_lang=version_lang,
            summary=getattr(version, "summary", ""),
            summary_lang=version_lang,
            date=self._date_copy(),
            undated=self.undated,
            date_confidence=sys.intern(getattr(self.original, "date_confidence", "high")),
            outlet=self.outlet,
            reading_minutes=getattr(version, "reading_minutes", None),
            in_page_language=True,
        )

    def _date_copy(self):
        made = next(iter(self._cards.values()), None)  # the other language's card: the same date
        if made is not None:
            return made.date
        return None if self.date is None else self.date.replace()

    def _card_in_other_language(self, lang: str) -> Card:
        differs = {"in_page_language": False}
        if lang == "en":
            # An Urdu-only article listed on the English side, in the English
            # an editor gave in its corrections file.
            if title_en := getattr(self.original, "title_en", None):
                differs.update(title=title_en, title_lang="en")
            if summary_en := getattr(self.original, "summary_en", None):
                differs.update(summary=summary_en, summary_lang="en")
        return dataclasses.replace(self.card(self.original.lang), **differs)


@dataclass
class Ranking:
    """Each story's related stories as indexes into the stories in time order,
    with what they were worked out from: kept for the next build, which ranks
    again only the stories an edit can reach (`rank_related`)."""

    parameters: tuple  # the limit and the constants the stories were ranked with
    order: list  # each story's sort key
    entries: list[list[str]]  # each story's entries, sorted
    ranked: list[list[int]]
    reranked: int  # how many stories this ranking worked out anew


def related_stories(stories: list[Story], limit: int = 3,
                    last: Ranking | None = None) -> tuple[dict[int, list[Story]], Ranking]:
    """For each story (by id), the stories sharing the rarest people, places and
    organisations; and the ranking, for the next build to start from.

    `stories` are in time order. Each shared entry counts by its rarity
    (log N/df), so two stories about Karen Donfried are closer than two that
    both mention Moscow. Entries named everywhere are skipped, and of a common
    entry's stories only the NEAREST_HOLDERS nearest in time are looked at.
    """
    # Sorted: a story's score is a sum of floats, which must be added in the same
    # order in every process (a set's order follows the string hash seed), or
    # two stories that share the same entries tie in one build and not in the next.
    entries = [sorted({m.entry.id for m in story.entities}) for story in stories]
    ranking = rank_related(entries, [story.sort_key() for story in stories], limit, last)
    return {id(story): [stories[other] for other in ranking.ranked[index]]
            for index, story in enumerate(stories)}, ranking


def rank_related(entries: list[list[str]], order: list, limit: int = 3, last: Ranking | None = None) -> Ranking:
    """Each story's related stories, as indexes; see related_stories.

    With `last`, the ranking of stories in the same order, only the stories
    an edit can reach are ranked again, and the outcome is the same as ranking
    every story: a story's scores depend on its entries, on the stories holding
    each (its `holders`, whose number gives its weight) and on their order, so
    when the order is the same, only a story whose entries changed, or that
    holds an entry another story gained or lost, can rank differently. An entry
    too common to weigh, before and after, reaches no one.
    """
    parameters = (limit, TOO_COMMON_SHARE, TOO_COMMON_MIN, NEAREST_HOLDERS)
    holders = defaultdict(list)  # entry -> indexes of its stories, ascending
    for index, entry_ids in enumerate(entries):
        for entry_id in entry_ids:
            holders[entry_id].append(index)
    ceiling = max(TOO_COMMON_MIN, TOO_COMMON_SHARE * len(entries))
    weight = {
        entry_id: math.log(len(entries) / len(indexes)) + 1e-3
        for entry_id, indexes in holders.items() if len(indexes) <= ceiling
    }

    def rank(index: int) -> list[int]:
        scores = Counter()
        for entry_id in entries[index]:
            if entry_id in weight:
                for other in nearest_holders(holders[entry_id], index):
                    if other != index:
                        scores[other] += weight[entry_id]
        return heapq.nsmallest(limit, scores, key=lambda other: (-scores[other], order[other]))

    if last is None or last.parameters != parameters or last.order != order:
        return Ranking(parameters, order, entries, [rank(index) for index in range(len(entries))], len(entries))
    edited = [index for index, (now, before) in enumerate(zip(entries, last.entries, strict=True)) if now != before]
    # Each entry an edit moved: how many more stories held it before than now.
    moved = Counter()
    for index in edited:
        before, now = set(last.entries[index]), set(entries[index])
        moved.update(before - now)
        moved.subtract(now - before)
    reach = set(edited)
    for entry_id, change in moved.items():  # a change of 0 (one story gained it, one lost it) moved it too
        held = holders.get(entry_id, ())
        if entry_id in weight or len(held) + change <= ceiling:
            reach.update(held)
    ranked = list(last.ranked)
    for index in reach:
        ranked[index] = rank(index)
    return Ranking(parameters, order, entries, ranked, len(reach))


def nearest_holders(indexes: list[int], at: int) -> list[int]:
    """Of ascending story indexes, the NEAREST_HOLDERS around index `at`."""
    if len(indexes) <= NEAREST_HOLDERS:
        return indexes
    start = bisect.bisect_left(indexes, at) - NEAREST_HOLDERS // 2
    start = max(0, min(start, len(indexes) - NEAREST_HOLDERS))
    return indexes[start:start + NEAREST_HOLDERS]
