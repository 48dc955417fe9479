"""Writing a Pagefind bundle through its Python API, with two workarounds for
pagefind 1.5.2's Python wrapper and one for its pagefind.js (all measured;
they are in akhbar/compat.py)."""

import asyncio
import collections
import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from akhbar.compat import SettledPagefindIndex, prompt_pagefind_service, shorten_start_polling

from .records import SearchRecord

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

IN_FLIGHT = 32  # records sent ahead of Pagefind's answers (_write_bundle)

# Pagefind's ready-made search interfaces; the site has its own search page.
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


async def _write_bundle(records: Iterable[SearchRecord], folder: Path, meanwhile: Callable[[], None] | None):
    from pagefind.index import IndexConfig

    shutil.rmtree(folder, ignore_errors=True)
    # Every record in one language, so both search pages search everything.
    language = LANGUAGE_TAG + folder.name
    config = IndexConfig(force_language=language, output_path=str(folder))
    async with SettledPagefindIndex(config, meanwhile) as index:
        # Sent in a fixed order, some ahead of Pagefind's answers: it indexes
        # them one at a time as they come (so the index is the same on every
        # build), and never waits for the next.
        sent = collections.deque()
        for rank, record in enumerate(records):
            sent.append(asyncio.ensure_future(index.add_custom_record(
                url=record.url, content=record.content, language=language,
                meta=record.meta, sort={RANK: str(rank)},
            )))
            if len(sent) >= IN_FLIGHT:
                await sent.popleft()
        for answer in sent:
            await answer
    for name in UNUSED_PAGEFIND_FILES:
        (folder / name).unlink(missing_ok=True)
    if not shorten_start_polling(folder / "pagefind.js"):
        logger.warning("%s: no 50 ms start polling to shorten (a Pagefind other than 1.5.2?)", folder / "pagefind.js")


def write_pagefind_bundle(records: Iterable[SearchRecord], folder: Path,
                          meanwhile: Callable[[], None] | None = None) -> None:
    """A Pagefind bundle of the records in `folder`, the same bytes on every
    build; each record is taken from `records` as Pagefind is ready for it.
    `meanwhile` runs once they are all taken, while Pagefind writes its files."""
    with prompt_pagefind_service():
        asyncio.run(_write_bundle(records, folder, meanwhile))
