"""A raw page as lines, each with what it is and why: the model every stage reads.

Stage 1 (`page_lines`) splits normalised text into lines and takes off what a
crawler wrote in front of the page (` date 2025-06-25 `). Later stages give
each line its `kind`: chrome, metadata, caption, headline, standfirst or body.
"""

import re
from dataclasses import dataclass, field

from akhbar.normalize import BIDI_CONTROLS

# What a line is. TEXT lines are still undecided: headline, standfirst or body.
TEXT = "text"
HEADLINE = "headline"
STANDFIRST = "standfirst"
BODY = "body"
CAPTION = "caption"
# Lines that say something about the article (kept as fields, never as body).
METADATA = frozenset({
    "dateline", "updated", "hijri-date", "byline", "tags", "reading-time", "page-age",
    "section-label", "credit", "note", "published", "post-time",
})

# A crawler's own header: " date 2025-06-25 " glued in front of the first line,
# written from the page's publication metadata.
_CRAWLER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_SENTENCE_END = re.compile(r"[۔.]+[\"'”’»)\]]*$")
# Pelican's own header fields. "Author:", "Category:" and "Tags:" are left out:
# news pages print them as their byline, section and tag row (chrome.py reads them so).
_PELICAN_HEADER = re.compile(r"^(title|date|slug|lang|summary|status|modified)\s*:", re.IGNORECASE)
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,4}")
_INNER_STOP = re.compile(r"[۔.]\s+\S")
_WORD = re.compile(r"[^\s\-–—|•·:،,]+")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")
_TAG = re.compile(r"<[^<>]*>")
_DIGIT = re.compile(r"\d")


class computed_once:
    """functools.cached_property without its lock: Python 3.11 takes one
    RLock, shared by every line of every page, on each first read (about 0.03
    ms of a seed's 3.5). A line is read by one thread; were two to compute a
    value at once, both would compute the same."""

    def __init__(self, compute):
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        # Stored under the same name: later reads find it and never come here.
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass
class PageLine:
    number: int  # 1-based line of the seed
    text: str  # normalised and trimmed
    blank_after: bool  # a blank line (or the end of the page) follows
    kind: str = TEXT
    reason: str = ""
    # Listed in data/never_chrome.toml: no rule may take it out of the article.
    protected: bool = False
    # What a stage found in the line (a DateLine, a caption's credit …).
    found: object = None
    # "Title: …", "Date: …" in the lines that open a seed: a Pelican header pasted in, which is
    # text, never metadata (a page's own "Date: 2025-02-20 | Time: 16:05" further down is its date).
    looks_like_header: bool = False

    @computed_once
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @computed_once
    def ends_sentence(self) -> bool:
        """Ends with a full stop (۔ or .): a paragraph's end, rarely a headline's.
        Not an initialism alone ("U.S.", "U.K."): a menu item."""
        return bool(_SENTENCE_END.search(self.without_markup)) and not _INITIALISM.fullmatch(self.without_markup)

    @computed_once
    def sentences_inside(self) -> bool:
        """A full stop followed by more text: several sentences."""
        return bool(_INNER_STOP.search(self.without_markup.rstrip("۔. ")))

    @computed_once
    def has_arabic(self) -> bool:
        return bool(_ARABIC.search(self.text))

    @computed_once
    def has_latin(self) -> bool:
        return bool(_LATIN.search(self.text))

    @computed_once
    def without_markup(self) -> str:
        return _TAG.sub(" ", self.text).strip()

    @computed_once
    def key(self) -> str:
        """The line as `comparable` text: what two copies of a line share."""
        return comparable(self.text)

    @computed_once
    def has_digit(self) -> bool:
        return bool(_DIGIT.search(self.text))

    def mark(self, kind: str, reason: str, found: object = None) -> None:
        self.kind, self.reason = kind, reason
        if found is not None:
            self.found = found


@dataclass
class Page:
    lines: list[PageLine]
    crawler_date: str | None = None  # ISO date from the crawler's header
    cut: bool = False  # the text ends mid-line: a scraper cut it
    notes: list[str] = field(default_factory=list)

    def text_lines(self) -> list[PageLine]:
        return [line for line in self.lines if line.kind == TEXT]


def page_lines(text: str) -> Page:
    """Stage 1: normalised text to lines (blank lines dropped, bidi controls removed)."""
    notes: list[str] = []
    raw_lines = text.split("\n")
    crawler_date = None
    lines: list[PageLine] = []
    header_block = True  # so far, every line is a Pelican header
    for number, raw in enumerate(raw_lines, 1):
        line = raw.strip()
        if not lines and not crawler_date and (match := _CRAWLER_DATE.match(raw)):
            crawler_date = match.group(1)
            line = raw[match.end():].strip()
        if BIDI_CONTROLS.search(line):
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(line)}))
            notes.append(f"line {number}: removed bidirectional control character(s) {codes}")
            line = BIDI_CONTROLS.sub("", line).strip()
        if not line:
            if lines:
                lines[-1].blank_after = True
            continue
        header_block = header_block and bool(_PELICAN_HEADER.match(line))
        lines.append(PageLine(number, line, blank_after=False, looks_like_header=header_block))
    if lines:
        lines[-1].blank_after = True
    cut = bool(text) and not text.endswith("\n")
    return Page(lines, crawler_date, cut, notes)


def same_text(a: str, b: str) -> bool:
    """Two lines say the same words, whatever the quotes, tags and spacing."""
    if len(a) > 2 * len(b) + 40 or len(b) > 2 * len(a) + 40:
        return False  # tags and spacing never make a line twice as long
    return comparable(a) == comparable(b)


_NOT_LETTERS = re.compile(r"[\W_]+")


def comparable(text: str) -> str:
    return _NOT_LETTERS.sub("", _TAG.sub(" ", text)).casefold()
