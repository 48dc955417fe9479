"""The webfonts plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

SECTION = Section(
    "WEBFONTS_",
    Setting("WEBFONTS_FONTS", (), "fonts to subset: source, output and characters, paths in the theme",
            old="WEBFONTS"),
    Setting("WEBFONTS_CACHE", ".build/webfonts", "where subsets are kept between builds (relative to PATH)"),
)


def settings_of(settings):
    return SECTION.of(settings)
