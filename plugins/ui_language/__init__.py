"""UI language: the theme's strings, dates and numbers in the language of each page.

Strings come from gettext catalogues in the theme that editors extend
(`<THEME>/translations/<lang>/LC_MESSAGES/messages.po`, read with Babel, no
compiled .mo files to keep in sync). Dates and numbers come from CLDR through
Babel, never from the operating system's locale, with the Western digits
Pakistani outlets print.

Templates call `_()` / `ngettext()` as usual; the language is the page's
(`page_lang` in the context, else the article's or page's `lang`).
"""

import datetime as dt
import gettext
import io
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import pass_context
from pelican import signals

from akhbar.languages import DIRECTION, date_text, page_language


@lru_cache(maxsize=8)
def catalogue(folder: str, lang: str) -> gettext.NullTranslations:
    path = Path(folder) / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        messages = read_po(po, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def month_text(year: int, month: int, lang: str) -> str:
    return format_date(dt.date(year, month, 1), format="MMMM y", locale=lang)


def number_text(value, lang: str) -> str:
    return format_decimal(value, locale=lang)


def install(generator):
    folder = str(Path(generator.settings["THEME"]) / "translations")

    @pass_context
    def ui_gettext(context, message):
        return catalogue(folder, page_language(context)).gettext(message)

    @pass_context
    def ui_ngettext(context, singular, plural, number):
        return catalogue(folder, page_language(context)).ngettext(singular, plural, number)

    @pass_context
    def ui_lang(context):
        return page_language(context)

    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(ui_gettext, ui_ngettext, newstyle=True)
    env.globals["ui_lang"] = ui_lang
    env.globals["DIRECTION"] = DIRECTION
    env.filters["date_text"] = date_text
    env.filters["number_text"] = number_text
    env.globals["month_text"] = month_text


def register():
    signals.generator_init.connect(install)
