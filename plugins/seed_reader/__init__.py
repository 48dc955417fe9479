"""Seed reader: raw scraped news pages (`seeds/*.txt`) as Pelican articles.

Pure logic lives in `extract` (text in, metadata out) and the modules it uses;
`reader` is the only part that knows Pelican.
"""

from .reader import register

__all__ = ["register"]
