"""Where a build lists what it found to doubt: files under CACHE_PATH, named
here for the plugins that write them and the build report that counts them."""

from pathlib import Path

from .kept import kept_folder

# Articles with low-confidence fields, one per line.
LOW_CONFIDENCE = "low-confidence.txt"
# Every import warning of the build, shown or not.
IMPORT_WARNINGS = "import-warnings.txt"
# Logged with a warning (`extra=IMPORT_WARNING`): an import warning, which the
# build report counts from the articles, not from the log.
IMPORT_WARNING = {"import_warning": True}


def report_file(settings, name: str) -> Path:
    return kept_folder(settings) / name


def is_import_warning(record) -> bool:
    return bool(getattr(record, "import_warning", False))
