"""sitemap.xml: every article in each language, with its hreflang alternates,
and both home pages. Pure logic: entries in, files out.

The sitemaps protocol takes at most 50,000 URLs in a file: a larger archive
(100,000 articles have about 110,000 URLs) gets numbered files
(sitemap-1.xml, ...) and sitemap.xml becomes their index, at the same
address, so a search engine told of it once finds them all.
"""

from xml.sax.saxutils import escape

MAX_URLS = 50_000
_URLSET = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def sitemap_files(entries: list[str], site: str, limit: int = MAX_URLS) -> dict[str, str]:
    """File name → XML for these <url> entries; `site` is the public address."""
    if len(entries) <= limit:
        return {"sitemap.xml": _URLSET + "\n".join(entries) + "\n</urlset>\n"}
    files = {f"sitemap-{number}.xml": _URLSET + "\n".join(entries[start:start + limit]) + "\n</urlset>\n"
             for number, start in enumerate(range(0, len(entries), limit), 1)}
    index = "".join(f"<sitemap><loc>{escape(f'{site}/{name}')}</loc></sitemap>\n" for name in files)
    files["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                            + index + "</sitemapindex>\n")
    return files


def is_numbered_sitemap(name: str) -> bool:
    """sitemap-<n>.xml: one of a large archive's sitemap files."""
    stem = name.removeprefix("sitemap-").removesuffix(".xml")
    return name.startswith("sitemap-") and name.endswith(".xml") and stem.isdigit()
