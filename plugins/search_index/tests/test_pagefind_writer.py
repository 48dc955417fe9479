from importlib.metadata import version

from akhbar.compat import shorten_start_polling
from search_index.pagefind_writer import write_pagefind
from search_index.records import SearchRecord


def test_the_bundle_written_waits_for_pagefinds_start_in_short_steps(tmp_path):
    record = SearchRecord(url="a.html", lang="ur", story="a", text="پوتن اور بائیڈن",
                          words=["پوتن", "اور", "بایڈن"], more=[], meta={"title": "a"})
    write_pagefind([(tmp_path / "2024", [record])], total=1)
    script = (tmp_path / "2024" / "pagefind.js").read_text(encoding="utf-8")
    assert version("pagefind_bin") == "1.5.2"  # the version the patch was measured on
    assert "asyncSleep(50)" not in script and script.count("await asyncSleep(5);}") == 2
    assert (tmp_path / "2024" / "pagefind-entry.json").is_file()


def test_a_script_without_that_wait_is_left_alone(tmp_path):
    script = tmp_path / "pagefind.js"
    script.write_text("export const x = 1;\n", encoding="utf-8")
    assert shorten_start_polling(script) is False
    assert script.read_text(encoding="utf-8") == "export const x = 1;\n"


def test_a_bundle_is_taken_only_when_a_pagefind_process_is_free(tmp_path):
    # Bundles are made as they are taken: with one process, the next is made
    # once the last is written, so one bundle's records are in memory at a time.
    written_when_taken = []

    def bundles():
        for year in ("2024", "2023", "2022"):
            written_when_taken.append(sorted(p.parent.name for p in tmp_path.glob("*/pagefind-entry.json")))
            yield tmp_path / year, [SearchRecord(url=f"{year}.html", lang="ur", story=year, text="پوتن",
                                                 words=["پوتن"], more=[], meta={"title": year})]

    write_pagefind(bundles(), total=3, workers=1)
    assert written_when_taken == [[], ["2024"], ["2023", "2024"]]
    assert all((tmp_path / year / "pagefind-entry.json").is_file() for year in ("2024", "2023", "2022"))
