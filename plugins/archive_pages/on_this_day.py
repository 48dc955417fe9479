"""On this day: the home page's articles from this day and month in earlier years.

A static site cannot know the day it is read. The home page carries the list
for the build day, with a note saying so, for readers without script; a small
script (theme/static/js/on-this-day.js) picks the reader's own day from a data
file per month (`on-this-day/03.js`, a script, so it loads from file:// too).

The build day is the date of the archive's newest article, never the clock: the
same commit builds the same site, byte for byte. Pure logic: stories in, data out.
"""

import calendar
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from babel.dates import format_skeleton

# Per day of the year: at most this many stories of one year, and in all (the
# newest years first), so a month's data file stays small (a few tens of KB)
# however large the archive.
PER_YEAR = 2
PER_DAY = 8


@dataclass(frozen=True)
class OnThisDay:
    """The build day's list, as the home page shows it without script."""

    day: dt.date  # the build day
    stories: tuple  # (year, StoryLink) from earlier years, newest first


def build_day(stories) -> dt.date | None:
    """The date of the newest dated story (stories are newest first)."""
    return next((story.date.date() for story in stories if not story.undated), None)


def stories_by_month_day(stories) -> dict[tuple[int, int], list]:
    """Dated stories by (month, day), newest first, at most PER_YEAR a year and PER_DAY in all."""
    days = defaultdict(list)
    per_year = defaultdict(int)
    for story in stories:
        if story.undated:
            continue
        date = story.date
        key = (date.month, date.day)
        if per_year[key + (date.year,)] < PER_YEAR and len(days[key]) < PER_DAY:
            per_year[key + (date.year,)] += 1
            days[key].append(story)
    return dict(days)


def earlier_years(day: dt.date, by_month_day: dict, link) -> OnThisDay:
    """The build day's list: its day and month, in years before its own."""
    return OnThisDay(day, tuple((story.date.year, link(story)) for story in by_month_day.get((day.month, day.day), [])
                                if story.date.year < day.year))


@cache
def day_label(month: int, day: int, lang: str) -> str:
    """"14 مارچ", "March 14": CLDR's day and month, in each language's order."""
    return format_skeleton("MMMMd", dt.date(2000, month, day), locale=lang)


def month_data(month: int, by_month_day: dict, link, lang: str) -> dict:
    """A month's data file: every day's label, and each day's stories as
    [year, url, title, title's language], for the script."""
    data = {"labels": {}, "days": {}}
    for day in range(1, calendar.monthrange(2000, month)[1] + 1):  # 2000: a leap year, 29 February included
        data["labels"][f"{day:02d}"] = day_label(month, day, lang)
        stories = by_month_day.get((month, day))
        if stories:
            data["days"][f"{day:02d}"] = [[story.date.year, *link(story)] for story in stories]
    return data


def as_script_value(data) -> str:
    """JSON for inside a script: UTF-8 as it is (a third of escaped Urdu), and
    nothing that could close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
