from urllib.parse import parse_qs, urlsplit

from share_previews.links import share_links

URL = "https://akhbar.example.org/002-6aa83e8293d70fa7.html"
TITLE = "روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات & 50% “بات چیت”؟"


def query(href: str) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(href).query, strict_parsing=True).items()}


def test_each_network_gets_the_public_url_and_the_headline_encoded():
    links = share_links(URL, TITLE)
    assert links["whatsapp"].startswith("https://wa.me/?text=")
    assert query(links["whatsapp"]) == {"text": f"{TITLE} {URL}"}
    assert links["x"].startswith("https://x.com/intent/post?")
    assert query(links["x"]) == {"url": URL, "text": TITLE}
    assert links["facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert query(links["facebook"]) == {"u": URL}
    assert links["email"].startswith("mailto:?")
    assert query(links["email"]) == {"subject": TITLE, "body": f"{TITLE}\n\n{URL}"}


def test_links_are_plain_ascii_with_no_raw_space_or_plus():
    for href in share_links(URL, TITLE).values():
        assert href.isascii() and " " not in href and "+" not in href, href
    # A mail client reads "+" as a plus sign: spaces are %20.
    assert "%20" in share_links(URL, "دو لفظ")["email"]
