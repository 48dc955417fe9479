"""Search index: Pagefind over the articles, built at the end of every build.

Only articles are indexed (no listing, tag or archive page), one record per
article version, all in one index (`force_language`) so that the Urdu and the
English search page both find every article. Records are written through
Pagefind's Python API from text the importer has already normalised, folded
the way glossary names are matched (Urdu letters, no diacritics), plus one
token per glossary entry the article names: any spelling of a name, in either
language, is one search term; so is each filter value (outlet, year,
language). A second, small bundle (pagefind/recent/) holds the last year's
articles, which the search page asks first. The same records go into an offline index
(`offline.py`) for readers who open the site from disk.
"""

import datetime as dt
import logging
import shutil
from pathlib import Path

from pelican import signals

from seed_reader.importer import extractor_for
from seed_reader.knowledge import DATA_DIR

from .offline import script_data, write_offline_index
from .pagefind_writer import write_pagefind
from .records import lexicon, record_for

logger = logging.getLogger(__name__)
# The recent bundle: what the search page asks first (see theme/static/js/search.js).
RECENT_DAYS = 366


class SearchIndex:
    def __init__(self):
        self.articles = []

    def collect(self, generator):
        self.articles = list(generator.articles)

    def records(self):
        records = []
        for original in sorted(self.articles, key=lambda a: a.slug):
            versions = {original.lang: original}
            for translation in original.translations:
                versions.setdefault(translation.lang, translation)
            for lang in sorted(versions):
                records.append(record_for(versions[lang], versions))
        return records

    def write(self, pelican):
        if not pelican.settings.get("SEARCH_INDEX", True):
            return
        output = Path(pelican.output_path)
        records = self.records()
        recent = recent_records(records)
        write_pagefind(records, output / "pagefind")
        if recent:
            write_pagefind(recent, output / "pagefind" / "recent")
        offline = output / "search" / "offline"
        shutil.rmtree(offline, ignore_errors=True)
        write_offline_index(records, offline)
        knowledge = extractor_for(Path(pelican.settings.get("SEED_DATA_DIR", DATA_DIR))).knowledge
        years = {r.meta["date"][:4] for r in records if r.meta["date"]}
        data = lexicon(knowledge.glossary, knowledge.outlets, years)
        data["recent"] = bool(recent)
        (output / "search" / "lexicon.js").write_text(
            "window.AKHBAR_LEXICON = " + script_data(data) + ";\n",
            encoding="utf-8",
        )
        logger.info("Search index: %d records", len(records))


def recent_records(records) -> list:
    """Records of the last RECENT_DAYS before the newest dated one, when that
    leaves out part of the archive (else a second bundle would only cost)."""
    dates = sorted(r.meta["date"] for r in records if r.meta["date"])
    if not dates:
        return []
    newest = dt.date.fromisoformat(dates[-1])
    since = (newest - dt.timedelta(days=RECENT_DAYS)).isoformat()
    recent = [r for r in records if r.meta["date"] and r.meta["date"] >= since]
    return recent if len(recent) < len(records) else []


INDEX = SearchIndex()


def register():
    signals.article_generator_finalized.connect(INDEX.collect)
    signals.finalized.connect(INDEX.write)
