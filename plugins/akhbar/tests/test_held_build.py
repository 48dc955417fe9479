"""A held build's quick rebuild finds the article a changed file belongs to
(akhbar/held_build.py); the rebuilds themselves are compared with clean
builds in tests/test_resident.py."""

import os

from akhbar.held_build import HeldBuild, source_of


def held_with(*sources: str) -> HeldBuild:
    articles = {source: object() for source in sources}
    by_stem = {(os.path.dirname(s), os.path.splitext(os.path.basename(s))[0]): s for s in sources}
    return HeldBuild(None, [], {}, articles, {}, {}, by_stem, (b"", b""))


def test_a_corrections_file_belongs_to_the_seed_of_the_longest_name_it_starts_with():
    held = held_with("/p/seeds/a.txt", "/p/seeds/a.b.txt", "/p/content/en/a.md")
    assert source_of(held, "/p/seeds/a.b.txt") == "/p/seeds/a.b.txt"
    assert source_of(held, "/p/seeds/a.b.corrections.toml") == "/p/seeds/a.b.txt"
    assert source_of(held, "/p/seeds/a.corrections.toml") == "/p/seeds/a.txt"
    assert source_of(held, "/p/content/en/a.md") == "/p/content/en/a.md"
    assert source_of(held, "/p/seeds/c.corrections.toml") is None  # no seed c: not an article's
    assert source_of(held, "/p/content/pages/about.md") is None
