"""Editors' sidecar corrections: applied on every import, seeds untouched."""

import datetime as dt
import hashlib
import shutil

import pytest

from seed_reader.corrections import sidecar_for
from seed_reader.decoding import SeedError
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


def test_slug_correction(seed_000, extractor):
    sidecar_for(seed_000).write_text('slug = "russia-us-contacts"\n', encoding="utf-8")
    assert import_seed(seed_000, extractor).slug == "russia-us-contacts"


@pytest.mark.parametrize("text, line, reason", [
    ('title = "x"\n\nheadline = "y"\n', 3, "unknown field 'headline'"),
    ('outlet = "daily-nowhere"\n', 1, "unknown outlet id 'daily-nowhere'"),
    ('title = "x"\ndate = "28 December"\n', 2, "date must be a TOML date"),
    ('slug = "روس"\n', 1, "must be lowercase ASCII"),
    ('entities_add = ["putin"]\n', 1, "unknown glossary id 'putin'"),
    ('title = "x\n', 1, "invalid TOML"),
    ('source = "bbc"\n', 1, "unknown wire id 'bbc'"),
    ('title = "x"\ncaptions = ["just text"]\n', 2, "each caption is"),
])
def test_bad_corrections_name_file_line_reason(seed_000, extractor, text, line, reason):
    sidecar = sidecar_for(seed_000)
    sidecar.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        import_seed(seed_000, extractor)
    assert caught.value.path == sidecar
    assert caught.value.line == line
    assert reason in caught.value.reason
