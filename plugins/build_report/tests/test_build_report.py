"""What the build summary counts: errors by message, warnings but for import warnings."""

import logging

from akhbar.reports import IMPORT_WARNING
from build_report import ErrorCounter


def test_errors_are_kept_and_warnings_counted_apart_from_import_warnings():
    counter = ErrorCounter()
    log = logging.getLogger("test_build_report")
    log.addHandler(counter)
    try:
        log.error("seeds/a.txt:3: %s", "bad date")
        log.warning("a theme warning")
        log.warning("seeds/b.txt: no outlet", extra=IMPORT_WARNING)
        log.info("not counted")
    finally:
        log.removeHandler(counter)
    assert counter.messages == ["seeds/a.txt:3: bad date"]
    assert counter.warnings == 1
