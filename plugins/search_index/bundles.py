"""Which Pagefind bundle each search record goes in. Pure logic.

A bundle is a year of articles (undated articles have their own), so the
search page answers first from the newest year. One Pagefind process indexes
a bundle in about 4 ms per record, and only as a whole: a rebuild that
changes one article indexes its bundle again, and the largest bundle bounds
how long the end of a build takes. So no bundle holds more than
BUNDLE_RECORDS: a larger year is split by quarter (a quarter still too large,
by month), the undated by a hash of the story, so both versions of a story
stay together and a story keeps its bundle while their number holds.
"""

import math
import zlib

UNDATED = "undated"
BUNDLE_RECORDS = 1000


def _date(item) -> str:
    return item.date  # "YYYY-MM-DD", or "" for an undated article


def _split(name: str, records: list, limit: int) -> dict[str, list]:
    if len(records) <= limit:
        return {name: records}
    parts: dict[str, list] = {}
    if name == UNDATED:
        count = math.ceil(len(records) / limit)
        for record in records:
            parts.setdefault(f"{UNDATED}-{zlib.crc32(record.story.encode('utf-8')) % count + 1}", []).append(record)
        return parts
    if len(name) == 4:  # a year: by quarter, and a quarter too large by month
        for record in records:
            parts.setdefault(f"{name}-q{(int(_date(record)[5:7]) - 1) // 3 + 1}", []).append(record)
        return {part: group for quarter, records in parts.items()
                for part, group in _split(quarter, records, limit).items()}
    for record in records:  # a quarter: by month, however large
        parts.setdefault(_date(record)[:7], []).append(record)
    return parts


def bundles_of(records: list, limit: int = BUNDLE_RECORDS) -> dict[str, list]:
    """Records (anything with a `story`, a `date` and a `url`) by bundle name
    ("2024", "2024-q3", "2024-07", "undated", "undated-2"): newest first,
    undated last. Inside a bundle too the newest come first, then by URL: the
    order in which search shows results that match as often (its rank)."""
    years: dict[str, list] = {}
    for record in sorted(sorted(records, key=lambda r: r.url), key=_date, reverse=True):
        years.setdefault(_date(record)[:4] or UNDATED, []).append(record)
    bundles = {part: group for year, group in years.items() for part, group in _split(year, group, limit).items()}
    dated = sorted((name for name in bundles if not name.startswith(UNDATED)),
                   key=lambda name: max(_date(r) for r in bundles[name]), reverse=True)
    undated = sorted(name for name in bundles if name.startswith(UNDATED))
    return {name: bundles[name] for name in dated + undated}
