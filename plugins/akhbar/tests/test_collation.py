"""Urdu alphabetical order (collation.py): CLDR's, checked on the glossary's names."""

import ctypes
import ctypes.util
import re

import pytest

from akhbar.collation import collation_key
from seed_reader.knowledge import load_knowledge


def test_glossary_names_sort_in_urdu_alphabetical_order():
    names = ["گھانا", "یمن", "ٹھٹھہ", "بلوچستان", "آزاد کشمیر", "جے پور", "تہران", "ڈونلڈ ٹرمپ", "کراچی",
             "بھارت", "اسلام آباد", "جیکب آباد", "روس", "گوادر", "دمتری پیسکوف", "گجرات", "جموں", "چھتیس گڑھ"]
    assert sorted(names, key=collation_key) == [
        "اسلام آباد", "آزاد کشمیر",  # CLDR: ا, then آ
        "بلوچستان", "بھارت",  # an aspirate is a letter after its consonant
        "تہران", "ٹھٹھہ",  # ٹ after ت
        "جموں", "جیکب آباد", "جے پور",  # ے after ی
        "چھتیس گڑھ", "دمتری پیسکوف", "ڈونلڈ ٹرمپ", "روس",  # ڈ between د and ر
        "کراچی", "گجرات", "گوادر", "گھانا",  # گ after ک
        "یمن",
    ]
    # Code points put ڈ (U+0688) after و and ک (U+06A9) after م.
    assert sorted(names) != sorted(names, key=collation_key)


@pytest.mark.parametrize("before, after", [
    ("مان", "ماں"),  # ن, then ں
    ("کہا", "کھا"),  # ک + ہ, then the letter کھ
    ("بہار", "بھارت"),
    ("یمن", "ے"),  # ے is the last letter
    ("احمد", "أحمد"),  # أ is ا, after it only when all else is equal
    ("وزیر", "وَزیر"),  # harakat count only when all else is equal
    ("علی", "علی خان"),
    ("علی خان", "علیم"),  # a space before any letter
    ("2025 میں", "ایران"),  # digits before letters
    ("یمن", "Yemen"),  # Urdu before other scripts
])
def test_pairs_of_words(before, after):
    assert collation_key(before) < collation_key(after)


def test_arabic_keyboard_letters_and_joiners_sort_as_urdu():
    assert collation_key("يمن")[:3] == collation_key("یمن")[:3]
    assert collation_key("ٹیلی\u200cویژن")[:3] == collation_key("ٹیلیویژن")[:3]


def test_english_names_in_alphabetical_order_case_and_accents_second():
    names = ["Vladimir Putin", "donald trump", "Éire", "Joe Biden", "Donald Trump", "Azad Kashmir"]
    assert sorted(names, key=collation_key) == [
        "Azad Kashmir", "donald trump", "Donald Trump", "Éire", "Joe Biden", "Vladimir Putin"]


def icu_sort_key(locale: str):
    """ICU's own sort key for a locale, through the system's libicu (ICU4C's C API), or None."""
    path = ctypes.util.find_library("icui18n")
    version = re.search(r"\.so\.(\d+)", path or "")
    if not version:
        return None
    icu = ctypes.CDLL(path)
    open_collator = getattr(icu, f"ucol_open_{version[1]}")
    open_collator.restype = ctypes.c_void_p
    sort_key = getattr(icu, f"ucol_getSortKey_{version[1]}")
    sort_key.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32]
    status = ctypes.c_int(0)
    collator = open_collator(locale.encode("ascii"), ctypes.byref(status))
    assert status.value <= 0, f"ICU error {status.value}"

    def key(text: str) -> bytes:
        utf16 = text.encode("utf-16-le")
        out = ctypes.create_string_buffer(4096)
        length = sort_key(collator, utf16, len(utf16) // 2, out, len(out))
        return out.raw[:length]
    return key


def test_the_order_is_icus_for_every_glossary_and_outlet_name():
    icu = icu_sort_key("ur")
    if icu is None:
        pytest.skip("no libicu to compare with")
    knowledge = load_knowledge()
    for lang in ("ur", "en"):
        names = [getattr(thing, lang) for thing in [*knowledge.glossary, *knowledge.outlets]]
        assert sorted(names, key=collation_key) == sorted(names, key=icu), lang
