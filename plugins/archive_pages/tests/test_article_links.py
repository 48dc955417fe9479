from types import SimpleNamespace

from archive_pages.article_links import article_links, nearest, story_neighbours


def thing(key):
    return SimpleNamespace(id=key) if key else None


class FakeStory:
    def __init__(self, name, outlet=None, category=None, undated=False):
        self.name, self.outlet, self.category, self.undated = name, thing(outlet), thing(category), undated

    def card(self, lang):
        return SimpleNamespace(url=f"{lang}/{self.name}.html", title=self.name, title_lang="ur",
                               date=None, undated=self.undated)

    def __repr__(self):
        return self.name


def test_nearest_alternates_older_and_newer_and_skips():
    assert nearest(10, 5, 3) == [6, 4, 7]
    assert nearest(10, 0, 3) == [1, 2, 3]  # the newest: only older ones
    assert nearest(10, 9, 3) == [8, 7, 6]
    assert nearest(10, 5, 3, skip={6, 4}) == [7, 3, 8]
    assert nearest(1, 0, 3) == [] and nearest(2, 1, 3) == [0]


def test_previous_and_next_follow_date_order_and_more_from_skips_them():
    # Newest first, as the archive lists them; two undated stories at the end.
    stories = [FakeStory("a", "dawn", "world"), FakeStory("b", "bbc", "world"), FakeStory("c", "dawn", "russia"),
               FakeStory("d", "dawn", "world"), FakeStory("e", "dawn"), FakeStory("u1", "dawn", undated=True),
               FakeStory("u2", undated=True)]
    found = story_neighbours(stories)
    a, b, c, d, e, u1, u2 = (found[id(s)] for s in stories)
    assert (a.newer, a.older) == (None, stories[1])
    assert (c.newer, c.older) == (stories[1], stories[3])
    assert (e.newer, e.older) == (stories[3], None)  # the oldest dated story: undated ones are not "older"
    assert (u1.newer, u1.older) == (None, None)
    # More from Dawn for c: d is linked as older already; then the nearest by turns.
    assert [s.name for s in c.same_outlet] == ["a", "e", "u1"]
    assert [s.name for s in a.same_outlet] == ["c", "d", "e"]
    assert [s.name for s in c.same_category] == []  # alone in its category
    assert [s.name for s in b.same_category] == ["d"]  # a, the other, is linked as newer
    assert [s.name for s in d.same_category] == ["b", "a"]  # nearest first
    assert u2.same_outlet == () and u2.same_category == ()

    links = article_links(stories[2], c, "en")
    assert links.older.url == "en/d.html" and links.newer.url == "en/b.html"
    assert links.outlet.id == "dawn" and [link.title for link in links.same_outlet] == ["a", "e", "u1"]
    assert links.category.id == "russia" and links.same_category == ()
