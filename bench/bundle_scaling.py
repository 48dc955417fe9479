"""How one Pagefind bundle grows with its records: time and peak memory of the
Pagefind process for bundles of N article-sized records (words of the seeds,
900 per record), written through the same code as the build's bundles.

    python bench/bundle_scaling.py 1000 2000 4000 8000

It tells how many articles one bundle (one year, or one month of a larger
archive) can hold within a memory budget. Prints one JSON object.
"""

import json
import random
import sys
import threading
import time
from pathlib import Path
from tempfile import TemporaryDirectory

ROOT = Path(__file__).resolve().parents[1]
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from run import anonymous_memory  # noqa: E402
from search_index.pagefind_writer import write_pagefind_bundle  # noqa: E402
from search_index.records import SearchRecord  # noqa: E402


def records(count: int) -> list[SearchRecord]:
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))).split()
    rng = random.Random(count)
    return [SearchRecord(url=f"{n}.html", lang="ur", story=str(n), text="", words=rng.choices(words, k=900), more=[],
                         meta={"title": str(n)}) for n in range(count)]


def measure(count: int) -> dict:
    batch = records(count)
    peak = 0
    done = threading.Event()
    idle = anonymous_memory()  # the records made: what Pagefind and the writer add

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, anonymous_memory() - idle)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    with TemporaryDirectory() as scratch:
        sampler.start()
        started = time.monotonic()
        write_pagefind_bundle(batch, Path(scratch) / "bundle")
        seconds = time.monotonic() - started
        done.set()
        sampler.join()
    return {"records": count, "seconds": round(seconds, 1), "peak_memory_mb": round(peak / 1e6)}


if __name__ == "__main__":
    print(json.dumps([measure(int(n)) for n in sys.argv[1:] or ["1000", "2000", "4000"]], indent=2))
