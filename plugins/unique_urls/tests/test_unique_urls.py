"""Two contents on one URL: which keeps it, and the record of published URLs."""

import datetime as dt
from types import SimpleNamespace

from unique_urls import find_collisions, read_record, write_record


def content(source: str, date: int, translation: bool = False):
    return SimpleNamespace(source_path=source, date=dt.datetime(2024, 1, date), undated=False,
                           metadata={"translation-of": "x"} if translation else {})


def test_the_recorded_owner_keeps_its_url_then_the_original_then_the_first_published():
    early, late, translation = content("b.txt", 1), content("a.txt", 5), content("c.md", 1, translation=True)
    claims = {"x.html": [(late, "seeds/a.txt"), (early, "seeds/b.txt"), (translation, "content/c.md")]}
    assert find_collisions(claims, {}) == [(early, late), (early, translation)]
    # The record says a.txt had it first: it keeps it, though published later.
    assert find_collisions(claims, {"x.html": "seeds/a.txt"}) == [(late, early), (late, translation)]
    assert find_collisions({"y.html": [(early, "seeds/b.txt")]}, {}) == []


def test_the_record_round_trips_sorted_and_is_not_rewritten_unchanged(tmp_path):
    path = tmp_path / "published-urls.txt"
    assert read_record(path) == {}
    write_record(path, {"b.html": "seeds/b.txt", "a.html": "seeds/a.txt"})
    assert read_record(path) == {"a.html": "seeds/a.txt", "b.html": "seeds/b.txt"}
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[-2:] == ["a.html\tseeds/a.txt", "b.html\tseeds/b.txt"] and lines[0].startswith("#")
    before = path.stat().st_mtime_ns
    write_record(path, {"a.html": "seeds/a.txt", "b.html": "seeds/b.txt"})
    assert path.stat().st_mtime_ns == before
