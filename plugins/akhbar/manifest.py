"""The last build's pages: for each output file, the fingerprint it was made
from, and the size and modification time it had when written.

A page is current when its fingerprint is the same and the file in the output
folder is still the very file that was written (same size and mtime), so a
page someone deleted or edited by hand is made again. Pure logic, no Pelican.
"""

import json
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
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if data.get("version") == VERSION:
            self.entries = {name: Entry(*values) for name, values in data["entries"].items()}

    def is_current(self, output: Path, name: str, fingerprint: str | None) -> bool:
        entry = self.entries.get(name)
        if fingerprint is None or entry is None or entry.fingerprint != fingerprint:
            return False
        try:
            stat = (output / name).stat()
        except OSError:
            return False
        return stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns

    def record(self, output: Path, name: str, fingerprint: str | None) -> None:
        stat = (output / name).stat()
        self.record_written(name, fingerprint, stat.st_size, stat.st_mtime_ns)

    def record_written(self, name: str, fingerprint: str | None, size: int, mtime_ns: int) -> None:
        """A file as its writer saw it written (not looked up again)."""
        self.entries[name] = Entry(fingerprint or "", size, mtime_ns)

    def forget(self, name: str) -> None:
        self.entries.pop(name, None)

    def save(self) -> None:
        data = {"version": VERSION,
                "entries": {name: [e.fingerprint, e.size, e.mtime_ns]
                            for name, e in sorted(self.entries.items())}}
        replace_file(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

