"""The last build's pages: for each output file, the fingerprint it was made
from, and the size and modification time it had when written.

A page is current when its fingerprint is the same and the file in the output
folder is still the very file that was written (same size and mtime), so a
page someone deleted or edited by hand is made again. Pure logic, no Pelican.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .kept import replace_file

VERSION = 1


@dataclass
class Entry:
    fingerprint: str
    size: int
    mtime_ns: int


class BuildManifest:
    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, Entry] = {}
        # Which held build's quick rebuild wrote it (akhbar/held_build.py); None: a whole build.
        self.lineage: str | None = None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if data.get("version") == VERSION:
            self.entries = {name: Entry(*values) for name, values in data["entries"].items()}
            self.lineage = data.get("lineage")

    def is_current(self, output: Path, name: str, fingerprint: str | None) -> bool:
        return fingerprint is not None and self.written_file(name, os.path.join(output, name)) == fingerprint

    def written_file(self, name: str, path: str) -> str | None:
        """The fingerprint page `name` was written from, if its file (at
        `path`) is still the one written."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return entry.fingerprint if stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns else None

    def record(self, output: Path, name: str, fingerprint: str | None) -> None:
        stat = (output / name).stat()
        self.record_written(name, fingerprint, stat.st_size, stat.st_mtime_ns)

    def record_written(self, name: str, fingerprint: str | None, size: int, mtime_ns: int) -> None:
        """A file as its writer saw it written (not looked up again)."""
        self.entries[name] = Entry(fingerprint or "", size, mtime_ns)

    def forget(self, name: str) -> None:
        self.entries.pop(name, None)

    def save(self) -> None:
        data = {"version": VERSION, **({"lineage": self.lineage} if self.lineage else {}),
                "entries": {name: [e.fingerprint, e.size, e.mtime_ns]
                            for name, e in sorted(self.entries.items())}}
        replace_file(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

