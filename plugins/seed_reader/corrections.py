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
    title_en = "Russia and the US keep talking"
    entities_add = ["dmitry-peskov"]    # ids from data/glossary.toml
    entities_remove = ["iran"]

A corrected field is shown with full confidence. Seeds are never rewritten.
"""

import datetime as dt
import re
import tomllib
from pathlib import Path

from .dates import YEARS as SUPPORTED_YEARS
from .decoding import SeedError
from .entities import EntityMention
from .extract import Caption, Extraction
from .knowledge import Knowledge
from .normalize import BIDI_CONTROLS

SUFFIX = ".corrections.toml"
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
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
}


def sidecar_for(seed: Path) -> Path:
    return seed.with_name(seed.stem + SUFFIX)


def seed_for(sidecar: Path) -> Path:
    return sidecar.with_name(sidecar.name[: -len(SUFFIX)] + ".txt")


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def load_corrections(path: Path, knowledge: Knowledge) -> dict:
    """Read and check a sidecar; raise SeedError (with its line) on the first problem."""
    try:
        # utf-8-sig: editors' tools on Windows start a file with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise SeedError(f"corrections file is not UTF-8 ({error.reason})") from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        raise SeedError(f"invalid TOML: {error}", int(found.group(1)) if found else None) from None

    def fail(key, reason):
        raise SeedError(reason, _line_of(text, key))

    for key, value in data.items():
        if key not in FIELDS:
            fail(key, f"unknown field {key!r} (one of: {', '.join(FIELDS)})")
        if not isinstance(value, FIELDS[key]) or isinstance(value, dt.datetime):
            fail(key, f"field {key!r} has the wrong type ({type(value).__name__})")
    if isinstance(data.get("date"), str) and data["date"] != "unknown":
        fail("date", f"date must be a TOML date like 2021-12-28 or \"unknown\", not {data['date']!r}")
    if isinstance(data.get("date"), dt.date) and data["date"].year not in SUPPORTED_YEARS:
        fail("date", f"date {data['date']} is outside the years the archive covers "
                     f"({SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1})")
    if "outlet" in data and not knowledge.outlet(data["outlet"]):
        fail("outlet", f"unknown outlet id {data['outlet']!r} (see data/outlets.toml)")
    if "category" in data and not knowledge.category(data["category"]):
        fail("category", f"unknown category id {data['category']!r} (see data/categories.toml)")
    if "source" in data and not knowledge.wire(data["source"]):
        fail("source", f"unknown wire id {data['source']!r} (see [[wire]] in data/outlets.toml)")
    for caption in data.get("captions", []):
        if not isinstance(caption, dict) or not isinstance(caption.get("text"), str) or (
            set(caption) - {"text", "credit"}
        ):
            fail("captions", "each caption is { text = \"…\", credit = \"…\" } (credit optional)")
    if "slug" in data and not SLUG.match(data["slug"]):
        fail("slug", f"slug {data['slug']!r} must be lowercase ASCII letters, digits, '-' or '_'")
    if "lang" in data and data["lang"] not in ("ur", "en"):
        fail("lang", f"lang must be 'ur' or 'en', not {data['lang']!r}")
    for key in ("entities_add", "entities_remove"):
        for entry_id in data.get(key, []):
            if not isinstance(entry_id, str) or not knowledge.entry(entry_id):
                fail(key, f"unknown glossary id {entry_id!r} in {key} (see data/glossary.toml)")
    for key in ("title", "title_en", "summary", "summary_en", "slug"):
        if key in data and not data[key].strip():
            fail(key, f"field {key!r} is empty")
    return data


def apply_corrections(extraction: Extraction, corrections: dict, knowledge: Knowledge) -> None:
    """Override extracted fields in place; the corrected fields become certain."""
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
