"""Search in headless Chromium: Pagefind over http (root and sub-path), the
offline index from disk, and the same answers, in the same order, from both."""

import datetime as dt
import json
import re
from urllib.parse import quote

import pytest

from akhbar.collation import collation_key
from search_index.folding import fold, search_words

from .conftest import ROOT

ALL = {"000-947afd4b53ab818c", "001-5fdcb9c48dad7940", "002-6aa83e8293d70fa7", "003-d5d1f4a12c482239"}


def results(page, base: str, search_page: str, query: str = "", **filters) -> list[str]:
    """Slugs of the articles the search page lists for a query, sorted."""
    return sorted(listed(page, base, search_page, query, **filters))


def listed(page, base: str, search_page: str, query: str = "", **filters) -> list[str]:
    """Slugs of the articles the search page lists for a query, in its order."""
    params = "&".join([f"q={quote(query)}", *(f"{k}={quote(v)}" for k, v in filters.items())])
    page.goto(f"{base}/{search_page}?{params}")
    page.wait_for_selector("#search-status[data-state=done]", state="attached", timeout=10_000)
    hrefs = page.eval_on_selector_all("#search-results .card-title a", "els => els.map(a => a.href)")
    return [href.rsplit("/", 1)[1].removesuffix(".html") for href in hrefs]


@pytest.fixture(params=["http", "file", "sub-path"])
def where(request, site, served_site, sub_path_site):
    """The base URL of a site to search: served, from disk, or under /archive."""
    if request.param == "http":
        return served_site.url
    if request.param == "file":
        return site.as_uri()
    return sub_path_site.url


@pytest.mark.parametrize("urdu, arabic_keyboard", [
    ("نیٹو", "نيٹو"),               # ي for ی
    ("مذاکرات", "مذاكرات"),         # ك for ک
    ("کہا", "كها"),                 # ك and ه
    ("وٹکوف", "وِٹکوف"),             # a zer the Urdu spelling leaves out
    ("یوکرین", "يوكرين"),
])
def test_arabic_keyboard_and_diacritics_find_the_same(page, where, urdu, arabic_keyboard):
    expected = results(page, where, "search.html", urdu)
    assert expected
    assert results(page, where, "search.html", arabic_keyboard) == expected


@pytest.mark.parametrize("spelling, expected", [
    # Putin is named in all four seeds, spelt three ways.
    ("پوتن", ALL), ("پیوٹن", ALL), ("پوٹن", ALL), ("ولادیمیر پوتن", ALL),
    # Donfried only in 000, spelt ڈانفرائیڈ, ڈونفائیڈ and ڈانفریڈ.
    ("ڈانفرائیڈ", {"000-947afd4b53ab818c"}), ("ڈونفائیڈ", {"000-947afd4b53ab818c"}),
    ("کیرن ڈانفریڈ", {"000-947afd4b53ab818c"}),
    # Peskov as پیسکوف (000, 001) and پاسکوف (002).
    ("پاسکوف", {"000-947afd4b53ab818c", "001-5fdcb9c48dad7940", "002-6aa83e8293d70fa7"}),
])
def test_every_spelling_finds_every_article_about_the_person(page, where, spelling, expected):
    assert set(results(page, where, "search.html", spelling)) == expected


@pytest.mark.parametrize("search_page", ["search.html", "en/search.html"])
@pytest.mark.parametrize("query, expected", [
    ("Putin", ALL),
    ("NATO", ALL),
    ("Ukraine", ALL),
    ("Minsk agreements", {"000-947afd4b53ab818c"}),
    ("Lavrov", {"002-6aa83e8293d70fa7"}),
])
def test_english_names_find_urdu_articles(page, where, search_page, query, expected):
    assert set(results(page, where, search_page, query)) == expected


@pytest.mark.parametrize("query", ["پوتنز", "زیبرا", "Putinski", "xyzzy"])
def test_a_word_in_no_article_finds_nothing(page, where, query):
    # پوتنز begins no indexed word; Pagefind alone would answer with پوتن.
    assert results(page, where, "search.html", query) == []
    assert "کوئی نتیجہ نہیں" in page.inner_text("#search-status")


def test_filters_and_bookmarkable_query(page, where):
    assert results(page, where, "search.html", "روس", outlet="dawn-news") == ["002-6aa83e8293d70fa7"]
    # Each hit shows its date and outlet in the page's language.
    assert page.inner_text("#search-results .meta") == "28 دسمبر، 2021 · ڈان نیوز"
    assert results(page, where, "search.html", person="sergei-lavrov") == ["002-6aa83e8293d70fa7"]
    assert results(page, where, "en/search.html", "Putin", year="2025") == ["003-d5d1f4a12c482239"]
    assert results(page, where, "en/search.html", "Putin", language="en") == sorted(ALL)
    # The page keeps the query and filters it was opened with.
    assert page.input_value("#search-query") == "Putin"
    assert page.input_value("select[name=language]") == "en"


def test_filters_alone_that_match_nothing_say_so(page, served_site):
    # Filters from the URL, no words: no quotes around an empty query, and the
    # filters shown, not folded away; a value no article has says so too.
    assert results(page, served_site.url, "search.html", year="2025", person="sergei-lavrov") == []
    assert page.inner_text("#search-status") == "ان فلٹرز پر پوری اترنے والی کوئی خبر نہیں۔"
    assert page.locator(".search-filters").get_attribute("open") is not None
    assert results(page, served_site.url, "en/search.html", year="2019") == []
    assert page.inner_text("#search-status") == "No articles match these filters."


def test_a_language_filter_shows_that_languages_versions(page, served_site):
    results(page, served_site.url, "search.html", "پوتن", language="en")
    hrefs = page.eval_on_selector_all("#search-results .card-title a", "els => els.map(a => a.href)")
    assert len(hrefs) == 4 and all("/en/" in href for href in hrefs)
    assert page.locator("#search-results .card-title").first.get_attribute("lang") == "en"
    assert "انگریزی میں" in page.inner_text("#search-results .meta >> nth=0")


def test_results_link_to_articles_in_the_page_language(page, where):
    results(page, where, "en/search.html", "پوتن")
    hrefs = page.eval_on_selector_all("#search-results .card-title a", "els => els.map(a => a.href)")
    assert len(hrefs) == 4 and all("/en/" in href for href in hrefs)
    page.click("#search-results .card-title a >> nth=0")
    assert page.locator("html").get_attribute("lang") == "en"
    results(page, where, "search.html", "Putin")
    assert page.locator("#search-results mark").count() > 0
    assert page.locator("#search-results .excerpt").first.get_attribute("dir") == "rtl"


def test_an_excerpt_leaves_out_the_title_and_marks_where_the_caption_ends(page, where):
    results(page, where, "en/search.html", "Lavrov")
    excerpt = page.inner_text("#search-results .excerpt")
    caption = "Sergei Lavrov spoke of talks next month in an interview (Photo: AP)"
    assert excerpt.startswith(f"{caption} · Russia's diplomats")
    assert "Russia to hold security talks" not in excerpt  # the card's heading already


def test_search_page_strings_in_both_languages(page, served_site):
    results(page, served_site.url, "search.html", "زیبرا")
    assert page.inner_text("#search-status") == "“زیبرا” کے لیے کوئی نتیجہ نہیں ملا۔"
    results(page, served_site.url, "en/search.html", "Lavrov")
    assert page.inner_text("#search-status") == "1 result"


def test_only_articles_are_indexed(site):
    # One bundle per year of publication, each in its own language tag.
    counts = {}
    for entry_file in sorted((site / "pagefind").glob("*/pagefind-entry.json")):
        entry = json.loads(entry_file.read_text())
        [(language, index)] = entry["languages"].items()
        assert language == f"ur-x-{entry_file.parent.name}"
        counts[entry_file.parent.name] = index["page_count"]
    assert counts == {"2021": 2, "2025": 2, "undated": 4}
    # A record file per Pagefind record, numbered in rank order, newest first.
    urls = {}
    for bundle, count in counts.items():
        assert (site / "search/offline" / bundle / "docs.js").is_file()
        for number in range(count):
            script = (site / "search/records" / bundle / f"{number}.js").read_text(encoding="utf-8")
            urls[bundle, number] = json.loads(script[script.index(",") + 1:script.rindex(")")])["url"]
    assert not (site / "search/records/2025" / "2.js").exists()
    assert sorted(urls.values()) == sorted([f"{slug}.html" for slug in ALL] + [f"en/{slug}.html" for slug in ALL])
    assert urls["undated", 0] == "000-947afd4b53ab818c.html" and urls["undated", 3] == "en/001-5fdcb9c48dad7940.html"


# Urdu and English as readers type them: keyboard letters, typing variants,
# harakat, digits, joiners, and what Unicode does to case and accents.
PARITY = [
    "شاہین آفریدی", "شاھین افریدی", "شاہین شاہ آفریدی", "یحییٰ آفریدی", "یحیی آفريدي",
    "کھا کہا بھی بہی پھر پہر تھا دھوکا ڈھاکہ پڑھ گھر کھیل", "تمھارا تمہارا انھوں انہوں ننھا دولھا ھم وھ",
    "گۓ گئے لۓ لئے لیے کئے کیے دیئے", "گاؤں گائوں گاوں دباؤ دبائو مؤقف موقف", "أحمد إسلام ٱلله",
    "علماء ابتداء وزراء وزرائے", "نقطۂ نظر قطرۂ ۀ", "جرأت ٴ", "وِٹکوف وَزیرِاعظم پُرانا ـــلمبا", "نيٹو مذاكرات كها ة ۃ",
    "۲۰۲۵ ٢٠٢٥ 2025 ١٤ مارچ، 2026", "ٹیلی\u200cویژن می\u200cخواہم a\u200db", "\u202bپوتن\u202c \u200eبائیڈن\u200f",
    "Putin's talks, 2,000 under_score e-mail", "Türkiye İstanbul Café naïve Ærø straße ΟΔΟΣ", "ﷲ ﻻ ﬁnal ①②",
    "PM Shehbaz Sharif; Imran Khan (PTI) — 'Afridi'", "x\u0301y \u00adsoft\u00adhyphen zero\u200bwidth",
    "emoji 🇵🇰 🙂 ok", "", "   ", "۔ ، ؟ ؛",
]


@pytest.mark.parametrize("base", ["http", "file"])
def test_the_page_folds_and_splits_text_as_the_index_was_written(page, site, served_site, base):
    # The page reads the folding tables the build wrote: the same folds and
    # words in Chromium as in Python, string for string.
    url = served_site.url if base == "http" else site.as_uri()
    page.goto(f"{url}/search.html")
    browser = page.evaluate("texts => texts.map(t => [AkhbarSearch.fold(t), AkhbarSearch.words(t)])", PARITY)
    assert browser == [[fold(text), search_words(text)] for text in PARITY]
    assert search_words("شاھین افریدی") == search_words("شاہین آفریدی") == ["شاہین", "افریدی"]


ORDER_QUERIES = ["پوتن", "روس", "کہا", "بات چیت", "talks", "روس talks", "Putin Biden", "امریکہ"]


def test_results_come_in_the_same_order_over_http_and_from_disk(page, site, served_site):
    # Ranked by how often an article uses the query's words, then newest
    # first, then by URL: the two undated stories (000, 001) always in that order.
    assert listed(page, served_site.url, "search.html", "پوتن") == [
        "003-d5d1f4a12c482239", "002-6aa83e8293d70fa7", "000-947afd4b53ab818c", "001-5fdcb9c48dad7940"]
    for query in ORDER_QUERIES:
        over_http = listed(page, served_site.url, "search.html", query)
        assert over_http, query
        assert listed(page, site.as_uri(), "search.html", query) == over_http, query
        assert listed(page, served_site.url, "en/search.html", query) == over_http, query


def test_the_search_script_holds_no_table_of_its_own():
    # Python is the one source of what the page knows (search_index/contract.py
    # and the lexicon): the script's code has no letter beyond ASCII, builds no
    # token, and knows no language, entity kind or layout of the offline index
    # by name (it names only Pagefind's own files and the folders they are in).
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", (ROOT / "theme/static/js/search.js").read_text(), flags=re.S)
    assert not [c for c in code if c.isalnum() and not c.isascii()]
    for fact in ('"xe"', '"xf"', "x[ef]", '"ur"', '"rtl"', '"person"', "padStart", "36", "slice(0, 2)"):
        assert fact not in code, fact


# -- the header's search box, the order of results, the filters ---------------

HEADER_BOX = {"ur": "آرکائیو میں تلاش کریں", "en": "Search the archive"}


@pytest.mark.parametrize("start, lang", [("002-6aa83e8293d70fa7.html", "ur"), ("en/archives/2021-12.html", "en")])
def test_the_header_search_box_leads_to_the_search_page_with_results(page, where, start, lang):
    page.goto(f"{where}/{start}")
    header = page.locator(".site-header").get_by_role("search")
    header.get_by_label(HEADER_BOX[lang], exact=True).fill("پوتن")
    header.get_by_role("button").click()
    page.wait_for_selector("#search-status[data-state=done]", state="attached", timeout=10_000)
    search_page = "search.html" if lang == "ur" else "en/search.html"
    assert page.url == f"{where}/{search_page}?q={quote('پوتن')}"
    assert page.input_value("#search-query") == "پوتن"
    hrefs = page.eval_on_selector_all("#search-results .card-title a", "els => els.map(a => a.href)")
    assert sorted(href.rsplit("/", 1)[1].removesuffix(".html") for href in hrefs) == sorted(ALL)
    # The search page has its own form in place of the header's.
    assert page.locator("#site-search-query").count() == 0


def test_the_header_search_box_needs_no_script(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "en/person/vladimir-putin.html").as_uri())
    page.get_by_label(HEADER_BOX["en"], exact=True).fill("Lavrov")
    page.get_by_label(HEADER_BOX["en"], exact=True).press("Enter")
    page.wait_for_url("**/en/search.html?q=Lavrov")
    context.close()


def shown_dates(page) -> list:
    """The date of each result the English search page lists, None for an undated one."""
    lines = page.eval_on_selector_all("#search-results .meta", "els => els.map(e => e.textContent)")
    return [None if line.startswith("Date unknown") else dt.datetime.strptime(line.split(" · ")[0], "%B %d, %Y")
            for line in lines]


def test_sorting_by_date_puts_newer_results_first(page, where):
    # "talks": the 2021 article uses the word most often, the 2025 one less.
    by_relevance = listed(page, where, "en/search.html", "talks")
    assert shown_dates(page)[:2] == [dt.datetime(2021, 12, 28), dt.datetime(2025, 12, 3)]
    by_date = listed(page, where, "en/search.html", "talks", sort="date")
    dates = shown_dates(page)
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))
    assert sorted(by_date) == sorted(by_relevance) and by_date != by_relevance
    assert page.is_checked("input[name=sort][value=date]")
    # Another order shows at once, and the URL keeps it.
    run = int(page.get_attribute("#search-status", "data-run"))
    page.get_by_label("Most relevant first").check()
    page.wait_for_selector(f"#search-status[data-state=done][data-run='{run + 1}']", state="attached")
    assert page.url.endswith("sort=relevance")
    assert page.eval_on_selector_all("#search-results .card-title a", "els => els.map(a => a.href)") == [
        f"{where}/en/{slug}.html" for slug in by_relevance]
    # The Urdu page offers the same orders.
    assert listed(page, where, "search.html", "بات چیت", sort="date")[0] == "003-d5d1f4a12c482239"
    assert listed(page, where, "search.html", "بات چیت")[0] != "003-d5d1f4a12c482239"


@pytest.mark.parametrize("search_page, labels", [
    ("search.html", {"outlet": "ذریعہ ابلاغ", "organisation": "تنظیم", "person": "شخصیت"}),
    ("en/search.html", {"outlet": "Outlet", "organisation": "Organisation", "person": "Person"}),
])
def test_each_filter_has_a_label_of_its_own(page, site, search_page, labels):
    page.goto((site / search_page).as_uri())
    for name, label in labels.items():
        assert page.get_by_label(label, exact=True).get_attribute("name") == name
    names = page.eval_on_selector_all(".filter-grid select",
                                      "els => els.map(s => s.labels[0].textContent)")
    assert len(names) == 6 and len(set(names)) == 6


def test_filter_options_come_in_alphabetical_order(page, site):
    def options(search_page, kind):
        page.goto((site / search_page).as_uri())
        return page.eval_on_selector_all(f"select[name={kind}] option[value]:not([value=''])",
                                         "els => els.map(o => o.textContent)")

    people, places = options("search.html", "person"), options("search.html", "place")
    for names in (people, places, options("search.html", "organisation"), options("search.html", "outlet")):
        assert names == sorted(names, key=collation_key)
    # Urdu's order, not the order of code points (ڈ U+0688 after و, ک U+06A9 after م).
    assert people.index("دمیترو کولیبا") < people.index("ڈونلڈ ٹرمپ") < people.index("سرگئی ریابکوف")
    assert places.index("جنیوا") < places.index("ڈونباس") < places.index("روس")
    assert places.index("کیف") < places.index("ماسکو") < places.index("یوکرین")
    assert people != sorted(people) and places != sorted(places)
    english = options("en/search.html", "person")
    assert english == sorted(english) and english[0] == "Alexei Ivanov"


def test_a_name_loads_only_the_bundles_that_name_it(page, served_site, site):
    """The build lists, for each name, the bundles whose articles name it;
    over http a search for a name loads only those (here the undated bundle,
    not 2021's), and finds what the complete index finds from disk."""
    lexicon = json.loads((site / "search" / "lexicon.js").read_text(encoding="utf-8")
                         .split("=", 1)[1].strip().rstrip(";"))
    token = next(token for _, token, entry in lexicon["variants"] if entry == "alexei-ivanov")
    holders = lexicon["token_bundles"][token]
    others = [name for place, name in enumerate(lexicon["bundles"]) if place not in holders and place > 0]
    assert others, lexicon["bundles"]  # a bundle, besides the newest, that this name is not in
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    over_http = results(page, served_site.url, "search.html", "الیکسی ایوانوف")
    assert over_http and over_http == results(page, site.as_uri(), "search.html", "الیکسی ایوانوف")
    assert not [url for url in asked for name in others if f"/pagefind/{name}/" in url], asked
    # A word that is no name still asks every bundle.
    asked.clear()
    results(page, served_site.url, "search.html", "کہا")
    assert all(any(f"/pagefind/{name}/" in url for url in asked) for name in others), asked
