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
import math
import mmap
import os
import re
import tempfile
import time
from array import array
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from markupsafe import Markup

from akhbar import forked
from akhbar.languages import LANGUAGES, page_language

SITEURL = "\x00SITEURL\x00"
LEVEL = "\x00LEVEL\x00"
# Stories per forked process at most, in runs of equal length for each core:
# each process copies the memory holding its stories' articles, and gives it
# back when it ends; it ends sooner once it has made MEMORY_PER_PROCESS its
# own, as the page renderers do, unless a tenth of its run or less is left
# (a process of its own for the rest would cost a fork, 0.1 s at 100,000
# articles). At 100,000 articles a process made the cards of 16,500 to
# 18,200 stories within that memory: six runs, three for each core.
STORIES_PER_PROCESS = 17_000
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


def card_key(site: str, lang: str, card) -> bytes | None:
    """What a card is made from, as one hash (KEY_SIZE bytes): `site`, the
    site key's digest (the theme's macros, the settings, the UI strings), and
    the card's values; None when a value has no stable text (shown by its
    address), and the card is rendered."""
    text = repr(card)
    if _ADDRESS.search(text):
        return None
    return hashlib.sha1(f"{site}:{lang}:{text}".encode()).digest()


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
KEY_SIZE = 20
NO_KEY = bytes(KEY_SIZE)  # a card rendered every time (card_key None)
SHEET = b"akhbar-cards-2\n"  # the last bytes of a sheet in this layout


class KeptCards:
    """The cards of the last build by key (CACHE_PATH/cards.bin): the cards
    as UTF-8, one after another; then each card's key (KEY_SIZE bytes,
    NO_KEY for none) and its length (8 bytes, the machine's order: a sheet
    carried to another reads as torn), in the cards' order;
    then how many cards (8 bytes) and SHEET. Read by memory map; a file in
    another layout, or torn, is no cards. Fixed-size keys and lengths, not a
    JSON index: a sheet is written with a few joins, whatever its size (at
    100,000 articles, 0.26-0.28 s where the JSON index took 0.71-0.75 s)."""

    def __init__(self, path: Path):
        self.index: dict[bytes, int] = {}  # key -> the card's place in the sheet
        self.offsets = array("q")  # place -> where its card starts; the next place's start is its end
        self._map = None
        try:
            with path.open("rb") as file:
                self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            self._read()
        except (OSError, ValueError):
            self.index = {}

    def _read(self) -> None:
        sheet = self._map
        tail = len(SHEET) + 8
        if len(sheet) < tail or sheet[-len(SHEET):] != SHEET:
            return
        count = int.from_bytes(sheet[-tail:-len(SHEET)], "big")
        keys_at = len(sheet) - tail - count * (KEY_SIZE + 8)
        if keys_at < 0:
            return
        lengths = array("q")
        lengths.frombytes(sheet[keys_at + count * KEY_SIZE:len(sheet) - tail])
        self.offsets = array("q", accumulate(lengths, initial=0))
        if min(lengths, default=0) < 0 or self.offsets[-1] != keys_at:
            return
        keys = sheet[keys_at:keys_at + count * KEY_SIZE]
        index = {keys[place * KEY_SIZE:(place + 1) * KEY_SIZE]: place for place in range(count)}
        index.pop(NO_KEY, None)
        self.index = index

    def has(self, key: bytes | None) -> bool:
        return key is not None and key in self.index

    def get(self, key: bytes) -> bytes:
        place = self.index[key]
        return self._map[self.offsets[place]:self.offsets[place + 1]]

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
            lengths = array("q")
            slot = 0
            for part in parts:
                sheet.write(part.cards)
                lengths.extend(part.lengths)
                for digest in part.digests:
                    stories[slot].cards_digest, stories[slot].sheet_slot = digest, slot
                    slot += 1
            # story slot * languages + language -> where its card starts
            self.offsets = array("q", accumulate(lengths, initial=0))
            sheet.write(b"".join(part.keys for part in parts))
            sheet.write(lengths.tobytes() + len(lengths).to_bytes(8, "big") + SHEET)
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

    keys: bytes  # each card's key (card_key), or NO_KEY, one after another
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
    processes = workers * math.ceil(len(stories) / (workers * STORIES_PER_PROCESS))
    run = math.ceil(len(stories) / processes)
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
    stories', at least one's, if `full()` says to stop while more than a
    tenth of them are left."""
    part = SheetPart(b"", array("q"), b"", [])
    cards, all_keys = [], []
    for story in stories:
        if part.digests and len(stories) - len(part.digests) > len(stories) // 10 and full():
            break
        keys = [card_key(site, lang, story.card(lang)) for lang in LANGUAGES]
        made = [kept.get(key) for key in keys] if all(map(kept.has, keys)) else _story_cards(macros, story)
        all_keys += [key or NO_KEY for key in keys]
        part.lengths.extend(map(len, made))
        part.digests.append(cards_digest(made))
        cards += made
    part.keys, part.cards = b"".join(all_keys), b"".join(cards)
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
