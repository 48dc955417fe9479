"""The incremental_pages plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

SECTION = Section(
    "INCREMENTAL_PAGES_",
    Setting("INCREMENTAL_PAGES_ENABLED", True, "render only the pages whose inputs changed (False: every page)",
            old="INCREMENTAL_PAGES"),
    Setting("INCREMENTAL_PAGES_WORKERS", None, "processes rendering pages (None: one per core)", old="RENDER_WORKERS"),
)


def settings_of(settings):
    return SECTION.of(settings)
