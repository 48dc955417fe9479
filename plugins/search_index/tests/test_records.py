"""Search records (records.py): what the index holds of an article, and what it shows."""

import datetime as dt
from types import SimpleNamespace

from akhbar.name_groups import group_names, spellings_by_key
from search_index.records import ignored_name_words, lexicon, name_spellings, person_name_words, record_for
from seed_reader.knowledge import GlossaryEntry, load_knowledge
from seed_reader.names import Name


def article(slug, names=(), content="<p>جسٹس جمالی نے سڑکوں کی مرمت کا جائزہ لیا</p>", entities=()):
    return SimpleNamespace(slug=slug, url=f"{slug}.html", lang="ur", title="سڑکیں", content=content,
                           date=dt.datetime(2025, 1, 2), undated=False, outlet=None, entities=list(entities),
                           captions=[], names=list(names))


def person(entry_id, ur, en, *variants):
    return GlossaryEntry(id=entry_id, kind="person", ur=ur, en=en, variants=(ur, en, *variants))


SHAHEEN = person("shaheen-afridi", "شاہین آفریدی", "Shaheen Afridi", "شاہین شاہ آفریدی")
YUNUS = person("muhammad-yunus", "محمد یونس", "Muhammad Yunus", "ڈاکٹر محمد یونس")


def test_a_names_other_spellings_are_search_words_after_the_tokens():
    a = article("a", [Name("person", "ناصر جمالی", "title: وزیر اعلیٰ", 1)])
    c = article("c", [Name("person", "جمالی", "title: جسٹس", 1)])
    groups = spellings_by_key(group_names([("a", a.names), ("c", c.names)]))
    assert name_spellings(c, groups) == "ناصر جمالی جمالی"
    record = record_for(c, {"ur": c}, name_spellings(c, groups))
    # جمالی is in the text already: only ناصر is added, after the tokens.
    assert record.content.split(" ")[-3:] == ["xflanguageurxf", "xfyear2025xf", "ناصر"]
    assert "ناصر" in record.terms()


def test_an_article_without_names_has_no_more_than_its_words_and_tokens():
    b = article("b")
    assert name_spellings(b, {}) == ""
    assert record_for(b, {"ur": b}).content == record_for(b, {"ur": b}, "").content
    assert record_for(b, {"ur": b}).content.endswith(" مرمت کا جایزہ لیا xflanguageurxf xfyear2025xf")


def test_the_index_holds_folded_words_and_the_reader_sees_the_text_as_written():
    a = article("a", content="<p>شاھین آفریدی نے وِکٹ لی۔</p>")
    record = record_for(a, {"ur": a})
    assert record.text == "سڑکیں\n شاھین آفریدی نے وِکٹ لی۔ "
    assert record.content.split(" ")[:6] == ["سڑکیں", "شاہین", "افریدی", "نے", "وکٹ", "لی"]


def test_a_persons_surname_is_a_search_word_of_every_article_that_names_them():
    ignored = ignored_name_words(load_knowledge().names)
    # Given names and titles name no one in particular: شاہین, Shaheen, محمد, Muhammad
    # and ڈاکٹر are left out.
    assert person_name_words([SHAHEEN], ignored).split() == ["افریدی", "afridi", "شاہ"]
    assert person_name_words([YUNUS], ignored).split() == ["yunus"]  # یونس is a given name too
    mention = SimpleNamespace(entry=SHAHEEN)
    a = article("a", content="<p>شاہین آفریدی نے تین وکٹیں لیں</p>", entities=[mention])
    words = record_for(a, {"ur": a}, person_name_words([SHAHEEN], ignored)).terms()
    assert {"afridi", "شاہ"} <= set(words) and "shaheen" not in words
    assert words.count("افریدی") == 1  # the text's own, not once more


def test_the_lexicon_gives_every_token_the_page_may_ask_for():
    outlets = [SimpleNamespace(id="dawn-news", ur="ڈان نیوز", en="Dawn News")]
    data = lexicon([SHAHEEN], outlets, {"2025"})
    assert [["شاہین", "شاہ", "افریدی"], "xeshaheenafridixe", "shaheen-afridi"] in data["variants"]
    assert [["شاہین", "افریدی"], "xeshaheenafridixe", "shaheen-afridi"] in data["variants"]
    assert data["filters"] == {
        "outlet": {"dawn-news": "xfoutletdawnnewsxf"},
        "year": {"2025": "xfyear2025xf"},
        "language": {"ur": "xflanguageurxf", "en": "xflanguageenxf"},
        "person": {"shaheen-afridi": "xeshaheenafridixe"},
    }
    assert data["outlets"] == {"dawn-news": {"ur": "ڈان نیوز", "en": "Dawn News"}}
