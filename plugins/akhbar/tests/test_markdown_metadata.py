from akhbar.markdown_metadata import file_links, names_files, refused_files


def test_every_file_link_of_a_tag_is_found_whatever_the_attribute_or_quote():
    html = ("<p>Write ={attach}x.png= in text</p>"
            "<object data='{static}a.pdf' title=\"{attach}../b.png\"></object>"
            '<q cite = "|attach|../c">q</q><a href="{filename}d.md">d</a><a href="{attach}a.pdf">again</a>')
    assert file_links(html) == ["{static}a.pdf", "{attach}../b.png", "|attach|../c", "{attach}a.pdf"]


def test_a_file_link_outside_content_is_refused(tmp_path):
    (tmp_path / "content" / "images").mkdir(parents=True)
    (tmp_path / "content" / "images" / "map.png").write_bytes(b"png")
    html = '<img src="{static}images/map.png"><blockquote cite="{static}../../etc/hostname"></blockquote>'
    assert refused_files(html, "content/a.md", str(tmp_path)) == [
        ("{static}../../etc/hostname", "../etc/hostname is not inside content/ (or is in a hidden folder)")]


def test_a_text_names_files_by_either_marker():
    assert names_files("[a]({static}x.pdf)") and names_files("[a](|attach|x.pdf)")
    assert not names_files("[a]({filename}x.md) and {braces}")
