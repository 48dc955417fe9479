"""Imported seeds kept between builds (imports.py), on real seeds of the archive."""

import shutil
from pathlib import Path

import pytest

from seed_reader.decoding import SeedError
from seed_reader.imports import CACHE_VERSION, ImportedSeeds
from seed_reader.knowledge import DATA_DIR

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return sorted(folder.glob("*.txt"))


def build(paths, cache, writable=True):
    """One build's reading: each seed's headline, or why it could not be imported."""
    imports = ImportedSeeds(cache, DATA_DIR, writable)
    imports.prefetch(paths, workers=1)
    found = {}
    for path in paths:
        try:
            found[path.name] = imports.get(path).extraction.title
        except SeedError as error:
            found[path.name] = f"error: {error.reason}"
    if writable:
        imports.save()
    return found, imports


def test_a_seed_that_stops_importing_is_reported_on_every_build_not_built_from_its_old_import(archive, tmp_path):
    cache = tmp_path / "cache" / "seeds.marshal"
    titles, _ = build(archive, cache)
    archive[0].write_bytes(b"")
    for _ in range(2):
        found, imports = build(archive, cache)
        assert found[archive[0].name].startswith("error: empty file")
        assert {name: found[name] for name in titles if name != archive[0].name} == \
               {name: title for name, title in titles.items() if name != archive[0].name}
        assert imports.imported_now == set()  # the others came from the store


def test_imports_are_kept_one_by_one_and_a_read_only_reader_changes_nothing(archive, tmp_path):
    cache = tmp_path / "cache" / "seeds.marshal"
    first, imports = build(archive, cache)
    assert imports.imported_now == {str(p) for p in archive}
    assert sorted(ImportedSeeds(cache, DATA_DIR, writable=False).store.keys()) == sorted(map(str, archive))
    archive[1].write_text(archive[1].read_text(encoding="utf-8") + "\nنیا جملہ۔\n", encoding="utf-8")
    files = {p: p.read_bytes() for p in cache.parent.iterdir()}
    found, reader = build(archive, cache, writable=False)
    assert found == first and reader.imported_now == {str(archive[1])}
    assert {p: p.read_bytes() for p in cache.parent.iterdir()} == files
    archive[2].unlink()
    remaining = [p for p in archive if p.exists()]
    found, imports = build(remaining, cache)
    assert imports.imported_now == {str(archive[1])}
    assert sorted(ImportedSeeds(cache, DATA_DIR, writable=False).store.keys()) == sorted(map(str, remaining))


def test_an_import_the_store_could_not_take_never_lets_an_older_one_pass_for_current(archive, tmp_path, monkeypatch):
    from akhbar.kept import KeptBlobs

    monkeypatch.setattr(KeptBlobs, "BUSY_SECONDS", 0.1)
    cache = tmp_path / "cache" / "seeds.marshal"
    first, _ = build(archive, cache)
    body = "وزیر اعلیٰ نے آج شہر میں نئے منصوبے کا افتتاح کیا اور کہا کہ کام جلد مکمل ہوگا۔"
    archive[0].write_text(f"نئی سرخی\n\n{body}\n", encoding="utf-8")
    holder = KeptBlobs(cache.with_suffix(".sqlite"), CACHE_VERSION)  # another process, in the middle of a write
    holder.batch(True)
    holder.put("elsewhere.txt", "k", b"")
    edited, imports = build(archive, cache)
    assert edited[archive[0].name] == "نئی سرخی" and str(archive[0]) in imports.store.unsaved
    holder.batch(False)
    holder.close()
    again, imports = build(archive, cache)
    assert again == edited and imports.imported_now == {str(archive[0])}
