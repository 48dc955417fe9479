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
import time
from pathlib import Path

from pelican import signals

from akhbar.build import BuildState, build_held, collector_paused, render_pages
from akhbar.kept import kept_folder
from akhbar.manifest import BuildManifest
from akhbar.site_key import site_key

from .fingerprint import Fingerprinter
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
        reached = state.pages_reached if _of_lineage(manifest, state.manifest_lineage) else None
        writer.render_all(site_key(settings), manifest, own.workers or os.cpu_count() or 1, reached)
        manifest.lineage = state.manifest_lineage[1] if state.pages_reached is not None else None
        manifest.save()
    logger.info("Pages: %d rendered, %d unchanged, %d removed", writer.rendered, writer.skipped, writer.removed)
    state.pages_written, state.pages_unchanged = writer.rendered, writer.skipped
    state.page_fingerprints = writer.fingerprints


def _stamp(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def note_held_build(state: BuildState) -> None:
    """A held build (akhbar/held_build.py) has made its pages: which of them
    are unlike the last build's (an edit saved while it ran), and which
    manifests its quick rebuilds may trust: the one on disk now, and those
    they write."""
    writer = WRITERS[-1] if WRITERS else None
    if writer is None:
        return
    path = manifest_path(state.settings)
    manifest = BuildManifest(path)
    fingerprints = Fingerprinter(site_key(state.settings))
    listed = manifest.entries
    unlike = set()
    for job in writer.jobs:
        fingerprint = fingerprints.page(job.name, job.template.name, job.values)
        if fingerprint is None or job.name not in listed or listed[job.name].fingerprint != fingerprint:
            unlike.add(job.name)  # None: rendered by every build
    state.pages_reached = unlike
    state.manifest_lineage = (_stamp(path), f"held-{os.getpid()}-{time.time_ns()}")


def _of_lineage(manifest: BuildManifest, lineage: tuple | None) -> bool:
    """Whether the manifest is the one the held build was checked against,
    or one of its quick rebuilds wrote: no other build has written since."""
    return lineage is not None and (_stamp(manifest.path) == lineage[0] or manifest.lineage == lineage[1])


def register():
    signals.get_writer.connect(get_writer)
    render_pages.connect(render)
    build_held.connect(note_held_build)
