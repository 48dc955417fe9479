"""Bidirectional controls leave every text field of an article, and are reported."""

import datetime as dt

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from bidi_guard import strip_controls


def test_controls_leave_every_text_field_and_the_body(caplog):
    article = Article("<p>متن \u202euoy\u202c جاری</p>", {
        "title": "سرخی \u202eabc\u202c", "summary": "خلاصہ \u2066x\u2069",
        "standfirst": "Stand\u202efirst", "byline": "Jane\u202e Doe",
        "date": dt.datetime(2024, 1, 2), "lang": "ur"},
        settings={**DEFAULT_CONFIG, "PATH": "/site"}, source_path="/site/content/a.md")
    strip_controls(article)
    assert article.title == "سرخی abc"
    assert article.metadata["title"] == "سرخی abc"
    assert "\u202e" not in article.content and "uoy" in article.content
    assert article.summary == "خلاصہ x"
    assert (article.standfirst, article.byline) == ("Standfirst", "Jane Doe")
    assert article.metadata["byline"] == "Jane Doe"
    assert [r.getMessage() for r in caplog.records] == [
        "content/a.md: removed bidirectional control characters from title",
        "content/a.md: removed bidirectional control characters from summary",
        "content/a.md: removed bidirectional control characters from content",
        "content/a.md: removed bidirectional control characters from standfirst",
        "content/a.md: removed bidirectional control characters from byline"]


def test_clean_text_is_left_as_it_is(caplog):
    article = Article("<p>Plain text</p>", {"title": "Plain", "date": dt.datetime(2024, 1, 2)},
                      settings={**DEFAULT_CONFIG, "PATH": "/site"}, source_path="/site/content/b.md")
    strip_controls(article)
    assert article.title == "Plain" and article.content == "<p>Plain text</p>"
    assert caplog.records == []
