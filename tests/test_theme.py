"""The built pages as markup: languages, links, metadata, catalogues, CSS."""

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ui_language.catalogues import missing_translations

from .conftest import ROOT

ARTICLE = "002-6aa83e8293d70fa7"


class Refs(HTMLParser):
    """Every URL a page refers to (links, scripts, styles, images)."""

    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.refs.append(attrs[name])


def local_target(page: Path, ref: str, root: Path) -> Path | None:
    parts = urlsplit(ref)
    if parts.scheme or ref.startswith(("#", "mailto:")):
        return None
    return (page.parent / unquote(parts.path)).resolve() if parts.path else page


def test_every_internal_reference_names_an_existing_file(site):
    """Every link of every page names a file the site has, as from disk: no
    broken link, and no link to a bare folder."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            target = local_target(page, ref, site)
            if target is None:
                continue
            if ref.startswith("/") or not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} -> {ref}")
    css = (site / "theme/css/akhbar.css").read_text(encoding="utf-8")
    for url in re.findall(r'url\("?([^")]+)"?\)', css):
        if not (site / "theme/css" / url).resolve().is_file():
            broken.append(f"akhbar.css -> {url}")
    assert broken == []


def test_every_page_declares_language_and_direction(site):
    for page in site.rglob("*.html"):
        head = page.read_text(encoding="utf-8")[:200]
        english = page.relative_to(site).parts[0] == "en"
        expected = '<html lang="en" dir="ltr">' if english else '<html lang="ur" dir="rtl">'
        assert expected in head, page


def test_translations_link_both_ways_with_hreflang(site):
    urdu = (site / f"{ARTICLE}.html").read_text(encoding="utf-8")
    english = (site / "en" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    for page in (urdu, english):
        assert f'<link rel="alternate" hreflang="ur" href="https://akhbar.example.org/{ARTICLE}.html">' in page
        assert f'<link rel="alternate" hreflang="en" href="https://akhbar.example.org/en/{ARTICLE}.html">' in page
        assert f'<link rel="alternate" hreflang="x-default" href="https://akhbar.example.org/{ARTICLE}.html">' in page
    assert re.search(rf'class="language-switch ui-label" href="\./en/{ARTICLE}\.html"', urdu)
    assert re.search(rf'class="language-switch ui-label" href="\.\./{ARTICLE}\.html"', english)
    assert 'href="./en/002-6aa83e8293d70fa7.html" hreflang="en" lang="en">Also in English' in urdu


def test_dates_and_labels_in_each_language(site):
    urdu = (site / f"{ARTICLE}.html").read_text(encoding="utf-8")
    english = (site / "en" / f"{ARTICLE}.html").read_text(encoding="utf-8")
    # CLDR via Babel, Western digits in both.
    assert '<time datetime="2021-12-28">28 دسمبر، 2021</time>' in urdu
    assert '<time datetime="2021-12-28">December 28, 2021</time>' in english
    assert "مطالعے کا وقت: 3 منٹ" in urdu and "2 min read" in english
    assert "ڈان نیوز" in urdu and "Dawn News" in english
    undated = (site / "en" / "000-947afd4b53ab818c.html").read_text(encoding="utf-8")
    assert "Date unknown" in undated and "1970" not in undated
    # 003 lost its headline in Urdu (the page says so); its translation has an editor's headline.
    assert "اصل صفحے کی سرخی محفوظ نہیں رہی" in (site / "003-d5d1f4a12c482239.html").read_text(encoding="utf-8")
    assert "lost its headline" not in (site / "en" / "003-d5d1f4a12c482239.html").read_text(encoding="utf-8")


def test_json_ld_news_article(site):
    page = (site / f"{ARTICLE}.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات"
    assert data["datePublished"] == "2021-12-28"
    assert data["publisher"]["name"] == "Dawn News"
    assert {"@type": "Person", "name": "Sergei Lavrov", "alternateName": "سرگئی لاروف"} in data["about"]
    undated = (site / "000-947afd4b53ab818c.html").read_text(encoding="utf-8")
    assert "datePublished" not in undated


def test_sitemap_has_hreflang_alternates(site):
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {u.find("s:loc", ns).text: u for u in tree.getroot()}
    entry = entries[f"https://akhbar.example.org/{ARTICLE}.html"]
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert links == {
        "ur": f"https://akhbar.example.org/{ARTICLE}.html",
        "en": f"https://akhbar.example.org/en/{ARTICLE}.html",
        "x-default": f"https://akhbar.example.org/{ARTICLE}.html",
    }
    assert len(entries) == 8 + 2  # four stories in two languages, two home pages


def test_english_side_lists_urdu_only_articles(project, tmp_path):
    from .conftest import pelican

    (project / "seeds" / "004_urdu_only.txt").write_text(
        "پاکستان\n\nپوتن اور زیلنسکی کی ملاقات کا امکان\n\n12 جنوری 2022\n\n"
        "روسی صدر پوتن نے کہا کہ وہ ملاقات کے لیے تیار ہیں۔\n",
        encoding="utf-8")
    # Another, whose corrections file gives its English headline and summary.
    (project / "seeds" / "005_urdu_only.txt").write_text(
        "پاکستان\n\nلاہور میں گندم کی خریداری شروع\n\n13 جنوری 2022\n\n"
        "پنجاب حکومت نے گندم کی خریداری کا ہدف مقرر کر دیا۔\n",
        encoding="utf-8")
    (project / "seeds" / "005_urdu_only.corrections.toml").write_text(
        'title_en = "Wheat procurement starts in Lahore"\n'
        'summary_en = "Punjab sets its <wheat> \u202etarget."\n', encoding="utf-8")  # with a bidi override
    output = tmp_path / "out"
    assert pelican(project, output).returncode == 0
    english_home = (output / "en" / "index.html").read_text(encoding="utf-8")

    def card(slug):
        return re.search(rf'<li class="card">((?:(?!</li>).)*{slug}.html(?:(?!</li>).)*)</li>',
                         english_home, re.S).group(1)

    assert 'lang="ur" dir="rtl"' in card("004-urdu-only") and "In Urdu" in card("004-urdu-only")
    assert "January 12, 2022" in card("004-urdu-only")
    corrected = card("005-urdu-only")
    assert "Wheat procurement starts in Lahore" in corrected and "Punjab sets its &lt;wheat&gt; target." in corrected
    assert 'lang="ur"' not in corrected and "In Urdu" in corrected
    assert "گندم" not in corrected and "\u202e" not in english_home
    urdu_home = (output / "index.html").read_text(encoding="utf-8")
    assert "Wheat" not in urdu_home and "پنجاب حکومت نے گندم کی خریداری کا ہدف مقرر کر دیا" in urdu_home
    assert english_home.count('<li class="card">') == 6
    assert "004-urdu-only.html" in (output / "en" / "person" / "vladimir-putin.html").read_text(encoding="utf-8")


def test_the_other_scripts_runs_are_isolated_with_their_language(project, tmp_path):
    # W3C: inline text of the other direction is isolated; WCAG 3.1.2: its language is marked.
    from .conftest import pelican

    (project / "seeds" / "004_mixed.txt").write_text(
        "پاکستان\n\nNATO کے سربراہ کا دورہ اسلام آباد\n\n12 جنوری 2022\n\n"
        "اسلام آباد: BBC کے مطابق Jens Stoltenberg نے آج وزیر اعظم سے ملاقات کی اور 2022 کے منصوبوں پر بات کی۔\n",
        encoding="utf-8")
    english = project / "content" / "en" / "002-russia-us-security-talks.md"
    english.write_text(english.read_text(encoding="utf-8") + '\nUrdu papers called it "اشتعال انگیز" 2024.\n',
                       encoding="utf-8")
    output = tmp_path / "out"
    assert pelican(project, output).returncode == 0
    article = (output / "004-mixed.html").read_text(encoding="utf-8")
    assert '<h1><bdi lang="en">NATO</bdi> کے سربراہ کا دورہ اسلام آباد</h1>' in article
    assert '<bdi lang="en">BBC</bdi> کے مطابق <bdi lang="en">Jens Stoltenberg</bdi> نے' in article
    assert '<bdi lang="en">NATO</bdi> کے سربراہ' in (output / "index.html").read_text(encoding="utf-8")
    translation = (output / "en" / "002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    assert 'Urdu papers called it "<bdi lang="ur">اشتعال انگیز</bdi>" 2024.' in translation


def test_every_ui_string_is_translated():
    assert missing_translations(ROOT / "theme") == []


def test_stylesheet_uses_logical_properties_only():
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "theme/static/css/akhbar.css").read_text(encoding="utf-8"), flags=re.S)
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)|(?<![-\w])(?:left|right)\s*:"
                          r"|text-align:\s*(?:left|right)|float:\s*(?:left|right)", css)
    assert physical == []


def test_fonts_are_subset_and_licensed(site):
    fonts = site / "theme" / "fonts"
    nastaliq = (fonts / "nastaliq.woff2").stat().st_size
    original = (ROOT / "theme/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2").stat().st_size
    assert nastaliq < 0.7 * original
    assert (fonts / "OFL-NotoNastaliqUrdu.txt").read_text().count("SIL Open Font License") >= 1


def test_urdu_article_page_weight(site):
    """HTML, CSS, script and the font an Urdu article loads: at most 200 KB (the
    share preview image is named in meta tags only, never loaded by the page)."""
    total = sum((site / p).stat().st_size for p in (
        f"{ARTICLE}.html", "theme/css/akhbar.css", "theme/js/share.js", "theme/fonts/nastaliq.woff2",
        "theme/images/favicon.svg"))
    assert total <= 200_000


VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / ".build/tools/package/build/dist/vnu.jar"))


@pytest.mark.skipif(not VNU_JAR.exists(), reason="no vnu.jar: `make test` fetches it")
def test_nu_html_checker_finds_no_errors(site):
    pages = [site / p for p in (
        "index.html", f"{ARTICLE}.html", "person/vladimir-putin.html", "archives/2021-12.html",
        "archives/2021-12-28.html", "archives.html", "search.html", "404.html", "entities.html",
        "outlets.html", "categories.html", "pages/about.html")]
    pages += [site / "en" / p.relative_to(site) for p in pages]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", *map(str, pages)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_publish_build_under_a_sub_path_has_no_broken_reference(sub_path_site):
    """The absolute-URL build for https://host/archive: every reference is under the sub-path and exists."""
    site, base = sub_path_site.output, sub_path_site.url
    broken, checked = [], 0
    for page in sorted(site.rglob("*.html")):
        parser = Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            if ref.startswith(("#", "mailto:")) or urlsplit(ref).netloc not in ("", urlsplit(base).netloc):
                continue  # a link away from the site (share links)
            checked += 1
            if not ref.startswith(base + "/"):
                broken.append(f"{page.relative_to(site)} -> {ref}")
                continue
            target = site / unquote(urlsplit(ref[len(base) + 1:]).path)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {ref}")
    assert checked > 1000
    assert broken == []
