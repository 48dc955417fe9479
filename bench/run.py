"""The project's benchmark (make bench): build N synthetic articles with the real
pipeline, then measure search on the result.

    python bench/run.py 1000 10000

For each N: corpus generation, wall time and peak memory of the whole build,
pages written, output and index sizes, then bench/search_bench.py (bytes and
time to first results, first and second query, over http and file://).
Prints one JSON object.
"""

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import search_bench  # noqa: E402


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(count: int, scratch: Path) -> dict:
    project = scratch / f"archive-{count}"
    project.mkdir()
    for name in ("pelican.conf.py", "theme", "plugins"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    started = time.monotonic()
    corpus.generate(count, project)
    generated = time.monotonic() - started
    output = project / "output"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "pelican.conf.py", "-o", str(output),
         "-e", f'WEBFONTS_CACHE="{ROOT / ".build" / "webfonts"}"'],
        cwd=project, capture_output=True, text=True,
    )
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    pages = sum(1 for _ in output.rglob("*.html"))
    return {
        "articles": count,
        "corpus_seconds": round(generated, 1),
        "build_seconds": round(wall, 1),
        "peak_memory_mb": round(max(peak, before) / 1024),
        "pages": pages,
        "pages_per_second": round(pages / wall),
        "output_mb": round(size_of(output) / 1e6, 1),
        "pagefind_mb": round(size_of(output / "pagefind") / 1e6, 1),
        "offline_index_mb": round(size_of(output / "search") / 1e6, 1),
        "search": search_bench.main(output),
    }


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-") as scratch:
        report = [build(count, Path(scratch)) for count in counts]
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000])
