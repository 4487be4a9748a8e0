"""The work year (năm công tác) and the years a build plans.

Điều 51 of Law 10/2022/QH15 counts the staff conference's deadline on the
work year, and the procuracy's work year is not confirmed (data/legal-facts.yml,
``not_confirmed``): its first day is a setting (``extra.handbook.work_year_start``
in mkdocs.yml, ``"MM-DD"``, default ``"01-01"``). Work year *Y* is the 12
months ending in calendar year *Y*: with ``"12-01"``, work year 2026 runs
from 01/12/2025 to 30/11/2026, as the sector names its statistics year.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from handbook.plan import dates
from handbook.plan.errors import DeadlineError

DEFAULT_START = "01-01"


def parse_start(text) -> tuple[int, int]:
    """``"MM-DD"`` -> (month, day). 29 February is refused: not every year has it."""
    match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", text) if isinstance(text, str) else None
    ok = False
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        ok = 1 <= month <= 12 and 1 <= day <= _calendar.monthrange(2023, month)[1]
    if not ok:
        raise DeadlineError(
            "bad-work-year-start",
            f"Ngày bắt đầu năm công tác «{text}» không hợp lệ: ghi dạng \"MM-DD\" (tháng-ngày, có thật, không "
            "phải 29/02), ví dụ \"01-01\" hoặc \"12-01\".",
            f"The work year start “{text}” is not valid: write \"MM-DD\" (a real month and day, not 29 "
            "February), e.g. \"01-01\" or \"12-01\".")
    return month, day


def work_year(year: int, start: str = DEFAULT_START) -> tuple[dt.date, dt.date]:
    """(first day, last day) of work year ``year``: the 12 months ending in
    calendar year ``year``."""
    month, day = parse_start(start)
    begin = dt.date(year if (month, day) == (1, 1) else year - 1, month, day)
    return begin, dates.add_months(begin, 12) - dt.timedelta(days=1)


def default_years(today: dt.date) -> tuple[int, int]:
    """Years planned when the settings name none: the build year and the next
    (issue 19); ``today`` is the build's day, so HANDBOOK_TODAY fixes them."""
    return today.year, today.year + 1


def data_years(plan_years, start: str = DEFAULT_START) -> tuple[int, int]:
    """Years of holiday data to publish for the plan years: from the year
    before the first work year begins (events still counting into it) to the
    year after the last one ends (deadlines that run past its end)."""
    firsts = [work_year(y, start)[0].year for y in plan_years]
    lasts = [work_year(y, start)[1].year for y in plan_years]
    return min(firsts) - 1, max(lasts) + 1
