"""Search finds what Urdu readers type: typing variants (ا for آ, ھ for ہ),
a surname alone, in both engines; results show the text as written.

The archive is the seeds plus three short articles written for this test: a
cricket report naming شاہین آفریدی (glossary spelling شاہین آفریدی), a court
report naming یحییٰ آفریدی and a report naming ڈاکٹر محمد یونس."""

import pytest

from .conftest import StaticServer, copy_project, pelican
from .test_search import listed, results

ARTICLES = {  # headline, dateline, paragraphs
    "900_test_shaheen.txt": [
        "شاہین آفریدی کی تباہ کن بولنگ، پاکستان نے میچ جیت لیا",
        "لاہور: 14 مارچ 2025",
        "فاسٹ بولر شاہین آفریدی نے قذافی اسٹیڈیم میں کھیلے گئے میچ میں پانچ وِکٹیں حاصل کیں اور پاکستان نے"
        " مہمان ٹیم کو آسانی سے شکست دے دی۔",
        "شاہین آفریدی نے میچ کے بعد کہا کہ آج کی کامیابی پوری ٹیم کی محنت کا نتیجہ ہے اور وہ اگلے میچ میں بھی"
        " اسی کارکردگی کو دہرانے کی کوشش کریں گے۔",
    ],
    "901_test_yahya.txt": [
        "چیف جسٹس یحییٰ آفریدی کا عدالتی اصلاحات پر زور",
        "اسلام آباد: 2 اپریل 2025",
        "چیف جسٹس یحییٰ آفریدی نے کہا ہے کہ عدالتوں میں زیر التوا مقدمات جلد نمٹانے کے لیے اصلاحات ناگزیر ہیں۔",
        "انہوں نے یہ بات ججوں کے ایک اجلاس سے خطاب کرتے ہوئے کہی جس میں مقدمات کی سماعت کا نیا نظام زیر غور آیا۔",
    ],
    "902_test_yunus.txt": [
        "ڈاکٹر محمد یونس کا ڈھاکہ میں نئی حکومت کی ترجیحات کا اعلان",
        "ڈھاکہ: 20 جنوری 2025",
        "بنگلہ دیش کی عبوری حکومت کے سربراہ ڈاکٹر محمد یونس نے کہا ہے کہ انتخابات سے پہلے انتخابی نظام میں"
        " اصلاحات مکمل کی جائیں گی۔",
        "انہوں نے صحافیوں کو بتایا کہ حکومت معیشت کی بحالی اور مہنگائی پر قابو پانے کو اولین ترجیح دے رہی ہے۔",
    ],
}
SHAHEEN, YAHYA, YUNUS = "900-test-shaheen", "901-test-yahya", "902-test-yunus"


@pytest.fixture(scope="session")
def spellings_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("spellings") / "project")
    for name, lines in ARTICLES.items():
        (project / "seeds" / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    output = project.parent / "output"
    result = pelican(project, output)
    assert result.returncode == 0, result.stdout + result.stderr
    server = StaticServer(output)
    yield output, server.url
    server.close()


@pytest.fixture(params=["http", "file"])
def base(request, spellings_site):
    output, url = spellings_site
    return url if request.param == "http" else output.as_uri()


@pytest.mark.parametrize("query", ["شاہین آفریدی", "شاہین افریدی", "شاھین آفریدی", "شاھین افریدی",
                                   "Shaheen Afridi", "شاہین شاہ آفریدی"])
def test_typing_variants_of_a_name_find_its_article(page, base, query):
    # ا for آ and ھ for ہ: the glossary spelling is شاہین آفریدی.
    assert results(page, base, "search.html", query) == [SHAHEEN]


@pytest.mark.parametrize("query", ["آفریدی", "افریدی", "Afridi"])
def test_a_surname_alone_finds_everyone_who_bears_it(page, base, query):
    # The glossary gives only full names; each word of them is a search word.
    assert results(page, base, "search.html", query) == [SHAHEEN, YAHYA]


def test_a_given_name_alone_is_no_search_word_of_a_person(page, base):
    # The Urdu article writes محمد یونس; Muhammad, a given name of thousands,
    # does not find it, the surname does.
    assert YUNUS not in results(page, base, "search.html", "Muhammad")
    assert results(page, base, "search.html", "Yunus") == [YUNUS]
    assert YUNUS in results(page, base, "search.html", "محمد")  # the word of its text


def test_results_show_the_text_as_written(page, base):
    listed(page, base, "search.html", "شاھین افریدی وکٹیں")
    excerpt = page.inner_text("#search-results .excerpt")
    # The article's آ, ہ and zer, never the folded forms the index holds.
    assert "شاہین آفریدی" in excerpt and "وِکٹیں" in excerpt
    assert "افریدی" not in excerpt.replace("آفریدی", "") and "شاھین" not in excerpt
    marked = page.eval_on_selector_all("#search-results mark", "els => els.map(e => e.textContent)")
    assert set(marked) == {"شاہین", "آفریدی", "وِکٹیں"}
    assert page.inner_text("#search-results .card-title") == "شاہین آفریدی کی تباہ کن بولنگ، پاکستان نے میچ جیت لیا"
