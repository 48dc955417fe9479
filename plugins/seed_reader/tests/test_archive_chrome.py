"""Chrome the archive teaches: one synthetic outlet's 50 pages, each with its own story."""

from seed_reader.archive_chrome import chrome_candidates, learn_archive_chrome

SLOGAN = "پاکستان کی آواز ہر گھر تک"  # a site's slogan above every headline: no shape rule knows it
MENU = "دستک پکار صدا گونج"  # no data file names these as sections or places: only the archive teaches it


def outlet_page(number: int) -> str:
    return (f"{SLOGAN}\n\n{MENU}\n\nشہر میں نئے منصوبے کا افتتاح نمبر {number}\n\n"
            f"وزیر اعلیٰ نے آج شہر میں منصوبہ نمبر {number} کا افتتاح کیا اور کہا کہ کام جلد مکمل ہوگا۔\n")


def test_lines_on_many_pages_are_learned_and_articles_are_not():
    pages = [outlet_page(n) for n in range(50)]
    learned = learn_archive_chrome(chrome_candidates(page) for page in pages)
    assert {text for text, _ in learned.values()} == {SLOGAN, MENU}
    assert {seeds for _, seeds in learned.values()} == {50}
    # Four copies of one story (a wire story in four outlets) teach nothing.
    assert learn_archive_chrome(chrome_candidates(outlet_page(1)) for _ in range(4)) == {}


def test_learned_chrome_is_removed_as_repeated(extractor):
    pages = [outlet_page(n) for n in range(50)]
    archive_chrome = frozenset(learn_archive_chrome(chrome_candidates(page) for page in pages))
    alone = extractor.extract(pages[7])
    assert alone.title == SLOGAN  # without the archive, the slogan looks like a headline
    found = extractor.extract(pages[7], archive_chrome)
    assert found.title == "شہر میں نئے منصوبے کا افتتاح نمبر 7"
    assert [(r.kind, r.text) for r in found.removed] == [("repeated", SLOGAN), ("repeated", MENU)]


def test_a_section_label_on_every_page_stays_a_section_label(extractor):
    pages = [f"پاکستان\n\n{outlet_page(n)}" for n in range(50)]
    archive_chrome = frozenset(learn_archive_chrome(chrome_candidates(page) for page in pages))
    found = extractor.extract(pages[3], archive_chrome)
    assert found.category.id == "pakistan"


def test_seeds_imported_on_every_core_use_the_learned_chrome(tmp_path):
    """Enough seeds for the import pool: its workers must import with what the
    archive taught, as the reader does for one seed."""
    from seed_reader.imports import PARALLEL_MIN_SEEDS, ImportedSeeds
    from seed_reader.knowledge import DATA_DIR

    paths = []
    for number in range(PARALLEL_MIN_SEEDS + 10):
        path = tmp_path / f"{number:04d}.txt"
        path.write_text(outlet_page(number), encoding="utf-8")
        paths.append(path)
    seeds = ImportedSeeds(tmp_path / "imports.pickle", DATA_DIR)
    seeds.prefetch(paths, workers=2)
    assert {text for text, _ in seeds.learned.values()} == {SLOGAN, MENU}
    titles = [seeds.get(path).extraction.title for path in paths]
    assert titles == [f"شہر میں نئے منصوبے کا افتتاح نمبر {n}" for n in range(len(paths))]
    assert seeds.imported_now == {str(path) for path in paths}


def test_a_newly_learned_line_imports_again_only_the_seeds_that_print_it(tmp_path):
    """An import is kept under the learned lines it prints, not under all of
    them: the fifth seed of a new outlet does not import the archive again."""
    from seed_reader.archive_chrome import MIN_SEEDS
    from seed_reader.imports import ImportedSeeds
    from seed_reader.knowledge import DATA_DIR

    def write(name: str, text: str):
        (tmp_path / name).write_text(text, encoding="utf-8")
        return tmp_path / name

    other_slogan = "ہر خبر سب سے پہلے آپ تک"
    outlet = [write(f"a{n}.txt", outlet_page(n)) for n in range(MIN_SEEDS)]
    newcomer = [write(f"b{n}.txt", outlet_page(100 + n).replace(SLOGAN, other_slogan))
                for n in range(MIN_SEEDS - 1)]

    def build(paths):
        seeds = ImportedSeeds(tmp_path / "imports.pickle", DATA_DIR)
        seeds.prefetch(paths, workers=1)
        titles = {path.name: seeds.get(path).extraction.title for path in paths}
        seeds.save()
        return seeds, titles

    first, titles = build(outlet + newcomer)
    assert {text for text, _ in first.learned.values()} == {SLOGAN, MENU}
    assert titles["b0.txt"] == other_slogan  # four pages teach nothing yet

    newcomer.append(write(f"b{MIN_SEEDS - 1}.txt", outlet_page(200).replace(SLOGAN, other_slogan)))
    second, titles = build(outlet + newcomer)
    assert other_slogan in {text for text, _ in second.learned.values()}
    assert second.imported_now == {str(path) for path in newcomer}
    assert titles["b0.txt"] == "شہر میں نئے منصوبے کا افتتاح نمبر 100"
    # Nothing changed: nothing is imported again.
    third, _ = build(outlet + newcomer)
    assert third.imported_now == set()


def test_the_kept_imports_are_written_again_only_when_they_change(tmp_path):
    """A build that imports nothing anew leaves the pickle of each seed's
    candidate lines and stamp as it was (27 MB at 100,000 seeds, written for
    nothing); an edited or a deleted seed writes it again."""
    from seed_reader.imports import ImportedSeeds
    from seed_reader.knowledge import DATA_DIR

    paths = []
    for number in range(6):
        paths.append(tmp_path / f"{number}.txt")
        paths[-1].write_text(outlet_page(number), encoding="utf-8")
    cache = tmp_path / "imports.pickle"

    def build(paths):
        seeds = ImportedSeeds(cache, DATA_DIR)
        seeds.prefetch(paths, workers=1)
        titles = [seeds.get(path).extraction.title for path in paths]
        seeds.save()
        return titles, cache.stat().st_ino

    first_titles, written = build(paths)
    assert build(paths) == (first_titles, written)  # replace_file gives a new file a new inode
    paths[0].write_text(outlet_page(100), encoding="utf-8")
    titles, rewritten = build(paths)
    assert rewritten != written and titles[0].endswith("100") and titles[1:] == first_titles[1:]
    paths[1].unlink()
    titles, after_deletion = build([paths[0], *paths[2:]])
    assert after_deletion != rewritten
    assert build([paths[0], *paths[2:]]) == (titles, after_deletion)
