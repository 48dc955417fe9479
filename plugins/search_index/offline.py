"""The offline index: the same records as Pagefind's, as script files a page
opened from disk can load (browsers refuse fetch() and module imports over
file://, which is why Pagefind cannot run there; <script src> still works).

One index per bundle (a year of articles, as for Pagefind), in
search/offline/<bundle>/:

docs.js         every record's URL and meta, in rank order (bundles.py), and
                which term file holds the words of each two-letter prefix
terms/<k>.js    word -> postings (postings()), for the words whose first two
                characters are the prefix <k> stands for (so a prefix lookup
                reads one file)
text/<n>.js     record texts as written, 100 per file, for excerpts

OFFLINE_FORMAT is what search.js reads these with (contract.py).
"""

import json
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from .records import SearchRecord

TEXT_CHUNK = 100
SHARD_PREFIX = 2  # characters
_RADIX, _GAP, _COUNT = 36, ",", "."
OFFLINE_FORMAT = {"shard_prefix": SHARD_PREFIX, "postings": {"radix": _RADIX, "gap": _GAP, "count": _COUNT}}


def shard_key(word: str) -> str:
    """The term file of a word: its first characters as code points, a file
    name that any file system takes."""
    return "-".join(f"{ord(c):04x}" for c in word[:SHARD_PREFIX])


def script_data(data) -> str:
    """JSON for a script file, with < > & as escapes: article text is never markup there."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script(name: str, data) -> str:
    return f"AkhbarOffline.load({json.dumps(name)},{script_data(data)});\n"


def postings(counts: list[tuple[int, int]]) -> str:
    """Record numbers as base-36 gaps, with ".count" where a word occurs more than once."""
    out, previous = [], 0
    for number, count in counts:
        gap = _base36(number - previous)
        out.append(gap if count == 1 else f"{gap}{_COUNT}{_base36(count)}")
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


def write_offline_index(records: list[SearchRecord], folder: Path, bundle: str) -> None:
    """The offline index of one bundle; its scripts register as "<bundle>/docs" and so on."""
    shutil.rmtree(folder, ignore_errors=True)
    shards: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for number, record in enumerate(records):
        for word, count in sorted(Counter(record.terms()).items()):
            shards[word[:SHARD_PREFIX]][word].append((number, count))
    (folder / "terms").mkdir(parents=True, exist_ok=True)
    (folder / "text").mkdir(parents=True, exist_ok=True)
    keys = {prefix: shard_key(prefix) for prefix in shards}
    for prefix, table in shards.items():
        encoded = {word: postings(counts) for word, counts in table.items()}
        key = keys[prefix]
        (folder / "terms" / f"{key}.js").write_text(_script(f"{bundle}/terms/{key}", encoded), encoding="utf-8")
    docs = {"shards": keys, "chunk": TEXT_CHUNK, "records": [r.as_dict() for r in records]}
    (folder / "docs.js").write_text(_script(f"{bundle}/docs", docs), encoding="utf-8")
    for start in range(0, len(records), TEXT_CHUNK):
        chunk = [r.text for r in records[start:start + TEXT_CHUNK]]
        number = start // TEXT_CHUNK
        (folder / "text" / f"{number}.js").write_text(_script(f"{bundle}/text/{number}", chunk), encoding="utf-8")
