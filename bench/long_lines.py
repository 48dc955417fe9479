"""Import time of 1 MB single-line seeds (issue: every pass over a line is linear).

    .venv/bin/python bench/long_lines.py      # prints seconds per kind of line; target < 1 s each
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "plugins"))

from seed_reader.decoding import SeedError  # noqa: E402
from seed_reader.importer import extractor_for, import_seed  # noqa: E402

MEGABYTE = 1_000_000
LINES = {
    "dots": "." * MEGABYTE,
    "urdu text": "روس اور امریکہ کے درمیان سفارتی رابطے جاری ہیں " * (MEGABYTE // 47),
    "spaces": "الف" + " " * MEGABYTE + "ب",
    "dashes": "-" * MEGABYTE + "فوٹو: x",
    "digits": "1 " * (MEGABYTE // 2),
    "english text": "The court met on Monday and decided. " * (MEGABYTE // 37),
}


def main() -> dict[str, float]:
    extractor = extractor_for()
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, line in LINES.items():
            path = Path(folder) / "long.txt"
            path.write_text(f"سرخی\n\n{line}\n", encoding="utf-8")
            started = time.perf_counter()
            try:
                import_seed(path, extractor)
            except SeedError:
                pass  # a line of dots is no article: reported, still in bounded time
            times[name] = round(time.perf_counter() - started, 2)
    return times


if __name__ == "__main__":
    for name, seconds in main().items():
        print(f"{name:>14}: {seconds:.2f} s")
