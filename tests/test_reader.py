"""A reader's archive in headless Chromium, in both languages, over http and from
disk: the archive by date, moving between articles, indexes, on this day,
feeds, and what editors corrected."""

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from .conftest import StaticServer, axe_violations, copy_project, pelican
from .test_theme import VNU_JAR

MONTH = "archives/2021-12.html"
DAY = "archives/2021-12-28.html"
ARTICLE = "002-6aa83e8293d70fa7"
PUBLIC_URL = "https://akhbar.example.org"


# Three more Dawn News stories around 002 (28 December 2021), so that its
# outlet and category have more to show, one of them corrected by an editor
# (headline, date, outlet) who also recorded where the page came from, and
# translated: its English page shows the corrections too. And one from
# 3 December 2023: the day and month of the newest article (003, 2025), two
# years before it, for "on this day".
DAWN = 'outlet = "dawn-news"\ncategory = "pakistan"\n'
MORE_SEEDS = {
    "900_karachi": ("کراچی میں بجلی کی فراہمی بحال", "27 دسمبر 2021",
                    "کراچی کے کئی علاقوں میں بجلی کی فراہمی آٹھ گھنٹے بعد بحال کر دی گئی۔", DAWN),
    "901_lahore": ("لاہور میں دھند سے پروازیں متاثر", "29 دسمبر 2021",
                   "شدید دھند کے باعث لاہور ایئرپورٹ سے کئی پروازیں تاخیر کا شکار ہوئیں۔", DAWN),
    "902_quetta": ("کوئٹہ میں برفباری", "5 جنوری 2022", "کوئٹہ اور گرد و نواح میں موسم سرما کی پہلی برفباری ہوئی۔",
                   DAWN + 'title = "کوئٹہ میں موسم سرما کی پہلی برفباری"\ndate = 2022-01-04\n'
                   'source_url = "https://www.dawnnews.tv/news/1174311"\n'),
    "903_gwadar": ("گوادر میں نئی بندرگاہ کا افتتاح", "3 دسمبر 2023",
                   "گوادر میں ماہی گیروں کے لیے نئی جیٹی کا افتتاح کر دیا گیا۔", 'category = "world"\n'),
}
CORRECTED = "902-quetta"


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory):
    """The seed archive and MORE_SEEDS, built and served."""
    project = copy_project(tmp_path_factory.mktemp("reader") / "project")
    for name, (title, date, text, corrections) in MORE_SEEDS.items():
        (project / "seeds" / f"{name}.txt").write_text(f"پاکستان\n\n{title}\n\n{date}\n\n{text}\n", encoding="utf-8")
        if corrections:
            (project / "seeds" / f"{name}.corrections.toml").write_text(corrections, encoding="utf-8")
    (project / "content" / "en" / "902-quetta.md").write_text(
        "Title: First snow of the winter in Quetta\nLang: en\nTranslation-of: 902-quetta\n\n"
        "Quetta and the hills around it had the first snow of the winter.\n", encoding="utf-8")
    output = project / "output"
    result = pelican(project, output, "-e", "BUILD_REPORT_STRICT=true")
    assert result.returncode == 0, result.stdout + result.stderr
    server = StaticServer(output)
    server.output = output
    yield server
    server.close()


def follow(page, link):
    """Click a link (a selector or a locator) and wait for the page it opens to load:
    click() returns once the navigation starts, before the new page is there to look at."""
    with page.expect_navigation():
        (page.locator(link) if isinstance(link, str) else link).click()


def open_page(page, site, served_site, where, path):
    base = served_site.url if where == "http" else site.as_uri()
    page.goto(f"{base}/{path}")
    page.evaluate("document.fonts.ready")
    return base


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_month_has_a_calendar_breadcrumb_and_other_months(page, site, served_site, where, prefix):
    base = open_page(page, site, served_site, where, prefix + MONTH)
    crumbs = page.locator(".breadcrumb li")
    assert crumbs.all_inner_texts() == (["Archive", "2021", "December"] if prefix else ["آرکائیو", "2021", "دسمبر"])
    assert crumbs.last.get_attribute("aria-current") == "page"
    assert page.locator(".month-calendar tbody td").count() == 35  # 31 days from a Wednesday
    days = page.locator(".month-calendar a")
    assert days.count() == 1 and days.inner_text().split() == ["28", "1"]
    label = days.get_attribute("aria-label")
    assert label == ("December 28, 2021: 1 article" if prefix else "28 دسمبر، 2021: 1 مضمون")
    # Only months with articles: the archive's next one is four years on.
    assert page.locator(".month-nav a").count() == 1
    assert page.locator(".month-nav .newer-month").inner_text().strip().startswith(("December 2025", "دسمبر 2025"))
    follow(page, days)
    assert page.url == f"{base}/{prefix}{DAY}"
    assert page.locator("h1").inner_text() == ("December 28, 2021" if prefix else "28 دسمبر، 2021")
    assert page.locator(".breadcrumb li").count() == 4
    assert page.locator(".card-title a").get_attribute("href").endswith(f"{ARTICLE}.html")
    follow(page, page.locator(".breadcrumb a").nth(2))
    assert page.url == f"{base}/{prefix}{MONTH}"
    follow(page, ".month-nav .newer-month")
    assert page.url == f"{base}/{prefix}archives/2025-12.html"
    assert page.locator(".month-nav .older-month").count() == 1 and page.locator(".month-nav .newer-month").count() == 0
    assert page.failures == []


# What a finger can hit and an eye can read on a 360 px phone (WCAG 2.5.8: 24 px).
SIZES = """selector => [...document.querySelectorAll(selector)].map(el => {
  const box = el.getBoundingClientRect();
  return [Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10,
          parseFloat(getComputedStyle(el).fontSize), el.textContent.trim()];
})"""


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_timeline_and_calendar_stay_usable_at_360_px(page, served_site, prefix):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{served_site.url}/{prefix}archives.html")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    months = page.evaluate(SIZES, ".timeline td a")
    assert len(months) == 2
    assert all(width >= 24 and height >= 24 for width, height, _, _ in months), months
    labels = page.evaluate(SIZES, ".timeline th")
    assert len(labels) == 12 + 5  # a column per month, a row per year from 2021 to 2025
    assert all(size >= 12 for _, _, size, _ in labels), labels
    years = page.evaluate(SIZES, ".timeline th a")
    assert [text for *_, text in years] == ["2025", "2021"]
    assert all(width >= 24 and height >= 24 for width, height, _, _ in years), years

    page.goto(f"{served_site.url}/{prefix}{MONTH}")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for selector in (".month-calendar a", ".breadcrumb a", ".month-nav a"):
        targets = page.evaluate(SIZES, selector)
        assert targets and all(width >= 24 and height >= 24 for width, height, _, _ in targets), (selector, targets)
    assert all(size >= 12 for _, _, size, _ in page.evaluate(SIZES, ".month-calendar th, .day-count"))
    assert page.failures == []


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_previous_and_next_article_in_date_order(page, site, served_site, where, prefix):
    base = open_page(page, site, served_site, where, f"{prefix}{ARTICLE}.html")
    # 002 (28 December 2021) and 003 (3 December 2025) are the seeds with a date.
    assert page.locator(".story-nav .older-article").count() == 0
    newer = page.locator(".story-nav .newer-article")
    assert newer.locator(".label").inner_text() == ("Next article" if prefix else "اگلی خبر")
    follow(page, newer.locator("a"))
    assert page.url == f"{base}/{prefix}003-d5d1f4a12c482239.html"
    older = page.locator('.story-nav a[rel="prev"]')
    assert older.get_attribute("href").endswith(f"{ARTICLE}.html")
    assert page.locator(".story-nav .newer-article").count() == 0
    follow(page, older)
    assert page.url == f"{base}/{prefix}{ARTICLE}.html"
    assert page.failures == []


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_more_from_the_outlet_and_category(page, reader_site, where, prefix):
    base = open_page(page, reader_site.output, reader_site, where, f"{prefix}{ARTICLE}.html")
    # Newer is 901 (29 December), older 900 (27 December): both Dawn News, so
    # "more from" shows the next nearest, 902.
    assert page.locator('.story-nav a[rel="next"]').get_attribute("href").endswith("901-lahore.html")
    assert page.locator('.story-nav a[rel="prev"]').get_attribute("href").endswith("900-karachi.html")
    more = page.locator(".more-from").first
    assert more.locator("h2").inner_text() == ("More from Dawn News" if prefix else "ڈان نیوز کی مزید خبریں")
    links = more.locator("a")
    assert links.count() == 1 and links.get_attribute("href").endswith(f"{CORRECTED}.html")
    if prefix:  # 901 has no English page: its Urdu page, marked as Urdu
        assert page.locator('.story-nav a[rel="next"]').get_attribute("lang") == "ur"
    page.goto(f"{base}/901-lahore.html")
    headings = page.locator(".more-from h2").all_inner_texts()
    assert headings == ["ڈان نیوز کی مزید خبریں", "پاکستان کی مزید خبریں"]
    assert page.locator(".more-from").nth(1).locator("a").get_attribute("href") == "./900-karachi.html"
    follow(page, page.locator(".more-from").nth(1).locator("a"))
    assert page.url == f"{base}/900-karachi.html"
    assert page.failures == []


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_indexes_of_outlets_and_categories_from_the_navigation(page, reader_site, where, prefix):
    base = open_page(page, reader_site.output, reader_site, where, f"{prefix}index.html")
    follow(page, '.site-nav a[href$="outlets.html"]')
    assert page.url == f"{base}/{prefix}outlets.html"
    assert page.locator('.site-nav a[aria-current="page"]').inner_text() == ("Outlets" if prefix else "ذرائع ابلاغ")
    entries = page.locator(".directory li").all_inner_texts()
    # Most articles first: Dawn News has 002 and the three new stories.
    assert entries[0] == ("Dawn News (4)" if prefix else "ڈان نیوز (4)")
    follow(page, ".directory a >> nth=0")
    assert page.url == f"{base}/{prefix}outlet/dawn-news.html"
    follow(page, '.site-nav a[href$="categories.html"]')
    entries = page.locator(".directory li").all_inner_texts()
    assert entries[0] == ("Pakistan (3)" if prefix else "پاکستان (3)")
    follow(page, ".directory a >> nth=0")
    assert page.url == f"{base}/{prefix}category/pakistan.html"
    assert page.locator(".card").count() == 3
    assert page.failures == []


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_article_says_what_editors_corrected_and_links_its_source(page, reader_site, where, prefix):
    open_page(page, reader_site.output, reader_site, where, f"{prefix}{CORRECTED}.html")
    notes = page.locator(".article-header .corrections").inner_text()
    if prefix:  # the translation has its translator's headline: only the date and outlet
        assert notes == "Date corrected by the editors. Outlet corrected by the editors."
    else:
        assert notes == ("سرخی کی تصحیح ادارتی ٹیم نے کی ہے۔ تاریخ کی تصحیح ادارتی ٹیم نے کی ہے۔ "
                         "ذریعہ ابلاغ کی تصحیح ادارتی ٹیم نے کی ہے۔")
        assert page.locator("h1").inner_text() == "کوئٹہ میں موسم سرما کی پہلی برفباری"
    assert page.locator(".article-header time").get_attribute("datetime") == "2022-01-04"
    source = page.locator(".source-page a")
    assert source.get_attribute("href") == "https://www.dawnnews.tv/news/1174311"
    assert source.get_attribute("rel") == "nofollow noopener"
    assert source.inner_text() == ("Original page" if prefix else "اصل صفحہ")
    assert page.locator(".source-page .host").inner_text() == "(dawnnews.tv)"
    # Articles nobody corrected say nothing of the kind.
    page.goto(page.url.replace(f"{CORRECTED}.html", f"{ARTICLE}.html"))
    assert page.locator(".corrections, .source-page").count() == 0
    assert page.failures == []


def on_this_day(page):
    section = page.locator(".on-this-day")
    links = section.locator(".on-this-day-list a")
    return {
        "intro": section.locator(".on-this-day-intro").inner_text(),
        "years": section.locator(".on-this-day-list time").all_inner_texts(),
        "links": [links.nth(n).get_attribute("href") for n in range(links.count())],
        "empty": section.locator(".on-this-day-empty").is_visible(),
        "note": section.locator(".on-this-day-note").is_visible(),
    }


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_on_this_day_without_script_shows_the_build_day(browser, reader_site, where, prefix):
    """The newest article is of 3 December 2025: the list is that day's in earlier years, and says so."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_page(page, reader_site.output, reader_site, where, f"{prefix}index.html")
    shown = on_this_day(page)
    context.close()
    assert shown["intro"] == ("From December 3 in earlier years" if prefix else "پچھلے برسوں میں 3 دسمبر کی خبریں")
    assert shown["years"] == ["2023"] and shown["links"] == [("../" if prefix else "./") + "903-gwadar.html"]
    assert shown["note"] and not shown["empty"]


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_on_this_day_shows_the_readers_own_day(page, reader_site, where, prefix):
    page.clock.set_fixed_time("2026-12-28T10:00:00")
    base = open_page(page, reader_site.output, reader_site, where, f"{prefix}index.html")
    page.wait_for_function("!document.querySelector('.on-this-day-note').checkVisibility()")
    shown = on_this_day(page)
    assert shown["intro"] == ("From December 28 in earlier years" if prefix else "پچھلے برسوں میں 28 دسمبر کی خبریں")
    assert shown["years"] == ["2021"] and not shown["note"] and not shown["empty"]
    follow(page, ".on-this-day-list a")
    assert page.url == f"{base}/{prefix}{ARTICLE}.html"

    page.clock.set_fixed_time("2026-12-03T10:00:00")
    open_page(page, reader_site.output, reader_site, where, f"{prefix}index.html")
    page.wait_for_function("!document.querySelector('.on-this-day-note').checkVisibility()")
    assert on_this_day(page)["years"] == ["2025", "2023"]  # newest first
    # On 3 December 2025, that day's 2025 article is this year's own, not an earlier year's.
    page.clock.set_fixed_time("2025-12-03T10:00:00")
    open_page(page, reader_site.output, reader_site, where, f"{prefix}index.html")
    page.wait_for_function("!document.querySelector('.on-this-day-note').checkVisibility()")
    assert on_this_day(page)["years"] == ["2023"]
    # On a day with nothing in earlier years, the section says so.
    page.clock.set_fixed_time("2026-06-15T10:00:00")
    open_page(page, reader_site.output, reader_site, where, f"{prefix}index.html")
    page.wait_for_function("!document.querySelector('.on-this-day-note').checkVisibility()")
    shown = on_this_day(page)
    assert shown["years"] == [] and shown["empty"]
    assert shown["intro"] == ("From June 15 in earlier years" if prefix else "پچھلے برسوں میں 15 جون کی خبریں")
    assert page.failures == []


ATOM = "{http://www.w3.org/2005/Atom}"
FOLLOWED = ("outlet", "category", "person", "place", "organisation", "topic")


def feed_links(page_html: str) -> tuple[list[str], list[str]]:
    """(feeds in <head>, feeds linked in the page's body)."""
    head = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', page_html)
    body = re.findall(r'<a class="feed-link" href="([^"]+)" type="application/atom\+xml">', page_html)
    return head, body


def test_every_followed_page_links_its_own_feed_and_the_sites(site):
    checked = unfollowed = 0
    for lang_root in (site, site / "en"):
        for folder in FOLLOWED:
            for page in sorted((lang_root / folder).glob("*.html")):
                head, body = feed_links(page.read_text(encoding="utf-8"))
                if len(head) == 1:
                    # Only undated stories: no feed to follow (it would stay empty), the site's alone.
                    assert body == head and not (lang_root / "feeds" / folder / f"{page.stem}.xml").exists(), page
                    assert "<time" not in page.read_text(encoding="utf-8").split('<ol class="cards">')[1], page
                    unfollowed += 1
                    continue
                site_feed, own = head
                assert body == [own, site_feed], page  # "follow this page", then the footer's
                feed_file = (page.parent / own).resolve()
                assert feed_file.relative_to(lang_root.resolve()).parts[:2] == ("feeds", folder)
                tree = ET.parse(feed_file).getroot()
                assert tree.tag == f"{ATOM}feed" and tree.get("{http://www.w3.org/XML/1998/namespace}lang") == (
                    "en" if lang_root != site else "ur")
                assert tree.find(f"{ATOM}id").text == f"{PUBLIC_URL}/{feed_file.relative_to(site.resolve())}"
                # Relative links from the feed's own folder reach the page and every entry's article.
                alternate = tree.find(f"{ATOM}link[@rel='alternate']").get("href")
                assert (feed_file.parent / alternate).resolve() == page.resolve()
                entries = tree.findall(f"{ATOM}entry")
                for entry in entries:
                    href = entry.find(f"{ATOM}link").get("href")
                    assert (feed_file.parent / href).resolve().is_file(), href
                    assert entry.find(f"{ATOM}id").text.startswith(PUBLIC_URL + "/")
                    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00\+05:00", entry.find(f"{ATOM}updated").text)
                checked += 1
    assert checked > 50 and unfollowed > 10
    assert not (site / "feeds" / "person" / "karen-donfried.xml").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert feed_links(home) == (["./feeds/atom.xml"], ["./feeds/atom.xml", "./feeds/atom.xml"])
    site_feed = ET.parse(site / "en" / "feeds" / "atom.xml").getroot()
    # Every dated story (two of the four seeds), newest first; undated ones need a date to be in a feed.
    assert [e.find(f"{ATOM}id").text for e in site_feed.findall(f"{ATOM}entry")] == [
        f"{PUBLIC_URL}/en/003-d5d1f4a12c482239.html", f"{PUBLIC_URL}/en/{ARTICLE}.html"]


def test_published_feeds_link_under_the_public_address(sub_path_site):
    feed = ET.parse(sub_path_site.output / "en" / "feeds" / "person" / "vladimir-putin.xml").getroot()
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert links[1] == f"{sub_path_site.url}/en/person/vladimir-putin.html"
    for href in links[2:]:
        assert href.startswith(sub_path_site.url + "/")
        assert (sub_path_site.output / href[len(sub_path_site.url) + 1:]).is_file()


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_pages_feed_opens_from_its_visible_link(page, site, served_site, where, prefix):
    base = open_page(page, site, served_site, where, f"{prefix}person/vladimir-putin.html")
    assert page.failures == []
    follow(page, ".follow a")  # (then Chromium asks for /favicon.ico, which a feed does not name)
    assert page.url == f"{base}/{prefix}feeds/person/vladimir-putin.xml"
    # Chromium shows the feed as an XML tree, its source as text.
    shown = page.locator("body").inner_text()
    assert shown.count("<entry>") == 2
    assert ("<title>Vladimir Putin · Akhbar</title>" if prefix else "<title>ولادیمیر پوتن · اخبار</title>") in shown
    # Over http the feed's missing /favicon.ico is the browser's console error, not the site's.
    page.errors = [e for e in page.errors if not (where == "http" and "404" in e)]


def test_a_feed_the_archive_no_longer_has_is_removed(project, tmp_path):
    output = tmp_path / "out"
    assert pelican(project, output).returncode == 0
    gone = output / "en" / "feeds" / "person" / "steve-witkoff.xml"  # named only by 003
    assert gone.is_file()
    (project / "seeds" / "003_d5d1f4a12c482239.txt").unlink()
    (project / "content" / "en" / "003-kremlin-us-talks-constructive.md").unlink()
    result = pelican(project, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not gone.exists() and not (output / "feeds" / "person" / "steve-witkoff.xml").exists()
    assert (output / "en" / "feeds" / "person" / "vladimir-putin.xml").is_file()


# Pages of the reader's archive with every new part filled: on this day, corrections, more from.
READER_PAGES = ["index.html", f"{CORRECTED}.html", "901-lahore.html", f"{ARTICLE}.html",
                "en/index.html", f"en/{CORRECTED}.html", f"en/{ARTICLE}.html"]


@pytest.mark.parametrize("path", READER_PAGES)
def test_axe_finds_no_violations_on_the_readers_pages(browser, reader_site, path):
    assert axe_violations(browser, f"{reader_site.url}/{path}") == []


@pytest.mark.skipif(not VNU_JAR.exists(), reason="no vnu.jar: `make test` fetches it")
def test_nu_html_checker_finds_no_errors_on_the_readers_pages(reader_site):
    pages = [str(reader_site.output / path) for path in READER_PAGES]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", *pages], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
