"""Recall of a page set's `key_entities`, through the glossary and `find_names`.

    PYTHONPATH=plugins .venv/bin/python bench/names_recall.py PAGES_DIR [--sample FILE]

PAGES_DIR holds pages as plain text and `answers.json` (a list of objects with
`file` and `key_entities`). Each page goes through the importer as `make
extract` runs it (its `entities` and `names`).

An answer entity counts as found when, after `fold_for_matching` and split
into words, it
  - equals a candidate: a spelling the glossary matched, any variant or the
    ur/en name of a matched entry, or the text of a found name; or
  - contains a candidate, or is contained in one, as a run of whole words,
    where the shorter of the two has at least 2 words ("Justice Jamal Khan
    Mandokhail" is found by the name "Jamal Khan Mandokhail", but "Pakistan
    Tehreek-e-Insaf (PTI)" is not found by "PTI" alone).

Prints recall per page (worst first) and overall, and how many names were found.
With --sample FILE, writes 100 found names (random, fixed seed) with their page
and reason to FILE, for checking precision by hand.
"""

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "plugins"))
from seed_reader.decoding import decode_seed  # noqa: E402
from seed_reader.entities import words  # noqa: E402
from seed_reader.importer import extractor_for  # noqa: E402
from seed_reader.knowledge import DATA_DIR  # noqa: E402

SAMPLE_SIZE = 100


def _contains(long: tuple, short: tuple) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def found(answer: str, candidates: set[tuple[str, ...]]) -> bool:
    wanted = tuple(words(answer))
    if not wanted:
        return False
    for candidate in candidates:
        if candidate == wanted:
            return True
        shorter, longer = sorted((candidate, wanted), key=len)
        if len(shorter) >= 2 and _contains(longer, shorter):
            return True
    return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("--sample", type=Path, help="write 100 found names here")
    args = parser.parse_args(argv)
    answers = json.loads((args.pages / "answers.json").read_text(encoding="utf-8"))
    extractor = extractor_for(DATA_DIR)
    total = hits = 0
    rows, all_names = [], []
    for page in answers:
        extraction = extractor.extract(decode_seed((args.pages / page["file"]).read_bytes()).text)
        names = extraction.names
        all_names.extend((page["file"], name) for name in names)
        candidates = {tuple(words(n.text)) for n in names}
        for mention in extraction.entities:
            entry = mention.entry
            for spelling in (*mention.spellings, *entry.variants, entry.ur, entry.en):
                candidates.add(tuple(words(spelling)))
        missed = [a for a in page["key_entities"] if not found(a, candidates)]
        wanted = len(page["key_entities"])
        total += wanted
        hits += wanted - len(missed)
        rows.append((page["file"], wanted - len(missed), wanted, missed))
    for file, got, wanted, missed in sorted(rows, key=lambda r: (r[1] / r[2] if r[2] else 1, r[0])):
        print(f"{file}: {got}/{wanted}" + (f"  missed: {', '.join(missed)}" if missed else ""))
    print(f"recall: {hits}/{total} = {hits / total:.1%} over {len(rows)} pages; names found: {len(all_names)}")
    if args.sample:
        sample = random.Random(18).sample(all_names, min(SAMPLE_SIZE, len(all_names)))
        args.sample.write_text(
            "".join(f"{file}\t{n.kind}\t{n.text}\t{n.reason}\n" for file, n in sample), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
