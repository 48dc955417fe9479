"""Story cards as HTML: each story's card rendered once per language, for
every page that lists the story.

A story shows on the home page, its month, day and year, its outlet and
category, the page of every name it mentions and beside related articles:
rendering its card each time was most of a build's rendering. The cards are
rendered with stand-ins for SITEURL (which differs with a page's folder) and
the heading level (a listing's cards are headed h2, related articles' h3),
filled in per page.

`CardSheet`: before the pages are rendered, every story's cards, rendered in
forked processes into one file that the page renderers read by memory map.
Each page renderer is a process of its own, which would otherwise render
again the cards of every story its pages list; and each such story would
make it copy the pages of the build's memory that hold the story's articles
(at 100,000 articles, pages listing a name's stories took 12 ms each, two
thirds of it their cards). Bytes read through a memory map are neither
copied nor counted as a process's own. The sheet also gives each story a
digest of its cards, which is what a page's fingerprint holds of it.

`CardCache`: a card from the sheet, or, for a story the sheet does not have
(the live preview, which reads an article again and renders in memory),
rendered in this process and kept.
"""

import hashlib
import math
import mmap
import tempfile
from array import array
from pathlib import Path

from markupsafe import Markup

from akhbar import forked
from akhbar.languages import LANGUAGES, page_language

SITEURL = "\x00SITEURL\x00"
LEVEL = "\x00LEVEL\x00"
# Stories per forked process at most: each copies the memory holding its
# stories' articles, and gives it back when it ends; it ends sooner once it
# has made MEMORY_PER_PROCESS its own. Fewer, longer processes: a fork of a
# large build costs in proportion to the build (its page tables), and at
# 100,000 articles fifty processes of 2,000 stories made this stage grow
# half as fast again as the archive.
STORIES_PER_PROCESS = 25_000
MEMORY_PER_PROCESS = 400_000_000
# Below this many stories, forking costs more than it saves.
PARALLEL_MIN_STORIES = 500


def card_macros(environment, site_context: dict, lang: str):
    """The theme's macros, as a page in `lang` sees them, with the stand-in SITEURL."""
    values = {**site_context, "SITEURL": SITEURL, "page_lang": lang}
    return environment.get_template("_macros.html").make_module(values)


def fill_in(html: str, siteurl: str, level: int) -> Markup:
    return Markup(html.replace(SITEURL, siteurl).replace(LEVEL, str(level)))


class CardSheet:
    """Every story's card in each language, rendered once, read by memory map."""

    def __init__(self, stories: list, environment, site_context: dict, folder: Path, workers: int):
        self.stories = stories
        macros = {lang: card_macros(environment, site_context, lang) for lang in LANGUAGES}
        run = min(STORIES_PER_PROCESS, math.ceil(len(stories) / max(workers, 1)) or 1)
        shares = [(start, min(start + run, len(stories))) for start in range(0, len(stories), run)]
        made = {}  # first story's slot -> its run's cards

        def render(share):
            start, end = share
            return _render_cards(stories[start:end], macros, forked.faulted_in(MEMORY_PER_PROCESS))

        def keep(share, result):
            made[share[0]] = result
            done = share[0] + len(result[2])
            return (done, share[1]) if done < share[1] else None

        if workers > 1 and len(stories) >= PARALLEL_MIN_STORIES:
            forked.in_processes(render, shares, workers, keep, "rendering story cards")
        else:
            made = {start: _render_cards(stories[start:end], macros) for start, end in shares}
        # One file, unnamed: gone when the build ends, whatever way it ends.
        folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder, prefix="cards-")
        self.offsets = array("q", [0])  # story slot * languages + language -> where its card starts
        for start in sorted(made):
            blob, lengths, digests = made.pop(start)
            self._file.write(blob)
            for length in lengths:
                self.offsets.append(self.offsets[-1] + length)
            for slot, digest in enumerate(digests, start=start):
                stories[slot].sheet_slot, stories[slot].cards_digest = slot, digest
        self._file.flush()
        self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if self.offsets[-1] else b""

    def html(self, slot: int, lang: str) -> str:
        at = slot * len(LANGUAGES) + LANGUAGES.index(lang)
        return self._map[self.offsets[at]:self.offsets[at + 1]].decode("utf-8")

    def close(self) -> None:
        for story in self.stories:
            story.sheet_slot = story.cards_digest = None
        if isinstance(self._map, mmap.mmap):
            self._map.close()
        self._file.close()


def _render_cards(stories, macros, full=lambda: False) -> tuple[bytes, list[int], list[str]]:
    """The cards of these stories in each language, as one blob of UTF-8, the
    length of each card in it, and each story's digest of its cards; only
    the first ones, at least one, if `full()` says to stop."""
    parts, lengths, digests = [], [], []
    for story in stories:
        if digests and full():
            break
        digest = hashlib.sha1()
        for lang in LANGUAGES:
            html = render_card(macros[lang], story, lang).encode("utf-8")
            parts.append(html)
            lengths.append(len(html))
            digest.update(b"%d:" % len(html) + html)
        digests.append(digest.hexdigest())
    return b"".join(parts), lengths, digests


def render_card(macros, story, lang: str) -> str:
    return str(macros.card(story.card(lang), lang, LEVEL))


class CardCache:
    """The HTML of a story's card on a page: from the sheet when the build
    made one, else rendered here once per story and language."""

    def __init__(self):
        self.sheet: CardSheet | None = None
        self.cards = {}
        self.macros = {}
        self._archive = None

    def start(self, stories: list, environment, site_context: dict) -> None:
        """A new build's stories (archive_pages' generator), whose cards are made anew."""
        if self.sheet is not None:
            self.sheet.close()
            self.sheet = None
        self.cards.clear()
        self.macros.clear()
        self._archive = (stories, environment, site_context)

    def make_sheet(self, folder: Path, workers: int) -> None:
        """Every story's cards rendered ahead of the pages (the build's `render_shared_parts` stage)."""
        if self._archive is not None:
            self.sheet = CardSheet(*self._archive, folder, workers)

    def card(self, context, story, level: int) -> Markup:
        lang = page_language(context)
        if self.sheet is not None and story.sheet_slot is not None:
            return fill_in(self.sheet.html(story.sheet_slot, lang), context["SITEURL"], level)
        # Kept with the card it shows: a story whose article changed (the live
        # preview) makes a new card, and the old HTML is not used.
        card = story.card(lang)
        key = (id(story), lang)
        kept = self.cards.get(key)
        if kept is None or kept[0] is not card:
            macros = self.macros.get(lang)
            if macros is None:
                macros = self.macros[lang] = card_macros(context.environment, context.parent, lang)
            kept = self.cards[key] = (card, render_card(macros, story, lang))
        return fill_in(kept[1], context["SITEURL"], level)
