"""The archive's timeline: one bar per month, drawn at build time as SVG (no script)."""

from dataclasses import dataclass

WIDTH, HEIGHT, BAR_GAP, LABEL_SPACE = 640, 120, 2, 20


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    year: int
    month: int
    count: int


def month_range(first: tuple[int, int], last: tuple[int, int]):
    year, month = first
    while (year, month) <= last:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def timeline_bars(counts: dict[tuple[int, int], int], right_to_left: bool) -> list[Bar]:
    """Bars for every month from the first to the last dated one, empty months included.

    Time runs in the reading direction: right to left on Urdu pages.
    """
    if not counts:
        return []
    months = list(month_range(min(counts), max(counts)))
    slot = WIDTH / len(months)
    tallest = max(counts.values())
    bars = []
    for index, (year, month) in enumerate(months):
        count = counts.get((year, month), 0)
        height = 0 if count == 0 else max(4.0, (HEIGHT - LABEL_SPACE) * count / tallest)
        position = len(months) - 1 - index if right_to_left else index
        bars.append(Bar(
            x=round(position * slot + BAR_GAP / 2, 2),
            y=round(HEIGHT - LABEL_SPACE - height, 2),
            width=round(max(1.0, slot - BAR_GAP), 2),
            height=round(height, 2),
            year=year, month=month, count=count,
        ))
    return bars
