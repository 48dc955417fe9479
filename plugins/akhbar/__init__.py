"""Akhbar's library: the code the plugins share, in one package they import by name.

Not a Pelican plugin (nothing to register, never listed in PLUGINS): each
plugin imports from it what it needs, and no plugin imports another.
`pelican.conf.py` puts its folder, `plugins/`, on `sys.path`.

- `normalize`: Urdu text normalisation and folding, the words of a text
  (import, glossary matching and search fold alike);
- `languages`: the archive's languages and what is known of each;
- `collation`: alphabetical order, Urdu's from CLDR's rules (`data/urdu_collation.toml`);
- `archive_dates`: the years the archive covers, the sort date of an undated article;
- `kept`: files a build replaces, never rewrites, and data kept for the next build;
- `manifest`: the output files a build wrote, by the fingerprint they were made from;
- `tree_hash`: one hash of the files under folders (code and data a cache depends on);
- `progress`: progress bars on a terminal;
- `reports`: the files under CACHE_PATH the build report lists problems in;
- `sources`: which files a build may read;
- `urls`: where each kind of page lives; `published_urls`: the record of published URLs;
- `segments`: which sources a build of one year (a segment) reads;
- `markdown_metadata`: what an editor may write in a Markdown file's header;
- `name_groups`: names the glossary does not know, grouped across the archive;
- `settings`: each plugin's settings section, and the site-wide settings;
- `build`: the state of a Pelican run and the stages after `finalized`, in order;
- `site_key`: what every page and card depends on (settings, theme, plugins);
- `forked`: work shared among forked processes, each collecting only its own garbage;
- `live_preview`: make serve's build held in memory; `resident`, `resident_client`:
  make resident's process that keeps the archive read, and what make html runs to reach it;
- `compat`: every patch of a Pelican or Pagefind internal, guarded by version.
"""

from pathlib import Path

# This package's folder: part of the key of every result kept between builds
# that its code shapes (imported seeds, search records).
LIBRARY = Path(__file__).parent
