"""Bundles written by writer processes of their own: the same files, byte for
byte, as the same record sources written in this process; one bundle taken
as each writer is free; a lone bundle, or every bundle with one worker,
written in this process; a writer that fails stops the stage, naming the bundle."""

from types import SimpleNamespace

import pytest

from search_index import bundle_writers
from search_index.bundle_writers import write_apart, write_bundle
from search_index.records import RecordSource, make_record


def sources(year: str, count: int) -> list[RecordSource]:
    return [RecordSource(url=f"{year or 'undated'}/{n}.html", lang="ur", story=f"{year}-{n}",
                         title=f"سڑکیں {n}", captions=["جسٹس جمالی"] if n % 2 else [],
                         content=f"<p>جسٹس جمالی نے سڑکوں کا جائزہ لیا &amp; {n}</p>", names="جمالی صاحب",
                         tokens=["xflanguageurxf"],
                         meta={"title": f"سڑکیں {n}", "date": f"{year}-01-0{n + 1}" if year else ""})
            for n in range(count)]


BUNDLES = {"2025": sources("2025", 3), "2024": sources("2024", 2), "undated": sources("", 1)}


def files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_writers_give_the_files_and_digests_of_this_process(tmp_path):
    apart, here = tmp_path / "apart", tmp_path / "here"
    answered = {}
    write_apart(iter(BUNDLES.items()), apart / "pagefind", apart / "search", 2, answered.__setitem__)
    digests = {name: write_bundle(here / "pagefind" / name, here / "search", name, listed)
               for name, listed in BUNDLES.items()}
    assert answered == digests == {name: [make_record(s).digest() for s in listed] for name, listed in BUNDLES.items()}
    assert {path.split("/")[1] for path in files(apart) if path.startswith("pagefind/")} == set(BUNDLES)
    assert {"search/offline/2025/docs.js", "search/records/undated/0.js"} <= set(files(apart))
    assert files(apart) == files(here)


def written_when_taken(tmp_path, bundles):
    """The bundles, and for each as it is taken, how many were written."""
    counts = []

    def taken():
        for name, listed in bundles.items():
            counts.append(len(list(tmp_path.glob("pagefind/*/pagefind-entry.json"))))
            yield name, listed

    return taken(), counts


def test_a_bundle_is_taken_only_when_a_writer_is_free(tmp_path):
    # Two writers take the first two bundles; each takes the next once it has
    # written its last: only the bundles being written are in memory.
    bundles, counts = written_when_taken(tmp_path, {**BUNDLES, "2023": sources("2023", 2)})
    write_apart(bundles, tmp_path / "pagefind", tmp_path / "search", 2, lambda name, digests: None)
    assert counts[:2] == [0, 0] and counts[2] >= 1 and counts[3] >= 2


@pytest.fixture
def no_writer_process(monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("a writer process was started")

    # This module's, not Pagefind's: its process starts as ever.
    monkeypatch.setattr(bundle_writers, "subprocess", SimpleNamespace(Popen=refused, PIPE=None))


@pytest.mark.parametrize("workers, bundles", [(2, {"2025": BUNDLES["2025"]}), (1, BUNDLES)], ids=["lone", "one-worker"])
def test_a_lone_bundle_or_one_worker_writes_here(tmp_path, no_writer_process, workers, bundles):
    here, answered = tmp_path / "here", {}
    taken, counts = written_when_taken(here, bundles)
    write_apart(taken, here / "pagefind", here / "search", workers, answered.__setitem__)
    assert counts == list(range(len(bundles)))  # each taken once the last was written
    alone = tmp_path / "alone"
    assert answered == {name: write_bundle(alone / "pagefind" / name, alone / "search", name, listed)
                        for name, listed in bundles.items()}
    assert files(here) == files(alone)


def test_no_bundle_starts_no_writer(tmp_path, no_writer_process):
    write_apart(iter([]), tmp_path / "pagefind", tmp_path / "search", 2, lambda name, digests: None)
    assert not (tmp_path / "pagefind").exists()


def test_a_writer_that_fails_stops_the_stage_naming_its_bundle(tmp_path):
    (tmp_path / "search").write_text("a file where the search folder goes", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"the writer of search bundle (2025|2024) stopped \(exit code 1\)"):
        write_apart(iter(BUNDLES.items()), tmp_path / "pagefind", tmp_path / "search", 2,
                    lambda name, digests: None)
