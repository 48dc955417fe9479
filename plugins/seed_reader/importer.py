"""One seed file on disk to an extraction: decoding, extraction, corrections, URL."""

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from akhbar.sources import refusal

from .corrections import apply_corrections, load_corrections, sidecar_for
from .decoding import SeedError, decode_seed
from .duplicates import BodyPrint, body_print
from .extract import ArticleExtractor, Extraction
from .knowledge import DATA_DIR, load_knowledge

# A seed of this size is almost surely several pages pasted together.
LARGE_SEED_BYTES = 1_000_000


@dataclass
class ImportedSeed:
    path: Path
    slug: str
    extraction: Extraction
    corrections: dict
    # Mistakes in the corrections file, (line, reason): reported on every build,
    # while the article is built with what was extracted for those fields.
    correction_problems: list[tuple[int | None, str]] = field(default_factory=list)
    # What duplicate detection compares (duplicates.py), made once and kept with the import.
    body: BodyPrint | None = None

    @property
    def sidecar(self) -> Path:
        return sidecar_for(self.path)


@lru_cache(maxsize=4)
def extractor_for(data_dir: Path = DATA_DIR) -> ArticleExtractor:
    """One extractor per data folder, shared by every seed of a build."""
    return ArticleExtractor(load_knowledge(data_dir))


def slug_for(seed: Path) -> str:
    """A permanent ASCII URL name from the file name, never from the headline.

    Corrections to a title or date must not move an article; file names of
    seeds are ASCII already. A non-ASCII name gets a stable hash instead.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", seed.stem.lower()).strip("-")
    if slug and seed.stem.isascii():
        return slug
    return "seed-" + hashlib.sha1(seed.stem.encode("utf-8")).hexdigest()[:12]


def import_seed(path: Path, extractor: ArticleExtractor | None = None,
                archive_chrome: frozenset[str] = frozenset(), with_names: bool = True) -> ImportedSeed:
    """Read and extract one seed; raise SeedError with the reason when it cannot be.

    `archive_chrome`: lines many seeds of the archive print (archive_chrome.py)."""
    extractor = extractor or extractor_for()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot read file ({error.strerror})") from None
    decoded = decode_seed(data)
    try:
        extraction = extractor.extract(decoded.text, archive_chrome, with_names)
    except (ArithmeticError, ValueError) as error:
        # A text the extractor cannot handle (a caption dated 9999 overflowed a
        # date): this seed is reported and skipped, the rest of a build or of
        # `make check` goes on.
        raise SeedError(f"the importer failed on this text ({type(error).__name__}: {error}); "
                        "please report it with the file") from None
    extraction.notes[:0] = decoded.warnings
    if len(data) > LARGE_SEED_BYTES:
        extraction.notes.append(
            f"unusually large seed ({len(data) / 1e6:.1f} MB): is it one article?"
        )
    if not extraction.paragraphs:
        what = "a headline and site chrome" if extraction.title_confidence == "high" else "only site chrome"
        raise SeedError(f"{what}, no article text (make extract lists every removed line and why)")
    corrections = {}
    sidecar = sidecar_for(path)
    if os.path.lexists(sidecar) and (reason := refusal(sidecar)):
        raise SeedError(f"not imported: its corrections file {sidecar.name} is {reason}")
    problems = []
    if sidecar.exists():
        corrections, problems = load_corrections(sidecar, extractor.knowledge)
        for problem in problems:
            problem.path = sidecar
        apply_corrections(extraction, corrections, extractor.knowledge)
    return ImportedSeed(path, corrections.get("slug") or slug_for(path), extraction, corrections,
                        [(problem.line, problem.reason) for problem in problems],
                        body_print(decoded.text, extraction.paragraphs))
