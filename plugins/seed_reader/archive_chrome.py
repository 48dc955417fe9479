"""Chrome the archive itself teaches: a line that many seeds print word for word
(one site's name, slogan or menu on every page it serves) is that site's chrome.

Only short lines without a full stop are counted: an article's sentences are
never learned, even when a wire story runs in several seeds. Editors can keep
a learned line in the text with data/never_chrome.toml.
"""

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from akhbar.normalize import normalize_urdu

from .decoding import SeedError, decode_seed
from .page import page_lines

# A line printed on at least this many seeds is chrome; a headline shared by
# a few copies of one wire story stays below it.
MIN_SEEDS = 5
# Longer lines, or lines ending with a full stop, are text, however often printed.
MAX_WORDS = 8


def chrome_candidates(text: str) -> dict[str, str]:
    """The lines of one seed that could be chrome: `page.comparable` key → the line."""
    return _short_lines(normalize_urdu(text))[0]


def _short_lines(text: str) -> tuple[dict[str, str], frozenset[int]]:
    """The candidates of a normalised text, and the prints of all its lines
    short enough to be learned, as its import sees its lines (`page_lines`)."""
    found, prints = {}, set()
    for line in page_lines(text).lines:
        if line.words <= MAX_WORDS:
            key = line.key
            prints.add(line_print(key))
            if not line.ends_sentence:
                found.setdefault(key, line.text)
    found.pop("", None)
    return found, frozenset(prints)


def candidates_of_file(path: Path) -> dict[str, str]:
    """A seed file's candidate lines; a seed that cannot be read has none
    (the import reports why)."""
    return read_for_learning(path)[0]


def line_print(key: str) -> int:
    """A short, stable hash of a `comparable` line."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def read_for_learning(path: Path) -> tuple[dict[str, str], frozenset[int]]:
    """A seed file's candidate lines, and the prints of its lines of at most
    MAX_WORDS words: the import looks up only those among the learned lines
    (chrome.py), so its result depends on no others (imports.py keys it by
    them). A seed that cannot be read has neither (the import reports why)."""
    try:
        return _short_lines(normalize_urdu(decode_seed(path.read_bytes()).text))
    except (OSError, SeedError):
        return {}, frozenset()


def learn_archive_chrome(candidates: Iterable[dict[str, str]],
                         min_seeds: int = MIN_SEEDS) -> dict[str, tuple[str, int]]:
    """Lines that at least `min_seeds` seeds print: key → (the line, how many seeds)."""
    counts, shown = Counter(), {}
    for lines in candidates:
        counts.update(lines.keys())
        for key, text in lines.items():
            shown.setdefault(key, text)
    return {key: (shown[key], seeds) for key, seeds in sorted(counts.items()) if seeds >= min_seeds}
