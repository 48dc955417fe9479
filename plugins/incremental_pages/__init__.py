"""Incremental pages: render only the pages whose inputs changed, on every core.

Pelican renders and writes every page on every build, and a build of 10,000
articles spends most of its time there. This plugin supplies the writer
(writer.py): generators hand it their pages as usual, and at the build's
`render_pages` stage (akhbar.build, before the stages that read the pages)
it renders the pages whose fingerprint changed since the last build, in
forked processes (one per core at a time), and removes the pages the archive no longer has.
Each page's fingerprint, and how many pages were kept, go into the build
state.

The fingerprints of the last build are in CACHE_PATH/pages.json. Settings
(settings.py): INCREMENTAL_PAGES_WORKERS (default: the number of cores) and
INCREMENTAL_PAGES_ENABLED (True; False renders every page).
"""

import logging
import os
from pathlib import Path

from pelican import signals

from akhbar.build import BuildState, collector_paused, render_pages
from akhbar.kept import kept_folder
from akhbar.manifest import BuildManifest
from akhbar.site_key import site_key

from .settings import settings_of
from .writer import WRITERS, IncrementalWriter

logger = logging.getLogger(__name__)


def manifest_path(settings: dict) -> Path:
    return kept_folder(settings) / "pages.json"


def get_writer(pelican):
    return IncrementalWriter


def render(state: BuildState):
    settings = state.settings
    writer = WRITERS.pop() if WRITERS else None
    WRITERS.clear()
    if writer is None:
        return
    own = settings_of(settings)
    with collector_paused():
        manifest = BuildManifest(manifest_path(settings))
        if not own.enabled:
            manifest.entries.clear()
        writer.render_all(site_key(settings), manifest, own.workers or os.cpu_count() or 1)
        manifest.save()
    logger.info("Pages: %d rendered, %d unchanged, %d removed", writer.rendered, writer.skipped, writer.removed)
    state.pages_unchanged = writer.skipped
    state.page_fingerprints = writer.fingerprints


def register():
    signals.get_writer.connect(get_writer)
    render_pages.connect(render)
