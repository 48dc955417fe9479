"""The build's images: drawn once, then taken from the cache; stale ones removed."""

from pathlib import Path

import pytest

from share_previews.card import Card, Fonts, theme_colours
from share_previews.fonts import language_font
from share_previews.previews import Preview, preview_name, write_previews

THEME = Path(__file__).resolve().parents[3] / "theme"


@pytest.fixture(scope="module")
def drawing(tmp_path_factory):
    cache = tmp_path_factory.mktemp("fonts")
    fonts = Fonts(ur=language_font(THEME / "fonts", "ur", cache), en=language_font(THEME / "fonts", "en", cache))
    colours = theme_colours((THEME / "static/css/akhbar.css").read_text(encoding="utf-8"))
    return fonts, colours


def previews(headlines: dict[str, str]) -> list[Preview]:
    return [Preview(preview_name(page), Card(title, "en" if page.startswith("en/") else "ur", "", "اخبار", "x.org"))
            for page, title in headlines.items()]


def test_preview_names_mirror_the_pages():
    assert preview_name("002-6aa83e8293d70fa7.html") == "previews/002-6aa83e8293d70fa7.png"
    assert preview_name("en/002-6aa83e8293d70fa7.html") == "previews/en/002-6aa83e8293d70fa7.png"


def test_a_rebuild_draws_only_new_headlines(tmp_path, drawing):
    fonts, colours = drawing
    output, cache = tmp_path / "output", tmp_path / "cache"
    pages = {"a.html": "روس اور امریکہ", "en/a.html": "Russia and America", "b.html": "چین"}

    def build(pages, workers=1):
        return write_previews(previews(pages), output, cache, fonts, "fonts", colours, workers)

    first = build(pages)
    assert first.drawn == 3 and first.removed == 0
    made = {name: (output / name).read_bytes() for name in ("previews/a.png", "previews/en/a.png", "previews/b.png")}
    assert len(set(made.values())) == 3

    again = build(pages)
    assert again.drawn == 0 and again.reused == 3
    assert {name: (output / name).read_bytes() for name in made} == made

    # One headline corrected, one article gone: one image drawn, one removed.
    changed = build({"a.html": "روس اور امریکہ", "en/a.html": "Russia and the US"})
    assert changed.drawn == 1 and changed.removed == 1
    assert not (output / "previews/b.png").exists()
    assert (output / "previews/en/a.png").read_bytes() != made["previews/en/a.png"]
    assert (output / "previews/a.png").read_bytes() == made["previews/a.png"]


def test_the_cache_is_never_written_through_the_output(tmp_path, drawing):
    """The output file may be a hard link to the cache: a new image replaces it."""
    fonts, colours = drawing
    output, cache = tmp_path / "output", tmp_path / "cache"
    write_previews(previews({"a.html": "روس"}), output, cache, fonts, "fonts", colours, 1)
    cached = {p: p.read_bytes() for p in cache.iterdir()}
    write_previews(previews({"a.html": "چین"}), output, cache, fonts, "fonts", colours, 1)
    assert all(p.read_bytes() == data for p, data in cached.items())


def test_many_images_on_every_core_match_those_drawn_in_one_process(tmp_path, drawing):
    fonts, colours = drawing
    pages = {f"{n}.html": f"خبر نمبر {n} روس اور امریکہ" for n in range(30)}
    one, many = tmp_path / "one", tmp_path / "many"
    write_previews(previews(pages), one / "out", one / "cache", fonts, "fonts", colours, 1)
    outcome = write_previews(previews(pages), many / "out", many / "cache", fonts, "fonts", colours, 2)
    assert outcome.drawn == 30
    for page in pages:
        name = preview_name(page)
        assert (one / "out" / name).read_bytes() == (many / "out" / name).read_bytes()


def test_pictures_a_publish_build_left_go_when_pictures_are_off(tmp_path):
    from types import SimpleNamespace

    import share_previews

    left = tmp_path / "previews" / "old.png"
    left.parent.mkdir()
    left.write_bytes(b"png")
    share_previews.ARTICLES.clear()
    share_previews.write(SimpleNamespace(settings={}, output_path=str(tmp_path)))
    assert not (tmp_path / "previews").exists()
