"""The live preview's archive (make serve): a build held in memory, so that an
edit to one article shows in a second or two, not after a whole build.

`LiveArchive.load()` runs the build as far as Pelican's `finalized` signal
(`compat.generate_pages`): every source read, every listing made, every page
handed to the writer, which keeps each page's template and values
(incremental_pages); nothing is rendered, indexed or saved. It then notes,
for each article, the pages that show it, walking each page's values as
incremental_pages' fingerprints do: an article on its own page with its
attributes (its related stories, its translations), elsewhere as itself, a
story (an object with `fingerprint()`) by the articles it holds.

`update(paths)` reads the edited sources again with the build's readers
(`sources_changed` first tells a reader that keeps imports by file stamp),
writes each new reading into the article object the pages hold
(`compat.take_reading`), sends `article_reread` (each plugin that derives
fields from one article's reading derives them again: archive_pages what
editors corrected and the story's cards, translations what a translation
inherits, reading_time a Markdown article's reading time), and renders the
pages that show it, in memory. What a build derives from many articles at
once (related stories, the order of listings, URLs) stays as it was until
the next whole build, which make serve starts at once and which replaces all of it.

A source its reader refuses leaves its pages as they were; the errors come
back with the update, to be shown on the page. A new or deleted source is
not for the preview: it waits for the whole build.

`serve(connection, ...)` runs one archive in its own process (tools/preview.py
starts it): loads, says it is ready, then answers each list of paths with an
`Update`. It runs in a process group of its own, with the pool that imports
seeds, for the server to end whole; if the server itself is killed, the
process ends itself and its pool.
"""

import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.contents import Content
from pelican.settings import read_settings

from .build import article_reread, resume_collection, sources_changed
from .compat import (
    CONTENT_BODY,
    CONTENT_BUILD_ATTRIBUTES,
    generate_pages,
    read_article,
    share_local_siteurl,
    take_reading,
)

# What an article's new reading does not replace: what the build worked out
# from other articles (its translations and the language link, and the URL
# unique_urls fixed; archive_pages' related stories, neighbours and
# provenance are set after reading, so a reading has none to replace).
KEPT_FROM_BUILD = frozenset({"translations", "in_default_lang", "override_url", "override_save_as"})

# An article's attributes that are not what a page shows of it.
_NOT_SHOWN = frozenset({*CONTENT_BUILD_ATTRIBUTES, CONTENT_BODY, "metadata"})
_PLAIN = (str, bytes, int, float, bool, type(None))


def articles_by_source(generators) -> tuple[dict[str, Content], dict[str, object]]:
    """Every article a run made (translations and hidden ones too), and the
    generator that made it, by absolute source path."""
    articles, generator_of = {}, {}
    for generator in generators:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
            for article in getattr(generator, name, None) or ():
                source = os.path.abspath(article.source_path)
                articles[source], generator_of[source] = article, generator
    return articles, generator_of


def articles_shown(values) -> set[int]:
    """The ids of the articles a page's values show (as incremental_pages'
    fingerprints read them): an article on its own page with its attributes
    (its related stories, its translations), elsewhere as itself, a story (an
    object with `fingerprint()`) by the articles it holds."""
    shown, seen = set(), set()

    def walk(value, full: bool, into: set):
        if isinstance(value, _PLAIN) or (id(value), full) in seen:
            return
        seen.add((id(value), full))
        if isinstance(value, dict):
            for item in value.values():
                walk(item, full, into)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item, full, into)
        elif isinstance(value, Content):
            into.add(id(value))
            if full:  # on its own page: what it links to as well
                for name, item in vars(value).items():
                    if name not in _NOT_SHOWN:
                        walk(item, False, into)
        elif callable(getattr(value, "fingerprint", None)) and hasattr(value, "__dict__"):
            for item in vars(value).values():  # a story: the articles it holds
                walk(item, False, into)

    walk(values, True, shown)
    return shown


@dataclass
class Update:
    pages: dict[str, str] = field(default_factory=dict)  # output name -> HTML
    read: list[str] = field(default_factory=list)  # sources read again
    unreadable: list[str] = field(default_factory=list)  # sources the readers refused: pages kept as they were
    errors: dict[str, list[str]] = field(default_factory=dict)  # source -> what its reader logged as errors
    not_in_archive: list[str] = field(default_factory=list)  # new, deleted or not an article's source
    seconds: float = 0.0


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class LiveArchive:
    def __init__(self, settings_file: str, overrides: dict, output_path: str):
        self.settings_file = settings_file
        self.overrides = {**overrides, "OUTPUT_PATH": output_path}
        self.jobs = []
        self.articles: dict[str, Content] = {}  # absolute source path -> article
        self.generator_of: dict[str, object] = {}
        self.pages_showing: dict[int, set[int]] = defaultdict(set)  # id(article) -> job indexes

    def load(self) -> None:
        settings = read_settings(self.settings_file, override=self.overrides)
        instance = Pelican(settings)
        generators, writer = generate_pages(instance)
        resume_collection()  # paused while the run read and queued; its stages, which give it back, do not run
        self.generators = generators  # alive: their plugins listen for article_reread
        self.jobs = getattr(writer, "jobs", None)
        if self.jobs is None:
            raise RuntimeError("the live preview needs the incremental_pages plugin's writer, which keeps the pages")
        self.articles, self.generator_of = articles_by_source(generators)
        for index, job in enumerate(self.jobs):
            for article_id in articles_shown(job.values):
                self.pages_showing[article_id].add(index)

    def source_of(self, path: str) -> str | None:
        """The article source a changed file belongs to: itself, or the source
        it sits beside and is named after (a seed's corrections file)."""
        path = os.path.abspath(path)
        if path in self.articles:
            return path
        folder, name = os.path.split(path)
        for source in self.articles:
            stem = Path(source).stem
            if os.path.dirname(source) == folder and name.startswith(stem + ".") and name != Path(source).name:
                return source
        return None

    def update(self, paths: list[str]) -> Update:
        started = time.monotonic()
        update = Update()
        sources = {}
        for path in paths:
            source = self.source_of(path)
            if source is None:
                update.not_in_archive.append(path)
            else:
                sources[source] = True
        sources_changed.send(list(sources))
        jobs = set()
        for source in sources:
            article, generator = self.articles[source], self.generator_of[source]
            errors = _Errors()
            logging.getLogger().addHandler(errors)
            try:
                reading = read_article(generator, os.path.relpath(source, generator.path))
            finally:
                logging.getLogger().removeHandler(errors)
            if errors.messages:
                update.errors[source] = errors.messages
            if reading is None:
                update.unreadable.append(source)
                continue
            update.read.append(source)
            take_reading(article, reading, KEPT_FROM_BUILD)
            article_reread.send(article)
            jobs |= self.pages_showing[id(article)]
        for index in sorted(jobs):
            job = self.jobs[index]
            local = job.local_context()
            share_local_siteurl(job.context, local)
            update.pages[job.name] = job.template.render(local)
        update.seconds = time.monotonic() - started
        return update


def serve(connection, settings_file: str, overrides: dict, output_path: str) -> None:
    """One archive in this process: load it, say so, answer updates until told to stop (None)."""
    # A group of its own, which the pool importing seeds joins: the server ends them
    # together, on a Ctrl-C too (which reaches make serve's group, not this one).
    os.setpgid(0, 0)
    threading.Thread(target=_end_with_server, daemon=True).start()
    archive = LiveArchive(settings_file, overrides, output_path)
    started = time.monotonic()
    try:
        archive.load()
    except Exception as error:  # noqa: BLE001 - said to the server, which keeps building as before
        connection.send(("failed", f"{type(error).__name__}: {error}"))
        return
    connection.send(("ready", {"articles": len(archive.articles), "pages": len(archive.jobs),
                               "seconds": round(time.monotonic() - started, 1),
                               "memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
    while True:
        try:
            paths = connection.recv()
        except EOFError:
            return  # the server has gone
        if paths is None:
            return
        try:
            connection.send(("update", archive.update(paths)))
        except Exception as error:  # noqa: BLE001 - the server falls back to a whole build
            connection.send(("failed", f"{type(error).__name__}: {error}"))


def _end_with_server() -> None:
    """A server killed outright cannot end this process, and while loading it
    does not read the connection: once the server is gone (this process handed
    on to another parent), end this process group."""
    server = multiprocessing.parent_process().pid
    while os.getppid() == server:
        time.sleep(0.5)
    os.killpg(0, signal.SIGKILL)
