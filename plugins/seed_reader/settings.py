"""The seed_reader plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

from .duplicates import Thresholds
from .knowledge import DATA_DIR

_THRESHOLDS = Thresholds()

SECTION = Section(
    "SEED_READER_",
    Setting("SEED_READER_DATA_DIR", DATA_DIR, "the outlets, names and glossary an import reads", old="SEED_DATA_DIR"),
    Setting("SEED_READER_WORKERS", None, "processes importing seeds (None: one per core)", old="IMPORT_WORKERS"),
    # The same story twice: their meaning is in duplicates.Thresholds (docs/importer.md).
    Setting("SEED_READER_DUPLICATES_CONTAINED", _THRESHOLDS.contained,
            "share of the shorter body found, in order, in the longer",
            old="DUPLICATES_CONTAINED"),
    Setting("SEED_READER_DUPLICATES_SHARED", _THRESHOLDS.shared, "share of the longer body that is the shorter one",
            old="DUPLICATES_SHARED"),
    Setting("SEED_READER_DUPLICATES_MIN_WORDS", _THRESHOLDS.min_words, "shorter bodies are only ever exact copies",
            old="DUPLICATES_MIN_WORDS"),
)


def settings_of(settings):
    return SECTION.of(settings)
