"""The build_report plugin's settings (README, "Settings")."""

from akhbar.settings import Section, Setting

SECTION = Section(
    "BUILD_REPORT_",
    Setting("BUILD_REPORT_STRICT", False, "fail the build when it reported an error (make check, publish, CI)",
            old="BUILD_STRICT"),
)


def settings_of(settings):
    return SECTION.of(settings)
