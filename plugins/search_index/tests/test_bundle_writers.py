"""Bundles written by writer processes of their own: the same files, byte for
byte, as the same record sources written in this process; one bundle taken
as each writer is free; a writer that fails stops the stage, naming the bundle."""

import pytest

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


def test_a_bundle_is_taken_only_when_a_writer_is_free(tmp_path):
    # With one writer, the next bundle is taken once the last is written:
    # one bundle's sources and records are in memory at a time.
    written_when_taken = []

    def bundles():
        for name, listed in BUNDLES.items():
            written_when_taken.append(sorted(p.parent.name for p in tmp_path.glob("pagefind/*/pagefind-entry.json")))
            yield name, listed

    write_apart(bundles(), tmp_path / "pagefind", tmp_path / "search", 1, lambda name, digests: None)
    assert written_when_taken == [[], ["2025"], ["2024", "2025"]]


def test_a_writer_that_fails_stops_the_stage_naming_its_bundle(tmp_path):
    (tmp_path / "search").write_text("a file where the search folder goes", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"the writer of search bundle 2025 stopped \(exit code 1\)"):
        write_apart(iter([("2025", BUNDLES["2025"])]), tmp_path / "pagefind", tmp_path / "search", 1,
                    lambda name, digests: None)
