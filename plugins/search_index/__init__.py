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

import asyncio
import contextlib
import datetime as dt
import logging
import shutil
from pathlib import Path

from pelican import signals

from seed_reader.importer import extractor_for
from seed_reader.knowledge import DATA_DIR

from .offline import script_data, write_offline_index
from .records import lexicon, record_for

logger = logging.getLogger(__name__)
# The recent bundle: what the search page asks first (see theme/static/js/search.js).
RECENT_DAYS = 366


class _PromptAsyncio:
    """asyncio as pagefind.service sees it, minus the 0.1 s nap before reading each reply.

    pagefind 1.5.2's service sleeps 0.1 s per response although readuntil()
    already waits for data, so N records cost N/10 seconds (10,000 articles:
    half an hour). Without the nap they cost milliseconds.
    """

    def __getattr__(self, name):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay, result=None):
        return await asyncio.sleep(0, result)


# Pagefind's ready-made search interfaces; the site has its own search page.
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


async def settled(folder: Path, timeout: float = 20.0) -> None:
    """Wait until nothing under folder changes any more.

    pagefind 1.5.2 answers WriteFiles before its last files are on disk, and
    closing the index then stops the writer mid-file (seen under load: a
    truncated pagefind-component-ui.js, so builds were not byte-identical).
    """
    def snapshot():
        return sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file())

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    previous, quiet = None, 0
    while quiet < 3 and loop.time() < deadline:
        current = snapshot()
        quiet = quiet + 1 if current == previous else 0
        previous = current
        await asyncio.sleep(0.05)


class SettledPagefindIndex:
    """PagefindIndex, closed only once its files have settled on disk."""

    def __init__(self, config):
        from pagefind.index import PagefindIndex

        self.index = PagefindIndex(config=config)
        self.folder = Path(config["output_path"])

    async def __aenter__(self):
        return await self.index._start()

    async def __aexit__(self, exc_type, exc, traceback):
        if exc_type is None:
            await self.index.write_files()
            await settled(self.folder)
        await self.index._service.close()


@contextlib.contextmanager
def prompt_pagefind_service():
    import pagefind.service as service

    service.asyncio = _PromptAsyncio()
    try:
        yield
    finally:
        service.asyncio = asyncio


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
        with prompt_pagefind_service():
            asyncio.run(self._write_pagefind(records, output / "pagefind"))
            if recent:
                asyncio.run(self._write_pagefind(recent, output / "pagefind" / "recent"))
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

    @staticmethod
    async def _write_pagefind(records, folder: Path):
        from pagefind.index import IndexConfig

        shutil.rmtree(folder, ignore_errors=True)
        config = IndexConfig(force_language="ur", output_path=str(folder))
        async with SettledPagefindIndex(config) as index:
            # One at a time, in a fixed order: concurrent requests may be indexed
            # in any order, and the index must come out the same on every build.
            for record in records:
                await index.add_custom_record(
                    url=record.url, content=record.content, language="ur", meta=record.meta,
                )
        for name in UNUSED_PAGEFIND_FILES:
            (folder / name).unlink(missing_ok=True)


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
