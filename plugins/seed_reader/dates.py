"""Dates as news pages write them, with month and weekday names from CLDR (Babel).

`DateVocabulary.find_dates` finds day-and-month mentions in any text;
`DateVocabulary.date_line` says whether a whole line is a date line (a
masthead date, "Published …", "03:22 PM, 14 Oct, 2025") and what it dates.
"""

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from babel import Locale

from akhbar.archive_dates import YEARS
from akhbar.normalize import normalize_urdu, western_digits

# Postpositions that turn a weekday name into "on that day" in Urdu. Without
# one, ہفتہ is as likely "a week" as "Saturday".
_URDU_ON_DAY = r"(?:کو|کے روز|کے دن|کی شام|کی صبح|کی رات|کی سہ پہر|کی دوپہر)"
# A date line, even with the headline glued after it, is at most this long.
DATE_LINE_MAX_CHARS = 400
# A print edition's folio or issue line is at most this long.
EDITION_LINE_MAX_CHARS = 160
# Days from one to another: "5 تا 11 جون", "April 6 – 12" (not "2024-10-17", not "12-03-2025").
_DAY_RANGE = re.compile(r"(?<![\d/.-])\d{1,2}\s*(?:تا|to|–|—|-)\s*\d{1,2}(?![\d/.-])")
# A line of prose ends so (a folio or an issue line does not).
_PROSE_END = re.compile(r"[۔!؟?]\s*$|[^\W\d_]{3,}\.\s*$")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?!\d)\s*(?:[AaPp]\.?[Mm]\.?)?")
_TAG = re.compile(r"<[^<>]*>")
# An IANA time zone after the time ("18:20 Asia/Tehran").
_TIME_ZONE = re.compile(r"\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+")
# "Islamabad, the 8th January, 2025": an official letter's "the" may follow the place.
# "لاہور (سٹاف رپورٹر) 20 جون 2025": a place and its reporter in brackets, then the date.
_PLACE_END = re.compile(r"[،,:：۔|\-–—)/]\s*(?:the\s+)?$", re.IGNORECASE)
# "19 March 2025 · 8 min read": the reading time after the date.
_READING_TIME_END = re.compile(
    r"\s*[·•|]\s*\d+\s*(?:min|mins|minutes?|منٹ)\s*(?:read|پڑھنے کا وقت)?\s*$", re.IGNORECASE)
# Parts of a line between bars or dots, each a few words at most beside the date.
_PART_SEPARATOR = re.compile(r"\s[|·•]\s")
DATE_LINE_PART_MAX_WORDS = 4
# ... or a few more with a label: "Posted By: چنار وادی ڈیسک".
_LABELLED_PART = re.compile(r"^\s*[^\W\d_][^:：\d]{0,20}[:：]\s*\S")
LABELLED_PART_MAX_WORDS = 7
_IN_BRACKETS = re.compile(r"\([^()]{1,40}\)(?=[\s،,:：۔|\-–—]*$)")
_AGENCY_END = re.compile(r"\([^()]{0,40}\)\s*[:：]?\s*$")
# A byline after the date ends it too: "Posted on September 17, 2023 by Admin".
# So does the source: "2024-11-26 16:35:22 ماخذ: یانگسی انٹرنیشنل".
_BYLINE_END = re.compile(r"\s(?:by\s|از\s|(?:ماخذ|Source)\s*[:：])\s*\D{2,40}$", re.IGNORECASE)
# ... and so does a blog's section after a labelled date: "Posted on 2025/02/11 in Campus News".
_SECTION_END = re.compile(r"\s(?:in|filed under)\s+[^\W\d_][^\d|]{1,40}$", re.IGNORECASE)
# Drupal's and blogs' byline that opens a date line: "Submitted by ادارہ on Tue, 02/04/2025 - 11:20".
_BYLINE_THEN_DATE = re.compile(r"^\s*(?:Submitted|Posted|Published|Written|Added)\s+by\s+\D{1,40}?\s+on\s+",
                               re.IGNORECASE)
# A numeric date printed day (or month) first: "02/04/2025", "02.04.2025".
_DAY_FIRST = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")
_ON_DAY = re.compile(r"^بروز\s*")
# Left on a date line once its date, weekday, time, label and filler words are gone.
_LEFTOVER = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class DateMention:
    """A day and month, with the year when the text gives one."""

    day: int
    month: int
    year: int | None
    text: str
    start: int

    def as_date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class WeekdayMention:
    weekday: int  # Monday is 0, as in datetime
    text: str
    start: int


@dataclass(frozen=True)
class DateLine:
    """A line that is a date and nothing else a reader would call text.

    `label` is "published", "edition" (a print edition's folio or issue line),
    "updated" or None; `rest` is what the line holds
    besides the date (a headline glued after it, say), or "".
    """

    mention: DateMention | None
    label: str | None
    has_time: bool
    has_weekday: bool
    hijri: bool
    rest: str

    @property
    def date(self) -> dt.date | None:
        return self.mention.as_date() if self.mention else None


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class DateVocabulary:
    """Regular expressions for dates in Urdu and English, built from CLDR and data/dates.toml."""

    def __init__(self, day_words: dict[str, int], date_words=None):
        self.day_words = day_words
        self.months: dict[str, int] = {}
        self.weekdays: dict[str, int] = {}
        for code in ("ur", "en"):
            locale = Locale.parse(code)
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in locale.months[context][width].items():
                        self.months[normalize_urdu(name).casefold()] = number
                    for number, name in locale.days[context][width].items():
                        self.weekdays[normalize_urdu(name).casefold()] = number
        words = date_words or DateWords()
        for name, number in words.month_variants.items():
            self.months[normalize_urdu(name).casefold()] = number
        for name, number in words.weekday_variants.items():
            self.weekdays[normalize_urdu(name).casefold()] = number
        self.words = words

    @cached_property
    def _day_first(self) -> re.Pattern:
        # "28 دسمبر 2021", "21/دسمبر/2019", "21-Oct-2025", "28ستمبر", "2nd May, 2022",
        # "28 دسمبر2021ء": digits may touch the month, as outlets glue them.
        day = rf"\d{{1,2}}(?:st|nd|rd|th)?|{_alternation(self.day_words)}"
        return re.compile(
            rf"(?<![\w])(?P<day>{day})(?:\s*[/\-.]\s*|\s*)(?P<month>{_alternation(self.months)})"
            rf"(?![^\W\d_])(?:\s*[/\-.،,]?\s*(?P<year>\d{{4}})(?!\d))?",
            re.IGNORECASE,
        )

    @cached_property
    def _month_first(self) -> re.Pattern:
        # "January 27th, 2024", "Jun 29", "جنوری 20, 2023" (Urdu months are
        # printed month-first by sites built on English templates).
        return re.compile(
            rf"(?<![\w])(?P<month>{_alternation(self.months)})\.?\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?!\d)(?:\s*[,،]?\s+(?P<year>\d{{4}})(?!\d))?",
            re.IGNORECASE,
        )

    @cached_property
    def _numeric(self) -> re.Pattern:
        # ISO 2025-06-25 and 2024/05/21; day-first 21/05/2024 and 21.05.2024,
        # the order Pakistani and Indian outlets print.
        return re.compile(
            r"(?<![\d/.\-])(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
            r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4}))(?![\d/\-]|\.\d)"
        )

    @cached_property
    def _weekday(self) -> re.Pattern:
        urdu = [w for w in self.weekdays if not w.isascii()]
        english = [w for w in self.weekdays if w.isascii()]
        return re.compile(
            rf"(?<![\w])(?P<ur>{_alternation(urdu)})\s+{_URDU_ON_DAY}(?![\w])"
            rf"|\b(?:on|last|this)\s+(?P<en>{_alternation(english)})\b",
            re.IGNORECASE,
        )

    @cached_property
    def _any_weekday(self) -> re.Pattern:
        return re.compile(rf"(?<![\w])(?:بروز\s*)?(?:{_alternation(self.weekdays)})(?![^\W\d_])", re.IGNORECASE)

    @cached_property
    def _leading_weekday(self) -> re.Pattern:
        return re.compile(rf"^\s*(?:بروز\s*)?(?:{_alternation(self.weekdays)})(?![^\W\d_])\s*[,،]?\s*", re.IGNORECASE)

    @cached_property
    def _label(self) -> re.Pattern:
        published = _alternation(normalize_urdu(w) for w in self.words.published)
        updated = _alternation(normalize_urdu(w) for w in self.words.updated)
        today = _alternation(normalize_urdu(w) for w in self.words.today)
        return re.compile(
            # "Published in Dawn, January 27th, 2024": the print edition's credit dates it too.
            # A place may stand before the label: "Mumbai | First published on: Mar 7, 2025".
            rf"^[\s\-–—•|·]*(?:[^\W\d_][^|:：\d]{{0,30}}\s\|\s*)?(?:(?P<updated>{updated})|(?P<today>{today})|(?P<published>{published}))(?![^\W\d_])"
            rf"(?:\s+in\s+[^,،\d]{{1,40}}[,،])?\s*[:：\-–]?",
            re.IGNORECASE,
        )

    @cached_property
    def _updated_inside(self) -> re.Pattern:
        """An "updated" label after the date: "12.11.2025 - اپ ڈیٹ : 13.11.2025"."""
        updated = _alternation(normalize_urdu(w) for w in self.words.updated)
        return re.compile(rf"[\s|\-–—(،,]+(?:{updated})(?![^\W\d_])", re.IGNORECASE)

    @cached_property
    def _edition(self) -> re.Pattern:
        labels = _alternation(normalize_urdu(w) for w in self.words.edition_labels) or "(?!)"
        return re.compile(rf"(?<![^\W\d_])(?:{labels})\s*(?:نمبر|No\.?)?\s*\d{{1,4}}(?!\d)", re.IGNORECASE)

    @cached_property
    def _american_zone(self) -> re.Pattern:
        return re.compile(rf"(?<![^\W\d_])(?:{_alternation(self.words.american_time_zones) or '(?!)'})(?![^\W\d_])")

    @cached_property
    def _filler(self) -> re.Pattern:
        return re.compile(rf"(?<![^\W\d_])(?:{_alternation(self.words.filler)})(?![^\W\d_])", re.IGNORECASE)

    @cached_property
    def _hijri(self) -> re.Pattern:
        months = _alternation(normalize_urdu(m) for m in self.words.hijri_months)
        return re.compile(
            rf"(?:\d{{1,2}}\s*)?(?:{months})(?![^\W\d_])\s*[,،]?\s*(?:\d{{4}})?\s*(?:ھ|ہـ?|ہجری|AH|H)?(?![^\W\d_])",
            re.IGNORECASE,
        )

    def _day_number(self, word: str) -> int:
        word = re.sub(r"(?:st|nd|rd|th)$", "", word, flags=re.IGNORECASE)
        return int(word) if word.isdigit() else self.day_words[word]

    def find_dates(self, text: str) -> list[DateMention]:
        """Every day-and-month mention in text, in order (overlaps: the longest)."""
        digits = western_digits(text)  # same length, so offsets still fit `text`
        mentions = []
        for pattern in (self._day_first, self._month_first):
            for match in pattern.finditer(digits):
                day = self._day_number(match["day"].casefold())
                month = self.months[match["month"].casefold()]
                year = int(match["year"]) if match["year"] and int(match["year"]) in YEARS else None
                end = match.end() if year or not match["year"] else match.start("year")
                if 1 <= day <= 31:
                    mentions.append(DateMention(day, month, year, text[match.start():end].rstrip(" ،,/-."),
                                                match.start()))
        for match in self._numeric.finditer(digits):
            year, month, day = (match["y1"], match["m1"], match["d1"]) if match["y1"] else (
                match["y2"], match["m2"], match["d2"])
            if not match["y1"] and int(month) > 12 >= int(day):
                month, day = day, month  # "12/25/2025": only the American order reads
            mention = DateMention(int(day), int(month), int(year), match[0], match.start())
            if mention.as_date() and mention.year in YEARS:
                mentions.append(mention)
        mentions.sort(key=lambda m: (m.start, -len(m.text)))
        kept, end = [], -1
        for mention in mentions:
            if mention.start >= end:
                kept.append(mention)
                end = mention.start + len(mention.text)
        return kept

    def time_alone(self, line: str) -> bool:
        """A time and nothing but its zone or filler words: "13:42 PKT", "4:05 PM"."""
        text = western_digits(line)
        if not _TIME.search(text):
            return False
        rest = self._filler.sub(" ", _TIME_ZONE.sub(" ", _TIME.sub(" ", text, count=1)))
        return not _LEFTOVER.search(rest) and not re.search(r"\d", rest)

    def find_weekday(self, text: str) -> WeekdayMention | None:
        """The first "on <weekday>" in text."""
        match = self._weekday.search(text)
        if not match:
            return None
        name = (match["ur"] or match["en"]).casefold()
        return WeekdayMention(self.weekdays[name], match[0], match.start())

    def extract_dateline(self, line: str) -> DateMention | None:
        """The date when a whole line is a date line with a full date."""
        found = self.date_line(line)
        return found.mention if found and found.date else None

    def date_line(self, line: str, headline: str | None = None) -> DateLine | None:
        """The line as a date line (below), or one whose parts between bars or
        dots are a date line and a few words each: a byline, a place, a count
        ("نمائندہ نیلم | 2025-01-24", "Hira Javed · 27 May 2025 · 2 تبصرے")."""
        if edition := self.edition_line(line):
            return edition
        found = self._date_line(line, headline)
        if found is not None or len(line) > DATE_LINE_MAX_CHARS or not _PART_SEPARATOR.search(line):
            return found
        parts = [part for part in _PART_SEPARATOR.split(line) if part.strip()]
        # "Name | Place | Published: … | Updated: …": the update does not date the article.
        unlabelled = [part for part in parts if not ((label := self._label.match(part.strip())) and label["updated"])]
        if len(unlabelled) < len(parts) and any(self.find_dates(part) for part in unlabelled):
            parts = unlabelled
        dated = [one for part in parts if (one := self._date_line(part)) is not None and one.mention]
        others = [part for part in parts if not self.find_dates(part)]
        if len(dated) == 1 and len(others) == len(parts) - 1 and all(
                len(part.split()) <= (LABELLED_PART_MAX_WORDS if _LABELLED_PART.match(part) else
                                      DATE_LINE_PART_MAX_WORDS) for part in others):
            # "Today's Paper | March 6, 2025": a part that says "today" makes it the site's date of the day.
            today = any((label := self._label.match(part.strip())) and label["today"] for part in others)
            return replace(dated[0], label="today") if today and not dated[0].label else dated[0]
        return None

    def edition_line(self, line: str) -> DateLine | None:
        """A print edition's folio or issue line: the paper's name, its place, the
        date and the page or issue ("روزنامہ … ملتان   جمعرات 12 جون 2025ء   صفحہ 1",
        "THE COURIER, KOLKATA, FRIDAY, MARCH 7, 2025 | PAGE 1"). It dates the
        edition, so the article, unless a line labelled "Published" says otherwise
        (a weekly's issue spans days): label "edition"."""
        if len(line) > EDITION_LINE_MAX_CHARS or _PROSE_END.search(line) or not self._edition.search(line):
            return None
        if _DAY_RANGE.search(line):
            return None  # a weekly's issue, "5 تا 11 جون 2025": no one day
        mentions = [mention for mention in self.find_dates(line) if mention.as_date()]
        if not mentions or any(mention.as_date() != mentions[0].as_date() for mention in mentions):
            return None
        return DateLine(mentions[0], "edition", has_time=bool(_TIME.search(western_digits(line))),
                        has_weekday=bool(self._any_weekday.search(line)), hijri=False, rest="")

    def _date_line(self, line: str, headline: str | None = None) -> DateLine | None:
        """The line as a date line, or None when it is text that mentions a date.

        A date line holds one date (or a label such as "Published:" with a
        broken date, or only a Hijri date) and nothing else but a weekday, a
        time, a label and filler words; or it starts with a date and goes on
        with the headline (`headline`), as some templates glue them.
        """
        if len(line) > DATE_LINE_MAX_CHARS:
            return None
        text = _READING_TIME_END.sub("", _TAG.sub(" ", western_digits(line)))
        # An agency in brackets ends a dateline: "تہران ، 20 مارچ (انڈیا نیرٹیو)".
        text = _BYLINE_END.sub(" ", _AGENCY_END.sub(" ", text))
        label = None
        if byline := _BYLINE_THEN_DATE.match(text):
            label, text = "published", text[byline.end():]
        # A weekday may stand before the label: "بروز اتوار، بتاریخ 22 ستمبر 2024".
        weekday, label_match = None, None if label else self._label.match(text)
        if not label and not label_match and (weekday := self._leading_weekday.match(text)):
            label_match = self._label.match(text[weekday.end():])
        if label_match:
            label = "updated" if label_match["updated"] else "today" if label_match["today"] else "published"
            # The weekday stays: it is part of the date.
            text = weekday[0] + " " + text[weekday.end() + label_match.end():] if weekday else \
                text[label_match.end():]
        if label:
            text = _SECTION_END.sub(" ", text)
        inside = self._updated_inside.search(text) if label != "updated" else None
        if inside and self.find_dates(text[:inside.start()]):
            text = text[:inside.start()]  # the date before "updated" is the publication's
        mentions = self.find_dates(text)
        if not mentions and not label and not self._hijri.search(text):
            return None  # nothing on the line dates it: most lines with a number
        if len(mentions) > 2 or (len(mentions) == 2 and mentions[0].as_date() != mentions[1].as_date()):
            return None
        mention = mentions[0] if mentions else None
        if mention and mention.day <= 12 and mention.day != mention.month and _DAY_FIRST.fullmatch(mention.text):
            # "02/04/2025" reads both ways: the weekday, or an American time zone, says which.
            if weekday := self._any_weekday.search(text):
                mention = _read_by_weekday(mention, self.weekdays.get(_ON_DAY.sub("", weekday[0]).casefold()))
            elif self._american_zone.search(text):
                mention = _month_first(mention)
        # A place may stand before the date ("ممبئی، 28ستمبر"); nothing but the
        # headline may follow it.
        weekday_before = False
        if mention and not label:
            # "برمنگھم (نمائندہ خصوصی) جمعہ، 7 جون 2024": the agency's words in brackets are
            # not the place's; its closing bracket still ends the place.
            # "ریاض — پیر 5 محرم 1447ھ / 30 جون 2025": the Hijri date before it is the same day's.
            place = _IN_BRACKETS.sub(" )", self._hijri.sub(" ", self._any_weekday.sub(" ", text[:mention.start])))
            if (0 < len(_LEFTOVER.findall(place)) <= 3 and not _TIME.search(place)
                    and _PLACE_END.search(place)):
                # "سرینگر 1°C | ہفتہ، 6 دسمبر 2025": the weekday still says what the line is.
                weekday_before = bool(self._any_weekday.search(text[:mention.start]))
                text = text[mention.start:]
        rest = text
        for found in mentions:
            rest = rest.replace(western_digits(found.text), " ", 1)
        hijri = bool(self._hijri.search(rest))
        rest = self._hijri.sub(" ", rest)
        has_time = bool(_TIME.search(rest))
        rest = _TIME_ZONE.sub(" ", _TIME.sub(" ", rest))
        has_weekday = weekday_before or bool(self._any_weekday.search(rest))
        rest = self._any_weekday.sub(" ", rest)
        rest = self._filler.sub(" ", rest)
        if mention is None and not hijri and not (label and not _LEFTOVER.search(rest)):
            return None
        leftover = _LEFTOVER.findall(rest)
        if leftover:
            glued = line[line.find(mention.text) + len(mention.text):].strip(" ،,|-–") if mention else ""
            if not (mention and headline and glued and _same_text(glued, headline)):
                # "Published: undefined" is a date line whose date is broken.
                if not (label and mention is None and len(leftover) <= 1):
                    return None
            rest = glued
        else:
            rest = ""
        return DateLine(mention, label, has_time, has_weekday, hijri and mention is None, rest)


def _month_first(mention: DateMention) -> DateMention:
    """A numeric date read the American way, where the line says it is American."""
    if not _DAY_FIRST.fullmatch(mention.text):
        return mention
    swapped = replace(mention, day=mention.month, month=mention.day)
    return swapped if swapped.as_date() else mention


def _read_by_weekday(mention: DateMention, weekday: int | None) -> DateMention:
    """"Tue, 02/04/2025" (Drupal's default): a numeric date that reads both
    ways is read the way its weekday agrees with."""
    if weekday is None or mention.day > 12 or mention.day == mention.month or not _DAY_FIRST.fullmatch(mention.text):
        return mention
    swapped = replace(mention, day=mention.month, month=mention.day)
    date, other = mention.as_date(), swapped.as_date()
    if date and other and date.weekday() != weekday and other.weekday() == weekday:
        return swapped
    return mention


def _same_text(a: str, b: str) -> bool:
    squash = re.compile(r"[\W_]+")
    return squash.sub("", a).casefold() == squash.sub("", b).casefold()


@dataclass(frozen=True)
class DateWords:
    """What data/dates.toml adds to CLDR."""

    month_variants: dict[str, int] = field(default_factory=dict)
    weekday_variants: dict[str, int] = field(default_factory=dict)
    published: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    today: tuple[str, ...] = ()  # the site's date of the day it is read, never the article's
    filler: tuple[str, ...] = ()
    hijri_months: tuple[str, ...] = ()
    american_time_zones: tuple[str, ...] = ()  # a numeric date beside one is printed month first
    edition_labels: tuple[str, ...] = ()  # a print edition's page or issue: "صفحہ 1", "PAGE 1", "شمارہ 37"
