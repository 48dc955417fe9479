"""Data a build keeps for the next one (under CACHE_PATH), as a pickle of a
dict with a version: read back only when it is whole and of the version the
code expects, written by replacing the file. Pure logic, no Pelican."""

import pickle
from pathlib import Path

from .manifest import replace_file


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
