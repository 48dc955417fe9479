"""Where a reader goes from an article: the articles before and after it in date
order, and a few more from its outlet and its category. Pure logic: stories in
(newest first, as the archive lists them), links out.

"More from" takes the stories nearest in date, not the newest: adding an
article then changes the links of a few pages around it, not of every page of
its outlet, so an incremental build stays small.
"""

from collections import defaultdict
from dataclasses import dataclass

MORE_FROM = 3


@dataclass(frozen=True)
class StoryLink:
    """A link to a story as a page in one language shows it."""

    url: str
    title: str
    title_lang: str
    date: object
    undated: bool


@dataclass(frozen=True)
class ArticleLinks:
    older: StoryLink | None
    newer: StoryLink | None
    outlet: object  # the story's outlet and category, which the lists below are more of
    same_outlet: tuple[StoryLink, ...]
    category: object
    same_category: tuple[StoryLink, ...]


@dataclass(frozen=True)
class Neighbours:
    """A story's neighbours, the same in every language."""

    older: object
    newer: object
    same_outlet: tuple
    same_category: tuple


def nearest(count: int, at: int, limit: int, skip=frozenset()) -> list[int]:
    """Up to `limit` positions of a list of `count` nearest to `at`: one after,
    one before, two after ... (newest first, "after" is older), skipping `skip`."""
    found = []
    for distance in range(1, count):
        for position in (at + distance, at - distance):
            if 0 <= position < count and position not in skip and len(found) < limit:
                found.append(position)
        if len(found) == limit:
            break
    return found


def story_neighbours(stories: list, limit: int = MORE_FROM) -> dict[int, Neighbours]:
    """For each story (by id): the next older and newer dated story, and the
    stories of its outlet and category nearest to it in date."""
    groups = {"outlet": defaultdict(list), "category": defaultdict(list)}
    for index, story in enumerate(stories):
        if story.outlet:
            groups["outlet"][story.outlet.id].append(index)
        if story.category:
            groups["category"][story.category.id].append(index)
    place = {name: {index: (key, at) for key, members in group.items() for at, index in enumerate(members)}
             for name, group in groups.items()}

    found = {}
    for index, story in enumerate(stories):
        dated = not story.undated
        newer = index - 1 if dated and index > 0 else None
        older = index + 1 if dated and index + 1 < len(stories) and not stories[index + 1].undated else None
        more = {}
        for name, group in groups.items():
            if index not in place[name]:
                more[name] = ()
                continue
            key, at = place[name][index]
            # The older and newer article are linked already.
            skip = {place[name][other][1] for other in (newer, older)
                    if other is not None and place[name].get(other, (None,))[0] == key}
            members = group[key]
            more[name] = tuple(stories[members[p]] for p in nearest(len(members), at, limit, skip))
        found[id(story)] = Neighbours(
            older=stories[older] if older is not None else None,
            newer=stories[newer] if newer is not None else None,
            same_outlet=more["outlet"],
            same_category=more["category"],
        )
    return found


def story_link(story, lang: str) -> StoryLink:
    card = story.card(lang)
    return StoryLink(card.url, card.title, card.title_lang, card.date, card.undated)


def article_links(story, neighbours: Neighbours, lang: str) -> ArticleLinks:
    """A story's neighbours as its article page in `lang` links to them."""
    return ArticleLinks(
        older=neighbours.older and story_link(neighbours.older, lang),
        newer=neighbours.newer and story_link(neighbours.newer, lang),
        outlet=story.outlet,
        same_outlet=tuple(story_link(s, lang) for s in neighbours.same_outlet),
        category=story.category,
        same_category=tuple(story_link(s, lang) for s in neighbours.same_category),
    )
