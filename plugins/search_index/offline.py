"""The offline index and the result records: the same records as Pagefind's,
as script files a page opened from disk can load (browsers refuse fetch()
and module imports over file://, which is why Pagefind cannot run there;
<script src> still works).

For each bundle (as for Pagefind: a year of articles, or part of one, bundles.py), under search/:

offline/<bundle>/docs.js      which term file holds the words of each
                              two-letter prefix
offline/<bundle>/terms/<k>.js word -> postings (postings()), for the words
                              whose first two characters are the prefix <k>
                              stands for (so a prefix lookup reads one file)
records/<bundle>/<n>.js       the n-th record of the bundle in rank order
                              (bundles.py): its URL, meta, text as written and
                              the indexed words its text does not give
                              (SearchRecord.shown); what the page shows of a
                              result, over http too (Pagefind's fragments then
                              need not carry the text)

OFFLINE_FORMAT is what search.js reads these with (contract.py). Each file
calls LOADER.load(name, data), name being its path without ".js".
"""

import json
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from .records import SearchRecord

LOADER = "AkhbarSearch"
SHARD_PREFIX = 2  # characters
PATHS = {"docs": "offline/{bundle}/docs", "terms": "offline/{bundle}/terms/{key}",
         "record": "records/{bundle}/{number}"}
_RADIX, _GAP, _COUNT = 36, ",", "."
OFFLINE_FORMAT = {"loader": LOADER, "paths": PATHS, "shard_prefix": SHARD_PREFIX,
                  "postings": {"radix": _RADIX, "gap": _GAP, "count": _COUNT}}


def shard_key(word: str) -> str:
    """The term file of a word: its first characters as code points, a file
    name that any file system takes."""
    return "-".join(f"{ord(c):04x}" for c in word[:SHARD_PREFIX])


def script_data(data) -> str:
    """JSON for a script file, with < > & as escapes: article text is never markup there."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def postings(counts: list[tuple[int, int]]) -> str:
    """Record numbers as base-36 gaps, with ".count" where a word occurs more than once."""
    # The table inline, not a call per number: an archive has millions of postings.
    table, size = _BASE36, len(_BASE36)
    out, previous = [], 0
    for number, count in counts:
        distance = number - previous
        gap = table[distance] if distance < size else _base36(distance)
        out.append(gap if count == 1 else gap + _COUNT + (table[count] if count < size else _base36(count)))
        previous = number
    return _GAP.join(out)


_DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"
# Gaps and counts are mostly small: the first 36**3 numbers are looked up.
_BASE36 = [a + b + c for a in _DIGITS36 for b in _DIGITS36 for c in _DIGITS36]
_BASE36 = [n.lstrip("0") or "0" for n in _BASE36]


def _base36(value: int) -> str:
    if value < len(_BASE36):
        return _BASE36[value]
    text = ""
    while True:
        value, remainder = divmod(value, 36)
        text = _DIGITS36[remainder] + text
        if value == 0:
            return text


def bundle_folders(search: Path, bundle: str) -> tuple[Path, Path]:
    """The folders of one bundle's files under `search` (the site's search/):
    its offline index, and its record files."""
    return (search / PATHS["docs"].format(bundle=bundle)).parent, \
        (search / PATHS["record"].format(bundle=bundle, number=0)).parent


def bundle_roots(search: Path) -> tuple[Path, Path]:
    """The folders that hold a folder per bundle (bundle_folders)."""
    return search / PATHS["docs"].split("/")[0], search / PATHS["record"].split("/")[0]


def write_offline_index(records: list[SearchRecord], search: Path, bundle: str) -> None:
    """The offline index and the record files of one bundle."""
    # Word by word first, then shard by shard: a bundle has some 500,000
    # (record, word) pairs, and a lookup per pair in nested tables was a fifth
    # of this process's time.
    occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, record in enumerate(records):
        for word, count in Counter(record.terms()).items():
            occurrences[word].append((number, count))
    shards: dict[str, dict[str, str]] = defaultdict(dict)
    for word, counts in occurrences.items():
        shards[word[:SHARD_PREFIX]][word] = postings(counts)
    for folder in bundle_folders(search, bundle):
        shutil.rmtree(folder, ignore_errors=True)
    scripts = _ScriptFolder(search)
    keys = {prefix: shard_key(prefix) for prefix in shards}
    for prefix, encoded in shards.items():
        scripts.write(PATHS["terms"].format(bundle=bundle, key=keys[prefix]), encoded)
    scripts.write(PATHS["docs"].format(bundle=bundle), {"shards": keys})
    for number, record in enumerate(records):
        scripts.write(PATHS["record"].format(bundle=bundle, number=number), record.shown())


class _ScriptFolder:
    """Script files under `search`, each folder made once: a bundle writes
    over a thousand files into a few folders."""

    def __init__(self, search: Path):
        self.search, self.made = search, set()

    def write(self, path: str, data) -> None:
        folder, _, _ = path.rpartition("/")
        if folder not in self.made:
            (self.search / folder).mkdir(parents=True, exist_ok=True)
            self.made.add(folder)
        with open(self.search / f"{path}.js", "w", encoding="utf-8") as script:
            script.write(f"{LOADER}.load({json.dumps(path)},{script_data(data)});\n")

