"""Data kept between builds (kept.py): written by replacing, never in place, nor whole in memory."""

import tracemalloc

import pytest

from akhbar.kept import load_kept, replace_file, save_kept


def test_kept_data_is_pickled_into_the_file_not_made_whole_in_memory_first(tmp_path):
    # As the kept imports: many pickled seeds, 40 MB in all.
    data = {"seeds": {f"seeds/{n}.txt": bytes([n % 251]) * 10_000 for n in range(4_000)}}
    tracemalloc.start()
    try:
        save_kept(tmp_path / "seeds.pickle", 3, data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000
    assert load_kept(tmp_path / "seeds.pickle", 3) == {**data, "version": 3}
    assert load_kept(tmp_path / "seeds.pickle", 4) is None


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
