"""The archive_pages plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

SECTION = Section(
    "ARCHIVE_PAGES_",
    Setting("ARCHIVE_PAGES_WORKERS", None, "processes rendering the story cards (None: one per core)"),
)


def settings_of(settings):
    return SECTION.of(settings)
