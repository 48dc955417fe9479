"""The archive by date: a month's calendar, the months either side of it with
articles, and the days that have articles. Pure logic: stories in, page data out."""

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date, get_day_names

# Weeks start on Sunday in Pakistan (CLDR's ur_PK), as on en_US calendars.
FIRST_WEEKDAY = calendar.SUNDAY


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    count: int  # articles published that day


def month_weeks(year: int, month: int, counts: dict[int, int]) -> list[list[CalendarDay | None]]:
    """The month as weeks of seven days (None before the 1st and after the last
    day), each day with its number of articles (counts: day of month -> articles)."""
    weeks = calendar.Calendar(FIRST_WEEKDAY).monthdayscalendar(year, month)
    return [[CalendarDay(dt.date(year, month, day), counts.get(day, 0)) if day else None for day in week]
            for week in weeks]


def stories_by_day(stories) -> dict[dt.date, list]:
    """Dated stories by their day, in the order given (newest first)."""
    days = defaultdict(list)
    for story in stories:
        if not story.undated:
            days[story.date.date()].append(story)
    return dict(days)


def neighbouring_months(months) -> dict[tuple[int, int], tuple[tuple[int, int] | None, tuple[int, int] | None]]:
    """For each (year, month) with articles: the nearest earlier and later month
    that also has articles (None at either end), skipping empty months."""
    ordered = sorted(months)
    return {month: (ordered[i - 1] if i > 0 else None, ordered[i + 1] if i + 1 < len(ordered) else None)
            for i, month in enumerate(ordered)}


@cache
def weekday_names(lang: str) -> list[tuple[str, str]]:
    """(short, full) weekday names in calendar column order, from CLDR."""
    short = get_day_names("abbreviated", locale=lang)
    full = get_day_names("wide", locale=lang)
    order = [(FIRST_WEEKDAY + i) % 7 for i in range(7)]
    return [(short[day], full[day]) for day in order]


@cache
def month_name(month: int, lang: str) -> str:
    """"مارچ", "March": a month's name alone, for breadcrumbs and headings."""
    return format_date(dt.date(2000, month, 1), format="LLLL", locale=lang)
