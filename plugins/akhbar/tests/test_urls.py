from akhbar import urls


def test_pages_of_a_year_never_collide_with_its_months():
    pages = {urls.page(urls.year("ur", 2024), n) for n in range(1, 40)}
    months = {urls.month("ur", 2024, m) for m in range(1, 13)}
    assert not pages & months
    assert urls.page(urls.home("en"), 2) == "en/index.2.html"
    assert urls.page(urls.home("ur"), 1) == "index.html"


def test_the_files_the_site_writes_are_reserved():
    assert urls.reserved("index.html") == urls.reserved("en/index.3.html") == "the home page"
    assert urls.reserved("sitemap.xml") == "the sitemap"
    assert urls.reserved("theme/css/akhbar.css").startswith("the theme's files")
    assert urls.reserved("en/feeds/atom.xml") == "the Atom feeds"
    assert urls.reserved("search/offline/x.js") == "the search page's files"
    for free in ("002-6aa83e8293d70fa7.html", "en/002-6aa83e8293d70fa7.html", "index-of-prices.html"):
        assert urls.reserved(free) is None, free
