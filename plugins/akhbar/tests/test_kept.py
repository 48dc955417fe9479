"""Data kept between builds (kept.py): written by replacing, never in place, nor whole in memory;
kept per source file in one SQLite file."""

import tracemalloc
from pathlib import Path

import pytest

from akhbar.kept import KeptBlobs, load_kept, load_plain, replace_file, save_kept, save_plain


def test_kept_data_is_pickled_into_the_file_not_made_whole_in_memory_first(tmp_path):
    # As the largest kept pickles (related stories, Markdown conversions): 40 MB in all.
    data = {"seeds": {f"seeds/{n}.txt": bytes([n % 251]) * 10_000 for n in range(4_000)}}
    tracemalloc.start()
    try:
        save_kept(tmp_path / "related.pickle", 3, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert load_kept(tmp_path / "related.pickle", 3) == {**data, "version": 3}
    assert load_kept(tmp_path / "related.pickle", 4) is None


def test_a_file_is_replaced_and_a_failed_write_leaves_the_old_one(tmp_path):
    target = tmp_path / "pages.json"
    replace_file(target, "old")
    linked = tmp_path / "linked.json"
    linked.hardlink_to(target)  # as the last build's output shares its files
    replace_file(target, "نیا")
    assert target.read_text(encoding="utf-8") == "نیا" and linked.read_text(encoding="utf-8") == "old"

    class Unpicklable:
        def __reduce__(self):
            raise TypeError("cannot be kept")

    with pytest.raises(TypeError):
        save_kept(target, 1, {"thing": Unpicklable()})
    assert target.read_text(encoding="utf-8") == "نیا"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linked.json", "pages.json"]


def test_kept_blobs_are_read_one_by_one_and_only_under_their_key(tmp_path):
    store = KeptBlobs(tmp_path / "kept.sqlite", 1)
    for n in range(4_000):  # the kept imports: 40 MB, never all in memory
        store.put(f"seeds/{n}.txt", f"key{n}", bytes([n % 251]) * 10_000)
    store.close()
    tracemalloc.start()
    try:
        store = KeptBlobs(tmp_path / "kept.sqlite", 1)
        assert len(store.keys()) == 4_000 and store.keys()["seeds/7.txt"] == "key7"
        assert store.get("seeds/7.txt", "key7") == bytes([7]) * 10_000
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert store.get("seeds/7.txt", "key8") is None and store.get("seeds/missing.txt", "key7") is None
    assert store.keep_only([f"seeds/{n}.txt" for n in range(10)]) == 3_990
    store.close()
    store = KeptBlobs(tmp_path / "kept.sqlite", 1)
    assert sorted(store.keys()) == sorted(f"seeds/{n}.txt" for n in range(10))
    # Most of the file freed: given back to the system.
    assert (tmp_path / "kept.sqlite").stat().st_size < 1_000_000
    store.close()
    assert KeptBlobs(tmp_path / "kept.sqlite", 2).keys() == {}  # another version: started anew


def test_a_build_killed_midway_keeps_what_it_committed(tmp_path, monkeypatch):
    monkeypatch.setattr(KeptBlobs, "COMMIT_SECONDS", 3600)
    store = KeptBlobs(tmp_path / "kept.sqlite", 1)
    store.batch(True)  # the imports streaming in from the pool
    for n in range(KeptBlobs.COMMIT_EVERY + 5):
        store.put(f"{n}.txt", "k", b"import")
    # Not closed, as a killed build: another process sees every commit.
    other = KeptBlobs(tmp_path / "kept.sqlite", 1, writable=False)
    assert len(other.keys()) == KeptBlobs.COMMIT_EVERY


def test_a_store_that_is_not_a_database_is_started_anew(tmp_path):
    (tmp_path / "kept.sqlite").write_bytes(b"torn" * 1000)
    store = KeptBlobs(tmp_path / "kept.sqlite", 1)
    assert store.keys() == {}
    store.put("a.txt", "k", b"import")
    store.close()
    assert KeptBlobs(tmp_path / "kept.sqlite", 1).get("a.txt", "k") == b"import"


def test_a_read_only_store_changes_no_file(tmp_path):
    missing = KeptBlobs(tmp_path / "kept.sqlite", 1, writable=False)
    missing.put("a.txt", "k", b"import")
    assert missing.get("a.txt", "k") == b"import" and missing.keys() == {"a.txt": "k"}
    missing.close()
    assert list(tmp_path.iterdir()) == []
    store = KeptBlobs(tmp_path / "kept.sqlite", 1)
    store.put("b.txt", "k", b"kept")
    store.close()
    before = (tmp_path / "kept.sqlite").read_bytes()
    reader = KeptBlobs(tmp_path / "kept.sqlite", 1, writable=False)
    reader.put("a.txt", "k", b"import")
    assert reader.keys() == {"a.txt": "k", "b.txt": "k"} and reader.keep_only([]) == 0
    reader.close()
    assert (tmp_path / "kept.sqlite").read_bytes() == before
    assert KeptBlobs(tmp_path / "kept.sqlite", 1).keys() == {"b.txt": "k"}


def test_stores_merge_the_later_one_winning(tmp_path):
    for name, entries in (("one", {"a.txt": b"1", "b.txt": b"1"}), ("two", {"b.txt": b"2", "c.txt": b"2"})):
        store = KeptBlobs(tmp_path / name / "kept.sqlite", 1)
        for file, data in entries.items():
            store.put(file, "k", data)
        store.close()
    merged = KeptBlobs(tmp_path / "merged.sqlite", 1)
    for name in ("one", "two", "absent"):
        merged.merge(tmp_path / name / "kept.sqlite")
    assert {name: merged.get(name, "k") for name in merged.keys()} == {"a.txt": b"1", "b.txt": b"2", "c.txt": b"2"}


def test_a_put_is_committed_at_once_and_a_batch_every_so_often(tmp_path):
    store, other = (KeptBlobs(tmp_path / "kept.sqlite", 1) for _ in range(2))
    store.put("a.txt", "k", b"a")
    assert other.get("a.txt", "k") == b"a"  # the live preview's worker holds no lock after an import
    store.batch(True)
    store.put("b.txt", "k", b"b")
    assert other.get("b.txt", "k") is None
    store.batch(False)
    assert other.get("b.txt", "k") == b"b"


def test_a_store_another_process_holds_never_fails_a_build(tmp_path, monkeypatch):
    monkeypatch.setattr(KeptBlobs, "BUSY_SECONDS", 0.1)
    holder = KeptBlobs(tmp_path / "kept.sqlite", 1)
    holder.batch(True)
    holder.put("held.txt", "k", b"held")  # a write transaction left open
    store = KeptBlobs(tmp_path / "kept.sqlite", 1)
    store.put("a.txt", "k", b"a")  # cannot wait: kept in memory for this run
    assert store.get("a.txt", "k") == b"a" and store.keys() == {"a.txt": "k"}
    assert store.keep_only([]) == 0
    store.close()
    holder.close()
    assert KeptBlobs(tmp_path / "kept.sqlite", 1).keys() == {"held.txt": "k"}


def test_plain_data_is_kept_in_parts_and_read_back_only_whole(tmp_path):
    # As the seeds' kept stamps and chrome candidates (seed_reader/imports.py), at 20,000 seeds.
    data = {
        "importer": "v1",
        "candidates": {f"seeds/{n}.txt": (((n, n * 7), None), {"line": "سطر" * 100}, frozenset({n, 2**63}))
                       for n in range(20_000)},
        "stamps": {},
    }
    kept = tmp_path / "seeds.marshal"
    tracemalloc.start()
    try:
        save_plain(kept, 7, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000 < 10_000_000 < kept.stat().st_size
    assert load_plain(kept, 7) == {**data, "version": 7}
    assert load_plain(kept, 8) is None
    whole = kept.read_bytes()
    kept.write_bytes(whole[:-20])  # cut short: its last part and the end are missing
    assert load_plain(kept, 7) is None
    kept.write_bytes(whole.replace(b"Python", b"Pithon", 1))  # written by another Python
    assert load_plain(kept, 7) is None
    assert load_plain(tmp_path / "none.marshal", 7) is None


def test_plain_data_of_another_type_is_refused_and_the_old_file_stays(tmp_path):
    kept = tmp_path / "seeds.marshal"
    save_plain(kept, 1, {"stamps": {"a.txt": (1, 2)}})
    with pytest.raises(ValueError):
        save_plain(kept, 1, {"stamps": {"a.txt": Path("a.txt")}})
    assert load_plain(kept, 1) == {"stamps": {"a.txt": (1, 2)}, "version": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds.marshal"]
