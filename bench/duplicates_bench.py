"""Duplicate detection on the benchmark corpus (issue 15): precision and recall
against the copies corpus.py planted, and the time of detection alone.

`score` reads the decisions a build lists in .build/cache/duplicates.txt (as
bench/run.py does after its build); run on its own, this script imports a
corpus of each size (every core) and times the detection step by itself, in
CPU seconds of one process:
making every seed's print (signature), the LSH index and measured pairs, the
decision; then the same for one edited seed with the index kept.

    python bench/duplicates_bench.py 1000 10000
"""

import json
import multiprocessing
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

import corpus  # noqa: E402
from seed_reader.archive_chrome import candidates_of_file, learn_archive_chrome  # noqa: E402
from seed_reader.decoding import SeedError  # noqa: E402
from seed_reader.duplicates import BodyIndex, Thresholds, body_print, report  # noqa: E402
from seed_reader.importer import extractor_for, import_seed  # noqa: E402
from seed_reader.same_story import copy_of, decide  # noqa: E402

DECISION = re.compile(r"^(\S+\.txt): same (?:article|story) as (\S+\.txt)")


def pairs_of(groups) -> set[frozenset]:
    return {frozenset((a, b)) for group in groups for a in group for b in group if a < b}


def groups_of(links) -> list[set]:
    """Groups of file names joined by (a, b) links."""
    group_of: dict[str, set] = {}
    for a, b in links:
        joined = group_of.get(a, {a}) | group_of.get(b, {b})
        for name in joined:
            group_of[name] = joined
    return list({id(group): group for group in group_of.values()}.values())


def score(answers: dict, lines: list[str]) -> dict:
    """Pairwise precision and recall of the decisions (lines of duplicates.txt)
    against the corpus's answers; distinct articles merged must stay 0."""
    truth = pairs_of(groups_of((name, answer["same_as"]) for name, answer in answers.items() if "same_as" in answer))
    found = pairs_of(groups_of((Path(m[1]).name, Path(m[2]).name) for m in map(DECISION.match, lines) if m))
    right = truth & found
    kinds = {}
    for name, answer in answers.items():
        if "same_as" in answer:
            hit = kinds.setdefault(answer["style"], [0, 0])
            hit[1] += 1
            hit[0] += frozenset((name, answer["same_as"])) in found
    return {
        "copies": len(truth),
        "precision": round(len(right) / len(found), 3) if found else 1.0,
        "recall": round(len(right) / len(truth), 3) if truth else 1.0,
        "distinct_articles_merged": len(found - truth),
        "found_by_kind": {kind: f"{hit}/{total}" for kind, (hit, total) in sorted(kinds.items())},
    }


_CHROME = frozenset()


def _import(path: str):
    try:
        return path, import_seed(Path(path), extractor_for(), _CHROME)
    except SeedError:
        return path, None


def imported_corpus(project: Path) -> dict:
    global _CHROME
    paths = sorted(project.glob("seeds/*.txt"))
    _CHROME = frozenset(learn_archive_chrome(candidates_of_file(p) for p in paths))
    with multiprocessing.get_context("fork").Pool() as pool:
        found = dict(pool.imap(_import, map(str, paths), chunksize=32))
    return {f"seeds/{Path(path).name}": seed for path, seed in found.items() if seed is not None}


def detection(imported: dict) -> dict:
    """Seconds of each step of detection alone (CPU seconds of this one
    process: a shared machine's other work does not count), and its decisions."""
    texts = {seed: found.extraction.paragraphs for seed, found in imported.items()}
    started = time.process_time()
    _prints = {seed: body_print("", paragraphs) for seed, paragraphs in texts.items()}
    printed = time.process_time()
    copies = {seed: copy_of(seed, found) for seed, found in imported.items()}
    bodies = {seed: found.body for seed, found in imported.items()}
    index = BodyIndex(Thresholds())
    stories, _ = decide(copies, bodies, set(), index)
    decided = time.process_time()
    # One seed edited, the index kept: it alone is looked up.
    edited = sorted(bodies)[len(bodies) // 2]
    texts[edited] = [*texts[edited], "اس خبر میں ترمیم کی گئی ہے۔"]
    bodies[edited] = body_print("edited", texts[edited])
    again = time.process_time()
    decide(copies, bodies, set(), index)
    return {
        "seeds": len(imported),
        "signatures_seconds": round(printed - started, 2),
        "index_and_decision_seconds": round(decided - printed, 2),
        "cold_total_seconds": round(decided - started, 2),
        "measured_pairs": len(index.pairs),
        "after_editing_one_seed_seconds": round(time.process_time() - again, 3),
        "looked_up_after_editing_one_seed": len(index.looked_up),
    }, [line for story in stories for line in report(story)]


def main(counts: list[int]) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="akhbar-duplicates-") as scratch:
            answers = corpus.generate(count, Path(scratch))
            imported = imported_corpus(Path(scratch))
            times, lines = detection(imported)
            print(json.dumps({"articles": count, **times, **score(answers, lines)}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000])
