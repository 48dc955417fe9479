"""What editors teach the importer, loaded from the TOML files in `data/`.

Every check here reports `file:line: reason`, so a typo in a data file is
found without reading Python.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import re2

from akhbar.normalize import fold_for_matching, normalize_urdu, words

from .dates import DateWords
from .page import comparable

DATA_DIR = Path(__file__).parent / "data"
ENTITY_KINDS = ("person", "place", "organisation", "topic")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# data/names.toml: each table has a list of words per language.
NAME_LISTS = ("titles", "portfolios", "organisation_words", "organisation_heads", "organisation_links", "place_words",
              "place_heads", "given_names", "family_names", "function_words", "common_words")
_LATIN = re.compile(r"[A-Za-z]")
# An abbreviation in capitals names its entry only when written in capitals
# (entities.py): "WHO", "APP" and "US" are also the words "who", "app", "us".
ABBREVIATION = re.compile(r"[A-Z][A-Z0-9.&-]*")

# Patterns from data files run on RE2 (google-re2), not Python's re: any editor
# or contributor writes them, and on a backtracking engine one pattern such as
# ^(\w+\s?)+$ takes exponential time on an ordinary line and hangs every build.
# RE2 matches in time linear in the text, whatever the pattern; it has no
# backreferences and no lookarounds, and such a pattern is refused with its line.
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.case_sensitive = False
_RE2_OPTIONS.log_errors = False
# boilerplate.toml's one set of some 200 patterns, Unicode classes and all, came
# within RE2's default 8 MB of compiled program: one more heavy pattern an editor
# adds must not make the set fail to compile (test_knowledge's runaway pattern).
_RE2_OPTIONS.max_mem = 64 << 20
# RE2's \d \s \w are ASCII only; Python's (which the data files were written
# for) are Unicode: Urdu digits are \d, a no-break space is \s. Each becomes
# the Unicode class Python means. RE2's \b stays ASCII: use it beside Latin letters.
_SPACE = r"\t-\r\x{1c}-\x{1f}\x{85}\p{Z}"
_WORD = r"\p{L}\p{N}_"
_CLASSES = {"d": (r"\p{Nd}", r"\p{Nd}"), "D": (r"\P{Nd}", r"\P{Nd}"),
            "s": (f"[{_SPACE}]", _SPACE), "S": (f"[^{_SPACE}]", None),
            "w": (f"[{_WORD}]", _WORD), "W": (f"[^{_WORD}]", None), "Z": (r"\z", None)}


class DataPattern:
    """A data file's pattern compiled by RE2, with re.Pattern's search,
    fullmatch and groupindex, and a repr that names its source as re.Pattern's
    does: pages are fingerprinted by what they show (an outlet and its
    signatures), and RE2's own repr is a memory address, new on every build."""

    __slots__ = ("pattern", "engine_pattern", "search", "fullmatch", "groupindex")

    def __init__(self, pattern: str, regex: re2._Regexp, engine_pattern: str):
        self.pattern, self.engine_pattern = pattern, engine_pattern
        self.search, self.fullmatch, self.groupindex = regex.search, regex.fullmatch, regex.groupindex

    def __repr__(self):
        return f"DataPattern({self.pattern!r})"


def _as_re2(pattern: str) -> str:
    r"""A Python pattern in RE2's syntax, with Python's meaning of \d \s \w (and
    of \Z, RE2's \z). Raises re2.error for \S or \W inside [...], which RE2
    cannot say."""
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            outside, inside = _CLASSES.get(escaped, (None, None))
            replacement = inside if in_class else outside
            if escaped in _CLASSES and replacement is None:
                raise re2.error(f"\\{escaped} inside [...] is not supported")
            out.append(replacement or pattern[index:index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            # A ] right after [ or [^ is a literal.
            end = index + 1 + (pattern[index + 1:index + 2] == "^")
            end += pattern[end:end + 1] == "]"
            out.append(pattern[index:end])
            index = end
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


class PatternSet:
    """A data file's patterns matched in one RE2 scan of a line (a pattern at a
    time cost a call into RE2 each); the first in the file's order that
    matches is then run alone, for its groups."""

    def __init__(self, patterns: list["DataPattern"], anchor: str = "full"):
        self.patterns = list(patterns)
        self._set = (re2.Set.FullMatchSet if anchor == "full" else re2.Set.SearchSet)(_RE2_OPTIONS)
        for pattern in self.patterns:
            self._set.Add(pattern.engine_pattern)
        if self.patterns:
            self._set.Compile()
        self._run = "fullmatch" if anchor == "full" else "search"

    def first(self, text: str):
        """The match of the first pattern that matches text, or None."""
        found = self._set.Match(text) if self.patterns else None
        return getattr(self.patterns[min(found)], self._run)(text) if found else None

    def matching(self, text: str) -> set[int]:
        """The places in the list of every pattern that matches text."""
        return set(self._set.Match(text) or ()) if self.patterns else set()

    def __repr__(self):
        return f"PatternSet({[p.pattern for p in self.patterns]!r})"


# Lines whose kind one process remembers (a few MB of text at most).
SEEN_LINES_KEPT = 20_000


class LineKinds:
    """Every whole-line pattern of boilerplate.toml in one RE2 set: a line is
    matched against all of them at once (one scan, not one per pattern), and
    the first pattern in the file that matches gives the kind."""

    def __init__(self, patterns: list["BoilerplatePattern"]):
        self.kinds = [p.kind for p in patterns]
        self._set = re2.Set.FullMatchSet(_RE2_OPTIONS)
        for pattern in patterns:
            self._set.Add(pattern.regex.engine_pattern)
        self._set.Compile()
        # Chrome is the same lines on page after page of an outlet: a line
        # seen before is looked up, not scanned again.
        self._seen: dict[str, str | None] = {}

    def kind_of(self, line: str) -> str | None:
        try:
            return self._seen[line]
        except KeyError:
            pass
        found = self._set.Match(line)
        kind = self.kinds[min(found)] if found else None
        if len(self._seen) >= SEEN_LINES_KEPT:
            self._seen.clear()
        self._seen[line] = kind
        return kind


class KnowledgeError(Exception):
    """One or more problems in the data files, one `file:line: reason` per line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class BoilerplatePattern:
    kind: str
    regex: DataPattern


class _ById:
    """Shown by id: the data files say the rest. Articles hold these by the
    dozen, and an article's repr() is part of its pages' fingerprints (which
    cover the data files anyway), so a short one keeps fingerprints fast."""

    def __repr__(self):
        return f"{type(self).__name__}({self.id!r})"


@dataclass(frozen=True, repr=False)
class Outlet(_ById):
    id: str
    ur: str
    en: str
    signatures: tuple[DataPattern, ...]


@dataclass(frozen=True, repr=False)
class Wire(_ById):
    id: str
    ur: str
    en: str
    names: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class Category(_ById):
    id: str
    ur: str
    en: str
    labels: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class GlossaryEntry(_ById):
    id: str
    kind: str
    ur: str
    en: str
    variants: tuple[str, ...]
    # Languages whose name the data file leaves blank (an entry accepted from
    # `make names` has no English name yet): shown in the other language
    # meanwhile, and listed by `make check`.
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChromeVocabulary:
    """data/chrome.toml: the words that make a line chrome or metadata by shape."""

    counter_words: tuple[str, ...]
    comment_words: tuple[str, ...]
    site_words: tuple[str, ...]
    byline_labels: tuple[str, ...]
    byline_names: tuple[str, ...]
    tag_labels: tuple[str, ...]
    section_labels: tuple[str, ...]
    credit_labels: tuple[str, ...]
    menu_words: tuple[str, ...]
    reading_time: PatternSet
    page_age: PatternSet
    widgets: PatternSet


Phrase = tuple[str, ...]  # folded words
PhraseIndex = dict[str, tuple[Phrase, ...]]  # first word -> phrases, longest first


@dataclass(frozen=True)
class NameVocabulary:
    """data/names.toml, folded and indexed by first word, for names.py."""

    titles: dict[str, PhraseIndex]  # by language, "ur" / "en"
    portfolios: dict[str, PhraseIndex]  # what a minister is minister of: part of the title
    organisation_words: dict[str, PhraseIndex]
    organisation_heads: dict[str, PhraseIndex]
    place_words: dict[str, PhraseIndex]
    place_heads: dict[str, PhraseIndex]
    given_names: dict[str, PhraseIndex]
    family_names: dict[str, PhraseIndex]
    organisation_links: dict[str, frozenset[str]]  # "آف", "of": the name goes on after them
    function_words: dict[str, frozenset[str]]
    common_words: frozenset[str]  # both languages
    known: dict[Phrase, str]  # every glossary variant, with its entry's kind: not a new name
    known_lengths: dict[str, tuple[int, ...]]  # first word -> lengths of the variants it begins

    def __repr__(self):
        return "NameVocabulary(data/names.toml)"


@dataclass
class Knowledge:
    boilerplate: list[BoilerplatePattern]
    line_kinds: LineKinds
    outlets: list[Outlet]
    wires: list[Wire]
    source_phrases: list[str]
    categories: list[Category]
    glossary: list[GlossaryEntry]
    caption_credits: PatternSet  # each with groups `text` and `credit`
    caption_head_endings: PatternSet
    day_words: dict[str, int]
    date_words: DateWords
    chrome: ChromeVocabulary
    # Lines (as `page.comparable` keys) that are never chrome: data/never_chrome.toml.
    never_chrome: frozenset[str]
    names: NameVocabulary
    # `file:line: entry 'x' needs an English name`, for `make check`.
    incomplete: list[str] = field(default_factory=list)

    def outlet(self, outlet_id: str) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)

    def wire(self, wire_id: str) -> Wire | None:
        return next((w for w in self.wires if w.id == wire_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def entry(self, entry_id: str) -> GlossaryEntry | None:
        return next((e for e in self.glossary if e.id == entry_id), None)

    def category_for_label(self, label: str) -> Category | None:
        return self._category_by_label.get(fold_for_matching(label))

    @cached_property
    def _category_by_label(self) -> dict[str, Category]:
        """Each label, folded, to the first category that has it: folded once,
        not on every look-up (the head of every page asks several times)."""
        by_label: dict[str, Category] = {}
        for category in self.categories:
            for label in category.labels:
                by_label.setdefault(fold_for_matching(label), category)
        return by_label

    @cached_property
    def section_names(self) -> frozenset[tuple[str, ...]]:
        """What a site's menu lists (chrome.toml menu_words and the categories'
        labels), each as a tuple of folded words ("Life & Style" -> ("life", "&", "style"))."""
        names = [*self.chrome.menu_words, *(label for category in self.categories for label in category.labels)]
        return frozenset(section_words(name) for name in names)

    @cached_property
    def menu_names(self) -> frozenset[tuple[str, ...]]:
        """What a menu's items may be: the section names, and places (regional
        papers name their sections after provinces and cities)."""
        places = [name for entry in self.glossary if entry.kind == "place"
                  for name in (entry.ur, entry.en, *entry.variants) if name]
        return self.section_names | frozenset(section_words(name) for name in places)

    def is_section_name(self, text: str) -> bool:
        """A section's name, or two joined by "&", "و", "اور" or "and" ("تعلیم و روزگار")."""
        words = section_words(text)
        if words in self.section_names:
            return True
        for joint in ("&", "و", "اور", "and"):
            if joint in words:
                at = words.index(joint)
                return words[:at] in self.section_names and words[at + 1:] in self.section_names
        return False


def section_words(text: str) -> tuple[str, ...]:
    return tuple(fold_for_matching(word) for word in text.replace("&", " & ").split())


def _line_containing(text: str, needle: str, start_line: int = 1) -> int:
    """1-based line of the first occurrence of needle at or after start_line."""
    lines = text.split("\n")
    for number in range(start_line, len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    return start_line


def _table_lines(text: str, header: str) -> list[int]:
    """Line numbers of each `[[header]]` table, in order."""
    return [
        number
        for number, line in enumerate(text.split("\n"), 1)
        if line.strip() == f"[[{header}]]"
    ]


class _Loader:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.problems: list[str] = []

    def load(self, name: str) -> tuple[dict, str, Path]:
        path = self.data_dir / name
        try:
            text = path.read_text(encoding="utf-8")
            return tomllib.loads(text), text, path
        except FileNotFoundError:
            self.problems.append(f"{path}: missing data file")
        except UnicodeDecodeError as error:
            self.problems.append(f"{path}: not UTF-8 ({error.reason})")
        except tomllib.TOMLDecodeError as error:
            # tomllib says "... (at line N, column M)"; put the line up front.
            found = re.search(r"at line (\d+)", str(error))
            line = f":{found.group(1)}" if found else ""
            self.problems.append(f"{path}{line}: invalid TOML: {error}")
        return {}, "", path

    def tables(self, document: dict, text: str, path: Path, header: str, keys: dict,
               may_be_blank: tuple[str, ...] = ()):
        """Yield (line, table) for each [[header]] table, checking required keys
        (a string may be "" if its key is in may_be_blank)."""
        lines = _table_lines(text, header)
        tables = document.get(header, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self.problems.append(f"{path}:{_line_containing(text, header)}: `{header}` must be [[{header}]] tables")
            return
        for index, table in enumerate(tables):
            line = lines[index] if index < len(lines) else 1
            ok = True
            for key, kind in keys.items():
                value = table.get(key)
                if not isinstance(value, kind) or (kind is str and not value.strip() and key not in may_be_blank):
                    self.problems.append(
                        f"{path}:{line}: [[{header}]] needs `{key}` ({kind.__name__})"
                    )
                    ok = False
            unknown = set(table) - set(keys)
            if unknown:
                self.problems.append(
                    f"{path}:{line}: [[{header}]] has unknown key(s) {', '.join(sorted(unknown))}"
                )
            if ok and "id" in keys and not _ID.match(table["id"]):
                self.problems.append(
                    f"{path}:{line}: id {table['id']!r} must be lowercase ASCII words joined by '-'"
                )
                ok = False
            if ok:
                yield line, table

    def name_lists(self, document: dict, text: str, path: Path) -> dict[str, dict[str, list[Phrase]]]:
        """data/names.toml's tables of `ur` / `en` word lists, folded into phrases."""
        lists: dict[str, dict[str, list[Phrase]]] = {}
        for key in set(document) - set(NAME_LISTS):
            self.problems.append(f"{path}:{_line_containing(text, key)}: unknown table [{key}] "
                                 f"(known: {', '.join(NAME_LISTS)})")
        for key in NAME_LISTS:
            table = document.get(key)
            line = _line_containing(text, f"[{key}]")
            lists[key] = {"ur": [], "en": []}
            if not isinstance(table, dict):
                if text:
                    self.problems.append(f"{path}: missing table [{key}]")
                continue
            for lang, values in table.items():
                if lang not in lists[key]:
                    self.problems.append(f"{path}:{line}: [{key}] has unknown key {lang!r} (known: ur, en)")
                elif not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                    self.problems.append(f"{path}:{line}: [{key}] {lang} must be a list of words")
                else:
                    lists[key][lang] = [tuple(words(normalize_urdu(v))) for v in values]
        return lists

    def regex(self, pattern: str, path: Path, line: int) -> DataPattern | None:
        """The pattern, case-insensitive and multi-line, on RE2 (see _RE2_OPTIONS)."""
        try:
            engine_pattern = "(?m)" + _as_re2(normalize_urdu(pattern))
            return DataPattern(pattern, re2.compile(engine_pattern, _RE2_OPTIONS), engine_pattern)
        except re2.error as error:
            reason = error.args[0].decode() if isinstance(error.args[0], bytes) else error.args[0]
            self.problems.append(f"{path}:{line}: bad regular expression {pattern!r}: {reason}")
            return None


def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """Read and check every data file, each by its own loader below; raise
    KnowledgeError listing all problems of all files."""
    loader = _Loader(Path(data_dir))
    boilerplate = _load_boilerplate(loader)
    outlets, wires, source_phrases = _load_outlets(loader)
    categories = _load_categories(loader)
    name_lists = loader.name_lists(*loader.load("names.toml"))
    # Words a glossary variant must not be, and names.py does not take for a name.
    common_words = frozenset(w for phrases in name_lists["common_words"].values() for phrase in phrases for w in phrase)
    glossary, incomplete = _load_glossary(loader, common_words)
    caption_credits, caption_head_endings = _load_captions(loader)
    day_words = _load_day_words(loader)
    date_words = _load_date_words(loader)
    chrome = _load_chrome(loader)
    never_chrome = _load_never_chrome(loader)
    if loader.problems:
        raise KnowledgeError(loader.problems)
    return Knowledge(
        boilerplate=boilerplate,
        line_kinds=LineKinds(boilerplate),
        outlets=outlets,
        wires=wires,
        source_phrases=source_phrases,
        categories=categories,
        glossary=glossary,
        caption_credits=caption_credits,
        caption_head_endings=caption_head_endings,
        day_words=day_words,
        date_words=date_words,
        chrome=chrome,
        never_chrome=never_chrome,
        incomplete=incomplete,
        names=_name_vocabulary(name_lists, common_words, glossary),
    )


def _load_boilerplate(loader: _Loader) -> list[BoilerplatePattern]:
    """data/boilerplate.toml: whole lines outlets print, each with its kind."""
    document, text, path = loader.load("boilerplate.toml")
    _unknown_keys(loader, document, text, path, {"line"})
    boilerplate = []
    for line, table in loader.tables(document, text, path, "line", {"kind": str, "pattern": str}):
        regex = loader.regex(table["pattern"], path, _line_containing(text, "pattern", line))
        if regex:
            boilerplate.append(BoilerplatePattern(table["kind"], regex))
    return boilerplate


def _load_outlets(loader: _Loader) -> tuple[list[Outlet], list[Wire], list[str]]:
    """data/outlets.toml: outlets with their signatures, wire agencies, and the
    phrases that credit a source ("{name} کے مطابق")."""
    document, text, path = loader.load("outlets.toml")
    _unknown_keys(loader, document, text, path, {"outlet", "wire", "source_phrases"})
    outlets = []
    for line, table in loader.tables(document, text, path, "outlet",
                                     {"id": str, "ur": str, "en": str, "signatures": list}):
        regexes = [loader.regex(p, path, _line_containing(text, p, line)) for p in table["signatures"]]
        outlets.append(Outlet(table["id"], normalize_urdu(table["ur"]), table["en"], tuple(r for r in regexes if r)))
    wires = [
        Wire(table["id"], normalize_urdu(table["ur"]), table["en"], tuple(normalize_urdu(n) for n in table["names"]))
        for _, table in loader.tables(document, text, path, "wire", {"id": str, "ur": str, "en": str, "names": list})
    ]
    source_phrases = [normalize_urdu(p) for p in document.get("source_phrases", [])]
    for phrase in source_phrases:
        if "{name}" not in phrase:
            loader.problems.append(f"{path}:{_line_containing(text, phrase)}: source phrase {phrase!r} lacks {{name}}")
    _check_unique_ids(loader, "outlet", outlets)
    _check_unique_ids(loader, "wire", wires)
    return outlets, wires, source_phrases


def _load_categories(loader: _Loader) -> list[Category]:
    """data/categories.toml: the site's categories and the section labels that name each."""
    document, text, path = loader.load("categories.toml")
    _unknown_keys(loader, document, text, path, {"category"})
    categories = [
        Category(t["id"], normalize_urdu(t["ur"]), t["en"], tuple(normalize_urdu(x) for x in t["labels"]))
        for _, t in loader.tables(document, text, path, "category", {"id": str, "ur": str, "en": str, "labels": list})
    ]
    _check_unique_ids(loader, "category", categories)
    return categories


def _load_glossary(loader: _Loader, common_words: frozenset[str]) -> tuple[list[GlossaryEntry], list[str]]:
    """data/glossary.toml and data/glossary/*.toml: the entities articles are
    tagged with; and, for `make check`, the entries that lack a name in one language."""
    glossary: list[GlossaryEntry] = []
    incomplete: list[str] = []
    claimed: dict[str, str] = {}  # folded variant -> id of the entry that has it
    glossary_files = ["glossary.toml", *(
        f"glossary/{p.name}" for p in sorted((loader.data_dir / "glossary").glob("*.toml")))]
    for name in glossary_files:
        document, text, path = loader.load(name)
        # `[[entries]]` for `[[entry]]` would leave the file, and the site, without its names.
        _unknown_keys(loader, document, text, path, {"entry"})
        if not document.get("entry") and path.is_file() and not any(p.startswith(str(path)) for p in loader.problems):
            loader.problems.append(f"{path}: the glossary has no [[entry]] at all")
        for line, table in loader.tables(
            document, text, path, "entry",
            {"id": str, "kind": str, "ur": str, "en": str, "variants": list}, may_be_blank=("ur", "en"),
        ):
            if table["kind"] not in ENTITY_KINDS:
                loader.problems.append(f"{path}:{line}: kind {table['kind']!r} is not one of {', '.join(ENTITY_KINDS)}")
                continue
            variants = _claim_variants(loader, text, path, line, table, claimed, common_words)
            ur, en = normalize_urdu(table["ur"]).strip(), table["en"].strip()
            missing = tuple(lang for lang, name in (("ur", ur), ("en", en)) if not name)
            if len(missing) == 2:
                loader.problems.append(f"{path}:{line}: [[entry]] {table['id']!r} needs `ur` or `en`")
                continue
            for lang in missing:
                incomplete.append(f"{path}:{line}: entry {table['id']!r} needs an "
                                  f"{'English' if lang == 'en' else 'Urdu'} name (`{lang}`)")
            glossary.append(GlossaryEntry(table["id"], table["kind"], ur or en, en or ur, variants, missing))
    if not glossary and not loader.problems:
        loader.problems.append(f"{loader.data_dir / 'glossary.toml'}: the glossary has no [[entry]] at all")
    _check_unique_ids(loader, "entry", glossary)
    return glossary, incomplete


def _claim_variants(loader: _Loader, text: str, path: Path, line: int, table: dict,
                    claimed: dict[str, str], common_words: frozenset[str]) -> tuple[str, ...]:
    """An entry's variants, each claimed for it in `claimed`; one that is not a
    name, or that another entry has already, is reported."""
    variants = tuple(dict.fromkeys(normalize_urdu(v).strip() for v in table["variants"]))
    for variant in variants:
        key = fold_for_matching(variant)
        refusal = _not_a_name(variant, key, common_words)
        if not refusal and key in claimed and claimed[key] != table["id"]:
            refusal = f"is already a variant of {claimed[key]!r}"
        if refusal:
            variants_line = _line_containing(text, "variants", line)
            loader.problems.append(f"{path}:{_line_containing(text, variant, variants_line)}: "
                                   f"variant {variant!r} of {table['id']!r} {refusal}")
            continue
        claimed[key] = table["id"]
    return variants


def _load_captions(loader: _Loader) -> tuple[PatternSet, PatternSet]:
    """data/captions.toml: photo credits (groups `text` and `credit`), and the
    endings of a caption printed under the headline."""
    document, text, path = loader.load("captions.toml")
    _unknown_keys(loader, document, text, path, {"credit_patterns", "head_endings"})
    credits = []
    for pattern in document.get("credit_patterns", []):
        line = _line_containing(text, pattern)
        regex = loader.regex(pattern, path, line)
        if regex and not {"text", "credit"} <= set(regex.groupindex):
            loader.problems.append(f"{path}:{line}: credit pattern needs groups `text` and `credit`")
        elif regex:
            credits.append(regex)
    head_endings = [regex for p in document.get("head_endings", [])
                    if (regex := loader.regex(p, path, _line_containing(text, p)))]
    return PatternSet(credits), PatternSet(head_endings, anchor="search")


def _load_day_words(loader: _Loader) -> dict[str, int]:
    """data/urdu_numbers.toml: day numbers written as words."""
    document, text, path = loader.load("urdu_numbers.toml")
    _unknown_keys(loader, document, text, path, {"days"})
    return {normalize_urdu(k): v for k, v in document.get("days", {}).items()}


def _load_never_chrome(loader: _Loader) -> frozenset[str]:
    """data/never_chrome.toml: lines that are never chrome, as `page.comparable` keys."""
    document, text, path = loader.load("never_chrome.toml")
    _unknown_keys(loader, document, text, path, {"lines"})
    return frozenset(comparable(normalize_urdu(line)) for line in _strings(loader, document, text, path, "lines"))


def _check_unique_ids(loader: _Loader, table: str, items: list) -> None:
    seen = set()
    for item in items:
        if item.id in seen:
            loader.problems.append(f"{loader.data_dir}: two [[{table}]] tables have id {item.id!r}")
        seen.add(item.id)


def _name_vocabulary(name_lists: dict[str, dict[str, list[Phrase]]], common_words: frozenset[str],
                     glossary: list[GlossaryEntry]) -> NameVocabulary:
    """names.toml's lists indexed by first word, and every glossary variant (a known name, not a new one)."""
    known = {tuple(words(v)): entry.kind for entry in glossary for v in entry.variants}
    return NameVocabulary(
        **{key: {lang: _index(phrases) for lang, phrases in name_lists[key].items()}
           for key in ("titles", "portfolios", "organisation_words", "organisation_heads", "place_words",
                       "place_heads", "given_names", "family_names")},
        **{key: {lang: frozenset(w for p in phrases for w in p) for lang, phrases in name_lists[key].items()}
           for key in ("organisation_links", "function_words")},
        common_words=common_words,
        known=known,
        known_lengths={first: tuple(sorted({len(p) for p in phrases}, reverse=True))
                       for first, phrases in _index(list(known)).items()},
    )


def _index(phrases: list[Phrase]) -> PhraseIndex:
    index: dict[str, set[Phrase]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], set()).add(phrase)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}


def _not_a_name(variant: str, folded: str, common_words: frozenset[str]) -> str | None:
    """Why a glossary variant would match text that does not name the entry."""
    letters = sum(c.isalpha() for c in variant)
    if letters <= 1:
        return "is a single letter: too short to be a name"
    if letters == 2 and _LATIN.search(variant) and not variant.isupper():
        return "is a Latin word of two letters that is not an abbreviation in capitals"
    if folded in common_words and not ABBREVIATION.fullmatch(variant):
        return "is an ordinary word (data/names.toml `common_words`), not a name"
    return None


def _strings(loader: _Loader, document: dict, text: str, path: Path, key: str) -> tuple[str, ...]:
    """A list of strings from a data file; anything else is reported."""
    values = document.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        loader.problems.append(f"{path}:{_line_containing(text, key)}: `{key}` must be a list of non-empty strings")
        return ()
    return tuple(values)


def _unknown_keys(loader: _Loader, document: dict, text: str, path: Path, known: set[str]) -> None:
    for key in sorted(set(document) - known):
        loader.problems.append(f"{path}:{_line_containing(text, key)}: unknown key or table `{key}`")


def _load_date_words(loader: _Loader) -> DateWords:
    document, text, path = loader.load("dates.toml")
    _unknown_keys(loader, document, text, path,
                  {"filler", "hijri_months", "month_variants", "weekday_variants", "labels", "american_time_zones",
                   "edition_labels"})
    numbered = {}
    for table, top in (("month_variants", 12), ("weekday_variants", 6)):
        values = document.get(table, {})
        for name, number in values.items():
            if not isinstance(number, int) or not (0 if top == 6 else 1) <= number <= top:
                loader.problems.append(f"{path}:{_line_containing(text, name)}: {name!r} needs a number up to {top}")
        numbered[table] = {normalize_urdu(k): v for k, v in values.items() if isinstance(v, int)}
    labels = document.get("labels", {})
    _unknown_keys(loader, labels, text, path, {"published", "updated", "today"})
    return DateWords(
        month_variants=numbered["month_variants"],
        weekday_variants=numbered["weekday_variants"],
        published=_strings(loader, labels, text, path, "published"),
        updated=_strings(loader, labels, text, path, "updated"),
        today=_strings(loader, labels, text, path, "today"),
        filler=_strings(loader, document, text, path, "filler"),
        hijri_months=_strings(loader, document, text, path, "hijri_months"),
        american_time_zones=_strings(loader, document, text, path, "american_time_zones"),
        edition_labels=_strings(loader, document, text, path, "edition_labels"),
    )


def _load_chrome(loader: _Loader) -> ChromeVocabulary:
    document, text, path = loader.load("chrome.toml")
    words = ("counter_words", "comment_words", "site_words", "byline_labels", "byline_names", "tag_labels",
             "section_labels", "credit_labels", "menu_words")
    patterns = ("reading_time", "page_age", "widgets")
    _unknown_keys(loader, document, text, path, set(words) | set(patterns))
    values = {key: tuple(normalize_urdu(w) for w in _strings(loader, document, text, path, key)) for key in words}
    for key in patterns:
        values[key] = PatternSet([
            regex for p in _strings(loader, document, text, path, key)
            if (regex := loader.regex(p, path, _line_containing(text, p)))
        ])
    return ChromeVocabulary(**values)
