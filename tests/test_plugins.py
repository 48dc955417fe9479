"""Each plugin stands alone: it loads in a fresh interpreter with only the
library (plugins/akhbar) beside it, and imports no other plugin."""

import json
import re
import subprocess
import sys

import pytest
from pelican.settings import read_settings

from .conftest import ROOT, copy_project, pelican
from .test_build import checksums, differing

PLUGINS = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").is_file() and p.name != "akhbar")

# With plugins/ on the import path (as pelican.conf.py puts it): every module of
# the plugin (its command-line tools too), then Pelican registering it as the
# only plugin of the project's own settings.
LOAD_ALONE = """
import importlib, json, pkgutil, sys
from pelican import Pelican
from pelican.settings import read_settings

name, output = sys.argv[1:]
sys.path.insert(0, "plugins")
plugin = importlib.import_module(name)
for module in pkgutil.iter_modules(plugin.__path__, name + "."):
    if module.name.rpartition(".")[2] not in ("tests", "__main__"):
        importlib.import_module(module.name)
settings = read_settings("pelican.conf.py", override={"PLUGINS": [name], "OUTPUT_PATH": output})
Pelican(settings)
print(json.dumps({"registered": settings["PLUGINS"], "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def test_the_project_has_its_plugins():
    assert len(PLUGINS) >= 12 and "seed_reader" in PLUGINS and "search_index" in PLUGINS


@pytest.mark.parametrize("plugin", PLUGINS)
def test_a_plugin_loads_alone_in_a_fresh_interpreter(plugin, tmp_path):
    result = subprocess.run([sys.executable, "-c", LOAD_ALONE, plugin, str(tmp_path / "output")],
                            cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "Cannot" not in result.stderr, result.stderr  # Pelican's "Cannot load/register plugin"
    loaded = json.loads(result.stdout)
    assert loaded["registered"] == [plugin]
    assert set(loaded["loaded"]) & set(PLUGINS) == {plugin}, "imports another plugin"


def test_the_order_of_plugins_changes_nothing(site, tmp_path):
    """The end of a build runs in akhbar.build's stages, whatever PLUGINS says:
    the search index still finds the pages rendered, the site is the same, and
    so is the record of published URLs (each translation in its original's year)."""
    plugins = read_settings(str(ROOT / "pelican.conf.py"))["PLUGINS"]
    project = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    result = pelican(project, tmp_path / "out", "-e", "BUILD_REPORT_STRICT=true", "SHARE_PREVIEWS_ENABLED=true",
                     f"CACHE_PATH={json.dumps(str(cache))}", f"PLUGINS={json.dumps(plugins[::-1])}")
    assert result.returncode == 0, result.stderr
    assert differing(checksums(tmp_path / "out"), checksums(site)) == []
    record = "published-urls.txt"
    assert (project / record).read_text(encoding="utf-8") == (ROOT / record).read_text(encoding="utf-8")
    stages = (r"; reading [\d.]+ s, queueing pages [\d.]+ s, saving caches [\d.]+ s, cards [\d.]+ s, "
              r"rendering [\d.]+ s, search index [\d.]+ s, fonts [\d.]+ s, previews [\d.]+ s, total")
    assert re.search(stages, result.stdout)
    # Each record keyed by the fingerprints of its story's pages: known only once they are rendered.
    assert len(json.loads((cache / "search-records.json").read_text(encoding="utf-8"))) == 8
