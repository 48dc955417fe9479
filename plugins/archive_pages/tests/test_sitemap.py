import xml.etree.ElementTree as ET

from archive_pages.sitemap import is_numbered_sitemap, sitemap_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(count):
    return [f"<url><loc>https://example.org/a/{n}.html</loc></url>" for n in range(count)]


def test_an_archive_within_the_limit_has_one_sitemap():
    files = sitemap_files(entries(3), "https://example.org/a", limit=3)
    assert list(files) == ["sitemap.xml"]
    assert len(ET.fromstring(files["sitemap.xml"]).findall("s:url", NS)) == 3


def test_a_larger_archive_has_numbered_files_and_an_index_at_the_same_address():
    files = sitemap_files(entries(7), "https://example.org/a", limit=3)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [loc.text for loc in index.findall("s:sitemap/s:loc", NS)] == [
        f"https://example.org/a/sitemap-{n}.xml" for n in (1, 2, 3)]
    counts = [len(ET.fromstring(files[f"sitemap-{n}.xml"]).findall("s:url", NS)) for n in (1, 2, 3)]
    assert counts == [3, 3, 1]


def test_numbered_sitemaps_are_told_from_other_files():
    assert is_numbered_sitemap("sitemap-12.xml")
    assert not is_numbered_sitemap("sitemap.xml") and not is_numbered_sitemap("sitemap-x.xml")
