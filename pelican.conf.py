"""Akhbar: settings for a local build (`make html`). Paths are relative to this file."""

import sys
from pathlib import Path

# The plugins import their shared library, plugins/akhbar, by name: its folder
# is on the import path of every build (and of the tests, pytest.ini).
_PLUGINS = str(Path(__file__).resolve().parent / "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)

SITENAME = "اخبار"
SITENAME_EN = "Akhbar"
SITESUBTITLE = "اردو اور انگریزی خبروں کا آرکائیو"
SITEURL = ""
# Links between pages are relative, so output/ works from any sub-path and from disk.
RELATIVE_URLS = True
# Where the archive is published: canonical URLs, hreflang alternates, Open Graph
# and JSON-LD name pages by their public address even in a local build.
PUBLIC_URL = "https://akhbar.example.org"

DEFAULT_LANG = "ur"
TIMEZONE = "Asia/Karachi"

# The project root is Pelican's content path: raw seeds and editors' Markdown
# are both articles; `content/pages` holds the static pages (about, ...).
PATH = "."
ARTICLE_PATHS = ["seeds", "content"]
ARTICLE_EXCLUDES = ["content/pages"]
PAGE_PATHS = ["content/pages"]
STATIC_PATHS = []
OUTPUT_PATH = "output"
# What a build keeps for the next one (page fingerprints, imported seeds).
CACHE_PATH = ".build/cache"
IGNORE_FILES = [".#*", "__pycache__"]

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
# No plugin imports another (their shared code is plugins/akhbar), and the work
# they do once the pages are written runs in the stages of akhbar/build.py, in
# its order: this list's order does not matter.
PLUGINS = [
    "build_report", "incremental_pages", "ui_language", "archive_pages", "seed_reader", "markdown_reader",
    "translations", "reading_time", "unique_urls", "bidi_guard", "search_index", "webfonts",
    "share_previews",
]
# Seeds are plain text and editors write Markdown; no reStructuredText reader.
READERS = {"rst": None}
# A build with errors (a seed that cannot be imported, two articles on one URL)
# fails only in strict mode: `make html STRICT=1`, `make check` and CI.
BUILD_REPORT_STRICT = False

# Autoescape: metadata is text (a headline with "<script>" shows as text);
# templates mark the HTML body and summary `|safe` where they are HTML.
# No auto_reload: a build (and make serve's worker) never sees a template change
# while it runs, and checking would cost a stat of each template for every page.
JINJA_ENVIRONMENT = {
    "trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False,
    "extensions": ["jinja2.ext.do"],
}

# Every plugin's settings, prefixed with its name, and their defaults are in
# the plugin's settings.py and the README ("Settings"); set one here to change it.

# Permanent ASCII URLs from the seed's file name (or an editor-given slug).
# Which file each published URL belongs to, committed with the articles: every
# build adds its new URLs, and a newcomer claiming a listed URL is not built.
PUBLISHED_URLS = "published-urls.txt"
ARTICLE_URL = ARTICLE_SAVE_AS = "{slug}.html"
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "{lang}/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = "{lang}/pages/{slug}.html"
# Listing pages (home, archives, outlets, people ...) are written in both
# languages by the archive_pages plugin, not by Pelican's per-taxonomy pages.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "general"
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
# Stories per listing page (home, archives, outlets, people ...): an archive is
# read by scanning headlines, and every listing page is a page to build.
DEFAULT_PAGINATION = 50

# Fonts the webfonts plugin subsets into output/theme/fonts/ (paths in the theme):
# Nastaliq to the Urdu alphabet, its Western digits (from its Latin file), Naskh
# to the whole Arabic block, as the fallback for what a reader types into the search box.
WEBFONTS_FONTS = [
    {"source": "fonts/noto-nastaliq-urdu-arabic-400-normal.woff2", "output": "nastaliq.woff2",
     "characters": "fonts/nastaliq-characters.txt"},
    {"source": "fonts/noto-nastaliq-urdu-latin-400-normal.woff2", "output": "nastaliq-digits.woff2",
     "characters": "fonts/nastaliq-digits-characters.txt"},
    {"source": "fonts/noto-naskh-arabic-arabic-400-normal.woff2", "output": "naskh.woff2",
     "characters": "fonts/naskh-characters.txt"},
]

# Atom feeds (the site's and every outlet, category and glossary page's, in
# each language) are written by the archive_pages plugin, not by Pelican's own.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
