from dataclasses import dataclass

from incremental_pages.fingerprint import Fingerprinter


class Article:
    """What the fingerprint reads of a Pelican article."""

    def __init__(self, slug: str, body: str, title: str = "headline"):
        self._content, self.metadata, self.url = body, {}, f"{slug}.html"
        self.slug, self.title, self.lang = slug, title, "ur"
        self.translations = []


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
