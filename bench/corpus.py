"""A deterministic archive of N seed-like raw articles, for benchmarks.

Built from the real seeds' own sentences, recombined, dressed in the kinds of
site chrome the seeds carry (contact and share lines, newsletter blurbs,
adverts, disclaimers, cross-links, related-topic lists, comment notices,
duplicated captions), dated in the formats the importer reads, from varied
outlets, naming glossary people and places in their spelling variants; about
one in ten gets an English translation in content/en/. Further styles print
what other outlets print: menus, masthead dates, standfirsts, "شائع" date
lines with a time, counters, tag rows, agency datelines glued to the first
word, "City: day/month/year" lines, "اپ ڈیٹ" lines and a crawler's date
header. `generate` returns each seed's true headline and date, so the
benchmark can score the importer on the corpus.

    python bench/corpus.py N PROJECT_DIR      # writes PROJECT_DIR/seeds and content/en
"""

import datetime as dt
import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script: these imports resolve only once their folder is on sys.path (noqa: E402).
sys.path.insert(0, str(ROOT / "plugins"))

from seed_reader.extract import sentences  # noqa: E402
from seed_reader.importer import extractor_for, import_seed  # noqa: E402

URDU_MONTHS = ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"]
URDU_WEEKDAYS = ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"]
DAY_WORDS = ["ایک", "دو", "تین", "چار", "پانچ", "چھ", "سات", "آٹھ", "نو", "دس"]
ARTICLES_A_YEAR = 1000
CATEGORIES = ["روس", "دنیا", "پاکستان", "یورپ", "کاروبار", "کھیل"]


class Pools:
    """Sentences, headlines and captions of the real seeds and translations."""

    def __init__(self):
        extractor = extractor_for()
        # Each synthetic article is about one person: every person's name in its
        # sentences becomes a spelling of that person's, so a name is found in a
        # news-like share of the archive (about 1 in 16), in all its spellings.
        self.people = [
            [v for v in entry.variants if not v.isascii()]
            for entry in extractor.knowledge.glossary if entry.kind == "person"
        ]
        self.all_names = sorted({v for names in self.people for v in names}, key=len, reverse=True)
        self.sentences, self.headlines, self.captions = [], [], []
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            found = import_seed(path, extractor).extraction
            self.headlines.append(found.title.rstrip("۔"))
            self.captions.extend(c.text for c in found.captions)
            for paragraph in found.paragraphs:
                self.sentences.extend(s for s in sentences(paragraph) if len(s.split()) > 4)
        self.english = []
        for path in sorted((ROOT / "content" / "en").glob("*.md")):
            body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
            self.english.extend(s for s in re.split(r"(?<=[.!?])\s+", body) if len(s.split()) > 4)


def about(text: str, person: list[str], pools: Pools, rng: random.Random) -> str:
    """The text with every person's name replaced by a spelling of `person`."""
    pattern = re.compile("|".join(re.escape(n) for n in pools.all_names))
    return pattern.sub(lambda _: rng.choice(person), text)


def without_names(text: str, pools: Pools) -> str:
    """The text with every name as one mark: a headline compared whatever spelling `about` chose."""
    return re.sub("|".join(re.escape(n) for n in pools.all_names), "•", text)


def body(pools: Pools, rng: random.Random) -> list[str]:
    paragraphs = []
    for _ in range(rng.randint(4, 12)):
        paragraphs.append(" ".join(rng.choice(pools.sentences) for _ in range(rng.randint(1, 3))))
    pools.last_body = paragraphs  # the copies of the article (below) reuse it
    return paragraphs


def eu_reporter(pools, rng, date, headline):
    lines = ["ہمارے ساتھ رابطہ", rng.choice(CATEGORIES), headline, "حصص:", "اشاعت", "on",
             "ہم آپ کے سائن اپ کو ان طریقوں سے مواد فراہم کرنے کے لیے استعمال کرتے ہیں جن سے آپ نے "
             "رضامندی ظاہر کی ہے اور آپ کے بارے میں ہماری سمجھ کو بہتر بنایا ہے۔ آپ کسی بھی وقت سبسکرائب کر سکتے ہیں۔",
             f"{date.day} {URDU_MONTHS[date.month - 1]} {date.year}"]
    paragraphs = body(pools, rng)
    paragraphs.insert(len(paragraphs) // 2, "اشتہار")
    lines += paragraphs + ["اس مضمون کا اشتراک کریں:",
                           "EU رپورٹر مختلف قسم کے بیرونی ذرائع سے مضامین شائع کرتا ہے "
                           "جو وسیع نقطہ نظر کا اظہار کرتے ہیں۔ "
                           "ان مضامین میں لی گئی پوزیشنز ضروری نہیں کہ وہ EU Reporter کی ہوں۔", "رجحان سازی"]
    return "\n\n".join(lines)


def dawn(pools, rng, date, headline):
    caption = f"{rng.choice(pools.captions)}---فوٹو: {rng.choice(['اے پی', 'رائٹرز', 'اے ایف پی'])}"
    paragraphs = body(pools, rng)
    paragraphs.insert(2, f"مزید پڑھیں: {rng.choice(pools.headlines)}")
    paragraphs.insert(len(paragraphs) - 1, f"یہ بھی پڑھیں: {rng.choice(pools.headlines)}")
    return "\n\n".join([headline, f"{date.day} {URDU_MONTHS[date.month - 1]} {date.year}\n{caption}\n{caption}",
                        *paragraphs, "تبصرے (0) بند ہیں"])


def wire_style(pools, rng, date, headline):
    # A caption with a date in words, and a lede that reports "on <weekday>".
    day = DAY_WORDS[date.day - 1] if date.day <= 10 else str(date.day)
    caption = f"صدر {day} {URDU_MONTHS[date.month - 1]}، {date.year} کو ماسکو میں بات چیت کرتے ہوئے۔"
    next_day = date + dt.timedelta(days=1)
    lede = f"روسی حکام نے {URDU_WEEKDAYS[next_day.weekday()]} کو صحافیوں کو بتایا کہ {rng.choice(pools.sentences)}"
    return "\n".join([caption, lede, *body(pools, rng)])


def related_style(pools, rng, date, headline):
    return "\n\n".join([headline, *body(pools, rng)]) + "\n\nمواضيع ذات صلة\nمواضيع ذات صلة\nRelated articles"


def month(date: dt.date) -> str:
    return URDU_MONTHS[date.month - 1]


def masthead_style(pools, rng, date, headline):
    fetched = date + dt.timedelta(days=rng.randint(30, 900))  # the masthead shows the day it was fetched
    menu = ["• صفحۂ اول", "• تازہ ترین", "• پاکستان", "• کھیل", "• کاروبار"]
    return "\n".join([
        *menu, f"{URDU_WEEKDAYS[fetched.weekday()]}, {month(fetched)} {fetched.day}, {fetched.year}",
        "روزنامہ نمونہ", *menu, "", headline, "", rng.choice(pools.headlines).rstrip("۔"), "",
        f"شائع {date.day:02d} {month(date)} {date.year} {rng.randint(1, 12):02d}:{rng.randint(0, 59):02d}pm",
        f"{rng.randint(0, 99)} 0", "SHARES", str(rng.randint(10, 999)), "VIEWS", "",
        "\n\n".join(body(pools, rng)), "", f"ٹیگز: {rng.choice(CATEGORIES)}، {rng.choice(CATEGORIES)}",
        "مزید خبریں"])


def agency_style(pools, rng, date, headline):
    paragraphs = body(pools, rng)
    paragraphs[0] = f"لاہور (این این آئی۔ {date.day} {month(date)}{date.year}ء){paragraphs[0]}"
    return "\n\n".join([headline, *paragraphs])


def city_date_style(pools, rng, date, headline):
    return "\n\n".join([headline, f"کراچی: {date.day}/{month(date)}/{date.year}", *body(pools, rng)])


def updated_style(pools, rng, date, headline):
    later = date + dt.timedelta(days=rng.randint(1, 5))
    return "\n".join([headline, f"{URDU_WEEKDAYS[date.weekday()]} {date.day} {month(date)} {date.year}، 10:45 شام",
                      f"اپ ڈیٹ: {later.day} {month(later)} {later.year}", *body(pools, rng)])


def crawler_style(pools, rng, date, headline):
    return f" date {date.isoformat()} {headline}\n" + "\n".join(body(pools, rng))


STYLES = [eu_reporter, dawn, wire_style, related_style, masthead_style, agency_style, city_date_style,
          updated_style, crawler_style]


def true_date(style, date: dt.date) -> dt.date | None:
    """The publication date each style's text states."""
    if style is related_style:
        return None
    if style is wire_style:
        return date + dt.timedelta(days=1)  # the lede's "on <weekday>" after the picture's day
    return date


# -- the same story twice (issue 15): copies with known answers ---------------

def bbc_copy(date, headline, paragraphs):
    return "\n\n".join(["بی بی سی اردو", "• صفحۂ اول", headline, f"{date.day} {month(date)} {date.year}",
                        *paragraphs, "© بی بی سی اردو", "مزید خبریں"])


def voa_copy(date, headline, paragraphs):
    return "\n\n".join(["وائس آف امریکہ اردو", headline, f"شائع {date.day:02d} {month(date)} {date.year}",
                        *paragraphs, "VOA Urdu"])


def dawn_copy(date, headline, paragraphs):
    return "\n\n".join([headline, f"{date.day} {month(date)} {date.year}\nتصویر---فوٹو: اے ایف پی",
                        *paragraphs, "تبصرے (0) بند ہیں"])


def eu_reporter_copy(date, headline, paragraphs):
    return "\n\n".join(["ہمارے ساتھ رابطہ", headline, "حصص:", f"{date.day} {month(date)} {date.year}", *paragraphs,
                        "EU رپورٹر مختلف قسم کے بیرونی ذرائع سے مضامین شائع کرتا ہے۔", "رجحان سازی"])


# The outlet each style's chrome names, and the other outlets that syndicate it.
SYNDICATED_BY = {"eu_reporter": [dawn_copy, bbc_copy, voa_copy], "dawn": [eu_reporter_copy, bbc_copy, voa_copy]}
# One article in EXACT_EVERY gets an exact copy, one in UPDATED_EVERY a later version;
# every SYNDICATED_EVERY-th article of the styles above a copy in another outlet.
EXACT_EVERY, UPDATED_EVERY, SYNDICATED_EVERY = 50, 50, 10


def body_lines(text: str, paragraphs: list[str], pools: Pools) -> list[str]:
    """The lines of a written article that are its body, as `about` spelled them."""
    wanted = {without_names(p, pools) for p in paragraphs}
    return [line for line in text.split("\n") if line and without_names(line, pools) in wanted]


def trimmed(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The body with one sentence left out, as an outlet trims a wire story."""
    longer = [i for i, p in enumerate(paragraphs) if len(sentences(p)) > 1]
    if not longer:
        drop = rng.randrange(1, len(paragraphs))
        return paragraphs[:drop] + paragraphs[drop + 1:]
    index = rng.choice(longer)
    kept = sentences(paragraphs[index])
    del kept[rng.randrange(len(kept))]
    return paragraphs[:index] + [" ".join(kept)] + paragraphs[index + 1:]


def copies_of(number: int, name: str, style, text: str, headline: str, date: dt.date, paragraphs: list[str],
              pools: Pools, rng: random.Random) -> dict[str, tuple[bytes, str]]:
    """The copies an article gets: file name → (bytes, kind). Named to sort
    after every article, so that importer_on_corpus samples articles only."""
    found = {}
    if number % EXACT_EVERY == 5:
        data = text + "\n"
        encoded = [data.encode("utf-8"), b"\xef\xbb\xbf" + data.encode("utf-8"),
                   b"\xff\xfe" + data.replace("\n", "\r\n").encode("utf-16-le")][number // EXACT_EVERY % 3]
        found[f"dup_{number:06d}_exact.txt"] = (encoded, "exact")
    body = body_lines(text, paragraphs, pools)
    if number % UPDATED_EVERY == 18 and body:
        added = about(" ".join(rng.choice(pools.sentences) for _ in range(2)), rng.choice(pools.people), pools, rng)
        updated = text.replace(body[-1], f"{body[-1]}\n\n{added}", 1)
        if number // UPDATED_EVERY % 2:  # and a new headline
            updated = updated.replace(headline, f"{rng.choice(pools.headlines)} (تازہ {number})", 1)
        found[f"dup_{number:06d}_updated.txt"] = ((updated + "\n").encode("utf-8"), "updated")
    chrome = SYNDICATED_BY.get(style.__name__)
    if chrome and number // len(STYLES) % SYNDICATED_EVERY == 0 and len(body) > 1:
        copy = chrome[number // len(STYLES) // SYNDICATED_EVERY % len(chrome)]
        other_headline = f"{rng.choice(pools.headlines)} ({number}/{copy.__name__})"
        found[f"dup_{number:06d}_syndicated.txt"] = (
            (copy(date, other_headline, trimmed(body, rng)) + "\n").encode("utf-8"), "syndicated")
    return found


def generate(count: int, project: Path, seed: int = 2021) -> dict[str, dict]:
    """Write the corpus; return each seed's file name → its true headline and
    date, and for a copy of another seed's article (exact, updated or
    syndicated) that seed's file name as `same_as`."""
    answers = {}
    rng = random.Random(seed)
    pools = Pools()
    seeds = project / "seeds"
    english = project / "content" / "en"
    seeds.mkdir(parents=True, exist_ok=True)
    english.mkdir(parents=True, exist_ok=True)
    # An archive grows by years: about 1,000 articles a year, ten years at least,
    # ending in 2024 (so a year, one segment, is as large in any archive).
    years = max(10, math.ceil(count / ARTICLES_A_YEAR))
    start = dt.date(2015, 1, 1) - dt.timedelta(days=365 * (years - 10))
    for number in range(count):
        date = start + dt.timedelta(days=rng.randrange(365 * years))
        headline = f"{rng.choice(pools.headlines)} ({number})"
        style = STYLES[number % len(STYLES)]
        person = rng.choice(pools.people)
        text = about(style(pools, rng, date, headline), person, pools, rng)
        name = f"{number:06d}_{rng.getrandbits(32):08x}"
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        stated = true_date(style, date)
        answers[f"{name}.txt"] = {"style": style.__name__, "date": stated.isoformat() if stated else None,
                                  "title": None if style is wire_style else headline}
        # Their own generator: the articles stay the same with or without copies.
        copying = random.Random(f"{seed}-{number}")
        for copy_name, (data, kind) in copies_of(number, name, style, text, headline, date, pools.last_body, pools,
                                                 copying).items():
            (seeds / copy_name).write_bytes(data)
            answers[copy_name] = {"style": kind, "date": None, "title": None, "same_as": f"{name}.txt"}
        if number % 10 == 0:
            slug = name.replace("_", "-")
            paragraphs = [" ".join(rng.choice(pools.english) for _ in range(rng.randint(1, 3)))
                          for _ in range(rng.randint(3, 8))]
            (english / f"{name}.md").write_text(
                f"Title: {rng.choice(pools.english)[:70]}\nLang: en\nTranslation-of: {slug}\n\n"
                + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return answers


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
