"""Editors' corrections: a TOML file beside a seed that overrides extracted fields.

`seeds/123_abc.txt` is corrected by `seeds/123_abc.corrections.toml`, e.g.

    title = "روس اور امریکہ کے درمیان سفارتی رابطے جاری ہیں"
    date = 2021-12-15          # a TOML date, or "unknown"
    outlet = "eu-reporter"     # an id from data/outlets.toml
    category = "russia"        # an id from data/categories.toml
    source = "al-jazeera"      # a [[wire]] id from data/outlets.toml
    captions = [{ text = "…", credit = "اے پی" }]   # replaces the extracted captions
    slug = "russia-us-contacts"
    summary = "…"
    title_en = "Russia and the US keep talking"   # the English side's card of an Urdu article
    summary_en = "…"                              # and its summary there
    entities_add = ["dmitry-peskov"]    # ids from data/glossary.toml
    entities_remove = ["iran"]
    drop_lines = [3, 4]        # lines of the seed to leave out of the body
    body_starts_at = 12        # the body starts at this line of the seed
    duplicate_of = "002_6aa83e8293d70fa7.txt"        # the same article as that seed: publish that one
    not_duplicate_of = ["003_d5d1f4a12c482239.txt"]  # never one story with these, however alike
    source_url = "https://www.dawnnews.tv/news/1174311"   # where the page was scraped from

A corrected field is shown with full confidence, and a title, date or outlet
that differs from what was extracted is listed in `corrected`, for the article
to say so. A corrected title that is
also a line of the body leaves the body. A field with a mistake is reported
(`file:line: reason`) and the others still apply, so the article is still
built, with what was extracted for that field. Seeds are never rewritten.
"""

import datetime as dt
import difflib
import math
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from akhbar import urls
from akhbar.normalize import BIDI_CONTROLS

from .dates import YEARS as SUPPORTED_YEARS
from .decoding import SeedError
from .entities import EntityMention, words
from .extract import READING_SPEED, Caption, Extraction, RemovedLine, lede_summary
from .knowledge import Knowledge
from .page import same_text

SUFFIX = ".corrections.toml"
FIELDS = {
    "title": str,
    "title_en": str,
    "summary": str,
    "summary_en": str,
    "date": (dt.date, str),
    "outlet": str,
    "category": str,
    "source": str,
    "captions": list,
    "slug": str,
    "lang": str,
    "entities_add": list,
    "entities_remove": list,
    "drop_lines": list,
    "body_starts_at": int,
    "duplicate_of": str,
    "not_duplicate_of": list,
    "source_url": str,
}
# A seed beside the corrected one, by its file name (duplicates.seed_named).
SEED_NAME = re.compile(r"^(?!\.\.?$)[^/\\]+$")


def sidecar_for(seed: Path) -> Path:
    return seed.with_name(seed.stem + SUFFIX)


def seed_for(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name[: -len(SUFFIX)] + ".txt")


# Spaces, control and bidirectional characters: no address has them, and a
# bidirectional one would show the reader another address than the link's.
_NOT_IN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _web_address(value: str) -> bool | str:
    """True for an http(s) address with a host, else why not (shown to the editor)."""
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts and parts.scheme in ("http", "https") and parts.hostname and not _NOT_IN_ADDRESS.search(value):
        return True
    return f"source_url must be the page's http:// or https:// address, with no spaces, not {value!r}"


def line_of_key(text: str, key: str) -> int | None:
    """The line of a corrections file's text that sets `key`."""
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _closest(value: str, choices: list[str], what: str) -> str:
    """"did you mean …" for a mistyped id, or the list of ids when there are few."""
    close = difflib.get_close_matches(value, choices, n=1)
    if close:
        return f" (did you mean {close[0]!r}? see {what})"
    return f" (one of: {', '.join(choices)})" if len(choices) <= 12 else f" (see {what})"


def load_corrections(path: Path, knowledge: Knowledge) -> tuple[dict, list[SeedError]]:
    """Read and check a sidecar: (the fields that are right, one SeedError with
    its line for each that is not). A file that is not TOML gives no fields."""
    try:
        # utf-8-sig: editors' tools on Windows start a file with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        return {}, [SeedError(f"corrections file is not UTF-8 ({error.reason})")]
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        line = int(found.group(1)) if found else None
        hint = ""
        if line and re.match(r"\s*date\s*=", text.split("\n")[line - 1]):
            hint = "; dates are written 2026-03-14 (or \"unknown\")"
        return {}, [SeedError(f"invalid TOML: {error}{hint}; nothing in this file is applied", line)]

    problems: list[SeedError] = []
    good = dict(data)

    def fail(key, reason):
        problems.append(SeedError(reason, line_of_key(text, key)))
        good.pop(key, None)

    for key, value in data.items():
        if key not in FIELDS:
            fail(key, f"unknown field {key!r}" + _closest(key, list(FIELDS), "the fields in EDITING.md"))
        elif not isinstance(value, FIELDS[key]) or isinstance(value, (dt.datetime, bool)):
            fail(key, f"field {key!r} has the wrong type ({type(value).__name__})")
    checks = {
        "date": lambda v: (v == "unknown" or isinstance(v, dt.date) and v.year in SUPPORTED_YEARS) or (
            f"date {v} is outside the years the archive covers ({SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1})"
            if isinstance(v, dt.date) else
            f"dates are written 2026-03-14 (a TOML date, no quotes) or \"unknown\", not {v!r}"),
        "outlet": lambda v: bool(knowledge.outlet(v)) or f"unknown outlet id {v!r}" + _closest(
            v, [o.id for o in knowledge.outlets], "data/outlets.toml"),
        "category": lambda v: bool(knowledge.category(v)) or f"unknown category id {v!r}" + _closest(
            v, [c.id for c in knowledge.categories], "data/categories.toml"),
        "source": lambda v: bool(knowledge.wire(v)) or f"unknown wire id {v!r}" + _closest(
            v, [w.id for w in knowledge.wires], "[[wire]] in data/outlets.toml"),
        "captions": lambda v: all(
            isinstance(c, dict) and isinstance(c.get("text"), str) and isinstance(c.get("credit", ""), str)
            and not set(c) - {"text", "credit"} for c in v)
        or "each caption is { text = \"…\", credit = \"…\" } (credit optional)",
        "slug": lambda v: bool(urls.SLUG.fullmatch(v))
        or f"slug {v!r} must be lowercase ASCII letters, digits, '-' or '_'",
        "lang": lambda v: v in ("ur", "en") or f"lang must be 'ur' or 'en', not {v!r}",
        "drop_lines": lambda v: all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in v)
        or "drop_lines is a list of the seed's line numbers, like [3, 4]",
        "body_starts_at": lambda v: v > 0 or "body_starts_at is a line number of the seed, like 12",
        "duplicate_of": lambda v: bool(SEED_NAME.match(v.strip())) or
        f"duplicate_of is the file name of a seed beside this one, like \"002_6aa83e8293d70fa7.txt\", not {v!r}",
        "not_duplicate_of": lambda v: all(isinstance(n, str) and SEED_NAME.match(n.strip()) for n in v) or
        "not_duplicate_of is a list of file names of seeds beside this one, like [\"002_6aa83e8293d70fa7.txt\"]",
        "source_url": _web_address,
    }
    for key, check in checks.items():
        if key in good and (verdict := check(good[key])) is not True:
            fail(key, verdict)
    for key in ("entities_add", "entities_remove"):
        for entry_id in good.get(key, []):
            if not isinstance(entry_id, str) or not knowledge.entry(entry_id):
                fail(key, f"unknown glossary id {entry_id!r} in {key}" + _closest(
                    str(entry_id), [e.id for e in knowledge.glossary], "data/glossary.toml"))
                break
    for key in ("title", "title_en", "summary", "summary_en", "slug"):
        if key in good and not good[key].strip():
            fail(key, f"field {key!r} is empty")
    return good, problems


def apply_corrections(extraction: Extraction, corrections: dict, knowledge: Knowledge) -> None:
    """Override extracted fields in place; the corrected fields become certain."""
    extraction.corrected = _changed(extraction, corrections, knowledge)
    if "title" in corrections:
        extraction.title = corrections["title"].strip()
        extraction.title_confidence = "high"
    if "summary" in corrections:
        extraction.summary = corrections["summary"].strip()
    if "date" in corrections:
        date = corrections["date"]
        extraction.date = None if date == "unknown" else date
        extraction.date_confidence = "high"
        extraction.date_source = "corrections file"
    if "outlet" in corrections:
        extraction.outlet = knowledge.outlet(corrections["outlet"])
    if "category" in corrections:
        extraction.category = knowledge.category(corrections["category"])
    if "source" in corrections:
        extraction.wire = knowledge.wire(corrections["source"])
    if "captions" in corrections:
        # bidi_guard cleans an article's own fields; captions are a list it does not see.
        extraction.captions = [
            Caption(BIDI_CONTROLS.sub("", c["text"]).strip(), c.get("credit") and BIDI_CONTROLS.sub("", c["credit"]), 0)
            for c in corrections["captions"]
        ]
        if any(BIDI_CONTROLS.search(c["text"] + c.get("credit", "")) for c in corrections["captions"]):
            extraction.notes.append("removed bidirectional control characters from the corrections file's captions")
    if "lang" in corrections:
        extraction.language = corrections["lang"]
    removed = set(corrections.get("entities_remove", []))
    extraction.entities = [e for e in extraction.entities if e.entry.id not in removed]
    present = {e.entry.id for e in extraction.entities}
    for entry_id in corrections.get("entities_add", []):
        if entry_id not in present:
            extraction.entities.append(EntityMention(knowledge.entry(entry_id), 0, len(present)))
    for name in ("title", "date", "outlet"):
        if name in corrections:
            extraction.doubts.pop(name, None)
    _correct_body(extraction, corrections)


def _changed(extraction: Extraction, corrections: dict, knowledge: Knowledge) -> list[str]:
    """Which of title, date and outlet the corrections change (a correction that
    repeats what was extracted changes nothing a reader should be told of)."""
    corrected = {
        "title": corrections.get("title", "").strip() or extraction.title,
        "date": None if corrections.get("date") == "unknown" else corrections.get("date", extraction.date),
        "outlet": knowledge.outlet(corrections["outlet"]) if "outlet" in corrections else extraction.outlet,
    }
    extracted = {"title": extraction.title, "date": extraction.date, "outlet": extraction.outlet}
    return [name for name in ("title", "date", "outlet") if name in corrections and corrected[name] != extracted[name]]


def _correct_body(extraction: Extraction, corrections: dict) -> None:
    """Lines an editor leaves out, and a corrected title that the importer had
    kept as the body's first line; the lede, word count and reading time follow."""
    dropped = {number: "dropped-by-editor" for number in corrections.get("drop_lines", [])}
    start = corrections.get("body_starts_at")
    kept = []
    removed = []
    for number, paragraph in zip(extraction.paragraph_lines, extraction.paragraphs, strict=True):
        if start and number < start:
            dropped[number] = "before-body-start"
        elif "title" in corrections and same_text(paragraph, extraction.title):
            dropped[number] = "corrected-headline"
        if number in dropped:
            removed.append(RemovedLine(number, dropped[number], paragraph))
        else:
            kept.append((number, paragraph))
    if len(kept) == len(extraction.paragraphs):
        return
    if not kept:
        # A slip (body_starts_at past the text, every line dropped) would publish an empty article.
        extraction.notes.append("the corrections file's body_starts_at / drop_lines leave no article text: "
                                "not applied")
        return
    extraction.removed.extend(removed)
    extraction.paragraph_lines = [number for number, _ in kept]
    extraction.paragraphs = [paragraph for _, paragraph in kept]
    extraction.removed.sort(key=lambda removed: removed.line)
    if "summary" not in corrections:
        extraction.summary = lede_summary(extraction.paragraphs)
    extraction.word_count = len(words("\n".join(extraction.paragraphs)))
    extraction.reading_minutes = max(1, math.ceil(extraction.word_count / READING_SPEED[extraction.language]))
