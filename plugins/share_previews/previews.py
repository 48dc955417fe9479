"""Making the preview images of a build: each from the cache when it has it,
the rest on every core, then put in the output folder. No Pelican here.

An image is cached under a hash of everything it is drawn from: the card's
text (headline, language, date, site name, host), the colours, the fonts'
source files and this package's code with Pillow's version. A rebuild draws
only the images of new or changed headlines; an unchanged one is hard-linked
from the cache (copied across file systems), never rewritten in place, since
the output folder of the last build may share the file.
"""

import dataclasses
import hashlib
import multiprocessing
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import PIL

from .card import Card, Fonts, render_card
from .layout import cache_key

# Fewer images than this are drawn in this process: forking costs more.
PARALLEL_MIN_IMAGES = 24
FOLDER = "previews"


@dataclass(frozen=True)
class Preview:
    name: str  # the image's path in the output folder, "previews/<page>.png"
    card: Card


@dataclass
class Outcome:
    drawn: int = 0
    reused: int = 0
    removed: int = 0
    seconds_drawing: float = 0.0


def preview_name(page_path: str) -> str:
    """Where a page's image goes: `en/x.html` -> `previews/en/x.png`."""
    return f"{FOLDER}/{Path(page_path).with_suffix('.png').as_posix()}"


# The code that decides what an image looks like (not the glue, nor this file).
DRAWING_CODE = ("card.py", "fonts.py", "layout.py")


def code_version() -> str:
    digest = hashlib.sha256(PIL.__version__.encode())
    for name in DRAWING_CODE:
        digest.update(name.encode() + b"\0" + (Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def image_key(card: Card, fonts_key: str, colours: dict, code: str) -> str:
    return cache_key(card=dataclasses.asdict(card), fonts=fonts_key, colours=colours, code=code)


# What forked workers draw with: set before the pool starts, inherited by fork.
_DRAWING: tuple | None = None


def _draw(job: tuple[str, Card, str]) -> str:
    key, card, target = job
    fonts, colours = _DRAWING
    data = render_card(card, fonts, colours)
    partial = Path(target).with_name(f".{key}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(target)
    return key


def write_previews(previews: list[Preview], output: Path, cache: Path, fonts: Fonts, fonts_key: str,
                   colours: dict, workers: int) -> Outcome:
    """Every preview in `output`, drawn when the cache lacks it; images of pages
    the site no longer has removed from output/previews/."""
    global _DRAWING
    outcome = Outcome()
    code = code_version()
    cache.mkdir(parents=True, exist_ok=True)
    keyed = [(image_key(p.card, fonts_key, colours, code), p) for p in previews]
    missing = {}
    for key, preview in keyed:
        if not (cache / f"{key}.png").exists():
            missing.setdefault(key, preview.card)
    jobs = [(key, card, str(cache / f"{key}.png")) for key, card in sorted(missing.items())]
    started = time.monotonic()
    _DRAWING = (fonts, colours)
    try:
        if len(jobs) >= PARALLEL_MIN_IMAGES and workers >= 2:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for _ in pool.imap_unordered(_draw, jobs, chunksize=8):
                    pass
        else:
            for job in jobs:
                _draw(job)
    finally:
        _DRAWING = None
    outcome.drawn = len(jobs)
    outcome.seconds_drawing = time.monotonic() - started

    wanted = set()
    for key, preview in keyed:
        source, target = cache / f"{key}.png", output / preview.name
        wanted.add(target)
        if _same_file(source, target):
            outcome.reused += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system
            shutil.copyfile(source, target)
    folder = output / FOLDER
    for stale in sorted(p for p in folder.rglob("*.png") if p not in wanted) if folder.is_dir() else []:
        stale.unlink()
        outcome.removed += 1
    return outcome


def _same_file(source: Path, target: Path) -> bool:
    try:
        if os.path.samefile(source, target):
            return True
        return source.stat().st_size == target.stat().st_size and source.read_bytes() == target.read_bytes()
    except OSError:
        return False
