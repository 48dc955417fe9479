import datetime as dt

import pytest


@pytest.mark.parametrize("line, expected", [
    ("28 دسمبر 2021", dt.date(2021, 12, 28)),
    ("دو دسمبر، 2025", dt.date(2025, 12, 2)),
    ("بدھ، 3 دسمبر، 2025", dt.date(2025, 12, 3)),
    ("۲۸ دسمبر ۲۰۲۱", dt.date(2021, 12, 28)),
    ("December 28, 2021", dt.date(2021, 12, 28)),
    ("28 December 2021", dt.date(2021, 12, 28)),
    ("2021-12-28", dt.date(2021, 12, 28)),
])
def test_datelines(extractor, line, expected):
    assert extractor.dates.extract_dateline(line).as_date() == expected


@pytest.mark.parametrize("line", [
    "28 دسمبر",                      # no year
    "31 فروری 2021",                 # no such day
    "روس نے 28 دسمبر 2021 کو کہا",    # a sentence, not a dateline
])
def test_not_datelines(extractor, line):
    assert extractor.dates.extract_dateline(line) is None


def test_week_is_not_saturday(extractor):
    # ہفتہ is both "Saturday" and "week": "ایک ہفتہ بعد" is "a week later".
    assert extractor.dates.find_weekday("ویڈیو کال کے ایک ہفتہ بعد") is None
    assert extractor.dates.find_weekday("ہفتہ کو ملاقات ہوئی").weekday == 5


def test_caption_date_without_weekday_is_low_confidence(extractor):
    text = "عنوان\n\nصدر دو دسمبر، 2025 کو ماسکو میں بات چیت کرتے ہوئے۔\n\nمذاکرات جاری رہیں گے۔\n"
    found = extractor.extract(text)
    assert found.date == dt.date(2025, 12, 2)
    assert found.date_confidence == "low"


def test_event_dates_in_the_body_do_not_date_the_article(extractor):
    found = extractor.extract("عنوان\n\nروس نے 2014 میں اور 12 جنوری 2022 کو مذاکرات کیے۔\n")
    assert found.date is None
    assert found.date_confidence == "low"
    assert any("12 جنوری 2022" in w for w in found.warnings)


def test_english_article(extractor):
    text = ("Putin and Biden talk again\n\nDecember 30, 2021\n\nRussian President Vladimir Putin "
            "warned Joe Biden on Thursday that sanctions would be a mistake.\n\nRelated articles\n")
    found = extractor.extract(text)
    assert found.language == "en"
    assert found.title == "Putin and Biden talk again"
    assert found.date == dt.date(2021, 12, 30)
    assert {e.entry.id for e in found.entities} == {"vladimir-putin", "joe-biden"}
    assert found.reading_minutes == 1
    assert [r.kind for r in found.removed] == ["dateline", "related"]
