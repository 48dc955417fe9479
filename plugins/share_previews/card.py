"""A preview image (the picture a shared link shows): 1200×630 PNG with the
headline on the site's colours, the site's name above it and the date below.

Urdu is set right-aligned in Nastaliq, English left-aligned; Pillow lays text
out with libraqm (HarfBuzz shaping, FriBiDi ordering), so joined letters and a
number inside an Urdu headline come out as a browser shows them. No Pelican here.
"""

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont, features

from .layout import ELLIPSIS, Fit, fit_headline

WIDTH, HEIGHT = 1200, 630
MARGIN = 72  # left and right, and what the text keeps from either edge
ACCENT_BAR = 14
HEADLINE_BOX = (MARGIN, 150, WIDTH - MARGIN, 505)  # left, top, right, bottom
FOOTER_RULE = 528
FOOTER_BASELINE = 590

# Per language: headline sizes (largest first), line height in ems (Nastaliq
# stacks letters diagonally and needs about twice Latin's), and the size of
# the site's name and of the date; at most so many lines of headline.
STYLE = {
    "ur": {"sizes": [68, 60, 52, 46, 40], "leading": 1.8, "lines": 4, "name": 46, "small": 30, "direction": "rtl"},
    "en": {"sizes": [72, 64, 56, 48, 42], "leading": 1.22, "lines": 5, "name": 42, "small": 28, "direction": "ltr"},
}

# The theme's light-scheme custom properties a card uses.
COLOUR_NAMES = ("paper", "ink", "muted", "rule", "accent")


class NoTextShaping(RuntimeError):
    pass


def require_raqm() -> None:
    """Urdu without shaping is a row of unjoined letters in the wrong order: refuse it."""
    if not features.check("raqm"):
        raise NoTextShaping(
            "Pillow was built without libraqm (HarfBuzz and FriBiDi), so it cannot shape Urdu: "
            "install the pinned Pillow wheel from requirements.txt, which bundles it")


def theme_colours(css: str) -> dict[str, str]:
    """The colours of the stylesheet's first `:root` block (the light scheme): {name: '#rrggbb'}."""
    root = re.search(r":root\s*\{([^}]*)\}", css)
    found = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,8})\s*;", root[1] if root else ""))
    missing = [name for name in COLOUR_NAMES if name not in found]
    if missing:
        raise ValueError(f"the stylesheet's :root has no colour for {', '.join(missing)}")
    return {name: found[name] for name in COLOUR_NAMES}


@dataclass(frozen=True)
class Card:
    headline: str
    lang: str  # "ur" or "en"
    date_text: str  # "" when the article has no date
    site_name: str
    host: str  # the site's address, printed small in the footer


@dataclass(frozen=True)
class Fonts:
    """The TrueType file each language is drawn in (fonts.language_font)."""
    ur: Path
    en: Path

    def path(self, lang: str) -> Path:
        return self.ur if lang == "ur" else self.en


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


@dataclass(frozen=True)
class Line:
    text: str
    x: int  # where the line's start edge is anchored: its right end in Urdu
    baseline: int
    box: tuple[int, int, int, int]  # the ink, as Pillow measures it


@dataclass(frozen=True)
class Layout:
    fit: Fit
    lines: tuple[Line, ...]


SLACK = 16
# The size words are measured at (then scaled): large, so rounding is small.
REFERENCE_SIZE = 200


class WordWidths:
    """Each word's width in ems, measured once per build and process: a
    headline's words are mostly words earlier headlines had."""

    def __init__(self, path: Path, lang: str):
        self.font = _font(path, REFERENCE_SIZE)
        self.options = {"direction": STYLE[lang]["direction"], "language": lang}
        self.known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        if text not in self.known:
            self.known[text] = self.font.getlength(text, **self.options) / REFERENCE_SIZE
        return self.known[text]


@cache
def _word_widths(path: Path, lang: str) -> WordWidths:
    return WordWidths(path, lang)


def headline_layout(card: Card, fonts: Fonts) -> Layout:
    """The headline's size, lines and their positions in HEADLINE_BOX: the
    largest size whose lines' ink, as Pillow will draw it, stays in the box."""
    style = STYLE[card.lang]
    path = fonts.path(card.lang)
    left, top, right, bottom = HEADLINE_BOX
    options = {"direction": style["direction"], "language": card.lang}
    words = card.headline.split()
    sizes = style["sizes"]
    for first in range(len(sizes)):
        # Words measured one by one add up to a line's width give or take a
        # little (kerning across spaces, ink past the advance): some room for it.
        fit = fit_headline(words, _word_widths(path, card.lang), sizes[first:], right - left - SLACK,
                           lambda size: min(style["lines"], max(1, int((bottom - top) // (size * style["leading"])))))
        layout = _place(fit, path, style, options)
        if all(left <= line.box[0] and line.box[2] <= right and top <= line.box[1] and line.box[3] <= bottom
               for line in layout.lines):
            return layout
    # Still too wide at the smallest size: one word longer than a line; cut it.
    lines = tuple(_clip(line, _font(path, fit.size), right - left, options) for line in fit.lines)
    return _place(Fit(fit.size, lines, True), path, style, options)


def _clip(text: str, font: ImageFont.FreeTypeFont, width: int, options: dict) -> str:
    def ink_width(text: str) -> int:
        box = font.getbbox(text, **options)
        return box[2] - box[0]

    if ink_width(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with an ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if ink_width(text[:middle] + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + ELLIPSIS


def _place(fit: Fit, path: Path, style: dict, options: dict) -> Layout:
    """Baselines a line height apart, the block's ink centred in the box."""
    left, top, right, bottom = HEADLINE_BOX
    font = _font(path, fit.size)
    step = round(fit.size * style["leading"])
    anchor = "rs" if style["direction"] == "rtl" else "ls"
    boxes = [font.getbbox(text, anchor=anchor, **options) for text in fit.lines]
    if not boxes:
        return Layout(fit, ())
    # A letter can reach past the pen's start (Nastaliq's swashes do): the
    # lines move in together, so that the ink, not the pen, meets the margin.
    if anchor == "rs":
        x = right - max(0, max(box[2] for box in boxes))
    else:
        x = left + max(0, -min(box[0] for box in boxes))
    ink_top = min(box[1] + step * index for index, box in enumerate(boxes))
    ink_bottom = max(box[3] + step * index for index, box in enumerate(boxes))
    first = top + round(((bottom - top) - (ink_bottom - ink_top)) / 2) - ink_top
    lines = []
    for index, (text, box) in enumerate(zip(fit.lines, boxes, strict=True)):
        baseline = first + step * index
        lines.append(Line(text, x, baseline, (x + box[0], baseline + box[1], x + box[2], baseline + box[3])))
    return Layout(fit, tuple(lines))


def render_card(card: Card, fonts: Fonts, colours: dict[str, str]) -> bytes:
    """The card as PNG bytes: the same inputs give the same bytes (no time, no metadata)."""
    require_raqm()
    style = STYLE[card.lang]
    rtl = style["direction"] == "rtl"
    options = {"direction": style["direction"], "language": card.lang}
    image = Image.new("RGB", (WIDTH, HEIGHT), colours["paper"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH - 1, ACCENT_BAR - 1), fill=colours["accent"])
    start, end = (WIDTH - MARGIN, MARGIN) if rtl else (MARGIN, WIDTH - MARGIN)
    start_anchor, end_anchor = ("rs", "ls") if rtl else ("ls", "rs")

    name_font = _font(fonts.path(card.lang), style["name"])
    draw.text((start, 100), card.site_name, font=name_font, fill=colours["accent"], anchor=start_anchor, **options)

    layout = headline_layout(card, fonts)
    headline_font = _font(fonts.path(card.lang), layout.fit.size)
    for line in layout.lines:
        draw.text((line.x, line.baseline), line.text, font=headline_font, fill=colours["ink"],
                  anchor=start_anchor, **options)

    draw.rectangle((MARGIN, FOOTER_RULE, WIDTH - MARGIN - 1, FOOTER_RULE + 1), fill=colours["rule"])
    small = _font(fonts.path(card.lang), style["small"])
    if card.date_text:
        draw.text((start, FOOTER_BASELINE), card.date_text, font=small, fill=colours["muted"],
                  anchor=start_anchor, **options)
    host_font = _font(fonts.en, STYLE["en"]["small"])
    draw.text((end, FOOTER_BASELINE), card.host, font=host_font, fill=colours["muted"], anchor=end_anchor,
              direction="ltr", language="en")

    out = io.BytesIO()
    # A palette of the colours the card has, exactly, and the shades between
    # the paper and each (anti-aliased edges): a third of the RGB file's size.
    image.quantize(palette=_palette(tuple(colours[name] for name in COLOUR_NAMES)),
                   dither=Image.Dither.NONE).save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


SHADES = 16


@cache
def _palette(colours: tuple[str, ...]) -> Image.Image:
    paper, *inks = (ImageColor.getrgb(colour) for colour in colours)
    entries = [paper]
    for ink in inks:
        for step in range(1, SHADES):
            entries.append(tuple(round(p + (i - p) * step / (SHADES - 1)) for p, i in zip(paper, ink, strict=True)))
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for entry in entries for channel in entry])
    return palette
