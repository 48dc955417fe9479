"""Writing a Pagefind bundle through its Python API, with two workarounds for
pagefind 1.5.2's Python wrapper and one for its pagefind.js (all measured;
they are in akhbar/compat.py)."""

import asyncio
import collections
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from akhbar.compat import SettledPagefindIndex, prompt_pagefind_service, shorten_start_polling
from akhbar.progress import PROGRESS

logger = logging.getLogger(__name__)


# Each bundle is indexed under a private-use language tag of its own
# (ur-x-2024), which prefixes the ids of its results: the search page tells
# from a result's id which bundle it comes from.
LANGUAGE_TAG = "ur-x-"

# The sort key that ranks a bundle's records (newest first, then by URL: their
# order in the bundle, bundles.py). Searched with this sort, Pagefind gives each
# result minus its rank as its score, which the search page ranks ties by
# without loading a result.
RANK = "rank"

IN_FLIGHT = 32

INDEXING = "Indexing for search"  # the progress bar's task

# Pagefind's ready-made search interfaces; the site has its own search page.
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


async def _write_bundle(records, folder: Path):
    from pagefind.index import IndexConfig

    shutil.rmtree(folder, ignore_errors=True)
    # Every record in one language, so both search pages search everything.
    language = LANGUAGE_TAG + folder.name
    config = IndexConfig(force_language=language, output_path=str(folder))
    async with SettledPagefindIndex(config) as index:
        # One at a time, in a fixed order: concurrent requests may be indexed
        # in any order, and the index must come out the same on every build.
        sent = collections.deque()
        for rank, record in enumerate(records):
            sent.append(asyncio.ensure_future(index.add_custom_record(
                url=record.url, content=record.content, language=language,
                meta=record.meta, sort={RANK: str(rank)},
            )))
            if len(sent) >= IN_FLIGHT:
                await sent.popleft()
                PROGRESS.advance(INDEXING)
        for answer in sent:
            await answer
            PROGRESS.advance(INDEXING)
    for name in UNUSED_PAGEFIND_FILES:
        (folder / name).unlink(missing_ok=True)
    if not shorten_start_polling(folder / "pagefind.js"):
        logger.warning("%s: no 50 ms start polling to shorten (a Pagefind other than 1.5.2?)", folder / "pagefind.js")


async def _write_bundles(bundles: Iterable[tuple[Path, list]], workers: int):
    # Each bundle has its own Pagefind process: `workers` of them index at once.
    # The next bundle is taken only when a process is free: bundles may be
    # made as they are taken, so that only those being indexed are in memory.
    slots = asyncio.Semaphore(workers)

    async def write(folder, records):
        try:
            await _write_bundle(records, folder)
        finally:
            slots.release()

    tasks, pending = [], iter(bundles)
    while True:
        await slots.acquire()
        bundle = next(pending, None)
        if bundle is None:
            break
        tasks.append(asyncio.create_task(write(*bundle)))
        del bundle  # its records are held by its task alone, and let go once indexed
    await asyncio.gather(*tasks)


def write_pagefind(bundles: Iterable[tuple[Path, list]], total: int, workers: int = 1) -> None:
    """A Pagefind bundle of each folder's records, the same bytes on every
    build; `total`: how many records the progress bar counts."""
    PROGRESS.start(INDEXING, total)
    with prompt_pagefind_service():
        asyncio.run(_write_bundles(bundles, workers))
    PROGRESS.finish(INDEXING)
