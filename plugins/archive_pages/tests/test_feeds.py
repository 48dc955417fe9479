import datetime as dt
from types import SimpleNamespace

from akhbar import urls
from archive_pages.feeds import FEED_ENTRIES, atom_time, feed, newest_dated


def story(date):
    return SimpleNamespace(undated=date is None, date=date and dt.datetime.combine(date, dt.time()))


def test_a_feed_holds_the_newest_dated_stories_up_to_its_cap():
    stories = [story(dt.date(2026, 3, 14) - dt.timedelta(days=n)) for n in range(120)] + [story(None)]
    capped = newest_dated(stories)
    assert len(capped) == FEED_ENTRIES == 50 and capped == tuple(stories[:50])
    undated_first = [story(None), story(dt.date(2021, 12, 28))]
    assert newest_dated(undated_first) == (undated_first[1],)
    made = feed("feeds/person/x.xml", "person/x.html", stories, dt.date(2026, 3, 14), "Asia/Karachi")
    assert made.updated == "2026-03-14T00:00:00+05:00" and len(made.stories) == 50


def test_a_feed_with_no_dated_story_is_dated_by_the_build_day_never_the_clock():
    made = feed("feeds/outlet/x.xml", "outlet/x.html", [story(None)], dt.date(2025, 12, 3), "Asia/Karachi")
    assert made.stories == () and made.updated == "2025-12-03T00:00:00+05:00"
    assert feed("f.xml", "p.html", [], None, "Asia/Karachi").updated == "1970-01-01T00:00:00+05:00"


def test_times_follow_the_archives_time_zone_and_its_history():
    # Pakistan kept summer time in 2008.
    assert atom_time(dt.date(2008, 7, 1), "Asia/Karachi") == "2008-07-01T00:00:00+06:00"
    assert atom_time(dt.date(2021, 12, 28), "Asia/Karachi") == "2021-12-28T00:00:00+05:00"


def test_feed_addresses_follow_their_pages():
    assert urls.feed("ur") == "feeds/atom.xml" and urls.feed("en") == "en/feeds/atom.xml"
    assert urls.feed("en", "person", "vladimir-putin") == "en/feeds/person/vladimir-putin.xml"
    assert urls.reserved(urls.feed("ur", "outlet", "dawn-news")) == "the Atom feeds"
