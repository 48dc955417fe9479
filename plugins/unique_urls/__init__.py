"""Unique URLs: two articles that would be written to one file.

Pelican aborts the whole build when two articles claim one output file (or
treats them as translations of each other). Here the article published
first (then the first by source path) keeps the URL; the other is dropped
with an error naming both files, and the rest of the archive still builds.

Then each article's URL and file name are fixed: Pelican works them out
from the settings on every use (a dozen uses per article, 2 s of a
10,000-article build), and keeps them once set the way `URL:` and `Save_as:`
metadata set them (`override_url`, `override_save_as`).
"""

import logging

from pelican import signals

logger = logging.getLogger(__name__)


def find_collisions(contents) -> list[tuple[object, object]]:
    """(kept, dropped) pairs among contents sharing a `save_as`."""
    claims = {}
    for content in contents:
        claims.setdefault(content.save_as, []).append(content)
    collisions = []
    # Only the files claimed twice need an order (dates are slow to compare).
    for claimants in (c for c in claims.values() if len(c) > 1):
        owner, *others = sorted(claimants, key=lambda c: (c.date, c.source_path))
        collisions.extend((owner, other) for other in others)
    return collisions


def drop_duplicate_urls(generator):
    collisions = find_collisions([*generator.articles, *generator.translations])
    dropped = {id(content) for _, content in collisions}
    for kept, content in collisions:
        message = (
            f"{content.get_relative_source_path()}: same URL ({content.save_as}) as "
            f"{kept.get_relative_source_path()}; not built (give one of them another slug)"
        )
        logger.error(message)
    if dropped:
        generator.articles = [a for a in generator.articles if id(a) not in dropped]
        generator.translations = [a for a in generator.translations if id(a) not in dropped]
        for article in generator.articles:
            article.translations = [t for t in article.translations if id(t) not in dropped]
    # Slugs and languages are settled by now (pretaxonomy, after the plugins
    # that change them): the URLs will not change again.
    for content in [*generator.articles, *generator.translations]:
        content.override_url, content.override_save_as = content.url, content.save_as


def register():
    signals.article_generator_pretaxonomy.connect(drop_duplicate_urls)
