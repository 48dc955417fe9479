"""Settings: how a plugin declares the ones it reads, and the site-wide ones.

Each plugin has one `settings.py` with a `Section`: every setting it reads,
named with the plugin's prefix, its default and why. `section.of(settings)`
gives them all with defaults applied, as a frozen dataclass whose fields are
the names without the prefix. A setting's old name (before the prefixes)
still works for one release, with a warning naming the new one; a setting
with the prefix that the section does not know (a typo) gets a warning
naming the closest known one.

The site-wide facts, not one plugin's, stay unprefixed and are declared
here (`SITE`).
"""

import difflib
import logging
from dataclasses import dataclass, make_dataclass
from typing import Any

logger = logging.getLogger(__name__)
# Each warning once per process: settings are read at every stage of a build.
_WARNED: set[str] = set()


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    why: str
    old: str | None = None  # the name it had before the prefixes, still read for one release


class Section:
    def __init__(self, prefix: str, *settings: Setting):
        self.prefix = prefix
        self.settings = settings
        self.names = [s.name for s in settings]
        self.values = make_dataclass(f"{prefix.strip('_').title().replace('_', '')}Settings",
                                     [(self.field(s.name), Any) for s in settings], frozen=True)

    def field(self, name: str) -> str:
        return name.removeprefix(self.prefix).lower()

    def of(self, settings) -> Any:
        """Every setting of the section, the project's value or its default."""
        values = {}
        for item in self.settings:
            if item.name in settings:
                value = settings[item.name]
            elif item.old and item.old in settings:
                value = settings[item.old]
                _warn_once(f"{item.old}>{item.name}", "Setting %s is deprecated: rename it %s", item.old, item.name)
            else:
                value = item.default
            values[self.field(item.name)] = value
        if self.prefix:
            for name in settings:
                if name.startswith(self.prefix) and name not in self.names:
                    closest = difflib.get_close_matches(name, self.names, n=1, cutoff=0) or ["?"]
                    _warn_once(name, "Unknown setting %s: did you mean %s?", name, closest[0])
        return self.values(**values)


def _warn_once(key: str, message: str, *args) -> None:
    if key not in _WARNED:
        _WARNED.add(key)
        logger.warning(message, *args)


# Facts about the site that more than one plugin (and the theme) use.
SITE = Section(
    "",
    Setting("PUBLIC_URL", None, "the public address: canonical URLs, feeds, Open Graph (required)"),
    Setting("PUBLISHED_URLS", "published-urls.txt", "the record of published URLs, committed with the articles"),
    Setting("SEGMENT", None, "build only this segment's articles: a year, undated or new (make html SEGMENT=…)"),
    Setting("FAST_EXIT", True, "leave the build's memory to the system at exit instead of freeing it"),
)


def site_settings(settings) -> Any:
    return SITE.of(settings)
