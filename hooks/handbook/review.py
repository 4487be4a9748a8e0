"""Review dates after GOV.UK's pattern: every content page names its owner
(the responsible unit), when it was last reviewed and how often it must be
reviewed. Pages due within 30 days get a notice, overdue pages a warning, and
the editors' page lists both."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

SOON_DAYS = 30
OK, SOON, OVERDUE, NONE = "ok", "soon", "overdue", "none"


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Review:
    state: str                       # ok, soon, overdue, none (no review data)
    owner: str | None
    last_reviewed: dt.date | None
    every_months: int | None
    due: dt.date | None
    days_left: int | None            # negative when overdue


def _as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def review_of(meta: dict, today: dt.date, soon_days: int = SOON_DAYS) -> Review:
    owner = meta.get("owner")
    last = _as_date(meta.get("last_reviewed")) if meta.get("last_reviewed") else None
    months = meta.get("review_every_months")
    months = months if isinstance(months, int) and not isinstance(months, bool) and months > 0 else None
    if last is None or months is None:
        return Review(NONE, owner, last, months, None, None)
    due = add_months(last, months)
    days_left = (due - today).days
    state = OVERDUE if days_left < 0 else SOON if days_left <= soon_days else OK
    return Review(state, owner, last, months, due, days_left)
