"""Font subsets: the listed characters, kept between builds."""

from pathlib import Path

from fontTools.ttLib import TTFont

from webfonts import read_characters, subset_font

FONTS = Path(__file__).resolve().parents[3] / "theme" / "fonts"


def test_a_list_names_characters_ranges_and_comments(tmp_path):
    listed = tmp_path / "characters.txt"
    listed.write_text("# digits\nU+0030..U+0032\nاب\n\n", encoding="utf-8")
    assert read_characters(listed) == "012اب"


def test_a_subset_holds_the_listed_characters_and_is_made_once(tmp_path):
    source = FONTS / "noto-naskh-arabic-arabic-400-normal.woff2"
    target, cache = tmp_path / "out" / "naskh.woff2", tmp_path / "cache"
    subset_font(source, "اب", target, cache)
    kept = {chr(code) for code in TTFont(target).getBestCmap()}
    assert {"ا", "ب"} <= kept and "ج" not in kept
    assert target.stat().st_size < source.stat().st_size
    cached = list(cache.iterdir())
    assert len(cached) == 1
    # Again: copied from the cache, not subset again.
    stamp = cached[0].stat().st_mtime_ns
    subset_font(source, "اب", target, cache)
    assert [p.stat().st_mtime_ns for p in cache.iterdir()] == [stamp]
