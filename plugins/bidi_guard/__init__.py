"""Bidi guard: no article or page text carries bidirectional embedding or
override controls (U+202A–U+202E, U+2066–U+2069).

They are invisible and reorder what a reader sees, so a headline could
display as something other than what it says. Seeds are cleaned when they
are imported; this covers editors' Markdown and corrections too.
"""

import logging

from pelican import signals

from akhbar.compat import set_text_as_written, text_as_written
from akhbar.normalize import BIDI_CONTROLS as CONTROLS

logger = logging.getLogger(__name__)
# Each field's text as written (a summary from the metadata; the body, which
# a summary computed from it follows); and every other text field the
# metadata has (a standfirst, a byline, one the theme may show tomorrow).
FIELDS = ("title", "title_en", "summary", "summary_en", "caption", "content")


def strip_controls(content):
    metadata_texts = (name for name, value in content.metadata.items() if isinstance(value, str))
    for field in dict.fromkeys([*FIELDS, *metadata_texts]):
        value = text_as_written(content, field)
        if isinstance(value, str) and CONTROLS.search(value):
            cleaned = CONTROLS.sub("", value)
            set_text_as_written(content, field, cleaned)
            if field in content.metadata:
                content.metadata[field] = cleaned
            logger.warning("%s: removed bidirectional control characters from %s",
                           content.get_relative_source_path(), field)


def register():
    signals.content_object_init.connect(strip_controls)
