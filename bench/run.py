"""The project's benchmark (make bench): build N synthetic articles with the real
pipeline, rebuild after editing one seed, build the same articles with plain
Pelican and Pagefind for comparison, then measure search on the result.

    python bench/run.py 1000 10000

For each N: wall time and peak memory of the whole build and of each stage
(reading, queueing pages, saving caches, cards, rendering, search index, fonts,
previews, from the build summary; "starting" is the rest), pages
written and pages per second, output and index sizes, the rebuild after
editing one seed, make html after editing one more, make serve's delay from
saving an edit to its page being served (tools/preview.py), one year
built alone (make html SEGMENT=2020; from 10,000 articles up the corpus has
about 1,000 articles a year, so this must not grow with the archive), the
baseline (the same articles as plain Markdown with their headline, date,
category and names as tags, Pelican 4.12 with its default theme, then the
Pagefind CLI over its output; up to 20,000 articles) and our
figures as ratios to it, the precision and recall of duplicate detection
against the copies the corpus planted (bench/duplicates_bench.py, from the
build's own decisions), then bench/search_bench.py (bytes and time to first
results, first and second query, over http and file://). Before each cold
build and the baseline, a probe of the disk (file_system_probe: milliseconds
to write a new page file), whose speed changes from run to run. Memory is what the
build's processes (Pelican, its forked workers, Pagefind) hold together, each
shared page counted once: the machine's anonymous memory above what it was
when the command started, sampled every 100 ms from /proc/meminfo (so the
machine should run nothing else meanwhile). Prints one JSON object.
"""

import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

import corpus  # noqa: E402
import duplicates_bench  # noqa: E402
import search_bench  # noqa: E402
from akhbar.kept import replace_file  # noqa: E402
from akhbar.published_urls import read_segments  # noqa: E402
from seed_reader.same_story import LISTING  # noqa: E402

STAGES = ("reading", "queueing pages", "saving caches", "cards", "rendering", "search index", "fonts", "previews")
# The year the benchmark builds alone: inside every archive's range of years.
SEGMENT = "2020"
# How long the preview's measurement waits for an edit to be served before it fails.
PREVIEW_PATIENCE = 120


def anonymous_memory() -> int:
    """The machine's anonymous memory in use (/proc/meminfo's AnonPages):
    every process's heap, each page counted once however many forked
    processes share it, and no file pages (the output written). Read in
    constant time: a process's proportional set size (smaps_rollup) took
    150 ms to read at 2.7 GB and held the process's memory map meanwhile,
    so sampling it slowed the very build it measured, the more the larger
    the archive (a whole core at 100,000 articles)."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("AnonPages:"):
                return int(line.split()[1]) * 1024
    return 0


def measured(command: list[str], cwd: Path) -> dict:
    """Run a command; its wall time, CPU time (its own and its descendants'),
    output, and its process tree's memory over time."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    idle = anonymous_memory()
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples = []

    def sample():
        while process.poll() is None:
            samples.append((time.monotonic() - started, max(0, anonymous_memory() - idle)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.monotonic() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    # Counted once the command is waited for: with every descendant it waited for.
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {"wall": wall, "cpu": cpu, "stdout": stdout, "samples": samples}


def file_system_probe(folder: Path, files: int = 2000) -> float:
    """Milliseconds to write one new 25 KB page file the way the build does
    (akhbar.kept.replace_file: under a partial name, renamed into place), over `files` of them.
    Printed beside each cold build: on the machine these figures come from
    (ext4 without a journal), a file is created in 0.1 ms, or in up to 1 ms
    for a minute or more after many files were deleted, whose inodes the
    file system will not yet reuse but looks at again for every new file
    (docs/builds.md, "Pages, processes and the disk, 5 Dec 2026"). So the
    probe's files are not deleted here, but with the benchmark's folder."""
    folder.mkdir()
    data = b"x" * 25_000
    started = time.perf_counter()
    for number in range(files):
        replace_file(folder / f"{number:06d}.html", data)  # the build's own way to write a page
    return round((time.perf_counter() - started) / files * 1000, 2)


def megabytes(value: float) -> int:
    return round(value / 1e6)


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def pelican_command(output: Path, *settings: str) -> list[str]:
    return [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", "pelican.conf.py",
            "-o", str(output), "-e", f'WEBFONTS_CACHE="{ROOT / ".build" / "webfonts"}"', *settings]


def stages_of(run: dict) -> dict:
    """Seconds and peak memory of each stage, from the build summary and the samples."""
    summary = re.search(r"^Build summary: .*$", run["stdout"], re.M)
    if not summary:
        raise SystemExit("no build summary:\n" + run["stdout"][-2000:])
    seconds = {name: float(value) for name, value in re.findall(r"(\w[\w ]*?) ([\d.]+) s", summary[0].split(";")[1])}
    written = int(re.search(r"(\d+) pages written", summary[0])[1])
    # The stages run one after the other and end with the build; what runs
    # before the first (starting Python, Pelican, plugins) is "starting".
    bounds, end = {}, run["wall"]
    for name in reversed(STAGES):
        if name in seconds:
            bounds[name] = (end - seconds[name], end)
            end -= seconds[name]
    result = {"starting": {"seconds": round(end, 1)}}
    for name in STAGES:
        if name in bounds:
            low, high = bounds[name]
            peak = max((rss for at, rss in run["samples"] if low <= at <= high), default=0)
            result[name] = {"seconds": round(seconds[name], 2), "peak_memory_mb": megabytes(peak)}
    return {"stages": result, "pages_written": written}


def peak(run: dict) -> int:
    return max((rss for _, rss in run["samples"]), default=0)


# -- the baseline: the same articles, plain Pelican, then Pagefind ------------

# Above this the baseline is not run: the Pagefind CLI holds the whole index in
# memory (about 4 GB at 10,000 pages), which a 100,000-article archive would
# take past this machine's memory.
BASELINE_MAX_ARTICLES = 20_000

BASELINE_SETTINGS = """\
SITENAME = "Baseline"
PATH = "content"
TIMEZONE = "Asia/Karachi"
DEFAULT_LANG = "ur"
RELATIVE_URLS = True
DEFAULT_PAGINATION = 20
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


def baseline_project(project: Path, scratch: Path) -> Path:
    """The same articles as plain Markdown: what the importer found in each seed
    (headline, date, category, the people and places it names as tags, the
    text without site chrome), and the English Markdown as it is."""
    from seed_reader.importer import extractor_for, import_seed

    plain = scratch / f"{project.name}-plain"
    content = plain / "content"
    content.mkdir(parents=True)
    (plain / "pelican.conf.py").write_text(BASELINE_SETTINGS, encoding="utf-8")
    extractor = extractor_for()
    for seed in sorted((project / "seeds").glob("*.txt")):
        found = import_seed(seed, extractor).extraction
        lines = [f"Title: {found.title}", f"Date: {found.date or '2000-01-01'}", f"Slug: {seed.stem}"]
        if found.category:
            lines.append(f"Category: {found.category.en}")
        if found.entities:
            lines.append("Tags: " + ", ".join(m.entry.en for m in found.entities))
        (content / f"{seed.stem}.md").write_text(
            "\n".join(lines) + "\n\n" + "\n\n".join(found.paragraphs) + "\n", encoding="utf-8")
    shutil.copytree(project / "content" / "en", content / "en")
    return plain


def baseline(project: Path, scratch: Path) -> dict:
    plain = baseline_project(project, scratch)
    output = plain / "output"
    probe = file_system_probe(scratch / "probe-baseline")
    build = measured([sys.executable, "-m", "pelican", "-s", "pelican.conf.py", "-o", str(output)], plain)
    index = measured([sys.executable, "-m", "pagefind", "--site", str(output)], plain)
    return {
        "pelican_seconds": round(build["wall"], 1),
        "cpu_seconds": round(build["cpu"] + index["cpu"], 1),
        "pelican_peak_memory_mb": megabytes(peak(build)),
        "pages": sum(1 for _ in output.rglob("*.html")),
        "pagefind_seconds": round(index["wall"], 1),
        "pagefind_peak_memory_mb": megabytes(peak(index)),
        "total_seconds": round(build["wall"] + index["wall"], 1),
        "peak_memory_mb": megabytes(max(peak(build), peak(index))),
        "file_system_ms_per_new_file_before": probe,
    }


# -- one archive --------------------------------------------------------------

def edit_one_seed(project: Path, offset: int = 0, sentence: str = "اس خبر میں ترمیم کی گئی ہے۔") -> Path:
    """Add a sentence to the end of the first paragraph of one seed's article, as
    an editor would. Inside the body: a line added at the end of the file
    follows the page's tags and related stories, where the importer reads a
    short sentence as the page's own (at bdb24a3 such an edit changed no page,
    and the preview's measurement waited for it forever)."""
    from seed_reader.importer import extractor_for, import_seed

    seeds = sorted((project / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 2 + offset]
    first = import_seed(seed, extractor_for()).extraction.paragraphs[0]
    lines = seed.read_text(encoding="utf-8").split("\n")
    ending = first.strip()[-30:]
    at = next((index for index, line in enumerate(lines) if line.rstrip().endswith(ending)), None)
    if at is None:
        raise RuntimeError(f"{seed.name}: its first paragraph is on no line of its own")
    lines[at] = f"{lines[at].rstrip()} {sentence}"
    seed.write_text("\n".join(lines), encoding="utf-8")
    return seed


def page_of(output: Path, seed: Path) -> Path:
    from seed_reader.importer import slug_for

    return output / f"{slug_for(seed)}.html"


def check_shown(output: Path, seed: Path, sentence: str) -> None:
    """A build measured after an edit must have made the edited page again."""
    if sentence not in page_of(output, seed).read_text(encoding="utf-8"):
        raise RuntimeError(f"the edit to {seed.name} is not on its page: the measured build changed nothing")


def make_command(project: Path, *arguments: str) -> list[str]:
    """`make …` in the benchmark's archive, with this checkout's venv and fonts."""
    for name in ("Makefile", "requirements.txt", "tools"):
        source = ROOT / name
        if not (project / name).exists():
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    return ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}",
            f"SETTINGS=WEBFONTS_CACHE=\"{ROOT / '.build' / 'webfonts'}\"", *arguments]


def make_html_after_an_edit(project: Path) -> dict:
    """`make html` after an editor's change to one more seed, the whole
    command: in a process of its own, then by the resident build (make
    resident, started after that build: its start is timed apart)."""
    command = make_command(project, "html")
    # Once unmeasured: the first make html fills its scratch folder with links to every file.
    measured(command, project)
    edited = edit_one_seed(project, offset=1, sentence="اس خبر میں دوسری ترمیم کی گئی ہے۔")
    alone = measured(command, project)
    check_shown(project / "output", edited, "اس خبر میں دوسری ترمیم کی گئی ہے۔")
    started = measured(make_command(project, "resident"), project)
    try:
        edited = edit_one_seed(project, offset=2, sentence="اس خبر میں تیسری ترمیم کی گئی ہے۔")
        by_resident = measured(command, project)
        check_shown(project / "output", edited, "اس خبر میں تیسری ترمیم کی گئی ہے۔")
    finally:
        subprocess.run(make_command(project, "stop-resident"), cwd=project, check=False)
    # How the resident build made it: a quick rebuild of its held build, or why not.
    how = re.search(r"quick rebuild: .*|not a quick rebuild \(.*\)", by_resident["stdout"])
    return {"alone": alone["wall"], "resident_start": started["wall"], "by_resident": by_resident["wall"],
            "by_resident_how": how[0] if how else "a whole build (no held build)"}


def segment_build(project: Path) -> dict:
    """`make html SEGMENT=…` of one year with nothing kept, as on a fresh CI
    runner. From 10,000 articles up the corpus has about 1,000 articles a
    year (a smaller one spans ten years), so this must not grow with the
    archive (issue 19)."""
    run = measured(make_command(project, "html", f"SEGMENT={SEGMENT}"), project)
    sources = sum(1 for s in read_segments(project / "published-urls.txt").values() if s == SEGMENT)
    return {"segment": SEGMENT, "sources": sources, "seconds": round(run["wall"], 1),
            "cpu_seconds": round(run["cpu"], 1), "peak_memory_mb": megabytes(peak(run))}


def preview_after_an_edit(project: Path) -> dict:
    """make serve on the archive (tools/preview.py, as `make serve` starts it):
    how long from saving an edit to one seed until its new page is served, how
    many pages the edit made again from memory, how long the preview's worker
    takes to load the build, and the whole build that follows the edit."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    preview = subprocess.Popen(
        [sys.executable, "tools/preview.py", str(port),
         "--setting", f'WEBFONTS_CACHE="{ROOT / ".build" / "webfonts"}"'],
        cwd=project, text=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    said = []

    def wait_for(pattern: str) -> re.Match:
        for line in preview.stdout:
            said.append(line)
            if found := re.search(pattern, line):
                return found
        raise RuntimeError("the preview stopped:\n" + "".join(said[-20:]))

    try:
        loaded = wait_for(r"Live preview ready: .* \(loaded in ([0-9.]+) s, (\d+) MB\)")
        sentence = f"پیش نظارے کی ترمیم {time.monotonic_ns()}۔"
        seed = edit_one_seed(project, offset=3, sentence=sentence)
        saved = time.monotonic()
        page = f"http://127.0.0.1:{port}/{page_of(Path(), seed).name}"
        while True:
            with urllib.request.urlopen(page) as response:
                if sentence in response.read().decode("utf-8"):
                    break
            if time.monotonic() - saved > PREVIEW_PATIENCE:
                raise RuntimeError(f"the edit to {seed.name} was not served within {PREVIEW_PATIENCE} s")
            time.sleep(0.01)
        served = time.monotonic() - saved
        shown = wait_for(r"preview: (\d+) page\(s\) shown in ([0-9.]+) s")
        rebuilt = wait_for(r"rebuilt in ([0-9.]+) s")
    finally:
        preview.terminate()
        preview.wait()
    return {"seconds_from_save_to_served": round(served, 2), "pages_from_memory": int(shown[1]),
            "worker_seconds": float(shown[2]), "worker_load_seconds": float(loaded[1]),
            "worker_memory_mb": int(loaded[2]),
            "make_html_after_seconds": float(rebuilt[1])}


def importer_on_corpus(project: Path, answers: dict, sample: int = 900) -> dict:
    """Headlines and dates the importer gets right on (a sample of) the corpus,
    against the answers the generator knows; dates given as sure where the
    text states none are counted apart (they must stay 0). Also its CPU time
    a seed, and the parts of it that are not extraction: the names the
    glossary lacks (issue 18) and the print duplicate detection compares
    (issue 15)."""
    from seed_reader.archive_chrome import candidates_of_file, learn_archive_chrome
    from seed_reader.decoding import decode_seed
    from seed_reader.duplicates import body_print
    from seed_reader.importer import extractor_for, import_seed

    seeds = sorted(project.glob("seeds/*.txt"))
    archive_chrome = frozenset(learn_archive_chrome(candidates_of_file(p) for p in seeds))
    pools, extractor = corpus.Pools(), extractor_for()
    counts = {"titles": [0, 0], "dates": [0, 0], "invented_dates": 0}
    cpu = {"import": 0.0, "without_names": 0.0, "print": 0.0}
    timed = 0
    for path in seeds[:sample]:
        answer = answers[path.name]
        if "same_as" in answer:
            continue  # a copy of another article (issue 15): scored by duplicates_bench
        started = time.process_time()
        found = import_seed(path, extractor, archive_chrome).extraction
        cpu["import"] += time.process_time() - started
        started = time.process_time()
        import_seed(path, extractor, archive_chrome, with_names=False)
        cpu["without_names"] += time.process_time() - started
        text = decode_seed(path.read_bytes()).text
        started = time.process_time()
        body_print(text, found.paragraphs)
        cpu["print"] += time.process_time() - started
        timed += 1
        if answer["title"]:
            counts["titles"][1] += 1
            same = corpus.without_names(found.title, pools) == corpus.without_names(answer["title"], pools)
            counts["titles"][0] += same and found.title_confidence == "high"
        if answer["date"]:
            counts["dates"][1] += 1
            counts["dates"][0] += (found.date.isoformat() if found.date else None) == answer["date"]
        elif found.date and found.date_confidence == "high":
            counts["invented_dates"] += 1
    result = {key: value if isinstance(value, int) else f"{value[0]}/{value[1]}" for key, value in counts.items()}
    per_seed = {key: round(seconds / max(timed, 1) * 1000, 2) for key, seconds in cpu.items()}
    names = max(per_seed["import"] - per_seed["without_names"], 0.0)
    result["cpu_ms_per_seed"] = {
        "import": per_seed["import"], "names": round(names, 2), "duplicate_print": per_seed["print"],
        "extraction": round(per_seed["import"] - names - per_seed["print"], 2)}
    return result


def build(count: int, scratch: Path) -> dict:
    project = scratch / f"archive-{count}"
    project.mkdir()
    for name in ("pelican.conf.py", "theme", "plugins"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    started = time.monotonic()
    answers = corpus.generate(count, project)
    generated = time.monotonic() - started
    importer = importer_on_corpus(project, answers)
    output = project / "output"

    probe = file_system_probe(scratch / f"probe-{count}")
    full = measured(pelican_command(output), project)
    full_stages = stages_of(full)
    decisions = (project / ".build" / "cache" / LISTING).read_text(encoding="utf-8").splitlines()
    pages = sum(1 for _ in output.rglob("*.html"))
    edited = edit_one_seed(project)
    rebuild = measured(pelican_command(output), project)
    check_shown(output, edited, "اس خبر میں ترمیم کی گئی ہے۔")
    rebuild_stages = stages_of(rebuild)
    make_html = make_html_after_an_edit(project)
    preview = preview_after_an_edit(project)
    segment = segment_build(project)
    ours = {
        "articles": count,
        "corpus_seconds": round(generated, 1),
        "importer_on_corpus": importer,
        "duplicates_on_corpus": duplicates_bench.score(answers, decisions),
        "build_seconds": round(full["wall"], 1),
        "build_cpu_seconds": round(full["cpu"], 1),
        "peak_memory_mb": megabytes(peak(full)),
        **full_stages,
        # The disk's speed right before the build (file_system_probe): it changes from run to run.
        "file_system_ms_per_new_file_before": probe,
        "pages": pages,
        "pages_per_second": round(pages / full["wall"]),
        "output_mb": round(size_of(output) / 1e6, 1),
        "pagefind_mb": round(size_of(output / "pagefind") / 1e6, 1),
        "offline_index_mb": round(size_of(output / "search") / 1e6, 1),
        "rebuild_after_editing_one_seed": {
            "seed": edited.name,
            "seconds": round(rebuild["wall"], 1),
            "peak_memory_mb": megabytes(peak(rebuild)),
            **rebuild_stages,
        },
        # What an editor waits for: the scratch folder readied, Pelican, the swap.
        "make_html_after_editing_one_seed_seconds": round(make_html["alone"], 1),
        # The same with make resident running; resident_start_seconds is make resident's own
        # (a make html with nothing changed, then the process reading the archive and holding
        # the build).
        "make_html_by_resident_build_after_editing_one_seed_seconds": round(make_html["by_resident"], 1),
        "resident_start_seconds": round(make_html["resident_start"], 1),
        "make_html_by_resident_build_was": make_html["by_resident_how"],
        # make serve: from saving an edit to the new page served (issue 19: ≤ 2 s at 10,000).
        "preview_after_editing_one_seed": preview,
        # One year built alone (make html SEGMENT=…): the same size in every archive.
        "segment_build": segment,
    }
    if count <= BASELINE_MAX_ARTICLES:
        base = baseline(project, scratch)
        ours["baseline_plain_pelican_and_pagefind"] = base
        ours["ratio_to_baseline"] = {
            "build_time": round(full["wall"] / base["total_seconds"], 2),
            "build_cpu_time": round(full["cpu"] / base["cpu_seconds"], 2),
            "peak_memory": round(peak(full) / 1e6 / base["peak_memory_mb"], 2),
        }
    ours["search"] = search_bench.main(output)
    return ours


def growth(small: dict, large: dict) -> dict:
    """How much longer the largest archive took than the smallest: the whole
    build, each stage, the rebuild and the preview (issue 19: at most the
    ratio of articles, and 10.5 from 10,000 to 100,000)."""
    def ratio(a, b):
        return round(a / b, 1) if b else None

    stages = {name: ratio(large["stages"][name]["seconds"], small["stages"][name]["seconds"])
              for name in ("starting", *STAGES) if name in small["stages"] and name in large["stages"]}
    return {
        "articles": ratio(large["articles"], small["articles"]),
        "build_time": ratio(large["build_seconds"], small["build_seconds"]),
        "build_cpu_time": ratio(large["build_cpu_seconds"], small["build_cpu_seconds"]),
        "stages": stages,
        "peak_memory": ratio(large["peak_memory_mb"], small["peak_memory_mb"]),
        "rebuild_after_editing_one_seed": ratio(large["rebuild_after_editing_one_seed"]["seconds"],
                                                small["rebuild_after_editing_one_seed"]["seconds"]),
        "segment_build": ratio(large["segment_build"]["seconds"], small["segment_build"]["seconds"]),
        "preview_save_to_served": ratio(large["preview_after_editing_one_seed"]["seconds_from_save_to_served"],
                                        small["preview_after_editing_one_seed"]["seconds_from_save_to_served"]),
    }


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-") as scratch:
        report = []
        for count in counts:
            report.append(build(count, Path(scratch)))
            print(json.dumps(report[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    if len(report) > 1:
        report.append({"growth": growth(report[0], report[-1])})
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000])
