"""make compare-build: two builds of the seed archive compared byte for byte."""

import importlib.util
import shutil
import subprocess
import sys

from .conftest import ROOT

TOOL = ROOT / "tools" / "compare_builds.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("compare_builds", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_differences_name_each_file_by_how_it_differs(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    for tree in (before, after):
        (tree / "en").mkdir(parents=True)
        (tree / "index.html").write_bytes(b"<p>same</p>")
        (tree / "en" / "index.html").write_bytes(b"<p>same</p>")
    assert load_tool().differences(before, after) == []
    (after / "en" / "index.html").write_bytes(b"<p>same</p>\n")  # one byte more
    (before / "gone.html").write_bytes(b"")
    (after / "new.html").write_bytes(b"")
    assert load_tool().differences(before, after) == [
        ("differs", "en/index.html"), ("only-before", "gone.html"), ("only-after", "new.html")]


def test_an_uncommitted_edit_is_a_difference_from_its_commit(tmp_path):
    # A clone of this repository whose working tree changes one page's text.
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", "--shared", str(ROOT), str(clone)], check=True)
    (clone / "tools").mkdir(exist_ok=True)
    shutil.copy2(TOOL, clone / "tools" / "compare_builds.py")  # this version of the tool, committed or not
    about = clone / "content" / "pages" / "about-en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "tools/compare_builds.py", "HEAD"], cwd=clone,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    differing = result.stdout.splitlines()
    assert "differs: en/pages/about.html" in differing, result.stdout
    assert all(line.startswith("differs: ") for line in differing)
    assert f"{len(differing)} of " in result.stderr
    # The edited clone itself is left as it was: no output/, no build cache, no new published URLs.
    assert not (clone / "output").exists() and not (clone / ".build").exists()
    assert subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True,
                          check=True).stdout.split("\n")[0] == " M content/pages/about-en.md"
