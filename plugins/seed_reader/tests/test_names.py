"""Names the glossary does not know, from the signals news text gives (names.py)."""

import pytest

from akhbar.normalize import TextWords
from seed_reader.entities import Gazetteer
from seed_reader.knowledge import load_knowledge
from seed_reader.names import find_names


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def names(knowledge, text, language="ur"):
    return {(n.kind, n.text, n.reason) for n in find_names(text, language, knowledge.names)}


def test_urdu_title_takes_the_words_up_to_a_postposition(knowledge):
    found = names(knowledge, "وزیر اعلیٰ ناصر جمالی نے کہا کہ جسٹس کریم بخش اور ڈاکٹر زبیدہ نورانی آئیں گے۔")
    assert ("person", "ناصر جمالی", "title: وزیر اعلیٰ") in found
    assert ("person", "کریم بخش", "title: جسٹس") in found
    assert ("person", "زبیدہ نورانی", "title: ڈاکٹر") in found


def test_a_place_after_a_title_is_skipped(knowledge):
    # پنجاب is in the glossary: the name is what follows it.
    assert names(knowledge, "وزیر اعلیٰ پنجاب ناصر جمالی نے اجلاس بلایا") == {
        ("person", "ناصر جمالی", "title: وزیر اعلیٰ")}


def test_a_ministers_portfolio_is_part_of_the_title(knowledge):
    # Not names: the portfolio after وزیر, a verb after a title, a clock's PM and a time zone, a desk's credit.
    assert names(knowledge, "وزیر توانائی ناصر جمالی اور وزیر منصوبہ بندی کریم بخش نے کہا") == {
        ("person", "ناصر جمالی", "title: وزیر"), ("person", "کریم بخش", "title: وزیر")}
    assert names(knowledge, "وہ وزیر اعلیٰ بنے تو اجلاس ہوا") == set()
    assert names(knowledge, "Flights resumed at 9:15 PM PKT, Our Correspondent reported.", "en") == set()


def test_glossary_names_are_not_repeated(knowledge):
    # شہباز شریف and پی ٹی آئی are glossary entries, with their spellings matched.
    text = "وزیر اعظم شہباز شریف نے پی ٹی آئی پر تنقید کی"
    assert names(knowledge, text) == set()
    mentions = {m.entry.id: m.spellings for m in Gazetteer(knowledge.glossary).find(text)}
    assert mentions == {"shehbaz-sharif": ("شہباز شریف",), "pti": ("پی ٹی آئی",)}


def test_organisation_word_after_a_name(knowledge):
    found = names(knowledge, "اجلاس میں گلشن ویلفیئر کونسل اور نور محل ہسپتال کے نمائندے شریک تھے")
    assert ("organisation", "گلشن ویلفیئر کونسل", "organisation word: کونسل") in found
    assert ("organisation", "نور محل ہسپتال", "organisation word: ہسپتال") in found


def test_common_words_before_an_organisation_word_are_no_name(knowledge):
    assert names(knowledge, "انہوں نے کہا کہ نئی پارٹی اس کمیٹی میں ہے") == set()


def test_organisation_and_place_heads(knowledge):
    found = names(knowledge, "روزنامہ صبح نو کے مطابق تحصیل کوٹ مومن میں بارش ہوئی")
    assert ("organisation", "روزنامہ صبح نو", "organisation word: روزنامہ") in found
    assert ("place", "تحصیل کوٹ مومن", "place word: تحصیل") in found


def test_urdu_dateline_and_agency(knowledge):
    found = names(knowledge, "چنیوٹ (ایچ این اے) شہر میں بارش ہوئی۔")
    assert ("place", "چنیوٹ", "dateline") in found
    assert ("organisation", "ایچ این اے", "agency") in found


def test_english_dateline_agency_and_byline(knowledge):
    text = "By Rehana Quraishi\nCHINIOT (HNA): Rain fell on the city on Monday."
    found = names(knowledge, text, "en")
    assert ("person", "Rehana Quraishi", "byline") in found
    assert ("place", "CHINIOT", "dateline") in found
    assert ("organisation", "HNA", "agency") in found


def test_english_titles_and_capitalised_runs(knowledge):
    text = ("Justice Karim Bakhsh Abro heard the case. The Chiniot Traders Association said "
            "Muhammad Arif Qadri would attend. Residents of Kot Momin 2 were moved.")
    found = names(knowledge, text, "en")
    assert ("person", "Karim Bakhsh Abro", "title: Justice") in found
    assert ("organisation", "Chiniot Traders Association", "organisation word: association") in found
    assert ("person", "Muhammad Arif Qadri", "capitalised") in found
    assert ("place", "Kot Momin 2", "capitalised, numbered") in found
    # "The" opens a sentence: it is not part of a name.
    assert not any(text.startswith("The") for _, text, _ in found)


def test_capitals_alone_make_no_person(knowledge):
    # No given name and the last word never stands alone: not taken.
    assert names(knowledge, "Officials discussed Sustainable Mobility plans on Monday.", "en") == set()
    # Named again by the last name: a person.
    found = names(knowledge, "Rehana Quraishi spoke first. Later Quraishi left.", "en")
    assert ("person", "Rehana Quraishi", "capitalised") in found


def test_title_case_headline_is_no_signal(knowledge):
    assert names(knowledge, "Traders Announce Strike Across Chiniot Markets", "en") == set()


def test_urdu_given_and_family_names(knowledge):
    found = names(knowledge, "میچ میں سلیم ظفر اور کاشف آفریدی نے عمدہ کارکردگی دکھائی")
    assert ("person", "سلیم ظفر", "given name: سلیم") not in found  # سلیم is not on the list
    assert ("person", "کاشف آفریدی", "family name: آفریدی") in found
    found = names(knowledge, "اس موقع پر محمد ظفر اقبال بھی موجود تھے")
    assert ("person", "محمد ظفر اقبال", "given name: محمد") in found


def test_counts_every_mention(knowledge):
    (name,) = find_names("جسٹس کریم بخش نے کہا۔ کریم بخش نے مزید کہا۔", "ur", knowledge.names)
    assert name.count == 2
    assert name.as_dict() == {"kind": "person", "text": "کریم بخش", "reason": "title: جسٹس", "count": 2}


def test_gazetteer_reports_spellings_as_written(knowledge):
    gazetteer = Gazetteer(knowledge.glossary)
    (mention,) = gazetteer.find("پاکستانکی ٹیم اور پاکستان کے شائقین")
    # A postposition typed glued to the name is found, and left out of the spelling.
    assert (mention.entry.id, mention.count, mention.spellings) == ("pakistan", 2, ("پاکستان",))
    assert mention.as_dict()["spellings"] == ["پاکستان"]


def test_abbreviations_match_only_in_capitals(knowledge):
    gazetteer = Gazetteer(knowledge.glossary)
    assert [m.entry.id for m in gazetteer.find("The WHO said")] == ["who"]
    assert gazetteer.find("He told us who said it") == []


def test_place_word_after_a_name(knowledge):
    found = names(knowledge, "جلسے کے بعد نور باغ میں جلوس نکلا اور Kot Momin Chowk تک گیا")
    assert ("place", "نور باغ", "place word: باغ") in found
    assert ("place", "Kot Momin Chowk", "place word: Chowk") in found


def test_a_list_shares_its_kind(knowledge):
    text = "The bench comprised Justice Karim Bakhsh Abro, Rehana Quraishi and Nadir Hayat Joiya."
    found = names(knowledge, text, "en")
    assert ("person", "Karim Bakhsh Abro", "title: Justice") in found
    assert ("person", "Rehana Quraishi", "listed with: Karim Bakhsh Abro") in found
    assert ("person", "Nadir Hayat Joiya", "listed with: Rehana Quraishi") in found


def test_words_found_once_give_the_same_names_and_entities(knowledge):
    # The importer finds and folds a text's words once (TextWords), for the
    # gazetteer and the names finder both.
    text = ("لاہور (این این آئی) وزیر اعلیٰ ناصر جمالی نے شہباز شریف سے ملاقات کی۔\n\n"
            "By Rehana Quraishi\nJustice Karim Bakhsh Abro heard the case.")
    shared = TextWords(text)
    assert find_names(shared, "ur", knowledge.names) == find_names(text, "ur", knowledge.names)
    gazetteer = Gazetteer(knowledge.glossary)
    assert gazetteer.find(shared) == gazetteer.find(text)


def test_a_number_glued_to_a_word_is_a_word_of_its_own(knowledge):
    found = names(knowledge, "اجلاس میں وزیر اعلیٰ ناصر جمالی نے4 گھنٹے خطاب کیا")
    assert found == {("person", "ناصر جمالی", "title: وزیر اعلیٰ")}
    (name,) = find_names("وزیر اعلیٰ ناصر جمالی4 اور ناصر جمالی", "ur", knowledge.names)
    assert (name.text, name.count) == ("ناصر جمالی", 2)


def test_a_text_with_no_signal_finds_nothing(knowledge):
    assert names(knowledge, "آج موسم خوشگوار رہا اور شام کو ہلکی بارش ہوئی۔\nکل بھی بارش کا امکان ہے۔") == set()


def test_a_date_or_a_level_after_a_title_or_head_is_no_name(knowledge):
    assert names(knowledge, "صدر آٹھ اگست کو واپس آئیں گے اور محکمہ سطح پر رابطے ہوں گے") == set()


@pytest.mark.parametrize(("text", "found"), [
    ("اجلاس پریس کلب آف انڈیا میں ہوا", ("organisation", "پریس کلب آف انڈیا", "organisation word: کلب")),
    ("میں نے لاہور کالج برائے خواتین یونیورسٹی میں داخلہ لیا",
     ("organisation", "لاہور کالج برائے خواتین یونیورسٹی", "organisation word: کالج")),
    ("محکمہ ابتدائی و ثانوی تعلیم نے اعلان کیا",
     ("organisation", "محکمہ ابتدائی و ثانوی تعلیم", "organisation word: محکمہ")),
    ("نماز مسجد شہداء میں ادا کی گئی", ("place", "مسجد شہداء", "place word: مسجد")),
    ("وہ علی گڑھ گئے", ("place", "علی گڑھ", "place word: گڑھ")),
    ("The Bank of England said on Monday", ("organisation", "Bank of England", "organisation word: bank")),
])
def test_a_name_goes_on_through_its_linking_words_and_takes_its_kind(knowledge, text, found):
    assert names(knowledge, text, "en" if text.isascii() else "ur") == {found}


def test_a_sport_or_trade_before_a_place_or_body_word_is_no_name(knowledge):
    assert names(knowledge, "راولپنڈی کے کرکٹ اسٹیڈیم میں سعودی محکمہ ٹریفک اور ایڈیٹوریل کمیٹی") == set()
