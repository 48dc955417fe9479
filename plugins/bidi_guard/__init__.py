"""Bidi guard: no article or page text carries bidirectional embedding or
override controls (U+202A–U+202E, U+2066–U+2069).

They are invisible and reorder what a reader sees, so a headline could
display as something other than what it says. Seeds are cleaned when they
are imported; this covers editors' Markdown and corrections too.
"""

import logging

from pelican import signals

from seed_reader.normalize import BIDI_CONTROLS as CONTROLS

logger = logging.getLogger(__name__)
# The attributes holding each field's text as written: Pelican keeps a summary
# from the metadata in `_summary` (its `summary` attribute computes one from
# the text, slowly, which cleaning `_content` covers).
FIELDS = ("title", "title_en", "_summary", "summary_en", "caption", "_content")


def strip_controls(content):
    for field in FIELDS:
        value = getattr(content, field, None)
        if isinstance(value, str) and CONTROLS.search(value):
            cleaned = CONTROLS.sub("", value)
            setattr(content, field, cleaned)
            name = field.lstrip("_")
            if name in content.metadata:
                content.metadata[name] = cleaned
            logger.warning("%s: removed bidirectional control characters from %s",
                           content.get_relative_source_path(), name)


def register():
    signals.content_object_init.connect(strip_controls)
