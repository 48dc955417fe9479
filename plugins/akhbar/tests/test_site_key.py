"""The site key (site_key.py): what every page and card depends on."""

from akhbar.site_key import site_key


def settings(theme, **more):
    return {"THEME": str(theme), "PLUGIN_PATHS": [], "SITENAME": "اخبار", "OUTPUT_PATH": "output",
            "CACHE_PATH": ".build/cache", "WEBFONTS_CACHE": ".build/webfonts", **more}


def test_where_a_build_writes_or_keeps_caches_is_not_in_the_key(tmp_path):
    (tmp_path / "base.html").write_text("<html>", encoding="utf-8")
    key = site_key(settings(tmp_path))
    assert site_key(settings(tmp_path, OUTPUT_PATH="elsewhere", CACHE_PATH="/tmp/cache",
                             WEBFONTS_CACHE="/tmp/fonts", SEGMENT="2020")) == key


def test_what_a_page_shows_is(tmp_path):
    (tmp_path / "base.html").write_text("<html>", encoding="utf-8")
    key = site_key(settings(tmp_path))
    assert site_key(settings(tmp_path, SITENAME="خبریں")) != key
    (tmp_path / "base.html").write_text("<html lang>", encoding="utf-8")
    assert site_key(settings(tmp_path)) != key
