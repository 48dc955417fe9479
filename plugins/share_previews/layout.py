"""Where a headline goes on a preview image: the size, the lines, and the key
an image is cached by. Pure logic: no Pelican, no Pillow (an `ems` function
stands for the font).

A headline is set as large as it fits: the largest size at which its words wrap
into the lines the box holds. Lines are balanced (as the site's `text-wrap:
balance`): the narrowest width that needs no more lines than greedy wrapping at
the full width, so a headline does not end on one orphaned word. A headline too
long for the smallest size is cut after a word, with an ellipsis.

Widths are in ems, measured once per word and scaled by the size: shaping
Nastaliq costs milliseconds a call whatever the length, so the layout is
arithmetic and the image module checks only the lines it chose.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True)
class Fit:
    size: int
    lines: tuple[str, ...]
    truncated: bool


def wrap(widths: list[float], space: float, max_width: float) -> list[int]:
    """Greedy wrapping: the index of the first word of each line. A word wider
    than the line gets a line of its own."""
    starts, line = [0], 0.0
    for index, width in enumerate(widths):
        if index == starts[-1]:
            line = width
        elif line + space + width <= max_width:
            line += space + width
        else:
            starts.append(index)
            line = width
    return starts


def balanced(widths: list[float], space: float, max_width: float) -> list[int]:
    """Line starts for the narrowest width that keeps greedy wrapping's line count."""
    lines = len(wrap(widths, space, max_width))
    if lines == 1:
        return [0]
    low, high = max(widths), max_width
    while high - low > 1:
        middle = (low + high) / 2
        if len(wrap(widths, space, middle)) <= lines:
            high = middle
        else:
            low = middle
    return wrap(widths, space, high)


def _lines(words: list[str], starts: list[int]) -> list[str]:
    ends = starts[1:] + [len(words)]
    return [" ".join(words[start:end]) for start, end in zip(starts, ends, strict=True)]


def fit_headline(words: list[str], ems: Callable[[str], float], sizes: list[int],
                 max_width: float, max_lines: Callable[[int], int]) -> Fit:
    """The headline at the largest of `sizes` (largest first) whose lines fit
    `max_width` in at most `max_lines(size)` lines; else at the smallest size,
    cut after a word to fit. `ems(text)` is a text's width in ems: widths grow
    with the size, so each word is measured once (shaping Nastaliq is slow)."""
    if not words:
        return Fit(sizes[-1], (), False)
    widths = [ems(word) for word in words]
    space = ems(" ")
    for size in sizes:
        if max(widths) * size > max_width:
            continue  # one word alone is wider than the box: a smaller size
        starts = balanced([w * size for w in widths], space * size, max_width)
        if len(starts) <= max_lines(size):
            return Fit(size, tuple(_lines(words, starts)), False)
    return _cut(words, widths, space, ems(ELLIPSIS), sizes[-1], max_width, max_lines(sizes[-1]))


def _cut(words: list[str], widths: list[float], space: float, ellipsis: float, size: int,
         max_width: float, max_lines: int) -> Fit:
    """The first words that fill `max_lines` lines, the last line ending in an
    ellipsis; a word wider than the box alone on a line (the image check below
    the layout shrinks or clips it)."""
    limit = max_width / size
    starts = wrap(widths, space, limit)
    if len(starts) <= max_lines:
        return Fit(size, tuple(_lines(words, starts)), False)
    end = starts[max_lines]  # the first word left out
    first = starts[max_lines - 1]
    # Words off the last line until it has room for the ellipsis.
    while end - first > 1 and sum(widths[first:end]) + space * (end - first - 1) + ellipsis > limit:
        end -= 1
    lines = _lines(words[:end], starts[:max_lines])
    lines[-1] += ELLIPSIS
    return Fit(size, tuple(lines), True)


def cache_key(**inputs) -> str:
    """A stable hash of everything an image is made from (text, date, site
    name, font and code versions): the image's name in the cache."""
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
