"""Alphabetical order of names as readers expect it: Urdu in CLDR's Urdu
collation order (ڈ after د, ک before م, ے last), not in code-point order.

Babel has CLDR's dates and names but no collation, and PyICU ships no wheel
(it is built against the system's ICU), so CLDR's rules for Urdu are data
here (data/urdu_collation.toml) and `collation_key` applies them as the Unicode
Collation Algorithm would, level by level: letters, then marks and variants
(أ after ا, harakat), then case. As in ICU's Urdu collation, spaces and
punctuation come first, then digits, then Urdu, then other scripts (English
names in their own alphabetical order, accents and case counting later).
"""

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .normalize import ARABIC_TO_URDU

ALPHABET_FILE = Path(__file__).parent / "data" / "urdu_collation.toml"

# First-level groups, in the order of CLDR's Urdu collation.
_PUNCTUATION, _DIGIT, _URDU, _OTHER = range(4)
# Second-level weights: a letter's variant, then an Urdu mark, then any other mark.
_VARIANT, _URDU_MARK, _OTHER_MARK = range(3)
# Arabic-keyboard letters sort as the Urdu letters they stand for.
_TO_URDU = str.maketrans(ARABIC_TO_URDU)
_TATWEEL = "\u0640"


@dataclass(frozen=True)
class Alphabet:
    letters: dict[str, tuple[int, int]]  # spelling -> (place in the alphabet, variant)
    marks: dict[str, int]  # mark -> its place
    ignored: frozenset[str]


@cache
def urdu_alphabet(path: Path = ALPHABET_FILE) -> Alphabet:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    letters = {spelling: (place, variant) for place, letter in enumerate(data["letters"])
               for variant, spelling in enumerate(letter.split())}
    return Alphabet(letters, {mark: place for place, mark in enumerate(data["marks"])}, frozenset(data["ignored"]))


def _is_arabic_script(char: str) -> bool:
    return unicodedata.name(char, "").startswith("ARABIC")


def collation_key(text: str) -> tuple:
    """A sort key putting Urdu (and English) text in alphabetical order."""
    alphabet = urdu_alphabet()
    # NFKC: presentation forms and ligatures (ﷺ, ﻻ, ﬁ) sort as the letters they show.
    letters = unicodedata.normalize("NFKC", text).translate(_TO_URDU)
    first, second, third = [], [], []

    def element(primary, variant=(_VARIANT, 0), upper=0):
        first.append(primary)
        second.append(variant)
        third.append(upper)

    i = 0
    while i < len(letters):
        # An aspirate (two characters) is one letter.
        letter = next((letters[i:i + n] for n in (2, 1) if letters[i:i + n] in alphabet.letters), None)
        if letter:
            place, variant = alphabet.letters[letter]
            element((_URDU, place), (_VARIANT, variant))
            i += len(letter)
            continue
        char = letters[i]
        i += 1
        category = unicodedata.category(char)
        if char in alphabet.ignored or char == _TATWEEL or category == "Cf":
            continue  # joiners, direction marks, honorific signs
        if char in alphabet.marks:
            second.append((_URDU_MARK, alphabet.marks[char]))
        elif category.startswith("M"):
            second.append((_OTHER_MARK, ord(char)))
        elif category == "Nd":
            element((_DIGIT, unicodedata.digit(char)))  # ۲ and 2 are one digit
        elif category.startswith("L") and _is_arabic_script(char):
            element((_URDU, len(alphabet.letters) + ord(char)))  # after ے, as in CLDR
        elif category.startswith("L"):
            # é is e with an accent: e at the first level, the accent at the second.
            base, *accents = unicodedata.normalize("NFD", char)
            element((_OTHER, ord(base.lower())), upper=int(base != base.lower()))
            second.extend((_OTHER_MARK, ord(accent)) for accent in accents)
        else:
            element((_PUNCTUATION, ord(char)))
    return tuple(first), tuple(second), tuple(third), text
