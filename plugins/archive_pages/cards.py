"""Story cards as HTML: each story's card rendered once per language, for
every page that lists the story.

A story shows on the home page, its month, day and year, its outlet and
category, the page of every name it mentions and beside related articles:
rendering its card each time was most of a build's rendering. The cards are
rendered with stand-ins for SITEURL (which differs with a page's folder) and
the heading level (a listing's cards are headed h2, related articles' h3),
filled in per page.

`CardSheet`: before the pages are rendered, every story's cards, made in
forked processes into one file that the page renderers read by memory map.
Each page renderer is a process of its own, which would otherwise render
again the cards of every story its pages list; and each such story would
make it copy the pages of the build's memory that hold the story's articles
(at 100,000 articles, pages listing a name's stories took 12 ms each, two
thirds of it their cards). Bytes read through a memory map are neither
copied nor counted as a process's own. The sheet also gives each story a
digest of its cards, which is what a page's fingerprint holds of it. It is
kept for the next build (CACHE_PATH/cards.bin, each card under a hash of its
values and the site key): a rebuild renders only the cards of the stories
that changed, where it rendered them all (1 s of a one-seed rebuild at
10,000 articles).

`CardCache`: a card from the sheet, or, for a story the sheet does not have
(the live preview, which reads an article again and renders in memory),
rendered in this process and kept.
"""

import contextlib
import hashlib
import json
import math
import mmap
import os
import re
import tempfile
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from akhbar import forked
from akhbar.languages import LANGUAGES, page_language

SITEURL = "\x00SITEURL\x00"
LEVEL = "\x00LEVEL\x00"
# Stories per forked process at most: each copies the memory holding its
# stories' articles, and gives it back when it ends; it ends sooner once it
# has made MEMORY_PER_PROCESS its own, as the page renderers do. (Fifty
# processes of 2,000 stories at 100,000 articles took 17.3 s, these 19.1 s:
# the stage's growth, 12x, is not in forking.)
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


KEPT = "cards.bin"  # under CACHE_PATH: the last build's cards, for the next
PARTIAL = ".cards-"  # a sheet being written; one a killed build left is removed after STALE_SECONDS
STALE_SECONDS = 3600


def _remove_stale_partials(folder: Path) -> None:
    now = time.time()
    for partial in folder.glob(PARTIAL + "*"):
        with contextlib.suppress(OSError):
            if now - partial.stat().st_mtime > STALE_SECONDS:
                partial.unlink()


def card_key(site: str, lang: str, card) -> str | None:
    """What a card is made from, as one hash: `site`, the site key's digest
    (the theme's macros, the settings, the UI strings), and the card's
    values; None when a value has no stable text (shown by its address), and
    the card is rendered."""
    text = repr(card)
    if _ADDRESS.search(text):
        return None
    return hashlib.sha1(f"{site}:{lang}:{text}".encode()).hexdigest()


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


class KeptCards:
    """The cards of the last build by key (CACHE_PATH/cards.bin): the cards
    as UTF-8, then a JSON index {key: [start, length]}, then the index's
    length in 8 bytes. Read by memory map; an unreadable file is no cards."""

    def __init__(self, path: Path):
        self.index: dict[str, list[int]] = {}
        self._map = None
        try:
            with path.open("rb") as file:
                self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            size = int.from_bytes(self._map[-8:], "big")
            index = json.loads(self._map[-8 - size:-8])
            end = len(self._map) - 8 - size
            if isinstance(index, dict) and all(
                    type(place) is list and len(place) == 2 and type(place[0]) is int and type(place[1]) is int
                    and 0 <= place[0] <= place[0] + place[1] <= end for place in index.values()):
                self.index = index
        except (OSError, ValueError):
            self.index = {}

    def has(self, key: str | None) -> bool:
        return key is not None and key in self.index

    def get(self, key: str) -> bytes:
        start, length = self.index[key]
        return self._map[start:start + length]

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None


class CardSheet:
    """Every story's card in each language, read by memory map: taken from
    the last build's sheet when made from the same values (a rebuild renders
    the cards of the stories that changed), else rendered once."""

    def __init__(self, stories: list, environment, site_context: dict, folder: Path, workers: int,
                 site: str = ""):
        self.stories = stories
        folder.mkdir(parents=True, exist_ok=True)
        kept = KeptCards(folder / KEPT)
        parts = _sheet_parts(stories, kept, hashlib.sha1(site.encode()).hexdigest(), environment, site_context,
                             workers)
        # Written under a name of its own, then moved over the last sheet:
        # another build writing its sheet meanwhile cannot mix with this one,
        # and this build reads the file it wrote, whatever has replaced it since.
        _remove_stale_partials(folder)
        handle, partial = tempfile.mkstemp(dir=folder, prefix=PARTIAL)
        sheet = os.fdopen(handle, "w+b")
        try:
            self.offsets = array("q", [0])  # story slot * languages + language -> where its card starts
            index = {}
            slot = 0
            for part in parts:
                sheet.write(part.cards)
                for key, length in zip(part.keys, part.lengths, strict=True):
                    if key:
                        index[key] = [self.offsets[-1], length]
                    self.offsets.append(self.offsets[-1] + length)
                for digest in part.digests:
                    stories[slot].cards_digest, stories[slot].sheet_slot = digest, slot
                    slot += 1
            data = json.dumps(index, separators=(",", ":")).encode("ascii")
            sheet.write(data + len(data).to_bytes(8, "big"))
            sheet.flush()
            self._map = mmap.mmap(sheet.fileno(), 0, access=mmap.ACCESS_READ)
            os.replace(partial, folder / KEPT)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        finally:
            sheet.close()
            kept.close()

    def html(self, slot: int, lang: str) -> str:
        at = slot * len(LANGUAGES) + LANGUAGES.index(lang)
        return self._map[self.offsets[at]:self.offsets[at + 1]].decode("utf-8")

    def close(self) -> None:
        for story in self.stories:
            story.sheet_slot = story.cards_digest = None
        self._map.close()


def cards_digest(cards: list[bytes]) -> str:
    """What a page's fingerprint holds of a story: its cards, one per language."""
    digest = hashlib.sha1()
    for html in cards:
        digest.update(b"%d:" % len(html) + html)
    return digest.hexdigest()


@dataclass
class SheetPart:
    """The cards of a run of stories, in the sheet's order, as one process made them."""

    keys: list  # each card's key (card_key), or None
    lengths: array  # each card's length in bytes
    cards: bytes  # the cards, one after another
    digests: list  # each story's cards_digest


def _sheet_parts(stories: list, kept: KeptCards, site: str, environment, site_context: dict,
                 workers: int) -> list[SheetPart]:
    """Every story's cards, in order: taken from the kept sheet when their
    keys are in it, else rendered. In forked processes when there are many,
    each taking a run of stories and ending after it, or sooner at
    MEMORY_PER_PROCESS. What each card shows is made here first: made in a
    forked process it took as long (the process copies each page of memory
    it touches, and a card's values touch its article) and was lost with it.
    The cards' keys are made in the forked processes (2.2 s in this one at
    100,000 articles)."""
    macros = {lang: card_macros(environment, site_context, lang) for lang in LANGUAGES}
    if workers <= 1 or len(stories) < PARALLEL_MIN_STORIES:
        return [_sheet_part(stories, kept, site, macros)]
    for story in stories:
        for lang in LANGUAGES:
            story.card(lang)
    run = min(STORIES_PER_PROCESS, math.ceil(len(stories) / workers))
    made = {}  # where a run starts -> its part

    def make(share):
        start, end = share
        return _sheet_part(stories[start:end], kept, site, macros, forked.faulted_in(MEMORY_PER_PROCESS))

    def keep(share, part):
        made[share[0]] = part
        done = share[0] + len(part.digests)
        return (done, share[1]) if done < share[1] else None

    shares = [(start, min(start + run, len(stories))) for start in range(0, len(stories), run)]
    forked.in_processes(make, shares, workers, keep, "rendering story cards")
    return [made[start] for start in sorted(made)]


def _sheet_part(stories, kept: KeptCards, site: str, macros, full=lambda: False) -> SheetPart:
    """The cards of these stories, one per language each; only the first
    stories', at least one's, if `full()` says to stop."""
    part = SheetPart([], array("q"), b"", [])
    cards = []
    for story in stories:
        if part.digests and full():
            break
        keys = [card_key(site, lang, story.card(lang)) for lang in LANGUAGES]
        made = [kept.get(key) for key in keys] if all(map(kept.has, keys)) else _story_cards(macros, story)
        part.keys += keys
        part.lengths.extend(map(len, made))
        part.digests.append(cards_digest(made))
        cards += made
    part.cards = b"".join(cards)
    return part


def _story_cards(macros, story) -> list[bytes]:
    """A story's cards as the sheet holds them: UTF-8, one per language."""
    return [render_card(macros[lang], story, lang).encode("utf-8") for lang in LANGUAGES]


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

    def make_sheet(self, folder: Path, workers: int, site: str = "") -> None:
        """Every story's cards made ahead of the pages (the build's
        `render_shared_parts` stage); `site`: the site key (akhbar.site_key)."""
        if self._archive is None:
            return
        if self.sheet is not None:
            self._top_up()
            return
        self.sheet = CardSheet(*self._archive, folder, workers, site)

    def _top_up(self) -> None:
        """A quick rebuild of a held build (akhbar/held_build.py), which has
        its sheet: the stories whose article was read again have lost their
        slot (Story.content_changed); their cards are rendered here, digested
        as the sheet digests them, and the sheet stays (the next whole build
        writes them into its own)."""
        stories, environment, site_context = self._archive
        changed = [story for story in stories if story.sheet_slot is None]
        macros = {lang: card_macros(environment, site_context, lang) for lang in LANGUAGES}
        for story in changed:
            story.cards_digest = cards_digest(_story_cards(macros, story))

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
