"""Where each kind of page lives, in each language. The only place URLs are made."""

import re

PREFIX = {"ur": "", "en": "en/"}
# An article's slug, as an editor may give it (a corrections file's `slug`, a
# Markdown `Slug:`): it names a file of the site, so "Hello World" or "../x" is none.
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
KIND_FOLDER = {"person": "person", "place": "place", "organisation": "organisation", "topic": "topic"}


def page(first: str, number: int) -> str:
    """Page `number` of a paginated listing whose first page is `first`.

    "archives/2024.html" -> "archives/2024.10.html": a dot, which no id or
    month name contains, so page 10 of 2024 is never October 2024.
    """
    return first if number == 1 else first[: -len(".html")] + f".{number}.html"


def home(lang: str) -> str:
    return PREFIX[lang] + "index.html"


def archives(lang: str) -> str:
    return PREFIX[lang] + "archives.html"


def year(lang: str, value: int) -> str:
    return PREFIX[lang] + f"archives/{value}.html"


def month(lang: str, year_value: int, month_value: int) -> str:
    return PREFIX[lang] + f"archives/{year_value}-{month_value:02d}.html"


def day(lang: str, date) -> str:
    return PREFIX[lang] + f"archives/{date.year}-{date.month:02d}-{date.day:02d}.html"


def undated(lang: str) -> str:
    return PREFIX[lang] + "archives/undated.html"


def outlet(lang: str, outlet_id: str) -> str:
    return PREFIX[lang] + f"outlet/{outlet_id}.html"


def category(lang: str, category_id: str) -> str:
    return PREFIX[lang] + f"category/{category_id}.html"


def entity(lang: str, kind: str, entity_id: str) -> str:
    return PREFIX[lang] + f"{KIND_FOLDER[kind]}/{entity_id}.html"


def named(lang: str, name: str) -> str:
    """A page with a fixed name in each language: search.html, 404.html, entities.html, outlets.html ..."""
    return PREFIX[lang] + name


def on_this_day_folder(lang: str) -> str:
    """The data files of "on this day", one a month: 01.js ... 12.js."""
    return PREFIX[lang] + "on-this-day/"


def on_this_day(lang: str, month: int) -> str:
    return on_this_day_folder(lang) + f"{month:02d}.js"


def feed(lang: str, folder: str | None = None, key: str | None = None) -> str:
    """The Atom feed of the whole site, or of a listing: feeds/person/<id>.xml
    follows person/<id>.html (folder: KIND_FOLDER's, "outlet" or "category")."""
    if folder is None:
        return PREFIX[lang] + "feeds/atom.xml"
    return PREFIX[lang] + f"feeds/{folder}/{key}.xml"


# What the site itself writes besides article pages, by file and by folder
# (in either language): an article or page saved there would replace it.
RESERVED_FILES = {
    "index.html": "the home page", "archives.html": "the archive page", "search.html": "the search page",
    "404.html": "the 404 page", "entities.html": "the people, places and organisations page",
    "sitemap.xml": "the sitemap", "outlets.html": "the index of outlets", "categories.html": "the index of categories",
}
RESERVED_FOLDERS = {
    "theme": "the theme's files (stylesheets, scripts, fonts)", "pagefind": "the search index",
    "search": "the search page's files", "feeds": "the Atom feeds",
    "on-this-day": "the data of \"on this day\"", "archives": "the archive listings",
    "outlet": "the outlet listings", "category": "the category listings", "pages": "the static pages",
    "drafts": "Pelican's drafts", **{folder: f"the {kind} listings" for kind, folder in KIND_FOLDER.items()},
}


def reserved(path: str) -> str | None:
    """What the site writes at `path` (an output path), or None when an article may."""
    parts = path.split("/")
    if parts[0] + "/" in PREFIX.values() and len(parts) > 1:
        parts = parts[1:]
    if len(parts) == 1:
        name = parts[0]
        # index.2.html, archives.2.html: further pages of a listing.
        stem, _, number = name.removesuffix(".html").partition(".")
        if name in RESERVED_FILES:
            return RESERVED_FILES[name]
        if number.isdigit() and f"{stem}.html" in RESERVED_FILES:
            return RESERVED_FILES[f"{stem}.html"]
        return None
    return RESERVED_FOLDERS.get(parts[0])
