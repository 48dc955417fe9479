"""What the importer must find in each real seed, and how a reader of the text finds it.

Each expectation below was determined by reading the seed itself; the comment
beside it says where in the text it comes from.
"""

import datetime as dt

import pytest

from akhbar.normalize import normalize_urdu

from .conftest import SEEDS

EXPECTED = {
    "000": dict(
        # Line 1 is site chrome ("contact us"), line 3 the section label روس,
        # line 5 the first real line: a one-line headline.
        title="روس اور امریکہ کے درمیان سفارتی رابطے جاری ہیں۔",
        # The text names 7 and 15 December but never a year: undated.
        date=None,
        # The closing disclaimer (line 61) names "EU Reporter".
        outlet="eu-reporter",
        # Line 3, above the headline, is the section label روس (Russia).
        category="russia",
        # Line 15 opens the article.
        first_sentence="7 دسمبر کو صدور پوٹن اور بائیڈن کے درمیان ویڈیو کال کے ایک ہفتہ بعد، "
        "واشنگٹن نے امریکی محکمہ خارجہ کے یورپی اور یوریشین امور کے بیورو کے اسسٹنٹ سکریٹری "
        "ڈاکٹر کیرن ڈانفرائیڈ کو ماسکو بھیجا تھا۔",
        # No photo captions on this page.
        captions=[],
        # Donfried is spelt ڈانفرائیڈ, ڈونفائیڈ and ڈانفریڈ; Putin پوٹن and پیوٹن;
        # Ushakov یوشاکوف; the Kozak, Ryabkov, Sullivan, Peskov names, NATO, the
        # Minsk agreements, the Normandy Format, the correspondent Alexei Ivanov
        # (line 15) and the places are all in the text.
        entities={
            "alexei-ivanov", "normandy-format", "washington", "geneva", "karen-donfried", "vladimir-putin",
            "joe-biden", "dmitry-kozak", "sergei-ryabkov",
            "yuri-ushakov", "jake-sullivan", "dmitry-peskov", "dmytro-kuleba", "nato",
            "minsk-agreements", "russia", "united-states", "ukraine", "moscow", "kyiv",
            "brussels", "donbas", "us-state-department", "russian-foreign-ministry",
            "white-house", "kremlin",
        },
    ),
    "001": dict(
        # Line 1 is the headline: short, and the article starts on line 3.
        title="بائیڈن اور پوتن نے یوکرین کے بارے میں باہمی انتباہات اور سفارتی راستے کے لیے حمایت کا وعدہ کیا۔",
        # Only "on Thursday evening" (جمعرات کی شام), 7 December and 10 January: no year.
        date=None,
        # No disclaimer, credit or comment box names the outlet; the Arabic
        # "related topics" headings are not a signature of any one outlet.
        outlet=None,
        category=None,
        first_sentence="روسی صدر ولادیمیر پوتن نے جمعرات کی شام اپنے امریکی ہم منصب جو بائیڈن کو "
        "50 منٹ کی فون کال میں خبردار کیا کہ \"اگر مغرب نے یوکرین کی صورتحال کی وجہ سے روس پر "
        "پابندیاں عائد کرنے کا فیصلہ کیا تو اس سے تعلقات منقطع ہو سکتے ہیں۔”",
        captions=[],
        # Putin as پوتن and پیوٹن; Ushakov as اوشاکوف and یوری اوشاکوف; Peskov;
        # the OSCE by its long Urdu name.
        entities={
            "vladimir-putin", "joe-biden", "yuri-ushakov", "dmitry-peskov", "nato", "kremlin",
            "white-house", "osce", "russia", "united-states", "ukraine", "moscow", "washington",
            "geneva", "iran", "europe",
        },
    ),
    "002": dict(
        # Line 1 is the headline; line 3 is its dateline.
        title="روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات",
        # The dateline "28 دسمبر 2021" on its own line under the headline.
        date=dt.date(2021, 12, 28),
        # Dawn's Urdu site: photo credit "---فوٹو: اے پی" and the closed comment
        # box "تبصرے (0) بند ہیں".
        outlet="dawn-news",
        category=None,
        first_sentence="روس کے سفارت کار اور فوجی عہدیدار اگلے ماہ امریکا کے ساتھ یوکرین سمیت "
        "سیکیورٹی کے دیگر مسائل پر مذاکرات کریں گے۔",
        # Lines 4 and 5 are the same caption with an AP credit: kept once.
        captions=[("سرگئی لاروف نے ایک انٹرویو میں اگلے ماہ مذاکرات کی بات کی", "اے پی")],
        # Lavrov, Peskov (spelt دیمتری پاسکوف), Putin (پیوٹن), Zelensky, NATO, the EU;
        # Al Jazeera, whose report the article credits (line 9).
        entities={
            "al-jazeera", "sergei-lavrov", "dmitry-peskov", "vladimir-putin", "volodymyr-zelensky", "nato",
            "european-union", "kremlin", "russian-foreign-ministry", "russia", "united-states",
            "ukraine", "moscow", "crimea", "donbas", "united-kingdom",
        },
    ),
    "003": dict(
        # No headline survived the scrape: line 1 is a photo caption, line 2 the
        # lede. The stand-in title is the lede's reported speech (after کہ), cut
        # at its first clause, and it is marked low-confidence.
        title="یوکرین میں تقریباً چار سال سے جاری جنگ کے خاتمے کے لیے روس اور امریکہ کے درمیان مذاکرات تعمیری تھے",
        # The caption dates the meeting "دو دسمبر، 2025" (a Tuesday); the lede
        # says Ushakov spoke "on Wednesday" (بدھ کو): 3 December 2025.
        date=dt.date(2025, 12, 3),
        outlet=None,
        category=None,
        first_sentence="صدر ولادیمیر پوتن کے ایک سینئر مشیر یوری اوشاکوف نے بدھ کو صحافیوں کو بتایا کہ "
        "یوکرین میں تقریباً چار سال سے جاری جنگ کے خاتمے کے لیے روس اور امریکہ کے درمیان مذاکرات "
        "تعمیری تھے، لیکن ابھی بہت کام باقی ہے۔",
        # Line 1 describes a picture ("… بات چیت کرتے ہوئے۔"), with no credit.
        captions=[(
            "روس کے صدر ولادیمیر پوتن اور دیگر حکام دو دسمبر، 2025 کو ماسکو میں امریکی صدر ڈونلڈ ٹرمپ "
            "کے داماد جیرڈ کشنر اور امریکی خصوصی ایلچی سٹیو وِٹکوف کے ساتھ بات چیت کرتے ہوئے۔",
            None,
        )],
        # Witkoff as سٹیو وِٹکوف (with a zer) and اسٹیو وٹکوف; Rubio; Kushner; Trump.
        entities={
            "vladimir-putin", "yuri-ushakov", "donald-trump", "jared-kushner", "steve-witkoff",
            "marco-rubio", "kremlin", "nato", "russia", "united-states", "ukraine", "moscow",
            "washington", "kyiv", "europe", "florida", "donbas",
        },
    ),
}

# Site chrome in each seed, by line number: what a reader of the page skips.
CHROME_LINES = {
    "000": {1: "contact", 7: "share", 9: "published", 11: "published", 13: "newsletter",
            29: "advert", 59: "share", 61: "disclaimer", 63: "trending"},
    "001": {8: "related", 9: "related", 10: "related", 11: "related"},
    "002": {11: "cross-link", 25: "cross-link", 37: "cross-link", 47: "comments"},
    "003": {},
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_metadata(seed, prefix):
    expected = EXPECTED[prefix]
    found = seed(prefix).extraction
    assert found.title == expected["title"]
    assert found.date == expected["date"]
    assert found.date_confidence == ("low" if expected["date"] is None else "high")
    assert (found.outlet.id if found.outlet else None) == expected["outlet"]
    assert (found.category.id if found.category else None) == expected["category"]
    assert found.summary.startswith(expected["first_sentence"])
    assert found.paragraphs[0].startswith(expected["first_sentence"])
    assert [(c.text, c.credit) for c in found.captions] == expected["captions"]
    assert {e.entry.id for e in found.entities} == expected["entities"]
    assert found.language == "ur"


def test_seed_002_credits_al_jazeera(seed):
    # "الجزیرہ کی رپورٹ کے مطابق" (line 9): the report is Al Jazeera's.
    assert seed("002").extraction.wire.id == "al-jazeera"


def test_spelling_variants_are_one_person(seed):
    donfried = next(e for e in seed("000").extraction.entities if e.entry.id == "karen-donfried")
    # ڈانفرائیڈ ×8 (lines 15, 19, 23, 25, 27, 39, 51 and 33 alone), ڈونفائیڈ ×1, ڈانفریڈ ×1.
    assert donfried.count == 10
    assert donfried.entry.en == "Karen Donfried"
    putin = {e.entry.id: e.count for e in seed("001").extraction.entities}["vladimir-putin"]
    # پوتن in the headline and line 3, پیوٹن three times in line 3.
    assert putin == 5


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_no_line_lost_or_altered(seed, prefix):
    """Every non-blank line is the body, the headline, a caption or named chrome."""
    imported = seed(prefix)
    found = imported.extraction
    raw_lines = imported.path.read_text(encoding="utf-8").split("\n")
    accounted = {number: text for number, text in zip(found.paragraph_lines, found.paragraphs, strict=True)}
    if found.title_line:
        accounted[found.title_line] = found.title
    removed = {r.line: r for r in found.removed}
    captions = {c.line: c for c in found.captions}
    for number, raw in enumerate(raw_lines, 1):
        line = normalize_urdu(raw.strip())
        if not line:
            continue
        if number in accounted:
            assert accounted[number] == line, f"line {number} altered"
        elif number in captions:
            assert line.startswith(captions[number].text)
        else:
            assert number in removed, f"line {number} lost: {line[:40]}"
    assert found.paragraph_lines == sorted(found.paragraph_lines)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_chrome_is_removed_and_only_chrome(seed, prefix):
    found = seed(prefix).extraction
    chrome = {r.line: r.kind for r in found.removed if r.kind in {
        "contact", "share", "published", "newsletter", "advert", "disclaimer",
        "trending", "related", "comments", "cross-link"}}
    assert chrome == CHROME_LINES[prefix]
    body = "\n".join(found.paragraphs)
    for removed in found.removed:
        assert removed.text not in found.paragraphs
    for phrase in ("مزید پڑھیں", "یہ بھی پڑھیں", "تبصرے (0)", "Related articles", "رجحان سازی",
                   "اشتہار", "سبسکرائب", "اس مضمون کا اشتراک", "ہمارے ساتھ رابطہ", "---فوٹو"):
        assert phrase not in body


def test_duplicated_caption_kept_once(seed):
    found = seed("002").extraction
    assert [r.line for r in found.removed if r.kind == "duplicate-caption"] == [5]
    assert not any("سرگئی لاروف نے ایک انٹرویو میں" in p for p in found.paragraphs)


def test_low_confidence_fields_are_flagged(seed):
    assert seed("000").extraction.low_confidence_fields() == ["date"]
    assert seed("001").extraction.low_confidence_fields() == ["date", "outlet"]
    assert seed("002").extraction.low_confidence_fields() == []
    assert seed("003").extraction.low_confidence_fields() == ["title", "outlet"]


def test_reading_time_and_word_count(seed):
    found = seed("002").extraction
    assert found.word_count == sum(len(p.split()) for p in found.paragraphs)
    assert found.reading_minutes == -(-found.word_count // 180)


def test_slugs_come_from_file_names(seed):
    assert [seed(p).slug for p in sorted(EXPECTED)] == [
        "000-947afd4b53ab818c", "001-5fdcb9c48dad7940", "002-6aa83e8293d70fa7", "003-d5d1f4a12c482239"]
    assert len(list(SEEDS.glob("*.txt"))) == 4
