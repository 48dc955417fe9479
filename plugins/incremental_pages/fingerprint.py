"""What a page is made of, as one hash: when it matches the last build's, the
page need not be rendered again.

Pure logic, no Pelican glue. A page's fingerprint covers the values a
generator passes to its template (article, stories, heading, page number ...)
and the build's `site_key` (settings, theme, plugins and their data files).
Articles are hashed by what a page can show of them: an article on its own
page by its text, metadata, URL, translations and related stories; on another
page by its link (URL, language, title), and a story by its cards (an object
with a `fingerprint()` method says what pages show of it). So editing the
body of an article makes again its own page, not every listing it is on.

A value with no stable text (an object shown as "<... at 0x...>") makes the
page unfingerprintable: it is rendered on every build, slow but never stale.
"""

import dataclasses
import datetime as dt
import hashlib
import re

from pelican.contents import Content

from akhbar.compat import CONTENT_BODY, CONTENT_BUILD_ATTRIBUTES, body_as_read

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


class Unfingerprintable(ValueError):
    pass


def _plain_repr(value) -> str | None:
    """repr() of a value made of plain values (a story's cards: strings,
    dates, glossary entries shown by id), the fast way to its text; None when
    it holds an object shown by address, or braces: a set's order changes
    from run to run (and a dict, or a title with a brace, takes the long way too)."""
    text = repr(value)
    return None if "{" in text or _ADDRESS.search(text) else text


class Fingerprinter:
    """Hashes values; remembers each article's hash for the rest of the build."""

    # Attributes of an article that are the build itself (its settings and
    # context: the site key has them), its body (hashed as it is, below) and
    # its metadata (the same values as its attributes).
    SKIPPED = {*CONTENT_BUILD_ATTRIBUTES, CONTENT_BODY, "metadata"}

    def __init__(self, site_key: str):
        self.site_key = site_key
        self._refs: dict[int, str] = {}
        self._objects: dict[tuple, tuple] = {}

    def page(self, name: str, template_name: str, values: dict) -> str | None:
        try:
            text = self._text({"name": name, "template": template_name, "values": values}, full=True)
        except Unfingerprintable:
            return None
        return hashlib.sha256((self.site_key + text).encode("utf-8")).hexdigest()

    def reference(self, content) -> str:
        """An article as a link on another page shows it."""
        key = ("link", id(content))
        if key not in self._objects:
            self._objects[key] = (content, repr((content.url, content.lang, content.title)))
        return self._objects[key][1]

    def _text(self, value, full: bool) -> str:
        if value is None or isinstance(value, (str, int, float, bool)):
            return repr(value)
        if isinstance(value, (dt.date, dt.datetime, dt.time)):
            return value.isoformat()
        if isinstance(value, dict):
            return "{" + ",".join(f"{self._text(k, full)}:{self._text(v, full)}"
                                  for k, v in sorted(value.items(), key=lambda item: repr(item[0]))) + "}"
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(self._text(v, full) for v in value) + "]"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self._text(v, full) for v in value)) + "}"
        if isinstance(value, Content):
            if not full:
                return f"<link {self.reference(value)}>"
            return "<article " + self._own(value) + ">"
        if hasattr(value, "name") and hasattr(value, "render"):  # a Jinja template
            return f"<template {value.name}>"
        # Stories, glossary entries, outlets: shown on many pages, hashed once,
        # and short in the text of every page that shows them.
        key = (id(value), full)
        if key not in self._objects:
            if hasattr(value, "fingerprint") and callable(value.fingerprint):
                # An object that says what pages show of it (a story: its cards).
                shown = value.fingerprint()
                text = _plain_repr(shown) or self._text(shown, full=False)
            elif dataclasses.is_dataclass(value) and not isinstance(value, type):
                text = _plain_repr(value) or \
                    self._text({f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, full)
            else:
                text = repr(value)
                if _ADDRESS.search(text):
                    raise Unfingerprintable(text)
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            self._objects[key] = (value, f"<{type(value).__name__} {digest}>")  # holding value keeps its id unique
        return self._objects[key][1]

    def _own(self, content) -> str:
        """An article on its own page: its text and every attribute, among
        them links to its translations and its related stories."""
        key = id(content)
        if key not in self._refs:
            # Pelican sets every metadata field as an attribute too: `own` has them all.
            own = sorted((k, v) for k, v in vars(content).items() if k not in self.SKIPPED)
            # repr() is the fast way; a value without a stable repr (other
            # articles, stories) takes the long one.
            attributes = []
            for name, value in own:
                text = repr(value)
                attributes.append(f"{name}={self._text(value, full=False) if _ADDRESS.search(text) else text}")
            parts = (content.url, body_as_read(content), "\n".join(attributes))
            # Hashed as they are: repr() of the body and attributes would copy them again.
            self._refs[key] = hashlib.sha1("".join(f"{len(part)}:{part}" for part in parts).encode("utf-8")).hexdigest()
        return self._refs[key]

