"""Headline layout as arithmetic: a fake font whose every letter is 0.5 em wide."""

from share_previews.layout import ELLIPSIS, balanced, cache_key, fit_headline, wrap


def ems(text: str) -> float:
    return 0.5 * len(text)


def widths_of(lines, size):
    return [ems(line) * size for line in lines]


def test_greedy_wrapping_fills_each_line():
    # Words 3, 3, 3, 3 wide, spaces 1: two words a line at width 7.
    assert wrap([3, 3, 3, 3], 1, 7) == [0, 2]
    assert wrap([3, 3, 3, 3], 1, 100) == [0]
    assert wrap([9, 1], 1, 5) == [0, 1]  # a word wider than the line gets a line of its own


def test_balanced_lines_keep_the_line_count_and_no_orphan():
    widths = [4, 4, 4, 4, 4, 1]
    greedy = wrap(widths, 1, 20)  # 4 words, then 2: "4 4 4 4" / "4 1"
    lines = balanced(widths, 1, 20)
    assert len(lines) == len(greedy) == 2
    assert lines == [0, 3]  # 3 words and 3 words


def test_a_short_headline_takes_the_largest_size():
    fit = fit_headline("Short headline".split(), ems, [72, 60, 48], 1000, lambda size: 3)
    assert fit.size == 72 and fit.lines == ("Short headline",) and not fit.truncated


def test_a_long_urdu_headline_wraps_within_the_margins_in_few_lines():
    headline = ("وزیر اعظم نے قومی اسمبلی میں بجٹ پیش کرتے ہوئے کہا کہ حکومت مہنگائی پر قابو پانے کے لیے"
                " ہر ممکن اقدامات کرے گی اور عوام کو ریلیف دیا جائے گا")
    sizes = [68, 60, 52, 46, 40]
    fit = fit_headline(headline.split(), ems, sizes, 1056, lambda size: 355 // int(size * 1.8))
    assert fit.size < 68 and not fit.truncated
    assert 2 <= len(fit.lines) <= 355 // int(fit.size * 1.8)
    assert max(widths_of(fit.lines, fit.size)) <= 1056
    assert " ".join(fit.lines) == headline  # every word, in order


def test_a_headline_too_long_for_the_smallest_size_is_cut_with_an_ellipsis():
    headline = " ".join(["word"] * 200)
    fit = fit_headline(headline.split(), ems, [72, 42], 1056, lambda size: 4)
    assert fit.size == 42 and fit.truncated and len(fit.lines) == 4
    assert fit.lines[-1].endswith(ELLIPSIS)
    assert max(widths_of(fit.lines, 42)) <= 1056


def test_a_word_wider_than_the_box_goes_to_the_smallest_size():
    fit = fit_headline(["x" * 60], ems, [72, 30], 1000, lambda size: 3)
    assert fit.size == 30
    assert fit_headline([], ems, [72, 30], 1000, lambda size: 3).lines == ()


def test_cache_key_changes_with_every_input_and_only_then():
    inputs = {"headline": "روس", "date": "3 دسمبر، 2025", "site": "اخبار", "fonts": "a", "code": "b"}
    key = cache_key(**inputs)
    assert key == cache_key(**dict(reversed(inputs.items())))
    for name in inputs:
        assert cache_key(**{**inputs, name: inputs[name] + "x"}) != key, name
