"""Dates as typed, read and shown.

Strict parsing: a date that does not exist (31/02, 29/02/2027, month 13) is an
error with its own code, never silently moved to a nearby day. The same rules
are in docs/assets/javascripts/deadlines.js (``parseDate``); the cases both
must agree on are in tests/fixtures/plan/vectors.json.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

from handbook.plan.errors import DeadlineError

ISO_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
# What a person types: 05/02/2026, 5/2/2026, 05.02.2026 or 05-02-2026 (day
# first, four-digit year: "05/02/26" is ambiguous and refused). ASCII digits
# and the same white space as JavaScript's, so both read the same text alike.
VI_RE = re.compile(r"^([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})$")

# Years a date may have at all. The holiday data limits the years a deadline
# can be computed for much more narrowly (see workdays.py).
MIN_YEAR, MAX_YEAR = 1900, 2199
SPACE = " \t\r\n"

WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


def _bad_format(text: str) -> DeadlineError:
    return DeadlineError(
        "bad-date-format",
        f"«{text}» không phải là một ngày. Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/02/2026.",
        f"“{text}” is not a date. Type the date as dd/mm/yyyy, for example 05/02/2026.")


def make_date(year: int, month: int, day: int, typed: str) -> dt.date:
    """The date, or ``impossible-date`` naming what does not exist."""
    if not (MIN_YEAR <= year <= MAX_YEAR):
        raise DeadlineError(
            "impossible-date",
            f"Năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}: hãy kiểm tra lại ngày «{typed}».",
            f"Year {year} is outside {MIN_YEAR}–{MAX_YEAR}: check the date “{typed}”.")
    if not 1 <= month <= 12:
        raise DeadlineError(
            "impossible-date",
            f"Ngày «{typed}» không tồn tại: tháng phải từ 1 đến 12.",
            f"The date “{typed}” does not exist: the month must be 1 to 12.")
    last = _calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DeadlineError(
            "impossible-date",
            f"Ngày «{typed}» không tồn tại: tháng {month:02d}/{year} chỉ có {last} ngày.",
            f"The date “{typed}” does not exist: {MONTHS_EN[month - 1]} {year} has {last} days.")
    return dt.date(year, month, day)


def parse_iso(text) -> dt.date:
    """``YYYY-MM-DD`` only (what an <input type=date> and our data files give)."""
    if not isinstance(text, str) or not ISO_RE.fullmatch(text):
        raise _bad_format(text if isinstance(text, str) else repr(text))
    y, m, d = (int(part) for part in ISO_RE.fullmatch(text).groups())
    return make_date(y, m, d, text)


def parse_typed(text) -> dt.date:
    """A date typed by a person: dd/mm/yyyy (also with . or -) or yyyy-mm-dd."""
    if not isinstance(text, str):
        raise _bad_format(repr(text))
    stripped = text.strip(SPACE)
    match = VI_RE.fullmatch(stripped)
    if match:
        d, m, y = (int(part) for part in match.groups())
        return make_date(y, m, d, stripped)
    return parse_iso(stripped)


def add_months(day: dt.date, months: int) -> dt.date:
    """Bộ luật Dân sự 2015, Điều 148: a period in months ends on the
    corresponding day of its last month; when that month has no such day
    (31/08 + 6 months), on the last day of that month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """Điều 148: a period in years ends on the same day and month of its last
    year. The Code does not say what 29/02 becomes in a common year; we read
    it like the month rule (last day of February), the earlier of the two
    candidates, so a term never runs past what the law could mean."""
    return add_months(day, 12 * years)


def iso(day: dt.date) -> str:
    return day.isoformat()


def format_vi(day: dt.date) -> str:
    """05/02/2025 (Nghị định 30/2020/NĐ-CP: day and month with a leading zero)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_date(day: dt.date, lang: str) -> str:
    return format_vi(day) if lang == "vi" else format_en(day)


def weekday_name(day: dt.date, lang: str) -> str:
    return (WEEKDAYS_VI if lang == "vi" else WEEKDAYS_EN)[day.weekday()]
