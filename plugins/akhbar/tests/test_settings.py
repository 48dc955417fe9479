"""Each plugin's settings: defaults in one place, old names still read with a
warning, a typo of a prefixed name warned with the closest known one."""

import importlib
import logging

import pytest

from akhbar import settings as akhbar_settings
from akhbar.settings import SITE, Section, Setting

# Every plugin with settings, and a plugin's settings module.
PLUGINS = ["archive_pages", "build_report", "incremental_pages", "search_index", "seed_reader", "share_previews",
           "webfonts"]

SECTION = Section(
    "DEMO_",
    Setting("DEMO_WORKERS", None, "processes", old="OLD_WORKERS"),
    Setting("DEMO_ENABLED", True, "on"),
)


@pytest.fixture(autouse=True)
def warn_again(monkeypatch):
    monkeypatch.setattr(akhbar_settings, "_WARNED", set())


def test_defaults_apply_and_values_are_frozen():
    values = SECTION.of({"DEMO_ENABLED": False})
    assert (values.workers, values.enabled) == (None, False)
    with pytest.raises(AttributeError):
        values.workers = 2


def test_an_old_name_still_works_with_a_warning_naming_the_new_one(caplog):
    with caplog.at_level(logging.WARNING):
        assert SECTION.of({"OLD_WORKERS": 3}).workers == 3
    assert "Setting OLD_WORKERS is deprecated: rename it DEMO_WORKERS" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert SECTION.of({"OLD_WORKERS": 3, "DEMO_WORKERS": 4}).workers == 4  # the new name wins
    assert not caplog.text


def test_a_typo_is_warned_with_the_closest_known_name(caplog):
    with caplog.at_level(logging.WARNING):
        SECTION.of({"DEMO_WROKERS": 2})
    assert "Unknown setting DEMO_WROKERS: did you mean DEMO_WORKERS?" in caplog.text


@pytest.mark.parametrize("plugin", PLUGINS)
def test_each_plugin_has_one_prefixed_section(plugin):
    module = importlib.import_module(f"{plugin}.settings")
    assert module.SECTION.prefix == plugin.upper() + "_"
    assert all(s.name.startswith(module.SECTION.prefix) and s.why for s in module.SECTION.settings)
    module.settings_of({})  # every default applies


def test_the_readme_lists_every_setting():
    from pathlib import Path

    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    sections = [SITE] + [importlib.import_module(f"{p}.settings").SECTION for p in PLUGINS]
    missing = [s.name for section in sections for s in section.settings if f"`{s.name}`" not in readme]
    assert not missing


def test_old_duplicates_thresholds_are_still_read(caplog):
    from seed_reader.duplicates import Thresholds

    with caplog.at_level(logging.WARNING):
        assert Thresholds.from_settings({"DUPLICATES_SHARED": 0.5}) == Thresholds(shared=0.5)
    assert "rename it SEED_READER_DUPLICATES_SHARED" in caplog.text
