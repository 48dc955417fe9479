"""Writing a Pagefind bundle through its Python API, with two workarounds for
pagefind 1.5.2's Python wrapper and one for its pagefind.js (all measured;
they are in akhbar/compat.py)."""

import asyncio
import logging
import shutil
from pathlib import Path

from akhbar.compat import SettledPagefindIndex, prompt_pagefind_service, shorten_start_polling
from akhbar.progress import PROGRESS

logger = logging.getLogger(__name__)


# Pagefind's ready-made search interfaces; the site has its own search page.
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


async def _write_bundle(records, folder: Path):
    from pagefind.index import IndexConfig

    shutil.rmtree(folder, ignore_errors=True)
    # Every record in one language, so both search pages search everything; a
    # private-use tag per bundle (ur-x-2024) prefixes the ids of its results,
    # which tells the search page which bundle a result comes from.
    language = f"ur-x-{folder.name}"
    config = IndexConfig(force_language=language, output_path=str(folder))
    async with SettledPagefindIndex(config) as index:
        # One at a time, in a fixed order: concurrent requests may be indexed
        # in any order, and the index must come out the same on every build.
        for record in records:
            await index.add_custom_record(
                url=record.url, content=record.content, language=language, meta=record.meta,
            )
            PROGRESS.advance("Indexing for search")
    for name in UNUSED_PAGEFIND_FILES:
        (folder / name).unlink(missing_ok=True)
    if not shorten_start_polling(folder / "pagefind.js"):
        logger.warning("%s: no 50 ms start polling to shorten (a Pagefind other than 1.5.2?)", folder / "pagefind.js")


async def _write_bundles(bundles: dict[Path, list], workers: int):
    # Each bundle has its own Pagefind process: `workers` of them index at once.
    slots = asyncio.Semaphore(workers)

    async def write(folder, records):
        async with slots:
            await _write_bundle(records, folder)

    await asyncio.gather(*(write(folder, records) for folder, records in bundles.items()))


def write_pagefind(bundles: dict[Path, list], workers: int = 1) -> None:
    """A Pagefind bundle of each folder's records, the same bytes on every build."""
    PROGRESS.start("Indexing for search", sum(len(records) for records in bundles.values()))
    with prompt_pagefind_service():
        asyncio.run(_write_bundles(bundles, workers))
    PROGRESS.finish("Indexing for search")
