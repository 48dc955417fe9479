"""The site as readers get it, in headless Chromium: direction, fonts, switching
languages, accessibility, and every page working from disk and under a sub-path."""


import pytest

from .conftest import axe_violations

ARTICLE = "002-6aa83e8293d70fa7"
SAMPLE = ["index.html", f"{ARTICLE}.html", "person/vladimir-putin.html", "archives/2021-12.html",
          "archives/2021-12-28.html", "archives.html", "search.html", "404.html", "entities.html",
          "outlets.html", "categories.html", "pages/about.html"]
BOTH_LANGUAGES = SAMPLE + [f"en/{page}" for page in SAMPLE]


def test_urdu_reads_right_to_left_in_nastaliq(page, served_site):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{served_site.url}/{ARTICLE}.html")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.locator("h1").bounding_box()
    main = page.locator("main").bounding_box()
    # Start-aligned in RTL: the headline hugs the right edge of the column.
    assert abs((main["x"] + main["width"]) - (heading["x"] + heading["width"])) < 20
    assert page.evaluate("document.fonts.check('20px \"Akhbar Nastaliq\"', 'روس')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Nastaliq') && f.status === 'loaded')")
    line_height = page.evaluate("(style => parseFloat(style.lineHeight) / parseFloat(style.fontSize))"
                                "(getComputedStyle(document.querySelector('.article-body p')))")
    assert 2.0 <= line_height <= 2.2
    # Nothing wider than a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.failures == []


@pytest.mark.parametrize("path", ["index.html", "en/index.html", f"en/{ARTICLE}.html", "en/search.html"])
def test_nothing_is_wider_than_a_small_phone(page, served_site, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{served_site.url}/{path}")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_english_reads_left_to_right_without_webfont(page, served_site):
    fonts = []
    page.on("request", lambda request: request.url.endswith(".woff2") and fonts.append(request.url))
    page.goto(f"{served_site.url}/en/{ARTICLE}.html")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    heading = page.locator("h1").bounding_box()
    main = page.locator("main").bounding_box()
    assert abs(main["x"] - heading["x"]) < 20
    assert fonts == []
    assert page.failures == []


def test_language_switch_goes_to_the_counterpart(page, served_site):
    page.goto(f"{served_site.url}/{ARTICLE}.html")
    page.click(".language-switch")
    assert page.url == f"{served_site.url}/en/{ARTICLE}.html"
    assert page.locator("h1").inner_text() == "Russia to hold security talks with the US next month"
    page.click(".language-switch")
    assert page.url == f"{served_site.url}/{ARTICLE}.html"
    page.goto(f"{served_site.url}/person/vladimir-putin.html")
    page.click(".language-switch")
    assert page.url == f"{served_site.url}/en/person/vladimir-putin.html"
    assert page.locator("h1").inner_text() == "Vladimir Putin"


@pytest.mark.parametrize("path", BOTH_LANGUAGES)
def test_axe_finds_no_violations(browser, served_site, path):
    assert axe_violations(browser, f"{served_site.url}/{path}") == []


def test_every_page_works_from_disk(page, site):
    """file:// with no server: every asset loads, every link opens a file, not a folder."""
    for path in BOTH_LANGUAGES:
        page.goto((site / path).as_uri())
        page.evaluate("document.fonts.ready")
    assert page.failures == []
    page.goto((site / "index.html").as_uri())
    for link in ("site-nav a >> nth=1", ".timeline a >> nth=0", ".card-title a >> nth=0", ".language-switch"):
        page.click(f".{link}" if link.startswith("site-nav") else link)
        assert page.url.endswith(".html"), page.url
        assert page.locator("h1").count() == 1
    assert page.failures == []


def test_sub_path_hosting_with_absolute_urls(page, sub_path_site):
    page.goto(f"{sub_path_site.url}/index.html")
    page.click(".card-title a >> nth=0")
    assert page.url.startswith(f"{sub_path_site.url}/")
    page.click(".language-switch")
    assert page.url.startswith(f"{sub_path_site.url}/en/")
    page.goto(f"{sub_path_site.url}/en/archives.html")
    page.evaluate("document.fonts.ready")
    assert page.failures == []
    assert all(status < 400 for _, status in sub_path_site.requests)
    assert (sub_path_site.output / "feeds" / "atom.xml").exists()
    assert (sub_path_site.output / "en" / "feeds" / "atom.xml").exists()


def test_dark_mode_and_print(browser, served_site):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{served_site.url}/{ARTICLE}.html")
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(22, 22, 20)"
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".article-body").is_visible()
    context.close()


def test_nastaliq_is_not_clipped_in_form_controls_or_under_links(page, served_site):
    page.goto(f"{served_site.url}/search.html?q=پوتن")
    page.evaluate("document.fonts.ready")
    ratio = """el => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize)"""
    assert page.locator("#search-query").evaluate(ratio) >= 2.0
    # Chromium draws a select's text at the font's normal line height, which cuts
    # Nastaliq off however tall the box (a box 2.6 times the text's size did): Naskh fits.
    for select in page.locator(".filter-grid select").all():
        assert select.evaluate("el => getComputedStyle(el).fontFamily").startswith('"Akhbar Naskh"')
    offset = page.locator(".site-nav a").first.evaluate(
        "el => parseFloat(getComputedStyle(el).textUnderlineOffset) / parseFloat(getComputedStyle(el).fontSize)")
    assert offset >= 0.5
    assert page.locator("h1").evaluate("el => getComputedStyle(el).textWrap") == "balance"
    # The English page keeps its own, tighter line height.
    page.goto(f"{served_site.url}/en/search.html")
    assert page.locator("#search-query").evaluate(ratio) < 1.8
    # So does the header's search box on every other page.
    page.goto(f"{served_site.url}/index.html")
    assert page.locator("#site-search-query").evaluate(ratio) >= 2.0


def test_navigation_marks_the_current_page_and_search_takes_the_keyboard(page, served_site):
    for path, current in (("index.html", "index.html"), ("search.html", "search.html"),
                          ("en/archives.html", "archives.html"), (f"{ARTICLE}.html", None)):
        page.goto(f"{served_site.url}/{path}")
        marked = page.locator('.site-nav a[aria-current="page"]')
        if current is None:
            assert marked.count() == 0
        else:
            assert marked.count() == 1 and marked.get_attribute("href").endswith(current)
    page.goto(f"{served_site.url}/search.html")
    assert page.evaluate("document.activeElement.id") == "search-query"


def test_digits_in_urdu_text_come_from_the_bundled_nastaliq(page, served_site):
    fonts = []
    page.on("request", lambda request: request.url.endswith(".woff2") and fonts.append(request.url.rsplit("/", 1)[1]))
    page.goto(f"{served_site.url}/archives/2021-12.html")
    page.evaluate("document.fonts.ready")
    assert "nastaliq-digits.woff2" in fonts
    assert page.evaluate("document.fonts.check('20px \"Akhbar Nastaliq\"', '2026')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Nastaliq') "
                         "&& f.unicodeRange.includes('U+30-39') && f.status === 'loaded')")
    # What Chromium drew the heading's digits with: a bundled font, not a system serif.
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    node = session.send("DOM.querySelector", {"nodeId": session.send("DOM.getDocument")["root"]["nodeId"],
                                             "selector": "h1"})["nodeId"]
    used = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert {font["familyName"] for font in used} <= {"Noto Nastaliq Urdu"}, used
