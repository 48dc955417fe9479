"""The data files editors extend: loaded, checked, and reported as file:line: reason."""

import shutil

import pytest

from seed_reader.knowledge import DATA_DIR, KnowledgeError, load_knowledge


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def problems_after(data_copy, name, old, new):
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data_copy)
    return caught.value.problems, path, text.split("\n")


def test_shipped_data_loads():
    knowledge = load_knowledge()
    assert {e.kind for e in knowledge.glossary} == {"person", "place", "organisation", "topic"}
    assert knowledge.day_words["دو"] == 2


def test_variant_claimed_by_two_entries(data_copy):
    problems, path, lines = problems_after(
        data_copy, "glossary.toml", '"کوزاک", "دمتری کوزاک"', '"کوزاک", "پوتن", "دمتری کوزاک"')
    (problem,) = problems
    line = next(n for n, text in enumerate(lines, 1) if '"کوزاک", "دمتری کوزاک"' in text)
    assert problem.startswith(f"{path}:{line}: variant 'پوتن' of 'dmitry-kozak' is already a variant of 'vladimir-putin'")


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
