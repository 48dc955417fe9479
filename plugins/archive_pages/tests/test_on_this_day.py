import datetime as dt
import json
from types import SimpleNamespace

from archive_pages.on_this_day import (
    PER_DAY,
    PER_YEAR,
    as_script_value,
    build_day,
    earlier_years,
    month_data,
    stories_by_month_day,
)


def story(date, name):
    return SimpleNamespace(undated=date is None, date=date and dt.datetime.combine(date, dt.time()), name=name)


def newest_first(stories):
    return sorted(stories, key=lambda s: (s.undated, -(s.date.toordinal() if s.date else 0)))


def test_the_build_day_is_the_newest_articles_date_not_the_clock():
    stories = newest_first([story(dt.date(2024, 3, 14), "a"), story(None, "u"), story(dt.date(2026, 3, 1), "b")])
    assert build_day(stories) == dt.date(2026, 3, 1)
    assert build_day([story(None, "u")]) is None


def test_each_day_of_the_year_keeps_a_few_stories_newest_years_first():
    stories = newest_first(
        [story(dt.date(year, 3, 14), f"{year}-{n}") for year in range(2010, 2027) for n in range(3)]
        + [story(dt.date(2020, 3, 15), "other day"), story(None, "undated")])
    days = stories_by_month_day(stories)
    march_14 = [s.name for s in days[(3, 14)]]
    assert len(march_14) == PER_DAY == 8
    assert march_14[:PER_YEAR] == ["2026-0", "2026-1"] and march_14[-1] == "2023-1"
    assert [s.name for s in days[(3, 15)]] == ["other day"]
    assert set(days) == {(3, 14), (3, 15)}


def test_the_static_list_is_the_build_days_earlier_years():
    stories = newest_first([story(dt.date(2026, 3, 14), "today"), story(dt.date(2024, 3, 14), "two years"),
                            story(dt.date(2021, 3, 14), "five years"), story(dt.date(2024, 3, 15), "next day")])
    shown = earlier_years(dt.date(2026, 3, 14), stories_by_month_day(stories), lambda s: s.name)
    assert shown.day == dt.date(2026, 3, 14)
    assert shown.stories == ((2024, "two years"), (2021, "five years"))
    assert earlier_years(dt.date(2026, 7, 1), {}, lambda s: s.name).stories == ()


def test_a_months_data_file_has_every_days_label_and_its_stories():
    stories = [story(dt.date(2024, 2, 29), "leap")]
    data = month_data(2, stories_by_month_day(stories), lambda s: [f"{s.name}.html", s.name, "ur"], "en")
    assert len(data["labels"]) == 29 and data["labels"]["29"] == "February 29"
    assert data["days"] == {"29": [[2024, "leap.html", "leap", "ur"]]}
    assert month_data(3, {}, None, "ur")["labels"]["14"] == "14 مارچ"


def test_script_data_stays_inside_its_script_element_and_keeps_urdu_as_is():
    value = as_script_value({"title": "</script><b>روس & \u2028"})
    assert "</script>" not in value and "<" not in value and "&" not in value
    assert "روس" in value
    assert json.loads(value) == {"title": "</script><b>روس & \u2028"}
