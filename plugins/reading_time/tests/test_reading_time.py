"""Reading time of editors' Markdown articles, by each language's reading speed."""

from types import SimpleNamespace

from akhbar.languages import READING_SPEED
from reading_time import count_words


def article(words: int, lang: str, minutes=None):
    # As Pelican makes it: each metadata field is an attribute too.
    return SimpleNamespace(content="<p>" + " ".join(["word"] * words) + "</p>", lang=lang, reading_minutes=minutes,
                           metadata={"reading_minutes": minutes} if minutes else {})


def test_minutes_from_words_at_the_language_speed():
    english, urdu = article(READING_SPEED["en"] * 2 + 1, "en"), article(READING_SPEED["ur"], "ur")
    short = article(3, "en")
    count_words(SimpleNamespace(articles=[english, short], translations=[urdu]))
    assert (english.word_count, english.reading_minutes) == (READING_SPEED["en"] * 2 + 1, 3)
    assert urdu.reading_minutes == 1
    assert short.reading_minutes == 1  # never "0 min"


def test_a_seed_keeps_the_time_its_importer_gave():
    seed = article(5000, "ur", minutes=7)
    count_words(SimpleNamespace(articles=[seed], translations=[]))
    assert seed.reading_minutes == 7
