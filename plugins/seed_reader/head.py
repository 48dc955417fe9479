"""Stages 3 and 4: the head of a page (section label, headline, standfirst)
and its body, from lines already classified by shape (chrome.py).

A news page reads: site chrome, maybe a section label, the headline, maybe a
standfirst (the summary line under it), metadata (date, byline, counters,
pictures), then the article's paragraphs, then more chrome. Some templates put
the headline under the first paragraph (galleries, blogs); that is tried when
no headline stands above the text.
"""

import re
from dataclasses import dataclass

from .chrome import is_parenthesised
from .knowledge import section_words
from .page import BODY, CAPTION, HEADLINE, METADATA, STANDFIRST, TEXT, Page, PageLine, same_text

# A headline is one line of at most this many words; a longer line is already
# one of the article's paragraphs.
HEADLINE_MAX_WORDS = 25
# A headline has at least this many words where a longer candidate follows: one
# or two words at the top of a page are the site's name ("مشرق", "Daily Times").
HEADLINE_MIN_WORDS = 3
# Chrome that navigates the site (and its tickers): printed above the headline, never between it and the text.
NAVIGATION = frozenset({"menu", "breadcrumb", "language-switch", "site-name", "search", "skip-link", "trending",
                        "live-label"})
# A headline may stand under this many lines of one or two words (the site's, a section's, a place's name).
SHORT_LINES_OVER_HEADLINE = 3
# Headline-shaped lines a page's head holds at most between its top and its headline.
HEAD_MAX_TEXT_LINES = 20
# A headline that opens like a dateline ("کراچی: …") is at most this long (an Urdu
# headline of 17 words is common: its postpositions are words of their own).
DATELINE_HEADLINE_MAX_WORDS = 20
# A standfirst without a full stop is at most this long.
STANDFIRST_MAX_WORDS = 45
# A section label ("قومی خبریں") or a kicker ("قومی ٹی ٹوئنٹی کپ") is at most this
# long, and its headline much longer.
LABEL_MAX_WORDS = 4
# A match's fixture over its report's headline ("Pakistan vs New Zealand, 3rd ODI") is at most this long.
FIXTURE_MAX_WORDS = 8
_FIXTURE = re.compile(r"\sبمقابلہ\s|\s(?:vs\.?|v)\s", re.IGNORECASE)
# A writer's name or a label under the headline is at most this long.
NOTE_MAX_WORDS = 4
# A picture's caption is at most this long.
CAPTION_MAX_WORDS = 40
# A picture's caption without its credit, between the article's date and its text, is at most this long.
UNCREDITED_CAPTION_MAX_WORDS = 20
# Trailing short lines after the last paragraph (widget headings) are at most this long.
TAIL_MAX_WORDS = 3
# How many lines of text a page's head is searched for a kicker over the article's headline.
KICKER_LOOKAHEAD = 8

# "ISLAMABAD:", "لاہور :رپورٹس", "کراچی(پ ر)", "اسلام آباد۔4نومبر", "کیلیفورنیا۔۔۔۔",
# "Islamabad, the 11th September, 2024:" (an official release's): a
# place (and agency) opening a paragraph. A headline never starts so.
_DATELINE_OPENING = re.compile(
    r"^[^\s:：()،,۔<>]{2,20}(?:\s+[^\s:：()،,۔<>]{1,20}){0,2}\s*(?:[:：]|[(（]|،\s*\d|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|,\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]|۔\s*\d|۔{2,}|\s-\s)"
)
_ENGLISH_LOWER_START = re.compile(r"^[a-z]")
# How a blog signs its posts: "Posted by Malegaon Khabarnama at 8:47 PM", "پوسٹ کردہ بذریعہ … بوقت 9:14 PM".
_BLOG_SIGNATURE = re.compile(
    r"^(?:Posted by|پوسٹ کردہ(?: بذریعہ)?)\s.{1,60}\s(?:at|بوقت)\s\d{1,2}:\d{2}", re.IGNORECASE)


@dataclass
class Head:
    headline: PageLine | None = None
    standfirst: PageLine | None = None
    section_label: str | None = None
    section_line: PageLine | None = None
    below_lede: bool = False  # the headline was found under the first paragraph
    # The headline's words where its line holds more: a breadcrumb's last item.
    in_line: str | None = None

    @property
    def title(self) -> str:
        return self.in_line or self.headline.text


def opens_with_dateline(line: PageLine) -> bool:
    return bool(_DATELINE_OPENING.match(line.text))


def is_paragraph(line: PageLine) -> bool:
    """A line that reads as article text, not as a headline."""
    if line.words > HEADLINE_MAX_WORDS or line.looks_like_header:
        return True  # "Title: …" in a seed is text (test_bad_input), never its head
    if opens_with_dateline(line):
        # "کراچی: شاہراہ فیصل پر ٹریفک جام" is a headline; a paragraph under a
        # dateline runs on, or ends with a full stop.
        return line.ends_sentence or line.sentences_inside or line.words > DATELINE_HEADLINE_MAX_WORDS
    # A headline may end with a full stop, but then stands apart from the text.
    return line.ends_sentence and not line.blank_after


def _headline_shaped(line: PageLine) -> bool:
    return not is_paragraph(line) and not _ENGLISH_LOWER_START.match(line.text)


def find_head(page: Page, knowledge, is_head_caption, glued_date_line) -> Head:
    """Stage 3: section label, headline and standfirst, marked on the lines.

    `is_head_caption(text)` says whether a line describes a picture;
    `glued_date_line(text, headline)` whether a line is a date with the
    headline glued after it ("منگل 20 ستمبر 2016 <headline>")."""
    reader = _HeadReader(page, knowledge, is_head_caption, glued_date_line)
    reader.head.headline = _live_page_headline(page.lines)
    for index, line in enumerate(page.lines):
        if line.kind != TEXT:
            continue
        read = reader.above_headline if reader.head.headline is None else reader.under_headline
        if not read(line, index):
            break
    head = reader.head
    if head.headline is None:
        _headline_below_lede(page, head, knowledge)
    if head.headline is None:
        _headline_ending_a_breadcrumb(page, head)
    # Later copies of the headline anywhere on the page are chrome.
    if head.headline is not None:
        for line in page.lines:
            if line.kind == TEXT and line.number != head.headline.number and same_text(
                    line.without_markup, head.title):
                line.mark("duplicate-headline", "the headline printed again")
    return head


class _HeadReader:
    """Reads a page's head line by line; each method marks one line and says
    whether the head goes on (False: the article's text has begun)."""

    def __init__(self, page: Page, knowledge, is_head_caption, glued_date_line):
        self.lines, self.knowledge = page.lines, knowledge
        self.is_head_caption, self.glued_date_line = is_head_caption, glued_date_line
        # The crawler writes its date in front of the page's title or its text, never of its chrome.
        self.crawler_titled = page.crawler_date is not None
        self.head = Head()

    def above_headline(self, line: PageLine, index: int) -> bool:
        head, lines = self.head, self.lines
        if head.section_label is None and (category := self.knowledge.category_for_label(line.text)):
            head.section_label, head.section_line = category.ur, line
            line.mark("section-label", "a section label (data/categories.toml)", category)
        elif self.is_head_caption(line.text):
            line.mark(CAPTION, "describes a picture (data/captions.toml)", (line.text, None))
        elif _ENGLISH_LOWER_START.match(line.text) and line.words <= 6 and not line.ends_sentence:
            line.mark("link-text", "a lower-case link above the headline")
        elif not _headline_shaped(line):
            return False
        elif head.section_label is None and self.knowledge.is_section_name(line.text) and any(
                _headline_shaped(other) for other in lines[index + 1:index + 4] if other.kind == TEXT):
            # "OPINION", "تعلیم": a name the site's menu lists, over a headline.
            head.section_label, head.section_line = line.text, line
            line.mark("section-label", "a section's name above the headline (data/chrome.toml menu_words)")
        elif self._is_label_above(line, index):
            if head.section_label is None:
                head.section_label, head.section_line = line.text, line
                line.mark("section-label", "a short label above the headline")
            else:  # the section is named already (in the menu's place): this is the story's topic
                line.mark("note", "a short label (a kicker) above the headline")
        elif _doubled(lines, index) and _credit_like(line) and _next_text(lines, index) is not None:
            _mark_doubled_caption(lines, index, "a picture's caption, printed twice")
        elif not (index == 0 and self.crawler_titled) and (why := _not_the_headline(lines, index, self.known_label)):
            line.mark("above-headline", why)
        else:
            head.headline = line
            line.mark(HEADLINE, "the first headline-shaped line")
        return True

    def _is_label_above(self, line: PageLine, index: int) -> bool:
        """A section label or kicker: a few words right above a much longer
        headline with text after it; or a match's fixture ("پاکستان بمقابلہ
        نیوزی لینڈ، تیسرا ون ڈے") right above a longer one."""
        following = _next_text(self.lines, index)
        fixture = line.words <= FIXTURE_MAX_WORDS and bool(_FIXTURE.search(line.text))
        longer = following is not None and following.words > (line.words if fixture else 2 * line.words)
        return ((line.words <= LABEL_MAX_WORDS or fixture) and following is not None
                and _headline_shaped(following) and not following.ends_sentence and longer
                and not line.ends_sentence and _adjacent(self.lines, line, following)
                and _next_text(self.lines, self.lines.index(following)) is not None
                and not _not_the_headline(self.lines, self.lines.index(following), self.known_label))

    def known_label(self, text: str) -> bool:
        """A section's, a category's or a place's name."""
        knowledge = self.knowledge
        return bool(knowledge.category_for_label(text) or knowledge.is_section_name(text)
                    or section_words(text) in knowledge.menu_names)

    def under_headline(self, line: PageLine, index: int) -> bool:
        """Between the headline and the text: its copies, pictures, a glued
        date line, the standfirst (or notes in brackets)."""
        head, lines = self.head, self.lines
        no_standfirst_yet = head.standfirst is None
        if same_text(line.without_markup, head.title):
            line.mark("duplicate-headline", "the headline printed again")
        elif self.is_head_caption(line.text):
            line.mark(CAPTION, "describes a picture (data/captions.toml)", (line.text, None))
        elif found := self.glued_date_line(line.text, head.title):
            line.mark("dateline", "a date line with the headline glued after it", found)
        elif no_standfirst_yet and _ENGLISH_LOWER_START.match(line.text) and line.words <= 6:
            line.mark(CAPTION, "a picture's alt text", (line.text, None))
            following = _next_text(lines, index)
            if following is not None and following.words <= 8 and not following.ends_sentence:
                following.mark(CAPTION, "a picture's caption, under its alt text", (following.text, None))
        elif no_standfirst_yet and _doubled(lines, index):
            _mark_doubled_caption(lines, index, "printed twice under the headline: a picture's alt text and caption")
        elif no_standfirst_yet and is_parenthesised(line):
            following = _next_text(lines, index)
            if following is not None and is_parenthesised(following):
                line.mark("note", "a note in brackets under the headline")
            else:
                line.mark(STANDFIRST, "in brackets under the headline")
                head.standfirst = line
        elif _note_shaped(line) and _next_text(lines, index) is not None:
            # A few words (at most four) under a headline (or its standfirst) are a writer's name or a label.
            line.mark("note", "a few words under the headline")
        elif no_standfirst_yet and _is_standfirst(lines, index):
            line.mark(STANDFIRST, "the summary line under the headline")
            head.standfirst = line
        elif _uncredited_caption(lines, index):
            line.mark(CAPTION, "a short line without a full stop between the article's date and its text",
                      (line.text, None))
        else:
            return False
        return True


def _not_the_headline(lines: list[PageLine], index: int, known_label) -> str | None:
    """Why a headline-shaped line above the text is not the headline, if a
    later one is: the site's name and motto stand above its navigation, the
    headline under it; what stands over a kicker and its dated headline, a
    blog's description over its post's date heading, a ticker's story under
    its label, a source's name over the date, one or two words over a longer
    headline are not it either."""
    line = lines[index]
    later = next((other for other in lines[index + 1:] if other.kind == TEXT), None)
    if later is not None and line.words < HEADLINE_MIN_WORDS and any(
            other.kind == "breadcrumb" and isinstance(other.found, str)
            for other in lines[index + 1:lines.index(later)]):
        return "too short for a headline, and a breadcrumb ending with one follows"
    if later is None or not _headline_shaped(later) or same_text(later.without_markup, line.text):
        return None  # printed twice (the page's title and its heading): the headline
    if (kicker := _kicker_over_the_headline(lines, index, known_label)) is not None:
        # "Subscribe for full access", a ticker's stories, a wire's notice, then "Business" over the headline.
        return f"a label ({kicker.text!r}) and a headline with the article's byline or date under it follow"
    if _blog_description(lines, index, later):
        return "a blog's description over its post's date heading and title"
    above = lines[index - 1] if index > 0 else None
    if above is not None and above.kind == "trending" and above.words <= LABEL_MAX_WORDS \
            and _next_text(lines, lines.index(later)) is not None:
        return "a ticker's story, under its label (\"Breaking News\"), and a headline follows"
    if above is not None and above.kind == "site-name" and not above.blank_after \
            and _next_text(lines, lines.index(later)) is not None and not opens_with_dateline(line) \
            and not _name_over_the_date(lines, later):
        # (A motto never opens with a place and a colon: "MUMBAI NEWS" over "Mumbai: BMC to …" is a section;
        # nor stands over a writer's or an office's name over the date: "Office of Communications", "May 27, 2025".)
        # A blog's or a small paper's masthead: its name, and its motto on the next line.
        return "printed right under the site's name (its motto), and a headline follows"
    if line.words < HEADLINE_MIN_WORDS:
        # "News", "Wisbech", then the headline: one or two words over a longer headline-shaped line.
        longer = _next_longer(lines, index)
        if longer is not None and not (longer.ends_sentence or longer.looks_like_header) \
                and _next_text(lines, lines.index(longer)) is not None:
            return "too short for a headline, and a longer one follows (the site's name or a section's)"
    if _name_over_the_date(lines, line) and index + 2 < len(lines) and lines[index + 2] is later \
            and later.words > line.words and not later.ends_sentence \
            and _next_text(lines, lines.index(later)) is not None:
        # An aggregator's or a magazine's: "Pan-African Press Service", "2024-11-14 11:40", the headline.
        return "a source's or writer's name over the date, and the headline under them"
    navigation, text_lines = False, 0
    for position, other in enumerate(lines[index + 1:], index + 1):
        if not navigation and (other.kind == "byline" or other.kind == "breadcrumb" and other.text.count("|") == 1) \
                and position + 1 < len(lines) and lines[position + 1].kind in ("dateline", "updated"):
            # The article's byline ("Name | Place" reads as a trail) and date under it: no site's motto has them.
            return None
        # (An Urdu site's English menu or links, "Home | Results | Contact", navigate it too.)
        if other.kind in NAVIGATION or other.kind == "latin-chrome":
            navigation = True
        elif other.kind == TEXT:
            if not _headline_shaped(other) or navigation and other.ends_sentence:
                # The text begins (a one-sentence paragraph too): no headline under navigation.
                return None
            if navigation:
                return "above the site's navigation (the site's name or motto)"
            text_lines += 1
            if text_lines > HEAD_MAX_TEXT_LINES:
                return None  # a head is never this long: the look stays linear in the page
    return None


def _kicker_over_the_headline(lines: list[PageLine], index: int, known_label) -> PageLine | None:
    """A section's name or a story's kicker (a few words) right over a longer
    headline whose byline or date follows, in the next lines of the head: the
    headline is under the kicker, not above it. A kicker that names no section,
    category or place (`known_label`) is believed only under a line no longer
    than the headline: a headline over a score box's label and its score
    ("FULL TIME", "Kotoko 2 – 1 Hearts") is the headline."""
    above = lines[index]
    following = (line for line in lines[index + 1:] if line.kind == TEXT)
    text = [line for line, _ in zip(following, range(KICKER_LOOKAHEAD), strict=False)]
    for position, kicker in enumerate(text[:-1]):
        if not _headline_shaped(kicker):
            return None  # the text has begun
        headline = text[position + 1]
        if (kicker.words <= LABEL_MAX_WORDS and not kicker.ends_sentence and _headline_shaped(headline)
                and not headline.ends_sentence and headline.words > 2 * kicker.words
                and (headline.words >= above.words or known_label(kicker.text))
                and _adjacent(lines, kicker, headline) and _dated_under(lines, headline)):
            return kicker
    return None


def _dated_under(lines: list[PageLine], headline: PageLine) -> bool:
    """The article's date or byline follows the line, past a standfirst and
    a writer's name at most."""
    text_between = 0
    for line in lines[lines.index(headline) + 1:]:
        if line.kind in ("dateline", "updated", "byline", "page-age"):
            return True
        if line.kind == TEXT and not _note_shaped(line):
            text_between += 1
            if text_between > 1 or line.words > STANDFIRST_MAX_WORDS or opens_with_dateline(line):
                return False
    return False


def _blog_description(lines: list[PageLine], index: int, later: PageLine) -> bool:
    """On a page signed as blogs sign their posts ("Posted by … at 8:47 PM"), a
    line right over a date heading without a time, with the post's title under
    it, is the blog's description."""
    date = lines[index + 1] if index + 2 < len(lines) else None
    return (date is not None and date.kind == "dateline" and getattr(date.found, "has_time", True) is False
            and lines[index + 2] is later and signed_as_a_blog(lines[index + 3:]))


def signed_as_a_blog(lines: list[PageLine]) -> bool:
    """A blog's signature under its post: "Posted by … at 8:47 PM", "پوسٹ کردہ بذریعہ … بوقت 9:14 PM"."""
    return any(_BLOG_SIGNATURE.match(line.text) for line in lines)


def _name_over_the_date(lines: list[PageLine], line: PageLine) -> bool:
    """A few words right over a date line: a writer's, an office's or a source's name."""
    index = lines.index(line)
    return (line.words <= NOTE_MAX_WORDS and not line.ends_sentence and index + 1 < len(lines)
            and lines[index + 1].kind in ("dateline", "updated"))


def _live_page_headline(lines: list[PageLine]) -> PageLine | None:
    """A live page's own headline reads as a link to a live page does ("… —
    live updates"): it is the headline where it stands first, over the page's
    date or byline, with the text (not another headline) after them."""
    for index, line in enumerate(lines):
        if line.kind == TEXT:
            return None
        if line.kind != "live-link":
            continue
        after = lines[index + 1:]
        first_text = next((i for i, other in enumerate(after) if other.kind == TEXT), None)
        if first_text is None or _headline_shaped(after[first_text]):
            return None
        if any(other.kind in ("dateline", "updated", "byline", "page-age") for other in after[:first_text]):
            line.mark(HEADLINE, "a live page's headline, over its date or byline")
            return line
        return None
    return None


def _next_longer(lines: list[PageLine], index: int) -> PageLine | None:
    """The first line of headline length in the next few lines of text, if only shorter ones come before it."""
    for other in [line for line in lines[index + 1:index + 8] if line.kind == TEXT][:SHORT_LINES_OVER_HEADLINE]:
        if other.words >= HEADLINE_MIN_WORDS:
            return other if _headline_shaped(other) else None
    return None


def _note_shaped(line: PageLine) -> bool:
    return line.words <= NOTE_MAX_WORDS and not line.ends_sentence and not line.has_digit


def _next_text(lines: list[PageLine], index: int) -> PageLine | None:
    return next((line for line in lines[index + 1:] if line.kind == TEXT), None)


def _adjacent(lines: list[PageLine], first: PageLine, second: PageLine) -> bool:
    """Nothing but chrome between two lines."""
    between = lines[lines.index(first) + 1:lines.index(second)]
    return all(line.kind not in METADATA and line.kind != CAPTION for line in between)


def _doubled(lines: list[PageLine], index: int) -> bool:
    """The next line says the same, and the one after it does not: a
    picture's alt text above its caption (a paragraph pasted many times is no picture)."""
    line, following = lines[index], lines[index + 1] if index + 1 < len(lines) else None
    third = lines[index + 2] if index + 2 < len(lines) else None
    return (following is not None and line.words <= CAPTION_MAX_WORDS and same_text(following.text, line.text)
            and not (third is not None and same_text(third.text, line.text)))


def _mark_doubled_caption(lines: list[PageLine], index: int, reason: str) -> None:
    for line in lines[index:index + 2]:
        line.mark(CAPTION, reason, (lines[index].text, None))


def _credit_like(line: PageLine) -> bool:
    # A caption printed twice above the headline ends with its credit or a
    # full stop; a headline printed twice does not.
    return line.ends_sentence or line.words > HEADLINE_MAX_WORDS


def _uncredited_caption(lines: list[PageLine], index: int) -> bool:
    """A picture's caption without its credit: a short line with no full stop
    right under the article's date, byline or writer's name, over a longer
    paragraph that ends with one (a short line with one there is as often the
    lede: tried, it lost body lines). A lede opens with its place once: a line
    that opens with one is a caption only when the paragraph under it opens
    with one too."""
    line = lines[index]
    if line.ends_sentence or not NOTE_MAX_WORDS < line.words <= UNCREDITED_CAPTION_MAX_WORDS:
        return False
    above = next((other for other in reversed(lines[:index]) if other.kind in METADATA or other.kind in (
        TEXT, HEADLINE, STANDFIRST, CAPTION)), None)
    if above is None or above.kind not in ("dateline", "updated", "byline", "note", "page-age", "reading-time"):
        return False
    following = _next_text(lines, index)
    return (following is not None and following.ends_sentence and following.words > line.words
            and (not opens_with_dateline(line) or opens_with_dateline(following)))


def _is_standfirst(lines: list[PageLine], index: int) -> bool:
    line = lines[index]
    if opens_with_dateline(line) or line.words > 2 * STANDFIRST_MAX_WORDS or line.looks_like_header:
        return False
    # The text after it, past a writer's name under it.
    following = next((other for other in lines[index + 1:] if other.kind == TEXT and not _note_shaped(other)), None)
    if following is None:
        return False
    between = lines[index + 1:lines.index(following)]
    # Above the date or byline block that opens the article.
    if any(other.kind in ("dateline", "byline", "updated", "page-age") for other in between):
        return True
    # Said again in the first paragraph (a standfirst is often the lede without its dateline).
    if len(line.text) > 40 and len(following.text) > len(line.text) and line.text.rstrip("۔.") in following.text:
        return True
    return (not line.ends_sentence and not line.sentences_inside and line.words <= STANDFIRST_MAX_WORDS
            and following.words > line.words)


def _headline_below_lede(page: Page, head: Head, knowledge) -> None:
    """Gallery and blog templates print the headline under the first paragraph,
    then its metadata (byline, date, counters) or nothing but chrome."""
    text = page.text_lines()
    if len(text) < 2 or not is_paragraph(text[0]):
        return
    if len(text) > 2 and text[1].words <= LABEL_MAX_WORDS and text[2].words > text[1].words:
        if category := knowledge.category_for_label(text[1].text):
            text[1].mark("section-label", "a section label (data/categories.toml)", category)
            head.section_label, head.section_line = category.ur, text[1]
            text = page.text_lines()
    candidate = text[1]
    if candidate.words > 15 or opens_with_dateline(candidate):
        return
    lines = page.lines
    after = lines[lines.index(candidate) + 1:]
    before = lines[lines.index(text[0]) + 1:lines.index(candidate)]
    labelled = any(line.kind == "section-label" for line in before) or (
        len(before) == 1 and before[0].kind == TEXT)
    metadata_follows = bool(after) and after[0].kind in METADATA
    only_chrome_follows = all(line.kind != TEXT for line in after) and text[0].words >= 40
    if labelled or metadata_follows or only_chrome_follows:
        head.headline, head.below_lede = candidate, True
        candidate.mark(HEADLINE, "a short line under the first paragraph, above the page's metadata")


def _headline_ending_a_breadcrumb(page: Page, head: Head) -> None:
    """"Home › Germany › Hamburg port tests driverless trucks": where no line
    above the text is the headline, a trail that ends with one holds it."""
    for line in page.lines:
        if line.kind == TEXT:
            return  # the text has begun
        if line.kind == "breadcrumb" and isinstance(line.found, str):
            head.headline, head.in_line = line, line.found
            line.mark(HEADLINE, "the last item of a breadcrumb, the only headline above the text")
            return


def find_body(page: Page, keep_last_line: bool) -> list[PageLine]:
    """Stage 4: the article's paragraphs, in order; trailing widget headings go."""
    body = [line for line in page.lines if line.kind == TEXT]
    # Short lines after the last paragraph are widget headings ("Opinion",
    # "مزیدخبریں"); a page cut mid-line keeps its last line, which is text.
    last_paragraph = max((i for i, line in enumerate(body) if line.words > TAIL_MAX_WORDS or line.ends_sentence),
                         default=-1)
    for position, line in enumerate(body):
        if position > last_paragraph and line.words <= TAIL_MAX_WORDS and not line.protected and not (
                keep_last_line and line is page.lines[-1]):
            line.mark("widget", "a short line after the last paragraph")
        else:
            line.mark(BODY, "article text")
    return [line for line in body if line.kind == BODY]
