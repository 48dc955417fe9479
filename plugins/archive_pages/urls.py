"""Where each kind of page lives, in each language. The only place URLs are made."""

PREFIX = {"ur": "", "en": "en/"}
KIND_FOLDER = {"person": "person", "place": "place", "organisation": "organisation", "topic": "topic"}


def page(first: str, number: int) -> str:
    """Page `number` of a paginated listing whose first page is `first`.

    "archives/2024.html" -> "archives/2024.10.html": a dot, which no id or
    month name contains, so page 10 of 2024 is never October 2024.
    """
    return first if number == 1 else first[: -len(".html")] + f".{number}.html"


def home(lang: str) -> str:
    return PREFIX[lang] + "index.html"


def archives(lang: str) -> str:
    return PREFIX[lang] + "archives.html"


def year(lang: str, value: int) -> str:
    return PREFIX[lang] + f"archives/{value}.html"


def month(lang: str, year_value: int, month_value: int) -> str:
    return PREFIX[lang] + f"archives/{year_value}-{month_value:02d}.html"


def undated(lang: str) -> str:
    return PREFIX[lang] + "archives/undated.html"


def outlet(lang: str, outlet_id: str) -> str:
    return PREFIX[lang] + f"outlet/{outlet_id}.html"


def category(lang: str, category_id: str) -> str:
    return PREFIX[lang] + f"category/{category_id}.html"


def entity(lang: str, kind: str, entity_id: str) -> str:
    return PREFIX[lang] + f"{KIND_FOLDER[kind]}/{entity_id}.html"


def named(lang: str, name: str) -> str:
    """A page with a fixed name in each language: search.html, 404.html, entities.html."""
    return PREFIX[lang] + name


def feed(lang: str) -> str:
    return PREFIX[lang] + "feeds/atom.xml"
