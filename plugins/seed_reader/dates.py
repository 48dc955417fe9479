"""Dates as news pages write them, with month and weekday names from CLDR (Babel)."""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from babel import Locale

from .normalize import normalize_urdu, western_digits

# Postpositions that turn a weekday name into "on that day" in Urdu. Without
# one, ہفتہ is as likely "a week" as "Saturday".
_URDU_ON_DAY = r"(?:کو|کے روز|کے دن|کی شام|کی صبح|کی رات|کی سہ پہر|کی دوپہر)"


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


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class DateVocabulary:
    """Regular expressions for dates in Urdu and English, built from CLDR."""

    def __init__(self, day_words: dict[str, int]):
        self.day_words = day_words
        self.months: dict[str, int] = {}
        self.weekdays: dict[str, int] = {}
        for code in ("ur", "en"):
            locale = Locale.parse(code)
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in locale.months[context][width].items():
                        self.months[normalize_urdu(name).casefold()] = number
                for number, name in locale.days[context]["wide"].items():
                    self.weekdays[normalize_urdu(name).casefold()] = number

    @cached_property
    def _day_first(self) -> re.Pattern:
        day = rf"\d{{1,2}}|{_alternation(self.day_words)}"
        return re.compile(
            rf"(?<![\w])(?P<day>{day})\s+(?P<month>{_alternation(self.months)})"
            rf"(?![\w])(?:\s*[،,]?\s*(?P<year>\d{{4}})(?!\d))?",
            re.IGNORECASE,
        )

    @cached_property
    def _month_first(self) -> re.Pattern:
        english = [m for m in self.months if m.isascii()]
        return re.compile(
            rf"(?<![\w])(?P<month>{_alternation(english)})\.?\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>\d{{4}})(?!\d))?",
            re.IGNORECASE,
        )

    @cached_property
    def _iso(self) -> re.Pattern:
        return re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")

    @cached_property
    def _weekday(self) -> re.Pattern:
        urdu = [w for w in self.weekdays if not w.isascii()]
        english = [w for w in self.weekdays if w.isascii()]
        return re.compile(
            rf"(?<![\w])(?P<ur>{_alternation(urdu)})\s+{_URDU_ON_DAY}(?![\w])"
            rf"|\b(?:on|last|this)\s+(?P<en>{_alternation(english)})\b",
            re.IGNORECASE,
        )

    def _day_number(self, word: str) -> int:
        return int(word) if word.isdigit() else self.day_words[word]

    def find_dates(self, text: str) -> list[DateMention]:
        """Every day-and-month mention in text, in order."""
        digits = western_digits(text)  # same length, so offsets still fit `text`
        mentions = []
        for pattern in (self._day_first, self._month_first):
            for match in pattern.finditer(digits):
                day = self._day_number(match["day"])
                month = self.months[match["month"].casefold()]
                year = int(match["year"]) if match["year"] else None
                if 1 <= day <= 31:
                    mentions.append(DateMention(day, month, year, text[match.start():match.end()], match.start()))
        for match in self._iso.finditer(digits):
            mention = DateMention(int(match["day"]), int(match["month"]), int(match["year"]), match[0], match.start())
            if mention.as_date():
                mentions.append(mention)
        return sorted(mentions, key=lambda m: m.start)

    def find_weekday(self, text: str) -> WeekdayMention | None:
        """The first "on <weekday>" in text."""
        match = self._weekday.search(text)
        if not match:
            return None
        name = (match["ur"] or match["en"]).casefold()
        return WeekdayMention(self.weekdays[name], match[0], match.start())

    def extract_dateline(self, line: str) -> DateMention | None:
        """The date when a whole line is a dateline (a full date, maybe with a weekday)."""
        mentions = self.find_dates(line)
        if len(mentions) != 1 or mentions[0].as_date() is None:
            return None
        rest = line.replace(mentions[0].text, " ")
        rest = re.sub(rf"{_alternation(self.weekdays)}", " ", rest, flags=re.IGNORECASE)
        if re.search(r"\w", rest):
            return None
        return mentions[0]
