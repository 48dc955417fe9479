from importlib.metadata import version

from akhbar.compat import shorten_start_polling
from search_index.pagefind_writer import write_pagefind_bundle
from search_index.records import SearchRecord


def test_the_bundle_written_waits_for_pagefinds_start_in_short_steps(tmp_path):
    record = SearchRecord(url="a.html", lang="ur", story="a", text="پوتن اور بائیڈن",
                          words=["پوتن", "اور", "بایڈن"], more=[], meta={"title": "a"})
    write_pagefind_bundle([record], tmp_path / "2024")
    script = (tmp_path / "2024" / "pagefind.js").read_text(encoding="utf-8")
    assert version("pagefind_bin") == "1.5.2"  # the version the patch was measured on
    assert "asyncSleep(50)" not in script and script.count("await asyncSleep(5);}") == 2
    assert (tmp_path / "2024" / "pagefind-entry.json").is_file()


def test_a_script_without_that_wait_is_left_alone(tmp_path):
    script = tmp_path / "pagefind.js"
    script.write_text("export const x = 1;\n", encoding="utf-8")
    assert shorten_start_polling(script) is False
    assert script.read_text(encoding="utf-8") == "export const x = 1;\n"

