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
        site = hashlib.sha1(site.encode()).hexdigest()
        keys = [[card_key(site, lang, story.card(lang)) for lang in LANGUAGES] for story in stories]
        missing = [slot for slot, story_keys in enumerate(keys) if not all(map(kept.has, story_keys))]
        rendered = dict(zip(missing, _rendered(stories, missing, environment, site_context, workers), strict=True))
        # Written under a name of its own, then moved over the last sheet:
        # another build writing its sheet meanwhile cannot mix with this one,
        # and this build reads the file it wrote, whatever has replaced it since.
        _remove_stale_partials(folder)
        handle, partial = tempfile.mkstemp(dir=folder, prefix=PARTIAL)
        sheet = os.fdopen(handle, "w+b")
        try:
            self.offsets = array("q", [0])  # story slot * languages + language -> where its card starts
            index = {}
            for slot, (story, story_keys) in enumerate(zip(stories, keys, strict=True)):
                made = rendered.pop(slot, None) or [kept.get(key) for key in story_keys]
                for key, html in zip(story_keys, made, strict=True):
                    sheet.write(html)
                    if key:
                        index[key] = [self.offsets[-1], len(html)]
                    self.offsets.append(self.offsets[-1] + len(html))
                story.cards_digest = cards_digest(made)
                story.sheet_slot = slot
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


def _rendered(stories: list, slots: list[int], environment, site_context: dict, workers: int) -> list[list[bytes]]:
    """The cards of the stories at these slots, each a list of UTF-8 cards
    (one per language); in forked processes when there are many, each taking
    a run of them and ending after it, or sooner at MEMORY_PER_PROCESS."""
    macros = {lang: card_macros(environment, site_context, lang) for lang in LANGUAGES}
    if workers <= 1 or len(slots) < PARALLEL_MIN_STORIES:
        return _render_cards([stories[slot] for slot in slots], macros)
    run = min(STORIES_PER_PROCESS, math.ceil(len(slots) / workers))
    made = {}  # where a run starts in `slots` -> its cards

    def render(share):
        start, end = share
        return _render_cards([stories[slot] for slot in slots[start:end]], macros,
                             forked.faulted_in(MEMORY_PER_PROCESS))

    def keep(share, result):
        made[share[0]] = result
        done = share[0] + len(result)
        return (done, share[1]) if done < share[1] else None

    shares = [(start, min(start + run, len(slots))) for start in range(0, len(slots), run)]
    forked.in_processes(render, shares, workers, keep, "rendering story cards")
    return [cards for start in sorted(made) for cards in made[start]]


def _render_cards(stories, macros, full=lambda: False) -> list[list[bytes]]:
    """The cards of these stories, each a list of UTF-8 cards (one per
    language); only the first ones, at least one, if `full()` says to stop."""
    made = []
    for story in stories:
        if made and full():
            break
        made.append([render_card(macros[lang], story, lang).encode("utf-8") for lang in LANGUAGES])
    return made


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
        for story, made in zip(changed, _render_cards(changed, macros), strict=True):
            story.cards_digest = cards_digest(made)

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
