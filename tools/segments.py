"""The archive's segments (akhbar.segments), for CI and for the merge.

`segments.py list`: the segments the record of published URLs names, as a
JSON list (a CI job matrix: one runner per segment, `make html SEGMENT=…`).

`segments.py merge SEGMENTS SCRATCH CACHE`: ready a whole build that joins the
segment builds under SEGMENTS (each `SEGMENTS/<name>/output` and `…/cache`).
SCRATCH becomes the union of their output folders (hard links) and CACHE gets
the union of what they kept: imported seeds, Markdown conversions, page and
search-bundle fingerprints, search records, share pictures. The whole build that follows
(`make merge-segments`) then imports nothing a segment imported, and renders
and indexes again only what differs from every segment's: listings that span
years, pages whose related stories cross a year, the search lexicon. Each file
comes with the fingerprint of the segment that wrote it, so whatever the
segments got wrong for the whole archive is made again: the result is the
whole build's, byte for byte (tests/test_segments.py).
"""

import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "plugins"))

from akhbar.kept import KeptBlobs, load_kept, load_plain, replace_file, save_kept, save_plain  # noqa: E402
from akhbar.published_urls import read_segments  # noqa: E402
from akhbar.segments import known_segments  # noqa: E402
from markdown_reader.conversions import VERSION as CONVERSIONS_VERSION  # noqa: E402
from seed_reader.imports import CACHE_FILE as SEEDS_FILE  # noqa: E402
from seed_reader.imports import CACHE_VERSION as SEEDS_VERSION  # noqa: E402
from share_previews.previews import FOLDER as PREVIEWS  # noqa: E402

# Pelican copies the theme's files in place: never shared between folders (scratch_output.py).
UNLINKED = "theme"
# Fingerprints of output files, each entry valid only beside the very file it was written with.
MANIFESTS = ("pages.json", "search.json")


def segment_folders(segments: Path) -> list[Path]:
    return sorted(p for p in segments.iterdir() if (p / "output").is_dir() and not p.is_symlink())


def link_outputs(folders: list[Path], scratch: Path) -> dict[str, Path]:
    """Hard-link every segment's output files into scratch, the first segment
    (by name) to have a file giving it; which segment gave each file."""
    if scratch.is_symlink() or scratch.is_file():
        scratch.unlink()
    elif scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    given: dict[str, Path] = {}
    for folder in folders:
        output = folder / "output"
        for parent, subfolders, names in os.walk(output):
            if parent == str(output):
                subfolders[:] = [s for s in subfolders if s != UNLINKED]
            for name in names:
                source = Path(parent) / name
                relative = source.relative_to(output).as_posix()
                if relative in given:
                    continue
                (scratch / relative).parent.mkdir(parents=True, exist_ok=True)
                os.link(source, scratch / relative)
                given[relative] = folder
    return given


def kept_json(folder: Path, name: str) -> dict:
    """A JSON file a segment build kept, or nothing (a segment that never wrote it)."""
    try:
        return json.loads((folder / "cache" / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def merge_manifest(name: str, folders: list[Path], given: dict[str, Path]) -> dict:
    """Each output file's entry from the segment whose file is in the scratch."""
    entries = {}
    for folder in folders:
        entries.update({file: entry for file, entry in kept_json(folder, name).get("entries", {}).items()
                        if given.get(file) == folder})
    return {"version": 1, "entries": dict(sorted(entries.items()))}


def merge_kept_seeds(folders: list[Path], cache: Path) -> None:
    """The segments' kept imports (seed_reader/imports.py) in one store and one file."""
    merged = None
    KeptBlobs.remove(cache / "seeds.sqlite")
    imports = KeptBlobs(cache / "seeds.sqlite", SEEDS_VERSION)
    for folder in folders:
        kept = load_plain(folder / "cache" / SEEDS_FILE, SEEDS_VERSION)
        if kept is None:
            continue
        if merged is None:
            merged = {"importer": kept["importer"], "candidates": {}, "stamps": {}}
        for part in ("candidates", "stamps"):
            merged[part].update(kept[part])
        imports.merge(folder / "cache" / "seeds.sqlite")
    imports.close()
    if merged is not None:
        save_plain(cache / SEEDS_FILE, SEEDS_VERSION, merged)


def merge(segments: Path, scratch: Path, cache: Path) -> None:
    folders = segment_folders(segments)
    if not folders:
        raise SystemExit(f"{segments}: no segment builds (make html SEGMENT=… writes {segments}/<segment>/)")
    given = link_outputs(folders, scratch)
    cache.mkdir(parents=True, exist_ok=True)
    for name in MANIFESTS:
        replace_file(cache / name, json.dumps(merge_manifest(name, folders, given),
                                              ensure_ascii=False, separators=(",", ":")))
    records = {}
    for folder in folders:
        records.update(kept_json(folder, "search-records.json"))
    replace_file(cache / "search-records.json", json.dumps(dict(sorted(records.items())), separators=(",", ":")))
    merge_kept_seeds(folders, cache)
    conversions = {}
    for folder in folders:
        kept = load_kept(folder / "cache" / "markdown.pickle", CONVERSIONS_VERSION)
        conversions.update(kept["conversions"] if kept else {})
    save_kept(cache / "markdown.pickle", CONVERSIONS_VERSION, {"conversions": conversions})
    # Share pictures (publish builds), each named by a hash of what it is drawn from.
    for folder in folders:
        for image in sorted((folder / "cache" / PREVIEWS).glob("*.png")):
            kept = cache / PREVIEWS / image.name
            if not kept.exists():
                kept.parent.mkdir(parents=True, exist_ok=True)
                os.link(image, kept)
    print(f"Merging {len(folders)} segments ({', '.join(f.name for f in folders)}): {len(given)} files")


def main(argv: list[str]) -> None:
    if argv[:1] == ["list"] and len(argv) <= 2:
        record = Path(argv[1] if len(argv) == 2 else ROOT / "published-urls.txt")
        print(json.dumps(known_segments(read_segments(record))))
    elif argv[:1] == ["merge"] and len(argv) == 4:
        merge(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    else:
        raise SystemExit("usage: segments.py list [RECORD] | segments.py merge SEGMENTS SCRATCH CACHE")


if __name__ == "__main__":
    main(sys.argv[1:])
