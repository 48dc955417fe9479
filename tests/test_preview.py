"""make serve's preview: a busy port is said and the next free one used; an
edited article's pages are rendered from memory as a whole build renders them;
an open page shows an edit by itself, and a broken edit's error; a signal
stops every process it started, and a worker outlives no killed server."""

import importlib.util
import os
import shutil
import signal
import socket
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT, VENV, free_port, pelican


def load_preview():
    spec = importlib.util.spec_from_file_location("preview", ROOT / "tools" / "preview.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_busy_port_is_named_and_the_next_free_one_used(capsys):
    preview = load_preview()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        server = preview.bind(busy)
        try:
            assert server.server_address[1] != busy
            said = capsys.readouterr().out
            assert f"Port {busy} is busy" in said and "make serve PORT=" in said
        finally:
            server.server_close()


# -- the live archive: an edited article's pages, rendered from memory ----------------

EDITED_SEED = "seeds/001_5fdcb9c48dad7940.txt"
EDITED_PAGE = "001-5fdcb9c48dad7940.html"
NEW_SENTENCE = "یہ جملہ پیش نظارے کے لیے لکھا گیا ہے۔"


def append_sentence(project, seed: str = EDITED_SEED) -> None:
    with open(project / seed, "a", encoding="utf-8") as text:
        text.write(f"\n\n{NEW_SENTENCE}\n")


def test_an_edited_seed_is_shown_as_the_whole_build_shows_it(project):
    """The live archive (in its own process, as make serve runs it) renders the
    pages that show an edited seed, corrections file or translation exactly as
    a whole build then writes them; pages that do not show it are left alone."""
    import multiprocessing

    from akhbar import live_preview

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    worker = context.Process(target=live_preview.serve, args=(
        theirs, str(project / "pelican.conf.py"), {}, str(project / ".build" / "preview")))
    worker.start()
    try:
        kind, loaded = ours.recv()
        assert kind == "ready" and loaded["articles"] >= 8 and loaded["pages"] > 100, loaded
        append_sentence(project)
        ours.send([str(project / EDITED_SEED)])
        kind, update = ours.recv()
        assert kind == "update"
        assert update.read == [str(project / EDITED_SEED)] and not update.unreadable and not update.errors
        assert NEW_SENTENCE in update.pages[EDITED_PAGE]
        # Its listings: the home page, in both languages (the English side lists it too).
        assert {"index.html", "en/index.html", "en/" + EDITED_PAGE} <= set(update.pages)
        assert len(update.pages) < loaded["pages"] // 3  # not every page: those that show it
        # A file beside the seed named after it (its corrections) is the seed's edit.
        (project / EDITED_SEED.replace(".txt", ".corrections.toml")).write_text(
            'title = "پیش نظارے کی سرخی"\n', encoding="utf-8")
        ours.send([str(project / EDITED_SEED.replace(".txt", ".corrections.toml"))])
        kind, corrected = ours.recv()
        assert "پیش نظارے کی سرخی" in corrected.pages[EDITED_PAGE]
        assert "پیش نظارے کی سرخی" in corrected.pages["index.html"]  # its card, not the old one
        # A seed its reader refuses: no page, the reason with file and line.
        (project / "seeds/002_6aa83e8293d70fa7.txt").write_bytes(b"\xd8\xa7\x00\x00 broken")
        ours.send([str(project / "seeds/002_6aa83e8293d70fa7.txt")])
        kind, broken = ours.recv()
        assert broken.pages == {} and broken.unreadable == [str(project / "seeds/002_6aa83e8293d70fa7.txt")]
        assert any("seeds/002_6aa83e8293d70fa7.txt:1: " in message
                   for message in broken.errors[str(project / "seeds/002_6aa83e8293d70fa7.txt")])
        # An editor's English translation: the pages that show it, with what it inherits and its reading time.
        translation = project / "content/en/001-biden-putin-warnings.md"
        with open(translation, "a", encoding="utf-8") as text:
            text.write("\n\nA sentence the editor added in the preview.\n")
        ours.send([str(translation)])
        kind, translated = ours.recv()
        assert "A sentence the editor added" in translated.pages["en/" + EDITED_PAGE]
        # A new file is not the preview's: the whole build shows it.
        (project / "seeds/new.txt").write_text("نئی خبر\n", encoding="utf-8")
        ours.send([str(project / "seeds/new.txt")])
        assert ours.recv()[1].not_in_archive == [str(project / "seeds/new.txt")]
        ours.send(None)
    finally:
        worker.join(timeout=10)
        worker.kill()
    (project / "seeds/new.txt").unlink()
    (project / "seeds/002_6aa83e8293d70fa7.txt").write_bytes((ROOT / "seeds/002_6aa83e8293d70fa7.txt").read_bytes())
    output = project / "built"
    result = pelican(project, output)
    assert result.returncode == 0, result.stderr
    # Every page the preview made, the latest of each, is the page the whole build writes.
    shown = {**corrected.pages, **translated.pages}
    assert {name for name, page in shown.items() if (output / name).read_text(encoding="utf-8") != page} == set()


# -- make serve, end to end: an edit shows in the open page, a broken one says why ------------

class Serving:
    """tools/preview.py (or `make serve`) running on a project copy; its output,
    line by line. In a session of its own: its processes are the session's."""

    def __init__(self, project, port: int, through_make: bool = False):
        import subprocess
        import sys
        import threading

        # The fonts, subset once for every test build.
        shutil.copytree(ROOT / ".build" / "webfonts", project / ".build" / "webfonts", dirs_exist_ok=True)
        command = (["make", "--no-print-directory", f"VENV={VENV}", f"PORT={port}", "serve"] if through_make
                   else [sys.executable, "tools/preview.py", str(port)])
        self.process = subprocess.Popen(command, cwd=project, text=True, start_new_session=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines, self.url = [], f"http://127.0.0.1:{port}/"
        threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True).start()

    def wait_for(self, text: str, after: int = 0, timeout: float = 120) -> int:
        """The index of the first line from `after` on that has `text`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines[after:], after):
                if text in line:
                    return index
            assert self.process.poll() is None, "".join(self.lines)
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not said in {timeout} s:\n" + "".join(self.lines[-40:]))

    def get(self, name: str) -> tuple[str, str]:
        with urllib.request.urlopen(self.url + name) as response:
            return response.read().decode("utf-8"), response.headers["X-Preview-Source"]

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def session_processes(session: int) -> list[str]:
    """The command lines of a session's live processes (zombies aside)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = (Path("/proc") / pid / "stat").read_text()
            command = (Path("/proc") / pid / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # ended meanwhile
        state, _, _, in_session = stat[stat.rindex(")") + 2:].split()[:4]
        if int(in_session) == session and state != "Z":
            found.append(command)
    return found


def wait_for_processes(session: int, text: str, count: int = 1, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while sum(text in command for command in session_processes(session)) < count:
        assert time.monotonic() < deadline, f"not {count} {text!r}: {session_processes(session)}"
        time.sleep(0.02)


def wait_until_none_left(session: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while session_processes(session) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert session_processes(session) == []


def add_unimported_seeds(project) -> None:
    """Seeds no build has imported yet, enough for the importer's pool."""
    seed = (project / EDITED_SEED).read_text(encoding="utf-8")
    for number in range(110):
        (project / "seeds" / f"copy_{number:03}.txt").write_text(f"{seed}\n\nنقل نمبر {number}۔\n", encoding="utf-8")


def test_make_serve_shows_an_edit_in_the_open_page_and_a_broken_one_on_it(project, browser):
    serving = Serving(project, free_port())
    try:
        ready = serving.wait_for("Live preview ready")
        page = browser.new_page()
        page.goto(serving.url + EDITED_PAGE)
        assert NEW_SENTENCE not in page.content()

        append_sentence(project)
        # The open page reloads itself (server-sent events) with the page from memory.
        page.locator("article", has_text=NEW_SENTENCE).wait_for(timeout=10_000)
        # From memory first, then the whole build follows; then the page is the build's.
        shown = serving.wait_for("page(s) shown in", after=ready)
        built = serving.wait_for("rebuilt in", after=shown)
        serving.wait_for("Live preview ready", after=built)
        text, source = serving.get(EDITED_PAGE)
        assert NEW_SENTENCE in text and source == "output"
        assert NEW_SENTENCE in (project / "output" / EDITED_PAGE).read_text(encoding="utf-8")

        # A seed its reader refuses: the reason on the page, the last good page under it, no build.
        seed = project / EDITED_SEED
        good = seed.read_bytes()
        seed.write_bytes(good + b"\x00\x00")
        page.wait_for_selector("[role=alert]", timeout=10_000)
        alert = page.inner_text("[role=alert]")
        assert f"{EDITED_SEED}:" in alert and "NUL byte" in alert, alert
        assert NEW_SENTENCE in page.inner_text("article")
        waits = serving.wait_for("the whole build waits", after=built)
        # Fixed: the error goes and the whole build runs again.
        seed.write_bytes(good)
        page.wait_for_selector("[role=alert]", state="detached", timeout=10_000)
        serving.wait_for("rebuilt in", after=waits)
        page.close()
    finally:
        serving.close()


def test_the_worker_imports_seeds_it_has_not_seen_on_every_core(project, capfd):
    """Loading an archive with many seeds no build has imported yet uses the
    importer's pool of processes, which a daemon process may not start."""
    add_unimported_seeds(project)
    spec = importlib.util.spec_from_file_location("project_preview", project / "tools" / "preview.py")
    preview = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(preview)
    worker = preview.Worker()
    try:
        worker.load()
        said = capfd.readouterr()
        assert worker.current is not None, said.out + said.err
        assert "Live preview ready" in said.out and "Could not process" not in said.err, said.err[-3000:]
    finally:
        worker.stop()


def test_the_worker_collects_its_garbage_again_once_the_archive_is_loaded(project):
    """A build pauses Python's collector while it reads the articles and queues
    the pages, and its stages give it back (akhbar.build); the live preview's
    run stops before the stages, so it gives it back itself."""
    import subprocess
    import sys

    code = ("import gc, sys; sys.path.insert(0, 'plugins'); from akhbar.live_preview import LiveArchive\n"
            "archive = LiveArchive('pelican.conf.py', {}, '.build/preview'); archive.load()\n"
            "print(len(archive.jobs), gc.isenabled())")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    pages, collecting = loaded.stdout.split()
    assert int(pages) > 0 and collecting == "True", loaded.stdout


# -- stopping: nothing make serve started outlives it -----------------------------------------

def test_a_signal_to_make_serve_ends_every_process_it_started_and_output_stays_whole(project):
    """SIGTERM to make (as kill or a process manager sends it) mid-build: the
    server, the worker and the build all end at once; output/ is the last
    whole site, not swapped."""
    serving = Serving(project, free_port(), through_make=True)
    session = serving.process.pid
    try:
        serving.wait_for("Live preview ready")
        output = project / "output"
        site, built = output.stat().st_ino, sorted(path.relative_to(output) for path in output.rglob("*"))
        (project / "theme" / "templates" / "base.html").touch()
        wait_for_processes(session, "output.new")  # Pelican, building
        serving.process.send_signal(signal.SIGTERM)
        assert serving.process.wait(timeout=3) == -signal.SIGTERM
        wait_until_none_left(session, timeout=1)
        assert output.stat().st_ino == site
        assert sorted(path.relative_to(output) for path in output.rglob("*")) == built
    finally:
        serving.close()


def test_a_worker_whose_server_is_killed_ends_itself_and_its_pool(project):
    """SIGKILL leaves the server no say. Its worker, loading (importing new
    seeds on a pool) and so not reading its connection, sees the server has
    gone and ends itself and the pool."""
    import subprocess
    import sys

    add_unimported_seeds(project)
    server = subprocess.Popen([sys.executable, "-c", "import preview; preview.WORKER.load()"], cwd=project / "tools",
                              start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_processes(server.pid, "spawn_main", count=3)  # the worker and its pool
        server.kill()
        server.wait()
        wait_until_none_left(server.pid, timeout=2)
    finally:
        server.kill()
