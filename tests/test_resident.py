"""make resident: builds in a process that has read the archive once give what a
clean build gives, report what a build of their own reports, and hand over
to Pelican in a process of its own whenever the resident process is not for
this build (plugins/akhbar/resident.py, tools/resident.py)."""

import os
import re
import shutil
import signal
import subprocess
import time

import pytest

from .conftest import make, make_command
from .test_build import checksums, differing
from .test_incremental import EDITED_SEED, clean_build, edit_seed

BY_RESIDENT = re.compile(r"\(built by the resident build, pid (\d+)\)")


@pytest.fixture
def resident(project):
    """The project with its site built and a resident build started for make html."""
    started = make(project, "resident")  # builds first
    assert started.returncode == 0, started.stdout + started.stderr
    assert "Site ready" in started.stdout, started.stdout
    # Every article kept (4 seeds, 4 Markdown): the build before it imported them all.
    assert re.search(r"resident build ready: 8 articles kept", started.stdout), started.stdout
    yield project
    make(project, "stop-resident")


def same_as_clean_build(project, clean) -> None:
    """The site, and the lists of doubts a build writes beside its caches, as a clean build's."""
    assert differing(checksums(project / "output"), checksums(clean)) == []
    reports = sorted(p.name for p in (project / ".build" / "cache").glob("*.txt"))
    assert reports, "no build reports"
    for name in reports:
        assert (project / ".build" / "cache" / name).read_bytes() == \
            (clean.parent / f"{clean.name}-cache" / name).read_bytes(), name


def descendants(pid: int) -> set[int]:
    """Every process under this one."""
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    children = {int(child) for child in found.split()}
    return children.union(*map(descendants, children))


def built_by(result) -> int | None:
    found = BY_RESIDENT.search(result.stdout)
    return int(found[1]) if found else None


def test_resident_builds_equal_clean_builds(resident, tmp_path):
    project = resident
    edit_seed(project, "کسی اجلاس کا امکان", "کسی اجلاس کا کوئی امکان")
    (project / "seeds" / "empty.txt").write_bytes(b"")
    rebuilt = make(project, "html")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    pid = built_by(rebuilt)
    assert pid is not None, rebuilt.stdout
    # The broken seed is reported by the resident build as by any build: file and reason.
    assert "seeds/empty.txt" in rebuilt.stderr, rebuilt.stderr
    assert "کسی اجلاس کا کوئی امکان" in (project / "output" / "002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    same_as_clean_build(project, clean_build(project, tmp_path / "clean"))

    # Again, from the same kept readings: the first edit undone, a seed added, a Markdown article edited.
    edit_seed(project, "کسی اجلاس کا کوئی امکان", "کسی اجلاس کا امکان")
    markdown = next((project / "content" / "en").glob("002-*.md"))
    text = markdown.read_text(encoding="utf-8")
    markdown.write_text(text.rstrip("\n") + "\n\nThis report was edited.\n", encoding="utf-8")
    (project / "seeds" / "empty.txt").unlink()
    shutil.copy(project / EDITED_SEED, project / "seeds" / "004_copy.txt")
    again = make(project, "html")
    assert again.returncode == 0, again.stdout + again.stderr
    assert built_by(again) == pid
    assert "seeds/empty.txt" not in again.stderr
    assert "This report was edited." in (project / "output" / "en" / "002-6aa83e8293d70fa7.html").read_text(
        encoding="utf-8")
    same_as_clean_build(project, clean_build(project, tmp_path / "clean-again"))


def test_strict_build_fails_in_the_resident_build_too(resident):
    project = resident
    (project / "seeds" / "empty.txt").write_bytes(b"")
    before = checksums(project / "output")
    strict = make(project, "html", "STRICT=1")  # other arguments: Pelican in its own process
    assert strict.returncode != 0 and built_by(strict) is None
    assert checksums(project / "output") == before
    (project / "pelican.conf.py").write_text(
        (project / "pelican.conf.py").read_text(encoding="utf-8") + "\nBUILD_REPORT_STRICT = True\n",
        encoding="utf-8")
    make(project, "stop-resident")
    assert make(project, "resident").returncode == 0
    failed = make(project, "html")  # strict by its settings: the resident build fails it
    assert built_by(failed) is not None
    assert failed.returncode != 0 and "seeds/empty.txt" in failed.stderr
    assert checksums(project / "output") == before


def test_changed_settings_start_a_new_resident_build(resident):
    project = resident
    first = built_by(make(project, "html"))
    assert first is not None
    settings = project / "pelican.conf.py"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    changed = make(project, "html")
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert built_by(changed) is None  # built here, with the new settings
    assert "starting a new one" in changed.stdout
    for _ in range(600):  # the new one reads the archive in the background, then listens
        if (project / ".build" / "resident.sock").exists():
            break
        time.sleep(0.1)
    after = built_by(make(project, "html"))
    assert after is not None and after != first


def test_a_killed_make_html_ends_its_resident_build(resident):
    project = resident
    pid = int(re.search(r"already running \(pid (\d+)", make(project, "resident").stdout)[1])
    before = checksums(project / "output")
    manifest = project / ".build" / "cache" / "pages.json"  # written as a build renders
    written = manifest.stat().st_mtime_ns
    holding = descendants(pid)  # the process that holds the finished build
    assert len(holding) == 1, holding
    edit_seed(project, "کسی اجلاس کا امکان", "کسی اجلاس کا کوئی امکان")
    client = subprocess.Popen(make_command("html"), cwd=project, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, process_group=0)
    building = set()
    for _ in range(2000):  # until the resident process (its holder, for a quick rebuild) has forked the build
        building = descendants(pid) - holding
        if building or client.poll() is not None:
            break
        time.sleep(0.005)
    assert building, "the build was never seen running"
    os.killpg(client.pid, signal.SIGKILL)  # make, its shell and the client, as a closed terminal would
    client.wait()
    for _ in range(500):
        if not descendants(pid) - holding:
            break
        time.sleep(0.01)
    else:
        raise AssertionError("the resident build outlived its make html")
    assert manifest.stat().st_mtime_ns == written  # ended before it rendered, not left to finish
    assert checksums(project / "output") == before  # never swapped in
    again = make(project, "html")  # the lock is free, the resident process still answers
    assert again.returncode == 0 and built_by(again) == pid, again.stdout + again.stderr


QUICK = re.compile(r"quick rebuild: (\d+) source\(s\) read again, (\d+) page\(s\) to look at")
NOT_QUICK = re.compile(r"not a quick rebuild \((.*)\): a whole build")


def test_quick_rebuilds_equal_clean_builds(resident, tmp_path):
    """An edit to an article's text is built by the held build, rendering only
    what shows the article; whatever it reaches beyond, by a whole build."""
    project = resident
    edit_seed(project, "کسی اجلاس کا امکان", "کسی اجلاس کا کوئی امکان")
    quick = make(project, "html")
    assert quick.returncode == 0, quick.stdout + quick.stderr
    read, looked_at = map(int, QUICK.search(quick.stdout).groups())
    # The article's own pages, the listings with its card, its feeds: under half of the 164 pages and feeds.
    assert read == 1 and 0 < looked_at < 82, quick.stdout
    assert "کسی اجلاس کا کوئی امکان" in (project / "output" / "002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    same_as_clean_build(project, clean_build(project, tmp_path / "clean"))

    # A second edit, to a Markdown article: the held build applies both.
    markdown = next((project / "content" / "en").glob("002-*.md"))
    markdown.write_text(markdown.read_text(encoding="utf-8").rstrip("\n") + "\n\nThis report was edited.\n",
                        encoding="utf-8")
    again = make(project, "html")
    assert again.returncode == 0, again.stdout + again.stderr
    assert QUICK.search(again.stdout)[1] == "2", again.stdout
    same_as_clean_build(project, clean_build(project, tmp_path / "clean-2"))

    # Another build writes the pages' manifest (here a strict build, in its own process): a quick
    # rebuild then looks at every page again, and still gives a clean build's site.
    assert make(project, "html", "STRICT=1").returncode == 0
    edit_seed(project, "کسی اجلاس کا کوئی امکان", "کسی اجلاس کا امکان")
    after_other = make(project, "html")
    assert after_other.returncode == 0 and QUICK.search(after_other.stdout), after_other.stdout
    same_as_clean_build(project, clean_build(project, tmp_path / "clean-3"))



def test_edits_that_reach_further_are_built_whole(resident, tmp_path):
    """A new headline moves the article's card in every listing, its date its
    place in them: the held build declines, and a whole build makes the site."""
    project = resident
    edit_seed(project, "روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات", "روس اور امریکا کے سیکیورٹی مذاکرات اگلے ماہ")
    retitled = make(project, "html")
    assert retitled.returncode == 0, retitled.stdout + retitled.stderr
    assert "its title changed" in NOT_QUICK.search(retitled.stdout)[1], retitled.stdout
    assert built_by(retitled) is not None
    same_as_clean_build(project, clean_build(project, tmp_path / "clean"))

    # The held build is made again after a whole build: the next edit is quick again.
    edit_seed(project, "کسی اجلاس کا امکان", "کسی اجلاس کا کوئی امکان")
    quick = make(project, "html")
    assert quick.returncode == 0 and QUICK.search(quick.stdout), quick.stdout
    same_as_clean_build(project, clean_build(project, tmp_path / "clean-2"))

    (project / "seeds" / "empty.txt").write_bytes(b"")  # a new source: a whole build
    added = make(project, "html")
    assert "1 file(s) added" in NOT_QUICK.search(added.stdout)[1], added.stdout
    assert "seeds/empty.txt" in added.stderr
