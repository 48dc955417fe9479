"""The same story twice (issue 15): small archives with copies of each kind,
and stories that must stay apart, built by the real pipeline."""

import re

from search_index.records import filter_token

from .conftest import make, pelican
from .test_build import h1, offline_record

FOLLOW_UP = [
    "ماسکو میں ہونے والی ملاقات کے بعد روسی وزارت خارجہ نے ایک بیان جاری کیا ہے جس میں کہا گیا ہے کہ بات چیت کا "
    "اگلا دور جنوری کے تیسرے ہفتے میں جنیوا میں ہوگا۔",
    "بیان کے مطابق دونوں ممالک کے وفود نے اسلحے کی دوڑ روکنے، فوجی مشقوں کی پیشگی اطلاع اور سرحدی علاقوں میں "
    "کشیدگی کم کرنے کے اقدامات پر ابتدائی اتفاق کیا ہے۔",
    "گزشتہ ماہ روسی حکام نے اعلان کیا تھا کہ:",
    "امریکی محکمہ خارجہ کے ترجمان نے واشنگٹن میں صحافیوں سے گفتگو کرتے ہوئے کہا کہ امریکا سفارتی راستہ کھلا رکھے گا "
    "لیکن اتحادیوں کے ساتھ مشاورت کے بغیر کوئی وعدہ نہیں کیا جائے گا۔",
    "تجزیہ کاروں کا کہنا ہے کہ آنے والے ہفتے خطے کی سلامتی کے لیے فیصلہ کن ثابت ہو سکتے ہیں اور یورپی ممالک بھی "
    "اس عمل میں اپنا کردار چاہتے ہیں۔",
]


def plant_copies(project):
    """Seeds of each kind beside the four real ones (000, 001 and 003: three
    stories on one event, which must stay three)."""
    seeds = project / "seeds"
    story = (seeds / "002_6aa83e8293d70fa7.txt").read_text(encoding="utf-8")
    # An exact copy under another name, and another in UTF-16 with Windows line ends.
    (seeds / "900_copy.txt").write_bytes(story.encode("utf-8"))
    (seeds / "901_utf16.txt").write_bytes(b"\xff\xfe" + story.replace("\n", "\r\n").encode("utf-16-le"))
    # An earlier version of 003, one paragraph shorter.
    lines = (seeds / "003_d5d1f4a12c482239.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    (seeds / "902_earlier.txt").write_text("\n".join(lines[:-2] + lines[-1:]) + "\n", encoding="utf-8")
    # 001's body under another headline, in other chrome.
    body = (seeds / "001_5fdcb9c48dad7940.txt").read_text(encoding="utf-8").split("\n")[1:5]
    (seeds / "903_other_chrome.txt").write_text("\n".join([
        "• صفحۂ اول", "• تازہ ترین", "• دنیا", "", "بائیڈن اور پوتن کی ٹیلی فون پر گفتگو", "", *body, "",
        "ٹیگز: روس، امریکہ", "مزید خبریں"]) + "\n", encoding="utf-8")
    # 002 syndicated by BBC Urdu: its headline, chrome and photo credits, a paragraph trimmed.
    paragraphs = [line for line in story.split("\n")[5:] if line and "فوٹو" not in line and "تبصرے" not in line]
    (seeds / "904_bbc.txt").write_text("\n\n".join([
        "روس اور امریکا کے درمیان جنوری میں سیکیورٹی مذاکرات ہوں گے", "28 دسمبر 2021", *paragraphs[:4],
        *paragraphs[5:], "© بی بی سی اردو"]) + "\n", encoding="utf-8")
    # A follow-up story that quotes two paragraphs of 002.
    (seeds / "905_follow_up.txt").write_text("\n\n".join([
        "روس اور امریکا جنیوا میں مذاکرات کے اگلے دور پر متفق", "5 جنوری 2022", *FOLLOW_UP[:3],
        paragraphs[0], paragraphs[1], *FOLLOW_UP[3:]]) + "\n", encoding="utf-8")


def log_of(result) -> str:
    return result.stdout + result.stderr


def test_copies_of_a_story_are_published_once(project, tmp_path):
    plant_copies(project)
    output = tmp_path / "out"
    result = pelican(project, output, "-e", "BUILD_REPORT_STRICT=true")
    log = log_of(result)
    assert result.returncode == 0, log
    assert "WARNING: seeds/900_copy.txt: same article as seeds/002_6aa83e8293d70fa7.txt: not published" in log
    assert "WARNING: seeds/901_utf16.txt: same article as seeds/002_6aa83e8293d70fa7.txt: not published" in log
    assert re.search(r"WARNING: seeds/902_earlier.txt: same article as seeds/003_d5d1f4a12c482239.txt \(another "
                     r"version; \d+% of the shorter text in the longer; published: the fuller \(689 words to \d+\)\)"
                     r": not published", log)
    assert re.search(r"WARNING: seeds/903_other_chrome.txt: same article as seeds/001_5fdcb9c48dad7940.txt \(another "
                     r"version; 100% of the shorter text in the longer; published: the fuller \(750 words to \d+\)\)"
                     r": not published", log)
    # Syndicated copies are expected: listed, not shown.
    assert "904_bbc" not in log.replace("5 seed(s) not published", "")
    assert ("5 seed(s) not published, the same story as another (2 exact copies, 2 other versions, 1 from other "
            "outlets): all listed in .build/cache/duplicates.txt") in log
    listed = (project / ".build/cache/duplicates.txt").read_text(encoding="utf-8")
    assert re.search(r"^seeds/904_bbc.txt: same story as seeds/002_6aa83e8293d70fa7.txt from another outlet \(\d+% "
                     r"of the shorter text in the longer; published: the fuller \(\d+ words to \d+\)\): not "
                     r"published, its outlet named on that page$", listed, re.M)

    for page in ("900-copy", "901-utf16", "902-earlier", "903-other-chrome", "904-bbc"):
        assert not (output / f"{page}.html").exists(), page
    # Stories on one event, and a follow-up quoting one of them, stay apart.
    for page in ("000-947afd4b53ab818c", "001-5fdcb9c48dad7940", "002-6aa83e8293d70fa7", "003-d5d1f4a12c482239",
                 "905-follow-up"):
        assert (output / f"{page}.html").is_file(), page
    assert h1(output / "905-follow-up.html") == "روس اور امریکا جنیوا میں مذاکرات کے اگلے دور پر متفق"

    # One page names every outlet that ran the story, in both languages ...
    urdu = (output / "002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    assert ('<p class="source also-published">یہ خبر ان اداروں نے بھی شائع کی: <a class="outlet" '
            'href="./outlet/bbc-urdu.html">بی بی سی اردو</a></p>') in urdu
    english = (output / "en/002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    assert 'Also published by: <a class="outlet" href="../en/outlet/bbc-urdu.html">BBC Urdu</a>' in english
    # ... each outlet lists it, and the home page and search show it once.
    for outlet in ("outlet/dawn-news.html", "outlet/bbc-urdu.html"):
        assert 'href="../002-6aa83e8293d70fa7.html"' in (output / outlet).read_text(encoding="utf-8"), outlet
    home = (output / "index.html").read_text(encoding="utf-8")
    assert home.count('href="./002-6aa83e8293d70fa7.html"') == 1
    assert "روس اور امریکا کے درمیان جنوری میں سیکیورٹی مذاکرات ہوں گے" not in home
    # Found once by search, under either outlet's filter.
    _, words = offline_record(output, "002-6aa83e8293d70fa7.html")
    assert {filter_token("outlet", "dawn-news"), filter_token("outlet", "bbc-urdu")} <= words
    records = "".join(p.read_text(encoding="utf-8") for p in output.glob("search/records/*/*.js"))
    assert records.count('"url":"002-6aa83e8293d70fa7.html"') + records.count('"url": "002-6aa83e8293d70fa7.html"') == 1
    assert "904-bbc" not in records and "900-copy" not in records

    checked = make(project, "check")
    assert checked.returncode == 0, log_of(checked)
    assert "seeds/900_copy.txt: same article as seeds/002_6aa83e8293d70fa7.txt: not published" in checked.stdout
    assert "seeds/904_bbc.txt: same story as seeds/002_6aa83e8293d70fa7.txt from another outlet" in checked.stdout


def test_an_editor_settles_a_case_in_the_corrections_file(project, tmp_path):
    plant_copies(project)
    seeds = project / "seeds"
    # Not the same article after all; the same story after all (and confirmed: not shown again).
    (seeds / "902_earlier.corrections.toml").write_text('not_duplicate_of = ["003_d5d1f4a12c482239.txt"]\n',
                                                       encoding="utf-8")
    (seeds / "905_follow_up.corrections.toml").write_text('duplicate_of = "002_6aa83e8293d70fa7.txt"\n',
                                                         encoding="utf-8")
    # The copy, not the fuller original, is the one to publish.
    (seeds / "903_other_chrome.corrections.toml").write_text('slug = "903-chosen"\n', encoding="utf-8")
    (seeds / "001_5fdcb9c48dad7940.corrections.toml").write_text('duplicate_of = "903_other_chrome"\n',
                                                                encoding="utf-8")
    output = tmp_path / "out"
    result = pelican(project, output)
    log = log_of(result)
    assert result.returncode == 0, log
    assert (output / "902-earlier.html").is_file() and (output / "003-d5d1f4a12c482239.html").is_file()
    assert not (output / "905-follow-up.html").exists() and "905_follow_up.txt: same article" not in log
    listed = (project / ".build/cache/duplicates.txt").read_text(encoding="utf-8")
    assert "seeds/905_follow_up.txt: same article as seeds/002_6aa83e8293d70fa7.txt (another version; " in listed
    assert (output / "903-chosen.html").is_file() and not (output / "001-5fdcb9c48dad7940.html").exists()
    assert "published: chosen in the corrections of seeds/001_5fdcb9c48dad7940.txt" in listed
    # 001's English translation has no original left: said, and not published.
    assert ("content/en/001-biden-putin-warnings.md: translates seeds/001_5fdcb9c48dad7940.txt, which is not "
            "published (same article as seeds/903_other_chrome.txt): not published; make it Translation-of: "
            "903-chosen") in log
    assert not (output / "en/001-5fdcb9c48dad7940.html").exists()

    (seeds / "905_follow_up.corrections.toml").write_text('title = "x"\nduplicate_of = "999_gone.txt"\n',
                                                         encoding="utf-8")
    (seeds / "900_copy.corrections.toml").write_text('not_duplicate_of = "002_6aa83e8293d70fa7.txt"\n',
                                                    encoding="utf-8")
    strict = pelican(project, tmp_path / "strict", "-e", "BUILD_REPORT_STRICT=true")
    assert strict.returncode != 0
    expected = ["seeds/905_follow_up.corrections.toml:2: duplicate_of names seeds/999_gone.txt, which is not an "
                "imported seed",
                "seeds/900_copy.corrections.toml:1: field 'not_duplicate_of' has the wrong type (str)"]
    for line in expected:
        assert line in log_of(strict), line
    checked = make(project, "check")
    assert checked.returncode != 0
    for line in expected:
        assert line in checked.stderr, line


def test_a_rebuild_with_the_kept_index_decides_as_a_clean_build(project, tmp_path):
    plant_copies(project)
    output = tmp_path / "out"
    assert pelican(project, output).returncode == 0
    listing = project / ".build/cache/duplicates.txt"
    first = listing.read_text(encoding="utf-8")
    (project / "seeds" / "900_copy.txt").unlink()
    (project / "seeds" / "903_other_chrome.txt").write_text("ایک نئی خبر کی سرخی\n\n" + FOLLOW_UP[0] + "\n",
                                                           encoding="utf-8")
    result = pelican(project, output)
    assert result.returncode == 0, log_of(result)
    assert listing.read_text(encoding="utf-8") == "".join(
        line + "\n" for line in first.splitlines() if "900_copy" not in line and "903_other" not in line)
    assert (output / "903-other-chrome.html").is_file()
