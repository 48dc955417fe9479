"""A preview image (the picture a shared link shows): 1200×630 PNG with the
headline on the site's colours, the site's name above it and the date below.

Urdu is set right-aligned in Nastaliq, English left-aligned; Pillow lays text
out with libraqm (HarfBuzz shaping, FriBiDi ordering), so joined letters and a
number inside an Urdu headline come out as a browser shows them. No Pelican here.
"""

import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
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
# stacks letters diagonally and needs about one and a half times Latin's), and the size of
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
class Stamp:
    """A text drawn once: its ink as a mask, and where the ink lies from the pen's
    anchor (the start of the baseline: its right end in Urdu). Measuring and
    drawing are one shaping call (shaping Nastaliq costs milliseconds a call)."""
    mask: Image.Image | None  # "L"; None for a text with no ink
    box: tuple[int, int, int, int]  # left, top, right, bottom, from the anchor


def stamp(path: Path, size: int, text: str, lang: str) -> Stamp:
    font = _font(path, size)
    rtl = STYLE[lang]["direction"] == "rtl"
    width = size * (len(text) + 4)
    while True:
        # Room around the pen: Nastaliq climbs two ems above the baseline and
        # hangs one below; a swash reaches past the start.
        canvas = Image.new("L", (width, 4 * size), 0)
        origin = (width - 2 * size if rtl else 2 * size, int(2.6 * size))
        ImageDraw.Draw(canvas).text(origin, text, font=font, fill=255, anchor="rs" if rtl else "ls",
                                    direction=STYLE[lang]["direction"], language=lang)
        ink = canvas.getbbox()
        if ink is None:
            return Stamp(None, (0, 0, 0, 0))
        if ink[0] > 0 and ink[2] < width:
            break
        width *= 2  # wider than letters usually are (a ligature like ﷽): again, wider
    box = (ink[0] - origin[0], ink[1] - origin[1], ink[2] - origin[0], ink[3] - origin[1])
    return Stamp(canvas.crop(ink), box)


@lru_cache(maxsize=512)
def _kept_stamp(path: Path, size: int, text: str, lang: str) -> Stamp:
    """Texts many cards share (the site's name, its address, a date)."""
    return stamp(path, size, text, lang)


@dataclass(frozen=True)
class Line:
    text: str
    x: int  # the pen's anchor: the line's start, its right end in Urdu
    baseline: int
    box: tuple[int, int, int, int]  # the ink, in the image
    stamp: Stamp


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
    largest size whose lines' ink, as it will be drawn, stays in the box."""
    style = STYLE[card.lang]
    path = fonts.path(card.lang)
    left, top, right, bottom = HEADLINE_BOX
    words = card.headline.split()
    sizes = style["sizes"]
    for first in range(len(sizes)):
        # Words measured one by one add up to a line's width give or take a
        # little (kerning across spaces, ink past the advance): some room for it.
        fit = fit_headline(words, _word_widths(path, card.lang), sizes[first:], right - left - SLACK,
                           lambda size: min(style["lines"], max(1, int((bottom - top) // (size * style["leading"])))))
        layout = _place(fit, path, card.lang)
        if all(left <= line.box[0] and line.box[2] <= right and top <= line.box[1] and line.box[3] <= bottom
               for line in layout.lines):
            return layout
    # Still too wide at the smallest size: one word longer than a line; cut it.
    lines = tuple(_clip(line, path, fit.size, card.lang, right - left) for line in fit.lines)
    return _place(Fit(fit.size, lines, True), path, card.lang)


def _clip(text: str, path: Path, size: int, lang: str, width: int) -> str:
    def ink_width(text: str) -> int:
        box = stamp(path, size, text, lang).box
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


def _place(fit: Fit, path: Path, lang: str) -> Layout:
    """Baselines a line height apart, the block's ink centred in the box."""
    left, top, right, bottom = HEADLINE_BOX
    style = STYLE[lang]
    step = round(fit.size * style["leading"])
    stamps = [stamp(path, fit.size, text, lang) for text in fit.lines]
    if not stamps:
        return Layout(fit, ())
    boxes = [s.box for s in stamps]
    # A letter can reach past the pen's start (Nastaliq's swashes do): the
    # lines move in together, so that the ink, not the pen, meets the margin.
    if style["direction"] == "rtl":
        x = right - max(0, max(box[2] for box in boxes))
    else:
        x = left + max(0, -min(box[0] for box in boxes))
    ink_top = min(box[1] + step * index for index, box in enumerate(boxes))
    ink_bottom = max(box[3] + step * index for index, box in enumerate(boxes))
    first = top + round(((bottom - top) - (ink_bottom - ink_top)) / 2) - ink_top
    lines = []
    for index, (text, line_stamp) in enumerate(zip(fit.lines, stamps, strict=True)):
        baseline = first + step * index
        box = line_stamp.box
        lines.append(Line(text, x, baseline, (x + box[0], baseline + box[1], x + box[2], baseline + box[3]),
                          line_stamp))
    return Layout(fit, tuple(lines))


def _put(image: Image.Image, at: tuple[int, int], text_stamp: Stamp, colour: str) -> None:
    if text_stamp.mask is not None:
        image.paste(colour, (at[0] + text_stamp.box[0], at[1] + text_stamp.box[1]), text_stamp.mask)


def render_card(card: Card, fonts: Fonts, colours: dict[str, str]) -> bytes:
    """The card as PNG bytes: the same inputs give the same bytes (no time, no metadata)."""
    require_raqm()
    style = STYLE[card.lang]
    path = fonts.path(card.lang)
    image = Image.new("RGB", (WIDTH, HEIGHT), colours["paper"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH - 1, ACCENT_BAR - 1), fill=colours["accent"])
    start, end = (WIDTH - MARGIN, MARGIN) if style["direction"] == "rtl" else (MARGIN, WIDTH - MARGIN)

    _put(image, (start, 100), _kept_stamp(path, style["name"], card.site_name, card.lang), colours["accent"])
    for line in headline_layout(card, fonts).lines:
        _put(image, (line.x, line.baseline), line.stamp, colours["ink"])

    draw.rectangle((MARGIN, FOOTER_RULE, WIDTH - MARGIN - 1, FOOTER_RULE + 1), fill=colours["rule"])
    if card.date_text:
        _put(image, (start, FOOTER_BASELINE), _kept_stamp(path, style["small"], card.date_text, card.lang),
             colours["muted"])
    # The address is Latin, set from the end edge: its anchor is its start on the other side.
    host = _kept_stamp(fonts.en, STYLE["en"]["small"], card.host, "en")
    _put(image, (end - host.box[2] if style["direction"] == "ltr" else end, FOOTER_BASELINE), host, colours["muted"])

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
