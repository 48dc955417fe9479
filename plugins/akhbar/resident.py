"""The resident build (`make resident`): a process that has read the archive
once and stays, so that `make html` after an edit does not read it again.

A build in a new process spends most of a one-seed rebuild making every
article object again from the kept imports (docs/builds.md, "Toward a
one-seed make html in 5 seconds"). The resident process reads every article
source once, as a build's `ArticlesGenerator` would, and keeps the objects
as the readers made them, before any signal changes them. For each build it
forks a child, which runs the whole of Pelican as `pelican` does, except that
a source whose reading is still current is not read again: the child takes
the kept object (`compat.read_file_with_kept_readings`). What makes a reading
current is the reader's to say (`akhbar.build.reading_token`; seed_reader
answers with the import's key, which covers the seed's bytes, its
corrections, the importer and the learned lines it prints; markdown_reader
with its conversion's key); a source no reader vouches for (a page, a
Markdown file with an {attach} or {static} link), a new one and one whose reading
logged a warning or an error is read in every build, so each build reports
what a build of its own would. The parent never changes its copy, so every
build starts from the same objects, and its result is a clean build's
(tests/test_resident.py compares them).

The child runs in the client's place: `make html` runs `tools/resident.py
build` (resident_client.py, which does not load Pelican), which hands the
resident process its output and error streams and the build lock's
descriptor (so the lock is held as long as the build runs, even by a child
whose client was killed), and waits for the exit code; the Makefile then
swaps output/ as after any build. A client that goes away ends the child and
everything it started (its process group).

The process also holds a finished build (akhbar/held_build.py): a holder
process, forked after it has read the archive and again after each whole
build, makes the build as far as its stages and waits; a `make html` after an
edit to an article's text is then a quick rebuild forked from it, which
renders only what shows the article. An edit that can reach further (a new
headline, a new file) is declined, and the build is whole, as above.

The resident process answers only the build it was started for: the same
Pelican arguments in the same folder, with the code, theme, settings and
data files it loaded (`build_key`). For other arguments (STRICT=1, a
segment), or with no resident process, the client runs Pelican itself, as
before. A resident process whose loaded files have changed ends, and the
client starts a new one after its own build. It also ends after an idle
hour (`IDLE_SECONDS`) and on `make stop-resident`.
"""

import contextlib
import fcntl
import gc
import json
import logging
import os
import select
import signal
import socket
import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pelican import LOG_HANDLERS, get_instance, init_logging, parse_arguments, signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from . import compat, held_build
from .build import reading_token, readings_kept, resume_collection
from .resident_client import SOCKET, build_key, receive, say

logger = logging.getLogger(__name__)

BUILD_LOCK = Path(".build/build.lock")  # make's: held while the archive is read
IDLE_SECONDS = 3600


# -- what the resident process keeps --------------------------------------------

@dataclass
class KeptReading:
    content: Article
    token: tuple


def token_of(generator, path: str) -> tuple | None:
    """What the readers say a reading of `path` depends on; None when no reader vouches for it."""
    said = tuple(value for _, value in reading_token.send(generator, path=path) if value is not None)
    return said or None


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.any = False

    def emit(self, record):
        self.any = True


def read_every_article(instance) -> dict[str, KeptReading]:
    """Every article source a reader vouches for, read as Pelican's
    ArticlesGenerator reads it, by absolute path."""
    settings = instance.settings
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={}, localsiteurl=settings["SITEURL"])
    generator = ArticlesGenerator(context=context, settings=settings, path=instance.path, theme=instance.theme,
                                  output_path=instance.output_path)
    kept = {}
    signals.article_generator_preread.send(generator)  # as Pelican sends it before reading
    for source in sorted(generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])):
        path = os.path.abspath(os.path.join(generator.path, source))
        token = token_of(generator, path)
        if token is None:
            continue
        logged = _Logged()
        logging.getLogger().addHandler(logged)
        try:
            content = generator.readers.read_file(
                base_path=generator.path, path=source, content_class=Article, context=context,
                context_signal=signals.article_generator_context, context_sender=generator)
            valid = content.is_valid()
        except Exception:  # noqa: BLE001 - read again, and reported, by each build
            continue
        finally:
            logging.getLogger().removeHandler(logged)
        if valid and not logged.any and type(content) is Article:
            kept[path] = KeptReading(content, token)
    readings_kept.send(generator)
    return kept


def kept_reading(kept: dict[str, KeptReading], path: str, content_class, generator):
    """In a build: the kept reading of `path`, if it is still current."""
    reading = kept.get(path)
    if reading is None or content_class is not Article:  # only articles are kept
        return None
    return reading.content if token_of(generator, path) == reading.token else None


# -- the resident process ---------------------------------------------------------

class Holder:
    """The process that holds the finished build (akhbar/held_build.py), as
    the resident process sees it: its messages arrive one per line."""

    def __init__(self, pid: int, connection: socket.socket):
        self.pid, self.connection = pid, connection
        self.ready = self.gone = False
        self.unread = b""

    def message(self, timeout: float) -> dict | None:
        """The next message, or None if none came within `timeout`; ConnectionError when the holder has ended."""
        while b"\n" not in self.unread:
            if not select.select([self.connection], [], [], timeout)[0]:
                return None
            chunk = self.connection.recv(65536)
            if not chunk:
                raise ConnectionError("the held build ended")
            self.unread += chunk
        line, self.unread = self.unread.split(b"\n", 1)
        return json.loads(line)

    def is_ready(self) -> bool:
        """Whether it holds the build; False while it makes it, or after it failed or ended."""
        if not self.ready and not self.gone:
            try:
                said = self.message(0)
            except ConnectionError:
                said = {"failed": "it ended"}
            if said is not None:
                self.ready = "held" in said
                self.gone = not self.ready
                if self.gone:
                    print(f"the held build failed ({said.get('failed')}): each make html builds whole", flush=True)
        return self.ready and not self.gone

    def end(self) -> None:
        self.connection.close()
        held_build.end(self.pid)


class Resident:
    """The process: what it has loaded (its key), read (kept), listens on and holds."""

    def __init__(self, key: dict, instance, kept: dict[str, KeptReading], listener: socket.socket):
        self.key, self.instance, self.kept, self.listener = key, instance, kept, listener
        self.holder: Holder | None = None
        self.hold_again = False  # set by a whole build, which changes the site: the build is held again

    def hold(self) -> None:
        """A new holder (the old one ends): it makes the build under the build
        lock, so after the build that just ran is swapped in."""
        self.hold_again = False
        if self.holder is not None:
            self.holder.end()
        ours, its = socket.socketpair()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.listener.close()
            ours.close()
            held_build.serve(its, self.instance, partial(kept_reading, self.kept), BUILD_LOCK)
        its.close()
        self.holder = Holder(pid, ours)

    def held_state(self) -> str:
        if self.holder is None or self.holder.gone:
            return "none"
        return "ready" if self.holder.is_ready() else "holding"

    def answer(self, connection: socket.socket) -> bool:
        """One request; False when this process should end."""
        try:
            request, fds = receive(connection)
        except (ConnectionError, ValueError, OSError):
            return True
        try:
            if request.get("do") == "stop":
                say(connection, {"stopping": os.getpid()})
                return False
            key = request.get("key", {})
            if key.get("arguments") != self.key["arguments"]:
                say(connection, {"other": True})  # another build (STRICT=1, a segment): not this one's
                return True
            if key.get("loaded") != self.key["loaded"]:
                say(connection, {"outdated": True})
                print("outdated (code, theme, settings or data files changed): ending", flush=True)
                return False
            if request.get("do") == "status":
                say(connection, {"ready": os.getpid(), "articles": len(self.kept), "held": self.held_state()})
            elif request.get("do") == "build" and len(fds) == 3:
                code = self.quick_build(connection, fds)
                if code is None or code == held_build.DECLINED:
                    code = self.build(connection, fds)
                    self.hold_again = True
                say(connection, {"exit": code, "pid": os.getpid()})
            return True
        finally:
            for fd in fds:
                os.close(fd)

    def quick_build(self, connection: socket.socket, fds: list[int]) -> int | None:
        """A quick rebuild by the held build: its exit code (DECLINED: not
        local, nothing written), or None when there is no held build."""
        holder = self.holder
        if holder is None or not holder.is_ready():
            return None
        rebuilding = None
        try:
            socket.send_fds(holder.connection, [json.dumps({"do": "build"}).encode() + b"\n"], fds)
            while True:
                said = holder.message(0.1)
                if said is not None and "pid" in said:
                    rebuilding = said["pid"]
                elif said is not None and "exit" in said:
                    return said["exit"]
                ready, _, _ = select.select([connection], [], [], 0)
                if ready and not connection.recv(1) and rebuilding is not None:
                    # The client went away: its rebuild goes too (the holder then says how it ended).
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(rebuilding, signal.SIGKILL)
                    rebuilding = None
        except (ConnectionError, OSError):
            holder.gone = True
            return None

    def build(self, connection: socket.socket, fds: list[int]) -> int:
        """A build in a forked child, which ends with its client."""
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.listener.close()  # a child left behind must not take the next build's requests
            _build_in_child(fds, self.instance, self.kept)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # as the child does: whichever runs first
        while True:
            ready, _, _ = select.select([connection], [], [], 0.1)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            if ready and not connection.recv(1):  # the client went away: its build goes too
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
                return os.waitstatus_to_exitcode(status)


def serve(argv: list[str], root: Path, idle_seconds: float = IDLE_SECONDS) -> None:
    """Read the archive under the build lock, then build on request until idle,
    told to stop, or outdated."""
    os.chdir(root)
    key = build_key(argv, root)  # before anything is loaded: a change meanwhile makes it outdated
    args = parse_arguments(argv)
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican", handler=LOG_HANDLERS[args.log_handler],
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    started = time.monotonic()
    BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(BUILD_LOCK, "w") as lock:  # noqa: PTH123 - held as a descriptor
        fcntl.flock(lock, fcntl.LOCK_EX)  # not while a build writes the imports it reads
        instance, _ = get_instance(args)
        kept = read_every_article(instance)
    compat.forget_rendered_texts()
    resume_collection()  # reading paused the collector; what it made is frozen out of its passes
    gc.collect()
    gc.freeze()  # and so is every object now: a child's collections never touch (and copy) them
    resident = Resident(key, instance, kept, _listen(SOCKET))
    print(f"resident build ready: {len(kept)} articles kept, read in {time.monotonic() - started:.1f} s "
          f"(pid {os.getpid()})", flush=True)
    resident.listener.settimeout(idle_seconds)
    try:
        resident.hold()
        while True:
            try:
                connection, _ = resident.listener.accept()
            except TimeoutError:
                print("idle: ending", flush=True)
                return
            with connection:
                connection.settimeout(None)
                if not resident.answer(connection):
                    return
            if resident.hold_again:  # here, with no client's descriptor (the build lock's) open
                resident.hold()
    finally:
        if resident.holder is not None:
            resident.holder.end()
        with contextlib.suppress(OSError):
            SOCKET.unlink()


def _listen(path: Path) -> socket.socket:
    if path.exists():
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as probe:
            probe.connect(str(path))
            raise SystemExit(f"another resident build listens on {path}")
        path.unlink()  # left by a process that was killed
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.listen()
    return listener


def _build_in_child(fds: list[int], instance, kept: dict) -> None:
    def whole_build() -> int:
        compat.read_file_with_kept_readings(partial(kept_reading, kept))
        signals.initialized.send(instance)  # a new run: its build state, its report
        instance.run()
        return 0

    held_build.run_as_build(fds, whole_build)
