"""An article and its translations as one story, seen from either language."""

from collections import Counter
from dataclasses import dataclass

# Sharing a person, place or organisation makes stories related; countries are
# too common in this archive to relate two stories on their own.
RELATING_KINDS = ("person", "organisation", "topic", "place")
COMMON_PLACES = {"russia", "united-states", "ukraine"}


@dataclass
class Card:
    """What a listing shows of a story in one language."""

    url: str
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

    def card(self, lang: str) -> Card:
        version = self.versions.get(lang)
        native = version is not None
        version = version or self.original
        title, title_lang = version.title, version.lang
        title_en = getattr(self.original, "title_en", None)
        if not native and lang == "en" and title_en:
            title, title_lang = title_en, "en"
        return Card(
            url=version.url,
            title=title,
            title_lang=title_lang,
            summary=getattr(version, "summary", ""),
            summary_lang=version.lang,
            date=self.date,
            undated=self.undated,
            date_confidence=getattr(self.original, "date_confidence", "high"),
            outlet=self.outlet,
            reading_minutes=getattr(version, "reading_minutes", None),
            in_page_language=native,
        )

    def relating_ids(self) -> set[str]:
        return {
            m.entry.id for m in self.entities
            if m.entry.kind in RELATING_KINDS and m.entry.id not in COMMON_PLACES
        }


def related_stories(stories: list[Story], limit: int = 3) -> dict[int, list[Story]]:
    """For each story, the stories that share most people, places and organisations."""
    ids = {id(s): s.relating_ids() for s in stories}
    related = {}
    for story in stories:
        scores = Counter()
        for other in stories:
            if other is not story:
                shared = len(ids[id(story)] & ids[id(other)])
                if shared:
                    scores[id(other)] = shared
        ranked = sorted(
            (s for s in stories if id(s) in scores),
            key=lambda s: (-scores[id(s)], s.sort_key()),
        )
        related[id(story)] = ranked[:limit]
    return related
