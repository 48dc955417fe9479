"""The record of published URLs (`published-urls.txt`, PUBLISHED_URLS): which
source file each URL of the site belongs to, and the segment (year) of that
file, committed with the articles. Written by every whole build (the
unique_urls plugin), read by `make check` and by segment builds, which find
their sources in it without reading the others (akhbar.segments)."""

import os
from pathlib import Path

from .settings import site_settings

HEADER = ("# Published URLs, the file each belongs to and its year, written by every build (plugins/unique_urls);\n"
          "# a seed not published, the same story as another, has no URL and that story's year.\n"
          "# Commit it with the articles: an article that claims a URL listed here for another file is not built.\n")


def record_path(settings) -> Path:
    return Path(settings["PATH"]) / site_settings(settings).published_urls


def _rows(path: Path) -> list[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    rows = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return [row for row in rows if len(row) >= 2]


def read_record(path: Path) -> dict[str, str]:
    """URL -> source path (relative to the project), from the record file."""
    return {row[0]: row[1] for row in _rows(path) if row[0]}


def read_segments(path: Path) -> dict[str, str]:
    """Source path -> its segment, for the sources the record gives one
    (a record written before segments has two columns)."""
    return {row[1]: row[2] for row in _rows(path) if len(row) > 2}


def write_record(path: Path, record: dict[str, str], segments: dict[str, str] | None = None) -> None:
    """The record; a source with a segment but no URL (a copy of a story
    published from another seed) gets a line with an empty URL."""
    segments = segments or {}
    published = set(record.values())
    rows = [*sorted(record.items()), *(("", source) for source in sorted(segments) if source not in published)]
    text = HEADER + "".join(f"{url}\t{source}\t{segments[source]}\n" if source in segments else f"{url}\t{source}\n"
                            for url, source in rows)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        scratch = path.with_name(path.name + ".new")
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, path)
