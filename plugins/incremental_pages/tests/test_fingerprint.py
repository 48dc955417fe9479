import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Article as PelicanArticle
from pelican.settings import DEFAULT_CONFIG

from incremental_pages.fingerprint import Fingerprinter

SETTINGS = {**DEFAULT_CONFIG, "DEFAULT_LANG": "ur", "ARTICLE_URL": "{slug}.html"}


def Article(slug: str, body: str, title: str = "headline") -> PelicanArticle:
    metadata = {"slug": slug, "title": title, "lang": "ur", "date": dt.datetime(2024, 1, 2)}
    return PelicanArticle(body, metadata=metadata, settings=SETTINGS)


@dataclass
class Card:
    url: str
    title: str


class Story:
    def __init__(self, article):
        self.article = article

    def fingerprint(self):
        return [Card(self.article.url, self.article.title)]


def fingerprints(article, story_article=None):
    """(its own page, a listing that shows its story), by a fresh fingerprinter as each build has."""
    prints = Fingerprinter("site")
    listing = {"stories": [Story(story_article or article)], "page": 1}
    return (prints.page(article.url, "article.html", {"article": article}),
            prints.page("index.html", "listing.html", listing))


def test_a_body_edit_changes_the_article_page_not_the_listing():
    page, listing = fingerprints(Article("a", "one"))
    edited_page, edited_listing = fingerprints(Article("a", "two"))
    assert page != edited_page and listing == edited_listing


def test_a_new_headline_changes_both():
    page, listing = fingerprints(Article("a", "one"))
    retitled_page, retitled_listing = fingerprints(Article("a", "one", title="new headline"))
    assert page != retitled_page and listing != retitled_listing


def test_same_inputs_same_fingerprint_and_the_site_key_counts():
    assert fingerprints(Article("a", "one")) == fingerprints(Article("a", "one"))
    values = {"article": Article("a", "one")}
    assert Fingerprinter("site").page("a.html", "article.html", values) != \
        Fingerprinter("other settings").page("a.html", "article.html", values)


def test_a_value_without_stable_text_makes_the_page_unfingerprintable():
    assert Fingerprinter("site").page("x.html", "page.html", {"thing": object()}) is None


def test_an_article_page_changes_with_the_headline_of_a_related_story():
    def article_page(related_headline):
        article = Article("a", "one")
        article.related = [Story(Article("b", "two", title=related_headline))]
        return Fingerprinter("site").page(article.url, "article.html", {"article": article})

    assert article_page("old headline") == article_page("old headline")
    assert article_page("old headline") != article_page("new headline")


@dataclass
class Tagged:
    title: str
    tags: frozenset


def test_a_set_is_fingerprinted_in_an_order_that_does_not_change_from_run_to_run():
    """repr() is the fast way to a card's text, but a set's repr follows its
    hashes, which change from run to run: such a value takes the long way."""
    code = ("import sys; sys.path[:0] = sys.argv[1:]; "
            "from incremental_pages.tests.test_fingerprint import Fingerprinter, Tagged; "
            "print(Fingerprinter('site').page('x.html', 'page.html', "
            "{'story': Tagged('t', frozenset(map(str, range(30))))}))")
    plugins = str(Path(__file__).resolve().parents[2])
    prints = {subprocess.run([sys.executable, "-c", code, plugins], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                             capture_output=True, text=True, check=True).stdout for seed in (1, 2, 3)}
    assert len(prints) == 1 and prints.pop().strip() not in ("", "None")


def test_an_attribute_without_stable_text_makes_its_article_page_unfingerprintable():
    """Plain attributes are taken by their repr(); any other is checked for an address."""
    article = Article("a", "one")
    article.source_credit = "seen at 0x1f"  # a plain string that looks like an address: its text is stable
    assert Fingerprinter("site").page("a.html", "article.html", {"article": article}) is not None
    article.extra = [object()]
    assert Fingerprinter("site").page("a.html", "article.html", {"article": article}) is None
