"""The fonts a preview image is drawn in, made from the theme's bundled WOFF2 files.

The theme ships Noto Nastaliq Urdu split the way the web needs it: the Arabic
letters in one file and the Latin letters and Western digits in another (the
browser picks per character with `unicode-range`). Pillow draws with one font
and has no fallback, so each language gets one TrueType file of its own:

- Urdu: the Nastaliq Arabic file plus the Latin file's glyphs for the characters
  it lacks (digits, Latin letters, quotes, dashes). The glyphs are copied as
  they are, outlines and advance widths: these characters need no shaping, and
  merging the two fonts' layout tables with fontTools' Merger takes minutes on
  Nastaliq's contextual lookups.
- English: the Latin file merged (fontTools' Merger, about a second) with Noto
  Naskh Arabic, so an Urdu word in an English headline is shaped too.

Made once into the build cache, keyed by the source files' bytes and the
fontTools version; never fetched. Pure logic: no Pelican import.
"""

import hashlib
import io
from pathlib import Path

import fontTools
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

# Which bundled files make each language's font, in the order a character is looked for.
SOURCES = {
    "ur": ("noto-nastaliq-urdu-arabic-400-normal.woff2", "noto-nastaliq-urdu-latin-400-normal.woff2"),
    "en": ("noto-nastaliq-urdu-latin-400-normal.woff2", "noto-naskh-arabic-arabic-400-normal.woff2"),
}


def font_key(font_dir: Path, lang: str) -> str:
    digest = hashlib.sha256(f"{lang}\0{fontTools.version}\0".encode())
    for name in SOURCES[lang]:
        digest.update(hashlib.sha256((font_dir / name).read_bytes()).digest())
    return digest.hexdigest()[:20]


def language_font(font_dir: Path, lang: str, cache: Path) -> Path:
    """The TrueType file for a language's previews, made into `cache` when missing."""
    target = cache / f"preview-{lang}-{font_key(font_dir, lang)}.ttf"
    if target.exists():
        return target
    primary, fallback = (font_dir / name for name in SOURCES[lang])
    if lang == "ur":
        font = TTFont(primary)
        add_missing_glyphs(font, TTFont(fallback))
    else:
        font = Merger().merge([_as_ttf(primary), _as_ttf(fallback)])
    font.flavor = None
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    font.save(partial)
    partial.replace(target)
    return target


def _as_ttf(path: Path) -> io.BytesIO:
    """A WOFF2 file as plain TrueType bytes (the Merger reads sfnt only)."""
    font = TTFont(path)
    font.flavor = None
    data = io.BytesIO()
    font.save(data)
    data.seek(0)
    return data


def add_missing_glyphs(font: TTFont, donor: TTFont) -> list[int]:
    """Copy into `font` the donor's glyphs for characters `font` has no glyph for;
    the code points added. Both must be TrueType-outline fonts with the same
    units per em (two files cut from one family)."""
    if font["head"].unitsPerEm != donor["head"].unitsPerEm:
        raise ValueError("fonts with different units per em")
    own_cmap, donor_cmap = font.getBestCmap(), donor.getBestCmap()
    wanted = sorted(c for c in donor_cmap if c not in own_cmap)
    glyf, hmtx = font["glyf"], font["hmtx"]
    donor_glyf, donor_hmtx = donor["glyf"], donor["hmtx"]
    order = list(font.getGlyphOrder())
    names: dict[str, str] = {}  # donor glyph name -> name in font

    def copy(name: str) -> str:
        if name in names:
            return names[name]
        new = f"donor.{name}"
        names[name] = new
        glyph = donor_glyf[name]
        if glyph.isComposite():
            for component in glyph.components:  # a composite needs its parts first
                component.glyphName = copy(component.glyphName)
        glyf[new] = glyph
        hmtx[new] = donor_hmtx[name]
        order.append(new)
        return new

    added = {code: copy(donor_cmap[code]) for code in wanted}
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update({code: name for code, name in added.items() if table.format != 4 or code <= 0xFFFF})
    font["maxp"].numGlyphs = len(order)
    font["post"].extraNames = []  # glyph names are rebuilt from the order
    return wanted
