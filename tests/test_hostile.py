"""Hostile text in a seed, a correction or Markdown metadata stays inert everywhere."""

import re

from .conftest import StaticServer, pelican

SCRIPT = "<script>alert('x')</script>"
IMAGE = "<img src=x onerror=alert(1)>"
LINK = "javascript:alert(2)"
OVERRIDE = "\u202e"


def test_hostile_content_is_inert_in_every_output_file(project, tmp_path, browser):
    seeds = project / "seeds"
    (seeds / "900_hostile.txt").write_text(
        f"{SCRIPT} سرخی {OVERRIDE}الٹی\n\n"
        f"28 دسمبر 2021\n\n"
        f"متن {IMAGE} اور {LINK} اور {OVERRIDE}الٹا متن۔\n", encoding="utf-8")
    (seeds / "900_hostile.corrections.toml").write_text(
        f'title_en = "{SCRIPT} {OVERRIDE}reversed"\n'
        f'summary = "{IMAGE} {LINK}"\n', encoding="utf-8")
    (project / "content" / "en" / "hostile.md").write_text(
        f"Title: {SCRIPT} {OVERRIDE}English\nLang: en\nTranslation-of: 900-hostile\n"
        f"Caption: {IMAGE} [x]({LINK})\nSummary: {SCRIPT} {OVERRIDE}summary\n\nBody.\n", encoding="utf-8")
    output = tmp_path / "out"
    result = pelican(project, output, "-e", 'SITEURL="https://example.org"')
    assert result.returncode == 0, result.stderr
    checked = 0
    for path in output.rglob("*"):
        if path.suffix not in (".html", ".xml", ".js", ".json") or "pagefind" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        checked += 1
        assert OVERRIDE not in text, path
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", text, re.I), path
        assert "<img src=x" not in text, path
        for match in re.finditer(r"<script\b[^>]*>", text):
            # Only our own script tags: external files, or JSON data blocks.
            tag = match.group()
            assert "src=" in tag or "application/json" in tag or "application/ld+json" in tag, (path, tag)
        assert "alert('x')</script>" not in text, path
    assert checked > 20
    page = (output / "900-hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    english = (output / "en" / "900-hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in english and "&lt;img src=x onerror=alert(1)&gt;" in english
    feed = (output / "feeds" / "atom.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed

    # Search results (Pagefind over http, the offline index from disk) show it as text.
    server = StaticServer(output)
    try:
        for base in (server.url, output.as_uri()):
            context = browser.new_context()
            page = context.new_page()
            dialogs = []
            page.on("dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()))
            page.goto(f"{base}/search.html?q=سرخی")
            page.wait_for_selector("#search-status[data-state=done]", state="attached", timeout=10_000)
            titles = page.locator("#search-results .card-title").all_inner_texts()
            assert any(SCRIPT in title for title in titles), (base, titles)
            assert page.locator("#search-results img, #search-results script").count() == 0
            assert dialogs == []
            context.close()
    finally:
        server.close()
