"""Files a build writes by replacing them, and data it keeps for the next
build (under CACHE_PATH): a pickle of a dict with a version, read back only
when it is whole and of the version the code expects; the same of plain data
(`save_plain`: one entry per source file, in marshal's format); or, for
data kept per source file, a `KeptBlobs` file. Pure logic, no Pelican."""

import contextlib
import itertools
import marshal
import os
import pickle
import sqlite3
import sys
import time
from collections.abc import Iterable
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


# marshal's format is Python's own and may change with its version: a file
# another Python wrote is not read (the build makes the data again).
_PLAIN_HEADER = (f"akhbar plain data: Python {sys.version_info[0]}.{sys.version_info[1]}, "
                 f"marshal {marshal.version}\n").encode()
# Entries of a table marshalled at a time: the file is written and read in
# parts of about 2 MB, never whole in memory.
_PLAIN_ROWS = 4096


def save_plain(path: Path, version: int, data: dict) -> None:
    """As save_kept, for data made only of Python's own types (str, bytes,
    int, float, None, tuple, list, dict, set, frozenset), whose large values
    are dicts by source file: kept with marshal, which, unlike pickle, keeps
    no table of every object it wrote: pickling the stamps and chrome
    candidates of 100,000 seeds took 15 times as long as of 10,000 (0.68 s
    against 0.044 s), this 11 times (0.39 s against 0.036 s). Raises
    ValueError for an object of another type, and the old file stays."""
    tables = {name: value for name, value in data.items() if isinstance(value, dict)}
    with replacing(path) as stored:
        stored.write(_PLAIN_HEADER)
        _write_part(stored, {"version": version, **{k: v for k, v in data.items() if k not in tables}})
        for name, table in tables.items():
            rows = iter(table.items())
            _write_part(stored, (name, list(itertools.islice(rows, _PLAIN_ROWS))))  # an empty one too
            while part := list(itertools.islice(rows, _PLAIN_ROWS)):
                _write_part(stored, (name, part))
        _write_part(stored, None)  # the end: a file cut short is not read


def load_plain(path: Path, version: int) -> dict | None:
    """What save_plain kept at path, or None (no file, another version or
    Python, unreadable)."""
    try:
        with path.open("rb") as stored:
            if stored.readline() != _PLAIN_HEADER:
                return None
            data = _read_part(stored)
            if not isinstance(data, dict) or data.get("version") != version:
                return None
            while (part := _read_part(stored)) is not None:
                name, rows = part
                data.setdefault(name, {}).update(rows)
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return data


def _write_part(stored, value) -> None:
    # Each part after its length: marshal reads a part from bytes at C's
    # speed, but from a file through a call of Python's for every few bytes.
    part = marshal.dumps(value, 2)
    stored.write(len(part).to_bytes(8, "little"))
    stored.write(part)


def _read_part(stored):
    size = int.from_bytes(stored.read(8), "little")
    part = stored.read(size)
    if len(part) != size:
        raise EOFError
    return marshal.loads(part)


@contextlib.contextmanager
def replacing(path: Path):
    """A binary file to write that replaces `path` once the block ends
    without an error (replace_file)."""
    partial = path.with_name(f".{path.name}.part")
    try:
        stream = partial.open("wb")
    except FileNotFoundError:
        # Its folder is new: made only then (a build writes 20,000 pages, most
        # into folders that exist).
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = partial.open("wb")
    try:
        with stream:
            yield stream
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)


def replace_file(path: Path, content: str | bytes) -> os.stat_result:
    """Write a file by replacing it, never by rewriting it in place: the output
    folder of the last build may share this file (a hard link) and must not
    change, and a build stopped midway leaves the old file whole. Returns the
    new file's status, read from the open file rather than looked up again
    by name (neither closing nor moving it changes its size or time)."""
    with replacing(path) as stream:
        stream.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        stream.flush()
        return os.fstat(stream.fileno())


class KeptBlobs:
    """Bytes kept per source file, each with the key it was made under, in one
    SQLite file: read one at a time, never held all in memory (the imports of
    100,000 seeds are 1 GB pickled).

    A cache, never a reason for a build to fail: each entry is valid under its
    key alone, so what a build killed midway committed serves the next one; a
    file that is not a store of this version is started anew; and when another
    process holds the file (the live preview's worker beside a whole build), a
    put that cannot wait stays in memory, not kept. Puts are committed at
    once, or, in a batch (a stream of imports), every COMMIT_EVERY puts or
    COMMIT_SECONDS, so no process holds the file for long. Opened read-only (a
    command that must not change the build's cache), a missing file is an
    empty store and what is put stays in memory."""

    COMMIT_EVERY = 1000
    COMMIT_SECONDS = 0.5
    # How long a write waits for another process's; then it is given up.
    BUSY_SECONDS = 2

    def __init__(self, path: Path, version: int, writable: bool = True):
        self.path = path
        self.writable = writable
        self.unsaved: dict[str, tuple[str, bytes]] = {}
        self._uncommitted = 0
        self._since = 0.0
        self._batch = False
        self._version = version
        self._db = self._open(version)
        self._let_go = False

    @property
    def db(self) -> sqlite3.Connection | None:
        if self._let_go:  # opened again in the process that uses it next
            self._let_go = False
            self._db = self._open(self._version)
        return self._db

    def let_go(self) -> None:
        """Close the file until the next use, which opens it again: a process
        forked from this one must not use this one's connection (SQLite)."""
        self.close()
        self._let_go = True

    def _open(self, version: int) -> sqlite3.Connection | None:
        if self.writable:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                try:
                    return self._ready(self._connect("rwc"), version)
                except sqlite3.DatabaseError as error:
                    # Not a database (a torn or foreign file): started anew. Never a busy one.
                    if error.sqlite_errorcode not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
                        raise
                    self.remove(self.path)
                    return self._ready(self._connect("rwc"), version)
            except sqlite3.OperationalError:  # held by another process: read what it can
                self.writable = False
        try:
            db = self._connect("ro")
            return db if db.execute("PRAGMA user_version").fetchone()[0] == version else None
        except sqlite3.Error:
            return None

    @staticmethod
    def remove(path: Path) -> None:
        """Delete a store: its file and SQLite's log beside it."""
        for end in ("", "-wal", "-shm"):
            path.with_name(path.name + end).unlink(missing_ok=True)

    def _connect(self, mode: str) -> sqlite3.Connection:
        return sqlite3.connect(_uri(self.path, mode), uri=True, timeout=self.BUSY_SECONDS)

    @staticmethod
    def _ready(db: sqlite3.Connection, version: int) -> sqlite3.Connection:
        # A write-ahead log: a reader never waits for a writer, and a crash
        # leaves the last commit whole.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            db.execute("DROP TABLE IF EXISTS kept")
            db.execute(f"PRAGMA user_version={int(version)}")
        db.execute("CREATE TABLE IF NOT EXISTS kept (name TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL)")
        db.commit()
        return db

    def keys(self) -> dict[str, str]:
        """Each name's key."""
        kept = dict(self.db.execute("SELECT name, key FROM kept")) if self.db else {}
        return kept | {name: key for name, (key, _) in self.unsaved.items()}

    def get(self, name: str, key: str) -> bytes | None:
        """The bytes kept for name, if kept under this key."""
        if name in self.unsaved:
            kept_key, data = self.unsaved[name]
            return data if kept_key == key else None
        if self.db is None:
            return None
        row = self.db.execute("SELECT data FROM kept WHERE name = ? AND key = ?", (name, key)).fetchone()
        return row and row[0]

    def put(self, name: str, key: str, data: bytes) -> None:
        if self.writable:
            try:
                self.db.execute("INSERT OR REPLACE INTO kept VALUES (?, ?, ?)", (name, key, data))
                self.unsaved.pop(name, None)
                self._uncommitted += 1
                self._since = self._since or time.monotonic()
                if not self._batch or self._uncommitted >= self.COMMIT_EVERY \
                        or time.monotonic() - self._since >= self.COMMIT_SECONDS:
                    self.commit()
                return
            except sqlite3.OperationalError:  # busy: kept in memory for this run
                if not self._uncommitted:  # only a transaction's first write waits for a lock
                    self.db.rollback()
        self.unsaved[name] = (key, data)

    def batch(self, on: bool) -> None:
        """Puts committed together (a stream of them), or each at once; the end of a batch commits it."""
        self._batch = on
        if not on:
            self.commit()

    def keep_only(self, names: Iterable[str]) -> int:
        """Forget every other name; how many were forgotten (none while
        another process holds the file)."""
        if not self.writable:
            return 0
        try:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (name TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM used")
            self.db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((n,) for n in names))
            forgotten = self.db.execute("DELETE FROM kept WHERE name NOT IN (SELECT name FROM used)").rowcount
            self.commit()
            pages, free = (self.db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "freelist_count"))
            if free > pages // 2:  # an archive much smaller than it was: give the space back
                self.db.execute("VACUUM")
        except sqlite3.OperationalError:
            self.db.rollback()
            return 0
        return forgotten

    def merge(self, other: Path) -> None:
        """Put everything another store of the same version keeps (segment builds)."""
        if not other.is_file():
            return
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        self.commit()
        self.db.execute("ATTACH DATABASE ? AS other", (_uri(other, "ro"),))
        try:
            if self.db.execute("PRAGMA other.user_version").fetchone()[0] == version:
                self.db.execute("INSERT OR REPLACE INTO kept SELECT name, key, data FROM other.kept")
                self.commit()
        finally:
            self.db.execute("DETACH DATABASE other")

    def commit(self) -> None:
        if self.writable:
            try:
                self.db.commit()
            except sqlite3.OperationalError:
                self.db.rollback()  # busy: what it held is not kept
        self._uncommitted, self._since = 0, 0.0

    def close(self) -> None:
        if self._db is not None and not self._let_go:
            self.commit()
            self._db.close()
        self._db = None


def _uri(path: Path, mode: str) -> str:
    """SQLite's name for a file (any character in its path quoted), opened in this mode."""
    return f"{Path(os.path.abspath(path)).as_uri()}?mode={mode}"
