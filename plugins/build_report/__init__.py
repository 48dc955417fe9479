"""Build report: what a build could not do, and which fields it doubts.

Pelican logs a file it cannot read and still exits 0. This plugin counts every
error logged during a build, ends the build with a short summary (articles,
pages written, errors, articles with low-confidence fields, time) and, in
strict mode (`BUILD_STRICT = True`, as `make check` and CI build), fails the
build when anything was logged as an error.
"""

import logging
import sys
import time

from pelican import signals

logger = logging.getLogger(__name__)


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


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
        self.started = time.monotonic()
        self.articles = []

    def start(self, pelican):
        self.counter.messages.clear()
        self.articles = []
        self.started = time.monotonic()
        root = logging.getLogger()
        for handler in (self.counter, self.plain):
            root.removeHandler(handler)
        if not root.handlers:
            root.addHandler(self.plain)
        root.addHandler(self.counter)

    def collect(self, generator):
        self.articles = [*generator.articles, *generator.translations]

    def finish(self, pelican):
        doubtful = sorted(
            f"{a.get_relative_source_path()}: {', '.join(a.low_confidence)}"
            for a in self.articles
            if getattr(a, "low_confidence", None)
        )
        if doubtful:
            logger.warning("%d article(s) with low-confidence fields (correct them in a "
                           ".corrections.toml file):\n  %s", len(doubtful), "\n  ".join(doubtful))
        errors = list(self.counter.messages)
        logger.info(
            "Build summary: %d article(s), %d error(s), %d with low-confidence fields, %.1f s",
            len(self.articles), len(errors), len(doubtful), time.monotonic() - self.started,
        )
        if errors and pelican.settings.get("BUILD_STRICT"):
            raise BuildFailed(f"strict mode: {len(errors)} error(s):\n  " + "\n  ".join(errors))


REPORT = BuildReport()


def register():
    signals.initialized.connect(REPORT.start)
    signals.article_generator_finalized.connect(REPORT.collect)
    signals.finalized.connect(REPORT.finish)
