"""Duplicate detection without a build: bodies measured, stories decided (duplicates.py)."""

import datetime as dt
import pickle

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash, MinHashLSH

from seed_reader import duplicates
from seed_reader.corrections import sidecar_for
from seed_reader.duplicates import (
    SYNDICATED,
    VERSION,
    BodyIndex,
    Copy,
    Likeness,
    Thresholds,
    body_print,
    likeness,
    minhash_signature,
    report,
    same_stories,
    seed_named,
    shared_buckets,
)
from seed_reader.importer import import_seed

from .conftest import SEEDS

DEFAULTS = Thresholds()


def paragraphs(seed, prefix):
    return list(seed(prefix).extraction.paragraphs)


def measured(a, b) -> Likeness:
    return likeness(body_print("", a).shingle_sequence(), body_print("", b).shingle_sequence())


def test_an_update_with_a_paragraph_added_is_the_same_article(seed):
    story = paragraphs(seed, "003")
    updated = story[:5] + ["ماسکو سے تازہ اطلاعات کے مطابق مذاکرات کا اگلا دور جنیوا میں اگلے ہفتے ہوگا اور دونوں وفود "
                           "نے اس کی تصدیق کر دی ہے۔"] + story[5:]
    assert measured(story, updated).same_article(DEFAULTS)


def test_a_syndicated_copy_with_a_sentence_trimmed_is_the_same_article(seed):
    story = paragraphs(seed, "002")
    trimmed = story[:3] + story[4:]
    assert measured(story, trimmed).same_article(DEFAULTS)
    assert measured(trimmed, story) == measured(story, trimmed)


def test_different_stories_on_one_event_stay_apart(seed):
    # Seeds 000, 001 and 003 all report the Russia-US talks of December 2021.
    for a, b in (("000", "001"), ("000", "003"), ("001", "003")):
        value = measured(paragraphs(seed, a), paragraphs(seed, b))
        assert value.contained < 0.05, (a, b, value)


def test_a_follow_up_that_quotes_the_first_story_stays_apart(seed):
    first = paragraphs(seed, "002")
    follow_up = paragraphs(seed, "000")[:8] + first[3:6] + paragraphs(seed, "000")[8:14]
    value = measured(first, follow_up)
    assert 0.1 < value.contained and not value.same_article(DEFAULTS)


def test_the_same_sentences_in_another_order_are_not_the_same_article(seed):
    # The benchmark's distinct articles are real sentences recombined: a story
    # is its text in its order, not a bag of its sentences.
    story = paragraphs(seed, "002")
    shuffled = story[1::2] + story[0::2]
    assert not measured(story, shuffled).same_article(DEFAULTS)


def longest_common_subsequence(a, b) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b):
            diagonal, row[j + 1] = row[j + 1], diagonal + 1 if x == y else max(row[j + 1], row[j])
    return row[-1]


def test_likeness_is_the_longest_common_subsequence_however_the_bodies_begin_and_end():
    rng = np.random.default_rng(15)
    for _ in range(200):
        common = rng.integers(0, 4, rng.integers(0, 6), dtype=np.uint32)
        a = np.concatenate([common, rng.integers(0, 4, rng.integers(1, 12), dtype=np.uint32), common[::-1]])
        b = np.concatenate([common, rng.integers(0, 4, rng.integers(1, 12), dtype=np.uint32), common[::-1]])
        found, shorter = likeness(a, b), min(len(a), len(b))
        assert found.contained == round(longest_common_subsequence(a.tolist(), b.tolist()) / shorter, 4)


def test_the_print_ignores_encoding_spacing_and_chrome(seed, tmp_path, extractor):
    text = "سرخی\r\n\r\nپہلا  پیراگراف یہاں ہے۔  \nدوسرا پیراگراف۔\n"
    same = "سرخی\n\nپہلا پیراگراف یہاں ہے۔\nدوسرا پیراگراف۔"
    assert body_print(text, ["a"]).text_digest == body_print(same, ["a"]).text_digest
    # The body alone is shingled: the same paragraphs in another page give the same body digest.
    story = paragraphs(seed, "002")
    assert body_print("one page", story).body_digest == body_print("another page", story).body_digest
    # Typed on an Arabic keyboard: another text, the same body once imported.
    urdu, arabic = tmp_path / "urdu.txt", tmp_path / "arabic.txt"
    urdu.write_text("کتاب کی سرخی\n\nیہ کتاب ہے اور یہ ایک پیراگراف ہے۔\n", encoding="utf-8")
    arabic.write_text("كتاب كی سرخی\n\nيه كتاب ہے اور يه ايك پيراگراف ہے۔\n", encoding="utf-8")
    first, second = import_seed(urdu, extractor).body, import_seed(arabic, extractor).body
    assert first.text_digest != second.text_digest and first.body_digest == second.body_digest


def test_an_utf16_copy_under_another_name_has_the_same_print(tmp_path, extractor):
    original = next(SEEDS.glob("002_*.txt"))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(b"\xff\xfe" + original.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16-le"))
    assert import_seed(copy, extractor).body == import_seed(original, extractor).body


def copy(seed, digest=None, words=100, **fields) -> Copy:
    return Copy(seed, digest or seed, words, **fields)


SAME = Likeness(0.95, 0.9)


def test_exact_copies_publish_the_published_url_then_the_first_file_name():
    stories, problems = same_stories([copy("seeds/b.txt", "x"), copy("seeds/a.txt", "x"), copy("seeds/c.txt", "x")],
                                     {}, DEFAULTS)
    assert problems == [] and [(s.kept, [f.seed for f in s.folded]) for s in stories] == [
        ("seeds/a.txt", ["seeds/b.txt", "seeds/c.txt"])]
    assert report(stories[0]) == ["seeds/b.txt: same article as seeds/a.txt: not published",
                                  "seeds/c.txt: same article as seeds/a.txt: not published"]
    stories, _ = same_stories([copy("seeds/b.txt", "x", published=True), copy("seeds/a.txt", "x")], {}, DEFAULTS)
    assert stories[0].kept == "seeds/b.txt" and stories[0].folded[0].why == "its URL was published first"


def test_versions_publish_the_fuller_then_the_later():
    day = dt.date(2021, 12, 28)
    pairs = {("seeds/a.txt", "seeds/b.txt"): SAME}
    fuller, _ = same_stories([copy("seeds/a.txt", words=120, date=day), copy("seeds/b.txt", date=day)], pairs, DEFAULTS)
    later, _ = same_stories([copy("seeds/a.txt", date=day), copy("seeds/b.txt", date=day + dt.timedelta(1))],
                            pairs, DEFAULTS)
    assert (fuller[0].kept, fuller[0].folded[0].kind, fuller[0].folded[0].why) == (
        "seeds/a.txt", VERSION, "the fuller (120 words to 100)")
    assert (later[0].kept, later[0].folded[0].why) == ("seeds/b.txt", "the later")
    assert report(later[0]) == ["seeds/a.txt: same article as seeds/b.txt (another version; 95% of the shorter text "
                                "in the longer; published: the later): not published"]


def test_copies_from_two_outlets_are_one_syndicated_story():
    pairs = {("seeds/a.txt", "seeds/b.txt"): SAME}
    stories, _ = same_stories([copy("seeds/a.txt", outlet="dawn-news", words=90),
                               copy("seeds/b.txt", outlet="bbc-urdu")], pairs, DEFAULTS)
    assert (stories[0].kept, stories[0].folded[0].kind) == ("seeds/b.txt", SYNDICATED)


def test_bodies_too_short_or_not_alike_enough_stay_apart():
    pairs = {("seeds/a.txt", "seeds/b.txt"): SAME, ("seeds/c.txt", "seeds/d.txt"): Likeness(0.95, 0.35),
             ("seeds/e.txt", "seeds/f.txt"): Likeness(0.75, 0.7)}
    copies = [copy("seeds/a.txt", words=20), copy("seeds/b.txt", words=20)] + [
        copy(f"seeds/{name}.txt") for name in "cdef"]
    assert same_stories(copies, pairs, DEFAULTS) == ([], [])
    assert len(same_stories(copies, pairs, Thresholds(contained=0.7, shared=0.3, min_words=10))[0]) == 3


def test_an_editor_joins_chooses_and_keeps_apart():
    pairs = {("seeds/a.txt", "seeds/b.txt"): SAME}
    joined, _ = same_stories([copy("seeds/a.txt", words=500), copy("seeds/b.txt", duplicate_of="seeds/a.txt"),
                              copy("seeds/c.txt", words=900, duplicate_of="seeds/a.txt")], {}, DEFAULTS)
    assert joined[0].kept == "seeds/a.txt" and all(f.confirmed for f in joined[0].folded)
    assert joined[0].folded[1].why == "chosen in the corrections of seeds/b.txt"
    # The fuller would win; the editor says the other is the one.
    chosen, _ = same_stories([copy("seeds/a.txt", words=500, duplicate_of="seeds/b.txt"), copy("seeds/b.txt")],
                             pairs, DEFAULTS)
    assert chosen[0].kept == "seeds/b.txt"
    apart, problems = same_stories([copy("seeds/a.txt", "x", not_duplicate_of=("seeds/b.txt",)),
                                    copy("seeds/b.txt", "x")], pairs, DEFAULTS)
    assert apart == [] and problems == []


def test_corrections_that_cannot_be_followed_are_problems_with_their_line():
    copies = [copy("seeds/a.txt", duplicate_of="seeds/gone.txt", duplicate_of_line=2),
              copy("seeds/b.txt", duplicate_of="seeds/b.txt", duplicate_of_line=1),
              copy("seeds/c.txt", duplicate_of="seeds/d.txt", not_duplicate_of=("seeds/d.txt",), duplicate_of_line=3),
              copy("seeds/d.txt")]
    stories, problems = same_stories(copies, {}, DEFAULTS)
    assert stories == []
    assert [(p.seed, p.line, p.reason) for p in problems] == [
        ("seeds/a.txt", 2, "duplicate_of names seeds/gone.txt, which is not an imported seed"),
        ("seeds/b.txt", 1, "duplicate_of names this seed itself (seeds/b.txt)"),
        ("seeds/c.txt", 3, "duplicate_of names seeds/d.txt, which a not_duplicate_of keeps apart from it"),
    ]


def test_seed_names_are_beside_the_corrected_seed():
    assert seed_named("002_6aa83e8293d70fa7.txt", "seeds/003_x.txt") == "seeds/002_6aa83e8293d70fa7.txt"
    assert seed_named("002_6aa83e8293d70fa7", "seeds/003_x.txt") == "seeds/002_6aa83e8293d70fa7.txt"


def test_thresholds_come_from_settings_and_refuse_nonsense():
    assert Thresholds.from_settings({"SEED_READER_DUPLICATES_SHARED": 0.5}) == Thresholds(shared=0.5) != Thresholds()
    with pytest.raises(ValueError, match="SEED_READER_DUPLICATES_CONTAINED = 80: a share between 0 and 1"):
        Thresholds.from_settings({"SEED_READER_DUPLICATES_CONTAINED": 80})


def test_signatures_are_datasketchs_minhash():
    rng = np.random.default_rng(15)
    for size in (0, 1, 7, 500):
        values = rng.integers(0, 1 << 32, size, dtype=np.uint32)
        expected = MinHash(num_perm=duplicates.NUM_PERM, seed=1, hashfunc=int, scheme="affine32")
        expected.update_batch(values.tolist())
        assert np.array_equal(minhash_signature(values), expected.hashvalues)


def few_valued_signatures(count: int) -> np.ndarray:
    """Signatures of few distinct values, so that many share LSH buckets."""
    return np.random.default_rng(15).integers(0, 3, (count, duplicates.NUM_PERM), dtype=np.uint32)


def lsh_of(signatures) -> MinHashLSH:
    lsh = MinHashLSH(num_perm=duplicates.NUM_PERM, params=duplicates.BANDS)
    for number, row in enumerate(signatures):
        lsh.insert(number, LeanMinHash(seed=1, hashvalues=row, scheme="affine32"))
    return lsh


def test_the_self_join_finds_the_pairs_datasketch_puts_in_one_bucket():
    signatures = few_valued_signatures(300)
    lsh = lsh_of(signatures)
    expected = sorted({(min(a, b), max(a, b)) for a, row in enumerate(signatures)
                       for b in lsh.query(LeanMinHash(seed=1, hashvalues=row, scheme="affine32")) if a != b})
    first, second = shared_buckets(signatures)
    assert 1000 < len(expected) < 300 * 299 // 2
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == expected


def test_new_seeds_are_paired_with_what_datasketch_finds_for_them():
    signatures = few_valued_signatures(300)
    lsh = lsh_of(signatures)
    new = np.isin(np.arange(300), [3, 150, 151, 299])
    expected = sorted({(min(a, b), max(a, b)) for a in np.flatnonzero(new).tolist()
                       for b in lsh.query(LeanMinHash(seed=1, hashvalues=signatures[a], scheme="affine32")) if a != b})
    first, second = shared_buckets(signatures, new)
    assert 50 < len(expected) < 4 * 299
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == expected


def test_a_crowded_bucket_pairs_only_bodies_that_share_another_band():
    """A passage many bodies print fills one band's bucket; only the copies
    among them, which agree on other bands too, are paired."""
    rows = duplicates.BANDS[1]
    count = 2 * duplicates.CROWDED_BUCKET
    signatures = np.random.default_rng(15).integers(0, 1 << 32, (count, duplicates.NUM_PERM), dtype=np.uint32)
    signatures[:, :rows] = 7  # every body shares the first band
    signatures[5] = signatures[40]  # a copy: every band
    signatures[60, 2 * rows:3 * rows] = signatures[61, 2 * rows:3 * rows]  # a third band besides the first
    for new in (None, np.isin(np.arange(count), [5, 60])):
        first, second = shared_buckets(signatures, new)
        assert list(zip(first.tolist(), second.tolist(), strict=True)) == [(5, 40), (60, 61)]
    few = signatures[:duplicates.CROWDED_BUCKET]  # not crowded: every pair
    assert len(shared_buckets(few)[0]) == len(few) * (len(few) - 1) // 2


@pytest.mark.parametrize("self_join_share", [0.0, 100.0])  # new seeds paired by a self-join, or one by one
def test_the_index_looks_up_only_new_and_edited_seeds(seed, monkeypatch, self_join_share):
    monkeypatch.setattr(duplicates, "SELF_JOIN_SHARE", self_join_share)
    bodies = {prefix: paragraphs(seed, prefix) for prefix in ("000", "001", "002", "003")}
    bodies["update"] = bodies["003"] + ["ماسکو سے تازہ اطلاعات کے مطابق مذاکرات کا اگلا دور اگلے ہفتے ہوگا۔"]
    index = BodyIndex(DEFAULTS)
    index.update({name: body_print(name, text) for name, text in bodies.items()})
    assert sorted(index.looked_up) == sorted(bodies) and list(index.pairs) == [("003", "update")]
    assert index.pairs[("003", "update")].same_article(DEFAULTS)

    kept = BodyIndex(DEFAULTS, pickle.loads(pickle.dumps(index.state())))
    bodies["002"] = bodies["002"][:-1]  # edited
    bodies["copy"] = list(bodies["001"])  # new: the same body as 001
    kept.update({name: body_print(name, text) for name, text in bodies.items() if name != "000"})
    assert sorted(kept.looked_up) == ["002", "copy"] and kept.changed
    assert kept.pairs == {("003", "update"): index.pairs[("003", "update")], ("001", "copy"): Likeness(1.0, 1.0)}
    assert "000" not in kept.indexed and "copy" in kept.indexed
    kept.update({name: body_print(name, text) for name, text in bodies.items() if name != "000"})
    assert kept.looked_up == [] and not kept.changed



def test_duplicate_of_is_checked_like_the_other_keys(tmp_path, extractor):
    seed_file = tmp_path / "900_x.txt"
    seed_file.write_text("سرخی یہاں ہے\n\nیہ متن ہے اور یہ ایک پیراگراف ہے۔\n", encoding="utf-8")
    sidecar_for(seed_file).write_text(
        'title = "ٹھیک"\nduplicate_of = "../other/002.txt"\nnot_duplicate_of = "002.txt"\n', encoding="utf-8")
    found = import_seed(seed_file, extractor)
    assert sorted(found.correction_problems) == [
        (2, 'duplicate_of is the file name of a seed beside this one, like "002_6aa83e8293d70fa7.txt", '
            "not '../other/002.txt'"),
        (3, "field 'not_duplicate_of' has the wrong type (str)"),
    ]
    assert found.corrections == {"title": "ٹھیک"}


@pytest.mark.parametrize("size", [0, 1, 500, 100_000])
def test_sorted_unique_is_numpys_unique(size):
    values = np.random.default_rng(size).integers(0, max(size // 3, 1), size, dtype=np.int64)
    assert np.array_equal(duplicates.sorted_unique(values), np.unique(values))
    shingles = values.astype(np.uint32)
    assert np.array_equal(duplicates.sorted_unique(shingles), np.unique(shingles))


def test_a_quick_rebuild_decides_again_only_for_a_seed_alike_to_another(tmp_path, extractor, monkeypatch):
    """A held build's quick rebuild asks whether its duplicates stand after
    seeds were read again (same_story.SameStories.decision_stands): an edit to
    a seed alike to no other is answered without the whole decision; a seed
    that becomes another's copy is found by it."""
    import shutil
    from types import SimpleNamespace

    from pelican.settings import read_settings

    from akhbar.build import start_build
    from seed_reader import same_story

    (tmp_path / "seeds").mkdir()
    paths = [shutil.copy(path, tmp_path / "seeds" / path.name) for path in sorted(SEEDS.glob("*.txt"))]
    settings = read_settings(str(SEEDS.parent / "pelican.conf.py"),
                             override={"PATH": str(tmp_path), "CACHE_PATH": str(tmp_path / "cache")})
    start_build(SimpleNamespace(settings=settings, output_path=str(tmp_path / "output")))
    same = same_story.SameStories()
    for path in paths:
        same.seen(path, import_seed(path, extractor), str(tmp_path))
    articles = [SimpleNamespace(source_path=str(path), translations=[], outlet=None) for path in paths]
    same.fold(SimpleNamespace(settings=settings, articles=articles, translations=[]))
    decided, decide = [], same_story.decide
    monkeypatch.setattr(same_story, "decide", lambda *args: decided.append(args) or decide(*args))

    edited = paths[2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("کسی اجلاس کا امکان", "کسی اجلاس کا کوئی امکان", 1), encoding="utf-8")
    same.seen(edited, import_seed(edited, extractor), str(tmp_path))
    assert same.decision_stands([str(edited)]) and decided == []

    paths[3].write_bytes(edited.read_bytes())  # now an exact copy of the edited seed
    same.seen(paths[3], import_seed(paths[3], extractor), str(tmp_path))
    assert not same.decision_stands([str(paths[3])]) and len(decided) == 1

