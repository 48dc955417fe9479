"""The record of published URLs (`published-urls.txt`, PUBLISHED_URLS): which
source file each URL of the site belongs to, committed with the articles.
Written by every build (the unique_urls plugin), read by `make check` too."""

import os
from pathlib import Path

from .settings import site_settings

HEADER = ("# Published URLs and the file each belongs to, written by every build (plugins/unique_urls).\n"
          "# Commit it with the articles: an article that claims a URL listed here for another file is not built.\n")


def record_path(settings) -> Path:
    return Path(settings["PATH"]) / site_settings(settings).published_urls


def read_record(path: Path) -> dict[str, str]:
    """URL -> source path (relative to the project), from the record file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def write_record(path: Path, record: dict[str, str]) -> None:
    text = HEADER + "".join(f"{url}\t{source}\n" for url, source in sorted(record.items()))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        scratch = path.with_name(path.name + ".new")
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, path)
