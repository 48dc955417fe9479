"""The archive's two languages and what the code knows of each."""

import datetime as dt
from functools import cache

from babel.dates import format_date

# Urdu first: the default language, whose pages are at the root of the site.
LANGUAGES = ("ur", "en")
DIRECTION = {"ur": "rtl", "en": "ltr"}
# As the build summary names them.
LANGUAGE_NAMES = {"ur": "Urdu", "en": "English"}
# Silent reading speed, words per minute: Nastaliq Urdu reads slower than English.
READING_SPEED = {"ur": 180, "en": 230}


def page_language(context) -> str:
    """The language of the page a template renders: `page_lang` in its
    context, else its article's or page's `lang`."""
    lang = context.get("page_lang")
    if not lang:
        item = context.get("article") or context.get("page")
        lang = getattr(item, "lang", None) or context.get("DEFAULT_LANG", "ur")
    return lang if lang in LANGUAGES else "en"


def date_text(value, lang: str) -> str:
    """A date the way the page's language writes it: "3 دسمبر، 2025", "December 3, 2025"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _long_date(value, lang)


# Babel formats a date in tens of microseconds; an archive has a few thousand
# dates, each shown on many pages.
@cache
def _long_date(value: dt.date, lang: str) -> str:
    return format_date(value, format="long", locale=lang)
