"""Atom feeds: one for the whole site in each language, and one for every
person, place, organisation, topic, outlet and category page.

Each feed holds the newest FEED_ENTRIES dated stories of its page (a feed
needs dates; undated stories are left out), so a feed stays small however
large the archive grows, and is rendered by the incremental writer from a
plain template (theme/templates/atom.xml): only the feeds whose stories
changed are made again. Pure logic: stories in, feed data out.

Ids are the stories' and feeds' addresses under PUBLIC_URL, the same in a local
and a published build; links are relative in a local build (they work from
disk) and absolute under SITEURL in a published one.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

FEED_ENTRIES = 50


@dataclass(frozen=True)
class Feed:
    url: str  # where the feed is written, relative to the site
    page_url: str  # the page it follows
    stories: tuple  # newest first, at most FEED_ENTRIES
    updated: str  # RFC 3339: the newest entry's date, or the build day for a feed with none


def newest_dated(stories, limit: int = FEED_ENTRIES) -> tuple:
    """The first `limit` dated stories of a newest-first list."""
    found = []
    for story in stories:
        if len(found) == limit:
            break
        if not story.undated:
            found.append(story)
    return tuple(found)


@cache
def atom_time(day: dt.date, timezone: str) -> str:
    """Midnight of a day where the archive is (its TIMEZONE), as Atom writes
    times: 2021-12-28T00:00:00+05:00."""
    return dt.datetime.combine(day, dt.time(), ZoneInfo(timezone)).isoformat()


# A feed with no dated story, in an archive with none: a fixed time, never the clock.
NO_DATE = dt.date(1970, 1, 1)


def feed(url: str, page_url: str, stories, build_day: dt.date | None, timezone: str) -> Feed:
    entries = newest_dated(stories)
    newest = entries[0].date.date() if entries else (build_day or NO_DATE)
    return Feed(url, page_url, entries, atom_time(newest, timezone))
