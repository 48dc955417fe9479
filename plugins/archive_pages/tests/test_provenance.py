from types import SimpleNamespace

from archive_pages.provenance import provenance


def test_a_translation_shows_the_originals_corrections_but_its_own_headline():
    original = SimpleNamespace(corrected=["outlet", "title", "date"], source_url="https://www.dawnnews.tv/news/1174311")
    translation = SimpleNamespace()
    shown = provenance(original, original)
    assert shown.corrected == ("title", "date", "outlet")  # in the order the page lists them
    assert (shown.source_url, shown.source_host) == ("https://www.dawnnews.tv/news/1174311", "dawnnews.tv")
    assert provenance(original, translation).corrected == ("date", "outlet")
    plain = provenance(SimpleNamespace(title="x"), SimpleNamespace())
    assert plain.corrected == () and plain.source_url is None and plain.source_host is None
