"""Segments: one year of the archive built alone, and the merge that gives the
whole build (akhbar.segments, tools/segments.py, make html SEGMENT=…,
make merge-segments)."""

import json
import re
import shutil
import subprocess
import sys

from akhbar.published_urls import read_record, read_segments, write_record
from akhbar.segments import NEW, known_segments, sources_of

from .conftest import make
from .test_duplicates import plant_copies


def site_files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page_of(project, source: str) -> str:
    return next(url for url, path in read_record(project / "published-urls.txt").items() if path == source)


def test_a_segment_takes_its_articles_their_corrections_and_every_other_file():
    record = {"seeds/a.txt": "2021", "seeds/b.txt": "2025", "content/en/a.md": "2021"}
    files = ["seeds/a.txt", "seeds/a.corrections.toml", "seeds/b.txt", "seeds/b.corrections.toml",
             "seeds/c.txt", "content/en/a.md", "content/en/photo.jpg"]
    assert sources_of("2021", files, record) == [
        "seeds/a.txt", "seeds/a.corrections.toml", "content/en/a.md", "content/en/photo.jpg"]
    # A source the record does not list yet is built by the segment `new`.
    assert sources_of(NEW, files, record) == ["seeds/c.txt", "content/en/photo.jpg"]
    assert known_segments(record) == ["2025", "2021", "undated", "new"]


def test_the_record_keeps_each_sources_segment_and_reads_a_record_without_them(tmp_path):
    path = tmp_path / "published-urls.txt"
    write_record(path, {"a.html": "seeds/a.txt", "b.html": "seeds/b.txt"},
                 {"seeds/a.txt": "2021", "seeds/a-copy.txt": "2021"})
    assert path.read_text(encoding="utf-8").splitlines()[-3:] == [
        "a.html\tseeds/a.txt\t2021", "b.html\tseeds/b.txt", "\tseeds/a-copy.txt\t2021"]
    # The copy has a segment and no URL.
    assert read_record(path) == {"a.html": "seeds/a.txt", "b.html": "seeds/b.txt"}
    assert read_segments(path) == {"seeds/a.txt": "2021", "seeds/a-copy.txt": "2021"}


def test_segments_built_alone_and_merged_give_the_whole_build_byte_for_byte(project):
    plant_copies(project)  # copies of stories of 2021, 2025 and undated ones, and a story of 2022
    whole = make(project, "html")
    assert whole.returncode == 0, whole.stdout + whole.stderr
    expected = site_files(project / "output")
    record = (project / "published-urls.txt").read_bytes()
    segments = read_segments(project / "published-urls.txt")
    assert set(segments.values()) == {"2021", "2022", "2025", "undated"}
    # A copy not published goes with the story it repeats, so its segment decides between them too.
    assert [segments[f"seeds/{copy}.txt"] for copy in ("900_copy", "904_bbc", "902_earlier", "903_other_chrome")] \
        == ["2021", "2021", "2025", "undated"]
    # A fresh runner per segment: nothing kept from the whole build.
    shutil.rmtree(project / "output")
    shutil.rmtree(project / ".build")

    listed = subprocess.run([sys.executable, "tools/segments.py", "list"], cwd=project,
                            capture_output=True, text=True, check=True)
    assert json.loads(listed.stdout) == ["2025", "2022", "2021", "undated", "new"]
    for segment in json.loads(listed.stdout):
        built = make(project, "html", f"SEGMENT={segment}")
        assert built.returncode == 0, built.stdout + built.stderr
    # Each segment has its own articles' pages only, and leaves the record alone.
    published = set(read_record(project / "published-urls.txt").values())
    of_2021 = [source for source, segment in segments.items() if segment == "2021" and source in published]
    others = [source for source, segment in segments.items() if segment != "2021" and source in published]
    assert of_2021 and others
    assert all((project / "segments" / "2021" / "output" / page_of(project, s)).is_file() for s in of_2021)
    assert not any((project / "segments" / "2021" / "output" / page_of(project, s)).exists() for s in others)
    assert (project / "published-urls.txt").read_bytes() == record

    merged = make(project, "merge-segments")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    written, unchanged = map(int, re.search(r"(\d+) pages written, (\d+) unchanged", merged.stdout).groups())
    assert unchanged > written  # the segments' pages are kept, only what spans years is made again
    assert site_files(project / "output") == expected
    assert (project / "published-urls.txt").read_bytes() == record


def test_a_segment_build_reads_none_of_the_other_segments_files(project):
    assert make(project, "html").returncode == 0
    segments = read_segments(project / "published-urls.txt")
    elsewhere = next(s for s, segment in segments.items() if segment == "2025" and s.endswith(".txt"))
    # Not a seed any more: a build that read it would report it.
    (project / elsewhere).write_bytes(b"\xff\xfe\x00broken")
    added = project / "seeds" / "900_added.txt"
    shutil.copy2(project / next(s for s, segment in segments.items() if segment == "2021" and s.endswith(".txt")),
                 added)
    added.write_text(added.read_text(encoding="utf-8") + "\nایک نیا جملہ۔\n", encoding="utf-8")

    built = make(project, "html", "SEGMENT=2021", "STRICT=1")
    assert built.returncode == 0, built.stdout + built.stderr
    assert elsewhere not in built.stdout + built.stderr and "900_added" not in built.stdout + built.stderr
    assert "1 stories" in built.stdout
    # The seed the record does not list yet is the segment `new`'s.
    new = make(project, "html", f"SEGMENT={NEW}")
    assert new.returncode == 0, new.stdout + new.stderr
    assert "1 stories" in new.stdout and elsewhere not in new.stdout + new.stderr
