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
from markupsafe import Markup
from pelican import signals

from akhbar.bidi import isolate_html, isolate_runs
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
    # Each page asks for a few dozen strings, the same on every page of its
    # language: looked up and escaped once per build, not on every call.
    translated = {}

    def localised(context, text):
        # As Jinja's "newstyle" gettext does: escaped when the template is.
        return Markup(text) if context.eval_ctx.autoescape else text

    @pass_context
    def ui_gettext(context, message, **variables):
        lang = page_language(context)
        if variables:
            return localised(context, catalogue(folder, lang).gettext(message)) % variables
        key = (lang, context.eval_ctx.autoescape, message)
        if key not in translated:
            # Always a format string, as in Jinja: "%%" is "%" even with no variables.
            translated[key] = localised(context, catalogue(folder, lang).gettext(message)) % {}
        return translated[key]

    @pass_context
    def ui_ngettext(context, singular, plural, number, **variables):
        variables.setdefault("num", number)
        text = catalogue(folder, page_language(context)).ngettext(singular, plural, number)
        return localised(context, text) % variables

    @pass_context
    def ui_lang(context):
        return page_language(context)

    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.newstyle_gettext = True  # what {% trans %} blocks are compiled for
    env.globals.update(gettext=ui_gettext, _=ui_gettext, ngettext=ui_ngettext)
    env.globals["ui_lang"] = ui_lang
    env.globals["DIRECTION"] = DIRECTION
    env.filters["date_text"] = date_text
    env.filters["number_text"] = number_text
    env.filters["isolated"] = isolated
    env.globals["month_text"] = month_text


def isolated(text, lang: str) -> Markup:
    """`{{ title|isolated(lang) }}`: the other script's runs in a text of
    language `lang` isolated (akhbar.bidi); text already HTML stays HTML."""
    if isinstance(text, Markup):
        return Markup(isolate_html(str(text), lang))
    return Markup(isolate_runs(str(text), lang))


def register():
    signals.generator_init.connect(install)
