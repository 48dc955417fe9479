"""What the search page must know to read the index the way this plugin wrote
it, as data: written into search/lexicon.js (`contract`) at every build, so
search.js holds only the algorithm and Python is the one source of the facts.

- folding: the tables a query is folded with (folding.py);
- offline: how the offline index's term files and postings are laid out (offline.py);
- pagefind: the sort key that ranks results that match as often, and the
  language tag that prefixes a bundle's result ids (pagefind_writer.py);
- languages: each page language's direction.

Tokens are not here: the lexicon gives the page every token it may ask for
(records.lexicon), so the browser never builds one.
"""

from akhbar.languages import DIRECTION, LANGUAGES

from .folding import FOLDING
from .offline import OFFLINE_FORMAT
from .pagefind_writer import LANGUAGE_TAG, RANK


def browser_contract() -> dict:
    return {
        "folding": FOLDING,
        "offline": OFFLINE_FORMAT,
        "pagefind": {"rank": RANK, "language_tag": LANGUAGE_TAG},
        "languages": {lang: {"dir": DIRECTION[lang]} for lang in LANGUAGES},
    }
