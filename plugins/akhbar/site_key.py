"""The site key: everything every page depends on (settings, theme, plugins and
their data, Pelican's and Python's versions), as one string. What a page or a
card was made from, beside its own values: when the site key changes,
nothing kept from the last build is used."""

import json
import sys
from pathlib import Path

import pelican as pelican_package

from .tree_hash import files_key

# Settings that say where a build writes or keeps its caches, or which part of
# the archive it reads, not what a page shows (a page's own fingerprint covers
# what it lists): a segment's pages stay current in the merge's whole build
# (akhbar.segments), and moving the font cache renders nothing again.
WHERE_NOT_WHAT = frozenset({"OUTPUT_PATH", "CACHE_PATH", "SEGMENT", "WEBFONTS_CACHE"})


def site_key(settings: dict) -> str:
    plain = {}
    for name, value in sorted(settings.items()):
        if name in WHERE_NOT_WHAT:
            continue
        try:
            plain[name] = json.loads(json.dumps(value, sort_keys=True))
        except (TypeError, ValueError):
            continue  # functions, classes: their code is under the plugin paths below
    folders = [Path(settings["THEME"])] + [Path(p) for p in settings.get("PLUGIN_PATHS", [])]
    return json.dumps([plain, pelican_package.__version__, sys.version, files_key(folders)], sort_keys=True)
