"""A reader's archive in headless Chromium, in both languages, over http and from
disk: the archive by date, moving between articles, indexes, on this day,
feeds, and what editors corrected."""

import pytest

from .test_browser import page  # noqa: F401 - the fixture, with its list of failed requests

MONTH = "archives/2021-12.html"
DAY = "archives/2021-12-28.html"
ARTICLE = "002-6aa83e8293d70fa7"


def open_page(page, site, served_site, where, path):  # noqa: F811
    base = served_site.url if where == "http" else site.as_uri()
    page.goto(f"{base}/{path}")
    page.evaluate("document.fonts.ready")
    return base


@pytest.mark.parametrize("where", ["http", "file"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_month_has_a_calendar_breadcrumb_and_other_months(page, site, served_site, where, prefix):  # noqa: F811
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
    days.click()
    assert page.url == f"{base}/{prefix}{DAY}"
    assert page.locator("h1").inner_text() == ("December 28, 2021" if prefix else "28 دسمبر، 2021")
    assert page.locator(".breadcrumb li").count() == 4
    assert page.locator(".card-title a").get_attribute("href").endswith(f"{ARTICLE}.html")
    page.locator(".breadcrumb a").nth(2).click()
    assert page.url == f"{base}/{prefix}{MONTH}"
    page.click(".month-nav .newer-month")
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
def test_the_timeline_and_calendar_stay_usable_at_360_px(page, served_site, prefix):  # noqa: F811
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
