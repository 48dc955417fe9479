"""The data files editors extend: loaded, checked, and reported as file:line: reason."""

import functools
import shutil

import pytest

from seed_reader import knowledge
from seed_reader.knowledge import DATA_DIR, KnowledgeError, load_knowledge


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@functools.cache
def shipped():
    return load_knowledge()


def problems_after(data_copy, name, old, new):
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data_copy)
    return caught.value.problems, path, text.split("\n")


def test_shipped_data_loads():
    loaded = load_knowledge()
    assert {e.kind for e in loaded.glossary} == {"person", "place", "organisation", "topic"}
    assert loaded.day_words["دو"] == 2


@pytest.mark.parametrize("files, load, fields", [
    (["boilerplate.toml"], knowledge._load_boilerplate, "boilerplate"),
    (["outlets.toml"], knowledge._load_outlets, ("outlets", "wires", "source_phrases")),
    (["categories.toml"], knowledge._load_categories, "categories"),
    (["captions.toml"], knowledge._load_captions, ("caption_credits", "caption_head_endings")),
    (["urdu_numbers.toml"], knowledge._load_day_words, "day_words"),
    (["dates.toml"], knowledge._load_date_words, "date_words"),
    (["chrome.toml"], knowledge._load_chrome, "chrome"),
    (["never_chrome.toml"], knowledge._load_never_chrome, "never_chrome"),
    (["glossary.toml", "glossary"], lambda loader: knowledge._load_glossary(loader, shipped().names.common_words),
     ("glossary", "incomplete")),
])
def test_each_data_file_has_a_loader_that_reads_it_alone(tmp_path, files, load, fields):
    """One loader per data file: in a folder holding only its file, it finds
    what the whole load does, and no problem (any other file it read would be missing)."""
    for name in files:
        copy = shutil.copytree if (DATA_DIR / name).is_dir() else shutil.copy
        copy(DATA_DIR / name, tmp_path / name)
    loader = knowledge._Loader(tmp_path)
    found = load(loader)
    assert loader.problems == []
    expected = tuple(getattr(shipped(), f) for f in fields) if isinstance(fields, tuple) else getattr(shipped(), fields)
    # Paths in the glossary's `incomplete` notes name the folder read.
    assert repr(found).replace(str(tmp_path), str(DATA_DIR)) == repr(expected)


def test_variant_claimed_by_two_entries(data_copy):
    problems, path, lines = problems_after(
        data_copy, "glossary.toml", '"کوزاک", "دمتری کوزاک"', '"کوزاک", "پوتن", "دمتری کوزاک"')
    (problem,) = problems
    line = next(n for n, text in enumerate(lines, 1) if '"کوزاک", "دمتری کوزاک"' in text)
    assert problem.startswith(
        f"{path}:{line}: variant 'پوتن' of 'dmitry-kozak' is already a variant of 'vladimir-putin'")


def test_invalid_toml_names_the_line(data_copy):
    problems, path, lines = problems_after(data_copy, "outlets.toml", 'id = "dawn-news"', 'id = "dawn-news')
    line = next(n for n, text in enumerate(lines, 1) if 'id = "dawn-news"' in text)
    assert problems[0].startswith(f"{path}:{line}: invalid TOML")


def test_bad_regex(data_copy):
    problems, path, lines = problems_after(data_copy, "boilerplate.toml", "^(اشتہار|", "^((اشتہار|")
    line = next(n for n, text in enumerate(lines, 1) if "^(اشتہار|" in text)
    assert problems[0].startswith(f"{path}:{line}: bad regular expression")


def test_unknown_kind(data_copy):
    problems, path, _ = problems_after(data_copy, "glossary.toml", 'kind = "topic"', 'kind = "event"')
    assert "kind 'event' is not one of person, place, organisation, topic" in problems[0]


def test_missing_key(data_copy):
    problems, path, _ = problems_after(data_copy, "categories.toml", 'en = "Sport"\n', "")
    table_line = _line_of(path, 'id = "sport"') - 1
    assert problems == [f"{path}:{table_line}: [[category]] needs `en` (str)"]


def _line_of(path, needle):
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in text)


RUNAWAY = r"^(\w+\s?)+$"


def test_runaway_pattern_runs_in_linear_time(data_copy, tmp_path):
    # On a backtracking engine this pattern takes exponential time on any line
    # that does not match it, so it ran in a child with a deadline.
    import subprocess
    import sys
    from pathlib import Path

    path = data_copy / "boilerplate.toml"
    path.write_text(path.read_text(encoding="utf-8") + f"\n[[line]]\nkind = \"runaway\"\npattern = '{RUNAWAY}'\n",
                    encoding="utf-8")
    line = "روس اور امریکہ کے درمیان سفارتی رابطے جاری ہیں اور پوتن نے بائیڈن سے بات کی۔"
    script = (
        "import sys, time; from pathlib import Path; from seed_reader.knowledge import load_knowledge;"
        "from seed_reader.extract import ArticleExtractor;"
        f"extractor = ArticleExtractor(load_knowledge(Path({str(data_copy)!r})));"
        f"start = time.monotonic(); found = extractor.extract({'روس، امریکہ مذاکرات' + chr(10) * 2 + line!r});"
        "print(time.monotonic() - start, found.paragraphs)")
    plugins = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(plugins)})
    assert result.returncode == 0, result.stderr
    seconds, paragraphs = result.stdout.split(" ", 1)
    assert float(seconds) < 1
    assert line in paragraphs  # it does not match: the line ends on "۔"


@pytest.mark.parametrize("pattern, reason", [
    (r"^(\w+) \1$", "invalid escape sequence: \\1"),
    (r"^(?=Advert)\w+$", "invalid perl operator: (?="),
    (r"^[\S]+$", "\\S inside [...] is not supported"),
])
def test_pattern_re2_cannot_run_is_refused_with_its_line(data_copy, pattern, reason):
    problems, path, lines = problems_after(
        data_copy, "boilerplate.toml", "'^(اشتہار|اشتہارات|Advertisement|Advert|Sponsored)$'", f"'{pattern}'")
    line = next(n for n, text in enumerate(lines, 1) if "^(اشتہار|" in text)
    assert problems == [f"{path}:{line}: bad regular expression {pattern!r}: {reason}"]


def test_data_patterns_keep_pythons_unicode_classes(data_copy):
    # \d is any decimal digit (Urdu ۰-۹ too), \s any space (a no-break space too).
    path = data_copy / "boilerplate.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[line]]\nkind = \"count\"\npattern = '^\\d+\\s\\w+$'\n",
                    encoding="utf-8")
    (count,) = [p.regex for p in load_knowledge(data_copy).boilerplate if p.kind == "count"]
    assert count.fullmatch("۱۲\u00a0تبصرے") and count.fullmatch("12 comments")
    assert not count.fullmatch("12 two words")


def test_glossary_files_are_read_in_order_and_share_variants(data_copy):
    # A spelling claimed in glossary.toml and again in glossary/*.toml is one clash, at its line.
    extra = data_copy / "glossary" / "zz-extra.toml"
    extra.write_text('[[entry]]\nid = "putin-again"\nkind = "person"\nur = "پوتن"\nen = "Putin"\n'
                     'variants = ["پوتن"]\n', encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data_copy)
    assert caught.value.problems == [
        f"{extra}:6: variant 'پوتن' of 'putin-again' is already a variant of 'vladimir-putin'"]


@pytest.mark.parametrize("variant, reason", [
    ("ب", "is a single letter: too short to be a name"),
    ("Ab", "is a Latin word of two letters that is not an abbreviation in capitals"),
    ("کیسی", "is an ordinary word (data/names.toml `common_words`), not a name"),
])
def test_variant_too_short_or_common(data_copy, variant, reason):
    problems, path, lines = problems_after(
        data_copy, "glossary.toml", '"کوزاک", "دمتری کوزاک"', f'"کوزاک", "{variant}", "دمتری کوزاک"')
    line = next(n for n, text in enumerate(lines, 1) if '"کوزاک", "دمتری کوزاک"' in text)
    assert problems == [f"{path}:{line}: variant {variant!r} of 'dmitry-kozak' {reason}"]


def test_abbreviation_in_capitals_may_be_a_common_word(data_copy):
    # "WHO" is matched only in capitals, so it is not the word "who".
    assert any("WHO" in e.variants for e in load_knowledge(data_copy).glossary)


def test_empty_glossary(data_copy):
    (data_copy / "glossary.toml").write_text("# nothing yet\n", encoding="utf-8")
    for path in (data_copy / "glossary").glob("*.toml"):
        path.unlink()
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data_copy)
    assert caught.value.problems == [f"{data_copy / 'glossary.toml'}: the glossary has no [[entry]] at all"]


def test_unknown_key_in_glossary(data_copy):
    problems, path, _ = problems_after(data_copy, "glossary.toml", 'kind = "topic"', 'kind = "topic"\nwikidata = "Q1"')
    table_line = _line_of(path, 'id = "minsk-agreements"') - 1
    assert problems == [f"{path}:{table_line}: [[entry]] has unknown key(s) wikidata"]


def test_names_vocabulary_is_checked(data_copy):
    problems, path, lines = problems_after(data_copy, "names.toml", "[place_heads]\nur = [", "[place_heads]\nfr = [")
    line = next(n for n, text in enumerate(lines, 1) if text == "[place_heads]")
    assert problems == [f"{path}:{line}: [place_heads] has unknown key 'fr' (known: ur, en)"]
    problems, path, _ = problems_after(data_copy, "names.toml", "[titles]", "[title]")
    assert f"{path}: missing table [titles]" in problems
    assert any(p.startswith(f"{path}:") and "unknown table [title]" in p for p in problems)


def test_world_glossary_comes_from_cldr():
    text = (DATA_DIR / "glossary" / "world.toml").read_text(encoding="utf-8")
    assert text.startswith("# GENERATED by tools/glossary_from_cldr.py")
    entries = {e.id: e for e in load_knowledge().glossary}
    assert (entries["pakistan"].ur, entries["pakistan"].en) == ("پاکستان", "Pakistan")
    assert (entries["karachi"].ur, entries["karachi"].en) == ("کراچی", "Karachi")
    # CLDR names no city for Lahore: the hand-written south-asia.toml does.
    assert "lahore" not in text
    assert {"لاہور", "Lahore"} <= set(entries["lahore"].variants)
    # Ordinary words CLDR uses as a city's or country's name are left out (مالی "financial").
    assert "مالی" not in entries["mali"].variants
