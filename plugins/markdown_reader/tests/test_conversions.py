from markdown_reader.conversions import KeptConversions, conversion_key

SETTINGS = {"extensions": ["markdown.extensions.meta"], "output_format": "html5"}


def test_the_key_follows_the_text_and_the_settings():
    key = conversion_key("Title: x\n\nBody.", SETTINGS)
    assert key == conversion_key("Title: x\n\nBody.", dict(SETTINGS))
    assert key != conversion_key("Title: x\n\nBody!", SETTINGS)
    assert key != conversion_key("Title: x\n\nBody.", {**SETTINGS, "output_format": "xhtml"})


def test_a_save_keeps_what_this_build_used(tmp_path):
    store = tmp_path / "markdown.pickle"
    first = KeptConversions(store)
    first.put("a", "<p>a</p>", {"title": ["A"]})
    first.put("b", "<p>b</p>", {})
    first.save()
    second = KeptConversions(store)
    assert second.get("a") == ("<p>a</p>", {"title": ["A"]})
    second.save()  # "b" was not read: its file is gone or changed
    third = KeptConversions(store)
    assert third.get("a") is not None and third.get("b") is None


def test_an_unreadable_store_is_an_empty_one(tmp_path):
    store = tmp_path / "markdown.pickle"
    store.write_bytes(b"not a pickle")
    assert KeptConversions(store).get("a") is None
