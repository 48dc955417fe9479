"""Files a build writes by replacing them, and data it keeps for the next
build (under CACHE_PATH), as a pickle of a dict with a version: read back
only when it is whole and of the version the code expects. Pure logic, no Pelican."""

import os
import pickle
from pathlib import Path


def kept_folder(settings) -> Path:
    """Where a build keeps data for the next one and lists what it found:
    Pelican's CACHE_PATH."""
    return Path(settings.get("CACHE_PATH", "cache"))


def load_kept(path: Path, version: int) -> dict | None:
    """What the last build kept at path, or None (no file, another version, unreadable)."""
    try:
        with path.open("rb") as stored:
            data = pickle.load(stored)
    except (OSError, pickle.PickleError, EOFError, ValueError, AttributeError, ImportError):
        return None
    return data if isinstance(data, dict) and data.get("version") == version else None


def save_kept(path: Path, version: int, data: dict) -> None:
    replace_file(path, pickle.dumps({**data, "version": version}, protocol=pickle.HIGHEST_PROTOCOL))


def replace_file(path: Path, content: str | bytes) -> None:
    """Write a file by replacing it, never by rewriting it in place: the output
    folder of the last build may share this file (a hard link) and must not
    change, and a build stopped midway leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    if isinstance(content, bytes):
        partial.write_bytes(content)
    else:
        partial.write_text(content, encoding="utf-8")
    os.replace(partial, path)
