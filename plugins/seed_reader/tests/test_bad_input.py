"""Bad input: imported correctly, or refused with the file, the line and the reason."""

import codecs

import pytest

from seed_reader.decoding import SeedError
from seed_reader.importer import import_seed

from .conftest import SEEDS

SEED_002 = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
TITLE_002 = "روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات"


def refused(path, extractor):
    with pytest.raises(SeedError) as caught:
        import_seed(path, extractor)
    return caught.value


def test_empty_file(write_seed, extractor):
    assert "empty file" in refused(write_seed(""), extractor).reason
    assert "empty file" in refused(write_seed("\n  \n\n"), extractor).reason


def test_only_boilerplate(write_seed, extractor):
    error = refused(write_seed("ہمارے ساتھ رابطہ\n\nاشتہار\n\nRelated articles\n"), extractor)
    assert "only site chrome" in error.reason
    headline = refused(write_seed("روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات\n"), extractor)
    assert headline.reason.startswith("a headline and site chrome, no article text")


@pytest.mark.parametrize("encoding, bom", [
    ("cp1256", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-8", codecs.BOM_UTF8),
])
def test_other_encodings_import_the_same_article(write_seed, extractor, encoding, bom):
    text = SEED_002
    if encoding == "cp1256":
        # Windows-1256 has ہ ک ے but no Urdu ی or ۔: such files carry Arabic ي and
        # a full stop, and normalisation brings ی back.
        text = text.replace("ی", "ي").replace("۔", ".")
    path = write_seed(bom + text.encode(encoding))
    found = import_seed(path, extractor).extraction
    assert found.title == TITLE_002
    assert found.date.isoformat() == "2021-12-28"
    assert len(found.paragraphs) == 17


def test_crlf_line_ends(write_seed, extractor):
    found = import_seed(write_seed(SEED_002.replace("\n", "\r\n")), extractor).extraction
    assert found.title == TITLE_002
    assert not any("\r" in p for p in found.paragraphs)
    assert len(found.paragraphs) == 17


@pytest.mark.parametrize("line_break", ["\u2028", "\u2029", "\x85", "\v", "\r"])
def test_other_line_breaks_are_line_breaks(write_seed, extractor, line_break):
    # As str.splitlines() reads them: a vertical tab was removed as a stray
    # control, gluing two words; U+2028 between the lines lost the headline.
    found = import_seed(write_seed(SEED_002.replace("\n", line_break)), extractor).extraction
    assert found.title == TITLE_002
    assert len(found.paragraphs) == 17
    assert found.paragraphs == import_seed(write_seed(SEED_002), extractor).extraction.paragraphs


def test_binary_file(write_seed, extractor):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    error = refused(write_seed(png, name="photo.txt"), extractor)
    assert "binary file" in error.reason
    assert error.line == 3  # the PNG signature holds two line feeds before its first NUL


def test_invalid_bytes_name_the_line(write_seed, extractor):
    data = "پہلی سطر\nدوسری سطر\n".encode() + b"\xff\xfe\x00bad\n"
    error = refused(write_seed(data), extractor)
    assert error.line == 3


def test_five_megabyte_text(write_seed, extractor):
    paragraph = "روس اور امریکہ کے درمیان سفارتی رابطے جاری ہیں اور پوتن نے بائیڈن سے بات کی۔"
    text = "ایک بہت لمبا مضمون\n\n" + "\n\n".join([paragraph] * 37_000)
    path = write_seed(text)
    assert path.stat().st_size > 5_000_000
    found = import_seed(path, extractor).extraction
    assert found.title == "ایک بہت لمبا مضمون"
    assert len(found.paragraphs) == 37_000
    assert any("unusually large" in w for w in found.warnings)
    assert {e.entry.id for e in found.entities} >= {"vladimir-putin", "joe-biden"}


def test_html_and_script_stay_text(write_seed, extractor):
    text = "عنوان <b>جلی</b>\n\n<script>alert('x')</script> یہ متن ہے۔\n\n<img src=x onerror=alert(1)>\n"
    found = import_seed(write_seed(text), extractor).extraction
    assert found.title == "عنوان <b>جلی</b>"
    assert found.paragraphs == ["<script>alert('x')</script> یہ متن ہے۔"]
    # A line of nothing but tags is a scraper's leaked markup: listed as removed, never lost silently.
    assert [(r.kind, r.text) for r in found.removed] == [("markup", "<img src=x onerror=alert(1)>")]


def test_bidi_override_in_headline_is_removed(write_seed, extractor):
    text = "\u202eروس کے امریکا سے مذاکرات\u202c\n\nمتن کا پہلا پیراگراف۔\n"
    found = import_seed(write_seed(text), extractor).extraction
    assert found.title == "روس کے امریکا سے مذاکرات"
    assert any("line 1" in w and "U+202E" in w for w in found.warnings)


def test_metadata_lines_are_text_not_metadata(write_seed, extractor):
    text = "Title: x\nDate: 1999-01-01\n\nروس اور امریکہ کے درمیان سفارتی رابطے جاری ہیں۔\n"
    found = import_seed(write_seed(text), extractor).extraction
    assert found.date is None  # "Date: y" does not date the article
    assert found.title == "Title: x"
    assert "Date: 1999-01-01" in found.paragraphs
    assert sum("metadata header" in w for w in found.warnings) == 2


def test_two_seeds_with_one_headline_get_two_urls(write_seed, extractor):
    first = import_seed(write_seed(SEED_002, name="100_a.txt"), extractor)
    second = import_seed(write_seed(SEED_002, name="101_b.txt"), extractor)
    assert first.extraction.title == second.extraction.title
    assert first.slug != second.slug


def test_arabic_keyboard_letters_are_normalised(write_seed, extractor):
    # ي ك ه typed on an Arabic layout: stored as ی ک ہ, so one word has one spelling.
    found = import_seed(write_seed("روس كے امريكا سے مذاكرات\n\nيه متن ہے۔\n"), extractor).extraction
    assert found.title == "روس کے امریکا سے مذاکرات"
    assert found.paragraphs == ["یہ متن ہے۔"]
    assert "united-states" in {e.entry.id for e in found.entities}


@pytest.mark.parametrize("data, byte", [
    (SEED_002.encode() + "é".encode("latin-1"), 0xE9),  # one Latin-1 letter appended
    (SEED_002.encode()[:-1], 0xDA),  # the last character (ں) cut mid-byte
])
def test_a_few_bad_bytes_leave_the_article_utf8(write_seed, extractor, data, byte):
    clean = import_seed(write_seed(SEED_002, name="clean.txt"), extractor).extraction
    found = import_seed(write_seed(data), extractor).extraction
    assert (found.title, found.date) == (TITLE_002, clean.date)
    # The article reads as it did; the last line (a comment-box notice, now
    # with U+FFFD) is no longer recognised as chrome.
    assert found.paragraphs[:-1] == clean.paragraphs
    assert found.paragraphs[-1].startswith("تبصرے (0) بند ہی") and found.paragraphs[-1].endswith("\ufffd")
    assert not any("Windows-1256" in w for w in found.warnings)
    assert f"line 47: invalid UTF-8 byte(s) 0x{byte:02x} replaced by U+FFFD" in found.warnings


def test_windows_1256_only_when_the_whole_file_reads_so(write_seed, extractor):
    # A UTF-8 seed in which a whole Windows-1256 paragraph was pasted is neither.
    pasted = SEED_002.encode() + ("\n" + SEED_002.replace("ی", "ي").replace("۔", ".")).encode("cp1256")
    error = refused(write_seed(pasted), extractor)
    assert "not UTF-8 text" in error.reason and error.line == 48


@pytest.mark.parametrize("invisible", ["\u200b\u200c\u200d", "\ufeff\u200e\u2060 \n\u00ad\t\u200b\n"])
def test_only_invisible_characters_is_empty(write_seed, extractor, invisible):
    assert "empty file" in refused(write_seed(invisible * 50), extractor).reason


def test_byte_order_mark_in_corrections_file(write_seed, extractor):
    path = write_seed(SEED_002, name="100_a.txt")
    path.with_name("100_a.corrections.toml").write_bytes(codecs.BOM_UTF8 + 'title = "درست سرخی"\n'.encode())
    assert import_seed(path, extractor).extraction.title == "درست سرخی"


def test_byte_order_mark_in_markdown(tmp_path, extractor):
    from seed_reader.cli import check_markdown

    article = tmp_path / "story.md"
    article.write_bytes(codecs.BOM_UTF8 + b"Title: Story\nDate: 2021-12-28\nLang: en\n\nText.\n")
    settings = {"MARKDOWN": {"extensions": [], "output_format": "html5"}}
    assert check_markdown(article, extractor.knowledge, "article", tmp_path, settings) == ("story", [])


@pytest.mark.parametrize("header, problem", [
    # No `Slug:` to point at: the line of the bad `Translation-of:` (a KeyError once).
    ("Translation-of: روس-امریکہ\n", "story.md:4: Translation-of: the slug 'روس-امریکہ' must be lowercase ASCII"),
    ("Translation-of:\n", "story.md:4: Translation-of: the slug '' must be lowercase ASCII"),
    ("Slug: Story One\n", "story.md:4: slug 'Story One' must be lowercase ASCII"),
    # The translation's slug is its original's: its own `Slug:` is not the one to blame.
    ("Slug: story\nTranslation-of: Story One\n",
     "story.md:5: Translation-of: the slug 'Story One' must be lowercase ASCII"),
])
def test_markdown_slug_that_is_not_one(tmp_path, extractor, header, problem):
    from seed_reader.cli import check_markdown

    article = tmp_path / "story.md"
    article.write_text(f"Title: Story\nDate: 2021-12-28\nLang: en\n{header}\nText.\n", encoding="utf-8")
    settings = {"MARKDOWN": {"extensions": [], "output_format": "html5"}}
    _, problems = check_markdown(article, extractor.knowledge, "article", tmp_path, settings)
    assert problems == [f"{tmp_path / problem}"]


def test_a_megabyte_on_one_line_is_imported_in_linear_time(write_seed, extractor):
    # bench/long_lines.py measures these (under a second each); here only the
    # order is checked: a quadratic pass would take minutes, not seconds.
    import time
    for line in ("الف" + " " * 1_000_000 + "ب", "1 " * 500_000, "." * 1_000_000):
        started = time.perf_counter()
        try:
            import_seed(write_seed(f"سرخی\n\n{line}\n"), extractor)
        except SeedError:
            pass
        assert time.perf_counter() - started < 20


def test_a_text_the_extractor_cannot_handle_names_its_file(write_seed, extractor, monkeypatch):
    # Issue 12: a caption dated 9999 overflowed a date and stopped make check
    # with no file named. Whatever the extractor trips on, the seed is reported.
    path = write_seed(SEED_002, name="100_a.txt")

    def overflow(*args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(extractor, "extract", overflow)
    reason = refused(path, extractor).reason
    assert "the importer failed on this text (OverflowError: date value out of range)" in reason


def test_bidi_controls_in_corrected_captions_are_removed(write_seed, extractor):
    path = write_seed(SEED_002, name="100_a.txt")
    path.with_name("100_a.corrections.toml").write_text(
        'captions = [{ text = "\u202eالٹی تصویر", credit = "\u202eاے پی" }]\n', encoding="utf-8")
    seed = import_seed(path, extractor)
    assert [(c.text, c.credit) for c in seed.extraction.captions] == [("الٹی تصویر", "اے پی")]
    assert any("bidirectional" in w for w in seed.extraction.warnings)


@pytest.mark.parametrize("name, text, reason", [
    ("glossary.toml", "", "glossary.toml: the glossary has no [[entry]] at all"),
    ("glossary.toml", '[[entries]]\nid = "x"\n', "glossary.toml:1: unknown key or table `entries`"),
    ("glossary.toml", '[entry]\nid = "x"\n', "glossary.toml:1: `entry` must be [[entry]] tables"),
    ("categories.toml", '[[categorys]]\nid = "x"\n', "categories.toml:1: unknown key or table `categorys`"),
    ("boilerplate.toml", '[[lines]]\nkind = "x"\n', "boilerplate.toml:1: unknown key or table `lines`"),
    ("outlets.toml", '[[outlets]]\nid = "x"\n', "outlets.toml:1: unknown key or table `outlets`"),
])
def test_data_files_follow_their_schema(tmp_path, name, text, reason):
    # Issue 12: an empty glossary, or [[entries]] for [[entry]], passed make
    # check and removed every entity page.
    import shutil

    from seed_reader.knowledge import DATA_DIR, KnowledgeError, load_knowledge

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / name).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    assert any(problem.endswith(reason) for problem in caught.value.problems), caught.value.problems


def test_a_caption_dated_9999_is_no_date_and_no_crash(extractor):
    # The year is outside those an archive can hold: no date, and no OverflowError adding the lede's weekday.
    found = extractor.extract("عنوان یہاں ہے اور لمبا ہے\n\nصدر 31 دسمبر، 9999 کو ماسکو میں بات چیت کرتے ہوئے۔\n\n"
                              "روسی حکام نے جمعہ کو بتایا کہ مذاکرات جاری رہیں گے۔\n")
    assert found.date is None and found.date_confidence == "low"
