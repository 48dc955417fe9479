"""Stage 2: each line of a page classified by what it looks like, with the reason.

Chrome is recognised by shape, not only by exact strings: a line of digits is a
counter, a run of bulleted one- or two-word lines is a menu, a Latin line on an
Urdu page is a widget, a short line printed several times is the site's name.
The words these rules need (counters, site names, bylines, tag rows) live in
`data/chrome.toml`; whole lines outlets print word for word in
`data/boilerplate.toml`.
"""

import re
import unicodedata
from collections import Counter
from itertools import pairwise

from .archive_chrome import MAX_WORDS as LEARNED_MAX_WORDS
from .knowledge import Knowledge, section_words
from .page import CAPTION, METADATA, TEXT, Page, PageLine, comparable

# A repeated site name or a counter label is at most this long.
SHORT_LINE_WORDS = 5
# A menu item is at most this long (numbered ones: "3. ڈی ڈبلیو کی مزید سائٹس دیکھیں").
MENU_ITEM_WORDS = 8
# No chrome line is longer than this (a copyright or comment-form notice is the longest).
SHORT_LINE_CHARS = 300
# A date line, label, weekday, time and all, is at most this long; one of parts between
# bars (a byline, a place, the published and the updated date) at most the second.
DATE_LINE_MAX_WORDS = 14
DATE_LINE_OF_PARTS_MAX_WORDS = 18
# A run of at least this many lines of at most this many words is a menu.
MENU_RUN_LINES = 3
MENU_RUN_WORDS = 2
# A headline in a list of other stories.
HEADLINE_LIST_WORDS = 16
# A paragraph of prose, around a list the article holds, has at least this many words.
LIST_PROSE_WORDS = 8
# A comment's time is printed within this many lines of the comments heading
# (its writer's name above it; "Leave a Reply" and a count may come first).
COMMENT_TIME_WITHIN = 6
# Chrome that closes an article: what follows it is the page's, not the article's.
ARTICLE_ENDS = frozenset({"tags", "share", "related", "comments", "copyright", "social", "newsletter", "app-prompt",
                          "trending", "live-label"})
# ... and of those, what closes the page's article itself (boxes, tickers and invitations to follow
# or subscribe may stand between two of its paragraphs).
PAGE_TOOLS = frozenset({"tags", "share", "comments", "copyright"})
_BULLET_ONLY = re.compile(r"^[-–—•·»*]$")
_BULLET = re.compile(r"^(?:[•·»▪◦►■|*]|\d{1,2}[.)])\s*")
_NO_WORDS = re.compile(r"^[\W_]*$")
# "#مون_سون #کپاس", "Trending: #IPL #Budget": hashtags, with a label of a few words at most.
_HASHTAG = re.compile(r"#[^\s#]+")
HASHTAG_LINE_OTHER_WORDS = 3
# A line that starts with an icon ("▶ ریڈیو سنیں", "≡ Menu", "👁 2,450 بار پڑھا گیا") is a
# button, a link or a counter when it has at most this many words.
ICON_LINE_WORDS = 6
_WRAPPED_IN_TAGS = re.compile(r"^<[^<>]+>.*<[^<>]+>$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w .()-]{1,80}\.(?:jpe?g|png|gif|webp|svg|mp4|pdf)$", re.IGNORECASE)
_NUMBERS = re.compile(r"[\d٫,.:/%+\-–\s|•·]+")
# "خبر کا کوڈ: ۸۵۹۷۱۲۳۴", "Story ID: 1234": a label and a number, nothing else.
# "پریس ریلیز نمبر: MCS/PR/2025/142", "Ref: PR-2025-14": a reference code, letters and digits without spaces.
_LABELLED_NUMBER = re.compile(r"^[^\W\d_][^\d:：]{0,30}[:：]\s*(?:\d+|[A-Za-z0-9][\w/.-]*\d[\w/.-]*)$")
# The arrows between a trail's items: ">", "»", "›", angle brackets ("⟩"), and their mirror images.
_ARROWS = ">»›‹«⟩⟨〉〈"
# "Home > Pakistan > Politics", "ہوم / پاکستان", "ہوم ‹ برطانیہ" (a right-to-left
# site's arrows point the other way): each item a few words.
_BREADCRUMB = re.compile(rf"^[^{_ARROWS}/|]{{1,30}}(?:\s[{_ARROWS}/|]\s[^{_ARROWS}/|]{{1,30}}){{1,5}}$")
# A trail that ends with the page's own headline: "Home » Tourism » Hunza hotels
# fully booked as winter tourism surges". Arrows only: "A | B | <headline>" is a title.
_BREADCRUMB_TO_HEADLINE = re.compile(
    rf"^[^{_ARROWS}/|]{{1,30}}(?:\s[{_ARROWS}]\s[^{_ARROWS}/|]{{1,30}}){{1,4}}\s[{_ARROWS}]\s[^{_ARROWS}|]{{31,200}}$")
_BREADCRUMB_ARROW = re.compile(rf"\s[{_ARROWS}]\s")
# A menu printed on one line: its items between bars or bullets, or apart by
# runs of spaces or tabs where a scraper joined the links ("ہوم  پاکستان  کھیل").
# An Urdu full stop, a slash or "::" between spaces separates items too ("ہوم ۔ دہلی ۔ ملک").
# So do a dash, an asterisk, a diamond, a square, a star or a fraction slash between spaces
# ("ہوم - بھوپال - ملک", "ہوم ◆ دہلی ◆ قومی", "کرکٹ ⁄ ہاکی").
_MARKS_TOUCHING_ITEMS = "|•·"
_MARKS_BETWEEN_SPACES = "۔/*-–\u2044\u2605\u2606\u2666" + "".join(map(chr, range(0x25A0, 0x2600)))
_INLINE_MENU_SEPARATOR = re.compile(
    rf"\s*[{re.escape(_MARKS_TOUCHING_ITEMS)}]\s*|\s(?:[{re.escape(_MARKS_BETWEEN_SPACES)}]|::)\s|\s{{2,}}|\t")
_AND = frozenset({"و", "اور", "&", "and"})
# A menu joined by spaces may hold two words that are no section's or place's name in this many.
MENU_ROW_WITH_TWO_UNKNOWN = 8
# The marks between a menu's items, when they stand as words of their own ("&" joins two items' words).
_BETWEEN_ITEMS = frozenset(_MARKS_TOUCHING_ITEMS + _MARKS_BETWEEN_SPACES) | {"::", "&"}
# It has at least this many items, each of at most this many words.
INLINE_MENU_ITEMS = 3
INLINE_MENU_ITEM_WORDS = 3
# What follows the headline in a page's title: " - ہم سب", " | Dawn".
_SITE_AFTER_TITLE = re.compile(r"^\s*[-–—|:]\s*\S.{0,40}$")
_TITLE_SEPARATOR = re.compile(r"[-–—|:]")
_PARENTHESISED = re.compile(r"^[(\[].*[)\]]$")
# A writer's name, a dash, the outlet, a comma and the place: "Samina Akhtar — Thames World Service, London".
_NAME_OUTLET_PLACE = re.compile(r"^[^\W\d_]\S*(?:\s\S+){0,2}\s[—–]\s[^،,—–]{2,40}[،,]\s*[^\W\d_]\S*(?:\s\S+)?$")
# "Independent. Non-partisan. Verified.", "سچ۔ بے باک۔": a site's motto, above its first paragraph.
_MOTTO = re.compile(r"^(?:[^.۔!]{1,25}[.۔!]\s*){2,5}$")
_MOTTO_PART_END = re.compile(r"[.۔!]")
MOTTO_PART_WORDS = 2
# "نئی دہلی،(ار کے بیورو)": a dateline on its own line that gives no date.
# (No digits: "Pakistan 287/6 (50 ov)" is a score.)
_PLACE_AND_AGENCY = re.compile(r"^[^\s()\d]{2,20}(?:\s[^\s()\d]{1,20}){0,2}\s*[،,]?\s*\([^()\d]{1,30}\)\s*[:：]?$")
# "ISLAMABAD:" on a line of its own, above the first paragraph.
_PLACE_ALONE = re.compile(r"^[^\W\d_][^:：]{1,30}[:：]$")
# "in تجزیہ": WordPress themes print the section under the byline this way.
_IN_SECTION = re.compile(r"^in\s+(\S+(?:\s\S+)?)$")


def _words_pattern(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class LineClassifier:
    """The shape rules, built once from the data files for many pages."""

    def __init__(self, knowledge: Knowledge, dates):
        self.knowledge = knowledge
        self.dates = dates
        vocabulary = knowledge.chrome
        self._counter = re.compile(
            rf"^(?:[\d\s,.|•·\-–]*(?:{_words_pattern(vocabulary.counter_words)})[\s:]*)+[\d\s,.|•·\-–]*$",
            re.IGNORECASE)
        site = _words_pattern(vocabulary.site_words)
        self._site_name = re.compile(
            rf"^(?:(?:{site})\s+\S+(?:\s\S+)?|\S+(?:\s\S+){{0,2}}\s+(?:{site}))$", re.IGNORECASE)
        # "ہفت روزہ — ملت کی آواز": the kind of paper, a dash, its motto.
        self._site_with_motto = re.compile(rf"^(?:{site})(?:\s+\S+)?\s*[—–|]\s*\S.{{0,40}}$", re.IGNORECASE)
        self._byline = re.compile(
            rf"^[-–•\s]*(?:{_words_pattern(vocabulary.byline_labels)})\s*(?P<colon>[:：])?\s+(?P<name>\S.{{0,80}})$",
            re.IGNORECASE)
        self._doubled_byline = re.compile(r"^(?P<name>\S.{0,40}?)\s+by\s+(?P=name)$", re.IGNORECASE)
        self._tags = re.compile(
            rf"^(?:{_words_pattern(vocabulary.tag_labels)})\s*[:：]\s*(?P<tags>.*)$|^(?:{_words_pattern(vocabulary.tag_labels)})$",
            re.IGNORECASE)
        self._labelled_section = re.compile(
            rf"^(?:{_words_pattern(vocabulary.section_labels)})\s*[:：]\s*(?P<section>\S.{{0,40}})$", re.IGNORECASE)
        self._comment_count = re.compile(rf"(?<!\w)(?:{_words_pattern(vocabulary.comment_words)})(?!\w)", re.IGNORECASE)
        self._credit = re.compile(rf"^(?:{_words_pattern(vocabulary.credit_labels)})\s*[:：]\s*\S", re.IGNORECASE)
        self._wire_names = re.compile(
            rf"(?<![\w])(?:{_words_pattern(n for w in knowledge.wires for n in w.names)})(?![\w])", re.IGNORECASE)
        self._outlet_names = {comparable(n) for o in knowledge.outlets for n in (o.ur, o.en)}
        self._byline_names = {comparable(n) for n in vocabulary.byline_names}
        # A desk or staff credit after the outlet's name, at most three words of it.
        self._desk_of_outlet = re.compile(
            rf"^\S+(?:\s\S+){{0,2}}\s(?:{_words_pattern(vocabulary.byline_names)})$", re.IGNORECASE)
        self._section_first_words = {name[:1] for name in knowledge.menu_names}

    def classify(self, page: Page, language: str, archive_chrome: frozenset[str] = frozenset()) -> None:
        """Give every line a kind by its own shape, then by its neighbours."""
        for line in page.lines:
            found = self._by_shape(line, language)
            if found:
                line.mark(*found)
        self._captions_before_credits(page)
        _page_titles(page)
        self._repeated(page, archive_chrome)
        # Readers' comments first: their prose must not hold a menu under the article inside it.
        self._reader_comments(page)
        self._menus(page)
        _stories_after_the_article(page)

    def _by_shape(self, line: PageLine, language: str):
        text = line.text
        if line.looks_like_header:
            return None
        if self.knowledge.never_chrome and line.key in self.knowledge.never_chrome:
            line.protected = True
            return None
        if kind := self.knowledge.line_kinds.kind_of(text):
            return kind, "matches data/boilerplate.toml"
        caption = self._credited_caption(line)
        if caption:
            return CAPTION, "ends with a photo credit", caption
        if _NO_WORDS.match(text):
            return "placeholder", "no words"
        if len(text) > SHORT_LINE_CHARS:
            return None  # a paragraph: every rule below is for short lines
        if _starts_with_icon(text) and line.words <= ICON_LINE_WORDS:
            return "tools", "an icon and a few words: a button, a link or a counter"
        if _HASHTAG.search(text) and len(_HASHTAG.findall(text)) >= 2 and \
                len(_HASHTAG.sub(" ", text).split()) <= HASHTAG_LINE_OTHER_WORDS:
            return "hashtags", "a row of hashtags"
        if not line.without_markup:
            return "markup", "HTML tags only"
        # A print edition's folio or issue line before the widgets: its parts between bars have figures.
        if line.has_digit and (edition := self.dates.edition_line(text)):
            return "dateline", "a print edition's folio or issue line", edition
        if self.knowledge.chrome.widgets.first(text) and not self._timed_or_labelled_date_line(text):
            return "widget", "a header's or sidebar's widget (data/chrome.toml)"
        if _WRAPPED_IN_TAGS.match(text) and len(line.without_markup.split()) <= SHORT_LINE_WORDS:
            return "markup", "a few words inside HTML tags (an image block's leaked markup)"
        if _URL.match(text):
            return "link", "a web address alone"
        if _FILE_NAME.match(text):
            return "placeholder", "an image's file name"
        # A date line is short and has a number (a day or a year) or a label.
        date_line = self.dates.date_line(text) if (line.has_digit or line.words <= 3) and (
            line.words <= DATE_LINE_MAX_WORDS or line.words <= DATE_LINE_OF_PARTS_MAX_WORDS and " | " in text) else None
        if date_line:
            kind = "hijri-date" if date_line.hijri else "updated" if date_line.label == "updated" else "dateline"
            return kind, "a date line", date_line
        if line.words <= 3 and line.has_digit and not _NUMBERS.fullmatch(text) and self.dates.time_alone(text):
            # (A bare "00:00" is a player's counter.)
            return "post-time", "a time and its zone alone: a live page's post, or a clock"
        if self.knowledge.chrome.reading_time.first(text):
            return "reading-time", "a reading time"
        if self.knowledge.chrome.page_age.first(text):
            return "page-age", "the page's age"
        if _NUMBERS.fullmatch(text):
            return "counter", "digits only"
        if line.words <= SHORT_LINE_WORDS and self._counter.match(text):
            return "counter", "a number with a counter word"
        if line.words <= SHORT_LINE_WORDS and _LABELLED_NUMBER.match(text):
            return "counter", "a label and a number (an article's code or count)"
        if match := self._tags.match(text):
            tags = match.group("tags") or ""
            return "tags", "a tag row", [t.strip() for t in re.split(r"[,،|]", tags) if t.strip()]
        if line.key in self._byline_names:
            return "byline", "a desk or staff credit", text
        if line.words <= 7 and not line.has_digit and not line.ends_sentence and (
                self._desk_of_outlet.search(text) or _NAME_OUTLET_PLACE.match(text)):
            # "عظیم آباد نامہ نیوز ڈیسک", "ثمینہ اختر — ٹیمز ورلڈ سروس، لندن".
            return "byline", "a desk of an outlet, or a writer with the outlet and place", text
        if _PLACE_ALONE.match(text) and line.words <= 3:
            return "dateline", "a place and a colon on a line of its own"
        if line.words <= 8 and (match := self._doubled_byline.match(text) or self._byline.match(text)):
            return "byline", "a byline", match.group("name").strip()
        if line.words <= 12 and (match := self._byline.match(text)) and match.group("colon"):
            # "جاری کردہ: شعبۂ نشر و اشاعت، انجمن خدمتِ خلق ممبئی": labelled, a body's long name.
            return "byline", "a labelled byline", match.group("name").strip()
        if line.words <= 8 and not line.has_digit and self._outlet_and_place(text):
            return "byline", "the outlet or desk and the place it reports from"
        if self._credit.match(text) and line.words <= 8:
            return "credit", "a photo credit"
        if line.words <= 4 and not line.ends_sentence and self._wire_names.search(text):
            # "عاطف بلوچ، روئٹرز", "رائٹرز": the writer and the agency.
            return "byline", "names a news agency", text
        if line.key in self._outlet_names:
            return "site-name", "an outlet's name (data/outlets.toml)"
        if language == "ur" and line.has_latin and not line.has_arabic:
            return "latin-chrome", "Latin text on an Urdu page"
        if _BREADCRUMB.match(text) and not line.ends_sentence and line.words <= 10:
            return "breadcrumb", "items between > or / marks"
        if _BREADCRUMB_TO_HEADLINE.match(text):
            return "breadcrumb", "short items between arrows, ending with the headline", \
                _BREADCRUMB_ARROW.split(text)[-1].strip()
        if items := _inline_menu_items(line):
            return "menu", f"a menu on one line ({items} short items)"
        if items := self._section_names_in_a_row(line):
            return "menu", f"{items} section names in a row (data/chrome.toml menu_words)"
        if _PLACE_AND_AGENCY.match(text):
            return "dateline", "a place and an agency, without a date"
        if match := _IN_SECTION.match(text):
            return "section-label", "the section under a byline", match.group(1)
        if line.words <= 8 and (match := self._labelled_section.match(text)):
            return "section-label", "a labelled section", match.group("section").strip()
        return None

    def _outlet_and_place(self, text: str) -> bool:
        """ "عالمی نشریات اردو، اسلام آباد", "Gulf News, Dubai", "سٹاف رپورٹر، کراچی": a site's name
        or a desk, a comma, a place."""
        outlet, comma, place = text.rpartition("،" if "،" in text else ",")
        return bool(comma) and 0 < len(place.split()) <= 3 and (
            bool(self._site_name.match(outlet.strip())) or comparable(outlet) in self._outlet_names
            or comparable(outlet) in self._byline_names)

    def _timed_or_labelled_date_line(self, text: str) -> bool:
        """"خبر نمبر: 7719 | 05.08.2024 | 09:40 شب": parts between bars with figures, as a
        widget's rates are, but a date with its time (or its label) dates the article."""
        found = self.dates.date_line(text) if " | " in text else None
        return found is not None and found.mention is not None and (found.has_time or found.label is not None)

    def _section_names_in_a_row(self, line: PageLine) -> int:
        """How many section names (or places) a line is made of (0: it is no
        menu): a menu whose links a scraper joined with single spaces. One word
        that is neither is allowed among four or more."""
        if line.ends_sentence or not 3 <= line.words <= 16:
            return 0
        names = self.knowledge.menu_names
        first_words = line.text.split(maxsplit=2)[:2]
        if not any(section_words(word)[:1] in self._section_first_words for word in first_words):
            return 0  # most lines: neither of their first two words starts a section's name
        words = section_words(line.text)
        items = unknown = position = 0
        while position < len(words):
            if words[position] in _BETWEEN_ITEMS:
                position += 1
                continue
            length = next((n for n in range(min(3, len(words) - position), 0, -1)
                           if words[position:position + n] in names), 0)
            if length:
                items += 1
            elif (unknown := unknown + 1) > 1:
                return 0
            position += length or 1
        allowed = 0 if items + unknown < 4 else 1 if items + unknown < MENU_ROW_WITH_TWO_UNKNOWN else 2
        return items if items >= 3 and unknown <= allowed else 0

    def _reader_comments(self, page: Page) -> None:
        """Readers' comments under the article: a comments heading or count
        after the article's first paragraph, with a comment's time (a date
        line with a time) within a few lines. What follows is the readers'
        (their names, words and times, never the publication date), though
        their words end with full stops as the article's do."""
        lines = page.lines
        first_prose = next((i for i, line in enumerate(lines) if line.kind == TEXT and line.ends_sentence
                            and line.words > HEADLINE_LIST_WORDS), None)
        if first_prose is None:
            return
        for index in range(first_prose + 1, len(lines)):
            line = lines[index]
            if not (line.kind == "comments" or line.kind == "counter" and self._comment_count.search(line.text)):
                continue
            following = lines[index + 1:index + 1 + COMMENT_TIME_WITHIN]
            if not any(other.kind == "dateline" and getattr(other.found, "has_time", False) for other in following):
                continue
            for other in lines[index + 1:]:
                if other.kind == TEXT and not other.protected:
                    other.mark("comments", "a reader's comment, under the article")
                elif other.kind in ("dateline", "updated", "byline"):
                    other.mark("comments", "a reader's comment's time or name, under the article")
            return

    def _credited_caption(self, line: PageLine):
        match = self.knowledge.caption_credits.first(line.text)
        return (match["text"].strip(), match["credit"].strip()) if match else None

    def _captions_before_credits(self, page: Page) -> None:
        """A short line right above "تصویر: …" is the picture's caption."""
        for before, line in pairwise(page.lines):
            if line.kind == "credit" and before.kind == TEXT and before.words <= 25:
                before.mark(CAPTION, "above a photo credit", (before.text, None))

    def _repeated(self, page: Page, archive_chrome: frozenset[str]) -> None:
        """Short lines printed more than once on a page (the site's name, a
        menu item), or on many pages of the archive, are chrome."""
        counts = Counter(line.key for line in page.lines if line.words <= SHORT_LINE_WORDS)
        for line in page.lines:
            if line.kind != TEXT or line.protected:
                continue
            # Only lines as short as learned ones are looked up: an import is kept
            # under those (imports.py), and a longer line's key is not made here.
            if archive_chrome and line.words <= LEARNED_MAX_WORDS and line.key in archive_chrome \
                    and not self.knowledge.category_for_label(line.text):
                # (a section label every page of a section prints is metadata, not chrome)
                line.mark("repeated", "printed on many pages of the archive")
            elif line.words <= SHORT_LINE_WORDS and not line.ends_sentence and (
                    counts[key := line.key] > 2 or (counts[key] > 1 and line.words <= 3)):
                # A headline is printed twice by many templates; a site's name
                # or a menu item more often, or in fewer words.
                line.mark("repeated", f"printed {counts[key]} times on the page")

    def _menus(self, page: Page) -> None:
        """Bulleted or numbered short items, and short site names above the
        first paragraph, are navigation; but a list between two paragraphs of
        prose is the article's own (its points, a column's list of words)."""
        prose = [line.number for line in page.lines if line.kind == TEXT and line.ends_sentence
                 and line.words >= LIST_PROSE_WORDS]

        def in_the_article(line: PageLine) -> bool:
            return bool(prose) and prose[0] < line.number < prose[-1]

        for line in page.lines:
            if line.kind == TEXT and not line.protected and line.words <= MENU_ITEM_WORDS and _BULLET.match(line.text):
                if not line.ends_sentence and not in_the_article(line):
                    line.mark("menu", "a short bulleted or numbered item")
        # Three or more one- or two-word lines in a row: a menu printed as lines.
        # Short lines already known as chrome ("تازہ ترین", "Latest") count in the run; metadata ends it.
        run: list[PageLine] = []
        for line in [*page.lines, None]:
            if line is not None and (line.words <= MENU_RUN_WORDS or _two_joined(line)) and not line.ends_sentence and (
                    line.kind == TEXT or line.kind not in METADATA and line.kind != CAPTION):
                run.append(line)
                continue
            if len(run) >= MENU_RUN_LINES and not all(in_the_article(item) for item in run):
                for item in run:
                    if item.kind == TEXT:
                        item.mark("menu", f"one of {len(run)} one- or two-word lines in a row")
            run = []
        # Other stories' headlines, each under a lone bullet or dash line.
        listed = [after for before, after in pairwise(page.lines)
                  if before.kind == "placeholder" and _BULLET_ONLY.match(before.text)
                  and after.kind == TEXT and after.words <= HEADLINE_LIST_WORDS and not after.ends_sentence]
        if len(listed) >= 2:
            for line in listed:
                line.mark("related", "a headline in a list of other stories")
        # The story a "read also" heading on its own line links to, on the next line.
        for before, after in pairwise(page.lines):
            if before.kind == "cross-link" and after.kind == TEXT and not after.protected \
                    and after.words <= HEADLINE_LIST_WORDS and not after.ends_sentence:
                after.mark("related", "the story a 'read also' heading links to")
        for line in page.lines:
            if line.kind != TEXT:
                continue
            if _MOTTO.match(line.text) and all(len(part.split()) <= MOTTO_PART_WORDS for part in
                                               _MOTTO_PART_END.split(line.text) if part.strip()):
                line.mark("site-name", "a motto: a few words, each one or two and a full stop")
                continue
            if line.words > 25 or line.ends_sentence:
                break  # the first paragraph: a site name is printed above it
            if line.words <= 4 and self._site_name.match(line.text) or \
                    line.words <= 8 and not line.ends_sentence and self._site_with_motto.match(line.text):
                line.mark("site-name", "a short line naming a site")


def _stories_after_the_article(page: Page) -> None:
    """Other stories' headlines listed under the article: after the last
    paragraph of prose, once a tag row, share row, "related" heading or the
    like has closed the article, a line without a full stop is a headline
    in a list, not the article's text."""
    lines = page.lines
    prose = [i for i, line in enumerate(lines) if line.kind == TEXT and line.words > HEADLINE_LIST_WORDS
             and line.ends_sentence]
    if not prose:
        return  # no paragraph of prose to end: a page of short lines (scores, a list) is left as it is
    end = next((i for i in range(prose[-1] + 1, len(lines)) if lines[i].kind in ARTICLE_ENDS), None)
    if end is None:
        return
    # A short sentence, too, once the page's own tools have closed it (PAGE_TOOLS).
    closed = lines[end].kind in PAGE_TOOLS
    for line in lines[end + 1:]:
        if line.kind == TEXT and not line.protected and line.words <= HEADLINE_LIST_WORDS and (
                closed or not line.ends_sentence):
            line.mark("related", "a headline or a call to act, after the article's end")


def _page_titles(page: Page) -> None:
    """The page's title as the browser shows it, "<headline> - <site>", printed
    above the headline itself: chrome, as the site's name is."""
    texts = [line for line in page.lines if line.kind == TEXT and line.words <= HEADLINE_LIST_WORDS + 8
             and len(line.text) <= SHORT_LINE_CHARS]
    headlines = {line.text for line in texts if line.words >= 3}
    for line in texts:
        # Each place a separator could end the headline, looked up: linear in the page.
        for separator in _TITLE_SEPARATOR.finditer(line.text):
            if line.text[:separator.start()].rstrip() in headlines and _SITE_AFTER_TITLE.match(
                    line.text[separator.start():]):
                line.mark("page-title", "the headline with the site's name after it (the page's title)")
                break


def _inline_menu_items(line: PageLine) -> int:
    """How many items a menu printed on one line has (0: it is no menu). Items
    have no digits and no full stop: a row of scores or a sentence typed
    with a double space is text."""
    if line.ends_sentence or line.has_digit:
        return 0
    items = [item for item in _INLINE_MENU_SEPARATOR.split(line.text) if item]
    # With more items, one may be a word longer: "Who We Are | Our Work | Stories from the Field | …".
    longest = INLINE_MENU_ITEM_WORDS + (len(items) > INLINE_MENU_ITEMS)
    if len(items) < INLINE_MENU_ITEMS or any(len(item.split()) > longest for item in items):
        return 0
    return len(items)


def _two_joined(line: PageLine) -> bool:
    """Two words joined by "and": one section's name ("تعلیم و روزگار", "Arts & Culture")."""
    words = line.text.split()
    return len(words) == 3 and words[1].casefold() in _AND


def _starts_with_icon(text: str) -> bool:
    """A pictograph or a symbol first: an emoji, an arrow, a hamburger (So, Sm; not # or ©,
    which start hashtags and copyright lines)."""
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.category(first) in ("So", "Sm") and first not in "©®™°+<=>|~"


def is_parenthesised(line: PageLine) -> bool:
    return bool(_PARENTHESISED.match(line.text))
