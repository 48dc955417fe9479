"""Search folding (folding.py): the spellings Urdu readers type for one another
become one search word; spellings that are other words stay apart."""

import json

import pytest

from search_index.contract import browser_contract
from search_index.folding import FOLDING, fold, search_words


@pytest.mark.parametrize("typed, written", [
    ("شاہین افریدی", "شاہین آفریدی"),        # ا for alef madda
    ("شاھین آفریدی", "شاہین آفریدی"),        # ھ for ہ where it marks no aspirate
    ("ھم وھ یھ", "ہم وہ یہ"),
    ("تمھارا انھوں ننھا دولھا", "تمہارا انہوں ننہا دولہا"),  # after ل م ن both are written
    ("گۓ لۓ", "گئے لئے"),                    # ۓ for ئے
    ("لئے کئے", "لیے کیے"),                  # ئ for ی
    ("گاوں گائوں دباو", "گاؤں گاؤں دباؤ"),    # و and ئو for ؤ
    ("احمد اسلام", "أحمد إسلام"),            # Arabic hamza on or under alef
    ("نقطہ نظر", "نقطۂ نظر"),                # izafat hamza
    ("علما وزرا", "علماء وزراء"),            # Arabic final hamza
    ("نيٹو كها رپورٹة", "نیٹو کہا رپورٹہ"),  # Arabic-keyboard letters, teh marbuta
    ("وٹکوف پرانا", "وِٹکوف پُرانا"),          # harakat
    ("لمبا", "لـــمبا"),                     # tatweel
    ("ٹیلیویژن", "ٹیلی\u200cویژن"),          # ZWNJ
    ("2025 14", "۲۰۲۵ ١٤"),                  # Urdu and Arabic digits
    ("Turkiye Cafe", "Türkiye café"),        # accents and case
])
def test_spellings_readers_type_for_one_another_are_one_search_word(typed, written):
    assert search_words(typed) == search_words(written)


@pytest.mark.parametrize("one, other", [
    ("کھا", "کہا"), ("پھر", "پہر"), ("بھر", "بہر"), ("گھر", "گہر"), ("پڑھ", "پڑہ"),  # aspirates
    ("لۓ", "لے"),    # ۓ is ئے, not ے
    ("گئی", "گی"),   # ئ becomes ی, never nothing
    ("گئے", "گے"),
])
def test_spellings_that_are_other_words_stay_apart(one, other):
    assert search_words(one) != search_words(other)


def test_words_are_runs_of_letters_and_digits():
    assert search_words("Putin's talks, 2,000 under_score e-mail") == [
        "putin", "s", "talks", "2", "000", "under", "score", "e", "mail"]
    assert search_words("۔ ، ؟ ؛ 🙂") == []
    assert fold("ﷲ") == "اللہ"


def test_the_browser_gets_the_tables_as_plain_data():
    # What contract.py writes into search/lexicon.js: JSON, each table once.
    contract = json.loads(json.dumps(browser_contract(), ensure_ascii=False))
    assert contract["folding"] == json.loads(json.dumps(FOLDING))
    assert set(contract) == {"folding", "offline", "pagefind", "languages"}
    assert contract["languages"] == {"ur": {"dir": "rtl"}, "en": {"dir": "ltr"}}
