from pathlib import Path

import pytest

from seed_reader.importer import extractor_for, import_seed

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="session")
def extractor():
    return extractor_for()


@pytest.fixture(scope="session")
def seed(extractor):
    """Import one of the real seeds by its number prefix: seed("002")."""
    cache = {}

    def load(prefix):
        if prefix not in cache:
            (path,) = SEEDS.glob(f"{prefix}_*.txt")
            cache[prefix] = import_seed(path, extractor)
        return cache[prefix]

    return load


@pytest.fixture
def write_seed(tmp_path):
    """Write bytes or text as a seed file in a temporary folder."""

    def write(content, name="article.txt", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return write
