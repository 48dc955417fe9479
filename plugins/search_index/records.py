"""Search records: what the index knows of each article version, as plain data.

Pure logic (no Pelican, no Pagefind), shared by the Pagefind index and the
offline index so that both search exactly the same words.
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from akhbar.languages import LANGUAGES, date_text
from akhbar.normalize import words

from .folding import search_words

_TAG = re.compile(r"<[^>]*>")

# Index words that stand for a glossary entry or a filter value. The browser
# never builds one: the lexicon (lexicon()) gives it each token it may ask.
TOKENS = {"entity": "xe", "filter": "xf"}


@cache
def entity_token(entry_id: str) -> str:
    """One searchable word standing for every spelling of a glossary entry.

    ASCII, and closed as it opens so that no other entry's token extends it
    (Pagefind matches words by prefix).
    """
    mark = TOKENS["entity"]
    return mark + re.sub(r"[^a-z0-9]", "", entry_id) + mark


@cache
def filter_token(key: str, value: str) -> str:
    """A word that stands for a search filter (outlet, year, language).

    Filters are searched as words, not as Pagefind filters, whose index files
    come out in a different order on every run (builds must be byte-identical).
    """
    mark = TOKENS["filter"]
    return mark + re.sub(r"[^a-z0-9]", "", f"{key}{value}") + mark


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


def person_name_words(entries, ignored: frozenset[str]) -> str:
    """Each word of the spellings of the people among `entries` (glossary
    entries), so that a surname alone (آفریدی, Afridi) finds every article
    that names its bearer, however the article writes the name. Words in
    `ignored` (given names such as محمد, titles, function words) are left out:
    alone they name no one in particular."""
    found: dict[str, None] = {}
    for entry in entries:
        if entry.kind == "person":
            found.update(dict.fromkeys(word for word in _spelling_words(entry) if word not in ignored))
    return " ".join(found)


@lru_cache(maxsize=4096)
def _spelling_words(entry) -> tuple[str, ...]:
    # Once per person: a name's words are folded for every article that names it otherwise.
    return tuple(dict.fromkeys(word for spelling in (entry.ur, entry.en, *entry.variants)
                               for word in search_words(spelling) if len(word) > 1))


def ignored_name_words(vocabulary) -> frozenset[str]:
    """The words person_name_words leaves out, as search words, from
    data/names.toml (a seed_reader NameVocabulary): given names and titles of
    one word (محمد, Muhammad, ڈاکٹر; a word of a longer one, such as اعظم of
    وزیر اعظم, may well be a surname), function words and common words."""
    single = {phrase[0] for lists in (vocabulary.given_names, vocabulary.titles) for index in lists.values()
              for group in index.values() for phrase in group if len(phrase) == 1}
    found = single | set(vocabulary.common_words)
    found |= {w for listed in vocabulary.function_words.values() for w in listed}
    return frozenset(folded for w in found for folded in search_words(w))


@dataclass
class SearchRecord:
    url: str
    lang: str
    story: str
    # What the reader sees of the article: its title, captions and text as
    # they are written (an excerpt shows them, never folded words).
    text: str
    # What the index holds: the text's folded words (search_words(text)), then
    # `more`: the entity and filter tokens and the words of names the text does
    # not write out (name spellings, person name words).
    words: list[str]
    more: list[str]
    meta: dict[str, str]

    @property
    def date(self) -> str:
        return self.meta["date"]

    @property
    def content(self) -> str:
        """The indexed words, one per space: what Pagefind indexes as they are."""
        return " ".join(self.terms())

    def digest(self) -> str:
        """What the index holds of this record, as one hash. Its words are
        left out: they are search_words(text), and the code that folds them is
        part of every bundle's fingerprint (bundle_fingerprint); encoding them
        was most of the digest's time."""
        data = json.dumps([self.url, self.text, self.more, self.meta], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def terms(self) -> list[str]:
        return [*self.words, *self.more]

    def shown(self) -> dict:
        """What the search page loads of a result: where it is, what to show
        and, for checking a hit, the indexed words its text does not give."""
        return {"url": self.url, "meta": self.meta, "text": self.text, "more": self.more}


def record_tokens(version, story_versions: dict) -> list[str]:
    """The entity and filter tokens a version's record is found by: the
    story's names, its language, every outlet that ran it, its year."""
    original = story_versions.get("ur") or next(iter(story_versions.values()))
    tokens = [entity_token(m.entry.id) for m in getattr(original, "entities", None) or []]
    tokens.append(filter_token("language", version.lang))
    outlet = getattr(original, "outlet", None)
    # A syndicated story is found under every outlet that ran it.
    for other in [outlet, *getattr(original, "also_published_by", ())] if outlet else []:
        tokens.append(filter_token("outlet", other.id))
    if not getattr(original, "undated", False):
        tokens.append(filter_token("year", str(original.date.year)))
    return tokens


@dataclass
class RecordSource:
    """What a version's record is made from, as plain values: taken from
    Pelican's articles in the build's process, quick to pickle to the process
    that makes the record (make_record, in bundle_writers.py)."""

    url: str
    lang: str
    story: str
    title: str
    captions: list[str]
    content: str  # the version's HTML
    names: str  # more words for the story's names (name_spellings, person_name_words)
    tokens: list[str]  # record_tokens
    meta: dict[str, str]


def record_source(version, story_versions: dict, names: str = "") -> RecordSource:
    """The source of one article version's record; `story_versions` maps lang -> version."""
    original = story_versions.get("ur") or next(iter(story_versions.values()))
    captions = [c.text for c in getattr(version, "captions", None) or []]
    if getattr(version, "caption", None):
        captions.append(version.caption)
    outlet = getattr(original, "outlet", None)
    undated = bool(getattr(original, "undated", False))
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
    return RecordSource(url=version.url, lang=version.lang, story=original.slug, title=version.title,
                        captions=captions, content=version.content, names=names,
                        tokens=record_tokens(version, story_versions), meta=meta)


def make_record(source: RecordSource) -> SearchRecord:
    """The record of a source: its text's words folded, and the names' words the text lacks."""
    text = "\n".join([source.title, *source.captions, plain_text(source.content)])
    text_words = search_words(text)
    written = set(text_words)
    # A name's words the text already has would only count twice.
    more = list(dict.fromkeys(w for w in search_words(source.names) if w not in written))
    return SearchRecord(url=source.url, lang=source.lang, story=source.story, text=text,
                        words=text_words, more=[*source.tokens, *more], meta=source.meta)


def record_for(version, story_versions: dict, names: str = "") -> SearchRecord:
    """A record for one article version, made in this process."""
    return make_record(record_source(version, story_versions, names))


def lexicon(glossary, outlets, years) -> dict:
    """What the search page needs to read a query the way the index was
    written: each glossary spelling as search words with its entry's token,
    and the token of each filter value its menus offer."""
    variants = []
    for entry in glossary:
        for variant in entry.variants:
            key = search_words(variant)
            if key:
                variants.append([key, entity_token(entry.id), entry.id])
    variants.sort(key=lambda item: -len(item[0]))
    filters = {
        "outlet": {outlet.id: filter_token("outlet", outlet.id) for outlet in outlets},
        "year": {year: filter_token("year", year) for year in years},
        "language": {lang: filter_token("language", lang) for lang in LANGUAGES},
    }
    for entry in glossary:
        filters.setdefault(entry.kind, {})[entry.id] = entity_token(entry.id)
    return {
        "variants": variants,
        "filters": filters,
        "outlets": {outlet.id: {"ur": outlet.ur, "en": outlet.en} for outlet in outlets},
    }
