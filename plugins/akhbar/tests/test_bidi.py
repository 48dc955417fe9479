from akhbar.bidi import isolate_html, isolate_runs


def test_latin_runs_in_urdu_are_isolated_with_their_language():
    assert isolate_runs("EU Reporter کے مطابق، 40 منٹ۔", "ur") == '<bdi lang="en">EU Reporter</bdi> کے مطابق، 40 منٹ۔'


def test_urdu_runs_in_english_are_isolated_with_their_language():
    assert isolate_runs("Putin (پوتن) said.", "en") == 'Putin (<bdi lang="ur">پوتن</bdi>) said.'


def test_html_text_is_isolated_but_not_its_tags_code_or_runs_the_writer_marked():
    body = ('<p>Papers called it "اشتعال انگیز" 2024 &amp; more, <a href="x.html" title="عنوان">see سرخی</a>.</p>\n'
            '<p><code>نام = 1</code> <span lang="ur">جیسے</span> <em>اور</em></p>')
    assert isolate_html(body, "en") == (
        '<p>Papers called it "<bdi lang="ur">اشتعال انگیز</bdi>" 2024 &amp; more, '
        '<a href="x.html" title="عنوان">see <bdi lang="ur">سرخی</bdi></a>.</p>\n'
        '<p><code>نام = 1</code> <span lang="ur">جیسے</span> <em><bdi lang="ur">اور</bdi></em></p>')


def test_an_entity_in_a_latin_run_stays_whole():
    assert isolate_html("<p>AT&amp;T نے کہا</p>", "ur") == '<p><bdi lang="en">AT&amp;T</bdi> نے کہا</p>'
