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
_PLAIN = frozenset({str, int, float, bool, type(None)})


# How _text writes a value of each type.
_REPR, _ISO, _MAPPING, _SEQUENCE = "repr", "iso", "mapping", "sequence"
_SET, _CONTENT, _OBJECT = "set", "content", "object"


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
        self._ways: dict[type, str] = {}

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
        # Dispatched on the value's type, worked out once per type: a page's
        # values are walked a million times in a build of 10,000 articles.
        kind = type(value)
        way = self._ways.get(kind) or self._way_of(kind)
        if way is _REPR:
            return repr(value)
        if way is _SEQUENCE:
            return "[" + ",".join([self._text(v, full) for v in value]) + "]"
        if way is _MAPPING:
            return "{" + ",".join([f"{self._text(k, full)}:{self._text(v, full)}"
                                   for k, v in sorted(value.items(), key=lambda item: repr(item[0]))]) + "}"
        if way is _ISO:
            return value.isoformat()
        if way is _SET:
            return "{" + ",".join(sorted([self._text(v, full) for v in value])) + "}"
        if way is _CONTENT:
            if not full:
                return f"<link {self.reference(value)}>"
            return "<article " + self._own(value) + ">"
        # Stories, glossary entries, outlets: shown on many pages, hashed once,
        # and short in the text of every page that shows them.
        key = (id(value), full)
        known = self._objects.get(key)
        if known is not None:
            return known[1]
        # Each kept with the value itself: holding it keeps its id unique.
        if hasattr(value, "name") and hasattr(value, "render"):  # a Jinja template
            self._objects[key] = (value, f"<template {value.name}>")
            return self._objects[key][1]
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
        self._objects[key] = (value, f"<{type(value).__name__} {hashlib.sha1(text.encode('utf-8')).hexdigest()}>")
        return self._objects[key][1]

    def _way_of(self, kind: type) -> str:
        # In this order: a bool is an int, a datetime a date, Markup a str.
        if issubclass(kind, tuple(_PLAIN)):
            way = _REPR
        elif issubclass(kind, (dt.date, dt.datetime, dt.time)):
            way = _ISO
        elif issubclass(kind, dict):
            way = _MAPPING
        elif issubclass(kind, (list, tuple)):
            way = _SEQUENCE
        elif issubclass(kind, (set, frozenset)):
            way = _SET
        elif issubclass(kind, Content):
            way = _CONTENT
        else:
            way = _OBJECT
        self._ways[kind] = way
        return way

    def _own(self, content) -> str:
        """An article on its own page: its text and every attribute, among
        them links to its translations and its related stories."""
        key = id(content)
        if key not in self._refs:
            # Pelican sets every metadata field as an attribute too: `own` has them all.
            attributes, values = [], vars(content)
            for name in sorted(values.keys() - self.SKIPPED):
                value = values[name]
                text = repr(value)
                # repr() is the fast way; a value without a stable repr (other
                # articles, stories) takes the long one. A plain value has one.
                if type(value) not in _PLAIN and _ADDRESS.search(text):
                    text = self._text(value, full=False)
                attributes.append(f"{name}={text}")
            parts = (content.url, body_as_read(content), "\n".join(attributes))
            # Hashed as they are: repr() of the body and attributes would copy them again.
            self._refs[key] = hashlib.sha1("".join(f"{len(part)}:{part}" for part in parts).encode("utf-8")).hexdigest()
        return self._refs[key]

