"""Unique URLs: no article takes a URL another article or the site has.

Pelican aborts the whole build when two articles claim one output file (or
treats them as translations of each other), and lets an article replace a
page the site writes (index.html, sitemap.xml). Here:

- an article whose URL is a file the site writes (akhbar.urls.reserved:
  a seed named `index.txt`) is dropped with an error naming both;
- of two articles on one URL, the one that had it keeps it: the record of
  published URLs (`published-urls.txt`, committed beside the settings, see
  PUBLISHED_URLS) says which file each URL belongs to. A URL nobody had yet
  goes to the original rather than a translation, then to the dated article
  published first, then by source path. The other is dropped with an error
  naming both files, and the rest of the archive still builds;
- a static page on an article's URL is dropped the same way.

Each build adds the URLs it published to the record, with the segment (year)
of each source; a URL stays recorded while its file exists, even when that
file fails to import for a while. A segment build leaves the record alone.

Then each article's URL and file name are fixed (akhbar.compat.fix_urls):
Pelican works them out from the settings on every use, a dozen uses per
article.
"""

import logging
import os

from pelican import signals

from akhbar import urls
from akhbar.build import build_state
from akhbar.compat import fix_urls
from akhbar.published_urls import read_record, read_segments, record_path, write_record
from akhbar.segments import segment_of
from akhbar.settings import site_settings

logger = logging.getLogger(__name__)


def is_translation(content) -> bool:
    return bool(content.metadata.get("translation-of"))


def hint(dropped) -> str:
    # A translation lands on its original's URL only when it lacks its language.
    return " (a translation needs `Lang: en`)" if is_translation(dropped) and "lang" not in dropped.metadata else ""


def find_collisions(claims: dict[str, list], record: dict[str, str]) -> list[tuple[object, object]]:
    """(kept, dropped) pairs among contents sharing a `save_as`: `claims` maps
    each file to the (content, source) pairs that claim it."""
    collisions = []
    # Only the files claimed twice need an order (dates are slow to compare).
    for save_as, claimants in ((s, c) for s, c in claims.items() if len(c) > 1):
        (owner, _), *others = sorted(claimants, key=lambda pair: (
            pair[1] != record.get(save_as), is_translation(pair[0]),
            getattr(pair[0], "undated", False), pair[0].date, pair[0].source_path))
        collisions.extend((owner, other) for other, _ in others)
    return collisions


def drop_duplicate_urls(generator):
    settings = generator.settings
    record = read_record(record_path(settings))
    # Slugs and languages are settled by now (pretaxonomy, after the plugins
    # that change them): each URL, file name and source is worked out once.
    contents = [*generator.articles, *generator.translations]
    for content in contents:
        fix_urls(content)
    source = {id(c): c.relative_source_path for c in contents}
    dropped = set()
    for content in contents:
        owner = urls.reserved(content.save_as)
        if owner:
            logger.error("%s: its URL (%s) is where the site writes %s; not built (give it another slug)",
                         source[id(content)], content.save_as, owner)
            dropped.add(id(content))
        elif record.get(content.save_as, source[id(content)]) != source[id(content)] \
                and os.path.isfile(os.path.join(settings["PATH"], record[content.save_as])):
            logger.error("%s: same URL (%s) as %s, which has it (%s); not built (give it another slug)%s",
                         source[id(content)], content.save_as, record[content.save_as],
                         record_path(settings).name, hint(content))
            dropped.add(id(content))
    claims = {}
    for content in contents:
        if id(content) not in dropped:
            claims.setdefault(content.save_as, []).append((content, source[id(content)]))
    for kept, content in find_collisions(claims, record):
        logger.error(
            "%s: same URL (%s) as %s; not built (give one of them another slug)%s",
            source[id(content)], content.save_as, source[id(kept)], hint(content))
        dropped.add(id(content))
    if dropped:
        generator.articles = [a for a in generator.articles if id(a) not in dropped]
        generator.translations = [a for a in generator.translations if id(a) not in dropped]
        for article in generator.articles:
            article.translations = [t for t in article.translations if id(t) not in dropped]


def record_published_urls(generator):
    """Once every plugin has settled the articles (at pretaxonomy, in the
    order PLUGINS gives them: duplicates folded, translations dated): the
    record of published URLs, with each source's segment."""
    settings = generator.settings
    if site_settings(settings).segment is not None:
        return  # a segment build knows only its own articles: the merge's whole build writes the record
    published = [*generator.articles, *generator.translations]
    record = read_record(record_path(settings))
    record = {url: path for url, path in record.items() if os.path.isfile(os.path.join(settings["PATH"], path))}
    record.update((c.save_as, c.relative_source_path) for c in published)
    # Each source's segment, so a segment build finds its own without reading the others.
    recorded = set(record.values())
    segments = {path: segment for path, segment in read_segments(record_path(settings)).items() if path in recorded}
    segments.update((c.relative_source_path, segment_of(c)) for c in published)
    # A copy goes with the story it repeats: a segment build then decides between them as a whole build does.
    segments.update((copy, segments[kept]) for copy, kept in build_state().copies_not_published.items()
                    if kept in segments)
    write_record(record_path(settings), record, segments)


def drop_pages_on_article_urls(generator):
    originals = generator.context.get("articles", [])
    articles = {a.save_as: a for a in [*originals, *(t for o in originals for t in o.translations)]}
    for page in [*generator.pages, *generator.translations]:
        if page.save_as in articles:
            logger.error("%s: same URL (%s) as %s; not built", page.get_relative_source_path(), page.save_as,
                         articles[page.save_as].get_relative_source_path())
    generator.pages = [p for p in generator.pages if p.save_as not in articles]
    generator.translations = [p for p in generator.translations if p.save_as not in articles]


def register():
    signals.article_generator_pretaxonomy.connect(drop_duplicate_urls)
    signals.article_generator_finalized.connect(record_published_urls)
    signals.page_generator_finalized.connect(drop_pages_on_article_urls)
