"""Markdown reader: Pelican's, converting only the files whose text changed.

Pelican converts every Markdown file on every build: a millisecond or two
each, a second and a half for the 1,000 English articles of a
10,000-article archive. This reader keeps each conversion (conversions.py,
in CACHE_PATH/markdown.pickle) and converts a file again only when its text,
the MARKDOWN settings or Python-Markdown changed; the metadata is still read
by Pelican's own code, on every build.

Before Pelican reads a file, its metadata is checked (akhbar/markdown_metadata.py):
a file with a value Pelican or the site cannot take, or an {attach} or {static}
link to a file outside content/ (in any attribute, in the body or the summary),
is reported as `path:line: reason` and not built; a draft is not built either.
Every body and summary goes through an HTML sanitiser.
"""

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from akhbar import markdown_metadata as metadata
from akhbar.bidi import isolate_html
from akhbar.build import keep_for_next_build, reading_token, readings_kept
from akhbar.compat import markdown_metadata, start_markdown_read
from akhbar.kept import kept_folder

from .conversions import KeptConversions, conversion_key

logger = logging.getLogger(__name__)


class KeptConversionsOfThisBuild:
    def __init__(self):
        self.conversions: KeptConversions | None = None

    def open(self, settings) -> KeptConversions:
        if self.conversions is None:
            self.conversions = KeptConversions(kept_folder(settings) / "markdown.pickle")
        return self.conversions

    def save(self, state):
        if self.conversions is not None:
            self.conversions.save()
            self.conversions = None

    def set_aside(self, _sender=None) -> None:
        """The resident process has read every article: each build opens the conversions anew."""
        self.conversions = None

    def reading_token(self, generator, path: str) -> str | None:
        """A resident build asks whether its kept reading of a source is still
        this build's (akhbar.build.reading_token): a Markdown file answers with
        its conversion's key (its text, the Markdown settings, Python-Markdown's
        version) when that conversion is kept, and counts it as used. Not one
        with an {attach} or {static} link: whether it is refused depends on another file."""
        if Path(path).suffix.lstrip(".") not in KeptMarkdownReader.file_extensions:
            return None
        try:
            text = Path(path).read_text(encoding="utf-8-sig")  # as pelican_open reads it
        except (OSError, UnicodeDecodeError):
            return None
        if metadata.names_files(text):
            return None
        key = conversion_key(text, generator.settings["MARKDOWN"])
        return key if self.open(generator.settings).get(key) is not None else None


CONVERSIONS = KeptConversionsOfThisBuild()


class KeptMarkdownReader(MarkdownReader):
    def read(self, source_path):
        parser = start_markdown_read(self, source_path)
        conversions = CONVERSIONS.open(self.settings)
        root = self.settings["PATH"]
        shown = os.path.relpath(source_path, root)
        with pelican_open(source_path) as text:
            fields, problems = metadata.header(text)
            kind = "page" if any(Path(shown).is_relative_to(p) for p in self.settings["PAGE_PATHS"]) else "article"
            problems += metadata.field_problems(fields, kind)
            if fields.get("status", (0, ""))[1].lower() == "draft" and not problems:
                logger.info("%s: a draft, not built", shown)
                return "", {"status": "skip", "title": shown}
            key = conversion_key(text, self.settings["MARKDOWN"])
            kept = conversions.get(key)
            if kept is None:
                kept = (parser.convert(text), getattr(parser, "Meta", None))
                conversions.put(key, *kept)
        content, meta = kept
        # The other script's runs isolated, as in seeds (akhbar.bidi); a bad Lang: is reported below.
        lang = fields.get("lang", (0, self.settings["DEFAULT_LANG"]))[1]
        content = isolate_html(metadata.sanitise(content), lang)
        found = {}
        if not problems:
            found = markdown_metadata(self, meta) if meta is not None else {}
            if "summary" in found:
                found["summary"] = isolate_html(metadata.sanitise(found["summary"]), lang)
        # Pelican copies the files the summary links too.
        problems += [(metadata.line_of(text, link), f"link {link!r} refused: {reason}")
                     for link, reason in metadata.refused_files(content + found.get("summary", ""), shown, root)]
        if problems:
            for line, reason in problems:
                logger.error("%s: %s", f"{shown}:{line}" if line else shown, f"{reason}; not built")
            return "", {"status": "skip", "title": shown}
        return content, found


def use_kept_conversions(readers):
    for extension in KeptMarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = KeptMarkdownReader


def register():
    signals.readers_init.connect(use_kept_conversions)
    keep_for_next_build.connect(CONVERSIONS.save)
    reading_token.connect(CONVERSIONS.reading_token)
    readings_kept.connect(CONVERSIONS.set_aside)
