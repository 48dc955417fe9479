"""tools/scratch_output.py: the folder a build writes into starts as hard links
to output/ (theme/ aside), whatever the last build or a killed one left in it."""

import importlib.util
import os

from .conftest import ROOT


def load_tool():
    spec = importlib.util.spec_from_file_location("scratch_output", ROOT / "tools" / "scratch_output.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def write(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def tree(folder):
    """Each file under a folder by its path, as (inode, text); folders by their path."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        found[name] = "folder" if path.is_dir() else (path.stat().st_ino, path.read_text(encoding="utf-8"))
    return found


def test_a_first_build_starts_from_an_empty_folder(tmp_path):
    scratch = tmp_path / "output.new"
    load_tool().ready(str(scratch), str(tmp_path / "output"))
    assert scratch.is_dir() and list(scratch.iterdir()) == []


def test_the_site_before_the_last_build_is_brought_level_with_output(tmp_path):
    output, scratch = tmp_path / "output", tmp_path / "output.new"
    for name in ("index.html", "en/a.html", "pagefind/2025/x.pf", "theme/css/site.css"):
        write(output / name, name)
    # What the last swap left: the site before that build, which shared the
    # pages the build kept and holds the old version of those it wrote again.
    scratch.mkdir()
    os.link(output / "index.html", scratch / "index.html")
    write(scratch / "en" / "a.html", "the old page")
    write(scratch / "en" / "gone.html", "a page the archive no longer has")
    write(scratch / "pagefind", "a file where output/ has a folder")
    write(scratch / "theme" / "css" / "old.css", "the last build's theme copy")
    load_tool().ready(str(scratch), str(output))
    expected = {name: value for name, value in tree(output).items() if not name.startswith("theme")}
    assert tree(scratch) == expected  # the same files (inodes) at the same paths, nothing else


def test_what_a_killed_build_left_is_replaced(tmp_path):
    output, scratch = tmp_path / "output", tmp_path / "output.new"
    write(output / "index.html", "the site")
    write(scratch / "index.html", "half written by a killed build")
    write(scratch / "new.html", "a page the killed build added")
    load_tool().ready(str(scratch), str(output))
    assert tree(scratch) == tree(output)


def test_a_link_in_place_of_the_folder_is_removed_not_followed(tmp_path):
    output, scratch, elsewhere = tmp_path / "output", tmp_path / "output.new", tmp_path / "elsewhere"
    write(output / "index.html", "the site")
    write(elsewhere / "keep.txt", "not the build's")
    scratch.symlink_to(elsewhere)
    load_tool().ready(str(scratch), str(output))
    assert not scratch.is_symlink() and tree(scratch) == tree(output)
    assert (elsewhere / "keep.txt").read_text(encoding="utf-8") == "not the build's"
