"""Rebuilds: only what changed is made again, and the result is the same as a
clean build's (plugins/incremental_pages, the per-year search bundles, `make html`)."""

import os
import re
import shlex
import subprocess
import sys

from .conftest import FONT_CACHE, make, pelican
from .test_build import checksums, differing

EDITED_SEED = "seeds/002_6aa83e8293d70fa7.txt"
EDITED_PAGE = "002-6aa83e8293d70fa7.html"


def summary(result) -> tuple[int, int]:
    """(pages written, pages unchanged) from the build summary."""
    found = re.search(r"Build summary: .*?, (\d+) pages written, (\d+) unchanged", result.stdout)
    assert found, result.stdout + result.stderr
    return int(found[1]), int(found[2])


def clean_build(project, output):
    """A build from nothing, with its own cache, to compare with."""
    cache = output.parent / f"{output.name}-cache"
    result = pelican(project, output, "-e", "INCREMENTAL_PAGES_ENABLED=false", "SEARCH_INDEX_INCREMENTAL=false",
                     f'CACHE_PATH="{cache}"')
    assert result.returncode == 0, result.stderr
    return output


def edit_seed(project, old: str, new: str) -> None:
    seed = project / EDITED_SEED
    text = seed.read_text(encoding="utf-8")
    assert old in text
    seed.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rebuild_without_changes_writes_nothing(project):
    first = make(project, "html")
    assert first.returncode == 0, first.stdout + first.stderr
    written, unchanged = summary(first)
    assert written > 100 and unchanged == 0
    before = checksums(project / "output")
    again = make(project, "html")
    assert again.returncode == 0, again.stderr
    assert summary(again) == (0, written)
    assert differing(checksums(project / "output"), before) == []


def test_editing_one_seed_makes_again_only_what_shows_it(project, tmp_path):
    assert make(project, "html").returncode == 0
    output = project / "output"
    stamps = {p: p.stat().st_mtime_ns for p in output.rglob("*.html")}
    # A hard link to the last build's page, as a reader's copy or a server may hold it.
    kept = tmp_path / "kept.html"
    os.link(output / EDITED_PAGE, kept)
    kept_before = kept.read_bytes()

    # A word in the body, far from the lede: listings and cards do not show it.
    edit_seed(project, "کسی اجلاس کا امکان", "کسی اجلاس کا کوئی امکان")
    result = make(project, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    written, unchanged = summary(result)
    remade = sorted(p.relative_to(output).as_posix() for p, stamp in stamps.items()
                    if p.stat().st_mtime_ns != stamp)
    assert remade == [EDITED_PAGE] and written == 1
    assert "کسی اجلاس کا کوئی امکان" in (output / EDITED_PAGE).read_text(encoding="utf-8")
    assert kept.read_bytes() == kept_before  # replaced, never rewritten in place

    clean = clean_build(project, tmp_path / "clean")
    assert differing(checksums(output), checksums(clean)) == []

    # A new headline shows wherever the article's card does: those pages only.
    edit_seed(project, "سرگئی لاروف نے ایک انٹرویو میں اگلے ماہ مذاکرات کی بات کی",
              "سرگئی لاروف نے ایک انٹرویو میں اگلے ماہ مذاکرات کی بات کی ہے")
    result = make(project, "html")
    written, unchanged = summary(result)
    assert 1 < written < written + unchanged
    assert differing(checksums(output), checksums(clean)) != []
    # Its new card made, the others taken from the last build's sheet: as a clean build makes them.
    assert differing(checksums(output), checksums(clean_build(project, tmp_path / "clean-again"))) == []


def test_names_an_edit_adds_rank_related_stories_as_a_clean_build_does(project, tmp_path):
    """The last build's ranking of related stories is kept (archive_pages), and
    an edit that gives a story new names ranks again the stories they reach."""
    assert make(project, "html").returncode == 0
    page = project / "output" / EDITED_PAGE

    def related_links() -> list[str]:
        section = page.read_text(encoding="utf-8").split('<section class="related"', 1)[1].split("</section>", 1)[0]
        return re.findall(r'<a href="([^"]+)"', section)

    first = related_links()[0]
    assert "003-" not in first
    # Four names the story of seed 003 alone shares: it is now the most related.
    edit_seed(project, "کسی اجلاس کا امکان", "کسی اجلاس کا امکان، مارکو روبیو، اسٹیو وٹکوف، جیرڈ کشنر اور فلوریڈا")
    assert make(project, "html").returncode == 0
    assert "003-" in related_links()[0]
    assert differing(checksums(project / "output"), checksums(clean_build(project, tmp_path / "clean"))) == []


def test_a_deleted_seed_leaves_no_page_behind(project, tmp_path):
    assert make(project, "html").returncode == 0
    (project / "seeds/001_5fdcb9c48dad7940.txt").unlink()
    result = make(project, "html")
    assert result.returncode == 0, result.stderr
    output = project / "output"
    assert not (output / "001-5fdcb9c48dad7940.html").exists()
    clean = clean_build(project, tmp_path / "clean")
    assert differing(checksums(output), checksums(clean)) == []


def test_a_correction_beside_an_unchanged_seed_is_applied(project):
    """Imported seeds are kept between builds: a sidecar is part of their key."""
    assert make(project, "html").returncode == 0
    page = project / "output" / "001-5fdcb9c48dad7940.html"
    assert "تاریخ نامعلوم" in page.read_text(encoding="utf-8")
    (project / "seeds" / "001_5fdcb9c48dad7940.corrections.toml").write_text(
        'title = "ایک نئی سرخی"\ndate = 2021-12-09\n', encoding="utf-8")
    result = make(project, "html")
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "ایک نئی سرخی" in text and '<time datetime="2021-12-09">' in text
    # Its card moved to December 2021: the listings there and in the undated list changed.
    assert "001-5fdcb9c48dad7940.html" in (project / "output/archives/2021-12.html").read_text(encoding="utf-8")


def test_a_terminal_shows_progress_and_a_log_does_not(project, tmp_path):
    command = shlex.join([sys.executable, "-m", "pelican", "-s", "pelican.conf.py", "-o", str(tmp_path / "out"),
                          *FONT_CACHE])
    shown = subprocess.run(["script", "-qec", command, "/dev/null"], cwd=project, capture_output=True,
                           text=True, env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    assert shown.returncode == 0, shown.stdout[-2000:]
    for bar in ("Reading seeds", "Rendering pages", "Indexing for search"):
        assert bar in shown.stdout
    logged = pelican(project, tmp_path / "again")
    assert "Reading seeds" not in logged.stdout + logged.stderr


def test_a_seeds_warnings_show_when_it_is_imported_and_stay_counted(project, tmp_path):
    output = tmp_path / "out"
    doubtful = "seeds/003_d5d1f4a12c482239.txt: no outlet signature found"
    first = pelican(project, output)
    assert doubtful in first.stderr
    listed = (project / ".build/cache/import-warnings.txt").read_text(encoding="utf-8")
    assert doubtful in listed and "seeds/001_5fdcb9c48dad7940.txt: no outlet signature found" in listed

    # Unchanged seeds: their imports are kept, their warnings counted, listed, not repeated.
    again = pelican(project, output)
    assert "WARNING: seeds/" not in again.stderr
    warnings = re.compile(r"(\d+) warnings, ")
    assert warnings.search(again.stdout)[1] == warnings.search(first.stdout)[1]
    assert (project / ".build/cache/import-warnings.txt").read_text(encoding="utf-8") == listed

    # An edited seed is imported again: its warnings show, the others' do not.
    seed = project / "seeds/003_d5d1f4a12c482239.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nاس خبر میں ترمیم کی گئی ہے۔\n", encoding="utf-8")
    edited = pelican(project, output)
    shown = re.findall(r"^WARNING: (seeds/\S+):", edited.stderr, re.M)
    assert doubtful in edited.stderr and set(shown) == {"seeds/003_d5d1f4a12c482239.txt"}

    # Many new seeds with warnings: the first 20 shown, then where they all are.
    # (Each a paragraph of 003: a copy of it would be published once, issue 15.)
    paragraphs = seed.read_text(encoding="utf-8").split("\n")
    for n in range(1, 12):
        (project / f"seeds/part_{n:02d}.txt").write_text(paragraphs[n] + "\n", encoding="utf-8")
    many = pelican(project, output)
    assert len(re.findall(r"^WARNING: seeds/", many.stderr, re.M)) == 20
    assert "… more import warnings: all listed in .build/cache/import-warnings.txt" in many.stderr
    assert len((project / ".build/cache/import-warnings.txt").read_text(encoding="utf-8").splitlines()) == 5 + 11 * 3


def test_a_theme_change_makes_pages_again_not_the_search_index(project, tmp_path):
    assert make(project, "html").returncode == 0
    output = project / "output"
    bundles = sorted(output.glob("pagefind/*/pagefind-entry.json")) + sorted(output.glob("search/offline/*/docs.js"))
    stamps = {p: p.stat().st_mtime_ns for p in bundles}
    base = project / "theme/templates/base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- a new footer -->\n</body>"),
                    encoding="utf-8")
    result = make(project, "html")
    assert result.returncode == 0, result.stderr
    assert summary(result)[1] == 0 and "a new footer" in (output / EDITED_PAGE).read_text(encoding="utf-8")
    # The records did not change: no bundle indexed again.
    assert len(stamps) >= 4 and {p: p.stat().st_mtime_ns for p in bundles} == stamps
    clean = clean_build(project, tmp_path / "clean")
    assert differing(checksums(output), checksums(clean)) == []


def test_an_edited_translation_is_converted_again_and_the_rest_kept(project, tmp_path):
    translation = project / "content/en/000-russia-us-diplomatic-contacts.md"
    assert make(project, "html").returncode == 0
    kept = (project / ".build/cache/markdown.pickle").stat().st_size
    # A formatted field (Markdown in a summary) read from a kept conversion.
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace("Lang: en\n", "Lang: en\nSummary: Talks *continue* in Moscow.\n", 1)
                           .replace("Moscow correspondent", "Our Moscow correspondent", 1), encoding="utf-8")
    result = make(project, "html")
    assert result.returncode == 0, result.stderr
    page = (project / "output/en/000-947afd4b53ab818c.html").read_text(encoding="utf-8")
    assert "Our Moscow correspondent" in page
    # Converted as Markdown (then shown as plain text on the cards).
    card = (project / "output/en/person/vladimir-putin.html").read_text(encoding="utf-8")
    assert '<p class="summary">Talks continue in Moscow.</p>' in card
    assert (project / ".build/cache/markdown.pickle").stat().st_size > kept * 0.5
    again = make(project, "html")
    assert summary(again)[0] == 0
    clean = clean_build(project, tmp_path / "clean")
    assert differing(checksums(project / "output"), checksums(clean)) == []
