"""Markdown conversions kept between builds. Pure logic, no Pelican.

A conversion (the HTML and the metadata block, as Python-Markdown gives them)
is kept under a key made of the file's text, the Markdown settings and the
version of Python-Markdown: the same key always converts to the same result.
"""

import hashlib
import json
from pathlib import Path

import markdown

from incremental_pages.kept import load_kept, save_kept

VERSION = 1


def conversion_key(text: str, settings: dict) -> str:
    digest = hashlib.sha256(markdown.__version__.encode("utf-8"))
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode("utf-8"))
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


class KeptConversions:
    """Conversions by key, loaded from and saved to one file; a save keeps
    only those this build used, so deleted and edited files are forgotten."""

    def __init__(self, path: Path):
        self.path = path
        kept = load_kept(path, VERSION)
        self.kept: dict[str, tuple[str, dict]] = kept["conversions"] if kept else {}
        self.used: dict[str, tuple[str, dict]] = {}

    def get(self, key: str) -> tuple[str, dict] | None:
        found = self.kept.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, html: str, meta: dict) -> None:
        self.kept[key] = self.used[key] = (html, meta)

    def save(self) -> None:
        save_kept(self.path, VERSION, {"conversions": self.used})
