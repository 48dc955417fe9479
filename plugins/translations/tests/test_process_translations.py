import random
from types import SimpleNamespace

import pelican.utils

from akhbar.compat import linear_process_translations as process_translations


def articles(count: int, seed: int) -> list:
    """Stories in Urdu, some with an English translation, some translations
    marked as such, a few stories in English only: every case Pelican sorts."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        slug = f"{rng.randrange(count):05d}-{n}"
        found.append(SimpleNamespace(slug=slug, lang="ur", in_default_lang=True, metadata={},
                                     source_path=f"seeds/{slug}.txt"))
        if rng.random() < 0.3:
            marked = {"translation": "true"} if rng.random() < 0.5 else {}
            found.append(SimpleNamespace(slug=slug, lang="en", in_default_lang=False, metadata=marked,
                                         source_path=f"content/en/{slug}.md"))
        if rng.random() < 0.05:
            found.append(SimpleNamespace(slug=f"en-only-{n}", lang="en", in_default_lang=False, metadata={},
                                         source_path=f"content/en/only-{n}.md"))
    rng.shuffle(found)
    return found


def test_same_originals_translations_and_links_as_pelican():
    ours, pelicans = articles(400, seed=1), articles(400, seed=1)
    index, translations = process_translations(ours, "slug")
    expected_index, expected_translations = pelican.utils.process_translations(pelicans, "slug")
    assert [a.source_path for a in index] == [a.source_path for a in expected_index]
    assert [a.source_path for a in translations] == [a.source_path for a in expected_translations]
    assert [sorted(t.source_path for t in a.translations) for a in ours] == \
        [sorted(t.source_path for t in a.translations) for a in pelicans]
    assert len(translations) > 50


def test_no_translation_id_keeps_every_article():
    found = articles(20, seed=2)
    assert process_translations(found, None) == (found, [])
