// The archive's stories of each day of one month, for "on this day" on the home page (plugins/archive_pages/on_this_day.py).
(window.AKHBAR_ON_THIS_DAY = window.AKHBAR_ON_THIS_DAY || {})["{{ month_key }}"] = {{ data }};
