"""The share_previews plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

SECTION = Section(
    "SHARE_PREVIEWS_",
    # Off for local builds: only platforms fetch the pictures, from the public
    # site, and drawing costs ~19 ms of CPU an article (publishconf.py turns it on).
    Setting("SHARE_PREVIEWS_ENABLED", False, "draw a share picture per article page and name it in og:image"),
    Setting("SHARE_PREVIEWS_WORKERS", None, "processes that draw the pictures (None: one per core)"),
)


def settings_of(settings):
    return SECTION.of(settings)
