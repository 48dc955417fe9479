"""The card sheet (cards.py): every story's cards rendered ahead, in forked
processes, as each page would render them itself."""

import datetime as dt
import os
import time
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

import archive_pages
from akhbar.build import BuildState
from archive_pages import cards
from archive_pages.cards import CardCache, CardSheet
from archive_pages.stories import Story

MACROS = """{% macro card(item, lang, level) -%}
<li><h{{ level }}><a href="{{ SITEURL }}/{{ item.url }}">{{ item.title }}</a></h{{ level }}> {{ lang }}</li>
{%- endmacro %}"""


class Article:
    def __init__(self, number):
        self.lang, self.slug, self.url = "ur", f"story-{number}", f"{number}.html"
        self.title = f"خبر {number} <&>"
        self.date = dt.datetime(2024, 1, 1 + number)
        self.translations = []


@pytest.fixture
def environment():
    return jinja2.Environment(loader=jinja2.DictLoader({"_macros.html": MACROS}), autoescape=True)


@pytest.fixture
def small_shares(monkeypatch):
    monkeypatch.setattr(cards, "STORIES_PER_PROCESS", 3)
    monkeypatch.setattr(cards, "PARALLEL_MIN_STORIES", 1)


def in_this_process(environment, story, lang) -> str:
    return cards.render_card(cards.card_macros(environment, {}, lang), story, lang)


def test_forked_processes_render_each_story_as_this_process_would(environment, small_shares, tmp_path):
    stories = [Story(Article(n)) for n in range(10)]
    sheet = CardSheet(stories, environment, {}, tmp_path, workers=2)
    assert [story.sheet_slot for story in stories] == list(range(10))
    for story in stories:
        for lang in ("ur", "en"):
            assert sheet.html(story.sheet_slot, lang) == in_this_process(environment, story, lang)
    assert "خبر 7 &lt;&amp;&gt;" in sheet.html(7, "en")
    # What a page's fingerprint holds of a story: the digest of its cards, one per story.
    assert len({story.fingerprint() for story in stories}) == 10
    # The sheet is kept for the next build, and nothing else is left behind.
    assert [p.name for p in tmp_path.iterdir()] == [cards.KEPT]


def test_the_next_sheet_renders_only_the_cards_whose_values_changed(environment, small_shares, tmp_path,
                                                                     monkeypatch):
    stories = [Story(Article(n)) for n in range(8)]
    first = CardSheet(stories, environment, {}, tmp_path, workers=2, site="site")
    before = {story.sheet_slot: (first.html(story.sheet_slot, "ur"), story.fingerprint()) for story in stories}
    first.close()

    rendered = []
    real_render = cards.render_card
    monkeypatch.setattr(cards, "render_card",
                        lambda macros, story, lang: rendered.append(story) or real_render(macros, story, lang))
    stories = [Story(Article(n)) for n in range(8)]
    stories[5].original.title = "نئی سرخی"
    second = CardSheet(stories, environment, {}, tmp_path, workers=1, site="site")
    assert rendered == [stories[5], stories[5]]  # its two languages, no other story
    for story in stories:
        html = second.html(story.sheet_slot, "ur")
        assert html == in_this_process(environment, story, "ur")
        if story is not stories[5]:
            assert (html, story.fingerprint()) == before[story.sheet_slot]
    second.close()

    rendered.clear()  # another site key (a theme or settings change): every card again
    CardSheet(stories, environment, {}, tmp_path, workers=1, site="another site").close()
    assert len(rendered) == 16


def test_forked_processes_take_the_kept_cards_as_this_process_does(environment, small_shares, tmp_path):
    """The processes key each story and take its cards from the last sheet,
    which they see by memory map: the same stories give the same sheet,
    byte for byte, whether made in this process or in forked ones."""
    stories = [Story(Article(n)) for n in range(8)]
    CardSheet(stories, environment, {}, tmp_path, workers=1, site="site").close()
    alone = (tmp_path / cards.KEPT).read_bytes()
    stories = [Story(Article(n)) for n in range(8)]
    CardSheet(stories, environment, {}, tmp_path, workers=2, site="site").close()
    assert (tmp_path / cards.KEPT).read_bytes() == alone
    stories = [Story(Article(n)) for n in range(8)]
    stories[6].original.title = "نئی سرخی"
    sheet = CardSheet(stories, environment, {}, tmp_path, workers=2, site="site")
    assert [sheet.html(story.sheet_slot, "ur") for story in stories] == \
        [in_this_process(environment, story, "ur") for story in stories]
    assert (tmp_path / cards.KEPT).read_bytes() != alone


def test_a_sheet_a_killed_build_left_half_written_is_removed_once_stale(environment, tmp_path):
    old, recent = tmp_path / f"{cards.PARTIAL}old", tmp_path / f"{cards.PARTIAL}recent"
    old.write_bytes(b"half")
    recent.write_bytes(b"another build's, being written")
    os.utime(old, (time.time() - cards.STALE_SECONDS - 1,) * 2)
    CardSheet([Story(Article(1))], environment, {}, tmp_path, workers=1).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([cards.KEPT, recent.name])


def test_a_torn_kept_sheet_is_no_cards(environment, tmp_path):
    (tmp_path / cards.KEPT).write_bytes(b"not a sheet" * 3)
    stories = [Story(Article(n)) for n in range(3)]
    sheet = CardSheet(stories, environment, {}, tmp_path, workers=1)
    assert sheet.html(2, "en") == in_this_process(environment, stories[2], "en")


@pytest.mark.parametrize("damage", [
    lambda sheet: sheet[1:],  # a byte of the cards lost: the lengths no longer add up
    lambda sheet: sheet[:-len(cards.SHEET) - 8] + (10 ** 9).to_bytes(8, "big") + cards.SHEET,  # too many cards
    lambda sheet: b'<li>old</li>{"k":[0,12]}' + (10).to_bytes(8, "big"),  # the JSON index of earlier builds
], ids=["cards-lost", "count", "earlier-layout"])
def test_a_kept_sheet_read_back_and_damaged(environment, tmp_path, damage):
    stories = [Story(Article(n)) for n in range(3)]
    CardSheet(stories, environment, {}, tmp_path, workers=1, site="site").close()
    kept = cards.KeptCards(tmp_path / cards.KEPT)
    key = cards.card_key(cards.hashlib.sha1(b"site").hexdigest(), "ur", stories[1].card("ur"))
    assert len(kept.index) == 6 and kept.get(key).decode() == in_this_process(environment, stories[1], "ur")
    kept.close()
    (tmp_path / cards.KEPT).write_bytes(damage((tmp_path / cards.KEPT).read_bytes()))
    assert cards.KeptCards(tmp_path / cards.KEPT).index == {}


def test_a_process_at_its_memory_limit_ends_and_the_next_takes_the_rest(environment, monkeypatch, tmp_path):
    """Each process stops after one story (a limit of one byte): every story
    still gets its cards, in its place."""
    monkeypatch.setattr(cards, "PARALLEL_MIN_STORIES", 1)
    monkeypatch.setattr(cards, "MEMORY_PER_PROCESS", 1)
    started = []
    real_start = cards.forked.start
    monkeypatch.setattr(cards.forked, "start", lambda work, share: started.append(share) or real_start(work, share))
    stories = [Story(Article(n)) for n in range(5)]
    sheet = CardSheet(stories, environment, {}, tmp_path, workers=2)
    assert len(started) == 5  # two runs of three and two stories, one story a process
    assert [story.sheet_slot for story in stories] == list(range(5))
    for story in stories:
        assert sheet.html(story.sheet_slot, "ur") == in_this_process(environment, story, "ur")


def test_a_page_fills_in_its_own_siteurl_and_heading_level(environment, small_shares, tmp_path):
    stories = [Story(Article(n)) for n in range(4)]
    cache = CardCache()
    cache.start(stories, environment, {})
    cache.make_sheet(tmp_path, workers=2)
    page = environment.from_string("{{ card(story, level) }}", globals={"card": jinja2.pass_context(
        lambda context, story, level: cache.card(context, story, level))})
    html = page.render(story=stories[2], level=3, SITEURL="../..", page_lang="en")
    assert html == '<li><h3><a href="../../2.html">خبر 2 &lt;&amp;&gt;</a></h3> en</li>'
    assert isinstance(cache.card(page.new_context({"SITEURL": "", "page_lang": "ur"}), stories[2], 2), Markup)


def test_a_story_read_again_is_rendered_anew_not_taken_from_the_sheet(environment, small_shares, tmp_path):
    """The live preview reads an article again: its story's cards change, and
    the sheet's no longer stand for it."""
    stories = [Story(Article(n)) for n in range(4)]
    cache = CardCache()
    cache.start(stories, environment, {})
    cache.make_sheet(tmp_path, workers=2)
    before = stories[1].fingerprint()
    stories[1].original.title = "نئی سرخی"
    stories[1].content_changed()
    context = environment.from_string("").new_context({"SITEURL": "", "page_lang": "ur"})
    assert "نئی سرخی" in cache.card(context, stories[1], 2)
    assert stories[1].fingerprint() != before


def test_archive_pages_workers_bounds_the_processes(environment, small_shares, tmp_path, monkeypatch):
    """ARCHIVE_PAGES_WORKERS = 1: the cards are rendered in this process, none forked."""
    def no_fork(*_args):
        raise AssertionError("forked with ARCHIVE_PAGES_WORKERS = 1")

    monkeypatch.setattr(cards.forked, "in_processes", no_fork)
    monkeypatch.setattr(archive_pages, "CARDS", CardCache())
    stories = [Story(Article(n)) for n in range(6)]
    archive_pages.CARDS.start(stories, environment, {})
    settings = {"ARCHIVE_PAGES_WORKERS": 1, "CACHE_PATH": str(tmp_path / "cache"), "THEME": str(tmp_path)}
    archive_pages.render_card_sheet(BuildState(settings, str(tmp_path)))
    assert [story.sheet_slot for story in stories] == list(range(6))


@pytest.mark.parametrize("full_after, made", [(16, 16), (18, 20)])
def test_a_process_at_its_limit_finishes_a_run_with_a_tenth_or_less_left(environment, monkeypatch, full_after,
                                                                          made):
    # A process of its own for the last two stories would cost a fork.
    rendered = []
    real_render = cards.render_card
    monkeypatch.setattr(cards, "render_card",
                        lambda macros, story, lang: rendered.append(story) or real_render(macros, story, lang))
    stories = [Story(Article(n)) for n in range(20)]
    macros = {lang: cards.card_macros(environment, {}, lang) for lang in ("ur", "en")}
    part = cards._sheet_part(stories, cards.KeptCards(Path("no such sheet")), "site", macros,
                             full=lambda: len(rendered) >= 2 * full_after)
    assert len(part.digests) == made
