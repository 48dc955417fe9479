"""A Pelican writer that renders pages at the end of the generation, only the
ones whose inputs changed, on every core.

Generators call write_file() as usual; the call is kept (the template and the
values, not the HTML) and rendered when all generators are done. Pages whose
fingerprint (fingerprint.py) and file are as the last build left them are not
rendered again; the rest are fingerprinted, rendered and written by forked
processes, as many at once as there are cores, each taking the next run of
pages and ending after it (PAGES_PER_PROCESS), or sooner once it has made
MEMORY_PER_PROCESS of memory its own. Files are replaced, never rewritten in place,
and pages the archive no longer has are removed (and the feeds and data files
the last build wrote that this one does not).

Every page, rendered or kept, is announced with Pelican's `content_written`
and the context Pelican's own writer sends, so that a plugin that lists the
site's pages (a sitemap, an SEO check) sees all of them.
"""

import gc
import logging
import math
import operator
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pelican import signals

from akhbar import forked
from akhbar.compat import PelicanWriter, page_context, share_local_siteurl
from akhbar.kept import replace_file
from akhbar.manifest import BuildManifest
from akhbar.progress import PROGRESS

from .fingerprint import Fingerprinter

logger = logging.getLogger(__name__)

# Below this many pages to render, forking costs more than it saves.
PARALLEL_MIN_PAGES = 200
# Pages a forked process renders before it ends and the next one takes over.
# A process copies every page of the build's memory it touches (a reference
# count is a write): one that rendered half the site to the end came to hold
# a second copy of the archive (2.2 GB at 100,000 articles); one that ends
# after a run of pages gives back what it copied. Runs of 5,000 pages made a
# rebuild of 10,000 articles render as fast as two processes to the end
# (3.0-3.4 s against 3.1-3.3 s; runs of 2,000: 4.3-5.0 s).
PAGES_PER_PROCESS = 5000
# And a process ends sooner once it has faulted in this much memory of its
# own (copies of the parent's pages, and its own allocations): at 100,000
# articles, two processes rendering listings, each touching most of the
# archive, took all processes together from 3.0 to 5.3 GB. Counted in minor
# page faults, which the kernel keeps for free; at 10,000 articles no
# process comes near it.
MEMORY_PER_PROCESS = 400_000_000
# The shortest run a process is started for (but the last): a shorter one
# costs more in forking and warming up than it evens out.
SHORTEST_RUN = 500


@dataclass
class PageJob:
    name: str
    template: object
    context: dict
    relative_urls: bool
    values: dict
    path: str  # where it is written (sanitised once, when claimed)

    def local_context(self) -> dict:
        return page_context(self.context, self.name, self.relative_urls, self.values)


class IncrementalWriter(PelicanWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[PageJob] = []
        self.written_directly: set[str] = set()
        self.rendered = self.skipped = self.removed = 0
        self.fingerprints: dict[str, str | None] = {}  # page -> fingerprint, once rendered
        WRITERS.append(self)

    def written_by_pelican(self, filename):
        # Feeds (and Pelican's own pagination): written at once, by Pelican.
        self.written_directly.add(Path(os.path.relpath(filename, self.output_path)).as_posix())

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        paginates = paginated or any(key in kwargs for key in ("articles", "dates"))
        if not name or (paginates and template_name in self.settings["PAGINATED_TEMPLATES"]):
            # Pelican's own pagination: not used by this site's generators, written at once.
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        path = self.claim(name, override_output)
        self.jobs.append(PageJob(name, template, context, relative_urls, kwargs, path))

    # -- at the end of the generation ----------------------------------------

    def render_all(self, site_key: str, manifest: BuildManifest, workers: int,
                   reached: set[str] | None = None) -> None:
        """Every page, rendered when changed. With `reached` (a quick
        rebuild's pages that can have changed, akhbar.build.BuildState), a page
        outside it whose file is the one the manifest lists keeps its
        fingerprint without being fingerprinted again."""
        output = Path(self.output_path)
        outcome, looked_at = {}, self.jobs
        if reached is not None:
            looked_at = []
            for job in self.jobs:
                written = None if job.name in reached else manifest.written_file(job.name, job.path)
                if written is None:
                    looked_at.append(job)
                else:
                    outcome[job.name] = (written, None)
        outcome.update(self._share_out(site_key, manifest, workers, looked_at))
        # A page's context is made for the announcement only when a plugin
        # listens: for 24,000 pages it takes a quarter of a second.
        announced = bool(signals.content_written.receivers)
        for job in self.jobs:
            fingerprint, written = outcome[job.name]
            self.fingerprints[job.name] = fingerprint
            # Counted: pages (HTML), as the build summary counts them; not feeds or data files.
            page = job.name.endswith(".html")
            if written:
                manifest.record_written(job.name, fingerprint, *written)
                self.rendered += page
            else:
                self.skipped += page
            if announced:
                local = job.local_context()
                share_local_siteurl(job.context, local)  # as when Pelican writes the page
                signals.content_written.send(job.path, context=local)
        # Pages the archive no longer has (a seed deleted, a listing shorter):
        # every HTML file in the output is a page of this writer.
        wanted = {job.name for job in self.jobs} | self.written_directly
        for name in html_files(self.output_path):
            if name not in wanted:
                (output / name).unlink()
                self.removed += 1
        for name in [n for n in manifest.entries if n not in wanted]:
            # A feed or data file the archive no longer has (a name gone from the glossary).
            if not name.endswith(".html") and (output / name).is_file():
                (output / name).unlink()
            manifest.forget(name)
        self.jobs = []

    def _share_out(self, site_key, manifest, workers, jobs: list[PageJob]) -> dict[str, tuple]:
        """Fingerprint, and render when changed, these pages: in forked
        processes, `workers` at a time, each taking the next run of pages."""
        workers = max(1, min(workers, len(jobs) // PARALLEL_MIN_PAGES))
        # The articles, their metadata and the pages' values live until the
        # build ends: once this stage gives the collector back (it is paused
        # here, akhbar.build.collector_paused; forked processes freeze what
        # they inherit), keep it from scanning them again and again while the
        # pages are indexed. The build lets them go at its end
        # (akhbar.build.finish_build).
        gc.freeze()
        PROGRESS.start("Rendering pages", len(jobs))
        if workers == 1:
            outcome = _work(jobs, site_key, manifest, self.output_path, lambda: PROGRESS.advance("Rendering pages"))
        else:
            outcome = render_in_processes(jobs, site_key, manifest, self.output_path, workers)
        PROGRESS.finish("Rendering pages")
        return outcome


def render_in_processes(jobs: list[PageJob], site_key: str, manifest: BuildManifest, output_path: str,
                        workers: int) -> dict[str, tuple]:
    """_work for every job, in forked processes, `workers` at a time, each
    taking the next run of pages; the pages a process left (it ended at its
    memory's limit) go to the next one, with its run (at 100,000 articles,
    16 of 70 processes rendered only the 39 to 107 pages another had left)."""
    outcome = {}

    def take(share, done):
        outcome.update(done)
        PROGRESS.advance("Rendering pages", len(done))
        return share[len(done):]

    forked.in_processes(partial(_work_in_child, site_key=site_key, manifest=manifest, output_path=output_path),
                        list(runs_of(jobs, workers)), workers, take, "rendering pages", join=operator.add)
    return outcome


def run_lengths(count: int, workers: int, shortest: int = SHORTEST_RUN) -> list[int]:
    """How many pages each process takes, in turn: at most PAGES_PER_PROCESS,
    and at most an even share of what is left among the workers, so that runs
    shorten toward the end and the last processes end close together (runs of
    5,000 left one core rendering alone for the last 6.6 s of a 10,000-article
    build); none shorter than `shortest` but the last."""
    lengths, left = [], count
    while left > 0:
        length = min(left, PAGES_PER_PROCESS, max(shortest, math.ceil(left / workers)))
        if left - length < shortest and left <= PAGES_PER_PROCESS:
            length = left  # a short remainder joins this run rather than start a process of its own
        lengths.append(length)
        left -= length
    return lengths


def runs_of(jobs: list, workers: int):
    start = 0
    for length in run_lengths(len(jobs), workers):
        yield jobs[start:start + length]
        start += length


def html_files(folder: str) -> list[str]:
    """The HTML files under a folder, as paths relative to it with forward
    slashes. Through os.walk, not Path.rglob, which makes and hashes a Path
    per file (0.35 s against 0.05 s for 24,000 pages, and growing faster than
    them); links are not followed."""
    prefix = len(os.path.join(folder, ""))
    return [os.path.join(parent, name)[prefix:].replace(os.sep, "/")
            for parent, _, names in os.walk(folder) for name in names if name.endswith(".html")]


def _work(jobs: list[PageJob], site_key: str, manifest: BuildManifest, output_path: str,
          done=lambda: None, full=lambda: False) -> dict[str, tuple]:
    """{page: (fingerprint, (size, mtime_ns) of the file written, or None
    when it was current)} for these jobs, rendering the changed ones;
    stopping early, after at least one, once `full()` says so."""
    output = Path(output_path)
    fingerprints = Fingerprinter(site_key)
    outcome = {}
    for job in jobs:
        if outcome and full():
            break
        done()
        fingerprint = fingerprints.page(job.name, job.template.name, job.values)
        if manifest.is_current(output, job.name, fingerprint):
            outcome[job.name] = (fingerprint, None)
            continue
        local = job.local_context()
        share_local_siteurl(job.context, local)
        written = replace_file(Path(job.path), job.template.render(local))
        outcome[job.name] = (fingerprint, (written.st_size, written.st_mtime_ns))
    return outcome


def _work_in_child(jobs, site_key, manifest, output_path) -> dict[str, tuple]:
    """_work in a forked process, which ends once it has made
    MEMORY_PER_PROCESS of memory its own (a fork counts its page faults from 0)."""
    return _work(jobs, site_key, manifest, output_path, full=forked.faulted_in(MEMORY_PER_PROCESS))


WRITERS: list[IncrementalWriter] = []
