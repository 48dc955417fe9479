"""Writing a Pagefind bundle through its Python API, with two workarounds for
pagefind 1.5.2's Python wrapper and one for its pagefind.js (all measured
here; see the docstrings)."""

import asyncio
import contextlib
import logging
import shutil
from pathlib import Path

from akhbar.progress import PROGRESS

logger = logging.getLogger(__name__)


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


# pagefind.js 1.5.2 waits for its own start (WebAssembly and index loaded) by
# polling every 50 ms, in getPtr() before a search and in mergeIndex(): a
# search asked for while it starts, as the search page's first one is, loses
# 25 ms on average, and the complete answer more. Polled every 5 ms instead
# (measured at 10,000 articles: first results 25-30 ms sooner).
START_POLL = ("await asyncSleep(50);}", "await asyncSleep(5);}")


def shorten_start_polling(script: Path) -> bool:
    """Patch a bundle's pagefind.js; False when it has no such wait (another Pagefind)."""
    text = script.read_text(encoding="utf-8")
    if START_POLL[0] not in text:
        return False
    script.write_text(text.replace(*START_POLL), encoding="utf-8")
    return True


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
