"""Chrome the archive teaches: one synthetic outlet's 50 pages, each with its own story."""

from seed_reader.archive_chrome import chrome_candidates, learn_archive_chrome

SLOGAN = "پاکستان کی آواز ہر گھر تک"  # a site's slogan above every headline: no shape rule knows it
MENU = "کھیل تجارت صحت تعلیم"


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
