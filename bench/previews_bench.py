"""Preview image benchmark: time to draw N share-preview images from nothing
(an empty cache) in WORKERS processes (default 1; run it again with the
number of cores to compare), and a rebuild's time when all are cached.

    python bench/previews_bench.py [N] [WORKERS]

Headlines are 8-16 words drawn at random (fixed seed) from every Urdu word of
the shipped seeds, so that the words differ from image to image about as much
as a real archive's do (each word is shaped once per process and cached).
"""

import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from share_previews.card import Card, Fonts, theme_colours  # noqa: E402
from share_previews.fonts import language_font  # noqa: E402
from share_previews.previews import Preview, write_previews  # noqa: E402


def headlines(count: int) -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    text = " ".join(path.read_text(encoding="utf-8", errors="replace") for path in seeds)
    words = sorted(set(re.findall(r"[\u0600-\u06ff]+", text)))
    rng = random.Random(17)
    return [" ".join(rng.choice(words) for _ in range(rng.randint(8, 16))) for _ in range(count)]


def main(count: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        theme = ROOT / "theme"
        fonts = Fonts(ur=language_font(theme / "fonts", "ur", scratch / "fonts"),
                      en=language_font(theme / "fonts", "en", scratch / "fonts"))
        colours = theme_colours((theme / "static/css/akhbar.css").read_text(encoding="utf-8"))
        previews = [Preview(f"previews/{n}.png", Card(title, "ur", f"{1 + n % 28} مارچ، 2026", "اخبار", "example.org"))
                    for n, title in enumerate(headlines(count))]
        for label, folder in (("empty cache", "first"), ("all cached", "first")):
            started, cpu = time.monotonic(), time.process_time()
            outcome = write_previews(previews, scratch / folder, scratch / "cache", fonts, "bench", colours, workers)
            wall = time.monotonic() - started
            size = sum(p.stat().st_size for p in (scratch / folder / "previews").glob("*.png"))
            print(f"{count} images, {workers} worker(s), {label}: {outcome.drawn} drawn, {wall:.1f} s "
                  f"({1000 * wall / count:.0f} ms an image; this process's CPU {time.process_time() - cpu:.1f} s), "
                  f"{size / count / 1000:.1f} KB an image")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
