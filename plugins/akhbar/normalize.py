"""Urdu text normalisation: one spelling per word, whatever keyboard typed it."""

import re
import unicodedata

# Arabic-keyboard letters that look like Urdu ones but are other code points.
# Urdu writes ی (U+06CC), ک (U+06A9) and ہ (U+06C1); Arabic layouts type
# ي (U+064A), ى (U+0649), ك (U+0643) and ه (U+0647).
ARABIC_TO_URDU = {"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ"}

# Harakat, superscript alef, Quranic marks and tatweel, as code point ranges:
# optional in Urdu, so a search or a glossary match ignores them (وِٹکوف and
# وٹکوف are one name).
DIACRITIC_RANGES = ((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x0640, 0x0640))


def char_class(ranges) -> str:
    """A regex character class of code point ranges."""
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"


_DIACRITICS = re.compile(char_class(DIACRITIC_RANGES))

# Embedding and override controls reorder what a reader sees without being
# visible themselves; a headline must not be able to spoof its own text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

DIGITS = dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))


def _replacer(table: dict[str, str]):
    """A function replacing each character of table's keys by its value.

    A regex scan, not str.translate: translate looks every character up in a
    dict, which made this the importer's single largest cost.
    """
    pattern = re.compile("[" + "".join(table) + "]")
    return lambda text: pattern.sub(lambda found: table[found.group()], text)


_to_urdu_letters = _replacer(ARABIC_TO_URDU)
_to_western_digits = _replacer(DIGITS)


def normalize_urdu(text: str) -> str:
    """Map Arabic-keyboard code points to Urdu letters and compose to NFC."""
    return unicodedata.normalize("NFC", _to_urdu_letters(text))


# Teh marbuta (Arabic ة, Urdu ۃ) is written ہ in most Urdu: one letter when matching.
TEH_MARBUTA = {"ة": "ہ", "ۃ": "ہ"}
_teh_marbuta_as_heh = _replacer(TEH_MARBUTA)


def strip_marks(text: str) -> str:
    """Normalised text without the optional marks: what search indexes and shows."""
    return _teh_marbuta_as_heh(_DIACRITICS.sub("", normalize_urdu(text)))


def fold_for_matching(text: str) -> str:
    """The form two spellings must share to count as the same word."""
    return strip_marks(text).casefold()


def western_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits as 0-9."""
    return _to_western_digits(text)


# Words are runs of letters and digits with their combining marks (harakat)
# and ZWNJ; Urdu punctuation (، ۔ ؟ ؛) separates words like spaces do.
WORD = re.compile(r"[\w\u064b-\u065f\u0670\u06d6-\u06ed\u200c]+")


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    folded = fold_for_matching(text)
    return _without_edge_zwnj(WORD.findall(folded), folded)


def _without_edge_zwnj(found: list[str], folded: str) -> list[str]:
    """The words without a ZWNJ at either end: it joins letters within a word.
    Most texts have none, and then no word is looked at again."""
    return found if "\u200c" not in folded else [w.strip("\u200c") for w in found]


# WORD with its match kept: re.split gives the text between words and the words, alternating.
_WORD_SPLIT = re.compile(f"({WORD.pattern})")


class TextWords:
    """The words of a text, found and folded once for all who read them (the
    glossary's gazetteer and the names finder, entities.py and names.py).

    `lines[n]` is line n split into gaps and words, alternating: [text before
    the first word, word, gap, word, …, text after the last word]; `raw` holds
    every word as written and `folded` the same words folded, in order.
    """

    __slots__ = ("lines", "raw", "folded")

    def __init__(self, text: str):
        self.lines = [_WORD_SPLIT.split(line) for line in text.split("\n")]
        raw: list[str] = []
        for parts in self.lines:
            raw += parts[1::2]
        self.raw = raw
        # One fold for all the words: "\n" is no word character, so the folded
        # words stay aligned with the written ones.
        folded = fold_for_matching("\n".join(raw))
        self.folded = _without_edge_zwnj(folded.split("\n"), folded)
