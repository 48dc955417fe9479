from seed_reader.reader import isolate_runs, render_body


def test_latin_runs_in_urdu_are_isolated():
    assert isolate_runs("EU Reporter کے مطابق، 40 منٹ۔", "ur") == '<bdi lang="en">EU Reporter</bdi> کے مطابق، 40 منٹ۔'


def test_urdu_runs_in_english_are_isolated():
    assert isolate_runs("Putin (پوتن) said.", "en") == 'Putin (<bdi lang="ur">پوتن</bdi>) said.'


def test_markup_is_escaped_inside_and_outside_runs():
    latin = '<bdi lang="en">{}</bdi>'.format
    assert render_body(["<script>alert(1)</script> متن"], "ur") == (
        f"<p>&lt;{latin('script')}&gt;{latin('alert')}(1)&lt;/{latin('script')}&gt; متن</p>")
