"""Pelican's `content_written` for every page, rendered or kept, with the
context Pelican's own writer sends: a plugin that lists the site's pages
(sitemap, seo) sees the whole site (plugins/incremental_pages/writer.py)."""

import json
import os
import re

from pelican.settings import read_settings

from .conftest import ROOT, pelican

PLUGINS = read_settings(str(ROOT / "pelican.conf.py"))["PLUGINS"]


def build(output, cache, log, plugins):
    """A strict build of the seed archive with the test plugin that notes each page's context."""
    settings = {"CACHE_PATH": str(cache), "WRITTEN_PAGES": str(log), "BUILD_REPORT_STRICT": True,
                "PLUGIN_PATHS": ["plugins", str(ROOT / "tests" / "plugins")], "PLUGINS": [*plugins, "written_pages"]}
    log.unlink(missing_ok=True)
    result = pelican(ROOT, output, "-e", *(f"{name}={json.dumps(value)}" for name, value in settings.items()))
    assert result.returncode == 0, result.stdout + result.stderr
    written = {facts["output_file"]: facts for facts in map(json.loads, log.read_text(encoding="utf-8").splitlines())}
    return written, re.search(r"(\d+) pages written, (\d+) unchanged", result.stdout).groups()


def test_every_page_written_or_kept_is_announced_with_pelicans_own_context(tmp_path):
    output, log = tmp_path / "out", tmp_path / "written.jsonl"
    rendered, counts = build(output, tmp_path / "cache", log, PLUGINS)
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    assert sorted(n for n in rendered if n.endswith(".html")) == pages and len(pages) > 100
    assert counts == (str(len(pages)), "0")  # the summary counts pages (HTML)
    # Feeds and data files the writer renders are announced too, as Pelican's write_file would.
    assert all((output / name).is_file() for name in rendered) and "en/feeds/atom.xml" in rendered
    kept, counts = build(output, tmp_path / "cache", log, PLUGINS)
    assert counts == ("0", str(len(pages)))  # nothing changed: every page kept
    assert kept == rendered

    article = rendered["002-6aa83e8293d70fa7.html"]
    assert article["article"] == "002-6aa83e8293d70fa7.html" and article["SITEURL"] == "."
    assert article["path"] == os.path.join(str(output), "002-6aa83e8293d70fa7.html")
    assert article["articles"] == 4  # the site's context: every original article
    listing = rendered["en/archives/2021-12.html"]
    assert listing["SITEURL"] == "../.." and listing["page_lang"] == "en" and listing["article"] is None

    # Pelican's own writer (no incremental_pages) writes the same pages and sends the same context.
    pelicans, _ = build(tmp_path / "plain", tmp_path / "plain-cache", log,
                     [p for p in PLUGINS if p != "incremental_pages"])
    assert {name: {**facts, "path": None} for name, facts in pelicans.items()} == \
        {name: {**facts, "path": None} for name, facts in rendered.items()}
