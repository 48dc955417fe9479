"""make serve: build, serve output/ on 127.0.0.1, show each edit in a second or two.

Two paths after every change to seeds/, content/, theme/, plugins/ or the settings:

- The quick one, for an edited article (a seed, its corrections file, a
  Markdown article): a worker process holds the build in memory
  (plugins/akhbar/live_preview.py), reads the edited source again and renders
  the pages that show it: its own page and its translation's, the listings
  it is on, the pages whose related stories show it. The server serves them
  from memory, over output/, and the open pages reload themselves
  (`/__preview__/live.js`, server-sent events).
- The whole one, always, right after: `make html` (build into a scratch
  folder, then swap), so output/ stays a whole site, and everything a build
  works out from many articles (related stories, order, search) catches up.
  When it has landed, the pages from memory are dropped and a new worker
  loads the new build.

A broken edit (a seed its reader refuses) is shown on every page and in the
terminal; its article keeps its last good page, and the whole build waits
until the edit is fixed (it would leave the article out). A failed build is
shown the same way and the last good site stays. A rebuild started while an
editor's `make html` runs waits for it (the Makefile's build lock).

SIGTERM, SIGINT or SIGHUP stop it all: the watcher and the server, the
worker with its pool, and a build under way (killed: the build swaps output/
in whole or not at all). The worker and each build run in process groups of
their own, so that each is ended whole; a worker whose server was killed
outright ends itself.
"""

import argparse
import atexit
import contextlib
import errno
import functools
import html
import http.server
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from watchfiles import Change, watch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from akhbar import live_preview  # noqa: E402 - found through the line above

WATCHED = ["seeds", "content", "theme", "plugins", "pelican.conf.py"]
OUTPUT = ROOT / "output"
PREFIX = "/__preview__/"
LIVE_JS = """// make serve: reload when the preview has new pages (tools/preview.py).
new EventSource("/__preview__/events").addEventListener("reload", () => location.reload());
"""
LIVE_CSS = """.akhbar-preview-error{position:sticky;top:0;z-index:1000;margin:0;padding:.75rem 1rem;
background:#7a1010;color:#fff;font:1rem/1.5 system-ui,sans-serif}
.akhbar-preview-error ul{margin:.25rem 0 0;padding-inline-start:1.25rem}
.akhbar-preview-error code{font-family:ui-monospace,monospace;white-space:pre-wrap}
"""
# Settings given to make serve (SETTINGS, STRICT): the builds and the worker use them alike.
SETTINGS: dict = {}
# How many ports after the asked one to try when it is busy.
FREE_PORT_TRIES = 20
# Set on SIGTERM, SIGINT or SIGHUP: the watcher returns and nothing new starts.
STOP = threading.Event()


class Preview:
    """What the server shows over output/: pages from memory, the errors of the
    last edit or build, and the browsers waiting to reload."""

    def __init__(self):
        self.lock = threading.Condition()
        self.pages: dict[str, tuple[bytes, float]] = {}  # output name -> (HTML, when its change was seen)
        self.edit_errors: dict[str, list[str]] = {}  # source -> its errors
        self.unreadable: set[str] = set()  # sources whose last edit their reader refused
        self.build_error: str | None = None
        self.generation = 0  # raised on every change the browsers should see

    def changed(self) -> None:
        with self.lock:
            self.generation += 1
            self.lock.notify_all()

    def errors(self) -> list[str]:
        with self.lock:
            found = [message for messages in self.edit_errors.values() for message in messages]
            return found + ([self.build_error] if self.build_error else [])

    def page(self, name: str) -> bytes | None:
        with self.lock:
            kept = self.pages.get(name)
            return kept[0] if kept else None


PREVIEW = Preview()


def with_live_reload(page: bytes, errors: list[str]) -> bytes:
    """A page as served: the reload script and, when the last edit or build
    failed, the errors above the page."""
    text = page.decode("utf-8", "replace")
    head = f'<link rel="stylesheet" href="{PREFIX}live.css"><script src="{PREFIX}live.js" defer></script>'
    text = text.replace("</head>", head + "</head>", 1)
    if errors:
        items = "".join(f"<li><code>{html.escape(e)}</code></li>" for e in errors)
        banner = ('<div class="akhbar-preview-error" role="alert" lang="en" dir="ltr">'
                  "<strong>Preview: an edit or the last build has an error; what could not be made again "
                  "shows as it last was.</strong>"
                  ' <span lang="ur" dir="rtl">ترمیم یا پچھلی تعمیر میں غلطی ہے؛'
                  ' جو دوبارہ نہ بن سکا وہ پچھلی درست صورت میں ہے۔</span>'
                  f"<ul>{items}</ul></div>")
        start = text.find("<body")
        end = text.find(">", start) + 1 if start >= 0 else 0
        text = text[:end] + banner + text[end:]
    return text.encode("utf-8")


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(OUTPUT), **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request would bury the build's messages

    def do_GET(self):  # noqa: N802 - the base class's name
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path == PREFIX + "events":
            return self.events()
        if path in (PREFIX + "live.js", PREFIX + "live.css"):
            body, kind = (LIVE_JS, "text/javascript") if path.endswith(".js") else (LIVE_CSS, "text/css")
            return self.send(body.encode("utf-8"), kind, "memory")
        name = path.lstrip("/")
        if name == "" or name.endswith("/"):
            name += "index.html"
        if name.endswith(".html"):
            page = PREVIEW.page(name)
            if page is not None:
                return self.send(with_live_reload(page, PREVIEW.errors()), "text/html; charset=utf-8", "memory")
            file = OUTPUT / name
            if ".." not in Path(name).parts and file.is_file():
                return self.send(with_live_reload(file.read_bytes(), PREVIEW.errors()),
                                 "text/html; charset=utf-8", "output")
        return super().do_GET()

    def send(self, body: bytes, kind: str, source: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Preview-Source", source)  # memory: the quick path; output: the last build
        self.end_headers()
        self.wfile.write(body)

    def events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        with PREVIEW.lock:
            seen = PREVIEW.generation
        try:
            while True:
                with PREVIEW.lock:
                    PREVIEW.lock.wait_for(lambda last=seen: PREVIEW.generation != last, timeout=15)
                    now = PREVIEW.generation
                self.wfile.write(b"event: reload\ndata: \n\n" if now != seen else b": still here\n\n")
                self.wfile.flush()
                seen = now
        except OSError:
            pass  # the page went away


class Worker:
    """The live archive in its own process (a fresh one after every build),
    so that loading the next never slows the server or the one in use."""

    def __init__(self):
        self.lock = threading.Lock()
        self.current = None  # (process, connection), once loaded
        self.processes = []  # every worker started and not ended: loading or in use
        self.stopped = False
        atexit.register(self.stop)

    def stop(self) -> None:
        """End every worker, loading or in use, and start no more."""
        with self.lock:
            self.stopped = True
            processes, self.processes = self.processes, []
        for process in processes:
            end_worker(process)

    def load(self) -> None:
        """A new worker on the last build; replaces the one in use once it is ready."""
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        # Not a daemon: loading imports changed seeds with a pool of its own.
        process = context.Process(target=live_preview.serve, args=(
            theirs, str(ROOT / "pelican.conf.py"), SETTINGS, str(ROOT / ".build" / "preview")))
        with self.lock:
            if self.stopped:
                return
            process.start()
            self.processes.append(process)
        theirs.close()
        try:
            kind, detail = ours.recv()
        except EOFError:
            kind, detail = "failed", f"exit code {process.exitcode}"
        if self.stopped:
            return  # ended by stop()
        if kind != "ready":
            print(f"live preview unavailable ({detail}): edits show after each whole build", flush=True)
            self.end(process)
            return
        print(f"Live preview ready: {detail['articles']} articles, {detail['pages']} pages held "
              f"(loaded in {detail['seconds']} s, {detail['memory_mb']} MB)", flush=True)
        with self.lock:
            old, self.current = self.current, (process, ours)
        if old:
            old[1].send(None)
            old[0].join(timeout=5)
            self.end(old[0])

    def end(self, process) -> None:
        with self.lock:
            if process not in self.processes:
                return  # stop() has it
            self.processes.remove(process)
        end_worker(process)

    def update(self, paths: list[str]):
        with self.lock:
            if self.current is None:
                return None
            process, connection = self.current
            try:
                connection.send(paths)
                kind, detail = connection.recv()
            except (EOFError, OSError):
                self.current = None
                return None
        if kind != "update":
            print(f"live preview: {detail}; the whole build will show the edit", flush=True)
            return None
        return detail


def end_worker(process) -> None:
    """Kill a worker and the pool it may have started: its process group, which it makes as it starts."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.kill()  # in case it had not made its group yet
    process.join()


WORKER = Worker()


class Builder:
    """`make html` in the background, one at a time; asked again while one
    runs, it runs once more after."""

    def __init__(self):
        self.wanted = threading.Event()
        threading.Thread(target=self.loop, daemon=True).start()

    def request(self) -> None:
        self.wanted.set()

    def loop(self) -> None:
        while True:
            self.wanted.wait()
            self.wanted.clear()
            started = time.time()
            ok = build()
            if STOP.is_set():
                return
            with PREVIEW.lock:
                if ok:
                    PREVIEW.build_error = None
                    # Pages from memory that this build has made too: dropped.
                    PREVIEW.pages = {n: kept for n, kept in PREVIEW.pages.items() if kept[1] >= started}
                else:
                    PREVIEW.build_error = "make html failed: the terminal says why; the site is the last good build"
            PREVIEW.changed()
            if ok and not self.wanted.is_set():
                WORKER.load()


# The make html under way, if any (the first build, then the Builder's).
BUILDS: set[subprocess.Popen] = set()


def build() -> bool:
    started = time.monotonic()
    # The interpreter this runs in is the project's environment (make serve starts it).
    settings = " ".join(f"{name}={json.dumps(value)}" for name, value in SETTINGS.items())
    # A process group of its own, to be ended whole: make passes a SIGTERM on to
    # its shell, but not to the Pelican the shell runs.
    process = subprocess.Popen(["make", "--no-print-directory", f"VENV={sys.prefix}", f"SETTINGS={settings}", "html"],
                               cwd=ROOT, process_group=0)
    BUILDS.add(process)
    if STOP.is_set():
        end_builds()  # stopped while it started
    returncode = process.wait()
    BUILDS.discard(process)
    if STOP.is_set():
        return False
    seconds = time.monotonic() - started
    print(f"rebuilt in {seconds:.1f} s" if returncode == 0 else
          "build failed: the preview keeps the last good site", flush=True)
    return returncode == 0


def end_builds() -> None:
    """Kill the build under way. Safe at any point: it builds into a scratch folder
    and swaps it for output/ in one step; the next build readies the scratch folder again."""
    for process in list(BUILDS):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def quick(paths: list[str]) -> bool:
    """Show edited articles at once; False when the edit must wait for a build
    (no worker yet, or a file that is not an article's source: a new one)."""
    seen = time.time()
    update = WORKER.update(paths)
    if update is None or update.not_in_archive:
        return False
    with PREVIEW.lock:
        for name, page in update.pages.items():
            PREVIEW.pages[name] = (page.encode("utf-8"), seen)
        for source in update.read + update.unreadable:
            PREVIEW.edit_errors.pop(source, None)
            PREVIEW.unreadable.discard(source)
        PREVIEW.edit_errors.update(update.errors)
        for source in update.unreadable:
            PREVIEW.edit_errors.setdefault(source, [f"{relative(source)}: could not be read"])
            PREVIEW.unreadable.add(source)
    PREVIEW.changed()  # the errors are in the terminal already: the worker logs them
    print(f"preview: {len(update.pages)} page(s) shown in {update.seconds:.2f} s", flush=True)
    return True


def relative(path: str) -> str:
    return os.path.relpath(path, ROOT)


def bind(port: int) -> http.server.ThreadingHTTPServer:
    """A server on 127.0.0.1:port or, when that port is busy (another
    make serve, say), on the next free one, saying so."""
    for candidate in range(port, port + FREE_PORT_TRIES + 1):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", candidate), Handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            continue
        server.daemon_threads = True
        if candidate != port:
            print(f"Port {port} is busy (another make serve?): using {candidate}. "
                  f"To choose one: make serve PORT=8001", flush=True)
        return server
    sys.exit(f"Ports {port}-{port + FREE_PORT_TRIES} are all busy: choose another, e.g. make serve PORT=9000")


def main(port: int) -> None:
    signalled = []

    def stop(signum, _frame) -> None:
        signalled.append(signum)
        STOP.set()
        end_builds()

    # Ctrl-C reaches make serve's process group, SIGTERM (kill, a process manager)
    # this process alone (make passes it on): either way this process ends the
    # rest. The handler only sets the event the watcher checks: exiting from
    # inside it would wait for the worker, which multiprocessing joins at exit.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop)
    server = bind(port)  # before the first build: a busy port is said at once
    build()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview: http://127.0.0.1:{server.server_address[1]}/index.html (Ctrl-C to stop)", flush=True)
    builder = Builder()
    threading.Thread(target=WORKER.load, daemon=True).start()
    paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    watched = functools.partial(watch, *paths, debounce=400, step=20, stop_event=STOP,
                                watch_filter=lambda change, path: "__pycache__" not in path)
    for changes in watched():
        changed = sorted({path for _, path in changes})
        print(f"changed: {', '.join(relative(p) for p in changed)}", flush=True)
        # The worker knows which files are articles' sources (an editor may save
        # by replacing a file: added counts as saved); anything else, and a
        # deleted file, is for the whole build.
        edits = all(kind != Change.deleted for kind, _ in changes)
        if edits and quick(changed) and PREVIEW.unreadable:
            # A whole build would leave the article out and its last good page with it.
            print("the whole build waits until the edit can be read", flush=True)
            continue
        builder.request()
    server.shutdown()
    WORKER.stop()
    # Ended as the signal asks, so that make (and a shell) see how.
    signal.signal(signalled[0], signal.SIG_DFL)
    os.kill(os.getpid(), signalled[0])


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description="make serve: the live preview")
    arguments.add_argument("port", type=int, nargs="?", default=8000)
    arguments.add_argument("--setting", action="append", default=[], metavar="NAME=JSON",
                           help="a Pelican setting, as make's SETTINGS gives it")
    given = arguments.parse_args()
    for setting in given.setting:
        name, _, value = setting.partition("=")
        SETTINGS[name] = json.loads(value)
    main(given.port)
