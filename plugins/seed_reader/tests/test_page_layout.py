"""Each pattern of a real news page the importer must understand, in a few lines
written for the test (no third-party page is copied here)."""

import datetime as dt

import pytest

LEDE = "وزیر خزانہ نے آج قومی اسمبلی میں بجٹ پیش کیا جس میں ترقیاتی منصوبوں کے لیے رقم بڑھائی گئی ہے۔"
SECOND = "اپوزیشن نے بجٹ پر سخت تنقید کی اور کہا کہ اس سے مہنگائی بڑھے گی۔"
HEADLINE = "وفاقی بجٹ قومی اسمبلی میں پیش کر دیا گیا"


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def kinds(found) -> dict[str, str]:
    return {r.text: r.kind for r in found.removed}


# --- dates ---------------------------------------------------------------

def test_crawler_date_header_dates_the_page_and_leaves_the_text(extractor):
    found = extractor.extract(f" date 2025-06-25 {HEADLINE}\n\n{LEDE}\n")
    assert found.date == dt.date(2025, 6, 25) and found.date_confidence == "high"
    assert found.title == HEADLINE
    assert found.paragraphs == [LEDE]


@pytest.mark.parametrize("line, expected", [
    ("Published January 27, 2024", dt.date(2024, 1, 27)),
    ("شائع 09 جولائ 2024 01:07pm", dt.date(2024, 7, 9)),           # a month spelt without its final ی
    ("03:22 PM, 14 Oct, 2025", dt.date(2025, 10, 14)),
    ("04:47 PM | 25 Mar, 2021", dt.date(2021, 3, 25)),
    ("جنوری 20, 2023", dt.date(2023, 1, 20)),                       # Urdu month, printed month-first
    ("- مئی 21, 2024", dt.date(2024, 5, 21)),
    ("22 مئی، 2024، 8:22 PM", dt.date(2024, 5, 22)),
    ("Wednesday January 20, 2016,", dt.date(2016, 1, 20)),
    ("اتوار 12 مارچ 2023، 10:45 شام", dt.date(2023, 3, 12)),
    ("کراچی: 21/دسمبر/2019", dt.date(2019, 12, 21)),
    ("۲۸ دسمبر ۲۰۲۱ء", dt.date(2021, 12, 28)),                      # Urdu digits, era mark
    ("Last Updated: Wednesday, 25 February, 2004, 16:03 GMT", dt.date(2004, 2, 25)),
    ("Published - March 14, 2026 10:12 pm IST", dt.date(2026, 3, 14)),
    ("Web Desk | March 14, 2026", dt.date(2026, 3, 14)),
    ("14:28 GMT 14.03.2026", dt.date(2026, 3, 14)),
    ("Sat, 14 Mar 2026 10:15:00 +0500", dt.date(2026, 3, 14)),
    ("١٧ دسمبر ٢٠٢٥ ١٨:٢٠ Asia/Tehran", dt.date(2025, 12, 17)),         # Arabic-Indic digits, a time zone
    ("عمر فاروق  |12.11.2025 - اپ ڈیٹ : 13.11.2025", dt.date(2025, 11, 12)),  # the published date, not the update
    ("شائع شدہ: جمعرات 10 ربیع الثانی 1447هـ - 2 اکتوبر 2025م", dt.date(2025, 10, 2)),  # Hijri beside Gregorian
    ("جمعہ، ۵ دسمبر ۲۰۲۵ مطابق ۱۴ جمادی الثانی ۱۴۴۷ھ", dt.date(2025, 12, 5)),
    ("جمعہ 6 دسمبر 2024ء بمطابق 4 جمادی الثانی 1446ھ", dt.date(2024, 12, 6)),
    ("۲۲ رمضان المبارک ۱۴۴۵ھ مطابق ۲ اپریل ۲۰۲۴ء", dt.date(2024, 4, 2)),
    ("تاریخ اجراء: 21-11-2023", dt.date(2023, 11, 21)),                  # a press release's date of issue
    ("اسپورٹس رپورٹر | 27 فروری 2025، 11:48 شب", dt.date(2025, 2, 27)),
    ("پوسٹ کیا گیا: 3 نومبر 2024", dt.date(2024, 11, 3)),
    ("لاہور (سٹاف رپورٹر) 20 جون 2025", dt.date(2025, 6, 20)),          # a place, its reporter, the date
    ("برمنگھم (نمائندہ خصوصی) جمعہ، 7 جون 2024", dt.date(2024, 6, 7)),   # ... and a weekday
    ("۲۲ شعبان المعظم ۱۴۴۶ھ مطابق 21 فروری 2025ء", dt.date(2025, 2, 21)),  # a Hijri month with its epithet
    ("Posted on September 17, 2023 by Admin", dt.date(2023, 9, 17)),    # WordPress: the date, then the writer
    ("Posted on 2023-09-17 by Admin", dt.date(2023, 9, 17)),
    ("Islamabad, the 8th January, 2025", dt.date(2025, 1, 8)),          # an official letter's style
    ("اپ ڈیٹ کی گئی: 03 دسمبر 2025 08:45 PM", dt.date(2025, 12, 3)),
    ("Last updated on December 6, 2025", dt.date(2025, 12, 6)),
    ("مورخہ 18/03/2025", dt.date(2025, 3, 18)),
    ("تاریخ اشاعت: یکم مارچ 2025", dt.date(2025, 3, 1)),                 # "the first" as a word
    ("اشاعت: 14 نومبر 2024، 11:20 بجے دن", dt.date(2024, 11, 14)),
    ("۱۹ اگست ۲۰۲۴ء ۔ ۵ بج کر ۲۰ منٹ شام", dt.date(2024, 8, 19)),
    ("پوسٹ کیا گیا 2 فروری، 2025 کو", dt.date(2025, 2, 2)),
    ("زرعی رپورٹر | 02 اپریل، 2025 بوقت 11:20 صبح", dt.date(2025, 4, 2)),
    ("Tue 22 Oct 2024, 6:40 PM GST", dt.date(2024, 10, 22)),
    # The date between a byline, a place or a count, apart by bars or dots.
    ("نمائندہ نیلم | 2025-01-24", dt.date(2025, 1, 24)),
    ("رپورٹ: کریم اللہ بیگ | 23/02/2025", dt.date(2025, 2, 23)),
    ("Hira Javed · 27 May 2025", dt.date(2025, 5, 27)),
    ("بارسلونا (یورپ اردو) | نومبر 20, 2024 | 2 تبصرے", dt.date(2024, 11, 20)),
    ("23 مئی 2025  |  دورانیہ 2:14", dt.date(2025, 5, 23)),
    # A weekday before the label; a blog's section, or its byline, around the date.
    ("بروز اتوار، بتاریخ 22 ستمبر 2024", dt.date(2024, 9, 22)),
    ("Posted on 2025/02/11 in Campus News", dt.date(2025, 2, 11)),
    ("Submitted by ادارہ on Tue, 02/04/2025 - 11:20", dt.date(2025, 2, 4)),  # Drupal: month first, as Tuesday says
    ("Wed, 02/04/2025", dt.date(2025, 4, 2)),                              # ... day first, as Wednesday says
    ("Posted 12/25/2025", dt.date(2025, 12, 25)),                          # only the American order reads
])
def test_date_lines_under_the_headline(extractor, line, expected):
    found = extractor.extract(page(HEADLINE, line, LEDE))
    assert found.date == expected and found.date_confidence == "high"
    assert found.title == HEADLINE and found.paragraphs == [LEDE]


def test_masthead_date_above_the_headline_is_not_the_publication(extractor):
    # The site's "today" (a weekday and a date, no time) sits above the headline.
    found = extractor.extract(page("پیر, نومبر 18, 2024", "15 Jumada Al-Awwal 1446", HEADLINE, LEDE))
    assert found.date is None and found.date_confidence == "low"
    assert "masthead" in found.doubts["date"]
    assert kinds(found) == {"پیر, نومبر 18, 2024": "site-date", "15 Jumada Al-Awwal 1446": "hijri-date"}
    # The header's place, weather and today's date.
    weather = extractor.extract(page("سرینگر  1°C  |  ہفتہ، 6 دسمبر 2025", HEADLINE, LEDE))
    assert weather.date is None and kinds(weather) == {"سرینگر  1°C  |  ہفتہ، 6 دسمبر 2025": "site-date"}
    both = extractor.extract(page("پیر, نومبر 18, 2024", HEADLINE, "شائع 09 جولائی 2024 01:07pm", LEDE))
    assert both.date == dt.date(2024, 7, 9)


def test_a_blogs_date_heading_under_its_menu_dates_the_post(extractor):
    # Blogger prints the post's date right above its title, under the blog's menu.
    lede = "The Karakoram Highway was reopened for traffic on Wednesday after landslide debris was cleared."
    found = extractor.extract("\n".join(["Valley Voice", "Home", "About", "Contact", "Wednesday, March 5, 2025",
                                         "Karakoram Highway reopens after three-day closure", lede]))
    assert found.date == dt.date(2025, 3, 5) and found.paragraphs == [lede]
    # A section's label may stand between the date and the headline.
    labelled = extractor.extract("\n".join(["Valley Voice", "Home", "About", "Contact", "Wednesday, March 5, 2025",
                                             "Obituaries", "Karakoram Highway reopens after three-day closure", lede]))
    assert labelled.date == dt.date(2025, 3, 5)
    # Above the menu it is the masthead's date of the day.
    masthead = extractor.extract("\n".join(["Wednesday, March 5, 2025", "Valley Voice", "Home", "About", "Contact",
                                            "Karakoram Highway reopens after three-day closure", lede]))
    assert masthead.date is None


def test_published_date_wins_over_updated(extractor):
    found = extractor.extract(page(HEADLINE, "اپ ڈیٹ: 13 مارچ 2023", "Published: 12 March 2023", LEDE))
    assert found.date == dt.date(2023, 3, 12)
    only_updated = extractor.extract(page(HEADLINE, "اپ ڈیٹ: 13 مارچ 2023", LEDE))
    assert only_updated.date == dt.date(2023, 3, 13)


def test_agency_dateline_glued_to_the_first_word(extractor):
    found = extractor.extract(page(HEADLINE, "لاہور (این این آئی۔ 28 دسمبر2021ء)روس نے مذاکرات کی پیشکش کی ہے۔"))
    assert found.date == dt.date(2021, 12, 28) and found.date_confidence == "high"
    assert found.paragraphs[0].startswith("لاہور (این این آئی۔")  # the dateline stays in the text


def test_english_agency_dateline_with_an_ordinal_day(extractor):
    found = extractor.extract(page("ABU DHABI, 14th March, 2026 (WAM) -- The UAE announced a new visa scheme today."))
    assert found.date == dt.date(2026, 3, 14)
    assert found.title_confidence == "low"  # a dateline opens the lede: no headline on this page


def test_long_agency_dateline_dates_the_page_and_stays_out_of_the_stand_in_headline(extractor):
    found = extractor.extract(
        "لاہور (نمونہ اخبار تازہ ترین - نمونہ پریس ایجنسی۔ 14 مارچ2026ء) "
        "پنجاب حکومت نے گندم کی خریداری کا ہدف مقرر کر دیا۔"
        "\nصوبائی وزیر نے بتایا کہ خریداری مراکز اگلے ہفتے کھولے جائیں گے۔\n")
    assert found.date == dt.date(2026, 3, 14)
    assert found.title == "پنجاب حکومت نے گندم کی خریداری کا ہدف مقرر کر دیا" and found.title_confidence == "low"


def test_dateline_without_a_year_leaves_the_article_undated(extractor):
    found = extractor.extract(page("اسلام آباد۔4نومبر (اے پی پی):" + LEDE))
    assert found.date is None and found.date_confidence == "low"
    assert "no year" in found.doubts["date"]


def test_a_date_in_the_body_is_an_event(extractor):
    found = extractor.extract(page(HEADLINE, "Eid will be on Monday 2nd May, 2022, the committee said.", SECOND))
    assert found.date is None


# --- chrome ----------------------------------------------------------------

def test_menus_site_names_and_widgets_above_the_headline(extractor):
    text = "\n".join([
        "• صفحۂ اول", "  • تازہ ترین", "  • خبریں", "  • Click here for English",
        "No Result", "View All Result", "Aaj News", "1. مواد پر جائیں", "2. مینیو پر جائیں",
        "", HEADLINE, "", LEDE, "", SECOND, ""])
    found = extractor.extract(text)
    assert found.title == HEADLINE
    assert found.paragraphs == [LEDE, SECOND]
    assert set(kinds(found).values()) <= {"menu", "search", "site-name", "skip-link", "language-switch", "latin-chrome"}


def test_counters_shares_and_latin_widgets_on_an_urdu_page(extractor):
    found = extractor.extract(page(
        "107", HEADLINE, "24 0", "SHARES", "494 Views", "Share on FacebookShare on Twitter", LEDE,
        "Sorry, you need to enable JavaScript to visit this website.", "eid-srinagar", "whatsapp channel.jpeg"))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert len(found.removed) == 8


def test_player_fallback_breadcrumbs_and_menu_runs(extractor):
    text = "\n".join(["ہوم", "پاکستان", "کھیل", "شوبز", "Home > Pakistan > Politics", "", HEADLINE, "",
                      "Video Player is loading.", "Play Video", "00:00", "Reading Time: 3 minutes", "",
                      LEDE, "", SECOND, ""])
    found = extractor.extract(text)
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]
    assert kinds(found)["ہوم"] == "menu" and kinds(found)["Play Video"] == "player"


def test_a_list_between_paragraphs_is_the_articles_and_a_menu_above_them_is_not(extractor):
    points = ["• تاجروں کی لازمی رجسٹریشن", "• نان فائلرز کے موبائل سم بلاک"]
    words = ["مہنگائی", "بے روزگاری", "تعلیم"]
    found = extractor.extract(page("• ہوم", "• پاکستان", HEADLINE, LEDE, "\n".join(points), SECOND, "\n".join(words),
                                   LEDE + " " + SECOND, "کھیل\nصحت\nدنیا"))
    assert found.paragraphs == [LEDE, *points, SECOND, *words, LEDE + " " + SECOND]
    assert kinds(found) == {"• ہوم": "menu", "• پاکستان": "menu", "کھیل": "menu", "صحت": "menu", "دنیا": "menu"}


def test_an_initialism_in_a_menu_is_a_menu_item_not_a_sentence(extractor):
    lede = "WASHINGTON — President Joe Biden on Sunday pardoned his son, reversing an earlier pledge."
    found = extractor.extract("World\nU.S.\nPolitics\nSports\n\n" + page("Biden pardons son, reversing pledge", lede))
    assert found.title == "Biden pardons son, reversing pledge" and found.paragraphs == [lede]


def test_a_menu_on_one_line_is_chrome_and_a_sentence_with_a_double_space_is_not(extractor):
    typo = "اپوزیشن نے بجٹ پر  سخت تنقید کی اور کہا کہ اس سے مہنگائی بڑھے گی۔"
    found = extractor.extract("\n".join([
        "ہوم  پاکستان  دنیا  کھیل  شوبز", "Home | News | Sport | Video | E-Paper", HEADLINE, LEDE, typo]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, typo]
    assert kinds(found)["ہوم  پاکستان  دنیا  کھیل  شوبز"] == "menu"
    assert kinds(found)["Home | News | Sport | Video | E-Paper"] in ("menu", "latin-chrome")


def test_section_names_joined_by_single_spaces_are_a_menu_and_a_title_case_headline_is_not(extractor):
    lede = "ISLAMABAD: A Senate committee on Tuesday directed the auditor general to audit the project."
    headline = "Senate Panel Seeks Audit Of Stalled Water Project"
    found = extractor.extract("\n".join(["Home Pakistan World Business Sport Opinion Magazine", headline, lede]))
    assert found.title == headline and found.paragraphs == [lede]
    assert kinds(found)["Home Pakistan World Business Sport Opinion Magazine"] == "menu"
    # One word the data files do not know, among four.
    found = extractor.extract("\n".join(["Markets Companies Economy Quarterly", headline, lede]))
    assert found.title == headline
    # Three words a headline shares with a menu are still a headline where the text follows.
    assert extractor.extract("\n".join(["World Cricket Opinion", lede])).paragraphs[0] == lede
    assert extractor.extract("\n".join(["Pakistan beat India", lede])).title == "Pakistan beat India"


def test_a_breadcrumb_that_ends_with_the_headline_is_chrome(extractor):
    trail = f"صفحۂ اول » معیشت » {HEADLINE}"
    found = extractor.extract("\n".join([trail, HEADLINE, LEDE, SECOND]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]
    assert kinds(found)[trail] == "breadcrumb"
    # Bars make a page's title ("Headline | Site"), not a trail.
    assert extractor.extract("\n".join(["A | B | " + HEADLINE, LEDE])).title == "A | B | " + HEADLINE


def test_a_section_name_over_a_writers_name_and_the_headline_is_a_label(extractor):
    lede = "Walk down almost any main road in Rawalpindi today and you will notice something missing: trees."
    found = extractor.extract("\n".join(["OPINION", "Sana Qureshi", "Our cities are running out of shade",
                                         "Monday, 2 December 2024", lede]))
    assert found.title == "Our cities are running out of shade" and found.paragraphs == [lede]
    assert found.section_label == "OPINION" and found.date == dt.date(2024, 12, 2)


def test_a_headline_printed_twice_over_a_breadcrumb_is_the_headline(extractor):
    found = extractor.extract(page(HEADLINE, HEADLINE, "کمیونٹی | برمنگھم", LEDE, SECOND))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]


ENGLISH_HEADLINE = "Karakoram Highway reopens after three-day closure"
ENGLISH_TEXT = ["The Karakoram Highway was reopened for traffic on Wednesday after landslide debris was cleared.",
                "Hundreds of passengers and goods trucks had been stranded on both sides of the blockade."]


@pytest.mark.parametrize("line", [
    "Reading Time: 2 mins read", "Please turn on JavaScript for the best experience",
    "Save my name, email, and website in this browser for the next time I comment.", "You are here: Home City News",
    "Email ThisBlogThis!Share to XShare to Facebook", "Powered by Blogger", "Show key events only",
    "Sign up for our morning briefing", "Duration: 3:05",
])
def test_more_chrome_of_templates_and_widgets(extractor, line):
    # Between two paragraphs, where only a rule for the line itself removes it.
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.title == ENGLISH_HEADLINE and found.paragraphs == ENGLISH_TEXT


@pytest.mark.parametrize("line", ["تلاش کریں...", "دورانیہ 02:47", "ویڈیو کا دورانیہ، 3:47", "مکمل اسکور کارڈ",
                                  "براہ راست سنیں", "شمارہ 42، جنوری تا مارچ 2025",
                                  "تازہ ترین ۔۔۔ شاہراہ ٹریفک کے لیے بحال ۔۔۔ جموں میں برفباری"])
def test_more_chrome_of_urdu_templates_and_widgets(extractor, line):
    found = extractor.extract("\n".join([HEADLINE, LEDE, line, SECOND]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]


def test_menus_with_urdu_full_stops_or_slashes_between_items_are_menus(extractor):
    stops = "ہوم ۔ دہلی ۔ ملک ۔ دنیا ۔ تعلیم ۔ ای پیپر"
    slashes = "سرورق / سفرنامے / تصویری کہانیاں / میرے بارے میں / رابطہ"
    # Under a ticker of other stories' headlines: the menu closes the ticker, and the headline is under it.
    found = extractor.extract("\n".join(["جمنا پار", "تازہ ترین:", "دہلی میں سردی کا بارہ سالہ ریکارڈ ٹوٹ گیا",
                                         "جامعہ ملیہ میں داخلہ امتحان کی تاریخوں کا اعلان", stops, HEADLINE, LEDE]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE] and kinds(found)[stops] == "menu"
    found = extractor.extract("\n".join(["راہ نورد", slashes, HEADLINE, LEDE]))
    assert found.title == HEADLINE and kinds(found)[slashes] == "menu"


def test_the_outlet_and_the_place_it_reports_from_are_a_byline(extractor):
    found = extractor.extract("\n".join([HEADLINE, "از فرحان قریشی", "عالمی نشریات اردو، اسلام آباد", "۲۲ فروری ۲۰۲۵",
                                         LEDE, SECOND]))
    assert kinds(found)["عالمی نشریات اردو، اسلام آباد"] == "byline"
    assert found.paragraphs == [LEDE, SECOND] and found.date == dt.date(2025, 2, 22)


def test_a_magazines_issue_line_with_a_day_is_a_date_line(extractor):
    found = extractor.extract(page(HEADLINE, "جلد 26، شمارہ 15 — جمعرات 18 اپریل 2024", LEDE))
    assert found.date == dt.date(2024, 4, 18)


def test_date_lines_with_a_place_before_the_label_or_a_reading_time_after_the_date(extractor):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, "Mumbai | First published on: Mar 7, 2025 at 23:10 IST",
                                         "Last updated on: Mar 8, 2025 at 09:05 IST", *ENGLISH_TEXT]))
    assert found.date == dt.date(2025, 3, 7) and found.paragraphs == ENGLISH_TEXT
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, "Zara Hamid", "19 March 2025 · 8 min read", *ENGLISH_TEXT]))
    assert found.date == dt.date(2025, 3, 19) and found.paragraphs == ENGLISH_TEXT


def test_a_line_like_a_sites_name_over_a_dateline_headline_is_no_masthead(extractor):
    # Under the breadcrumb, "MUMBAI NEWS" is the section; a motto never opens with "Mumbai:".
    headline = "Mumbai: BMC to install 400 air purifier towers at busy junctions"
    standfirst = "The civic body has set aside Rs 120 crore for the project, which will be completed in two phases"
    found = extractor.extract("\n".join(["Home / India / Mumbai", "MUMBAI NEWS", headline, standfirst,
                                         "Written by Priya Nair", *ENGLISH_TEXT]))
    assert found.title == headline and found.paragraphs == ENGLISH_TEXT


def test_a_menu_that_opens_with_a_ticker_label_is_navigation(extractor):
    menu = "تازہ ترین | پاکستان | پنجاب | جرائم | کھیل | کاروبار | کالم"
    found = extractor.extract("\n".join(["آئینۂ پنجاب", menu, "پنجاب", HEADLINE, "اشاعت: 15 مارچ 2025", LEDE]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE] and found.date == dt.date(2025, 3, 15)


@pytest.mark.parametrize("line", [
    "Story continues below advertisement", "For more news, follow us on Google News and subscribe to our channel",
    "Get our explainers in your inbox", "By signing up, you agree to our Privacy Policy",
    "Save articles to read later and create your own reading list", "Purchase Licensing Rights, opens new tab",
    "FT Dune Rovers 0-0 Marina City | FT Oasis United 3-1 Port Khalid", "Football Cricket Tennis F1 Fixtures Tables",
])
def test_more_chrome_of_portals_and_wires(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.title == ENGLISH_HEADLINE and found.paragraphs == ENGLISH_TEXT


@pytest.mark.parametrize("line", ["خبر جاری ہے", "ہمارا نیوز لیٹر حاصل کریں", "اپنا ای میل درج کریں",
                                  "مکالمہ کو سوشل میڈیا پر فالو کریں"])
def test_more_urdu_chrome_of_portals(extractor, line):
    found = extractor.extract("\n".join([HEADLINE, LEDE, line, SECOND]))
    assert found.paragraphs == [LEDE, SECOND]


def test_a_date_glued_after_the_datelines_bracket_dates_the_page(extractor):
    lede = "پشاور(نمائندہ خصوصی)۲۷ جنوری ۲۰۲۵ء:صوبائی حکومت نے سردی کے باعث سکولوں کے اوقات کار تبدیل کر دیے ہیں۔"
    found = extractor.extract(page(HEADLINE, lede, SECOND))
    assert found.date == dt.date(2025, 1, 27) and found.paragraphs == [lede, SECOND]


def test_the_heads_date_wins_over_the_print_editions_credit_under_the_text(extractor):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, "March 5, 2025", *ENGLISH_TEXT,
                                         "Published in The Morning Post, March 6th, 2025"]))
    assert found.date == dt.date(2025, 3, 5)
    credit = "Published in The Morning Post, March 6th, 2025"
    alone = extractor.extract("\n".join([ENGLISH_HEADLINE, *ENGLISH_TEXT, credit]))
    assert alone.date == dt.date(2025, 3, 6)


def test_without_a_headline_a_labelled_date_under_the_text_beats_the_masthead(extractor):
    # No headline, so no head: the masthead's date above the text is not the article's.
    found = extractor.extract("\n".join(["جمعرات, فروری 22, 2024", LEDE, "شائع 24 مئی 2022 12:39pm", SECOND]))
    assert found.date == dt.date(2022, 5, 24)


def test_a_four_word_kicker_over_a_long_headline(extractor):
    headline = "عمران شاہد کی طوفانی سنچری، لاہور بلیوز نے پشاور ریجن کو پندرہ رنز سے ہرا دیا"
    found = extractor.extract("\n".join(["قومی ٹی ٹوئنٹی کپ", headline, LEDE]))
    assert found.title == headline and found.section_label == "قومی ٹی ٹوئنٹی کپ"


def test_a_short_headline_over_one_sentence_paragraphs_is_no_kicker(extractor):
    # Paragraphs of one sentence, apart by blank lines, are headline-shaped; a kicker's headline has no full stop.
    found = extractor.extract(page("چاند نظر نہیں آیا", LEDE, SECOND))
    assert found.title == "چاند نظر نہیں آیا" and found.paragraphs == [LEDE, SECOND]


@pytest.mark.parametrize("line", [
    "▶ ریڈیو سنیں", "👁 2,450 بار پڑھا گیا", "ٹرینڈنگ ٹاپکس: #پارلیمنٹ #ریلوے #مانسون",
    "ٹرینڈنگ ➜ میٹرک نتائج · سکول فیس · سموگ", "آج کے منڈی ریٹ: گندم 3,450 | کپاس 8,200 | مکئی 2,300 روپے فی من",
    "پریس ریلیز نمبر LF-114/2025", "ویڈیو پلیئر لوڈ ہو رہا ہے", "پوسٹ کیا گیا: 3 دن پہلے",
])
def test_icons_hashtags_tickers_and_numbers_above_the_headline(extractor, line):
    found = extractor.extract("\n".join([line, HEADLINE, LEDE, SECOND]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]


def test_todays_paper_beside_a_date_is_the_sites_date_of_the_day(extractor):
    found = extractor.extract("\n".join(["Today's Paper | March 6, 2025", ENGLISH_HEADLINE, "March 5, 2025",
                                         *ENGLISH_TEXT]))
    assert found.date == dt.date(2025, 3, 5)


def test_more_heads_of_unseen_templates(extractor):
    menu = "Who We Are | Our Work | Stories from the Field | Donate"
    english = extractor.extract("\n".join(["≡ Menu", "THE BAY CHRONICLE", menu, "Follow: Facebook YouTube X LinkedIn",
                                           ENGLISH_HEADLINE, *ENGLISH_TEXT]))
    assert english.title == ENGLISH_HEADLINE and english.paragraphs == ENGLISH_TEXT
    urdu = extractor.extract("\n".join(["تعلیم و روزگار", HEADLINE, "سٹاف رپورٹر، کراچی", LEDE, SECOND]))
    assert urdu.title == HEADLINE and urdu.paragraphs == [LEDE, SECOND] and urdu.section_label == "تعلیم و روزگار"
    menu = "ہوم :: بہار :: قومی :: عالمی :: تعلیم :: اردو دنیا :: کھیل"
    urdu = extractor.extract("\n".join(["اشتہارات کے لیے رابطہ کریں", menu, "موسم اور زراعت", HEADLINE,
                                        "تبصرہ نگار: خالد محمود اعوان", LEDE, SECOND]))
    assert urdu.title == HEADLINE and urdu.paragraphs == [LEDE, SECOND] and kinds(urdu)[menu] == "menu"


def test_a_labelled_byline_may_name_a_long_body(extractor):
    issuer = "جاری کردہ: شعبۂ نشر و اشاعت، انجمن خدمتِ خلق ممبئی"
    found = extractor.extract("\n".join([HEADLINE, issuer, "21 فروری 2025", LEDE]))
    assert found.paragraphs == [LEDE] and kinds(found)[issuer] == "byline"
    assert found.date == dt.date(2025, 2, 21)


def test_a_kicker_under_the_section_label_is_not_the_headline(extractor):
    headline = "وفاقی بجٹ: آپ کی تنخواہ پر کتنا ٹیکس کٹے گا؟"
    found = extractor.extract("\n".join(["کاروبار", "بزنس | بجٹ | اسٹاک مارکیٹ | کرنسی", "بجٹ 2025-26",
                                         headline, "11 جون 2025", LEDE, SECOND]))
    assert found.title == headline and found.paragraphs == [LEDE, SECOND]
    assert found.section_label == "کاروبار" and kinds(found)["بجٹ 2025-26"] == "note"
    assert found.date == dt.date(2025, 6, 11)


def test_the_sites_name_and_motto_above_its_navigation_are_not_the_headline(extractor):
    # A scraper that joins a page's blocks with single newlines: no blank line anywhere.
    found = extractor.extract("\n".join(["صدائے وطن", "ہر خبر کی سچی تصویر", "ہوم  پاکستان  دنیا  کھیل",
                                         HEADLINE, "ویب ڈیسک", LEDE, SECOND]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]
    assert kinds(found)["صدائے وطن"] == kinds(found)["ہر خبر کی سچی تصویر"] == "above-headline"
    english = extractor.extract(page("Daily Mirror", "Your Right To Know", "Home", "Latest", "World", "Sports",
                                     "Senate panel seeks report on passport backlog",
                                     "The committee asked the ministry to clear the backlog within a month."))
    assert english.title == "Senate panel seeks report on passport backlog"


def test_a_headline_may_open_with_a_place_and_a_colon(extractor):
    headline = "کراچی: شاہراہ فیصل پر ٹریفک جام، شہری گھنٹوں پھنسے رہے"
    found = extractor.extract(page("تصاویر", headline, LEDE))
    assert found.title == headline and found.paragraphs == [LEDE]


def test_a_sites_motto_under_its_name_is_not_the_headline(extractor):
    found = extractor.extract("کراچی نیوز\nسچ کی آواز، عوام کی آواز\n\n" + page(HEADLINE, LEDE))
    assert found.title == HEADLINE and found.standfirst is None and found.paragraphs == [LEDE]
    # Under the site's name with the text right after it, a line is the headline.
    found = extractor.extract("کراچی نیوز\n" + page(HEADLINE, LEDE))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]


def test_the_pages_title_with_the_sites_name_is_chrome(extractor):
    found = extractor.extract(page(f"{HEADLINE} - روزنامہ مثال", "ہوم  پاکستان  دنیا", HEADLINE, LEDE))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert kinds(found)[f"{HEADLINE} - روزنامہ مثال"] == "page-title"


def test_cookie_notices_and_an_articles_code_are_chrome(extractor):
    about_cookies = "Google said it would stop using third-party cookies in its Chrome browser next year."
    found = extractor.extract(page("This website uses cookies to ensure you get the best experience.", "Got it!",
                                   HEADLINE, "خبر کا کوڈ: ۸۵۹۷۱۲۳۴", LEDE, about_cookies))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, about_cookies]
    assert list(kinds(found).values()) == ["consent", "consent", "counter"]


def test_other_stories_listed_after_the_articles_end_are_chrome(extractor):
    found = extractor.extract(page(HEADLINE, LEDE + " " + SECOND + " " + LEDE, "ٹیگز: بجٹ، معیشت",
                                   "اس خبر کو شیئر کریں", "مزید ویڈیوز", "لاہور میں فضائی آلودگی خطرناک حد تک بڑھ گئی",
                                   "گوادر کا ماہی گیر اور بدلتا سمندر", "Subscribe to our newsletter",
                                   "ہمارا یوٹیوب چینل سبسکرائب کریں",
                                   "جملہ حقوق © 2025 روزنامہ مثال۔ تمام حقوق محفوظ ہیں"))
    assert found.paragraphs == [LEDE + " " + SECOND + " " + LEDE]
    assert kinds(found)["لاہور میں فضائی آلودگی خطرناک حد تک بڑھ گئی"] == "related"
    # A page of short lines has no paragraph of prose to end: its lines stay.
    scores = extractor.extract(page("Pakistan beat Sri Lanka by 41 runs", "Pakistan 287/6 (50 ov)",
                                    "Share", "Sri Lanka 246 (46.3 ov)"))
    assert "Sri Lanka 246 (46.3 ov)" in scores.paragraphs


def test_the_story_a_read_also_heading_links_to_and_rows_of_networks_are_chrome(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, "یہ بھی پڑھیں", "گلمرگ میں تازہ برفباری، سیاحوں کی آمد میں اضافہ",
                                   SECOND, "Facebook Twitter WhatsApp Email", "Allow", "No thanks"))
    assert found.paragraphs == [LEDE, SECOND]
    assert kinds(found)["گلمرگ میں تازہ برفباری، سیاحوں کی آمد میں اضافہ"] == "related"


def test_read_also_links_in_their_other_spellings_are_chrome(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, "اسے بھی پڑھیں: نان فائلرز کی موبائل سمیں بلاک", SECOND,
                                   "یہ بھی پڑھیے: بجلی کے نرخوں میں اضافہ", "Also Read | Budget deficit widens"))
    assert found.paragraphs == [LEDE, SECOND]
    assert set(kinds(found).values()) == {"cross-link"}


def test_a_pages_age_with_its_label_is_chrome(extractor):
    ages = ["Updated 2 hours ago", "Posted 1 day ago", "Last updated: 5 minutes ago", "اپ ڈیٹ: 2 گھنٹے قبل",
            "شائع 3 دن پہلے"]
    found = extractor.extract(page(HEADLINE, *ages, LEDE))
    assert found.title == HEADLINE and found.standfirst is None and found.paragraphs == [LEDE]
    assert set(kinds(found).values()) == {"page-age"}


def test_a_wire_storys_credits_and_a_bare_copyright_are_chrome(extractor):
    english = "The central bank cut its key rate by 200 basis points on Monday, its fifth cut in a row."
    reporting = "Reporting by women journalists has grown in the region, the survey found."
    found = extractor.extract(page("Rates cut again as inflation slows", english, reporting,
                                   "Reporting by Saad Hussain in Karachi; Editing by Tom Hogue",
                                   "Our Standards: The Trust Principles.", "Copyright Markets Today 2024"))
    assert found.paragraphs == [english, reporting] and found.captions == []
    assert list(kinds(found).values()) == ["wire-credit", "wire-credit", "copyright"]


def test_readers_comments_are_chrome_and_their_times_date_nothing(extractor):
    comment = "حکومت کو سموگ کے اصل اسباب پر توجہ دینی چاہیے، صرف اسکول بند کرنا حل نہیں ہے۔"
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, "2 تبصرے", "احمد رضا\nدسمبر 6, 2024 at 9:12 am\n" + comment,
                                   "Leave a Reply"))
    assert found.paragraphs == [LEDE, SECOND]
    assert found.date is None
    assert kinds(found)[comment] == "comments"
    # A count of comments with no comment's time under it closes nothing.
    plain = extractor.extract(page(HEADLINE, LEDE, "2 تبصرے", SECOND))
    assert plain.paragraphs == [LEDE, SECOND]


def test_labelled_author_section_and_tags_lines_are_metadata(extractor):
    headline = "Assembly session to begin on December 20, Speaker says"
    lede = "The winter session of the Legislative Assembly will begin on December 20, the Speaker said on Thursday."
    found = extractor.extract(page("Author: Imran Qureshi", "Category: Politics", headline, lede,
                                   "Tags: Courts, Bail"))
    assert found.title == headline and found.paragraphs == [lede]
    assert (found.author, found.section_label, found.tags) == ("Imran Qureshi", "Politics", ["Courts", "Bail"])


def test_prompts_under_the_article_are_chrome(extractor):
    prompts = ["Like Loading...", "Comments are closed on this story.", "Got a story? Contact our newsdesk.",
               "ہمارا ٹیلی گرام چینل جوائن کریں اور تازہ خبریں حاصل کریں"]
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, *prompts))
    assert found.paragraphs == [LEDE, SECOND]
    assert set(kinds(found)) == set(prompts)


def test_a_ticker_a_release_label_and_a_weeklys_name_above_the_headline_are_chrome(extractor):
    found = extractor.extract(page("ہفت روزہ ولایت", "بریکنگ نیوز: وفاقی کابینہ کا اجلاس کل طلب کر لیا گیا",
                                   "پریس ریلیز", HEADLINE, LEDE))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert kinds(found) == {"ہفت روزہ ولایت": "site-name", "پریس ریلیز": "label",
                            "بریکنگ نیوز: وفاقی کابینہ کا اجلاس کل طلب کر لیا گیا": "trending"}


def test_header_widgets_are_chrome_not_headlines(extractor):
    widgets = ["دبئی 41°  ابوظہبی 43°  ریاض 44°", "سونا (فی تولہ) 2,42,600 ▲", "Weather: Gilgit 18°C Partly cloudy",
               "فجر 5:12 ظہر 12:30 عصر 3:45 مغرب 5:20 عشاء 6:45", "Font size: A- A A+",
               "You have 2 free articles left this month.", "لائیو: پی ایس ایل 10 — ملتان 168/4 (18.2 اوورز)",
               "Breaking: Karakoram Highway reopened after landslide", "ڈالر 281.40 ▲ سونا 355,000 ▼",
               "KSE-100 112,340.55 +0.8%", "ڈارک موڈ", "Donate"]
    found = extractor.extract(page(*widgets, HEADLINE, LEDE))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert set(kinds(found)) == set(widgets)


def test_metadata_lines_of_other_shapes(extractor):
    found = extractor.extract(page("آج: بدھ 22 مئی 2024", "PR No. 214", HEADLINE, "بزنس رپورٹر",
                                   "Photographs by Daniel Okafor", "12,480 مرتبہ دیکھا گیا", LEDE,
                                   "ڈاکٹر فرحت عباس کے مزید کالم", "واٹس ایپ پر خلیج اردو کی خبریں حاصل کریں",
                                   "Markets data delayed by 15 minutes."))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert found.date is None  # the header's "today" dates the reading, not the article
    assert kinds(found)["آج: بدھ 22 مئی 2024"] == "site-date"
    # A long Urdu headline opening with a place and a colon is still a headline.
    long_headline = "یو اے ای: نجی شعبے کے ملازمین کے لیے دوپہر کے وقفے کا آغاز 15 جون سے"
    assert extractor.extract(page("متحدہ عرب امارات", long_headline, LEDE)).title == long_headline
    official = "Islamabad, the 11th September, 2024: The Minister inaugurated a national digital literacy drive today."
    assert extractor.extract(page("MINISTER INAUGURATES LITERACY DRIVE", official)).date == dt.date(2024, 9, 11)


def test_a_trending_heading_under_the_article_closes_it(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, "Trending",
                                   "Sensex closes 600 points higher on banking rally",
                                   "تازہ ترین", "جموں میں ٹریفک حادثہ، تین افراد زخمی"))
    assert found.paragraphs == [LEDE, SECOND]


def test_a_papers_kind_and_motto_a_writers_views_and_a_comment_prompt_are_chrome(extractor):
    english = "The finance minister presented the budget in the National Assembly today, raising spending."
    found = extractor.extract(page("ہفت روزہ — ملت کی آواز", HEADLINE, LEDE, "تبصرہ لکھیں..."))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    views = extractor.extract(page("Budget raises development spending", english,
                                   "The views expressed are the author's own."))
    assert views.paragraphs == [english]


def test_a_right_to_left_breadcrumb_is_chrome(extractor):
    found = extractor.extract(page("ہوم ‹ برطانیہ ‹ کمیونٹی", HEADLINE, LEDE))
    assert found.title == HEADLINE and kinds(found) == {"ہوم ‹ برطانیہ ‹ کمیونٹی": "breadcrumb"}


def test_a_columns_disclaimer_is_chrome_and_a_quoted_personal_opinion_is_not(extractor):
    quoted = "وزیر نے کہا کہ یہ ان کی ذاتی رائے ہے اور حکومت کا موقف نہیں۔"
    found = extractor.extract(page(HEADLINE, LEDE, quoted, "نوٹ: یہ تحریر کالم نگار کی ذاتی آرا پر مبنی ہے۔"))
    assert found.paragraphs == [LEDE, quoted]


def test_short_lines_printed_again_and_again_are_chrome(extractor):
    found = extractor.extract(page("وجود", "وجود", HEADLINE, "وجود", LEDE))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert list(kinds(found).values()) == ["repeated"]


def test_headline_printed_twice(extractor):
    found = extractor.extract(page(HEADLINE, HEADLINE, LEDE, HEADLINE))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert [r.kind for r in found.removed] == ["duplicate-headline", "duplicate-headline"]


def test_picture_caption_printed_twice_above_the_headline(extractor):
    caption = "شرح سود میں اضافہ ممکن ہے۔فائل فوٹو"
    found = extractor.extract(page(caption, caption, HEADLINE, LEDE))
    assert found.title == HEADLINE
    assert [c.text for c in found.captions] == ["شرح سود میں اضافہ ممکن ہے۔"]
    assert found.paragraphs == [LEDE]


def test_caption_above_a_photo_credit(extractor):
    found = extractor.extract(page(HEADLINE, "<div><p>دہلی دربار 2024</p></div>", "دہلی دربار 2024",
                                   "تصویر: پریس ریلیز", LEDE))
    assert [c.text for c in found.captions] == ["دہلی دربار 2024"]
    assert found.paragraphs == [LEDE]


@pytest.mark.parametrize("caption, text, credit", [
    ("Rukhsana Qadri in the studio in 1968. (Family photo)", "Rukhsana Qadri in the studio in 1968.", "Family photo"),
    ("Herders walk across the marshes in southern Iraq [File: Ali Kareem/Getty Images]",
     "Herders walk across the marshes in southern Iraq", "File: Ali Kareem/Getty Images"),
    ("A gas tanker is seen near Ras Laffan, Qatar, June 4, 2024. TNA/Omar Saleh/File Photo",
     "A gas tanker is seen near Ras Laffan, Qatar, June 4, 2024.", "TNA/Omar Saleh/File Photo"),
])
def test_captions_with_the_credits_of_wires_and_families(extractor, caption, text, credit):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, caption, *ENGLISH_TEXT]))
    assert [(c.text, c.credit) for c in found.captions] == [(text, credit)]
    assert found.paragraphs == ENGLISH_TEXT


def test_list_of_other_stories_under_dashes(extractor):
    stories = ["Japan elects a new prime minister after a sweeping vote",
               "Singer explains rare reason behind not revisiting old roles",
               "Court returns toddler on life-saving medication to family"]
    lede = "ISLAMABAD: The committee met on Saturday and announced its decision after a long meeting."
    text = page("Moon not sighted, Eid on Monday", lede, *[x for s in stories for x in ("-", s)])
    found = extractor.extract(text)
    assert found.paragraphs == [lede]


def test_widget_headings_after_the_last_paragraph(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, "متعللقہ خبریں", "ٹیگز:", "Opinion"))
    assert found.paragraphs == [LEDE, SECOND]


def test_a_page_cut_mid_line_keeps_its_last_words(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND) + "اس ف")
    assert found.paragraphs[-1] == "اس ف"


def test_never_chrome_lines_stay(extractor, tmp_path):
    import shutil

    from seed_reader.extract import ArticleExtractor
    from seed_reader.knowledge import DATA_DIR, load_knowledge
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "never_chrome.toml").write_text('lines = ["Comments"]\n', encoding="utf-8")
    ours = ArticleExtractor(load_knowledge(data))
    text = page("Budget presented in the assembly", "The finance minister presented the budget today.", "Comments")
    assert extractor.extract(text).paragraphs == ["The finance minister presented the budget today."]
    assert ours.extract(text).paragraphs[-1] == "Comments"


# --- the head --------------------------------------------------------------

def test_captions_with_a_credit_after_a_dash_and_credits_alone(extractor):
    english_lede = "Dubai Municipality will open three new beaches for night swimming by March, officials said."
    found = extractor.extract(page("Dubai to open three new night beaches",
                                   "A view of the beach at Jumeirah. — File photo",
                                   "Officials at the opening of the beach — Photo: WAM", "KT file photo", english_lede))
    assert found.paragraphs == [english_lede]
    assert [c.text for c in found.captions] == [
        "A view of the beach at Jumeirah.", "Officials at the opening of the beach"]
    assert kinds(found) == {"KT file photo": "credit"}
    gallery = extractor.extract(page(HEADLINE, "تصویر 1 از 6", "پروفیسر عبدالقدیر ہاشمی (فائل فوٹو)", LEDE))
    assert gallery.paragraphs == [LEDE] and [c.text for c in gallery.captions] == ["پروفیسر عبدالقدیر ہاشمی"]


def test_a_caption_credited_to_an_agency_above_the_text_and_an_article_credited_below_it(extractor):
    lede = "ISLAMABAD: The High Court on Tuesday granted bail to the former minister in the case."
    last = "The hearing was adjourned until next week. — APP"
    found = extractor.extract(page("Court grants bail to former minister",
                                   "A view of the High Court building. — Reuters", lede, last))
    assert found.paragraphs == [lede, last]
    assert [c.text for c in found.captions] == ["A view of the High Court building. — Reuters"]
    courtesy = extractor.extract(page(HEADLINE, "وزیراعلیٰ بس سروس کا افتتاح کر رہی ہیں — فوٹو بشکریہ: ڈی جی پی آر",
                                      LEDE, "A bus on its first day (City Photo/Jose Martinez)", SECOND))
    assert courtesy.paragraphs == [LEDE, SECOND]
    guardian = extractor.extract(page("Teen lifts British Junior Open title",
                                      "Hamza Qureshi celebrates match point. Photograph: Pitchside Images",
                                      "Hamza Qureshi, the 17-year-old from Peshawar, won the boys' title on Sunday."))
    assert [(c.text, c.credit) for c in guardian.captions] == [
        ("Hamza Qureshi celebrates match point.", "Photograph: Pitchside Images")]
    # A sentence that begins with "picture" after another is the text's, not a credit.
    pictured = LEDE + " تصویر میں وہ اسمبلی میں خطاب کر رہے ہیں"
    assert extractor.extract(page(HEADLINE, pictured)).paragraphs == [pictured]
    assert [(c.text, c.credit) for c in courtesy.captions] == [
        ("وزیراعلیٰ بس سروس کا افتتاح کر رہی ہیں", "فوٹو بشکریہ: ڈی جی پی آر"),
        ("A bus on its first day", "City Photo/Jose Martinez")]


def test_the_writers_name_under_the_standfirst_is_not_the_text(extractor):
    standfirst = "ترقیاتی بجٹ میں دس فیصد اضافہ، دفاع کے لیے رقم برقرار"
    found = extractor.extract("\n".join([HEADLINE, standfirst, "طارق محمود ملک", "Video Duration 02 minutes 31 seconds",
                                         LEDE, SECOND]))
    assert found.standfirst == standfirst and found.paragraphs == [LEDE, SECOND]
    assert kinds(found) == {"طارق محمود ملک": "note", "Video Duration 02 minutes 31 seconds": "player"}


def test_standfirst_is_its_own_field(extractor):
    standfirst = "ترقیاتی بجٹ میں دس فیصد اضافہ، دفاع کے لیے رقم برقرار"
    found = extractor.extract(page(HEADLINE, standfirst, LEDE, SECOND))
    assert found.standfirst == standfirst
    assert found.paragraphs == [LEDE, SECOND]


def test_section_label_above_the_headline_is_kept_as_printed(extractor):
    found = extractor.extract(page("قومی خبریں", HEADLINE, LEDE))
    assert found.title == HEADLINE and found.section_label == "قومی خبریں"
    assert found.category is None
    assert any("categories.toml" in note for note in found.notes)
    known = extractor.extract(page("پاکستان", HEADLINE, LEDE))
    assert known.category.id == "pakistan"


def test_desk_bylines_and_a_place_on_its_own_line(extractor):
    found = extractor.extract("\n".join([HEADLINE, "ویب ڈیسک", "14 مارچ 2026", "اسلام آباد:", LEDE, SECOND]) + "\n")
    assert found.author == "ویب ڈیسک" and found.standfirst is None
    assert found.paragraphs == [LEDE, SECOND]
    assert kinds(found)["اسلام آباد:"] == "dateline"


def test_a_writers_name_under_the_headline_is_no_standfirst(extractor):
    found = extractor.extract(page(HEADLINE, "سید علی حسن", "ایک گھنٹہ قبل", LEDE, SECOND))
    assert found.standfirst is None and found.paragraphs == [LEDE, SECOND]
    assert kinds(found) == {"سید علی حسن": "note", "ایک گھنٹہ قبل": "page-age"}


def test_a_menu_run_goes_through_chrome_it_contains(extractor):
    found = extractor.extract("\n".join(["ہوم", "تازہ ترین", "پاکستان", "دنیا", HEADLINE, LEDE]) + "\n")
    assert found.title == HEADLINE and found.section_label is None
    assert kinds(found)["ہوم"] == "menu"


def test_byline_tags_and_reading_time_become_fields(extractor):
    found = extractor.extract(page(HEADLINE, "عاصم علی by عاصم علی", "1 min Read", LEDE, "ٹیگز: بجٹ، اسمبلی"))
    assert found.author == "عاصم علی"
    assert found.tags == ["بجٹ", "اسمبلی"]
    assert found.paragraphs == [LEDE]
    assert kinds(found)["1 min Read"] == "reading-time"


def test_headline_under_the_first_paragraph(extractor):
    long_lede = " ".join([LEDE] * 3)
    found = extractor.extract("\n".join([long_lede, "پاکستان", HEADLINE, "- by Daily Pakistan", "- مئی 21, 2024",
                                         "- 0 Comments", "- 7 مہینے ago"]) + "\n")
    assert found.title == HEADLINE and found.title_confidence == "low"
    assert found.date == dt.date(2024, 5, 21)
    assert found.paragraphs == [long_lede]


def test_lede_with_a_dateline_is_not_a_headline(extractor):
    found = extractor.extract("ISLAMABAD: The hearing was adjourned until Monday.\nThe court will meet again.\n")
    assert found.title_confidence == "low"
    assert found.paragraphs[0].startswith("ISLAMABAD:")


def test_a_sentence_run_into_the_next_line_is_not_a_headline(extractor):
    found = extractor.extract("حکومت نے پیٹرول کی قیمت میں اضافہ کر دیا۔\n" + SECOND + "\n")
    assert found.title_confidence == "low"
    assert len(found.paragraphs) == 2


def test_a_page_of_one_sentence_is_an_article_not_a_headline(extractor):
    found = extractor.extract(page("!!!", "2024", LEDE))
    assert found.paragraphs == [LEDE]
    assert found.title_confidence == "low"  # a stand-in: punctuation and digits are no headline
    assert [(r.kind, r.text) for r in found.removed] == [("placeholder", "!!!"), ("counter", "2024")]
    one_line = extractor.extract(LEDE + " " + SECOND)  # all on one line, no newline at the end
    assert one_line.paragraphs == [LEDE + " " + SECOND]


def test_a_link_to_the_outlets_live_coverage_is_chrome_and_a_sentence_about_it_is_not(extractor):
    mentioned = "چینل نے انتخابی نتائج کی لائیو کوریج کی۔"
    found = extractor.extract(page(HEADLINE, LEDE, "پاکستان میں سیاسی صورت حال پر روزنامہ مثال کی لائیو کوریج",
                                   mentioned, "Pakistan's election: follow our live coverage", SECOND))
    assert found.paragraphs == [LEDE, mentioned, SECOND]
    assert set(kinds(found).values()) == {"live-link"}


def test_a_live_pages_headline_and_its_posts_times(extractor):
    # The headline ends as a link to a live page does; each post opens with its time.
    first = "Rescue teams have reached the villages cut off by the landslide, officials said."
    later = "Officials said the highway would stay closed overnight while debris is cleared."
    found = extractor.extract("\n".join([
        "The Valley Herald", "News  Politics  Sport  Live", "LIVE",
        "Landslide blocks Karakoram Highway near Dasu — live updates", "Updated 2 hours ago",
        "Sunday 16 February 2025", "By Herald Reporters", "13:42 PKT", first, "1:10 PM", later, "Share"]))
    assert found.title == "Landslide blocks Karakoram Highway near Dasu — live updates"
    assert found.date == dt.date(2025, 2, 16) and found.paragraphs == [first, later]
    assert kinds(found)["13:42 PKT"] == kinds(found)["1:10 PM"] == "post-time"
    # Elsewhere the same line links to the live page: chrome, under another headline.
    linked = extractor.extract(page(HEADLINE, "Landslide blocks Karakoram Highway near Dasu — live updates",
                                    "Sunday 16 February 2025", LEDE))
    assert linked.title == HEADLINE and kinds(linked)[
        "Landslide blocks Karakoram Highway near Dasu — live updates"] == "live-link"


def test_a_tickers_story_under_its_label_is_not_the_headline(extractor):
    found = extractor.extract(page("Breaking News", "Fuel prices unchanged for the month",
                                   "Central bank keeps its policy rate unchanged for a third meeting",
                                   "2025-02-18 09:21", "The central bank kept its key rate unchanged on Tuesday, "
                                   "saying inflation had not yet fallen far enough to allow a cut."))
    assert found.title == "Central bank keeps its policy rate unchanged for a third meeting"
    assert kinds(found)["Fuel prices unchanged for the month"] == "above-headline"


def test_a_sites_motto_of_one_word_sentences_is_chrome(extractor):
    found = extractor.extract(page(
        "CheckWell", "Independent. Non-partisan. Verified.", "Fact Check   Explainers   About Us",
        "Video of flooded runway is from 2015, not this week", "Published on : 03 Jun 2025",
        "A video of aircraft on a flooded apron is being shared as if it were filmed this week."))
    assert found.title == "Video of flooded runway is from 2015, not this week"
    assert kinds(found)["Independent. Non-partisan. Verified."] == "site-name"
    assert found.date == dt.date(2025, 6, 3)


def test_a_byline_block_with_a_compact_age_is_no_menu(extractor):
    # Name, role and "2h" are three short lines: metadata, not a menu over the headline.
    headline = "Qualifier stuns world number three to reach the semi-finals"
    found = extractor.extract("\n".join(["Football   Cricket   Snooker   More", headline, "Tom Garside",
                                         "Snooker correspondent", "2h", LEDE]))
    assert found.title == headline and kinds(found)["2h"] == "page-age"


@pytest.mark.parametrize("line, expected", [
    ("Jawza 25, 1404 / June 15, 2025", dt.date(2025, 6, 15)),                          # Afghanistan's calendar
    ("Publish Date: Thursday, 24 Aban 1403 (14 November 2024) 16:20", dt.date(2024, 11, 14)),  # Iran's
])
def test_a_solar_hijri_date_beside_the_gregorian(extractor, line, expected):
    found = extractor.extract(page(HEADLINE, line, LEDE))
    assert found.date == expected and found.paragraphs == [LEDE]


@pytest.mark.parametrize("line", ["ہم سے رابطہ", "ہمیں فالو کریں", "سب کالم نگار دیکھیں", "View all columnists",
                                  "Sign in Subscribe", "View this email in your browser", "We value your privacy",
                                  "سرچ"])
def test_a_sites_calls_to_browse_it_are_never_the_headline(extractor, line):
    found = extractor.extract(page("روزنامہ مثال", line, "کالم", HEADLINE, "19 ستمبر 2025", LEDE))
    assert found.title == HEADLINE and line in kinds(found)


@pytest.mark.parametrize("line, expected", [
    ("PUBLISHED: 03/04/2025 at 5:02 p.m. MST", dt.date(2025, 3, 4)),    # an American zone: month first
    ("Published 03/04/2025 11:20 PKT", dt.date(2025, 4, 3)),              # elsewhere day first
    ("Last update on: 01:14 AM, Sat Nov 16, 2024", dt.date(2024, 11, 16)),
    ("شائع: 20-10-2024 | آخری اپ ڈیٹ: 21-10-2024", dt.date(2024, 10, 20)),  # dates between bars are no scores
    ("ریاض — پیر 5 محرم 1447ھ / 30 جون 2025", dt.date(2025, 6, 30)),         # a place, the Hijri date, a slash
    ("Posted By: چنار وادی ڈیسک | November 16, 2024 6:20 pm", dt.date(2024, 11, 16)),  # a labelled byline part
    ("اپ لوڈ کی تاریخ: 23-08-2025", dt.date(2025, 8, 23)),                    # a video's upload
])
def test_date_lines_read_by_their_zone_and_labels(extractor, line, expected):
    found = extractor.extract(page(HEADLINE, line, LEDE))
    assert found.date == expected and found.paragraphs == [LEDE]


@pytest.mark.parametrize("caption", [
    "A contractor feeds cable into a conduit west of the town last fall. (Dana White/Valley Gazette)",
    "Members of the team with their robot at the final in Shenzhen. (Photo provided to Asia Wire)",
    "A student holds a prototype test strip in the lab. Credit: Matt Ocasio/Eastbrook University",
    "Electric buses are used mainly on feeder routes. (Representative image)",
])
def test_credited_captions_under_the_byline(extractor, caption):
    lede = "Commissioners on Tuesday voted 3-0 to spend $4.2 million to extend fiber internet to rural homes."
    found = extractor.extract(page("Commissioners approve $4.2 million for rural broadband", "By Dana White",
                                   caption, lede))
    assert found.paragraphs == [lede] and len(found.captions) == 1


def test_menus_between_diamonds_and_of_joined_section_names(extractor):
    found = extractor.extract("\n".join([
        "ہوم ◆ دہلی ◆ قومی ◆ عالمی ◆ اداریہ", "کرکٹ ⁄ ہاکی ⁄ فٹبال ⁄ اسکواش",
        "ہوم", "امارات", "قطر", "ویزا و امیگریشن", "دلچسپ و عجیب", HEADLINE, LEDE]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert set(kinds(found).values()) == {"menu"}


def test_a_live_label_is_no_tickers_label_and_a_ticker_line_is_no_label(extractor):
    headline = "UAE weather live: Dubai flights diverted as heavy rain and hail sweep the Emirates"
    standfirst = "Residents urged to avoid non-essential travel as the weather centre keeps an orange alert in place"
    found = extractor.extract(page("LIVE", headline, standfirst, "First published Sat 12 Apr 2025 08.05 GST",
                                   "Flights to Dubai were diverted on Saturday morning as a storm crossed the coast."))
    assert found.title == headline
    # A ticker's whole line ("بریکنگ: …") over the headline is no label over a ticker's story.
    ticker = extractor.extract(page("بریکنگ: موٹروے ایم 2 دھند کے باعث بند", HEADLINE, "ویب ڈیسک",
                                    "شائع 21 جنوری 2025 04:15pm", "دھماکے کے بعد عمارت کا منظر — اسکرین گریب", LEDE))
    assert ticker.title == HEADLINE


def test_the_line_the_crawler_dated_is_the_headline_over_a_menu(extractor):
    found = extractor.extract(f" date 2024-11-22 {HEADLINE}\nہوم | بہار | پٹنہ | ملک | دنیا | کھیل\n"
                              f"عظیم آباد نامہ نیوز ڈیسک\n{LEDE}\n")
    assert found.title == HEADLINE and found.paragraphs == [LEDE]
    assert kinds(found)["عظیم آباد نامہ نیوز ڈیسک"] == "byline"  # a desk, after the outlet's name


def test_one_word_lines_over_a_longer_headline_are_not_it(extractor):
    headline = "Roundabout to close overnight for six weeks as resurfacing begins"
    found = extractor.extract(page("News", "Wisbech", headline, "14:06, 22 Jul 2025",
                                   "One of the town's busiest roundabouts will close overnight from Monday."))
    assert found.title == headline


def test_a_breadcrumb_that_ends_with_the_headline_holds_it_when_nothing_else_does(extractor):
    lede = ("Two self-driving trucks are carrying containers between terminals on a four-kilometre route "
            "through the port, with a safety driver on board who has not yet had to take the wheel.")
    found = extractor.extract(page("RhineWave", "Germany", "Europe", "World",
                                   "Home › Germany › Hamburg port tests driverless container trucks", lede))
    assert found.title == "Hamburg port tests driverless container trucks" and found.paragraphs == [lede]


def test_a_writers_name_with_the_outlet_and_place_is_a_byline(extractor):
    found = extractor.extract(page(HEADLINE, "ثمینہ اختر — ٹیمز ورلڈ سروس، لندن", "10 دسمبر 2024", LEDE))
    assert found.title == HEADLINE and kinds(found)["ثمینہ اختر — ٹیمز ورلڈ سروس، لندن"] == "byline"


def test_a_menu_of_provinces_and_cities_joined_by_spaces(extractor):
    found = extractor.extract(page("ساحلِ ممبئی ممبئی مہاراشٹر قومی بین الاقوامی کھیل فلم اداریہ ای پیپر",
                                   HEADLINE, LEDE))
    assert found.title == HEADLINE and len(kinds(found)) == 1


def test_a_press_releases_reference_code_is_chrome(extractor):
    found = extractor.extract(page("پریس ریلیز نمبر: MCS/PR/2025/142", HEADLINE, LEDE))
    assert found.title == HEADLINE and kinds(found)["پریس ریلیز نمبر: MCS/PR/2025/142"] == "counter"


def test_an_issuers_name_over_an_urdu_sites_english_menu_is_not_the_headline(extractor):
    found = extractor.extract(page("ڈسٹرکٹ انفارمیشن آفس جھنگ", "Home | Press Releases | Photo Gallery | Contact Us",
                                   "تاریخ اجراء: 18-11-2024", HEADLINE, LEDE))
    assert found.title == HEADLINE and found.date == dt.date(2024, 11, 18)


def test_a_standfirst_over_a_byline_block_with_the_pages_age(extractor):
    headline = "Qualifier stuns world number three to reach the semi-finals"
    standfirst = "The 23-year-old had never gone beyond the last 32 of a ranking event"
    lede = "A qualifier produced the biggest win of his career on Friday, beating the world number three 6-4."
    found = extractor.extract("\n".join([headline, standfirst, "Tom Garside", "Snooker correspondent", "2h", "Share",
                                         "Reid made breaks of 112 and 87 in the deciding frames", lede]))
    assert found.standfirst == standfirst


@pytest.mark.parametrize("chrome", [
    "Listen to this article 02:15", "یہ خبر سنیں", "Get our daily newsletter straight to your inbox",
    "نیوز فلیش ▶ شاہراہ پر دھند، گاڑیوں کی رفتار سست",
])
def test_players_newsletter_boxes_and_news_flashes(extractor, chrome):
    found = extractor.extract("\n".join([chrome, HEADLINE, "2024-11-26 16:35:22 ماخذ: یانگسی انٹرنیشنل", chrome,
                                         LEDE, SECOND]))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND] and found.date == dt.date(2024, 11, 26)


def test_a_one_sentence_paragraph_under_a_ticker_is_text_not_a_headline(extractor):
    # Paragraphs of one sentence each, apart by blank lines, with a ticker between the date and the text.
    found = extractor.extract(page(HEADLINE, "2024-11-26 16:35", "تازہ ترین", LEDE, SECOND))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]


def test_a_blogs_date_heading_under_an_urdu_blogs_english_menu(extractor):
    found = extractor.extract("\n".join(["گلی محلہ", "Home", "Saturday, February 8, 2025", HEADLINE, LEDE, SECOND]))
    assert found.title == HEADLINE and found.date == dt.date(2025, 2, 8)


def test_an_aggregators_source_over_the_date_and_the_headline(extractor):
    headline = "Kenya Railways begins trial runs of commuter trains to Ruiru"
    lede = ("NAIROBI — Kenya Railways on Wednesday began trial runs of refurbished diesel trains on the line to "
            "Ruiru, a month before passenger services are due to start.")
    found = extractor.extract("\n".join(["NewsPile", "Africa", "Pan-African Press Service", "2024-11-14 11:40",
                                         headline, "Follow", lede]))
    assert found.title == headline and found.paragraphs == [lede]
    # A short headline over the date and a paragraph is still the headline.
    short = extractor.extract("\n".join(["EDITORIAL", "Polio's last stand", "October 21, 2024",
                                         "The new cases should shake anyone who thought the disease was gone.", lede]))
    assert short.title == "Polio's last stand"


def test_a_headline_with_its_byline_and_date_under_it_is_no_motto_over_a_menu(extractor):
    headline = "Office vacancy hits a record as two towers go back to lenders"
    lede = "Office vacancy in the neighbourhood climbed to 31.8% in the first quarter, the highest on record."
    found = extractor.extract("\n".join([
        "Commercial Real Estate", headline, "By Rachel Kim – Staff Reporter", "April 3, 2025 at 6:00 am PDT",
        "Listen to this article 4 min", "Share   Save   Print   Order Reprints",
        "Two towers were handed back to lenders in the first quarter. RACHEL KIM | CBJ", lede]))
    assert found.title == headline and found.paragraphs == [lede] and len(found.captions) == 1
    # A match's scorers and their minutes are no breadcrumb over the match report's headline.
    match = extractor.extract("\n".join([
        "Football > Premier League", "Kotoko edge Hearts 2-1 in Kumasi as a late penalty settles the derby",
        "FULL TIME", "Mensah 23', Owusu 78' (pen) | Addo 55'", "03 March 2025, 07:10 GMT", lede]))
    assert match.title == "Kotoko edge Hearts 2-1 in Kumasi as a late penalty settles the derby"


def test_a_call_to_join_a_whatsapp_channel_is_chrome(extractor):
    found = extractor.extract(page("ہمارے واٹس ایپ چینل سے جڑیں", HEADLINE, LEDE))
    assert found.title == HEADLINE and kinds(found) == {"ہمارے واٹس ایپ چینل سے جڑیں": "social"}


def test_after_the_share_row_short_sentences_are_the_pages_not_the_articles(extractor):
    text = [ENGLISH_TEXT[0], ENGLISH_TEXT[1] + " Engineers said the road would be inspected again next week."]
    found = extractor.extract("\n".join([
        ENGLISH_HEADLINE, *text, "Share", "Found a mistake? Tell us and we will correct it.",
        "Thanks for reading. Subscribe for free to receive new posts.", "© The Valley Herald 2025"]))
    assert found.paragraphs == text
    # A box of related stories between two paragraphs leaves the short last one in the article.
    boxed = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], "Related stories",
                                         "Traffic resumed on the highway by noon."]))
    assert boxed.paragraphs == [ENGLISH_TEXT[0], "Traffic resumed on the highway by noon."]


@pytest.mark.parametrize("line", [
    "تبصرہ شائع کریں", "نام *", "ای میل *", "اگلی بار جب میں تبصرہ کروں تو اس براؤزر میں میرا نام محفوظ کریں۔",
    "Subscriber-only content", "You've read your 2 free articles this month", "Already a subscriber? Sign in",
    "Found a mistake in this article? Report it to us", "Leave a message of condolence",
])
def test_comment_forms_paywalls_and_invitations_between_paragraphs(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.paragraphs == ENGLISH_TEXT


@pytest.mark.parametrize("top", [
    ["Read today's e-paper"],
    ["یہ سروس صرف رجسٹرڈ اداروں کے لیے ہے، حوالے کے بغیر اشاعت ممنوع ہے"],
    ["تازہ ترین", "گندم کی سرکاری قیمت میں اضافہ کر دیا گیا", "قومی ہاکی ٹیم یورپ کے دورے پر روانہ ہو گئی"],
])
@pytest.mark.parametrize("kicker", ["معیشت", "Pakistan"])
def test_what_stands_over_a_kicker_and_a_dated_headline_is_not_the_headline(extractor, top, kicker):
    found = extractor.extract(page(*top, kicker, HEADLINE, "ویب ڈیسک", "15 جنوری 2025", LEDE, SECOND))
    assert found.title == HEADLINE and found.date == dt.date(2025, 1, 15)
    assert found.paragraphs == [LEDE, SECOND]


@pytest.mark.parametrize("line", [
    "ویڈیو پلیئر لوڈ ہو رہا ہے۔", "اشتہار · آپ کی ویڈیو 5 سیکنڈ میں شروع ہوگی", "اشتہار ختم ہونے میں 5 سیکنڈ",
    "Ad · Your video will begin in 5 seconds", "Skip ad", "پچھلی خبر: شہر میں بارش کے بعد سڑکیں زیر آب",
    "Next story: Rupee gains against the dollar", "اپنے کاروبار کی تشہیر کے لیے واٹس ایپ پر رابطہ کریں",
    "وادی نیوز بیرونی ویب سائٹس کے مواد کی ذمہ دار نہیں", "یہ خبر اپنے دوستوں سے شیئر کریں",
    "اپنی تنظیم کی خبریں اور تصاویر بھیجیں: news@example.org", "Subscribe to the print edition",
    "اعلانِ دستبرداری: یہ مضمون صرف عمومی معلومات کے لیے ہے، کسی علاج کا متبادل نہیں",
])
def test_players_adverts_neighbouring_stories_and_calls_between_paragraphs(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.paragraphs == ENGLISH_TEXT


def test_a_wires_slug_and_priority_and_an_urdu_ticker_of_headlines_are_chrome(extractor):
    found = extractor.extract(page("سرخیاں: بجٹ اجلاس ختم ۔۔۔ کتاب میلے کا آغاز ۔۔۔ لوکل ٹرینیں متاثر",
                                   "ترجیح: فوری", "سلگ: بجٹ-قومی اسمبلی", HEADLINE, LEDE, SECOND))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]


@pytest.mark.parametrize("heading", ["اس زمرے کی مزید خبریں", "کمیونٹی کی دیگر خبریں", "دیگر پریس ریلیز",
                                     "مزید کاروباری خبریں", "گزشتہ ہینڈ آؤٹس", "Other press releases"])
def test_a_list_of_other_stories_under_its_heading_ends_the_article(extractor, heading):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, heading, "شہر میں صفائی مہم کا آغاز کر دیا گیا",
                                   "کتاب میلہ اختتام پذیر، ہزاروں افراد کی شرکت"))
    assert found.paragraphs == [LEDE, SECOND]


def test_a_byline_line_with_the_published_and_the_updated_date_gives_the_published(extractor):
    found = extractor.extract("\n".join([
        ENGLISH_HEADLINE, "Ayesha Rana | Gilgit | Published: April 22, 2025 | Updated: April 23, 2025 10:15 PKT",
        *ENGLISH_TEXT]))
    assert found.date == dt.date(2025, 4, 22) and found.paragraphs == ENGLISH_TEXT


def test_a_menu_between_dashes(extractor):
    found = extractor.extract(page("ہوم - پنجاب - لاہور - ملک - کاروبار - ویڈیو", HEADLINE, LEDE, SECOND))
    assert found.title == HEADLINE and kinds(found)["ہوم - پنجاب - لاہور - ملک - کاروبار - ویڈیو"] == "menu"


def test_a_headline_under_a_sites_name_over_an_offices_name_and_the_date(extractor):
    found = extractor.extract("\n".join([
        "Northmoor University", "About | Admissions | Research | News", "Research News", ENGLISH_HEADLINE,
        "Office of Communications", "May 27, 2025", *ENGLISH_TEXT]))
    assert found.title == ENGLISH_HEADLINE and found.date == dt.date(2025, 5, 27)


def test_a_byline_and_place_read_as_a_trail_over_the_date_are_no_navigation(extractor):
    found = extractor.extract(page("خبریں | دنیا | پاکستان | سائنس و ماحول | ثقافت", "سائنس و ماحول", HEADLINE,
                                   "بجٹ میں ترقیاتی اخراجات کے لیے ایک ہزار ارب روپے رکھے گئے ہیں",
                                   "نیلم احمد | گلگت", "10.03.2025",
                                   "یہ مضمون ہماری انگریزی سروس سے ترجمہ کیا گیا ہے", LEDE, SECOND))
    assert found.title == HEADLINE and found.date == dt.date(2025, 3, 10)
    assert found.paragraphs == [LEDE, SECOND]


@pytest.mark.parametrize("caption", [
    "گلگت میں شاہراہ قراقرم پر ملبہ ہٹانے کا کام جاری ہے",
    "گلگت: شاہراہ قراقرم پر ملبہ ہٹانے کا کام جاری ہے",
])
def test_a_caption_without_credit_between_the_date_and_the_text(extractor, caption):
    lede = "گلگت: " + LEDE if caption.startswith("گلگت:") else LEDE
    standfirst = "بجٹ میں ترقیاتی اخراجات کے لیے ایک ہزار ارب روپے رکھے گئے ہیں"
    found = extractor.extract(page(HEADLINE, standfirst, "ویب ڈیسک", "15 جنوری 2025", caption, lede, SECOND))
    assert found.paragraphs == [lede, SECOND] and [c.text for c in found.captions] == [caption]


def test_a_lede_that_opens_with_its_place_and_lacks_its_full_stop_stays_the_text(extractor):
    lede = "گلگت: شاہراہ قراقرم پر ملبہ ہٹانے کا کام جاری ہے"
    found = extractor.extract(page(HEADLINE, "بجٹ میں ترقیاتی اخراجات کے لیے ایک ہزار ارب روپے رکھے گئے ہیں",
                                   "ویب ڈیسک", "15 جنوری 2025", lede, SECOND))
    assert found.paragraphs == [lede, SECOND]


@pytest.mark.parametrize("folio", [
    "روزنامہ نوائے شہر ملتان   جمعرات 12 جون 2025ء   15 ذوالحجہ 1446ھ   صفحہ 1",
    "THE VALLEY HERALD, GILGIT, THURSDAY, JUNE 12, 2025 | PAGE 1",
    "جلد 12 | شمارہ 37 | جمعرات، 12 جون 2025",
])
def test_a_print_editions_folio_or_issue_line_dates_the_article(extractor, folio):
    found = extractor.extract(page("نوائے شہر", folio, HEADLINE, LEDE, SECOND))
    assert found.date == dt.date(2025, 6, 12) and found.title == HEADLINE
    # A weekly's issue spans days: the post's own labelled date wins.
    labelled = extractor.extract(page(folio, HEADLINE, "Posted on June 10, 2025", LEDE, SECOND))
    assert labelled.date == dt.date(2025, 6, 10)


def test_a_date_beside_the_byline_under_the_text_dates_the_article(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, "رپورٹ: شاہد انصاری، نئی دہلی", "بدھ، 09 جولائی 2025",
                                   "متعلقہ خبریں"))
    assert found.date == dt.date(2025, 7, 9) and found.paragraphs == [LEDE, SECOND]


@pytest.mark.parametrize("line, expected", [
    ("آغاز: 5 اپریل 2025، دوپہر 1:30 | آخری اپ ڈیٹ: 5 اپریل 2025، شام 7:42", dt.date(2025, 4, 5)),
    ("جمعۃ المبارک 6 جون 2025ء | 9 ذی الحجہ 1446ھ", dt.date(2025, 6, 6)),
])
def test_a_live_pages_start_and_the_blessed_friday(extractor, line, expected):
    assert extractor.dates.extract_dateline(line).as_date() == expected


def test_a_headline_over_a_score_boxs_label_and_score_stays_the_headline(extractor):
    found = extractor.extract("\n".join([
        "Football > Northern League", ENGLISH_HEADLINE, "FULL TIME", "Gilgit United 2 – 1 Hunza", "Hunza Stadium",
        "Kumasi Park, Gilgit · Sun 2 Mar · Attendance: 3,204", "03 March 2025, 07:10 GMT", *ENGLISH_TEXT]))
    assert found.title == ENGLISH_HEADLINE and found.date == dt.date(2025, 3, 3)


@pytest.mark.parametrize("line", ["Born: 3 June 1941; Died: 28 January 2025",
                                  "Photographs and text by Sana Mir", "Sunday, 06 Apr 2025 7:00 AM MYT"])
def test_an_obituarys_life_dates_a_photo_essays_byline_and_asian_time_zones(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, line, *ENGLISH_TEXT]))
    assert found.paragraphs == ENGLISH_TEXT


def test_a_weeklys_issue_range_is_no_day_and_a_labelled_date_under_the_text_wins(extractor):
    found = extractor.extract(page("ہفت روزہ نوائے خلیج", "شمارہ 612 | 5 تا 11 جون 2025", HEADLINE, LEDE, SECOND,
                                   "شائع شدہ: جمعرات، 5 جون 2025"))
    assert found.date == dt.date(2025, 6, 5)


def test_a_sites_clock_with_its_time_above_gives_way_to_the_date_under_the_headline(extractor):
    found = extractor.extract(page("جمعرات، 9 جنوری 2025 | 10:12 AM", "نوائے شہر", "ہوم | ملک | کھیل | دنیا",
                                   HEADLINE, "نوائے شہر بیورو", "6 جنوری 2025، 08:30 PM IST", LEDE, SECOND))
    assert found.date == dt.date(2025, 1, 6)


@pytest.mark.parametrize("line, expected", [
    ("خبر نمبر: 7719  |  05.08.2024  |  09:40 شب", dt.date(2024, 8, 5)),
    ("جاری: 2024-10-17 ، 11:05 قبل دوپہر", dt.date(2024, 10, 17)),
    ("15/09/1446ھ الموافق 15/03/2025م", dt.date(2025, 3, 15)),
])
def test_an_agencys_story_number_time_and_release_lines(extractor, line, expected):
    found = extractor.extract(page(HEADLINE, line, LEDE, SECOND))
    assert found.date == expected and found.paragraphs == [LEDE, SECOND]


def test_a_wires_date_and_slug_lines_under_its_menu_are_its_metadata_not_pasted_headers(extractor):
    # (At the top of a seed, "Title: …" and "Date: …" stay text: test_bad_input.)
    found = extractor.extract("\n".join([
        "PNS — Pakistan Newswire", "National | Provinces | Business | Sports", "News ID: 77342",
        "Date: 2025-02-20 | Time: 16:05 PST", "Slug: Karakoram-Highway", ENGLISH_HEADLINE, *ENGLISH_TEXT]))
    assert found.title == ENGLISH_HEADLINE and found.date == dt.date(2025, 2, 20)
    assert found.paragraphs == ENGLISH_TEXT


def test_a_kickers_headline_may_have_a_standfirst_and_a_writers_name_over_the_date(extractor):
    found = extractor.extract(page("ماہنامہ نوائے ادب", "شمارہ: مارچ 2025 (جلد 14، شمارہ 3)", "تنقید", HEADLINE,
                                   "بجٹ میں ترقیاتی اخراجات کے لیے ایک ہزار ارب روپے رکھے گئے ہیں",
                                   "ڈاکٹر ثمینہ افروز", "یکم مارچ 2025", LEDE, SECOND))
    assert found.title == HEADLINE and found.date == dt.date(2025, 3, 1)


@pytest.mark.parametrize("line", ["یہ خبر جاپانی اور انگریزی زبان میں بھی دستیاب ہے", "Read this story in Urdu",
                                  "ہینڈ آؤٹ پرنٹ کریں", "Print this article"])
def test_a_storys_other_languages_and_its_print_button(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.paragraphs == ENGLISH_TEXT


def test_an_e_papers_pager_is_its_menu(extractor):
    found = extractor.extract(page("ای پیپر", "صفحہ 1 | صفحہ 2 | صفحہ 3 | آخری صفحہ", HEADLINE, LEDE, SECOND))
    assert found.title == HEADLINE and kinds(found)["صفحہ 1 | صفحہ 2 | صفحہ 3 | آخری صفحہ"] == "menu"


def test_a_share_row_and_a_bureau_under_the_headline_and_a_trail_between_angle_brackets(extractor):
    found = extractor.extract(page("خبریں ⟩ کالم ⟩ اداریہ ⟩ ای پیپر", "ہوم » قومی » اتر پردیش", HEADLINE,
                                   "شیئر کریں: فیس بک | ٹویٹر | واٹس ایپ", "نوائے شہر بیورو", LEDE, SECOND))
    assert found.title == HEADLINE and found.paragraphs == [LEDE, SECOND]
    assert kinds(found)["خبریں ⟩ کالم ⟩ اداریہ ⟩ ای پیپر"] == "breadcrumb"
    assert kinds(found)["نوائے شہر بیورو"] == "byline"


@pytest.mark.parametrize("line", ["کاپی رائٹ نوائے شہر — اجازت کے بغیر دوبارہ اشاعت ممنوع ہے",
                                  "خبر کا حوالہ دیتے وقت ایجنسی کا نام لازمی لکھیں",
                                  "Reproduction without permission is prohibited."])
def test_an_agencys_terms_of_use_are_chrome(extractor, line):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, line))
    assert found.paragraphs == [LEDE, SECOND]


def test_a_caption_under_the_writers_name_and_an_urdu_reading_time(extractor):
    caption = "گلگت میں شاہراہ قراقرم پر ملبہ ہٹانے کا کام جاری ہے"
    found = extractor.extract(page("ملک", HEADLINE, "بجٹ میں ترقیاتی اخراجات کے لیے ایک ہزار ارب روپے رکھے گئے ہیں",
                                   "12.03.2025", "پڑھنے کا دورانیہ: 5 منٹ", "نیلم احمد، گلگت", caption, LEDE, SECOND))
    assert found.paragraphs == [LEDE, SECOND] and [c.text for c in found.captions] == [caption]


@pytest.mark.parametrize("line", [
    "اپنے محلے کی خبر ہمیں بھیجیں", "اشتہار کے لیے رابطہ: شعبہ اشتہارات، نوائے شہر",
    "اس خبر کو اپنے دوستوں کو بھیجیں", "یہ مضمون پسند آیا؟ اپنی سہیلیوں سے شیئر کریں",
    "واٹس ایپ گروپ سے جڑنے کے لیے یہاں کلک کریں", "ویڈیو دیکھنے کے لیے پلے کا بٹن دبائیں", "ڈاؤن لوڈ پی ڈی ایف",
    "(بقیہ صفحہ 5 پر)", "بقیہ: وفاقی بجٹ قومی اسمبلی میں", "Continued on page 5", "Read the E-Edition",
    "Printed from The Valley Herald on 14/03/2025 10:22", "Article URL: https://www.example.org/news/2025/02/09",
    "3 گھنٹے لائیک جواب دیں", "سب سے متعلقہ", "Related: The cotton question",
    "This article appeared in print. Subscribe for full access to our archive",
    "ڈاکٹر فرحانہ قاضی کے مزید کالمز", "گزشتہ اداریے", "مزید سکواش خبریں »",
])
def test_calls_print_jumps_comment_buttons_and_more_related_headings(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.paragraphs == ENGLISH_TEXT


def test_a_footers_last_update_dates_the_page_only_when_nothing_else_does(extractor):
    found = extractor.extract(page(HEADLINE, LEDE, SECOND, "آخری بار اپ ڈیٹ: 15-04-2025"))
    assert found.paragraphs == [LEDE, SECOND] and found.date == dt.date(2025, 4, 15)


@pytest.mark.parametrize("line", [
    "اس کالم پر اپنی رائے کا اظہار کریں", "نوٹ: اخبار میں شائع شدہ مضامین سے ادارے کا متفق ہونا ضروری نہیں",
    "نوٹ: یہ مضمون صرف عام معلومات کے لیے ہے، کسی بھی علاج سے پہلے ڈاکٹر سے مشورہ کریں",
    "اس ریلیز کے مندرجات کی ذمہ داری جاری کنندہ ادارے پر ہے", "نوائے شہر کو گوگل نیوز پر فالو کریں",
    "نوائے شہر کا تازہ شمارہ آن لائن پڑھیں", "صفحہ ہر 30 سیکنڈ بعد خود بخود اپ ڈیٹ ہوتا ہے",
    "رابطہ: ایڈیٹر، روزنامہ نوائے شہر، پریس کالونی گلگت", "پریس ریلیز بھیجنے کے لیے: pr@example.org",
    "زکوٰۃ، صدقات و عطیات کیلئے دفتر سے رابطہ فرمائیں", "Get our free weekly newsletter",
    "تازہ خبریں ہر جمعہ آپ کے ای میل پر", "Did you find this fact-check useful", "Leave a condolence",
    "Share your memories of Rukhsana Bano", "More explainers", "Subscribe to The Valley Review for $25 a year",
    "آج کا سونے کا ریٹ", "نماز کے اوقات — گلگت", "درہم کا ریٹ آج: 1 درہم = 75.80 پاکستانی روپے",
    "About Valley Relief: Valley Relief is a charity working in Gilgit-Baltistan since 2005.",
])
def test_calls_disclaimers_contacts_and_widget_headings_in_urdu_and_english(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.paragraphs == ENGLISH_TEXT


@pytest.mark.parametrize("fixture", ["پاکستان بمقابلہ نیوزی لینڈ، تیسرا ون ڈے", "Gilgit United vs Hunza FC, final"])
def test_a_matchs_fixture_over_its_reports_headline_is_a_label(extractor, fixture):
    headline = "بابر اور رضوان کی شاندار شراکت، پاکستان نے سیریز اپنے نام کر لی"
    found = extractor.extract(page("کرکٹ زون", fixture, headline, "اسپورٹس ڈیسک — پیر، 10 مارچ 2025", LEDE, SECOND))
    assert found.title == headline and found.date == dt.date(2025, 3, 10)


def test_a_blogs_description_over_its_posts_date_heading_and_title(extractor):
    found = extractor.extract(page("نوائے گلگت", "شہرِ عزیز کی خبریں، مسائل اور سرگرمیاں", "Friday, August 23, 2024",
                                   HEADLINE, LEDE, SECOND, "Posted by Nawa-e-Gilgit at 8:47 PM", "Labels: بجٹ"))
    assert found.title == HEADLINE and found.date == dt.date(2024, 8, 23)


@pytest.mark.parametrize("line, expected", [
    ("الأحد، 2 مارس 2025", dt.date(2025, 3, 2)), ("الخميس 15 مايو 2025", dt.date(2025, 5, 15)),
])
def test_arabic_month_and_weekday_names_on_a_gulf_outlets_urdu_page(extractor, line, expected):
    found = extractor.extract(page(HEADLINE, line, "ویڈیو لوڈ ہو رہی ہے", LEDE, SECOND))
    assert found.date == expected and found.paragraphs == [LEDE, SECOND]


@pytest.mark.parametrize("line", [
    "— اشتہار —", "یہ خبر بھی پڑھیں", "مزید تصویری جھلکیاں", "اگلی ویڈیو ▶", "صفحہ ریفریش کریں",
    "اس خبر پر تبصرہ کریں", "نوائے شہر نیوز کو فالو کریں", "خبر نمبر 4471",
    "نوائے شہر نیوز ایجنسی — خبریں صرف سبسکرائبرز کے لیے",
])
def test_a_galleries_and_players_buttons_a_wires_number_and_its_subscribers_notice(extractor, line):
    found = extractor.extract("\n".join([ENGLISH_HEADLINE, ENGLISH_TEXT[0], line, ENGLISH_TEXT[1]]))
    assert found.paragraphs == ENGLISH_TEXT
