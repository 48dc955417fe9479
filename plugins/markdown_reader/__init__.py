"""Markdown reader: Pelican's, converting only the files whose text changed.

Pelican converts every Markdown file on every build: a millisecond or two
each, a second and a half for the 1,000 English articles of a
10,000-article archive. This reader keeps each conversion (conversions.py,
in CACHE_PATH/markdown.pickle) and converts a file again only when its text,
the MARKDOWN settings or Python-Markdown changed; the metadata is still read
by Pelican's own code, on every build.
"""

from pathlib import Path

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .conversions import KeptConversions, conversion_key


class KeptConversionsOfThisBuild:
    def __init__(self):
        self.conversions: KeptConversions | None = None

    def open(self, settings) -> KeptConversions:
        if self.conversions is None:
            self.conversions = KeptConversions(Path(settings.get("CACHE_PATH", "cache")) / "markdown.pickle")
        return self.conversions

    def save(self, pelican):
        if self.conversions is not None:
            self.conversions.save()
            self.conversions = None


CONVERSIONS = KeptConversionsOfThisBuild()


class KeptMarkdownReader(MarkdownReader):
    def read(self, source_path):
        self._source_path = source_path
        conversions = CONVERSIONS.open(self.settings)
        # A fresh parser, as Pelican's: its metadata reading converts formatted
        # fields (summary) with it, and changes it while doing so.
        self._md = Markdown(**self.settings["MARKDOWN"])
        with pelican_open(source_path) as text:
            key = conversion_key(text, self.settings["MARKDOWN"])
            kept = conversions.get(key)
            if kept is None:
                kept = (self._md.convert(text), getattr(self._md, "Meta", None))
                conversions.put(key, *kept)
        content, meta = kept
        return content, (self._parse_metadata(meta) if meta is not None else {})


def use_kept_conversions(readers):
    for extension in KeptMarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = KeptMarkdownReader


def register():
    signals.readers_init.connect(use_kept_conversions)
    signals.finalized.connect(CONVERSIONS.save)
