"""What an editor may write in a Markdown file: checked before Pelican reads it.

Pelican crashes, or says "Could not process" with no line, on a `Date:` that
is no day, a `Template:` the theme lacks or a draft; an unchecked `Lang:` is
written into paths and sitemap.xml. Each problem here is `path:line: reason`,
and the file is not built. The markdown_reader plugin and `make check`
(seed_reader.cli) run the same checks.
Pure logic, no Pelican.
"""

import datetime as dt
import os
import re

import nh3

from . import urls
from .archive_dates import YEARS as SUPPORTED_YEARS
from .languages import LANGUAGES
from .sources import refusal

FIELD = re.compile(r"^([A-Za-z][A-Za-z_-]*):\s*(.*)$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
# A draft is kept out of the archive (Pelican would write it to drafts/, which
# this theme cannot render); `hidden` would publish a page no listing shows.
STATUSES = ("published", "draft")
# Each kind has one template in the theme; another would render without the
# values it needs.
TEMPLATES = {"article": "article", "page": "page"}
# Save_as and URL name a page of the site: a relative path to an .html file.
PAGE_PATH = re.compile(r"^[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.html$")
# {attach} and {static} links name a file to copy into the site: Pelican
# copies whatever path they give, /etc/hostname or .git/config included, and
# writes it wherever its path leads. Pelican takes them from eight attributes
# (href, src, cite, data, poster, action ...); any quoted attribute of any tag
# is looked at here, so none it may add is missed.
TAG = re.compile(r"<[^>]+>")
FILE_MARKER = r"[{|](?:attach|static)[|}]"
FILE_LINK = re.compile(rf"""=\s*(["'])({FILE_MARKER}.*?)\1""")
ATTACHMENTS_FOLDER = "content"


def header(text: str) -> tuple[dict[str, tuple[int, str]], list[tuple[int, str]]]:
    """The `Key: value` lines before the first blank line, by lower-case key,
    with their line numbers; and (line, reason) for a line that is not one."""
    fields, problems = {}, []
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), 1):
        if not line.strip():
            break
        match = FIELD.match(line)
        if not match:
            problems.append((number, "expected a `Key: value` metadata line before the first blank line"))
            break
        fields[match.group(1).lower()] = (number, match.group(2).strip())
    return fields, problems


def field_problems(fields: dict[str, tuple[int, str]], kind: str) -> list[tuple[int, str]]:
    """(line, reason) for each value Pelican or the site cannot take; `kind` is "article" or "page"."""
    problems = []
    if "date" in fields:
        line, value = fields["date"]
        if not DATE.match(value):
            problems.append((line, f"date {value!r} is not YYYY-MM-DD or YYYY-MM-DD HH:MM"))
        else:
            try:
                date = dt.datetime.fromisoformat(value)
            except ValueError as error:
                problems.append((line, f"date {value!r} is not a day of the calendar ({error})"))
            else:
                if date.year not in SUPPORTED_YEARS:
                    problems.append((line, f"date {value!r} is outside the years the archive covers "
                                           f"({SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1})"))
    if "lang" in fields and fields["lang"][1] not in LANGUAGES:
        line, value = fields["lang"]
        problems.append((line, f"lang {value!r} is not 'ur' or 'en'"))
    if "status" in fields and fields["status"][1].lower() not in STATUSES:
        line, value = fields["status"]
        problems.append((line, f"status {value!r} is not one of {', '.join(STATUSES)}"))
    if "template" in fields and fields["template"][1] != TEMPLATES[kind]:
        line, value = fields["template"]
        problems.append((line, f"template {value!r} does not exist: the theme renders every {kind} "
                               f"with {TEMPLATES[kind]!r}"))
    # A translation takes its original's slug (plugins/translations), whatever its own `Slug:` says.
    key = "translation-of" if "translation-of" in fields else "slug"
    if key in fields and not urls.SLUG.fullmatch(fields[key][1]):
        line, value = fields[key]
        named = "Translation-of: the slug" if key == "translation-of" else "slug"
        problems.append((line, f"{named} {value!r} must be lowercase ASCII"))
    for key in ("save_as", "url"):
        if key not in fields:
            continue
        line, value = fields[key]
        owner = urls.reserved(value)
        if owner and not (kind == "page" and owner == urls.RESERVED_FOLDERS["pages"]):
            problems.append((line, f"{key} {value!r} is where the site writes {owner}"))
        elif not PAGE_PATH.match(value):
            problems.append((line, f"{key} {value!r} must be a lowercase relative path to an .html file"))
    return problems


def line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def file_links(html: str) -> list[str]:
    """Each {attach} or {static} link of `html` once, marker included ("{static}img/a.png")."""
    found = (link for tag in TAG.findall(html) for _, link in FILE_LINK.findall(tag))
    return list(dict.fromkeys(found))


def names_files(text: str) -> bool:
    """Whether a Markdown text may link a file to copy (its reading then depends on that file)."""
    return re.search(FILE_MARKER, text) is not None


def refused_files(html: str, source: str, root: str) -> list[tuple[str, str]]:
    """(link, reason) for each {attach} or {static} link of `html` (from the
    file `source`, relative to the project `root`) to a file a build must not
    copy: it must be a regular file inside content/, reached through no link
    and no hidden folder (.git)."""
    refused = []
    for link in file_links(html):
        path = re.sub(FILE_MARKER, "", link, count=1).split("#", 1)[0].split("?", 1)[0].replace("%20", " ")
        target = os.path.normpath(path[1:] if path.startswith("/") else
                                  os.path.join(os.path.dirname(source), path))
        parts = target.split(os.sep)
        if parts[0] != ATTACHMENTS_FOLDER or len(parts) < 2 or any(p.startswith(".") for p in parts):
            refused.append((link, f"{target} is not inside {ATTACHMENTS_FOLDER}/ (or is in a hidden folder)"))
            continue
        for depth in range(1, len(parts) + 1):
            reason = refusal(os.path.join(root, *parts[:depth]))
            if reason:
                refused.append((link, f"{os.path.join(*parts[:depth])} is {reason}"))
                break
        else:
            if not os.path.isfile(os.path.join(root, target)):
                refused.append((link, f"{target} is not a file"))
    return refused


# What editors need in a body (headings, paragraphs, emphasis, links, images,
# figures, tables, lists, quotes, code, footnotes) and nothing that acts:
# no script, meta, base, iframe, object, form, style, no event handler, no
# javascript: URL. Markdown's own ids and classes (footnotes, attr_list, code
# highlighting), lang and dir stay.
ATTRIBUTES = {**{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
              "*": {"id", "class", "lang", "dir", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    return nh3.clean(html, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
