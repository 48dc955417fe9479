import datetime as dt
from types import SimpleNamespace

from akhbar import urls
from archive_pages.month_calendar import (
    month_name,
    month_weeks,
    neighbouring_months,
    stories_by_day,
    weekday_names,
)
from archive_pages.timeline import LEVELS, bar_level, timeline_years


def test_a_month_is_whole_weeks_from_sunday_with_each_days_articles():
    weeks = month_weeks(2026, 3, {14: 3, 1: 1})
    # 1 March 2026 is a Sunday, 31 March a Tuesday: five weeks, padded at the end only.
    assert len(weeks) == 5 and all(len(week) == 7 for week in weeks)
    assert weeks[0][0].date == dt.date(2026, 3, 1) and weeks[0][0].count == 1
    assert weeks[1][6].date == dt.date(2026, 3, 14) and weeks[1][6].count == 3
    assert weeks[4][2].date == dt.date(2026, 3, 31) and weeks[4][3:] == [None] * 4
    assert sum(day.count for week in weeks for day in week if day) == 4
    # February 2026 starts on a Sunday and ends on a Saturday: exactly four weeks.
    assert len(month_weeks(2026, 2, {})) == 4
    # 1 December 2021 is a Wednesday: three blank days before it.
    assert month_weeks(2021, 12, {})[0][:4] == [None, None, None, month_weeks(2021, 12, {})[0][3]]
    assert month_weeks(2021, 12, {})[0][3].date.day == 1


def test_weekday_and_month_names_come_from_cldr_in_calendar_order():
    assert [full for _, full in weekday_names("en")] == [
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    assert weekday_names("ur")[0][1] == "اتوار" and weekday_names("ur")[5][1] == "جمعہ"
    assert (month_name(3, "ur"), month_name(3, "en")) == ("مارچ", "March")


def test_month_links_skip_months_without_articles():
    months = [(2026, 3), (2021, 12), (2025, 12), (2026, 1)]
    around = neighbouring_months(months)
    assert around[(2021, 12)] == (None, (2025, 12))
    assert around[(2025, 12)] == ((2021, 12), (2026, 1))  # no empty month between them
    assert around[(2026, 3)] == ((2026, 1), None)
    assert neighbouring_months([(2024, 5)]) == {(2024, 5): (None, None)}


def story(date, slug):
    return SimpleNamespace(undated=date is None, date=date and dt.datetime.combine(date, dt.time()), slug=slug)


def test_days_keep_the_listing_order_and_leave_out_undated_stories():
    a, b, c, undated = (story(dt.date(2026, 3, 14), "a"), story(dt.date(2026, 3, 14), "b"),
                        story(dt.date(2026, 3, 2), "c"), story(None, "u"))
    days = stories_by_day([a, b, c, undated])
    assert days == {dt.date(2026, 3, 14): [a, b], dt.date(2026, 3, 2): [c]}
    assert urls.day("en", dt.date(2026, 3, 2)) == "en/archives/2026-03-02.html"
    assert urls.reserved(urls.day("ur", dt.date(2026, 3, 2))) == "the archive listings"


def test_timeline_has_a_row_per_year_newest_first_and_a_bar_per_month():
    years = timeline_years({(2023, 11): 40, (2026, 3): 10, (2026, 1): 1})
    assert [row.year for row in years] == [2026, 2025, 2024, 2023]  # empty years keep their row
    assert all(len(row.months) == 12 for row in years)
    assert years[0].months[2].count == 10 and years[0].months[2].level == 2
    assert years[3].months[10].level == LEVELS  # the busiest month fills its cell
    assert years[0].months[0].level == 1  # one article still shows
    assert not any(month.count for month in years[1].months)
    assert timeline_years({}) == []
    assert bar_level(0, 5) == 0 and bar_level(5, 5) == LEVELS
