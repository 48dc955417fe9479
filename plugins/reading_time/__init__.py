"""Reading time for editors' Markdown articles, counted as the seed reader counts seeds."""

import math
import re

from pelican import signals

from seed_reader.entities import words
from seed_reader.extract import READING_SPEED

_TAG = re.compile(r"<[^>]*>")


def count_words(generator):
    for article in generator.articles + generator.translations:
        if getattr(article, "reading_minutes", None):
            continue
        count = len(words(_TAG.sub(" ", article.content)))
        article.word_count = count
        article.reading_minutes = max(1, math.ceil(count / READING_SPEED.get(article.lang, READING_SPEED["en"])))


def register():
    signals.article_generator_pretaxonomy.connect(count_words)
