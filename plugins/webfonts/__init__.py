"""Web fonts: the theme's fonts, subset with fontTools and shipped with their licences.

A Nastaliq font covers thousands of contextual forms; cut to the characters
the built pages actually show, it weighs about 60 % of the original. The
subset is cached by the hash of the font, the characters and the fontTools
version, so a rebuild with the same text costs nothing and gives the same bytes.
"""

import hashlib
import html
import logging
import re
import shutil
from pathlib import Path

import fontTools
from fontTools import subset
from pelican import signals

logger = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]*>")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c-\u200f]")
URDU_ALPHABET = "".join(chr(c) for c in range(0x0600, 0x0700)) + "\u200c\u200d"


def site_characters(output: Path) -> str:
    """Every Arabic-script character in the text of the built pages."""
    found = set()
    for page in sorted(output.rglob("*.html")):
        text = html.unescape(_TAG.sub(" ", page.read_text(encoding="utf-8")))
        found.update(_ARABIC_SCRIPT.findall(text))
    return "".join(sorted(found))


def subset_font(source: Path, text: str, target: Path, cache: Path) -> None:
    data = source.read_bytes()
    key = hashlib.sha256(data + text.encode("utf-8") + fontTools.version.encode()).hexdigest()[:24]
    cached = cache / f"{source.stem}-{key}.woff2"
    if not cached.exists():
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # Nastaliq needs every contextual feature
        options.name_IDs = ["*"]  # keep the copyright and licence names
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        subset.save_font(font, str(partial), options)
        partial.replace(cached)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)


def write_fonts(pelican):
    settings = pelican.settings
    theme = Path(settings["THEME"])
    output = Path(pelican.output_path)
    cache = Path(settings["PATH"]) / settings.get("WEBFONTS_CACHE", ".build/webfonts")
    fonts_dir = output / "theme" / "fonts"
    texts = {"site": None, "urdu": URDU_ALPHABET}
    for font in settings.get("WEBFONTS", []):
        text = texts[font["text"]]
        if text is None:
            text = texts["site"] = site_characters(output)
        subset_font(theme / font["source"], text, fonts_dir / font["output"], cache)
    for licence in sorted((theme / "fonts").glob("OFL-*.txt")):
        shutil.copyfile(licence, fonts_dir / licence.name)


def register():
    signals.finalized.connect(write_fonts)
