"""`make extract`, `make check` and `make names`: the importer without a site build."""

import argparse
import json
import os
import sys
from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from akhbar import markdown_metadata as metadata
from akhbar import urls as site_urls
from akhbar.name_groups import (
    ACCEPTED_FILE,
    ACCEPTED_HEADER,
    RECURRING_SEEDS,
    accepted_entry,
    entry_id,
    group_names,
    recurring,
)
from akhbar.normalize import fold_for_matching, words
from akhbar.published_urls import read_record
from akhbar.settings import site_settings
from akhbar.sources import source_files

from .archive_chrome import candidates_of_file, learn_archive_chrome
from .corrections import SUFFIX, seed_for
from .decoding import SeedError
from .importer import extractor_for, import_seed, slug_for
from .imports import CACHE_FILE, ImportedSeeds
from .knowledge import DATA_DIR, KnowledgeError, _not_a_name, load_knowledge
from .same_story import check_lines
from .settings import settings_of


def extract_command(paths: list[Path]) -> int:
    """One file: one indented JSON object. Several files or a folder: one
    object per line (JSON Lines), in the order given, folders sorted; a file
    that cannot be imported is reported on stderr and the others go on."""
    files = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()) if path.is_dir() else [path])
    extractor = extractor_for(DATA_DIR)
    # The archive's own chrome, as a build learns it: from the pages given and the archive's seeds.
    archive = sorted(set(files) | set(Path("seeds").glob("*.txt")))
    archive_chrome = frozenset(learn_archive_chrome(candidates_of_file(p) for p in archive))
    failed = 0
    for path in files:
        try:
            seed = import_seed(path, extractor, archive_chrome)
        except SeedError as error:
            where = f"{getattr(error, 'path', path)}:{error.line}" if error.line else f"{getattr(error, 'path', path)}"
            print(f"{where}: {error.reason}", file=sys.stderr)
            failed += 1
            continue
        for line, reason in seed.correction_problems:
            print(f"{seed.sidecar}:{line}: {reason}" if line else f"{seed.sidecar}: {reason}", file=sys.stderr)
        failed += bool(seed.correction_problems)
        result = {"file": str(path)} if len(files) > 1 or paths[0].is_dir() else {}
        result.update(seed.extraction.as_dict())
        result["slug"] = seed.slug
        if len(files) == 1 and not paths[0].is_dir():
            json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        else:
            json.dump(result, sys.stdout, ensure_ascii=False)
        print()
    return 1 if failed else 0


def markdown_metadata(path: Path) -> tuple[dict[str, tuple[int, str]], list[str]]:
    """Pelican-style `Key: value` header lines, with their line numbers."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark, as Pelican's reader allows
    except UnicodeDecodeError as error:
        return {}, [f"{path}: not UTF-8 ({error.reason})"]
    fields, problems = metadata.header(text)
    return fields, [f"{path}:{line}: {reason}" for line, reason in problems]


def check_markdown(path: Path, knowledge, kind: str, root: Path, settings) -> tuple[str | None, list[str]]:
    """As the build's Markdown reader checks a file (akhbar.markdown_metadata), and more."""
    fields, problems = markdown_metadata(path)
    problems += [f"{path}:{line}: {reason}" for line, reason in metadata.field_problems(fields, kind)]
    if not problems:
        text = path.read_text(encoding="utf-8-sig")
        # The summary too: Pelican copies the files it links.
        html = "".join(metadata.sanitise(Markdown(**settings["MARKDOWN"]).convert(part))
                       for part in (text, fields.get("summary", (0, ""))[1]))
        problems += [f"{path}:{metadata.line_of(text, link)}: link {link!r} refused: {reason}"
                     for link, reason in metadata.refused_files(html, path.relative_to(root).as_posix(), str(root))]
    if "category" in fields:
        line, value = fields["category"]
        if not (knowledge.category(value) or knowledge.category_for_label(value)):
            problems.append(f"{path}:{line}: unknown category {value!r} (see data/categories.toml)")
    if "title" not in fields or not fields["title"][1]:
        problems.append(f"{path}:1: missing `Title:`")
    _, slug = fields.get("translation-of" if "translation-of" in fields else "slug", (None, None))
    return slug or slug_for(path), problems


def build_files(root: Path) -> tuple[list[Path], list[Path], list[str]]:
    """The article and page files a build of `root` reads, found as the build
    finds them (sources.source_files, with the folders its pelican.conf.py
    names), and `path: reason` for each file it refuses."""
    settings = read_settings(str(root / "pelican.conf.py"))
    ignores = settings["IGNORE_FILES"]
    articles, refused = source_files(settings["PATH"], settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"],
                                     ignores)
    pages, refused_pages = source_files(settings["PATH"], settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"], ignores)
    return [root / f for f in articles], [root / f for f in pages], refused + refused_pages


def check_command(root: Path) -> int:
    """Validate data files, seeds, corrections and Markdown; print file:line: reason."""
    problems: list[str] = []
    doubtful: list[str] = []
    try:
        extractor = extractor_for(DATA_DIR)
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    urls: dict[tuple[str, str], Path] = {}
    # As the build decides (plugins/unique_urls): the file the record lists keeps its URL.
    settings = read_settings(str(root / "pelican.conf.py"))
    record_name = site_settings(settings).published_urls
    record = read_record(root / record_name)

    def claim(slug: str, lang: str, path: Path):
        url = f"{'' if lang == 'ur' else lang + '/'}{slug}.html"
        if owner := site_urls.reserved(url):
            problems.append(f"{path}: its URL ({url}) is where the site writes {owner}")
            return
        recorded = record.get(url)
        if recorded and recorded != path.relative_to(root).as_posix() and (root / recorded).is_file():
            problems.append(
                f"{path}: same URL ({url}) as {root / recorded}, which has it ({record_name})")
            return
        if (slug, lang) in urls:
            problems.append(f"{path}: same URL ({url}) as {urls[(slug, lang)]}")
        urls.setdefault((slug, lang), path)

    articles, pages, refused = build_files(root)
    problems.extend(refused)
    seeds = [p for p in [*articles, *pages] if p.suffix == ".txt"]
    archive_chrome = frozenset(learn_archive_chrome(candidates_of_file(p) for p in seeds))
    imported = {}
    for path in seeds:
        try:
            seed = import_seed(path, extractor, archive_chrome)
        except SeedError as error:
            where = getattr(error, "path", path)
            problems.append(f"{where}:{error.line}: {error.reason}" if error.line else f"{where}: {error.reason}")
            continue
        problems.extend(f"{seed.sidecar}:{line}: {reason}" if line else f"{seed.sidecar}: {reason}"
                        for line, reason in seed.correction_problems)
        if path in articles:
            imported[path.relative_to(root).as_posix()] = seed
        low = seed.extraction.low_confidence_fields()
        if low:
            doubtful.append(f"{path}: low confidence: {', '.join(low)}")
    # As the build decides (same_story.py): a copy of another seed's story is not published, nor claims a URL.
    copies, wrong, folded = check_lines(imported, set(record.values()), settings)
    doubtful.extend(copies)
    problems.extend(wrong)
    for name, seed in imported.items():
        if name not in folded:
            claim(seed.slug, seed.extraction.language, root / name)
    for sidecar in [p for p in articles if p.name.endswith(SUFFIX)]:
        if not seed_for(sidecar).exists():
            problems.append(f"{sidecar}: corrects {seed_for(sidecar).name}, which does not exist")
    translations = []
    for path in [p for p in [*articles, *pages] if p.suffix[1:] in MarkdownReader.file_extensions]:
        slug, found = check_markdown(path, extractor.knowledge, "page" if path in pages else "article", root, settings)
        problems.extend(found)
        fields, _ = markdown_metadata(path)
        if path in pages or found or fields.get("status", (0, ""))[1].lower() == "draft":
            continue  # not built
        claim(slug, fields.get("lang", (0, "ur"))[1], path)
        if "translation-of" in fields:
            translations.append((path, fields["translation-of"]))
    for path, (line, target) in translations:
        if not any(slug == target and owner != path for (slug, _), owner in urls.items()):
            problems.append(f"{path}:{line}: Translation-of: {target}, but no article has that slug")
    doubtful.extend(extractor.knowledge.incomplete)
    for line in doubtful:
        print(line)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked: {len(urls)} article(s), {len(problems)} error(s), {len(doubtful)} doubtful", file=sys.stderr)
    return 1 if problems else 0


def archive_names(root: Path) -> tuple[list, int]:
    """(name groups, seeds that could not be imported) of the archive's seeds,
    imported as the build imports them: kept imports of the last build are
    used as they are (read only), the others imported on every core."""
    articles, _, _ = build_files(root)
    settings = read_settings(str(root / "pelican.conf.py"))
    paths = [Path(os.path.abspath(p)) for p in articles if p.suffix == ".txt"]
    cache = Path(os.path.abspath(root / settings["CACHE_PATH"])) / CACHE_FILE
    imports = ImportedSeeds(cache, Path(settings_of(settings).data_dir), writable=False)
    imports.prefetch(paths, os.cpu_count() or 1)
    named, failed = [], 0
    for path in paths:
        try:
            named.append((str(path), imports.get(path).extraction.names))
        except SeedError:
            failed += 1  # `make check` says why
    return group_names(named), failed


def names_command(root: Path, min_seeds: int, accept: str | None, kind: str | None) -> int:
    """List the names that recur across the archive without a glossary entry,
    the most seeds first, or with `accept`, write the glossary entry of one."""
    try:
        knowledge = extractor_for(DATA_DIR).knowledge
    except KnowledgeError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    groups, failed = archive_names(root)
    if failed:
        print(f"{failed} seed(s) could not be imported (make check says why)", file=sys.stderr)
    if accept is not None:
        return accept_name(groups, accept, kind, knowledge)
    shown = recurring(groups, min_seeds)
    print(f"{len(shown)} name(s) on {min_seeds} or more seeds without a glossary entry, the most seeds first "
          f"(make names ACCEPT=\"<spelling>\" writes one to data/{ACCEPTED_FILE}):")
    for group in shown:
        print(f"{len(group.seeds):>5} seed(s)  {group.kind:<12}  {' | '.join(group.variants())}")
        print(f"{'':>30}found by: {group.why()}")
    return 0


def accept_name(groups: list, spelling: str, kind: str | None, knowledge) -> int:
    """Write a glossary entry for the group that has this spelling; check the data files still load."""
    wanted = tuple(words(spelling))
    group = next((g for g in groups if wanted in g.keys), None)
    if group is None:
        print(f"no name of the archive is spelled {spelling!r} (make names lists them)", file=sys.stderr)
        return 1
    claimed = {fold_for_matching(v) for entry in knowledge.glossary for v in entry.variants}
    common = knowledge.names.common_words
    variants = [v for v in group.variants()
                if fold_for_matching(v) not in claimed and not _not_a_name(v, fold_for_matching(v), common)]
    entry = entry_id(group, {e.id for e in knowledge.glossary})
    path = DATA_DIR / ACCEPTED_FILE
    before = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text((before or ACCEPTED_HEADER) + accepted_entry(group, entry, kind or group.kind, variants),
                    encoding="utf-8")
    try:
        load_knowledge(DATA_DIR)
    except KnowledgeError as error:
        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        print("not accepted: the entry would not load:\n" + "\n".join(error.problems), file=sys.stderr)
        return 1
    print(f"{path}: entry {entry!r} ({kind or group.kind}), variants: {', '.join(variants)}; "
          "complete its English name (en) and its id")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="seed_reader", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print what the importer extracts from a text file, as JSON")
    extract.add_argument("files", type=Path, nargs="+", help="text files or folders of them")
    check = commands.add_parser("check", help="validate seeds, corrections, content and data files")
    check.add_argument("--root", type=Path, default=Path("."))
    names = commands.add_parser("names", help="names that recur across the archive without a glossary entry")
    names.add_argument("--root", type=Path, default=Path("."))
    names.add_argument("--min-seeds", type=int, default=RECURRING_SEEDS, help="list names on this many seeds or more")
    names.add_argument("--accept", metavar="SPELLING", help="write a glossary entry for the name spelled so")
    names.add_argument("--kind", choices=("person", "place", "organisation", "topic"),
                       help="with --accept: the entry's kind, if not the one the name was found as")
    args = parser.parse_args(argv)
    if args.command == "extract":
        return extract_command(args.files)
    if args.command == "names":
        return names_command(args.root, args.min_seeds, args.accept, args.kind)
    return check_command(args.root)
