from archive_pages import urls


def test_pages_of_a_year_never_collide_with_its_months():
    pages = {urls.page(urls.year("ur", 2024), n) for n in range(1, 40)}
    months = {urls.month("ur", 2024, m) for m in range(1, 13)}
    assert not pages & months
    assert urls.page(urls.home("en"), 2) == "en/index.2.html"
    assert urls.page(urls.home("ur"), 1) == "index.html"
