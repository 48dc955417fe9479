"""A raw news page (plain text) in, an article's text and metadata out.

Pure logic: no Pelican, no files. `extract_article` is what the Pelican reader,
`make extract` and the tests all call.
"""

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from .dates import DateVocabulary
from .entities import EntityMention, Gazetteer, words
from .knowledge import Category, Knowledge, Outlet, Wire
from .normalize import BIDI_CONTROLS, normalize_urdu

# A headline is one line of at most this many words; a longer first line is
# already the article's first paragraph.
HEADLINE_MAX_WORDS = 25
SUMMARY_MIN_WORDS = 25
SUMMARY_MAX_WORDS = 60
# Silent reading speed, words per minute: Nastaliq Urdu reads slower than English.
READING_SPEED = {"ur": 180, "en": 230}

_SENTENCE = re.compile(r".*?[۔.!?؟]+[\"”’»)]*(?=\s|$)|.+$")
_METADATA_HEADER = re.compile(
    r"^(title|date|slug|category|tags|lang|author|authors|summary|status|modified)\s*:", re.IGNORECASE
)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")


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
    notes: list[str] = field(default_factory=list)
    # Why a field is doubtful, by field ("title", "date", "outlet"); a correction
    # of that field settles it.
    doubts: dict[str, str] = field(default_factory=dict)

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
            "captions": [c.as_dict() for c in self.captions],
            "entities": [e.as_dict() for e in self.entities],
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
    return [s.strip() for s in _SENTENCE.findall(paragraph) if s.strip()]


# Tags and URLs are Latin whatever the language of the text around them.
_MARKUP = re.compile(r"<[^>]*>|https?://\S+")


def detect_language(text: str) -> str:
    text = _MARKUP.sub(" ", text)
    arabic = len(_ARABIC_SCRIPT.findall(text))
    latin = len(_LATIN.findall(text))
    return "ur" if arabic >= latin else "en"


def headline_from_lede(paragraphs: list[str]) -> str:
    """A stand-in headline when the page lost its own: the lede's main clause.

    News ledes report speech ("X told reporters that Y"); Y is the news, so a
    long first sentence is cut to what follows the first "کہ" / "that", then to
    its first clause.
    """
    if not paragraphs:
        return ""
    headline = sentences(paragraphs[0])[0].rstrip("۔.")
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


class ArticleExtractor:
    """Holds what is costly to build once (patterns, gazetteer) for many articles."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.dates = DateVocabulary(knowledge.day_words)
        self.gazetteer = Gazetteer(knowledge.glossary)
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

    def _boilerplate_kind(self, line: str) -> str | None:
        for pattern in self.knowledge.boilerplate:
            if pattern.regex.fullmatch(line):
                return pattern.kind
        return None

    def _credited_caption(self, line: str, number: int) -> Caption | None:
        for regex in self.knowledge.caption_credits:
            match = regex.fullmatch(line)
            if match:
                return Caption(match["text"].strip(), match["credit"].strip(), number)
        return None

    def _is_head_caption(self, line: str) -> bool:
        return any(r.search(line) for r in self.knowledge.caption_head_endings)

    def _outlet(self, text: str) -> tuple[Outlet | None, str | None]:
        scores = []
        for outlet in self.knowledge.outlets:
            hits = sum(1 for s in outlet.signatures if s.search(text))
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

    def _date(self, dateline, captions, paragraphs):
        """(date, confidence, source, doubt): only what the text supports."""
        if dateline:
            return dateline.as_date(), "high", dateline.text, None
        lede_weekday = self.dates.find_weekday(paragraphs[0]) if paragraphs else None
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
        body_mentions = [m for p in paragraphs for m in self.dates.find_dates(p)]
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

    def extract(self, text: str) -> Extraction:
        notes: list[str] = []
        doubts: dict[str, str | None] = {}
        removed: list[RemovedLine] = []
        captions: list[Caption] = []
        caption_lines: set[str] = set()
        title = title_line = category = dateline = None
        body: list[tuple[int, str]] = []
        lines = normalize_urdu(text).split("\n")

        for number, raw in enumerate(lines, 1):
            line = raw.strip()
            if not line:
                continue
            if BIDI_CONTROLS.search(line):
                codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(line)}))
                notes.append(f"line {number}: removed bidirectional control character(s) {codes}")
                line = BIDI_CONTROLS.sub("", line).strip()
            kind = self._boilerplate_kind(line)
            if kind:
                removed.append(RemovedLine(number, kind, line))
                continue
            if line in caption_lines:
                removed.append(RemovedLine(number, "duplicate-caption", line))
                continue
            caption = self._credited_caption(line, number)
            if caption:
                captions.append(caption)
                caption_lines.add(line)
                continue
            if _METADATA_HEADER.match(line):
                notes.append(
                    f"line {number}: {line[:40]!r} looks like a metadata header; it is imported "
                    "as text (corrections go in the .corrections.toml file)"
                )
            if not body:  # still in the head, above the first paragraph
                if dateline is None and (mention := self.dates.extract_dateline(line)):
                    dateline = mention
                    removed.append(RemovedLine(number, "dateline", line))
                    continue
                if title is None and category is None and (
                    found := self.knowledge.category_for_label(line)
                ):
                    category = found
                    removed.append(RemovedLine(number, "section-label", line))
                    continue
                if self._is_head_caption(line):
                    captions.append(Caption(line, None, number))
                    caption_lines.add(line)
                    continue
                if title is None and len(line.split()) <= HEADLINE_MAX_WORDS:
                    title, title_line = line, number
                    continue
            body.append((number, line))

        paragraphs = [line for _, line in body]
        title_confidence = "high"
        if title is None:
            title_confidence = "low"
            title = headline_from_lede(paragraphs)
            doubts["title"] = "no headline line: title made from the lede; correct it in the sidecar"
        elif len(title.split()) <= 2:
            title_confidence = "low"
            doubts["title"] = (
                f"line {title_line}: headline {title!r} is very short; if it is a section "
                "label, add it to data/categories.toml"
            )
        if not paragraphs:
            notes.append("no article text left after removing site chrome")

        date, date_confidence, date_source, doubts["date"] = self._date(dateline, captions, paragraphs)
        outlet, doubts["outlet"] = self._outlet(normalize_urdu(text))
        body_text = "\n".join(paragraphs)
        language = detect_language(body_text or title)
        word_count = len(words(body_text))
        named_text = "\n".join([title, *(c.text for c in captions), body_text])
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
            entities=self.gazetteer.find(named_text),
            summary=lede_summary(paragraphs),
            paragraphs=paragraphs,
            paragraph_lines=[number for number, _ in body],
            language=language,
            word_count=word_count,
            reading_minutes=max(1, math.ceil(word_count / READING_SPEED[language])),
            removed=removed,
            notes=notes,
            doubts={name: why for name, why in doubts.items() if why},
        )
