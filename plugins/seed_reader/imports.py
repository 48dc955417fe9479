"""Imported seeds kept between builds and imported on every core.

Importing a seed costs a few milliseconds; an archive of 10,000 costs tens of
seconds, most of a build. Each imported seed is kept under a key made of its
bytes, its sidecar's bytes and the importer itself (its code and data files),
so a rebuild imports only the seeds that changed, and the seeds a build has
not seen yet are imported in one process per core before Pelican asks for
them. A seed that cannot be imported is never kept: it is reported again on
every build.

The imports are kept pickled in a SQLite file (akhbar.kept.KeptBlobs) and
read back one at a time as Pelican asks: held in memory all at once, they
were 1 GB at 100,000 seeds. Each seed's candidate chrome lines (what the
archive's chrome is learned from again, every build) and its file stamp are
kept in a pickle beside it.

Glossary entries, outlets, wires and categories are stored by id and come
back as the objects of the current data files (shared, not copied per seed).
"""

import hashlib
import io
import multiprocessing
import pickle
from pathlib import Path

from akhbar import LIBRARY
from akhbar.kept import KeptBlobs, load_plain, save_plain
from akhbar.progress import PROGRESS
from akhbar.sources import refusal
from akhbar.tree_hash import files_key

from .archive_chrome import learn_archive_chrome, line_print, read_for_learning
from .corrections import sidecar_for
from .decoding import SeedError
from .importer import ImportedSeed, extractor_for, import_seed
from .knowledge import Category, GlossaryEntry, Knowledge, Outlet, Wire

SHARED_KINDS = (GlossaryEntry, Outlet, Wire, Category)
# Below this many seeds to import, starting processes costs more than it saves.
PARALLEL_MIN_SEEDS = 100
CACHE_VERSION = 7
# In CACHE_PATH: the seeds' stamps and chrome candidates; their imports in the
# SQLite file of the same name (.sqlite).
CACHE_FILE = "seeds.marshal"
# A worker's learned chrome, set as it starts (the pool's initializer).
_ARCHIVE_CHROME: frozenset[str] = frozenset()


def _start_worker(archive_chrome: frozenset[str]) -> None:
    global _ARCHIVE_CHROME
    _ARCHIVE_CHROME = archive_chrome


def importer_key(data_dir: Path) -> str:
    """A hash of the importer: its code, the library code it runs and its data files."""
    return files_key([Path(__file__).parent, LIBRARY, Path(data_dir)])


def file_stamp(path: Path) -> tuple:
    """Size and modification time of a seed and of its sidecar."""
    stamp = []
    for part in (path, sidecar_for(path)):
        try:
            stat = part.stat()
            stamp.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def seed_key(path: Path, importer: str) -> str:
    digest = hashlib.sha256(importer.encode("ascii"))
    for part in (path, sidecar_for(path)):
        # Never through a link: a sidecar linked to /dev/zero would never end.
        try:
            data = None if refusal(part) else part.read_bytes()
        except OSError:
            data = None
        digest.update(b"-" if data is None else hashlib.sha256(data).digest())
    return digest.hexdigest()


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, SHARED_KINDS):
            return (type(obj).__name__, obj.id)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, shared: dict):
        super().__init__(io.BytesIO(data))
        self.shared = shared

    def persistent_load(self, pid):
        try:
            return self.shared[pid]
        except KeyError:  # an id the data files no longer have: import again
            raise pickle.UnpicklingError(f"unknown {pid}") from None


def dumps(seed: ImportedSeed) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(seed)
    return buffer.getvalue()


def shared_objects(knowledge: Knowledge) -> dict:
    return {(type(o).__name__, o.id): o
            for o in [*knowledge.glossary, *knowledge.outlets, *knowledge.wires, *knowledge.categories]}


def _import_in_worker(args) -> tuple[str, bytes | None]:
    path, data_dir = args
    try:
        return path, dumps(import_seed(Path(path), extractor_for(Path(data_dir)), _ARCHIVE_CHROME))
    except (SeedError, OSError):
        return path, None  # imported again, and reported, by the reader


class ImportedSeeds:
    """Imported seeds by path, kept in `cache_file` (each seed's candidate
    chrome lines and stamp) and the SQLite file beside it (the imports). Opened read-only,
    neither file is changed."""

    def __init__(self, cache_file: Path, data_dir: Path, writable: bool = True):
        self.cache_file = cache_file
        self.data_dir = Path(data_dir)
        self.importer = importer_key(self.data_dir)
        # Lines the whole archive prints often (archive_chrome.py), learned in prefetch.
        self.archive_chrome: frozenset[str] = frozenset()
        self.shared = shared_objects(extractor_for(self.data_dir).knowledge)
        # In the order read (a dict, not a set): saving walks it, and at
        # 100,000 seeds memory touched in the order it was made is faster.
        self.used: dict[str, None] = {}
        self.imported_now: set[str] = set()  # by this build, not kept from an earlier one
        self.keys: dict[str, str] = {}
        # The stamp each key was made at, with the key: a seed and a sidecar
        # whose size and modification time, and the learned lines it prints,
        # are unchanged keep their key without being read and hashed again (as
        # Pelican's own cache trusts modification times). The key is kept
        # here, not taken from the store: an import the store could not take
        # (another process held it) leaves the store's older one, which must
        # then not pass for current.
        self.stamps: dict[str, tuple] = {}
        self.known_stamps: dict[str, tuple[tuple, str]] = {}
        self.file_stamps: dict[str, tuple] = {}  # each seed's, when the chrome was learned
        self._pool = None
        self._arriving = iter(())
        self._awaited: set[str] = set()
        # Each seed's candidate chrome lines and the prints of its short lines,
        # by the stamp they were read at.
        self.candidates: dict[str, tuple[tuple, dict[str, str], frozenset[int]]] = {}
        self.learned: dict[str, tuple[str, int]] = {}
        self.learned_prints: frozenset[int] = frozenset()
        # Whether the cache file no longer says what this build would save.
        self.changed = True
        self.store = KeptBlobs(cache_file.with_suffix(".sqlite"), CACHE_VERSION, writable)
        # Each seed's key as kept: the imports themselves are read one by one.
        self.kept_keys = self.store.keys()
        kept = load_plain(cache_file, CACHE_VERSION)
        if kept is not None:
            self.candidates = kept["candidates"]
            if kept["importer"] == self.importer:
                self.known_stamps = kept["stamps"]
                self.changed = False

    def learn(self, paths: list[Path], workers: int = 1) -> frozenset[str]:
        """Learn the archive's own chrome from every seed. An import depends on
        the learned lines among its own lines, so those are part of its key: a
        line newly learned imports again only the seeds that print it, and a
        segment build's imports stay current in the whole build wherever the
        two learned alike. Seeds whose file changed are read again, on every
        core when there are many."""
        stamps = {str(path): file_stamp(path) for path in paths}
        self.file_stamps = dict(stamps)
        unread = [Path(name) for name, stamp in stamps.items()
                  if self.candidates.get(name, (None,))[0] != stamp]
        if len(unread) >= PARALLEL_MIN_SEEDS and workers >= 2:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                read = dict(zip(map(str, unread), pool.map(read_for_learning, unread, chunksize=64), strict=True))
        else:
            read = {str(path): read_for_learning(path) for path in unread}
        self.changed |= bool(unread) or len(stamps) != len(self.candidates)
        self.candidates = {name: (stamp, *read[name]) if name in read else self.candidates[name]
                           for name, stamp in stamps.items()}
        # By path: the spelling shown for a learned line must not depend on the folder listing order.
        self.learned = learn_archive_chrome(self.candidates[name][1] for name in sorted(self.candidates))
        self.archive_chrome = frozenset(self.learned)
        self.learned_prints = frozenset(map(line_print, self.archive_chrome))
        self.keys.clear()
        return self.archive_chrome

    def _chrome_met(self, name: str) -> str:
        """The learned lines this seed prints, as prints (all learned lines
        for a seed not learned from)."""
        kept = self.candidates.get(name)
        met = self.learned_prints & kept[2] if kept else self.learned_prints
        return hashlib.sha256(b"".join(p.to_bytes(8, "big") for p in sorted(met))).hexdigest()

    def prefetch(self, paths: list[Path], workers: int) -> None:
        """Learn the archive's chrome, then start importing, one process per
        core, the seeds the cache has no current copy of, in the order given
        (the order Pelican will ask)."""
        self.learn(paths, workers)
        missing = [p for p in paths if not self._is_current(p)]
        if len(missing) < PARALLEL_MIN_SEEDS or workers < 2:
            return  # the reader imports them one by one
        self._pool = multiprocessing.get_context("fork").Pool(
            workers, initializer=_start_worker, initargs=(self.archive_chrome,))
        jobs = [(str(p), str(self.data_dir)) for p in missing]
        self._arriving = self._pool.imap(_import_in_worker, jobs, chunksize=16)
        self._awaited = {str(p) for p in missing}
        self.store.batch(True)
        PROGRESS.start("Importing seeds", len(missing))

    def _await(self, path: Path) -> None:
        """Take the pool's results until this seed's has come."""
        while str(path) in self._awaited:
            try:
                done, data = next(self._arriving)
            except StopIteration:
                self._awaited.clear()
                break
            self._awaited.discard(done)
            PROGRESS.advance("Importing seeds")
            if data is not None:
                self._keep(Path(done), data)
        if not self._awaited and self._pool is not None:
            self._pool.close()
            self._pool = None
            self.store.batch(False)
            PROGRESS.finish("Importing seeds")

    def _key(self, path: Path) -> str:
        name = str(path)
        if name not in self.keys:
            # The stamp before reading (a file changed meanwhile is hashed again next
            # time), as learn() took it: one stat of each seed a build, not two.
            stamp = (self.file_stamps.pop(name, None) or file_stamp(path), self._chrome_met(name))
            known = self.known_stamps.get(name)
            self.keys[name] = known[1] if known and known[0] == stamp else seed_key(path, f"{self.importer}:{stamp[1]}")
            self.stamps[name] = stamp
        return self.keys[name]

    def _is_current(self, path: Path) -> bool:
        return self.kept_keys.get(str(path)) == self._key(path)

    def _keep(self, path: Path, data: bytes) -> None:
        key = self._key(path)
        self.store.put(str(path), key, data)
        self.kept_keys[str(path)] = key
        self.imported_now.add(str(path))

    def get(self, path: Path) -> ImportedSeed:
        """The imported seed, from the cache when current; raises SeedError as import_seed does."""
        self.used[str(path)] = None
        self._await(path)
        data = self.store.get(str(path), self._key(path)) if self._is_current(path) else None
        if data is not None:
            try:
                return _Unpickler(data, self.shared).load()
            except pickle.UnpicklingError:
                pass
        seed = import_seed(path, extractor_for(self.data_dir), self.archive_chrome)
        self._keep(path, dumps(seed))
        return seed

    def current_key(self, path: Path) -> str | None:
        """A seed's key when its kept import is current, else None (and None
        for a path that is not one of the seeds learned from). The seed
        counts as used by this build, as if read."""
        name = str(path)
        if name not in self.candidates:
            return None
        self.used[name] = None
        return self.keys[name] if self._is_current(path) else None

    def close(self) -> None:
        """Let go of the pool and the store, keeping nothing (save() keeps)."""
        self._end_pool()
        self.store.close()

    def _end_pool(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def forget(self, path: Path) -> None:
        """Look at this seed's bytes again on the next get (it changed during the run)."""
        self.keys.pop(str(path), None)
        self.file_stamps.pop(str(path), None)

    def prints_what_was_learned_from(self, path: Path) -> bool:
        """Whether a seed read again (a quick rebuild) has the candidate chrome
        lines it had when the archive's chrome was learned: then what the
        archive learns, and so every other seed's import, stands. Its stamp
        is brought up to date for the next build."""
        name = str(path)
        kept = self.candidates.get(name)
        read = read_for_learning(path)
        if kept is None or tuple(kept[1:]) != read:
            return False
        self.candidates[name] = (file_stamp(path), *read)
        self.changed = True
        return True

    def let_go(self) -> None:
        """The store closed until its next use (a process forked from this one opens it again)."""
        self._end_pool()
        self.store.let_go()

    def kept_from_earlier_build(self, path: Path) -> bool:
        return str(path) not in self.imported_now

    def save(self) -> None:
        """Keep the seeds this build used (a deleted seed is forgotten)."""
        self._end_pool()
        # Only imports of the seeds as this build read them: a seed that no
        # longer imports (now empty, say) is forgotten with its stamp, and so
        # reported again, not built from its last good import.
        stamps = {path: (self.stamps[path], key) for path in self.used
                  if (key := self.keys.get(path)) is not None and self.kept_keys.get(path) == key}
        # Asked of the store only when it holds others (a seed deleted, an import
        # that failed): not in a quick rebuild, where it took 0.04 s of 0.16.
        # `stamps` holds kept seeds only: as many as the store holds is all of them.
        forgotten = self.store.keep_only(stamps) if len(stamps) != len(self.kept_keys) else 0
        self.store.close()
        if self.changed or self.imported_now or forgotten or stamps != self.known_stamps:
            # Not when it would write what the file holds (57 MB at 100,000 seeds).
            save_plain(self.cache_file, CACHE_VERSION, {
                "importer": self.importer, "candidates": self.candidates, "stamps": stamps})
