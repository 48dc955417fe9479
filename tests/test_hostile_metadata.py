"""Markdown metadata, URLs and bodies that cannot crash or take over the archive (issue 12, items 5, 6, 10)."""

import re
import xml.etree.ElementTree as ET

from .conftest import make, pelican


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def errors(result) -> str:
    return result.stdout + result.stderr


def test_metadata_pelican_cannot_take_is_reported_with_its_line(project, tmp_path):
    content = project / "content"
    write(content / "draft.md", "Title: A draft\nStatus: draft\nDate: 2021-12-20\n\nBody.\n")
    write(content / "typo.md", "Title: T\nTemplate: artcle\nDate: 2021-12-20\n\nBody.\n")
    write(content / "no-day.md", "Title: D\nDate: 2021-02-30\n\nBody.\n")
    write(content / "far.md", "Title: F\nDate: 9999-12-31\n\nBody.\n")
    write(content / "lang.md", 'Title: L\nDate: 2021-12-20\nLang: ur"><x\n\nBody.\n')
    write(content / "spaced.md", "Title: S\nDate: 2021-12-20\nSlug: Hello World\n\nBody.\n")
    write(content / "climb.md", "Title: C\nDate: 2021-12-20\nSlug: ../../x\n\nBody.\n")
    write(content / "en" / "orphan.md", "Title: O\nLang: en\nTranslation-of:\n\nBody.\n")
    write(project / "seeds" / "index.txt", "روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات\n\n"
          "وزارت خارجہ نے آج کہا کہ مذاکرات کی تاریخ ابھی طے نہیں ہوئی اور اس پر بات جاری ہے۔\n")
    write(project / "seeds" / "900_x.corrections.toml", 'slug = "search"\n')
    write(project / "seeds" / "999_ghost.corrections.toml", 'title = "x"\n')  # its seed renamed or deleted
    write(project / "seeds" / "900_x.txt", "ایک نئی سرخی یہاں ہے\n\nیہ نیا متن ہے اور یہ ایک پیراگراف ہے۔\n")
    expected = [
        "content/typo.md:2: template 'artcle' does not exist",
        "content/no-day.md:2: date '2021-02-30' is not a day of the calendar",
        "content/far.md:2: date '9999-12-31' is outside the years the archive covers",
        "content/lang.md:3: lang 'ur\"><x' is not 'ur' or 'en'",
        "content/spaced.md:3: slug 'Hello World' must be lowercase ASCII",
        "content/climb.md:3: slug '../../x' must be lowercase ASCII",
        "content/en/orphan.md:3: Translation-of: the slug '' must be lowercase ASCII",
        "seeds/index.txt: its URL (index.html) is where the site writes the home page",
        "seeds/900_x.txt: its URL (search.html) is where the site writes the search page",
        "seeds/999_ghost.corrections.toml: corrects 999_ghost.txt, which does not exist",
    ]
    output = tmp_path / "out"
    result = pelican(project, output)
    assert result.returncode == 0, errors(result)  # the rest of the archive builds
    for line in expected:
        assert line in errors(result), line
    assert "content/draft.md" not in errors(result)  # a draft, simply
    assert "Traceback" not in errors(result)
    assert not (output / "draft.html").exists() and not (output / "drafts").exists()
    assert not (output / "Hello World.html").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "<h1>روس کے امریکا سے اگلے ماہ سیکیورٹی مذاکرات</h1>" not in home
    ET.parse(output / "sitemap.xml")  # well-formed
    assert (output / "002-6aa83e8293d70fa7.html").is_file()

    strict = pelican(project, tmp_path / "strict", "-e", "BUILD_REPORT_STRICT=true")
    assert strict.returncode != 0 and "strict mode: 10 error(s)" in errors(strict)
    check = make(project, "check")
    assert check.returncode != 0
    for line in expected:
        assert line in check.stderr, line


def test_no_article_writes_over_a_file_of_the_site(project, tmp_path):
    content = project / "content"
    write(content / "css.md", "Title: C\nDate: 2021-12-20\nSave_as: theme/css/akhbar.css\n\nbody {}\n")
    write(content / "map.md", "Title: M\nDate: 2021-12-20\nSave_as: sitemap.xml\n\nx\n")
    write(content / "feed.md", "Title: F\nDate: 2021-12-20\nSave_as: en/feeds/atom.xml\n\nx\n")
    write(content / "pages" / "page.md", "Title: P\nSave_as: 002-6aa83e8293d70fa7.html\n\nx\n")
    expected = [
        "content/css.md:3: save_as 'theme/css/akhbar.css' is where the site writes the theme's files",
        "content/map.md:3: save_as 'sitemap.xml' is where the site writes the sitemap",
        "content/feed.md:3: save_as 'en/feeds/atom.xml' is where the site writes the Atom feeds",
    ]
    output = tmp_path / "out"
    result = pelican(project, output, "-e", 'SITEURL="https://example.org"')
    assert result.returncode == 0, errors(result)
    for line in expected:
        assert line in errors(result), line
    assert ("content/pages/page.md: same URL (002-6aa83e8293d70fa7.html) as seeds/002_6aa83e8293d70fa7.txt"
            in errors(result))
    assert "body {}" not in (output / "theme" / "css" / "akhbar.css").read_text(encoding="utf-8")
    ET.parse(output / "sitemap.xml")
    ET.parse(output / "en" / "feeds" / "atom.xml")
    check = make(project, "check")
    for line in expected:
        assert line in check.stderr, line


def test_file_links_copy_nothing_from_outside_content(project, tmp_path):
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("token-not-for-publication\n")
    write(project / "content" / "images" / "map.png", "png")
    write(project / "content" / "steal.md", "Title: S\nDate: 2021-12-20\n\n"
          "[a]({attach}../../../../../../etc/hostname) [b]({attach}../.git/config)\n")
    # Pelican copies what any of its link attributes names, {static} as {attach}, from the summary too.
    write(project / "content" / "quote.md", "Title: Q\nDate: 2021-12-20\n"
          "Summary: <q cite='{static}../pelican.conf.py'>s</q>\n\n"
          '<blockquote cite="{attach}../../../../../../etc/hostname">A quote.</blockquote>\n\n'
          '<del cite="{static}../.git/config">y</del>\n')
    write(project / "content" / "good.md", "Title: G\nDate: 2021-12-20\n\n![map]({attach}images/map.png)\n")
    output = tmp_path / "out"
    result = pelican(project, output)
    assert result.returncode == 0, errors(result)
    expected = [
        "content/steal.md:4: link '{attach}../../../../../../etc/hostname' refused",
        "content/steal.md:4: link '{attach}../.git/config' refused: .git/config is not inside content/",
        "content/quote.md:5: link '{attach}../../../../../../etc/hostname' refused",
        "content/quote.md:7: link '{static}../.git/config' refused: .git/config is not inside content/",
        "content/quote.md:3: link '{static}../pelican.conf.py' refused: pelican.conf.py is not inside content/",
    ]
    for line in expected:
        assert line in errors(result), line
    copied = {p.name for p in output.rglob("*") if p.is_file()}
    assert not copied & {"hostname", "config", "pelican.conf.py"} and "map.png" in copied
    assert not any(p.name == "hostname" for p in tmp_path.rglob("*"))
    assert not (project / "etc").exists()
    check = make(project, "check")
    for line in expected:
        assert line in check.stderr, line


def test_published_urls_stay_put(project, tmp_path):
    seeds = project / "seeds"
    newcomer = "ایک نئی سرخی یہاں ہے\n\nیہ نیا متن ہے جس میں کوئی تاریخ نہیں اور یہ ایک پیراگراف ہے۔\n"
    write(seeds / "sub" / "002_6aa83e8293d70fa7.txt", newcomer)  # in a subfolder, undated
    # (Another text: a copy of the first would be published once, issue 15.)
    # Its file name sorts first.
    write(seeds / "002-6aa83e8293d70fa7.txt", newcomer.replace("ایک پیراگراف", "دوسرا پیراگراف"))
    write(project / "content" / "en" / "no-lang.md", "Title: Lost\nTranslation-of: 001-5fdcb9c48dad7940\n\nBody.\n")
    write(project / "content" / "en" / "second.md",
          "Title: Again\nLang: en\nTranslation-of: 001-5fdcb9c48dad7940\n\nBody.\n")
    expected = [
        "seeds/sub/002_6aa83e8293d70fa7.txt: same URL (002-6aa83e8293d70fa7.html) as seeds/002_6aa83e8293d70fa7.txt",
        "seeds/002-6aa83e8293d70fa7.txt: same URL (002-6aa83e8293d70fa7.html) as seeds/002_6aa83e8293d70fa7.txt",
        "content/en/no-lang.md: same URL (001-5fdcb9c48dad7940.html) as seeds/001_5fdcb9c48dad7940.txt",
    ]
    for mode in ([], ["-e", "BUILD_REPORT_STRICT=true"]):
        output = tmp_path / f"out{len(mode)}"
        result = pelican(project, output, *mode)
        assert (result.returncode != 0) == bool(mode), errors(result)
        for line in expected:
            assert line in errors(result), line
    # The hint about a translation's language, only to the translation that lacks one.
    told = {found.group(1): "needs `Lang: en`" in line for line in errors(result).splitlines()
            if (found := re.match(r"ERROR: (content/en/[\w-]+\.md): same URL", line))}
    assert told == {"content/en/no-lang.md": True, "content/en/second.md": False}, errors(result)
    assert "سیکیورٹی مذاکرات" in (output / "002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    check = make(project, "check")
    for line in expected:
        assert line in check.stderr, line
    # The record is the committed published-urls.txt; without it, the original
    # still wins over an undated newcomer and a translation missing its language.
    (project / "published-urls.txt").unlink()
    (seeds / "sub" / "002_6aa83e8293d70fa7.txt").unlink()
    output = tmp_path / "fresh"
    result = pelican(project, output)
    assert expected[1] in errors(result) and expected[2] in errors(result)
    assert "سیکیورٹی مذاکرات" in (output / "002-6aa83e8293d70fa7.html").read_text(encoding="utf-8")
    assert "002-6aa83e8293d70fa7.html\tseeds/002_6aa83e8293d70fa7.txt" in (
        project / "published-urls.txt").read_text(encoding="utf-8")


def test_markdown_bodies_are_sanitised(project, tmp_path):
    write(project / "content" / "body.md", "Title: B\nSlug: body\nLang: en\nDate: 2021-12-20\n\n"
          '<meta http-equiv="refresh" content="0;url=https://evil.example"> <base href="https://evil.example/">\n'
          '<script>alert(1)</script><iframe src="https://evil.example"></iframe><object data="x"></object>\n'
          '<form action="https://evil.example"><input name="q"></form>\n\n'
          '<a href="javascript:alert(2)" onclick="alert(3)">link</a> *em* **strong** [ok](https://example.org)\n\n'
          '<figure><img src="x.png" alt="alt" onerror="alert(4)"><figcaption>cap</figcaption></figure>\n\n'
          "| a | b |\n|---|---|\n| 1 | 2 |\n")
    output = tmp_path / "out"
    assert pelican(project, output).returncode == 0
    page = (output / "en" / "body.html").read_text(encoding="utf-8")  # an English article
    body = page[page.index('<div class="article-body">'):]
    body = body[:body.index("</article>")] if "</article>" in body else body
    for gone in ("http-equiv", "<base", "alert(1)", "<iframe", "<object", "<form", "<input", "javascript:", "onclick",
                 "onerror"):
        assert gone not in body, gone
    for kept in ("<table>", "<td>1</td>", "<em>em</em>", "<strong>strong</strong>", '<a href="https://example.org">ok</a>',
                 "<figure>", '<img src="x.png" alt="alt">', "<figcaption>cap</figcaption>"):
        assert kept in body, kept
