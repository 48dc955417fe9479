"""A plugin as the ecosystem writes them (sitemap, seo): it hears Pelican's
`content_written` for each page and notes, one JSON line per page in
WRITTEN_PAGES (a file), what the page's context holds."""

import json

from pelican import signals


def page_written(path, context):
    article = context.get("article")
    facts = {
        "path": path,
        "output_file": context.get("output_file"),
        "SITEURL": context.get("SITEURL"),
        "localsiteurl": context.get("localsiteurl"),
        "page_lang": context.get("page_lang"),
        "article": article.save_as if article is not None else None,
        "articles": len(context.get("articles", [])),
        "keys": sorted(context),
    }
    with open(context["WRITTEN_PAGES"], "a", encoding="utf-8") as log:
        log.write(json.dumps(facts, ensure_ascii=False) + "\n")


def register():
    signals.content_written.connect(page_written)
