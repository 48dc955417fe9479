"""Web fonts: the theme's fonts, subset with fontTools and shipped with their licences.

A Nastaliq font covers thousands of contextual forms; cut to the characters
Urdu needs (a list in the theme, `fonts/nastaliq-characters.txt`), it weighs
about 65 % of the original. The subset is cached by the hash of the font, the
characters and the fontTools version, so a rebuild costs nothing and gives the
same bytes. Done at the build's `write_fonts` stage (akhbar.build).
"""

import hashlib
import re
import shutil
from pathlib import Path

import fontTools
from fontTools import subset

from akhbar.build import BuildState, write_fonts

from .settings import settings_of

_RANGE = re.compile(r"U\+([0-9A-Fa-f]{4,6})\.\.U\+([0-9A-Fa-f]{4,6})")


def read_characters(path: Path) -> str:
    """The characters a list file names: '#' comments, ranges U+XXXX..U+YYYY, or the characters themselves."""
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _RANGE.fullmatch(line)
        if match:
            found.update(chr(c) for c in range(int(match[1], 16), int(match[2], 16) + 1))
        else:
            found.update(c for c in line if not c.isspace())
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
    target.unlink(missing_ok=True)  # never write into a file the last build may share
    shutil.copyfile(cached, target)


def subset_fonts(state: BuildState):
    settings = state.settings
    theme = Path(settings["THEME"])
    output = Path(state.output_path)
    own = settings_of(settings)
    cache = Path(settings["PATH"]) / own.cache
    fonts_dir = output / "theme" / "fonts"
    for font in own.fonts:
        text = read_characters(theme / font["characters"])
        subset_font(theme / font["source"], text, fonts_dir / font["output"], cache)
    for licence in sorted((theme / "fonts").glob("OFL-*.txt")):
        (fonts_dir / licence.name).unlink(missing_ok=True)
        shutil.copyfile(licence, fonts_dir / licence.name)


def register():
    write_fonts.connect(subset_fonts)
