"""Reading time for editors' Markdown articles, counted as the seed reader counts seeds."""

import math
import re

from pelican import signals

from akhbar.build import article_reread
from akhbar.languages import READING_SPEED
from akhbar.normalize import words

_TAG = re.compile(r"<[^>]*>")


def count_words(generator):
    for article in generator.articles + generator.translations:
        count_words_of(article)


def count_words_of(article):
    if article.metadata.get("reading_minutes"):
        return  # the reader counted (seeds)
    count = len(words(_TAG.sub(" ", article.content)))
    article.word_count = count
    article.reading_minutes = max(1, math.ceil(count / READING_SPEED.get(article.lang, READING_SPEED["en"])))


def register():
    signals.article_generator_pretaxonomy.connect(count_words)
    article_reread.connect(count_words_of)  # the live preview read it again
