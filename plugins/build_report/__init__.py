"""Build report: what a build could not do, and which fields it doubts.

Pelican logs a file it cannot read and still exits 0. This plugin counts every
error and warning logged during a build, ends the build with a one-line summary
(articles, pages written, errors, warnings, articles with low-confidence
fields, and the time of each stage: reading, queueing pages, then the timed
stages of akhbar.build: saving caches, cards, rendering, search index, fonts,
previews) and, in
strict mode (`BUILD_REPORT_STRICT = True`, as `make check` and CI build), fails the
build when anything was logged as an error.
"""

import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

from pelican import signals
from pelican.log import console

from akhbar.build import BuildState, report_build
from akhbar.languages import LANGUAGE_NAMES
from akhbar.name_groups import RECURRING_SEEDS, group_names, recurring
from akhbar.progress import PROGRESS
from akhbar.reports import IMPORT_WARNINGS, LOW_CONFIDENCE, is_import_warning, report_file

from .settings import settings_of

logger = logging.getLogger(__name__)
# Articles with low-confidence fields listed at the end of a build; the rest go to a file.
SHOWN_DOUBTS = 10


class ErrorCounter(logging.Handler):
    """Errors by message, and how many warnings (import warnings aside: those
    are counted from the articles, shown or not)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self.warnings = 0

    def emit(self, record):
        if record.levelno >= logging.ERROR:
            self.messages.append(record.getMessage())
        elif not is_import_warning(record):
            self.warnings += 1


class BuildFailed(Exception):
    exitcode = 1


class BuildReport:
    def __init__(self):
        self.counter = ErrorCounter()
        # Pelican's `--log-handler plain` installs no handler and relies on
        # logging's last resort, which any handler (the counter) switches off.
        self.plain = logging.StreamHandler(sys.stderr)
        self.plain.setLevel(logging.WARNING)
        self.plain.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        self.articles = []

    def start(self, pelican):
        self.counter.messages.clear()
        self.counter.warnings = 0
        self.articles = []
        root = logging.getLogger()
        for handler in (self.counter, self.plain):
            root.removeHandler(handler)
        if not root.handlers:
            root.addHandler(self.plain)
        root.addHandler(self.counter)

    def collect(self, generator):
        self.articles = [*generator.articles, *generator.translations]

    @staticmethod
    def _list(settings, name: str, lines: list[str]) -> Path:
        listing = report_file(settings, name)
        listing.parent.mkdir(parents=True, exist_ok=True)
        listing.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return listing

    def report_names(self) -> None:
        """One line: how many names recur without a glossary entry, for `make names`."""
        groups = recurring(group_names((a.relative_source_path, getattr(a, "names", None) or [])
                                       for a in self.articles))
        if groups:
            console.print(f"{len(groups)} name(s) on {RECURRING_SEEDS} or more seeds have no glossary entry: "
                          "`make names` lists them, the most seeds first", soft_wrap=True)

    def finish(self, state: BuildState):
        """The `report_build` stage, the last of a build."""
        PROGRESS.close()
        doubtful = sorted(
            f"{a.relative_source_path}: {', '.join(a.low_confidence)}"
            for a in self.articles
            if getattr(a, "low_confidence", None)
        )
        import_warnings = sorted(
            f"{a.relative_source_path}: {warning}"
            for a in self.articles
            for warning in getattr(a, "import_warnings", None) or []
        )
        settings = state.settings
        listed = self._list(settings, IMPORT_WARNINGS, import_warnings)
        if import_warnings:
            console.print(f"{len(import_warnings)} import warning(s), all listed in "
                          f"{os.path.relpath(listed, settings['PATH'])} (a seed's warnings are "
                          "shown when it is imported, not again while it is unchanged)", soft_wrap=True)
        if doubtful:
            # All of them in a file; the first few on screen, so the end of a
            # long build fits on one screen.
            listing = self._list(settings, LOW_CONFIDENCE, doubtful)
            shown = doubtful[:SHOWN_DOUBTS]
            more = f"\n  … and {len(doubtful) - len(shown)} more" if len(doubtful) > len(shown) else ""
            logger.warning("%d article(s) with low-confidence fields (correct them in a .corrections.toml "
                           "file; all listed in %s):\n  %s%s", len(doubtful),
                           os.path.relpath(listing, settings["PATH"]), "\n  ".join(shown), more)
        self.report_names()
        errors = list(self.counter.messages)
        now = time.monotonic()
        stages = {"reading": (state.contexts_made or now) - state.started, **state.stage_seconds}
        # As the home page counts them: a story and its translation are one story.
        languages = Counter(getattr(a, "lang", "") for a in self.articles)
        versions = ", ".join(f"{count} {LANGUAGE_NAMES.get(lang, lang)}" for lang, count in sorted(languages.items()))
        stories = len(self.articles) - sum(1 for a in self.articles if a.metadata.get("translation-of"))
        console.print(
            f"Build summary: {stories} stories ({len(self.articles)} article pages: {versions}), "
            f"{state.pages_written} pages written, "
            f"{state.pages_unchanged} unchanged, {len(errors)} errors, "
            f"{self.counter.warnings + len(import_warnings)} warnings, {len(doubtful)} with low-confidence fields; "
            + ", ".join(f"{name} {_seconds(seconds)} s" for name, seconds in stages.items())
            + f", total {now - state.started:.1f} s",
            soft_wrap=True,
        )
        if errors and settings_of(settings).strict:
            raise BuildFailed(f"strict mode: {len(errors)} error(s):\n  " + "\n  ".join(errors))


def _seconds(value: float) -> str:
    # Two decimals under ten seconds: a stage's 1.8 s could be 1.75 or 1.85,
    # too coarse to compare two builds' stages (make bench's growth ratios
    # would move by 3 %; a 0.1 s stage's by half).
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


REPORT = BuildReport()


def register():
    signals.initialized.connect(REPORT.start)
    report_build.connect(REPORT.finish)
    signals.article_generator_finalized.connect(REPORT.collect)
