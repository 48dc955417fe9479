"""Files a build writes by replacing them, and data it keeps for the next
build (under CACHE_PATH), as a pickle of a dict with a version: read back
only when it is whole and of the version the code expects. Pure logic, no Pelican."""

import contextlib
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
    # Pickled into the file as it is made: made whole in memory first, the
    # kept imports of 100,000 seeds (1 GB) were the build's peak of memory.
    with replacing(path) as stored:
        pickle.dump({**data, "version": version}, stored, protocol=pickle.HIGHEST_PROTOCOL)


@contextlib.contextmanager
def replacing(path: Path):
    """A binary file to write that replaces `path` once the block ends
    without an error (replace_file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    try:
        with partial.open("wb") as stream:
            yield stream
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)


def replace_file(path: Path, content: str | bytes) -> None:
    """Write a file by replacing it, never by rewriting it in place: the output
    folder of the last build may share this file (a hard link) and must not
    change, and a build stopped midway leaves the old file whole."""
    with replacing(path) as stream:
        stream.write(content if isinstance(content, bytes) else content.encode("utf-8"))
