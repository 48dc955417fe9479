"""Pelican glue of duplicates.py: seeds that are one story become one article.

Once every seed is read (`article_generator_pretaxonomy`, before URLs are
settled, listings made or search indexed), the archive's bodies are brought up
to date in the kept LSH index (CACHE_PATH/duplicates.pickle) and the seeds
grouped into stories. Of each story one copy is published; the others are left
out of the build and reported (`seeds/b.txt: same article as seeds/a.txt: not
published`), and the outlets of its syndicated copies are named on its page
(`also_published_by`), listed on their outlet pages and searchable by outlet.
Every decision of a build is listed in CACHE_PATH/duplicates.txt.
`make check` decides the same way (`check_lines`).
"""

import gc
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican.log import console

from akhbar.build import build_state
from akhbar.kept import kept_folder, load_kept, save_kept
from akhbar.published_urls import read_record, record_path
from akhbar.reports import report_file

from .corrections import SUFFIX, line_of_key
from .duplicates import EXACT, SYNDICATED, BodyIndex, BodyPrint, Copy, Thresholds, report, same_stories, seed_named

logger = logging.getLogger(__name__)
CACHE_VERSION = 1
LISTING = "duplicates.txt"
# Reports shown in one build; all of them are listed in LISTING.
SHOWN = 20


def copy_of(seed: str, imported) -> Copy:
    """A seed (its path as reported) as duplicates.same_stories sees it, from its import."""
    found, corrections = imported.extraction, imported.corrections
    lines = {}
    if "duplicate_of" in corrections or "not_duplicate_of" in corrections:
        text = imported.sidecar.read_text(encoding="utf-8-sig")
        lines = {key: line_of_key(text, key) for key in ("duplicate_of", "not_duplicate_of")}
    return Copy(
        seed, imported.body.text_digest, found.word_count, found.date, found.outlet.id if found.outlet else None,
        duplicate_of=seed_named(corrections["duplicate_of"], seed) if "duplicate_of" in corrections else None,
        not_duplicate_of=tuple(seed_named(name, seed) for name in corrections.get("not_duplicate_of", [])),
        duplicate_of_line=lines.get("duplicate_of"), not_duplicate_of_line=lines.get("not_duplicate_of"))


def decide(copies: dict[str, Copy], bodies: dict[str, BodyPrint], published: set[str], index: BodyIndex):
    """(stories, problems) of seeds by their path as reported."""
    # Without the collector's full passes: they would walk every object of the
    # archive (all alive, none garbage) while the index makes its many small
    # ones, which doubled the decision's time at 10,000 seeds.
    collecting = gc.isenabled()
    gc.disable()
    try:
        index.update(bodies)
        for seed, copy in copies.items():
            copy.published = seed in published
        return same_stories(list(copies.values()), index.pairs, index.thresholds)
    finally:
        if collecting:
            gc.enable()


def problem_line(problem) -> str:
    sidecar = problem.seed.removesuffix(".txt") + SUFFIX
    return f"{sidecar}:{problem.line}: {problem.reason}" if problem.line else f"{sidecar}: {problem.reason}"


def check_lines(imported: dict[str, object], published: set[str], settings) -> tuple[list[str], list[str], set[str]]:
    """For `make check`, the seeds by their path as reported, each with its
    ImportedSeed: (reports, errors, seeds not published)."""
    try:
        thresholds = Thresholds.from_settings(settings)
    except ValueError as error:
        return [], [f"pelican.conf.py: {error}"], set()
    stories, problems = decide({seed: copy_of(seed, found) for seed, found in imported.items()},
                               {seed: found.body for seed, found in imported.items()}, published,
                               BodyIndex(thresholds))
    lines = [line for story in stories for line in report(story)]
    return lines, [problem_line(p) for p in problems], {f.seed for s in stories for f in s.folded}


@dataclass
class Decision:
    """What `fold` decided, with what it needs to decide again."""
    sources: list[str]  # the articles' source paths it decided among
    published: set[str]
    index: BodyIndex
    said: tuple[list[str], list[str]]  # its reports and its problems, as listed
    in_stories: set[str]  # the seeds of every story of more than one copy


class SameStories:
    def __init__(self):
        # By source path: the seed as duplicates.py sees it, and its print.
        self.read: dict[str, tuple[Copy, BodyPrint]] = {}
        self.decision: Decision | None = None

    def seen(self, path: Path, imported, root: str) -> None:
        """The reader imported this seed."""
        seed = Path(os.path.relpath(path, root)).as_posix()
        self.read[os.path.abspath(path)] = (copy_of(seed, imported), imported.body)

    def fold(self, generator):
        settings = generator.settings
        try:
            thresholds = Thresholds.from_settings(settings)
        except ValueError as error:
            logger.error("pelican.conf.py: %s; duplicates are not looked for", error)
            return
        seeds = [a for a in generator.articles if a.source_path in self.read]
        sources = [a.source_path for a in seeds]
        articles = {self.read[a.source_path][0].seed: a for a in seeds}
        if not articles:
            return
        cache = kept_folder(settings) / "duplicates.pickle"
        index = BodyIndex(thresholds, load_kept(cache, CACHE_VERSION))
        published = set(read_record(record_path(settings)).values())
        stories, problems = self._decide(sources, published, index)
        if index.changed or not cache.exists():
            save_kept(cache, CACHE_VERSION, index.state())
        self.decision = Decision(sources, published, index, self._said(stories, problems),
                                 {seed for story in stories for seed in (story.kept, *(f.seed for f in story.folded))})
        for problem in problems:
            logger.error("%s", problem_line(problem))

        dropped = {}
        for story in stories:
            kept = articles[story.kept]
            outlets = {}
            for folded in story.folded:
                dropped[folded.seed] = story
                build_state().copies_not_published[folded.seed] = story.kept
                outlet = getattr(articles[folded.seed], "outlet", None)
                if folded.kind == SYNDICATED and outlet and outlet != kept.outlet:
                    outlets[outlet.id] = outlet
            kept.also_published_by = [outlets[key] for key in sorted(outlets)]
        self._report(stories, settings)
        if dropped:
            gone = {id(articles[seed]) for seed in dropped}
            for seed, story in sorted(dropped.items()):
                for translation in articles[seed].translations:
                    logger.warning("%s: translates %s, which is not published (same article as %s): not published; "
                                   "make it Translation-of: %s", translation.get_relative_source_path(), seed,
                                   story.kept, articles[story.kept].slug)
                    gone.add(id(translation))
            generator.articles = [a for a in generator.articles if id(a) not in gone]
            generator.translations = [a for a in generator.translations if id(a) not in gone]

    def _decide(self, sources: list[str], published: set[str], index: BodyIndex):
        copies = {self.read[source][0].seed: self.read[source][0] for source in sources}
        bodies = {self.read[source][0].seed: self.read[source][1] for source in sources}
        return decide(copies, bodies, published, index)

    @staticmethod
    def _said(stories, problems) -> tuple[list[str], list[str]]:
        return [line for story in stories for line in report(story)], [problem_line(p) for p in problems]

    def decision_stands(self, changed: list[str]) -> bool:
        """After these seeds were read again (a quick rebuild,
        akhbar/held_build.py): whether deciding again among the same seeds,
        with their new bodies, reports and publishes exactly what the build
        decided. A seed that was in no story, and is still alike to no other
        (no pair, no other copy of its text, no editor's word either way),
        changes no decision: the whole decision is made again only otherwise."""
        if self.decision is None:
            return not self.read
        held = self.decision
        seeds = {self.read[source][0].seed for source in changed if source in self.read}
        if seeds.isdisjoint(held.in_stories):
            held.index.update({self.read[source][0].seed: self.read[source][1] for source in held.sources})
            if self._alone(seeds, held):
                return True
        return self._said(*self._decide(held.sources, held.published, held.index)) == held.said

    def _alone(self, seeds: set[str], held: Decision) -> bool:
        copies = [self.read[source][0] for source in held.sources]
        named = {name for copy in copies for name in (copy.duplicate_of, *copy.not_duplicate_of)}
        texts = {}
        for copy in copies:
            texts[copy.text_digest] = texts.get(copy.text_digest, 0) + 1
        paired = {seed for pair in held.index.pairs for seed in pair}
        return all(texts[copy.text_digest] == 1 and copy.duplicate_of is None and not copy.not_duplicate_of
                   for copy in copies if copy.seed in seeds) and seeds.isdisjoint(named | paired)

    @staticmethod
    def _report(stories, settings) -> None:
        lines = [line for story in stories for line in report(story)]
        listing = report_file(settings, LISTING)
        listing.parent.mkdir(parents=True, exist_ok=True)
        listing.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        # Copies an editor has confirmed (duplicate_of) and syndicated copies are
        # expected: listed, not shown. The others are shown, the first few.
        shown = [line for story in stories for folded, line in zip(story.folded, report(story), strict=False)
                 if not folded.confirmed and folded.kind != SYNDICATED]
        for line in shown[:SHOWN]:
            logger.warning("%s", line)
        if lines:
            exact = sum(f.kind == EXACT for s in stories for f in s.folded)
            syndicated = sum(f.kind == SYNDICATED for s in stories for f in s.folded)
            where = os.path.relpath(listing, settings.get("PATH", "."))
            console.print(f"{len(lines)} seed(s) not published, the same story as another ({exact} exact "
                          f"copies, {len(lines) - exact - syndicated} other versions, {syndicated} from other "
                          f"outlets): all listed in {where}", soft_wrap=True)

    def finish(self, pelican):
        self.read, self.decision = {}, None


SAME_STORIES = SameStories()
