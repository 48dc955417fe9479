"""Keep the theme's catalogues in step with its templates.

`python -m ui_language update THEME` adds every string the templates use to
each language's messages.po (untranslated strings get an empty msgstr);
`missing_translations` lists what a catalogue still lacks, for `make check`
and the tests.
"""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from akhbar.languages import LANGUAGES

# Pages (.html) and feeds (atom.xml) are Jinja templates with strings to translate.
METHOD_MAP = [("**.html", "jinja2"), ("**.xml", "jinja2")]
_JINJA = {"extensions": "jinja2.ext.i18n,jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true",
          "silent": "false"}  # a template the extractor cannot parse is an error, not skipped
OPTIONS = {"**.html": _JINJA, "**.xml": _JINJA}


def template_messages(theme: Path) -> Catalog:
    template = Catalog(project="Akhbar theme")
    for filename, lineno, message, comments, _context in extract_from_dir(
        str(theme / "templates"), METHOD_MAP, OPTIONS
    ):
        template.add(message, locations=[(f"templates/{filename}", lineno)], auto_comments=comments)
    return template


def po_path(theme: Path, lang: str) -> Path:
    return theme / "translations" / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(theme: Path, lang: str) -> Catalog:
    path = po_path(theme, lang)
    if not path.exists():
        return Catalog(locale=lang)
    with path.open("rb") as po:
        return read_po(po, locale=lang)


def missing_translations(theme: Path) -> list[str]:
    """`catalogue: reason (used at template:line)` for each template string a
    catalogue does not translate."""
    problems = []
    for message in template_messages(theme):
        if not message.id:
            continue
        for lang in LANGUAGES:
            found = read_catalogue(theme, lang).get(message.id)
            strings = found.string if found else None
            if not found or not (all(strings) if isinstance(strings, tuple) else strings):
                where = message.locations[0] if message.locations else ("templates", 0)
                msgid = message.id[0] if isinstance(message.id, tuple) else message.id
                problems.append(
                    f"{po_path(theme, lang)}: no {lang} translation for {msgid!r} (used at {where[0]}:{where[1]})"
                )
    return problems


def update(theme: Path) -> None:
    template = template_messages(theme)
    for lang in LANGUAGES:
        catalogue = read_catalogue(theme, lang)
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.project, catalogue.version = "Akhbar theme", "1"
        catalogue.fuzzy = False  # a fuzzy header would be dropped, and its charset with it
        path = po_path(theme, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as po:
            write_po(po, catalogue, omit_header=False, sort_output=True, width=100)
