"""The archive's timeline: one bar per month, drawn at build time as SVG (no script)."""

from dataclasses import dataclass

WIDTH, HEIGHT, BAR_GAP, LABEL_SPACE = 640, 120, 2, 20
# A year label needs about this much room; a year with less (a lone month at
# either end of the timeline) goes unlabelled rather than overprinted.
MIN_LABEL_WIDTH = 30


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


@dataclass
class YearLabel:
    x: float
    year: int


def year_labels(bars: list[Bar]) -> list[YearLabel]:
    """One label per year, centred under that year's bars, where it fits."""
    spans: dict[int, list[float]] = {}
    for bar in bars:
        spans.setdefault(bar.year, []).extend([bar.x, bar.x + bar.width])
    return [
        YearLabel(x=round((min(edges) + max(edges)) / 2, 2), year=year)
        for year, edges in spans.items()
        if max(edges) - min(edges) >= MIN_LABEL_WIDTH
    ]
