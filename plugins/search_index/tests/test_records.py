"""Search records (records.py): names the glossary does not know are search terms."""

import datetime as dt
from types import SimpleNamespace

from search_index.records import name_spellings, record_for
from seed_reader.name_groups import group_names, spellings_by_key
from seed_reader.names import Name


def article(slug, names, content="<p>جسٹس جمالی نے سڑکوں کی مرمت کا جائزہ لیا</p>"):
    return SimpleNamespace(slug=slug, url=f"{slug}.html", lang="ur", title="سڑکیں", content=content,
                           date=dt.datetime(2025, 1, 2), undated=False, outlet=None, entities=[],
                           captions=[], names=names)


def test_a_names_other_spellings_are_search_terms_after_the_tokens():
    a = article("a", [Name("person", "ناصر جمالی", "title: وزیر اعلیٰ", 1)])
    c = article("c", [Name("person", "جمالی", "title: جسٹس", 1)])
    groups = spellings_by_key(group_names([("a", a.names), ("c", c.names)]))
    assert name_spellings(c, groups) == "ناصر جمالی جمالی"
    record = record_for(c, {"ur": c}, name_spellings(c, groups))
    *text, tokens, names = record.content.split("\n")
    assert tokens.split() == ["xflanguageurxf", "xfyear2025xf"]
    assert names == "ناصر جمالی جمالی"
    assert "ناصر" in record.terms()


def test_an_article_without_names_has_no_more_than_before():
    b = article("b", [])
    assert name_spellings(b, {}) == ""
    assert record_for(b, {"ur": b}).content == record_for(b, {"ur": b}, "").content
    assert record_for(b, {"ur": b}).content.endswith("\nxflanguageurxf xfyear2025xf")
