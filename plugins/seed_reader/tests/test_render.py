from seed_reader.reader import render_body


def test_markup_is_escaped_inside_and_outside_runs():
    latin = '<bdi lang="en">{}</bdi>'.format
    assert render_body(["<script>alert(1)</script> متن"], "ur") == (
        f"<p>&lt;{latin('script')}&gt;{latin('alert')}(1)&lt;/{latin('script')}&gt; متن</p>")
