"""Dates as the whole archive treats them."""

import datetime as dt

# Years an archive of news can hold: a four-digit number outside is no year,
# and a date given outside them (a correction, a Markdown `Date:`) is refused.
YEARS = range(1900, 2100)

# Pelican sorts, paginates and archives by `date`; an undated article gets this
# stand-in for ordering only, with `undated = True`, and the theme shows
# "date unknown" instead of it. It sorts undated articles last.
UNDATED_SORT_DATE = dt.datetime(1970, 1, 1)
