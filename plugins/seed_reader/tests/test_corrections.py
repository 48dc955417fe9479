"""Editors' sidecar corrections: applied on every import, seeds untouched."""

import datetime as dt
import hashlib
import shutil

import pytest

from seed_reader.corrections import sidecar_for
from seed_reader.importer import import_seed

from .conftest import SEEDS


@pytest.fixture
def seed_000(tmp_path):
    source = next(SEEDS.glob("000_*.txt"))
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


def test_corrections_override_fields(seed_000, extractor):
    before = hashlib.sha256(seed_000.read_bytes()).hexdigest()
    sidecar_for(seed_000).write_text(
        'title = "روس اور امریکہ کے سفارتی رابطے"\n'
        "date = 2021-12-16\n"
        'outlet = "dawn-news"\n'
        'entities_add = ["sergei-lavrov"]\n'
        'source = "reuters"\n'
        'captions = [{ text = "کیرن ڈانفرائیڈ ماسکو میں", credit = "رائٹرز" }]\n'
        'entities_remove = ["iran", "kremlin"]\n',
        encoding="utf-8",
    )
    seed = import_seed(seed_000, extractor)
    found = seed.extraction
    assert found.title == "روس اور امریکہ کے سفارتی رابطے"
    assert (found.date, found.date_confidence, found.date_source) == (dt.date(2021, 12, 16), "high", "corrections file")
    assert found.outlet.id == "dawn-news"
    assert found.wire.id == "reuters"
    assert [(c.text, c.credit) for c in found.captions] == [("کیرن ڈانفرائیڈ ماسکو میں", "رائٹرز")]
    ids = [e.entry.id for e in found.entities]
    assert "sergei-lavrov" in ids and "kremlin" not in ids
    assert found.low_confidence_fields() == []
    assert not any("date unknown" in w for w in found.warnings)
    # The URL does not move when the title or date is corrected.
    assert seed.slug == "000-947afd4b53ab818c"
    assert hashlib.sha256(seed_000.read_bytes()).hexdigest() == before


def test_corrections_say_which_fields_they_changed(seed_000, extractor):
    assert import_seed(seed_000, extractor).extraction.corrected == []
    extracted = import_seed(seed_000, extractor).extraction
    # The same outlet and title as extracted, a date the seed lacked, and where the page came from.
    sidecar_for(seed_000).write_text(
        f'outlet = "{extracted.outlet.id}"\ntitle = "{extracted.title}"\ndate = 2021-12-16\n'
        'source_url = "https://www.eureporter.co/world/russia/2021/12/16/"\n', encoding="utf-8")
    seed = import_seed(seed_000, extractor)
    assert seed.extraction.corrected == ["date"]
    assert seed.corrections["source_url"] == "https://www.eureporter.co/world/russia/2021/12/16/"
    assert seed.correction_problems == []
    sidecar_for(seed_000).write_text('title = "نئی سرخی"\noutlet = "dawn-news"\n', encoding="utf-8")
    assert import_seed(seed_000, extractor).extraction.corrected == ["title", "outlet"]


def test_slug_correction(seed_000, extractor):
    sidecar_for(seed_000).write_text('slug = "russia-us-contacts"\n', encoding="utf-8")
    assert import_seed(seed_000, extractor).slug == "russia-us-contacts"


@pytest.mark.parametrize("text, line, reason", [
    ('title = "x"\n\nheadline = "y"\n', 3, "unknown field 'headline' (see the fields in EDITING.md)"),
    ('titel = "x"\n', 1, "unknown field 'titel' (did you mean 'title'?"),
    ('outlet = "daily-nowhere"\n', 1, "unknown outlet id 'daily-nowhere'"),
    ('outlet = "dawn-nws"\n', 1, "unknown outlet id 'dawn-nws' (did you mean 'dawn-news'?"),
    ('title = "x"\ndate = "28 December"\n', 2, "dates are written 2026-03-14"),
    ('date = 14-03-2026\n', 1, "dates are written 2026-03-14"),
    ('slug = "روس"\n', 1, "must be lowercase ASCII"),
    ('entities_add = ["putin"]\n', 1, "unknown glossary id 'putin'"),
    ('title = "x\n', 1, "invalid TOML"),
    ('source = "bbc"\n', 1, "unknown wire id 'bbc'"),
    ('title = "x"\ncaptions = ["just text"]\n', 2, "each caption is"),
    ('captions = [{ text = "ok", credit = 5 }]\n', 1, "each caption is"),
    ('drop_lines = ["3"]\n', 1, "drop_lines is a list of the seed's line numbers"),
    ('title = "x"\nsource_url = "javascript:alert(1)"\n', 2, "source_url must be the page's http:// or https://"),
    ('source_url = "www.dawnnews.tv/news/1"\n', 1, "source_url must be the page's http:// or https://"),
    ('source_url = "https://www.dawn.com/a b"\n', 1, "no spaces"),
])
def test_bad_corrections_name_file_line_reason(seed_000, extractor, text, line, reason):
    sidecar_for(seed_000).write_text(text, encoding="utf-8")
    seed = import_seed(seed_000, extractor)  # still imported, with what was extracted
    ((found_line, found_reason),) = seed.correction_problems
    assert seed.sidecar == sidecar_for(seed_000)
    assert found_line == line
    assert reason in found_reason


@pytest.mark.parametrize("text", ["body_starts_at = 9999\n", "drop_lines = [{lines}]\n"])
def test_corrections_that_would_leave_no_text_are_not_applied(seed_000, extractor, text):
    paragraphs = import_seed(seed_000, extractor).extraction.paragraphs
    lines = ", ".join(str(n) for n in import_seed(seed_000, extractor).extraction.paragraph_lines)
    sidecar_for(seed_000).write_text('title = "درست سرخی"\n' + text.format(lines=lines), encoding="utf-8")
    seed = import_seed(seed_000, extractor)
    assert seed.extraction.paragraphs == paragraphs and seed.extraction.title == "درست سرخی"
    assert any("leave no article text: not applied" in w for w in seed.extraction.warnings)


def test_a_mistake_leaves_the_other_corrections_applied(seed_000, extractor):
    sidecar_for(seed_000).write_text('title = "درست سرخی"\noutlet = "nowhere"\n', encoding="utf-8")
    seed = import_seed(seed_000, extractor)
    assert seed.extraction.title == "درست سرخی"
    assert seed.extraction.outlet.id == "eu-reporter"  # as extracted
    assert [line for line, _ in seed.correction_problems] == [2]


def test_drop_lines_and_the_corrected_headline_leave_the_body(seed_000, extractor):
    first = import_seed(seed_000, extractor).extraction
    second_line = first.paragraph_lines[1]
    sidecar_for(seed_000).write_text(
        f'title = "{first.paragraphs[0]}"\ndrop_lines = [{second_line}]\n', encoding="utf-8")
    found = import_seed(seed_000, extractor).extraction
    assert found.paragraphs == first.paragraphs[2:]
    assert {(r.line, r.kind) for r in found.removed} >= {
        (first.paragraph_lines[0], "corrected-headline"), (second_line, "dropped-by-editor")}
    assert found.summary.split()[:3] == first.paragraphs[2].split()[:3]
    assert found.word_count < first.word_count


def test_body_starts_at(seed_000, extractor):
    first = import_seed(seed_000, extractor).extraction
    sidecar_for(seed_000).write_text(f"body_starts_at = {first.paragraph_lines[3]}\n", encoding="utf-8")
    assert import_seed(seed_000, extractor).extraction.paragraphs == first.paragraphs[3:]
