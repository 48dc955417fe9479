"""Names gathered across the archive (name_groups.py): grouping, counting, accepting."""

import shutil

import pytest

from akhbar.name_groups import ACCEPTED_FILE, accepted_entry, entry_id, group_names, recurring, spellings_by_key
from seed_reader.knowledge import DATA_DIR, KnowledgeError, load_knowledge
from seed_reader.names import Name


def person(text, reason="title: جسٹس"):
    return Name("person", text, reason, 1)


def groups_of(named):
    return [(len(g.seeds), g.kind, g.variants()) for g in group_names(named)]


def test_spellings_that_fold_alike_or_differ_by_spaces_are_one_name():
    named = [("a", [person("عبدالرشید خان")]), ("b", [person("عبدال رشید خان")]),
             ("c", [person("Rashid Khan"), person("RASHID KHAN", "byline")])]
    # Ties: the longer spelling first.
    assert groups_of(named) == [(2, "person", ["عبدال رشید خان", "عبدالرشید خان"]), (1, "person", ["Rashid Khan"])]


def test_a_shorter_name_joins_the_one_longer_name_it_begins_or_ends():
    named = [("a", [person("ناصر جمالی")]), ("b", [person("ناصر جمالی")]), ("c", [person("جمالی")])]
    assert groups_of(named) == [(3, "person", ["ناصر جمالی", "جمالی"])]


def test_a_shorter_name_two_longer_ones_share_stays_on_its_own():
    named = [("a", [person("Imran Khan")]), ("b", [person("Ali Khan")]), ("c", [person("Khan")])]
    assert sorted(groups_of(named)) == [(1, "person", ["Ali Khan"]), (1, "person", ["Imran Khan"]),
                                        (1, "person", ["Khan"])]


def test_a_name_of_another_kind_is_not_joined():
    named = [("a", [Name("place", "چنیوٹ", "dateline", 1)]),
             ("b", [Name("organisation", "چنیوٹ پریس کلب", "organisation word: کلب", 1)])]
    assert len(group_names(named)) == 2


def test_most_seeds_first_and_a_seed_counts_once():
    named = [("a", [person("ناصر جمالی"), person("کریم بخش")]), ("b", [person("کریم بخش")]),
             ("c", [person("کریم بخش")])]
    groups = group_names(named)
    assert [(g.text, len(g.seeds)) for g in groups] == [("کریم بخش", 3), ("ناصر جمالی", 1)]
    assert [g.text for g in recurring(groups)] == ["کریم بخش"]
    assert groups[0].why() == "title: جسٹس ×3"
    assert spellings_by_key(groups)[("ناصر", "جمالی")] == ("ناصر جمالی",)


@pytest.fixture
def data_dir(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def test_an_accepted_name_loads_and_needs_an_english_name(data_dir):
    (group,) = group_names([("a", [person("ناصر جمالی")]), ("b", [person("جمالی", "title: وزیر")])])
    entry = entry_id(group, {"nsr-jmly"})
    assert entry == "nsr-jmly-2"  # from the Urdu letters, never an id already taken
    (data_dir / ACCEPTED_FILE).write_text(accepted_entry(group, entry, "person", group.variants()), encoding="utf-8")
    knowledge = load_knowledge(data_dir)
    accepted = knowledge.entry(entry)
    assert (accepted.ur, accepted.en, accepted.variants, accepted.missing) == (
        "ناصر جمالی", "ناصر جمالی", ("ناصر جمالی", "جمالی"), ("en",))
    (problem,) = knowledge.incomplete
    assert problem.endswith(f"accepted.toml:3: entry '{entry}' needs an English name (`en`)")


def test_an_entry_needs_one_name_at_least(data_dir):
    (data_dir / ACCEPTED_FILE).write_text(
        '[[entry]]\nid = "x"\nkind = "person"\nur = ""\nen = ""\nvariants = ["ایکس"]\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="'x' needs `ur` or `en`"):
        load_knowledge(data_dir)
