"""Search index: Pagefind over the articles, built at the end of every build
(the `index_search` stage of akhbar.build, once the pages are rendered).

Only articles are indexed (no listing, tag or archive page), one record per
article version, all in one language (`force_language`) so that the Urdu and
the English search page both find every article. Records are written through
Pagefind's Python API as search words (folding.py: the spellings readers type
for one another are one word), plus one token per glossary entry the article
names: any spelling of a name, in either language, is one search term; so is
each filter value (outlet, year, language). A person is found by any word of
their name (records.person_name_words); a name the glossary does not know by
every spelling the archive gives it (records.name_spellings), but it has no
token and no page.

One Pagefind bundle per year of publication (pagefind/2025/, ...,
pagefind/undated/; a year of more than 1,000 records by quarter, see
`bundles.py`), which the search page merges (Pagefind's mergeIndex), newest
first, so first results come from the smallest useful index. Bundles also
bound the memory of one Pagefind process, let the cores index two at once,
and let a rebuild index again only the bundles whose records changed (their
fingerprints are kept in CACHE_PATH/search.json). The same records go into
an offline index (`offline.py`), bundle by bundle, for readers who open the
site from disk, and into a script file each, which the search page shows
results from. Writer processes of their own make the records and write both
(`bundle_writers.py`); this process takes from Pelican's articles what each
record is made from.
"""

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path

from pelican import signals

from akhbar import LIBRARY
from akhbar.build import BuildState, index_search
from akhbar.kept import kept_folder, replace_file
from akhbar.manifest import BuildManifest
from akhbar.name_groups import group_names, spellings_by_key
from akhbar.progress import PROGRESS
from akhbar.tree_hash import files_key

from .bundle_writers import write_apart
from .bundles import bundles_of
from .contract import browser_contract
from .offline import PATHS, bundle_roots, script_data
from .records import (
    RecordSource,
    SearchRecord,
    ignored_name_words,
    lexicon,
    name_spellings,
    person_name_words,
    record_for,
    record_source,
    record_tokens,
)
from .settings import settings_of

logger = logging.getLogger(__name__)

INDEXING = "Indexing for search"  # the progress bar's task


@dataclass
class Version:
    """An article version to index. Its record is made only when needed: when
    its bundle is written, or when the last build did not make it from the
    same pages (`key`: the fingerprints of every page of its story), and not
    kept: the records of a whole archive would double the build's memory."""

    story: str
    date: str  # the story's: "YYYY-MM-DD", or "" when undated
    url: str
    article: object
    versions: dict  # lang -> article, every version of the story
    key: str | None
    names: str = ""  # more words for the story's names (records.name_spellings, person_name_words)

    def record(self) -> SearchRecord:
        return record_for(self.article, self.versions, self.names)

    def source(self) -> RecordSource:
        return record_source(self.article, self.versions, self.names)


class RecordDigests:
    """The digest of each record of the last build, by the pages it was made
    from (CACHE_PATH/search-records.json): a rebuild tells which bundles
    changed without making the records of the others again."""

    def __init__(self, path: Path, enabled: bool):
        self.path = path
        try:
            self.stored = json.loads(path.read_text(encoding="utf-8")) if enabled else {}
        except (OSError, ValueError):
            self.stored = {}

    def stored_of(self, version: Version) -> str | None:
        return self.stored.get(version.key) if version.key else None

    def save(self, bundles: list["BundleDigests"]) -> None:
        kept = {v.key: digest for bundle in bundles
                for v, digest in zip(bundle.versions, bundle.digests, strict=True) if v.key}
        replace_file(self.path, json.dumps(kept, sort_keys=True, separators=(",", ":")))


class BundleDigests:
    """The digests of a bundle's records, which give its fingerprint: as the
    last build kept them, as made here to tell whether the bundle changed, or
    as its writer answered them."""

    def __init__(self, versions: list[Version], digests: RecordDigests):
        self.versions = versions
        self.digests = [digests.stored_of(v) for v in versions]

    def make_missing(self) -> None:
        for place, version in enumerate(self.versions):
            if self.digests[place] is None:
                self.digests[place] = version.record().digest()

    def fingerprint(self, writers: str) -> str | None:
        return None if None in self.digests else bundle_fingerprint(self.digests, writers)


class SearchIndex:
    def __init__(self):
        self.articles = []

    def collect(self, generator):
        self.articles = list(generator.articles)

    def versions(self, page_fingerprints: dict, ignored_name_words: frozenset[str] = frozenset()) -> list[Version]:
        found = []
        # A name's spellings come from every article that has it: they are
        # part of the record's key, as its pages are.
        groups = spellings_by_key(group_names((a.slug, getattr(a, "names", None) or []) for a in self.articles))
        for original in sorted(self.articles, key=lambda a: a.slug):
            people = [m.entry for m in getattr(original, "entities", None) or []]
            names = " ".join(filter(None, [name_spellings(original, groups),
                                           person_name_words(people, ignored_name_words)]))
            versions = {original.lang: original}
            for translation in original.translations:
                versions.setdefault(translation.lang, translation)
            pages = [page_fingerprints.get(v.save_as) for v in versions.values()]
            story_key = None if None in pages else hashlib.sha256("".join(sorted(pages)).encode("ascii")).hexdigest()
            date = "" if getattr(original, "undated", False) else original.date.date().isoformat()
            names_key = hashlib.sha256(names.encode("utf-8")).hexdigest()[:16]
            for lang in sorted(versions):
                key = f"{story_key}:{lang}:{names_key}" if story_key else None
                found.append(Version(original.slug, date, versions[lang].url, versions[lang], versions, key, names))
        return found

    def write(self, state: BuildState):
        if not settings_of(state.settings).enabled:
            return
        output = Path(state.output_path)
        knowledge = state.knowledge
        ignored = ignored_name_words(knowledge.names) if knowledge else frozenset()
        versions = self.versions(state.page_fingerprints, ignored)
        bundles = bundles_of(versions)
        written = write_bundles(bundles, output, state.settings)
        years = {v.date[:4] for v in versions if v.date}
        # Only the entries some article names: a query for another finds nothing,
        # and the whole glossary (hundreds of CLDR places) would weigh on every search.
        named = {m.entry.id for v in versions for article in v.versions.values()
                 for m in getattr(article, "entities", None) or []}
        glossary, outlets = (knowledge.glossary, knowledge.outlets) if knowledge else ([], [])
        data = lexicon([e for e in glossary if e.id in named], outlets, years)
        data["contract"] = browser_contract()
        data["bundles"] = list(bundles)
        data["token_bundles"] = token_bundles(bundles)
        data["pagefind"] = {name: bundle_files(output / "pagefind" / name) for name in bundles}
        replace_file(output / "search" / "lexicon.js", "window.AKHBAR_LEXICON = " + script_data(data) + ";\n")
        logger.info("Search index: %d records, %d bundles, %d indexed again", len(versions), len(bundles), written)


def token_bundles(bundles: dict[str, list[Version]]) -> dict[str, list[int]]:
    """For each entity and filter token, the bundles (their places in the
    lexicon's list, newest first) whose records hold it: a search for a name
    loads only those, the newest of them first, and a name in few articles
    is not a wait for the whole archive."""
    holders: dict[str, list[int]] = {}
    for place, versions in enumerate(bundles.values()):
        for token in {t for v in versions for t in record_tokens(v.article, v.versions)}:
            holders.setdefault(token, []).append(place)
    return dict(sorted(holders.items()))


def bundle_files(folder: Path) -> dict:
    """What the search page loads first from a bundle, so that it can ask for
    it all at once: the index's hash (also Pagefind's `metaCacheTag`, which
    makes the entry file's URL stable), its metadata and WebAssembly files."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    index = next(iter(entry["languages"].values()))
    return {"tag": index["hash"], "meta": f"pagefind.{index['hash']}.pf_meta",
            "wasm": f"wasm.{index['wasm'] or 'unknown'}.pagefind"}


def writers_key() -> str:
    """What writes the bundles: Pagefind's version, this plugin's code and the library's."""
    return package_version("pagefind_bin") + "\n" + files_key([Path(__file__).parent, LIBRARY])


def bundle_fingerprint(digests: list[str], writers: str) -> str:
    return hashlib.sha256("\n".join([writers, *digests]).encode("ascii")).hexdigest()


def write_bundles(bundles: dict[str, list[Version]], output: Path, settings) -> int:
    """Write, for each bundle whose records changed, its Pagefind bundle, its
    offline index and its record files; remove those of bundles the archive
    no longer has."""
    cache = kept_folder(settings)
    own = settings_of(settings)
    incremental = own.incremental
    manifest = BuildManifest(cache / "search.json")
    if not incremental:
        manifest.entries.clear()
    digests = RecordDigests(cache / "search-records.json", incremental)
    pagefind, search = output / "pagefind", output / "search"
    marks = {name: (f"pagefind/{name}/pagefind-entry.json", f"search/{PATHS['docs'].format(bundle=name)}.js")
             for name in bundles}
    found = {name: BundleDigests(versions, digests) for name, versions in bundles.items()}
    written = []
    writers = writers_key()  # once: it reads every file of the code

    def changed():
        # Taken by the writers' threads (bundle_writers.write_apart), one
        # bundle as each is free. The largest first, so that the last to
        # finish is a small one.
        for name in sorted(bundles, key=lambda name: -len(bundles[name])):
            if all(manifest.written_file(mark, os.path.join(output, mark)) for mark in marks[name]):
                # Written by an earlier build: it may be current.
                found[name].make_missing()
                if all(manifest.is_current(output, mark, found[name].fingerprint(writers)) for mark in marks[name]):
                    PROGRESS.advance(INDEXING, len(bundles[name]))
                    continue
            yield name, [version.source() for version in bundles[name]]

    def done(name: str, digests: list[str]) -> None:
        found[name].digests = digests
        written.append(name)
        PROGRESS.advance(INDEXING, len(digests))

    PROGRESS.start(INDEXING, sum(len(versions) for versions in bundles.values()))
    write_apart(changed(), pagefind, search, own.workers or os.cpu_count() or 1, done)
    PROGRESS.finish(INDEXING)
    for name in written:
        for mark in marks[name]:
            manifest.record(output, mark, found[name].fingerprint(writers))
    for folder in (pagefind, *bundle_roots(search)):
        for stale in [p for p in folder.iterdir() if p.name not in bundles] if folder.is_dir() else []:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    for entry in [e for e in manifest.entries if e.split("/")[-2] not in bundles]:
        manifest.forget(entry)
    manifest.save()
    digests.save(list(found.values()))
    return len(written)


INDEX = SearchIndex()


def register():
    signals.article_generator_finalized.connect(INDEX.collect)
    index_search.connect(INDEX.write)
