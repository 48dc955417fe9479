import datetime as dt

from search_index.bundles import bundles_of
from search_index.records import SearchRecord


def record(story: str, date: str, lang: str = "ur") -> SearchRecord:
    return SearchRecord(url=f"{lang}/{story}.html", lang=lang, story=story, text="", words=[], more=[],
                        meta={"date": date})


def days(year: int, count: int) -> list[str]:
    return [(dt.date(year, 1, 1) + dt.timedelta(days=n % 365)).isoformat() for n in range(count)]


def test_a_bundle_per_year_newest_first_undated_last():
    records = [record("a", "2021-03-01"), record("b", ""), record("c", "2024-12-31"), record("c", "2024-12-31", "en")]
    bundles = bundles_of(records)
    assert list(bundles) == ["2024", "2021", "undated"]
    assert [r.url for r in bundles["2024"]] == ["en/c.html", "ur/c.html"]


def test_inside_a_bundle_newest_first_then_by_url():
    # The order search ranks equal matches by: the same over http and from disk.
    records = [record("b", "2024-03-01"), record("a", "2024-03-01"), record("c", "2024-11-30"),
               record("z", ""), record("y", "")]
    bundles = bundles_of(records)
    assert [r.url for r in bundles["2024"]] == ["ur/c.html", "ur/a.html", "ur/b.html"]
    assert [r.url for r in bundles["undated"]] == ["ur/y.html", "ur/z.html"]


def test_large_years_split_by_quarter_then_month_and_stay_in_date_order():
    records = [record(f"y{n}", d) for n, d in enumerate(days(2023, 300))]
    # 2024: 60 in the first quarter, 120 in December alone.
    records += [record(f"q{n}", f"2024-0{1 + n % 3}-10") for n in range(60)]
    records += [record(f"d{n}", "2024-12-05") for n in range(120)]
    records += [record(f"n{n}", "2024-11-05") for n in range(20)]
    bundles = bundles_of(records, limit=100)
    assert list(bundles)[:3] == ["2024-12", "2024-11", "2024-q1"]
    assert list(bundles)[3:] == ["2023-q4", "2023-q3", "2023-q2", "2023-q1"]
    assert sum(len(group) for group in bundles.values()) == len(records)
    assert all(len(group) <= 100 for name, group in bundles.items() if name != "2024-12")


def test_undated_split_by_story_keeps_a_storys_versions_together():
    records = [record(f"s{n}", "") for n in range(250)] + [record(f"s{n}", "", "en") for n in range(0, 250, 10)]
    bundles = bundles_of(records, limit=100)
    assert list(bundles) == ["undated-1", "undated-2", "undated-3"]
    homes = {}
    for name, group in bundles.items():
        assert 50 < len(group) < 150
        for r in group:
            assert homes.setdefault(r.story, name) == name
    # One more undated story moves no other story while the count of bundles holds.
    again = bundles_of([*records, record("new", "")], limit=100)
    assert all(r.story == "new" or homes[r.story] == name for name, group in again.items() for r in group)
