"""The theme's catalogues and CLDR text per page language."""

from pathlib import Path

from ui_language import catalogue, month_text, number_text
from ui_language.catalogues import missing_translations

THEME = Path(__file__).resolve().parents[3] / "theme"


def test_months_and_numbers_in_each_language():
    assert month_text(2026, 3, "ur") == "مارچ 2026"
    assert month_text(2026, 3, "en") == "March 2026"
    assert number_text(12345, "en") == "12,345"


def test_every_string_of_the_templates_is_translated_in_both_catalogues():
    assert missing_translations(THEME) == []
    urdu = catalogue(str(THEME / "translations"), "ur")
    assert urdu.gettext("Search") != "Search"  # an Urdu word, not the English fallback
