"""The finished build the resident build holds (make resident), so that
`make html` after an edit to an article's text renders only what shows it.

A build in the resident process reads only the sources that changed, but
still makes every context and fingerprints every page again: 10-12 s at
10,000 articles (docs/builds.md). So the resident process also forks a
holder, which makes the build from the kept readings under the build lock as
far as Pelican's `finalized` signal (`compat.generate_pages`: every context
made, every page handed to the writer, nothing rendered), as a build would,
and notes:
- the stamp of every file under the article, page and static folders (and
  of the record of published URLs), taken before it read them;
- for each article, the pages that show it (`live_preview.articles_shown`);
- through `build_held`, what its plugins note (incremental_pages: which of
  its pages are unlike the last build's, an edit saved while it ran).

Each `make html` is then a quick rebuild in a process forked from the
holder (`rebuild`), which first proves that the edit is local:
- no file is new, deleted or changed but the sources of articles (a seed, its
  corrections, a Markdown article), and at most MOST_SOURCES of them;
- each one, read again, logs nothing, and its metadata is the held
  article's but for what only its own pages and its card show
  (BODY_FIELDS): so its URL, its listings and their order, its names,
  related stories and translations cannot move;
- its readers agree (`edit_is_local`: a seed prints the same candidate
  chrome lines, so the archive learns the same chrome; the decision on
  duplicates is the same).
Otherwise it writes nothing and exits with DECLINED, and the resident
process builds whole. Then it writes each new reading into the held article
(as the live preview does: the pages handed to the writer hold the articles,
so they show the new text) and runs the build's stages with `pages_reached`:
the pages that show a changed article, and those unlike the last build. Every
other page's file is the one the manifest lists, made from the same values,
so it is not fingerprinted again; the search index, the cards and the caches
are brought up to date by their own stages, which compare as they always do.
The held build itself never changes: each quick rebuild applies every edit
since it was held.
"""

import contextlib
import fcntl
import gc
import logging
import os
import signal
import socket
import sys
import tempfile
import time
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from pelican import signals

from . import compat
from .build import (
    article_reread,
    build_held,
    build_state,
    edit_is_local,
    render_shared_parts,
    resume_collection,
    sources_changed,
)
from .live_preview import KEPT_FROM_BUILD, articles_by_source, articles_shown
from .published_urls import record_path
from .reports import is_import_warning
from .resident_client import receive, say

logger = logging.getLogger(__name__)

# The exit code of a quick rebuild that found the edit not local: it wrote nothing.
DECLINED = 75
# More sources read again than this: a whole build is as quick.
MOST_SOURCES = 50
# What of an article's metadata only its own pages and its card show.
BODY_FIELDS = frozenset({"summary", "word_count", "reading_minutes", "captions", "standfirst"})
# Fields other pages show less of: of the names an article mentions, which
# (entity pages, related stories), not how often or where first.
SHOWN_ELSEWHERE_AS = {"entities": lambda mentions: frozenset(m.entry.id for m in mentions or ())}


@dataclass
class HeldBuild:
    instance: object
    generators: list
    stamps: dict[str, tuple]  # every source file's, by absolute path
    articles: dict[str, object]  # by absolute source path
    generator_of: dict[str, object]
    pages_showing: dict[int, set[str]]  # id(article) -> the pages that show it
    by_stem: dict[tuple[str, str], str]  # (folder, name without its extension) -> source
    said: tuple[bytes, bytes]  # what making it wrote on stdout and stderr, which each rebuild says first


def source_stamps(settings) -> dict[str, tuple]:
    """Every file under the article, page and static folders, and the record
    of published URLs: (type, size, modification time, inode), by absolute path."""
    root = os.path.abspath(settings["PATH"])
    ignored = settings.get("IGNORE_FILES") or []

    def stamp(path: str) -> tuple | None:
        try:
            stat = os.lstat(path)
        except OSError:
            return None
        return stat.st_mode, stat.st_size, stat.st_mtime_ns, stat.st_ino

    stamps = {}
    for folder in sorted({*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"], *settings["STATIC_PATHS"]}):
        for parent, folders, names in os.walk(os.path.join(root, folder)):
            folders[:] = [f for f in folders if not any(fnmatch(f, pattern) for pattern in ignored)]
            for name in names:
                if not any(fnmatch(name, pattern) for pattern in ignored):
                    stamps[os.path.join(parent, name)] = stamp(os.path.join(parent, name))
    record = os.path.abspath(record_path(settings))
    stamps[record] = stamp(record)
    return stamps


def hold(instance, kept_reading) -> HeldBuild:
    """Make the build as far as `finalized`, from the kept readings, and note
    what the quick rebuilds check. In the holder process, under the build lock."""
    compat.forget_logged_messages()
    compat.read_file_with_kept_readings(kept_reading)
    signals.initialized.send(instance)  # a new run: its build state, its report
    stamps = source_stamps(instance.settings)  # before reading: a file changed meanwhile is read again
    generators, writer = compat.generate_pages(instance)
    resume_collection()
    # What many pages show, made as the build's stage makes it (archive_pages:
    # each story's cards, and the digest a page's fingerprint holds of them).
    render_shared_parts.send(build_state())
    build_held.send(build_state())
    articles, generator_of = articles_by_source(generators)
    pages_showing = {}
    for job in writer.jobs:
        for shown in articles_shown(job.values):
            pages_showing.setdefault(shown, set()).add(job.name)
    by_stem = {(os.path.dirname(source), os.path.splitext(os.path.basename(source))[0]): source for source in articles}
    return HeldBuild(instance, generators, stamps, articles, generator_of, pages_showing, by_stem, (b"", b""))


def source_of(held: HeldBuild, path: str) -> str | None:
    """The article a changed file is the source of: itself, or the source it
    sits beside and is named after (a seed's corrections file: the longest
    such name, so that `a.b.corrections.toml` is `a.b.txt`'s, not `a.txt`'s)."""
    if path in held.articles:
        return path
    folder, name = os.path.split(path)
    parts = name.split(".")
    for end in range(len(parts) - 1, 0, -1):
        source = held.by_stem.get((folder, ".".join(parts[:end])))
        if source is not None:
            return source
    return None


class NotLocal(Exception):
    """Why the edit can reach beyond the pages that show the articles read again."""


def changed_sources(held: HeldBuild) -> list[str]:
    now = source_stamps(held.instance.settings)
    if now.keys() != held.stamps.keys():
        added, gone = sorted(now.keys() - held.stamps.keys()), sorted(held.stamps.keys() - now.keys())
        raise NotLocal(f"{len(added)} file(s) added, {len(gone)} removed")
    sources = set()
    for path in sorted(path for path, stamp in now.items() if stamp != held.stamps[path]):
        source = source_of(held, path)
        if source is None:
            raise NotLocal(f"{os.path.relpath(path)} changed, and it is not an article's source")
        sources.add(source)
    if len(sources) > MOST_SOURCES:
        raise NotLocal(f"{len(sources)} articles changed")
    return sorted(sources)


class _Logged(logging.Handler):
    """Warnings and errors, but a seed's import warnings: a build shows those
    whenever it imports the seed, and the article carries them (compared with
    the held article's in its metadata)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        if not is_import_warning(record):
            self.messages.append(record.getMessage())


def metadata_reach(held_article, reading) -> str | None:
    """Which field of the new reading's metadata, shown beyond the article's own pages and card, changed."""
    held, new = held_article.metadata, reading.metadata
    for key in sorted((held.keys() | new.keys()) - BODY_FIELDS):
        shown = SHOWN_ELSEWHERE_AS.get(key, lambda value: value)
        if shown(held.get(key)) != shown(new.get(key)):
            return f"its {key} changed"
    return None


def read_again(held: HeldBuild, sources: list[str]) -> set[str]:
    """Read the changed sources again into their held articles; the pages that show them."""
    readings = {source: _reading(held, source) for source in sources}
    reason = next((said for _, said in edit_is_local.send(readings, held=held.articles) if said), None)
    if reason:
        raise NotLocal(reason)
    reached = set()
    for source, reading in readings.items():
        article = held.articles[source]
        compat.take_reading(article, reading, KEPT_FROM_BUILD)
        article_reread.send(article)
        reached |= held.pages_showing.get(id(article), set())
    return reached


def _reading(held: HeldBuild, source: str):
    """A changed source read again; NotLocal unless its metadata is the held article's but for BODY_FIELDS."""
    article, generator = held.articles[source], held.generator_of[source]
    logged = _Logged()
    logging.getLogger().addHandler(logged)
    try:
        reading = compat.read_article(generator, os.path.relpath(source, generator.path))
    finally:
        logging.getLogger().removeHandler(logged)
    where = os.path.relpath(source)
    if reading is None or logged.messages:  # reported by the whole build, as any build reports it
        raise NotLocal(f"{where}: " + (f"its reading logged {logged.messages[0]!r}" if logged.messages
                                        else "it could not be read"))
    reason = metadata_reach(article, reading)
    if reason:
        raise NotLocal(f"{where}: {reason}")
    return reading


def rebuild(held: HeldBuild) -> int:
    """A quick rebuild, in a process forked from the holder; DECLINED when the edit is not local."""
    state = build_state()
    state.started = time.monotonic()
    try:
        sources = changed_sources(held)
        sources_changed.send(sources)
        reached = set(state.pages_reached or ()) | read_again(held, sources)
    except NotLocal as reason:
        print(f"not a quick rebuild ({reason}): a whole build", flush=True)
        return DECLINED
    for fd, said in zip((1, 2), held.said, strict=True):
        with os.fdopen(fd, "wb", closefd=False) as out:
            out.write(said)  # what a build of its own would have said while reading
    state.pages_reached = reached
    state.contexts_made = time.monotonic()
    print(f"quick rebuild: {len(sources)} source(s) read again, {len(reached)} page(s) to look at", flush=True)
    # The pages the held build handed its writer show the held articles, which
    # now hold the new readings: its writer renders them. What the held build
    # wrote as it queued them (the sitemap: URLs and dates, which a local edit
    # keeps) the scratch folder has from the last site; not the theme's files,
    # which Pelican copies in place every build.
    compat.copy_static_files(held.generators)
    signals.finalized.send(held.instance)
    return 0


# -- the holder process -------------------------------------------------------------

def serve(connection: socket.socket, instance, kept_reading, lock_path: Path) -> None:
    """The holder: hold the build (under the build lock), say so, then run
    each quick rebuild asked for in a forked process, until the resident
    process goes away. Never returns."""
    code = 0
    try:
        os.setpgid(0, 0)  # not in the resident process's group: it ends this one itself
        with open(lock_path, "w") as lock:  # noqa: PTH123 - held as a descriptor
            fcntl.flock(lock, fcntl.LOCK_EX)  # not while a build writes what it reads
            held = _hold_quietly(instance, kept_reading)
            gc.collect()
            gc.freeze()  # each rebuild's collections never touch (and copy) the held build
            say(connection, {"held": len(held.articles)})  # before the lock goes: the next build finds it held
        while True:
            request, fds = receive(connection)
            if request.get("do") == "build" and len(fds) == 3:
                _rebuild_in_child(connection, held, fds)
            for fd in fds:
                os.close(fd)
    except ConnectionError:
        pass
    except Exception as error:  # noqa: BLE001 - said to the resident process, which builds whole
        with contextlib.suppress(OSError):
            say(connection, {"failed": f"{type(error).__name__}: {error}"})
        code = 1
    finally:
        os._exit(code)


def _hold_quietly(instance, kept_reading) -> HeldBuild:
    """hold(), with what it writes on stdout and stderr kept for the rebuilds to say."""
    saved = os.dup(1), os.dup(2)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            held = hold(instance, kept_reading)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
        said = []
        for kept in (out, err):
            kept.seek(0)
            said.append(kept.read())
    held.said = tuple(said)
    return held


def _rebuild_in_child(connection: socket.socket, held: HeldBuild, fds: list[int]) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        connection.close()
        run_as_build(fds, lambda: rebuild(held))
    with contextlib.suppress(OSError):
        os.setpgid(pid, pid)
    say(connection, {"pid": pid})
    _, status = os.waitpid(pid, 0)
    say(connection, {"exit": os.waitstatus_to_exitcode(status)})


def end(pid: int) -> None:
    """End a holder (between builds: no rebuild of it runs)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def run_as_build(fds: list[int], build) -> None:
    """In a process forked for a build (by the resident process or the
    holder): its output and errors to the client's, `build()` run as
    `pelican` runs, and its exit code the process's. Never returns."""
    code = 1
    try:
        os.setpgid(0, 0)  # the client's going away ends this group
        out, err, _lock = fds  # the lock: held while this process (or one it forks) lives
        os.dup2(out, 1)
        os.dup2(err, 2)
        compat.forget_logged_messages()
        code = build()
    except Exception as error:  # noqa: BLE001 - reported as `pelican` reports it
        logger.critical("%s: %s", error.__class__.__name__, error, exc_info=True)
        code = getattr(error, "exitcode", 1)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
