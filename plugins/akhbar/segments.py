"""Segments: one year of the archive built on its own, then merged.

A segment is a year of publication, `undated`, or `new`: the sources the
record of published URLs does not list yet (added since the last whole
build). Every whole build writes each source's segment in that record
(published-urls.txt, committed), so a segment build (`make html SEGMENT=2023`,
setting SEGMENT) finds its sources in it without reading the others; a
seed's corrections go with it, and files that are not articles (images a
Markdown article shows) are in every segment. The merge
(`make merge-segments`, tools/segments.py) unites the segments' output folders
and kept caches and runs a whole build over them, which makes again only what
spans segments. Pure logic, no Pelican.
"""

import os

UNDATED = "undated"
NEW = "new"
# The files that are articles: a segment takes the ones its year owns.
ARTICLE_ENDINGS = (".txt", ".md")
SIDECAR = ".corrections.toml"


def segment_of(content) -> str:
    """The segment of an article (anything with `date` and `undated`)."""
    return UNDATED if getattr(content, "undated", False) else f"{content.date.year:04d}"


def owner_of(path: str, segments: dict[str, str]) -> str | None:
    """The segment of a source file (path relative to the project), NEW when
    the record does not list it, None for a file that is not an article."""
    if path.endswith(SIDECAR):
        path = path[: -len(SIDECAR)] + ".txt"
    elif not path.endswith(ARTICLE_ENDINGS):
        return None
    return segments.get(os.path.normpath(path), NEW)


def sources_of(segment: str, files, segments: dict[str, str]) -> list[str]:
    """The files among `files` (an article generator's sources) that a build
    of `segment` reads: its articles, their sidecars, and every other file."""
    return [f for f in files if owner_of(f, segments) in (None, segment)]


def known_segments(segments: dict[str, str]) -> list[str]:
    """Every segment the record names, newest year first, then undated and new."""
    years = sorted({s for s in segments.values() if s != UNDATED}, reverse=True)
    return [*years, UNDATED, NEW]
