"""How search reads text: one folding for the index and for a query.

The folding is data (FOLDING), which contract.py also writes into
search/lexicon.js: the search page folds a query with these tables and
search.js holds only the steps below, so the two sides cannot drift.
docs/search.md says why each variant is folded and why some are not.

The steps, the same in Python and in search.js:
1. NFKC (presentation forms and ligatures such as ﷲ become letters);
2. each of `letters` (longest first) becomes its value: Arabic-keyboard
   letters and digits, teh marbuta, and the typing variants of Urdu;
3. lower case;
4. NFD, drop every code point in `dropped` (harakat, Latin accents,
   joiners and direction marks inside a word), NFC;
5. `heh.from` becomes `heh.to` unless it follows one of `heh.kept_after`
   (there it marks an aspirate: کھا "eat" is not کہا "said");
6. words are runs of letters and digits; a word ending in a key of
   `word_endings` ends in its value instead.
"""

import re
import unicodedata

from akhbar.normalize import ARABIC_TO_URDU, DIACRITIC_RANGES, DIGITS, TEH_MARBUTA, char_class

# Spellings Urdu readers type for one another (docs/search.md, "Typing variants").
TYPING_VARIANTS = {
    "آ": "ا",            # alef madda: آفریدی, افریدی
    "أ": "ا", "إ": "ا", "ٱ": "ا",  # hamza above or below alef, alef wasla: Arabic spellings
    "ؤ": "و",            # گاؤں, گاوں
    "ئو": "و",           # گائوں, an older spelling of گاؤں
    "ئ": "ی",            # لئے, لیے
    "ۓ": "یے",           # ۓ is ئے (گۓ, گئے), never ے: لۓ is not لے
    "ۂ": "ہ", "ۀ": "ہ",  # the izafat hamza: نقطۂ نظر, نقطہ نظر
    "ٴ": "",             # high hamza, a spelling aid
}

LETTERS = {**ARABIC_TO_URDU, **TEH_MARBUTA, **TYPING_VARIANTS, **DIGITS}

# Code points a word may contain that no reader types the same way twice.
DROPPED = (
    *DIACRITIC_RANGES,
    (0x0610, 0x061A),  # Arabic honorific and Quranic signs
    (0x08CA, 0x08FF),  # Arabic extended marks
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),  # accents
    (0x00AD, 0x00AD),  # soft hyphen
    (0x061C, 0x061C), (0x200C, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),  # joiners, direction marks, word joiner, byte order mark
)

# ھ (do-chashmi he) after these letters writes an aspirate (بھ پھ تھ ٹھ جھ چھ
# دھ ڈھ ڑھ کھ گھ), a sound of its own; elsewhere it is a variant of ہ.
HEH = {"from": "ھ", "to": "ہ", "kept_after": "بپتٹجچدڈڑکگ"}

# Arabic spells a word ending in a long a with a hamza (علماء, ابتداء);
# Urdu writes it with or without.
WORD_ENDINGS = {"اء": "ا"}

FOLDING = {
    "letters": LETTERS,
    "dropped": [list(r) for r in DROPPED],
    "heh": HEH,
    "word_endings": WORD_ENDINGS,
}

_LETTERS = re.compile("|".join(re.escape(k) for k in sorted(LETTERS, key=len, reverse=True)))
_DROPPED = re.compile(char_class(DROPPED))
_HEH = re.compile(f"(?<![{HEH['kept_after']}]){HEH['from']}")
_WORD = re.compile(r"[^\W_]+")
# A word ending: one of WORD_ENDINGS (the longest first) that no letter or digit follows.
_ENDING = re.compile(f"(?:{'|'.join(re.escape(e) for e in sorted(WORD_ENDINGS, key=len, reverse=True))})(?![^\\W_])")


def fold(text: str) -> str:
    """Text as search compares it: steps 1 to 5 of the module docstring."""
    text = _LETTERS.sub(lambda found: LETTERS[found.group()], unicodedata.normalize("NFKC", text)).lower()
    text = unicodedata.normalize("NFC", _DROPPED.sub("", unicodedata.normalize("NFD", text)))
    return _HEH.sub(HEH["to"], text)


def search_words(text: str) -> list[str]:
    """The folded words of a text, in order: what the index holds and a query asks."""
    # Endings folded over the whole text, then one split, both in C: a test per
    # word was a fifth of the search stage's Python time (millions of words).
    return _WORD.findall(_ENDING.sub(lambda found: WORD_ENDINGS[found.group()], fold(text)))
