"""Share previews: share links on every article and the picture a shared link shows.

The Pelican glue only; the rest has no Pelican in it:
- `links.py`: WhatsApp, X, Facebook and e-mail links to the article's public
  address (PUBLIC_URL), for the template `share.html` (a Jinja global).
- `layout.py`, `card.py`, `fonts.py`: a 1200×630 PNG per article page, its
  headline in Nastaliq (Urdu) or Naskh and Latin (English) on the theme's colours.
- `previews.py`: the images cached in CACHE_PATH/previews, drawn on every core.

Each article gets `preview_image` (its image's path in the output) when the
articles are ready, so the page's fingerprint (incremental_pages) covers the
meta tags that name it; the images are drawn in akhbar.build's `write_previews` stage. Settings:
SHARE_PREVIEWS_ENABLED (settings.py: off locally, on in publishconf.py).
"""

import logging
import os
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from babel.dates import format_date
from pelican import signals

from akhbar import build
from akhbar.build import BuildState
from akhbar.kept import kept_folder

from .card import HEIGHT, WIDTH, Card, Fonts, require_raqm, theme_colours
from .fonts import font_key, language_font
from .links import share_links
from .previews import FOLDER, Preview, preview_name, write_previews
from .settings import settings_of

logger = logging.getLogger(__name__)

ARTICLES: list = []


def install(generator):
    generator.env.globals["share_links"] = share_links


def _versions(generator) -> list:
    """Every article page: each article and its translations."""
    found = {}
    for article in generator.articles:
        for version in [article, *getattr(article, "translations", [])]:
            found.setdefault(version.save_as, version)
    return [found[name] for name in sorted(found)]


def attach(generator):
    ARTICLES[:] = _versions(generator) if settings_of(generator.settings).enabled else []
    for article in ARTICLES:
        article.preview_image = preview_name(article.save_as)
        article.preview_size = (WIDTH, HEIGHT)


@cache
def _date_text(value, lang: str) -> str:
    # The same words as the page: CLDR through Babel, Western digits.
    return format_date(value, format="long", locale=lang)


def card_for(article, settings) -> Card:
    lang = "ur" if article.lang == "ur" else "en"
    parts = urlsplit(settings["PUBLIC_URL"])
    undated = getattr(article, "undated", False)
    return Card(
        headline=article.title,
        lang=lang,
        date_text="" if undated else _date_text(article.date.date(), lang),
        site_name=settings["SITENAME"] if lang == "ur" else settings.get("SITENAME_EN", settings["SITENAME"]),
        host=(parts.netloc + parts.path).rstrip("/"),
    )


def write(state: BuildState):
    if not ARTICLES:
        # Off: pictures a publish build left in the output go with the tags that named them.
        shutil.rmtree(Path(state.output_path) / FOLDER, ignore_errors=True)
        return
    require_raqm()
    settings = state.settings
    theme = Path(settings["THEME"])
    cache_folder = kept_folder(settings)
    font_dir = theme / "fonts"
    fonts = Fonts(ur=language_font(font_dir, "ur", cache_folder / "fonts"),
                  en=language_font(font_dir, "en", cache_folder / "fonts"))
    colours = theme_colours((theme / "static" / "css" / "akhbar.css").read_text(encoding="utf-8"))
    previews = [Preview(article.preview_image, card_for(article, settings)) for article in ARTICLES]
    outcome = write_previews(
        previews, Path(state.output_path), cache_folder / "previews", fonts,
        font_key(font_dir, "ur") + font_key(font_dir, "en"), colours,
        settings_of(settings).workers or os.cpu_count() or 1)
    if outcome.drawn:
        logger.info("Share previews: %d drawn in %.1f s (%.0f ms each), %d from the cache, %d removed",
                    outcome.drawn, outcome.seconds_drawing, 1000 * outcome.seconds_drawing / outcome.drawn,
                    len(previews) - outcome.drawn, outcome.removed)
    ARTICLES.clear()


def register():
    signals.generator_init.connect(install)
    signals.article_generator_finalized.connect(attach)
    build.write_previews.connect(write)
