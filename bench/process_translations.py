"""Pelican 4.12's process_translations at 1,000, 10,000 and 20,000 articles,
and the same function with the one-line fix docs/pelican-process-translations.md
proposes. Pelican only: none of this project's code.

    .venv/bin/python bench/process_translations.py [1000 10000 20000]

Articles are Pelican's own (pelican.contents.Article): stories in the default
language, 1 in 10 with a translation sharing its slug, in a random order.
Prints, for each size, the best of three runs of each function in seconds,
and checks that both give the same lists.
"""

import datetime as dt
import inspect
import random
import sys
import time

import pelican.utils
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

QUADRATIC = "    translations = [x for x in content_list if x not in index]\n"
LINEAR = ("    in_index = {id(x) for x in index}\n"
          "    translations = [x for x in content_list if id(x) not in in_index]\n")


def fixed_process_translations():
    """Pelican's process_translations with its last list scan replaced by a set lookup."""
    source = inspect.getsource(pelican.utils.process_translations)
    assert source.count(QUADRATIC) == 1, "not the Pelican 4.12 code this script measures"
    namespace = dict(vars(pelican.utils))
    # Annotations unevaluated: Pelican imports the types they name only for type checkers.
    exec("from __future__ import annotations\n" + source.replace(QUADRATIC, LINEAR), namespace)
    return namespace["process_translations"]


def articles(count: int, seed: int = 1) -> list[Article]:
    settings = {**DEFAULT_CONFIG, "DEFAULT_LANG": "ur"}
    rng = random.Random(seed)
    found = []
    while len(found) < count:
        slug = f"story-{len(found):05d}"
        langs = ["ur", "en"] if rng.random() < 0.1 and len(found) + 1 < count else ["ur"]
        for lang in langs:
            metadata = {"title": slug, "slug": slug, "lang": lang, "date": dt.datetime(2024, 1, 1)}
            found.append(Article("<p>text</p>", metadata=metadata, settings=settings))
    rng.shuffle(found)
    return found


def best_of_three(function, found) -> tuple[float, tuple]:
    times, result = [], None
    for _ in range(3):
        content = list(found)
        started = time.perf_counter()
        result = function(content, "slug")
        times.append(time.perf_counter() - started)
    return min(times), result


def main(sizes: list[int]) -> None:
    fixed = fixed_process_translations()
    print(f"Pelican {pelican.__version__}, Python {sys.version.split()[0]}")
    print(f"{'articles':>9} {'translations':>13} {'Pelican 4.12 (s)':>17} {'fixed (s)':>10} {'ratio':>7}")
    for size in sizes:
        found = articles(size)
        before, (index, translations) = best_of_three(pelican.utils.process_translations, found)
        after, (fixed_index, fixed_translations) = best_of_three(fixed, found)
        assert [id(a) for a in index] == [id(a) for a in fixed_index]
        assert [id(a) for a in translations] == [id(a) for a in fixed_translations]
        print(f"{size:>9,} {len(translations):>13,} {before:>17.3f} {after:>10.3f} {before / after:>7.0f}")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 10000, 20000])
