"""Pelican glue: seeds/*.txt become articles; a seed that cannot be imported is
reported as `file:line: reason` and skipped, and the rest of the archive builds."""

import datetime as dt
import html
import logging
import os
from functools import partial
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.readers import BaseReader

from akhbar.archive_dates import UNDATED_SORT_DATE
from akhbar.bidi import isolate_runs
from akhbar.build import (
    build_held,
    build_state,
    collector_paused,
    edit_is_local,
    keep_for_next_build,
    reading_token,
    readings_kept,
    sources_changed,
)
from akhbar.compat import list_files_with
from akhbar.kept import kept_folder
from akhbar.progress import PROGRESS
from akhbar.published_urls import read_segments, record_path
from akhbar.reports import IMPORT_WARNING, IMPORT_WARNINGS, report_file
from akhbar.segments import sources_of
from akhbar.settings import site_settings
from akhbar.sources import source_files

from .archive_chrome import MIN_SEEDS
from .corrections import SUFFIX, seed_for
from .decoding import SeedError
from .importer import extractor_for
from .imports import CACHE_FILE, ImportedSeeds
from .knowledge import KnowledgeError
from .same_story import SAME_STORIES
from .settings import settings_of

logger = logging.getLogger(__name__)

# Where the lines the archive taught are chrome are listed.
ARCHIVE_CHROME = "archive-chrome.txt"
# Import warnings shown in one build; all of them are listed in a file.
SHOWN_IMPORT_WARNINGS = 20


def location(path: Path, line: int | None, root: str) -> str:
    """`seeds/x.txt:12`: the path from the project root (a string operation: a
    build names thousands of seeds in warnings; the sources have no links)."""
    shown = os.path.relpath(path, root)
    if shown.startswith(os.pardir):
        shown = str(path)
    return f"{shown}:{line}" if line else shown


def render_body(paragraphs: list[str], language: str) -> str:
    """Paragraphs as HTML; seed text is text, so markup in it is escaped, never run."""
    return "\n".join(f"<p>{isolate_runs(p, language)}</p>" for p in paragraphs)


class ImportsOfThisBuild:
    """The build's ImportedSeeds (imports.py): opened when the seeds are listed,
    filled on every core before Pelican reads the seeds one by one, saved
    when the build ends."""

    def __init__(self):
        self.imports: ImportedSeeds | None = None
        self.prefetched = False
        self.warnings_shown = 0

    def warn(self, message: str, settings) -> None:
        self.warnings_shown += 1
        if self.warnings_shown <= SHOWN_IMPORT_WARNINGS:
            logger.warning("%s", message, extra=IMPORT_WARNING)
        elif self.warnings_shown == SHOWN_IMPORT_WARNINGS + 1:
            listing = os.path.relpath(report_file(settings, IMPORT_WARNINGS), settings.get("PATH", "."))
            logger.warning("… more import warnings: all listed in %s", listing, extra=IMPORT_WARNING)

    def open(self, settings) -> ImportedSeeds:
        if self.imports is None:
            data_dir = Path(settings_of(settings).data_dir)
            self.imports = ImportedSeeds(kept_folder(settings) / CACHE_FILE, data_dir)
            # For the search page's lexicon (search_index).
            build_state().knowledge = extractor_for(data_dir).knowledge
        return self.imports

    def prefetch(self, generator):
        if self.prefetched:
            return
        self.prefetched = True
        settings = generator.settings
        files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"],
                                    extensions=("txt",))
        PROGRESS.start("Reading seeds", len(files))
        try:
            imports = self.open(settings)
        except KnowledgeError:
            return  # reported by the reader, seed by seed
        # In the set's own order: the order in which Pelican, iterating the
        # same set, asks for the seeds, so reading follows the imports closely.
        imports.prefetch([Path(os.path.abspath(os.path.join(generator.path, f))) for f in files],
                         settings_of(settings).workers or os.cpu_count() or 1)
        self.report_archive_chrome(imports, settings)

    @staticmethod
    def report_archive_chrome(imports: ImportedSeeds, settings) -> None:
        """The lines the archive taught are chrome, all in a file, counted on screen."""
        listing = report_file(settings, ARCHIVE_CHROME)
        listing.parent.mkdir(parents=True, exist_ok=True)
        listing.write_text("".join(f"{seeds}\t{text}\n" for text, seeds in
                                   sorted(imports.learned.values(), key=lambda item: (-item[1], item[0]))),
                           encoding="utf-8")
        if imports.learned:
            # An editor should know which lines the archive took out of every page.
            logger.warning("%d line(s) printed on %d or more seeds are treated as site chrome (listed in %s; "
                           "keep one in the text with data/never_chrome.toml)", len(imports.learned), MIN_SEEDS,
                           os.path.relpath(listing, settings.get("PATH", ".")), extra=IMPORT_WARNING)

    def forget(self, paths: list[str]) -> None:
        """The live preview reads these seeds again: their imports are looked at anew."""
        if self.imports is not None:
            for path in paths:
                self.imports.forget(Path(path))

    def reading_token(self, generator, path: str) -> str | None:
        """A resident build asks whether its kept reading of a source is
        still this build's (akhbar.build.reading_token): a seed whose import
        is current answers with the import's key, which covers its bytes, its
        corrections, the importer and the learned lines it prints."""
        return self.imports.current_key(Path(path)) if self.imports is not None else None

    def hold(self, _state) -> None:
        """The build is held (akhbar/held_build.py): its quick rebuilds run in forked processes."""
        if self.imports is not None:
            self.imports.let_go()

    def edit_is_local(self, readings: dict, held: dict) -> str | None:
        """A quick rebuild read these sources again: why an edit to a seed can
        reach other articles, or None (akhbar.build.edit_is_local)."""
        seeds = [path for path in readings if path.endswith(".txt")]
        for path in seeds:
            if self.imports is None or not self.imports.prints_what_was_learned_from(Path(path)):
                return f"{location(Path(path), None, '.')}: the lines the archive learns its chrome from changed"
        if seeds and not SAME_STORIES.decision_stands(seeds):
            return "the decision on duplicates changed"
        return None

    def set_aside(self, _sender=None) -> None:
        """The resident process has read every seed: close the store unsaved
        (a build saves it), so that each build opens it anew."""
        self._let_go(keep=False)

    def finish(self, state):
        # Saving makes a tuple for each seed's stamp, all alive until saved.
        with collector_paused():
            self._let_go(keep=True)

    def _let_go(self, keep: bool) -> None:
        PROGRESS.finish("Reading seeds")
        if self.imports is not None:
            self.imports.save() if keep else self.imports.close()
        self.imports, self.prefetched, self.warnings_shown = None, False, 0


IMPORTS = ImportsOfThisBuild()


class SeedReader(BaseReader):
    enabled = True
    file_extensions = ["txt"]

    def read(self, source_path):
        path = Path(source_path)
        root = self.settings.get("PATH", ".")
        PROGRESS.advance("Reading seeds")
        try:
            imports = IMPORTS.open(self.settings)
            seed = imports.get(path)
        except SeedError as error:
            where = location(getattr(error, "path", path), error.line, root)
            logger.error("%s: %s", where, error.reason)
            return "", {"status": "skip", "title": path.name}
        except KnowledgeError as error:
            for problem in error.problems:
                logger.error("%s", problem)
            return "", {"status": "skip", "title": path.name}

        # A mistake in the corrections file is an error on every build (strict
        # builds fail), while the article is built with what was extracted.
        for line, reason in seed.correction_problems:
            logger.error("%s: %s", location(seed.sidecar, line, root), reason)
        found = seed.extraction
        SAME_STORIES.seen(path, seed, root)
        # A seed's warnings are shown when it is imported, not again on every
        # build that keeps its import (as Pelican's own content cache does),
        # and the first few only. The build counts them all and lists them
        # all in a file (build_report).
        if found.warnings and not imports.kept_from_earlier_build(path):
            for warning in found.warnings:
                IMPORTS.warn(f"{location(path, None, root)}: {warning}", self.settings)

        summary_en = seed.corrections.get("summary_en")
        metadata = {
            "title": found.title,
            "slug": seed.slug,
            "lang": found.language,
            "date": dt.datetime.combine(found.date, dt.time()) if found.date else UNDATED_SORT_DATE,
            "undated": found.date is None,
            "date_confidence": found.date_confidence,
            "date_source": found.date_source,
            "title_confidence": found.title_confidence,
            "title_en": seed.corrections.get("title_en"),
            "summary": html.escape(found.summary, quote=False),
            # For the English side's card of an Urdu article, as title_en; HTML, as Pelican's summary is.
            "summary_en": summary_en and html.escape(summary_en.strip(), quote=False),
            "standfirst": found.standfirst,
            "byline": found.author,
            "outlet": found.outlet,
            "source_credit": found.wire,
            "captions": found.captions,
            "entities": found.entities,
            # Names the glossary does not know: searchable, counted for `make names`, no page of their own.
            "names": found.names,
            "word_count": found.word_count,
            "reading_minutes": found.reading_minutes,
            "import_warnings": found.warnings,
            "low_confidence": found.low_confidence_fields(),
            "corrected": found.corrected,
            "source_url": seed.corrections.get("source_url"),
        }
        if found.category:
            metadata["category"] = self.process_metadata("category", found.category.id)
            metadata["category_info"] = found.category
        return render_body(found.paragraphs, found.language), metadata


class RegularFilesOnly:
    """Every generator lists its files with sources.source_files (the rule
    `make check` follows too) instead of Pelican's get_files, which follows
    links; each refused file is reported once a build, as an error."""

    def __init__(self):
        self.reported: set[str] = set()
        # Each walk once a build: Pelican lists the seeds folder five times
        # (articles, the check for disabled readers, the seeds' prefetch).
        self.walked: dict[tuple, list[str]] = {}

    def start(self, pelican):
        self.reported.clear()
        self.walked.clear()

    def use_for(self, generator):
        segment = site_settings(generator.settings).segment
        # A segment build reads only its own articles (akhbar.segments).
        articles_of = (lambda found: found) if segment is None or not isinstance(generator, ArticlesGenerator) \
            else partial(sources_of, str(segment), segments=read_segments(record_path(generator.settings)))

        def walk(paths, exclude):
            paths = [paths] if isinstance(paths, str) else paths
            key = (type(generator), generator.path, tuple(paths), tuple(exclude),
                   tuple(generator.settings["IGNORE_FILES"]))
            if key not in self.walked:
                found, refused = source_files(generator.path, paths, exclude, generator.settings["IGNORE_FILES"])
                # A corrections file whose seed was renamed or deleted: said, as make check says it.
                refused += [f"{name}: corrects {seed_for(Path(name)).name}, which does not exist; nothing applied"
                            for name in found if name.endswith(SUFFIX)
                            and not os.path.lexists(seed_for(Path(generator.path, name)))]
                for problem in refused:
                    if problem not in self.reported:
                        self.reported.add(problem)
                        logger.error("%s", problem)
                self.walked[key] = articles_of(found)
            return self.walked[key]

        list_files_with(generator, walk)


REGULAR_FILES_ONLY = RegularFilesOnly()


def add_reader(readers):
    readers.reader_classes["txt"] = SeedReader


def register():
    signals.initialized.connect(REGULAR_FILES_ONLY.start)
    signals.generator_init.connect(REGULAR_FILES_ONLY.use_for)
    signals.readers_init.connect(add_reader)
    signals.article_generator_preread.connect(IMPORTS.prefetch)
    keep_for_next_build.connect(IMPORTS.finish)
    sources_changed.connect(IMPORTS.forget)
    reading_token.connect(IMPORTS.reading_token)
    # SAME_STORIES keeps what it has seen: a kept reading is not read again.
    readings_kept.connect(IMPORTS.set_aside)
    build_held.connect(IMPORTS.hold)
    edit_is_local.connect(IMPORTS.edit_is_local)
    # Before translations and unique_urls: a copy left out claims no URL.
    signals.article_generator_pretaxonomy.connect(SAME_STORIES.fold)
    keep_for_next_build.connect(SAME_STORIES.finish)
