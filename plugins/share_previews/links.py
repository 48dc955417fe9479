"""Share links: plain links to each network's own share page, no script from
elsewhere. Each carries the article's public address (not the address it was
opened at: a page read from disk shares its place on the web). Pure logic.
"""

from urllib.parse import quote


def _encoded(text: str) -> str:
    # Every reserved character escaped, spaces as %20 (a mailto: URL has no "+").
    return quote(text, safe="")


def share_links(url: str, title: str) -> dict[str, str]:
    """{network: href} for a page's public `url` and its `title`."""
    body = f"{title}\n\n{url}"
    return {
        "whatsapp": f"https://wa.me/?text={_encoded(f'{title} {url}')}",
        "x": f"https://x.com/intent/post?url={_encoded(url)}&text={_encoded(title)}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={_encoded(url)}",
        "email": f"mailto:?subject={_encoded(title)}&body={_encoded(body)}",
    }
