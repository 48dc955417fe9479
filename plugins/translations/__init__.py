"""Translations: an editor's Markdown file names the article it translates.

    Title: Russia and the US keep talking
    Lang: en
    Translation-of: 000-947afd4b53ab818c

The translation takes the original's slug (so Pelican links the two as
translations of one article and writes the English page at en/<slug>.html)
and, unless it gives its own, the original's date, outlet, category, people,
places and organisations. A translation of an article that does not exist is
an error naming the file.

Pelican's generators link translations with `process_translations`, which
takes time in the square of the archive; this plugin gives them a linear one
with the same results (akhbar.compat.linear_process_translations).
"""

import logging

from pelican import signals

from akhbar.archive_dates import UNDATED_SORT_DATE
from akhbar.build import article_reread
from akhbar.compat import use_linear_process_translations

logger = logging.getLogger(__name__)

KEY = "translation-of"
INHERITED = ("outlet", "category_info", "entities", "source_credit", "undated",
             "date_confidence", "date_source", "also_published_by")


def claim_original_slug(generator, metadata):
    target = metadata.get(KEY)
    if target:
        metadata["slug"] = str(target).strip()
        if "date" not in metadata:
            # Pelican refuses an article without a date before the original is
            # known; this stand-in is replaced by the original's date below.
            metadata["date"] = UNDATED_SORT_DATE
            metadata["date_from_original"] = True


def inherit_from_original(generator):
    orphans = []
    for translation in generator.translations + generator.articles:
        target = translation.metadata.get(KEY)
        if not target:
            continue
        original = original_of(translation)
        if original is None:
            logger.error(
                "%s: %s: %s, but no article has that slug",
                translation.get_relative_source_path(), "Translation-of", target,
            )
            orphans.append(translation)
            continue
        inherit(translation, original)
    if orphans:
        generator.articles = [a for a in generator.articles if a not in orphans]
        generator.translations = [a for a in generator.translations if a not in orphans]


def original_of(translation):
    return next((t for t in translation.translations if not t.metadata.get(KEY)), None)


def inherit(translation, original) -> None:
    """What the translation does not say itself, as the original says it."""
    for name in INHERITED:
        if name not in translation.metadata and hasattr(original, name):
            setattr(translation, name, getattr(original, name))
    if translation.metadata.get("date_from_original"):
        translation.date = original.date
    if "category" not in translation.metadata and hasattr(original, "category"):
        translation.category = original.category


def inherit_again(article):
    """The live preview read an article again: its translations inherit anew, or it does."""
    if article.metadata.get(KEY):
        if (original := original_of(article)) is not None:
            inherit(article, original)
        return
    for translation in article.translations:
        if translation.metadata.get(KEY):
            inherit(translation, article)


def register():
    use_linear_process_translations()
    signals.article_generator_context.connect(claim_original_slug)
    signals.article_generator_pretaxonomy.connect(inherit_from_original)
    article_reread.connect(inherit_again)
