"""What an article page tells a reader about where it came from and what the
editors changed in it. Pure logic: the article's metadata in, page data out."""

from dataclasses import dataclass
from urllib.parse import urlsplit

# In the order the article page lists them.
CORRECTABLE = ("title", "date", "outlet")


@dataclass(frozen=True)
class Provenance:
    corrected: tuple[str, ...]  # of CORRECTABLE: what an editor's corrections file changed
    source_url: str | None  # the page the article was scraped from
    source_host: str | None  # its site, shown beside the link


def provenance(original, version) -> Provenance:
    """The original article's corrections as `version` (it or a translation) shows them.

    A translation shows its translator's headline, so the original's corrected
    headline is no news there; its date and outlet are the original's.
    """
    corrected = [name for name in CORRECTABLE if name in (getattr(original, "corrected", None) or ())]
    if version is not original:
        corrected = [name for name in corrected if name != "title"]
    url = getattr(original, "source_url", None) or None
    host = urlsplit(url).hostname if url else None
    return Provenance(tuple(corrected), url, host and host.removeprefix("www."))
