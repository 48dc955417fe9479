"""Files and builds that cannot be turned against the archive (issue 12)."""

import subprocess
import threading
import time

from .conftest import FONT_CACHE, VENV, make


def start_make(project, *targets):
    return subprocess.Popen(
        ["make", "--no-print-directory", f"VENV={VENV}", f"SETTINGS={FONT_CACHE[1]}", *targets],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_wait_for_each_other(project):
    assert make(project, "html").returncode == 0
    output = project / "output"
    # Both builds do the whole work again, as a serve rebuild and an editor's build would.
    subprocess.run(["rm", "-rf", str(project / ".build" / "cache")], check=True)
    gaps, watching = [], True

    def watch():
        while watching:
            if not (output / "index.html").exists():
                gaps.append(time.monotonic())
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        first = start_make(project, "html")
        time.sleep(1)
        second = start_make(project, "html")
        results = [(build.returncode, *build.communicate()) for build in (first, second)]
        results = [(build.wait(), out, err) for build, (_, out, err) in zip((first, second), results)]
    finally:
        watching = False
        watcher.join()
    for code, out, err in results:
        assert code == 0, out + err
    assert "waiting for another build to finish" in results[1][1]
    assert gaps == [], "output/ had no index.html during a swap"
    for page in ("index.html", "002-6aa83e8293d70fa7.html", "en/002-6aa83e8293d70fa7.html", "search.html"):
        assert (output / page).is_file(), page
    assert not (project / ".build" / "output.new").exists()
