"""Search records: what the index knows of each article version, as plain data.

Pure logic (no Pelican, no Pagefind), shared by the Pagefind index and the
offline index so that both search exactly the same words.
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import cache

from akhbar.languages import LANGUAGES, date_text
from akhbar.normalize import strip_marks, words

_TAG = re.compile(r"<[^>]*>")


@cache
def entity_token(entry_id: str) -> str:
    """One searchable word standing for every spelling of a glossary entry.

    ASCII, and closed by "xe" so that no other entry's token extends it
    (Pagefind matches words by prefix).
    """
    return "xe" + re.sub(r"[^a-z0-9]", "", entry_id) + "xe"


@cache
def filter_token(key: str, value: str) -> str:
    """A word that stands for a search filter (outlet, year, language).

    Filters are searched as words, not as Pagefind filters, whose index files
    come out in a different order on every run (builds must be byte-identical).
    """
    return "xf" + re.sub(r"[^a-z0-9]", "", f"{key}{value}") + "xf"


def plain_text(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup))


def name_spellings(article, groups: dict[tuple[str, ...], tuple[str, ...]]) -> str:
    """The spellings of the names an article has that the glossary does not
    know (seed_reader/names.py), each with the other spellings its group has
    across the archive (akhbar/name_groups.py), one per folded form."""
    found: dict[tuple[str, ...], str] = {}
    for name in getattr(article, "names", None) or []:
        key = tuple(words(name.text))
        for spelling in groups.get(key, (name.text,)):
            found.setdefault(tuple(words(spelling)), spelling)
    return " ".join(found.values())


@dataclass
class SearchRecord:
    url: str
    lang: str
    story: str
    # Text without optional marks, then entity and filter tokens, then the
    # spellings of the story's names (name_spellings), after the tokens so that
    # no excerpt shows them as text.
    content: str
    meta: dict[str, str]

    @property
    def date(self) -> str:
        return self.meta["date"]

    def digest(self) -> str:
        """What the index holds of this record, as one hash."""
        data = json.dumps([self.url, self.content, self.meta], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def terms(self) -> list[str]:
        return words(self.content)

    def as_dict(self) -> dict:
        return {"url": self.url, "meta": self.meta}


def record_for(version, story_versions: dict, names: str = "") -> SearchRecord:
    """A record for one article version; `story_versions` maps lang -> version;
    `names`: the story's name_spellings."""
    original = story_versions.get("ur") or next(iter(story_versions.values()))
    entities = list(getattr(original, "entities", None) or [])
    captions = [c.text for c in getattr(version, "captions", None) or []]
    if getattr(version, "caption", None):
        captions.append(version.caption)
    text = "\n".join([version.title, *captions, plain_text(version.content)])
    outlet = getattr(original, "outlet", None)
    undated = bool(getattr(original, "undated", False))
    tokens = [entity_token(m.entry.id) for m in entities]
    tokens.append(filter_token("language", version.lang))
    # A syndicated story is found under every outlet that ran it.
    for other in [outlet, *getattr(original, "also_published_by", ())] if outlet else []:
        tokens.append(filter_token("outlet", other.id))
    if not undated:
        tokens.append(filter_token("year", str(original.date.year)))
    meta = {
        "title": version.title,
        "lang": version.lang,
        "story": original.slug,
        "date": "" if undated else original.date.date().isoformat(),
        "outlet": outlet.id if outlet else "",
    }
    if not undated:
        for lang in LANGUAGES:
            meta[f"date_{lang}"] = date_text(original.date, lang)
    for lang, other in story_versions.items():
        meta[f"url_{lang}"] = other.url
        meta[f"title_{lang}"] = other.title
    return SearchRecord(
        url=version.url,
        lang=version.lang,
        story=original.slug,
        content=strip_marks(text) + "\n" + " ".join(tokens) + ("\n" + strip_marks(names) if names else ""),
        meta=meta,
    )


def lexicon(glossary, outlets, years) -> dict:
    """What the search page needs to read a query the way the index was written."""
    variants = []
    for entry in glossary:
        for variant in entry.variants:
            key = words(variant)
            if key:
                variants.append([key, entity_token(entry.id), entry.id])
    variants.sort(key=lambda item: -len(item[0]))
    return {
        "variants": variants,
        "labels": {
            **{entry.id: {"ur": entry.ur, "en": entry.en, "kind": entry.kind} for entry in glossary},
            **{outlet.id: {"ur": outlet.ur, "en": outlet.en, "kind": "outlet"} for outlet in outlets},
        },
        "years": sorted(years, reverse=True),
    }
