"""Text in the other language and direction, isolated where it stands.

A Latin run in Urdu (a name, an outlet) and an Urdu run in English each go
in a <bdi> with their language: a number or a full stop beside them stays
where the writer put it (the W3C's advice on inline bidirectional text), the
run is set in its own fonts, and a screen reader reads it in its own voice
(WCAG 3.1.2). One function for text, one for HTML a writer made (Markdown);
the theme's `isolated` filter (ui_language) is the first. Pure logic.
"""

import html
import re

# A run of the other script: Latin words (with the digits and punctuation
# between them) in Urdu, Arabic-script words in English.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.,'&/:_-]*(?:\s+[A-Za-z0-9][A-Za-z0-9.,'&/:_-]*)*")
_URDU_RUN = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\u200c\s]*[\u0600-\u06ff]|[\u0600-\u06ff]")
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?([A-Za-z][\w-]*)")
_HAS_LANG = re.compile(r"\slang\s*=", re.IGNORECASE)
# Elements whose text is left as written: code, and anything the writer gave a language.
_LEFT_AS_WRITTEN = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "embed", "track"})


def isolate_runs(text: str, language: str) -> str:
    """Text as HTML: escaped, each run of the other script in a <bdi lang=…>."""
    pattern, run_lang = (_LATIN_RUN, "en") if language == "ur" else (_URDU_RUN, "ur")
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last:match.start()], quote=False))
        out.append(f'<bdi lang="{run_lang}">{html.escape(match.group(), quote=False)}</bdi>')
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def isolate_html(markup: str, language: str) -> str:
    """Well-formed HTML (a sanitised Markdown body) with the other script's
    runs isolated in its text, except inside code and inside an element the
    writer marked with its own `lang`."""
    out, kept = [], []  # kept: the open elements whose text stays as written
    for part in _TAG.split(markup):
        if part.startswith("<"):
            out.append(part)
            name = _TAG_NAME.match(part)
            if name is None or part.endswith("/>"):
                continue
            tag = name.group(1).lower()
            if part.startswith("</"):
                if kept and kept[-1] == tag:
                    kept.pop()
            elif tag not in _VOID and (tag in _LEFT_AS_WRITTEN or _HAS_LANG.search(part) or kept):
                kept.append(tag)
        elif part:
            out.append(part if kept else isolate_runs(html.unescape(part), language))
    return "".join(out)
