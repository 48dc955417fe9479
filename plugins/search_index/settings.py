"""The search_index plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

SECTION = Section(
    "SEARCH_INDEX_",
    Setting("SEARCH_INDEX_ENABLED", True, "write the search index (False: a faster build without search)",
            old="SEARCH_INDEX"),
    # The old names were shared with incremental_pages: set, they still apply to both.
    Setting("SEARCH_INDEX_INCREMENTAL", True, "index again only the bundles whose records changed (False: all)",
            old="INCREMENTAL_PAGES"),
    Setting("SEARCH_INDEX_WORKERS", None,
            "bundle writers at once, each with its own Pagefind process (None: one per core; 1: bundles written in "
            "the build's process)", old="RENDER_WORKERS"),
)


def settings_of(settings):
    return SECTION.of(settings)
