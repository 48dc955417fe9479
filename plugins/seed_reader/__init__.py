"""Seed reader: raw scraped news pages (`seeds/*.txt`) as Pelican articles.

Pure logic lives in `extract` (text in, metadata out) and the modules it uses;
`reader` connects it to Pelican's signals, `same_story` to the build's
articles, and `cli` (make check, make extract) reads Pelican's settings.
"""

from .reader import register

__all__ = ["register"]
