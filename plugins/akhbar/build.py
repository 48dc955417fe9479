"""The build state and the stages at the end of a build: what this project's
plugins hand each other during one Pelican run, and in which order they work
once Pelican has written the pages.

The state. Pelican's signals carry Pelican's objects; what one plugin makes
for another is a field of the run's one `BuildState`, which `build_state()`
returns, never an attribute set on a Pelican object. Each field says which
plugin writes it and which reads it. A new state is made when Pelican starts
a run (its `initialized` signal).

The stages. Pelican ends a run with one signal, `finalized`, whose receivers
run in the order plugins happen to be listed. Here it runs the `STAGES`
below, in their order, each a signal of this module sent with the state:
a plugin subscribes to the stage its work belongs to, and the order does not
depend on the `PLUGINS` list. The stages named for the summary are timed
into `state.stage_seconds`, after the time Pelican took to hand the pages
to the writer (queueing pages).

Importing this module connects these to Pelican's signals (and pauses the garbage
collector while the articles, every context and the queue of pages are made, below),
so every plugin that imports it shares them.

Settings: FAST_EXIT (True): leave without freeing the build's objects one by
one (below); False lets Python free them at exit as usual.
"""

import atexit
import contextlib
import ctypes
import ctypes.util
import gc
import time
from dataclasses import dataclass, field

from blinker import Namespace
from pelican import signals

from .settings import site_settings


@dataclass
class BuildState:
    settings: dict
    output_path: str
    # The importer's data files as loaded (glossary, outlets, wires,
    # categories: seed_reader.knowledge.Knowledge), or None when they could
    # not be. Written by seed_reader when it opens the build's imports;
    # read by search_index (the search page's lexicon).
    knowledge: object | None = None
    # Each page's fingerprint (None: it has none, rendered every build), by
    # output path. Written by incremental_pages when it renders; read by
    # search_index, which keys each record by the pages of its story.
    page_fingerprints: dict[str, str | None] = field(default_factory=dict)
    # Each seed not published because it is the same story as another: its
    # source path -> the published one's (paths relative to the project).
    # Written by seed_reader (same_story); read by unique_urls, which records
    # the copy in the published one's segment.
    copies_not_published: dict[str, str] = field(default_factory=dict)
    # Pages (HTML) rendered, and kept as the last build wrote them. Written
    # by incremental_pages; read by build_report (the summary).
    pages_written: int = 0
    pages_unchanged: int = 0
    # Seconds of each timed stage, in order. Written here; read by build_report.
    stage_seconds: dict[str, float] = field(default_factory=dict)
    # When the run started (time.monotonic()). Written here and by a quick
    # rebuild (akhbar/held_build.py); read by build_report.
    started: float = field(default_factory=time.monotonic)
    # When every generator had made its context (time.monotonic()): from
    # then to `finalized`, Pelican hands every page to the writer. Written
    # here and by a quick rebuild; read here and by build_report.
    contexts_made: float | None = None
    # The only pages whose inputs can differ from the last build's, or None:
    # any page can. Written by incremental_pages when a build is held (the
    # pages unlike the manifest) and by a quick rebuild (akhbar/held_build.py:
    # those and the pages that show an article it read again). Read by
    # incremental_pages, which then fingerprints only these, where the
    # manifest is its lineage's.
    pages_reached: set[str] | None = None
    # Which quick rebuilds' manifests the rendering stage may trust with
    # `pages_reached`: the manifest file's stamp when the build was held, and
    # the token its quick rebuilds write into it. Written by incremental_pages
    # (`build_held`); read by it.
    manifest_lineage: tuple | None = None


_current: BuildState | None = None


def build_state() -> BuildState:
    """The state of the Pelican run in progress."""
    if _current is None:
        raise RuntimeError("no Pelican run in progress: akhbar.build starts a state on Pelican's `initialized`")
    return _current


def start_build(pelican) -> BuildState:
    global _current
    resume_collection()  # left paused by a run that failed before its end
    _current = BuildState(pelican.settings, pelican.output_path)
    return _current


_STAGES = Namespace()
# Save what the readers keep for the next build (seed_reader's imports,
# markdown_reader's conversions), and let it go.
keep_for_next_build = _STAGES.signal("keep-for-next-build")
# Render once what many pages show, before the pages are (archive_pages:
# every story's card).
render_shared_parts = _STAGES.signal("render-shared-parts")
# Render the pages whose inputs changed and remove those the archive no
# longer has (incremental_pages); the page fingerprints are known after it.
render_pages = _STAGES.signal("render-pages")
# The search index, from the articles and the page fingerprints (search_index).
index_search = _STAGES.signal("index-search")
# The fonts, subset (webfonts).
write_fonts = _STAGES.signal("write-fonts")
# The share-preview pictures of the article pages (share_previews).
write_previews = _STAGES.signal("write-previews")
# The summary, the lists of doubts, strict mode (build_report): last, so it
# counts what every other stage did.
report_build = _STAGES.signal("report-build")

# Not a stage: the live preview (akhbar/live_preview.py) is about to read
# these sources again, in a run that stays in memory; a reader that keeps
# its imports by file stamp forgets theirs (seed_reader). Sent with the
# list of absolute paths.
sources_changed = _STAGES.signal("sources-changed")

# Not a stage either: the live preview has written an article's new reading
# into it (sent with the article); a plugin that derives fields of an article
# from its reading derives them again (archive_pages: what editors
# corrected, the story's cards; translations: what a translation inherits;
# reading_time: a Markdown article's reading time).
article_reread = _STAGES.signal("article-reread")

# Not stages either: the resident build (akhbar/resident.py) keeps the
# articles it has read and gives each later build, in a forked process, the
# ones whose sources are unchanged. `reading_token` is sent with the
# generator and a source's absolute path (`path=`), after the generator's
# preread signal: a reader that can vouch for a kept reading of that source
# returns what the reading depends on (seed_reader: the import's key;
# markdown_reader: the conversion's), and
# a reading is reused only where the token is the same; no token, no reuse.
# `readings_kept` is sent once the resident process has read every source:
# a reader closes what it opened for the reading (a store, a pool) and gets
# ready to open it anew in each build, keeping what the kept readings need.
reading_token = _STAGES.signal("reading-token")
readings_kept = _STAGES.signal("readings-kept")

# Not stages either: the resident build also holds a finished build, stopped
# before its stages (akhbar/held_build.py), and forks it for each quick
# rebuild. `build_held` is sent with the state once the held build has made
# its pages: a plugin lets go of what forked processes must not share (a
# SQLite connection; opened again on use) and notes what the rebuilds check
# (incremental_pages: which pages are unlike the last build's). In a quick
# rebuild, `edit_is_local` is sent once the changed sources are read again,
# with their new readings by absolute path (`held=` the held build's articles
# by the same paths): a reader returns why an edit can reach beyond the pages
# that show its article (the lines the archive learns chrome from, the
# decision on duplicates), or None.
build_held = _STAGES.signal("build-held")
edit_is_local = _STAGES.signal("edit-is-local")

# In order, each with its name in the summary (None: not timed).
STAGES = (
    # First: the readers then let go of what they kept (what was learned from
    # the archive, each seed's stamp) before rendering forks its processes.
    (keep_for_next_build, "saving caches"),
    (render_shared_parts, "cards"),
    (render_pages, "rendering"),
    (index_search, "search index"),
    (write_fonts, "fonts"),
    (write_previews, "previews"),
    (report_build, None),
)


def finish_build(pelican) -> None:
    """Pelican's `finalized`: every stage with a subscriber, in order."""
    state = build_state()
    if state.contexts_made is not None:
        state.stage_seconds["queueing pages"] = time.monotonic() - state.contexts_made
    resume_collection()
    if site_settings(state.settings).fast_exit:
        # At exit Python's last garbage collections free the whole heap,
        # object by object: articles, contexts and pages hold each other in
        # cycles, so all of it (2 s of a 10,000-article build, for nothing).
        # Frozen objects are out of every collection: the process still
        # runs every exit handler and flushes, and leaves their memory to the
        # system. Frozen at exit, so a process that builds again keeps
        # collecting.
        atexit.register(gc.freeze)
    try:
        for stage, timed_as in STAGES:
            if not stage.receivers:
                continue
            started = time.monotonic()
            stage.send(state)
            give_back_freed_memory()
            if timed_as:
                state.stage_seconds[timed_as] = time.monotonic() - started
    finally:
        # What reading and rendering froze out of the collector's passes
        # (below, and incremental_pages) is collected again: a process that
        # builds again (tests, the live preview's worker) frees this build's
        # objects. Not sooner: a full collection walks every object of the
        # archive (seconds at 100,000 articles), and the stages after
        # rendering would set some off.
        gc.unfreeze()


def _heap_trimmer():
    libc = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(libc), "malloc_trim", None) if libc else None


_malloc_trim = _heap_trimmer()  # glibc's; other C libraries have none


def give_back_freed_memory() -> None:
    """Return to the system the C heap's free pages. Freed memory stays the
    process's until then: glibc gives back only the top of its heap, and the
    objects a stage lets go of (the duplicate finder's prints, the readers'
    kept data) lie under the archive's objects. Before rendering forks its processes
    and the search stage starts Pagefind's, so that the peak of all of them
    together does not count them (51 MB of 514 at 10,000 seeds, in 7 ms, while the
    readers still held every import in memory)."""
    if _malloc_trim is not None:
        _malloc_trim(0)


# Reading the articles makes the archive's objects, nearly all to live until
# the build ends, and so do the other generators' contexts made from them
# (stories, listings, related stories) and the pages handed to the writer.
# Python's collector, triggered by their number, would walk all of them again
# and again (a fifth of a rebuild's reading at 10,000 articles; 1.3 s of
# queueing the pages of 100,000); it waits until the stages start
# (finish_build), then they are frozen out of its passes (the rendering stage
# freezes what was made since; the end of the build lets both go). A run
# that stops before the stages gives it back itself (the live preview).
_collection_paused = False


def pause_collection(_generator) -> None:
    global _collection_paused
    _collection_paused = gc.isenabled()
    gc.disable()


def resume_collection() -> None:
    global _collection_paused
    if _collection_paused:
        gc.freeze()
        gc.enable()
        _collection_paused = False


def contexts_made(_generators) -> None:
    build_state().contexts_made = time.monotonic()


@contextlib.contextmanager
def collector_paused():
    """The collector off while a stage of the main process makes objects
    that all live on (a manifest of every page, the cards' index, the
    rendering processes' reports): each of its passes would walk them again,
    and with a large archive it came to more than the work (at 100,000
    articles, loading and saving the pages' manifest took 2.4 and 5.4 s,
    0.8 and 1.0 s without it). Forked processes collect their own garbage
    as usual (akhbar.forked)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


signals.initialized.connect(start_build)
signals.all_generators_finalized.connect(contexts_made)
signals.article_generator_init.connect(pause_collection)
signals.finalized.connect(finish_build)
