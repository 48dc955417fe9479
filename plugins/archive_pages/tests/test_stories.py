"""A story's cards (stories.py): what a listing shows of it in each language."""

import datetime as dt

from archive_pages.stories import Story


class Article:
    """A Pelican article as a story sees it; its URL counted, since Pelican
    formats it anew each time it is asked."""

    def __init__(self, lang, **values):
        self.lang, self.slug, self.title, self.summary = lang, "story", f"{lang} title", f"<p>{lang}</p>"
        self.date = dt.datetime(2024, 5, 1)
        self.translations = []
        self.urls_made = 0
        self.__dict__.update(values)

    @property
    def url(self):
        self.urls_made += 1
        return f"{self.lang}/story.html"


def test_a_story_without_a_version_in_a_language_is_listed_there_as_its_original():
    urdu = Article("ur", title_en="An editor's English title")
    story = Story(urdu)
    native, listed = story.card("ur"), story.card("en")
    assert native.in_page_language and not listed.in_page_language
    assert (listed.url, listed.lang, listed.summary, listed.summary_lang) == ("ur/story.html", "ur", "<p>ur</p>", "ur")
    assert (listed.title, listed.title_lang) == ("An editor's English title", "en")
    assert (native.title, native.title_lang) == ("ur title", "ur")
    assert urdu.urls_made == 1  # the English card takes the Urdu card's URL


def test_a_translated_story_is_listed_in_each_language_by_its_own_version():
    english = Article("en")
    urdu = Article("ur", translations=[english])
    story = Story(urdu)
    assert [(story.card(lang).url, story.card(lang).title, story.card(lang).in_page_language)
            for lang in ("ur", "en")] == [("ur/story.html", "ur title", True), ("en/story.html", "en title", True)]


def test_a_story_read_again_makes_its_cards_anew():
    urdu = Article("ur")
    story = Story(urdu)
    before = story.card("en")
    urdu.title = "new title"
    story.content_changed()
    assert story.card("en").title == "new title" != before.title


def test_a_card_holds_shared_strings_and_its_own_copy_of_the_date():
    # Not the article's objects, which share their pages of memory with other
    # articles': a forked process reading the card copies only the card's pages.
    english = Article("".join(["e", "n"]))
    story = Story(Article("".join(["u", "r"]), translations=[english], date_confidence="".join(["lo", "w"])))
    urdu, listed = story.card("ur"), story.card("en")
    assert urdu.lang is urdu.title_lang is "ur" and listed.lang is "en"  # noqa: F632 (the same object is the point)
    assert urdu.date_confidence is listed.date_confidence is "low"  # noqa: F632
    assert urdu.date == story.original.date and urdu.date is not story.original.date
    assert listed.date is urdu.date  # one copy a story
