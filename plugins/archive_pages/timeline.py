"""The archive's timeline: a row per year, a column per month, each month a bar.

A grid of years rather than one long strip of months: a strip of fifty months
on a 360 px phone gave bars 6 px wide and year labels of 5 px, while twelve
columns keep every month a tap target of 24 px or more however many years the
archive spans. Drawn in HTML and CSS (no script); a bar's height is one of
LEVELS steps, as classes, since the site's CSP allows no inline styles.
"""

from dataclasses import dataclass

LEVELS = 8


@dataclass(frozen=True)
class TimelineMonth:
    month: int
    count: int
    level: int  # 0 (no articles) to LEVELS (the busiest month of the archive)


@dataclass(frozen=True)
class TimelineYear:
    year: int
    months: tuple[TimelineMonth, ...]  # January to December


def bar_level(count: int, tallest: int) -> int:
    """A month's bar height in LEVELS steps; a month with any article shows at least one."""
    if count <= 0:
        return 0
    return max(1, round(LEVELS * count / tallest))


def timeline_years(counts: dict[tuple[int, int], int]) -> list[TimelineYear]:
    """Every year from the first to the last dated one, newest first, empty years included."""
    if not counts:
        return []
    tallest = max(counts.values())
    first, last = min(year for year, _ in counts), max(year for year, _ in counts)
    return [
        TimelineYear(year, tuple(TimelineMonth(month, counts.get((year, month), 0),
                                               bar_level(counts.get((year, month), 0), tallest))
                                 for month in range(1, 13)))
        for year in range(last, first - 1, -1)
    ]
