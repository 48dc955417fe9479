"""A raw news page (plain text) in, an article's text and metadata out.

Pure logic: no Pelican, no files. `ArticleExtractor.extract` is what the
Pelican reader, `make extract` and the tests all call. It runs named stages
over a model of the page's lines (page.py), as trafilatura does over HTML:

1. `page_lines`: text to lines, a crawler's date header taken off;
2. `LineClassifier.classify` (chrome.py): each line's kind by its shape, with the reason;
3. `find_head` (head.py): section label, headline, standfirst;
4. `find_body` (head.py): the article's paragraphs;
5. the fields: publication date, outlet, source, names, summary.
"""

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from akhbar.languages import READING_SPEED
from akhbar.normalize import TextWords, normalize_urdu

from .chrome import LineClassifier
from .dates import DateVocabulary
from .entities import EntityMention, Gazetteer, words
from .head import HEADLINE_MAX_WORDS, NAVIGATION, Head, find_body, find_head, opens_with_dateline, signed_as_a_blog
from .knowledge import Category, Knowledge, Outlet, PatternSet, Wire
from .names import Name, find_names
from .page import CAPTION, Page, page_lines

SUMMARY_MIN_WORDS = 25
SUMMARY_MAX_WORDS = 60

# A sentence ends at a run of stops followed by a space or the end. The run is
# matched from its first stop only, and never given back: linear on any line.
_SENTENCE_END = re.compile(r"(?<![۔.!?؟])[۔.!?؟]++[\"”’»)]*+(?=\s|$)")
# Runs, not single letters: counting a page's letters one match at a time cost a millisecond.
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None
    line: int

    def as_dict(self) -> dict:
        return {"text": self.text, "credit": self.credit, "line": self.line}


@dataclass(frozen=True)
class RemovedLine:
    """A line that is site chrome, not article: kept out of the body, never silently."""

    line: int
    kind: str
    text: str


@dataclass
class Extraction:
    title: str
    title_confidence: str
    title_line: int | None
    date: dt.date | None
    date_confidence: str
    date_source: str | None
    outlet: Outlet | None
    category: Category | None
    wire: Wire | None
    captions: list[Caption]
    entities: list[EntityMention]
    summary: str
    paragraphs: list[str]
    paragraph_lines: list[int]
    language: str
    word_count: int
    reading_minutes: int
    removed: list[RemovedLine]
    standfirst: str | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    # The section label as the page prints it, whether or not categories.toml knows it.
    section_label: str | None = None
    # Names the glossary does not know, found by what the text says of them (names.py).
    names: list[Name] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Why a field is doubtful, by field ("title", "date", "outlet"); a correction
    # of that field settles it.
    doubts: dict[str, str] = field(default_factory=dict)
    # Fields an editor's corrections file changed ("title", "date", "outlet"): the article says so.
    corrected: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """What an editor should look at: notes on the text, then doubtful fields."""
        return self.notes + list(self.doubts.values())

    def low_confidence_fields(self) -> list[str]:
        fields = []
        if self.title_confidence != "high":
            fields.append("title")
        if self.date_confidence != "high":
            fields.append("date")
        if self.outlet is None:
            fields.append("outlet")
        return fields

    def as_dict(self) -> dict:
        """The JSON shape `make extract` prints."""
        return {
            "title": self.title,
            "title_confidence": self.title_confidence,
            "date": self.date.isoformat() if self.date else None,
            "date_confidence": self.date_confidence,
            "date_source": self.date_source,
            "outlet": _named(self.outlet),
            "category": _named(self.category),
            "source": _named(self.wire),
            "standfirst": self.standfirst,
            "author": self.author,
            "tags": self.tags,
            "section_label": self.section_label,
            "captions": [c.as_dict() for c in self.captions],
            "entities": [e.as_dict() for e in self.entities],
            "names": [n.as_dict() for n in self.names],
            "summary": self.summary,
            "paragraphs": self.paragraphs,
            "language": self.language,
            "word_count": self.word_count,
            "reading_minutes": self.reading_minutes,
            "removed": [{"line": r.line, "kind": r.kind, "text": r.text} for r in self.removed],
            "warnings": self.warnings,
        }


def _named(thing) -> dict | None:
    return None if thing is None else {"id": thing.id, "ur": thing.ur, "en": thing.en}


def sentences(paragraph: str) -> list[str]:
    found, start = [], 0
    for end in _SENTENCE_END.finditer(paragraph):
        found.append(paragraph[start:end.end()])
        start = end.end()
    found.append(paragraph[start:])
    return [s.strip() for s in found if s.strip()]


# A dateline opening the lede ("لاہور (این این آئی۔ 28 دسمبر2021ء)", "ISLAMABAD:"):
# no part of a headline made from the lede.
_OPENING_DATELINE = re.compile(
    r"^[^()<>\n]{1,40}\([^()\n]{0,120}\)\s*[-–:：]?\s*|^[^\s:：<>]{2,20}(?:\s[^\s:：<>]{1,20}){0,2}\s*[:：]\s*")
# Tags and URLs are Latin whatever the language of the text around them.
_MARKUP = re.compile(r"<[^>]*>|https?://\S+")


# A dateline with its agency ("لاہور (اردوپوائنٹ … ایجنسی۔ 14 مارچ2026ء)") is at most this long.
DATELINE_MAX_CHARS = 150
# A date glued after a dateline's closing bracket is at most this long ("۲۷ جنوری ۲۰۲۵ء").
DATE_AFTER_BRACKET_CHARS = 30
# Enough text to tell the script of a page.
LANGUAGE_SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str:
    text = _MARKUP.sub(" ", text[:LANGUAGE_SAMPLE_CHARS])
    latin = sum(map(len, _LATIN.findall(text)))
    return "ur" if _arabic_letters_reach(text, latin) else "en"


def _arabic_letters_reach(text: str, count: int) -> bool:
    """Whether text holds at least `count` Arabic-script letters. Counted in
    growing prefixes: on an Urdu page the first few hundred characters
    outnumber all its Latin letters, and counting the rest cost most of the
    detection."""
    prefix = 512
    while prefix < len(text):
        if sum(map(len, _ARABIC_SCRIPT.findall(text, 0, prefix))) >= count:
            return True
        prefix *= 4
    return sum(map(len, _ARABIC_SCRIPT.findall(text))) >= count


def headline_from_lede(paragraphs: list[str]) -> str:
    """A stand-in headline when the page lost its own: the lede's main clause.

    News ledes report speech ("X told reporters that Y"); Y is the news, so a
    long first sentence is cut to what follows the first "کہ" / "that", then to
    its first clause.
    """
    if not paragraphs:
        return ""
    lede = _OPENING_DATELINE.sub("", paragraphs[0], count=1)
    if len(lede.split()) < 3:  # no dateline, only a short line with a colon
        lede = paragraphs[0]
    headline = sentences(lede)[0].rstrip("۔.")
    if len(headline.split()) > HEADLINE_MAX_WORDS:
        reported = re.split(r"\s(?:کہ|that)\s", headline, maxsplit=1)
        headline = reported[-1]
    if len(headline.split()) > HEADLINE_MAX_WORDS:
        headline = re.split(r"[،,]\s", headline, maxsplit=1)[0]
    tokens = headline.split()
    if len(tokens) > HEADLINE_MAX_WORDS:
        headline = " ".join(tokens[:HEADLINE_MAX_WORDS]) + " …"
    return headline


def lede_summary(paragraphs: list[str]) -> str:
    """The lede: opening sentences of the first paragraph, about 25 to 60 words."""
    if not paragraphs:
        return ""
    summary: list[str] = []
    for sentence in sentences(paragraphs[0]):
        if len(" ".join(summary).split()) >= SUMMARY_MIN_WORDS:
            break
        summary.append(sentence)
    tokens = " ".join(summary).split()
    if len(tokens) > SUMMARY_MAX_WORDS:
        return " ".join(tokens[:SUMMARY_MAX_WORDS]) + " …"
    return " ".join(tokens)


def _captions(page: Page) -> list[Caption]:
    """Each picture's caption once; its copies are marked duplicate-caption."""
    captions, seen = [], set()
    for line in page.lines:
        if line.kind == CAPTION:
            text, credit = line.found or (line.text, None)
            if text in seen:
                line.mark("duplicate-caption", "the caption printed again")
            else:
                seen.add(text)
                captions.append(Caption(text, credit, line.number))
    return captions


def _title(head: Head, paragraphs: list[str]) -> tuple[str, str, str | None]:
    """(title, confidence, doubt): the headline, or a stand-in made from the lede."""
    if head.headline is None:
        return (headline_from_lede(paragraphs), "low",
                "no headline line: title made from the lede; correct it in the sidecar")
    title, number = head.title, head.headline.number
    if head.below_lede:
        return title, "low", (f"line {number}: headline {title!r} taken from under the first paragraph; "
                              "if it is wrong, set `title` in the sidecar")
    if len(title.split()) <= 2:
        return title, "low", (f"line {number}: headline {title!r} is very short: if it is site chrome, add it "
                              "to data/boilerplate.toml; if the headline is elsewhere, set `title` in the sidecar")
    return title, "high", None


class ArticleExtractor:
    """Holds what is costly to build once (patterns, gazetteer) for many articles."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.dates = DateVocabulary(knowledge.day_words, knowledge.date_words)
        self.classifier = LineClassifier(knowledge, self.dates)
        self.gazetteer = Gazetteer(knowledge.glossary)
        # Every outlet's signatures in one RE2 scan of a page, not a scan per
        # signature; and where each outlet's signatures are in that set.
        self._signatures = PatternSet([s for outlet in knowledge.outlets for s in outlet.signatures], anchor="search")
        self._outlet_signatures, start = [], 0
        for outlet in knowledge.outlets:
            self._outlet_signatures.append((outlet, range(start, start + len(outlet.signatures))))
            start += len(outlet.signatures)
        # (wire, its name casefolded, "<phrase> <name>" patterns): the phrases
        # are tried only on a text that contains the name at all.
        self._source_patterns = [
            (wire, name.casefold(), [
                re.compile(phrase.replace("{name}", re.escape(name)), re.IGNORECASE)
                for phrase in knowledge.source_phrases
            ])
            for wire in knowledge.wires
            for name in wire.names
        ]

    def _is_head_caption(self, line: str) -> bool:
        return bool(self.knowledge.caption_head_endings.first(line))

    def _outlet(self, text: str) -> tuple[Outlet | None, str | None]:
        matching = self._signatures.matching(text)
        scores = []
        for outlet, places in self._outlet_signatures:
            hits = sum(1 for place in places if place in matching)
            if hits:
                scores.append((hits, outlet))
        if not scores:
            return None, "no outlet signature found: outlet unknown"
        scores.sort(key=lambda item: -item[0])
        if len(scores) > 1 and scores[0][0] == scores[1][0]:
            names = ", ".join(o.en for _, o in scores)
            return None, f"signatures of several outlets ({names}): outlet unknown"
        return scores[0][1], None

    def _wire(self, body: str) -> Wire | None:
        folded = body.casefold()
        found = [
            (m.start(), wire)
            for wire, name, regexes in self._source_patterns if name in folded
            for regex in regexes if (m := regex.search(body))
        ]
        return min(found, key=lambda item: item[0])[1] if found else None

    def extract(self, text: str, archive_chrome: frozenset[str] = frozenset(), with_names: bool = True) -> Extraction:
        """Run the stages; `archive_chrome` holds lines that recur across the
        archive (learned by the build from every seed). Names the glossary
        does not know are looked for unless `with_names` is false (about
        0.5 ms of a seed's 4 ms: the benchmark measures that way)."""
        # Stage 1: lines.
        page = page_lines(normalize_urdu(text))
        language = detect_language("\n".join(line.text for line in page.lines))
        # Stage 2: each line by its shape.
        self.classifier.classify(page, language, archive_chrome)
        # Stage 3: the head; the headline can glue to a date line (a date line
        # is only known as one once the headline is).
        head = find_head(page, self.knowledge, self._is_head_caption, self.dates.date_line)
        # Stage 4: the body.
        body = find_body(page, keep_last_line=page.cut)
        if not body and head.headline is not None and (head.headline.ends_sentence or head.headline.sentences_inside):
            # A page of one sentence: it is the article, not a headline over nothing.
            head.headline.mark("body", "the page's only sentence")
            body, head.headline = [head.headline], None
        # Stage 5: the fields.
        return self._fields(page, head, body, language, with_names)

    def _fields(self, page: Page, head: Head, body, language: str, with_names: bool) -> Extraction:
        """Stage 5: the fields, from the lines the stages marked."""
        notes = list(page.notes)
        doubts: dict[str, str | None] = {}
        paragraphs = [line.text for line in body]
        for line in body:
            if line.looks_like_header:
                notes.append(
                    f"line {line.number}: {line.text[:40]!r} looks like a metadata header; it is imported "
                    "as text (corrections go in the .corrections.toml file)"
                )
        if not paragraphs:
            notes.append("no article text left after removing site chrome")
        captions = _captions(page)
        date, date_confidence, date_source, doubts["date"] = self._date(page, head, body, captions)
        removed = [RemovedLine(line.number, line.kind, line.text) for line in page.lines
                   if line.kind not in ("body", "headline", "standfirst", CAPTION)]
        title, title_confidence, doubts["title"] = _title(head, paragraphs)
        title_line = head.headline.number if head.headline else None
        section_label, category = self._section(page, head)
        if section_label and category is None:
            notes.append(f"section label {section_label!r} is not in data/categories.toml: map it there")

        outlet, doubts["outlet"] = self._outlet("\n".join(line.text for line in page.lines))
        body_text = "\n".join(paragraphs)
        language = detect_language(body_text or title) if body_text else language
        word_count = len(words(body_text))
        standfirst = head.standfirst.text if head.standfirst else None
        # Datelines, bylines, credits and notes under a headline name places, agencies and writers too.
        name_lines = [line.text for line in page.lines if line.kind in ("byline", "dateline", "credit", "note")]
        named_text = "\n".join([title, standfirst or "", *(c.text for c in captions), body_text, *name_lines])
        named_words = TextWords(named_text)  # found and folded once, for the glossary and for names
        bylines = [line for line in page.lines if line.kind == "byline"]
        tags = [tag for line in page.lines if line.kind == "tags" for tag in (line.found or [])]
        return Extraction(
            title=title,
            title_confidence=title_confidence,
            title_line=title_line,
            date=date,
            date_confidence=date_confidence,
            date_source=date_source,
            outlet=outlet,
            category=category,
            wire=self._wire(body_text),
            captions=captions,
            entities=self.gazetteer.find(named_words),
            names=find_names(named_words, language, self.knowledge.names) if with_names else [],
            summary=lede_summary(paragraphs),
            paragraphs=paragraphs,
            paragraph_lines=[line.number for line in body],
            language=language,
            word_count=word_count,
            reading_minutes=max(1, math.ceil(word_count / READING_SPEED[language])),
            removed=removed,
            standfirst=standfirst,
            author=(bylines[0].found or bylines[0].text) if bylines else None,
            tags=tags,
            section_label=section_label,
            notes=notes,
            doubts={name: why for name, why in doubts.items() if why},
        )

    def _section(self, page: Page, head: Head) -> tuple[str | None, Category | None]:
        """The section label as the page prints it, and its category if data/categories.toml knows it."""
        label = head.section_label
        category = head.section_line.found if head.section_line is not None else None
        for line in page.lines:
            if line.kind == "section-label" and label is None:
                label = line.found if isinstance(line.found, str) else line.text
        if not isinstance(category, Category) and label:
            category = self.knowledge.category_for_label(label)
        return label, category if isinstance(category, Category) else None

    @staticmethod
    def _post_date(page: Page, line, headline: int) -> bool:
        """A blog's date heading: right above the headline, under the site's
        navigation (a masthead's date of the day stands above or beside it),
        or on a page signed as blogs sign their posts."""
        index = page.lines.index(line)
        # A section's label may stand between them ("تعزیت").
        following = next((other for other in page.lines[index + 1:] if other.kind != "section-label"), None)
        return (following is not None and following.number == headline
                and (any(other.kind in NAVIGATION or other.kind == "latin-chrome" for other in page.lines[:index])
                     or signed_as_a_blog(page.lines[index + 1:])))

    @staticmethod
    def _signed(page: Page, line) -> bool:
        """A date line beside a byline: the writer's signature and date, under the text on some templates."""
        index = page.lines.index(line)
        return any(0 <= other < len(page.lines) and page.lines[other].kind == "byline"
                   for other in (index - 1, index + 1))

    def _date(self, page: Page, head: Head, body, captions):
        """(date, confidence, source, doubt): the publication date, only where the text states it.

        In order of trust: the crawler's header; a date line labelled as the
        publication; a date line in the head (under the headline, or with a
        time); an agency dateline opening the first paragraph; a picture's date
        with the lede's weekday. A date line above the headline with a weekday
        and no time, or one labelled as today's ("آج:", dates.toml `today`), is
        the site's masthead date (the day the page was fetched);
        an "updated" date serves when no date line says when it was published,
        then a date beside the writer's byline under the text, ahead of an
        agency dateline and a picture's date.
        """
        if page.crawler_date:
            return dt.date.fromisoformat(page.crawler_date), "high", f"date {page.crawler_date}", None
        headline = head.headline.number if head.headline and not head.below_lede else None
        body_start = body[0].number if body else math.inf
        published, updated, masthead, signed = [], [], [], []
        previous = None
        for line in page.lines:
            if line.kind in ("dateline", "updated") and line.found is not None and line.found.date:
                found = line.found
                labelled = found.label in ("published", "edition") or (
                    previous is not None and previous.kind == "published")
                above = headline is not None and line.number < headline
                if found.label == "updated":
                    updated.append(line)
                elif found.label == "today":
                    masthead.append(line)
                elif (labelled or found.has_time or not (above and found.has_weekday)
                      or self._post_date(page, line, headline)):
                    in_head = line.number < body_start or (head.below_lede and line.number > head.headline.number)
                    if labelled or in_head or found.has_time:
                        published.append(line)
                    elif self._signed(page, line):
                        signed.append(line)
                else:
                    masthead.append(line)
            previous = line
        for line in masthead:
            line.mark("site-date", "the site's date above the headline (the day it was fetched), not the article's")
        if published:
            # The head's date lines before those under the text (a print edition's
            # credit, "Published in Dawn, March 6th, 2025", dates the paper, a day later);
            # without a headline there is no head to trust.
            in_head = [line for line in published if line.number < body_start] if headline is not None else []
            labelled = [line for line in in_head if line.found.label == "published"]
            # Under the headline before above it (a site's clock with its time tops some pages);
            # a print edition's folio or issue line after any labelled date (a weekly's issue spans days).
            under = [line for line in in_head if line.number > headline and line.found.label != "edition"]
            not_edition = [line for line in in_head if line.found.label != "edition"]
            anywhere = [line for line in published if line.found.label == "published"]
            chosen = (labelled or under or not_edition or anywhere or in_head or published)[0]
            return chosen.found.date, "high", chosen.text, None
        if updated:
            chosen = updated[0]
            return chosen.found.date, "high", chosen.text, None
        if signed:
            return signed[0].found.date, "high", signed[0].text, None
        paragraphs = [line.text for line in body]
        if paragraphs and opens_with_dateline(body[0]):
            # The dateline runs to its agency's closing bracket, or a few words.
            bracket = paragraphs[0].find(")", 0, DATELINE_MAX_CHARS)
            opening = paragraphs[0][:bracket + 1] if bracket > 0 else " ".join(paragraphs[0].split()[:8])
            mentions = [m for m in self.dates.find_dates(opening)]
            if not mentions and bracket > 0:
                # "پشاور(نمائندہ خصوصی)۲۷ جنوری ۲۰۲۵ء: …": the date right after the agency's bracket.
                after = [m for m in self.dates.find_dates(paragraphs[0][:bracket + 1 + DATE_AFTER_BRACKET_CHARS])
                         if bracket < m.start <= bracket + 3]
                mentions = after[:1]
            if mentions and mentions[0].as_date():
                return mentions[0].as_date(), "high", mentions[0].text, None
            if mentions:
                return None, "low", None, (f"the dateline gives {mentions[0].text!r} but no year: date unknown")
        lede_weekday = self.dates.find_weekday(paragraphs[0][:LANGUAGE_SAMPLE_CHARS]) if paragraphs else None
        for caption in captions:
            for mention in self.dates.find_dates(caption.text):
                base = mention.as_date()
                if base is None:
                    continue
                if lede_weekday:
                    # The picture is from `base`; the lede reports "on <weekday>",
                    # the first such day from the picture's date on.
                    offset = (lede_weekday.weekday - base.weekday()) % 7
                    return base + dt.timedelta(days=offset), "high", f"{mention.text} … {lede_weekday.text}", None
                doubt = f"date taken from a photo caption ({mention.text}): the article may be later"
                return base, "low", mention.text, doubt
        if masthead:
            return None, "low", None, (f"the only date is the site's masthead date ({masthead[0].text}), "
                                       "not the article's: date unknown")
        # Only to say which dates the text mentions: the opening of the text is enough.
        body_mentions = self.dates.find_dates("\n".join(paragraphs)[:LANGUAGE_SAMPLE_CHARS])
        full = [m for m in body_mentions if m.as_date()]
        if full:
            listed = ", ".join(dict.fromkeys(m.text for m in full))
            doubt = f"the text dates events ({listed}) but not its own publication: date unknown"
        elif body_mentions:
            listed = ", ".join(dict.fromkeys(m.text for m in body_mentions))
            doubt = f"no year in the text (it mentions {listed}): date unknown"
        elif lede_weekday:
            doubt = f"only a weekday in the text ({lede_weekday.text}): date unknown"
        else:
            doubt = "no date in the text: date unknown"
        return None, "low", None, doubt
