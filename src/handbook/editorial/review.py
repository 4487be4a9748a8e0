"""Review dates after GOV.UK's pattern: every content page names its owner
(the responsible unit), how often it must be reviewed, and each review made
against named sources (``reviews:``: date, by, sources, checked). The latest
review gives "last reviewed" and, with ``review_every_months``, the next due
date. Pages due within 30 days get a notice, overdue pages a warning, pages
never reviewed against sources a notice too; the editors' page lists them all.

``handbook.schema`` validates the entries (with file and line); this module
reads them tolerantly, so a page the schema reports still renders.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

SOON_DAYS = 30
# NONE: the page is not subject to review (no review_every_months);
# UNREVIEWED: it is, but no review against sources is recorded yet.
OK, SOON, OVERDUE, NONE, UNREVIEWED = "ok", "soon", "overdue", "none", "unreviewed"


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Entry:
    """One review against sources, as written in ``reviews:``."""
    date: dt.date
    by: str
    sources: tuple[str, ...]
    checked: str


@dataclass(frozen=True)
class Review:
    state: str                       # ok, soon, overdue, unreviewed, none
    owner: str | None
    last_reviewed: dt.date | None    # date of the latest entry
    every_months: int | None
    due: dt.date | None
    days_left: int | None            # negative when overdue
    entries: tuple[Entry, ...] = ()  # newest first


def _as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def entries_of(reviews) -> tuple[Entry, ...]:
    """The well-formed entries of a ``reviews:`` value, newest first (an
    entry without a date is left out: it cannot set a review date)."""
    found = []
    for raw in reviews if isinstance(reviews, list) else []:
        if not isinstance(raw, dict):
            continue
        day = _as_date(raw.get("date")) if raw.get("date") else None
        if day is None:
            continue
        names = raw.get("sources")
        names = names if isinstance(names, list) else [names] if names else []
        found.append(Entry(day, _text(raw.get("by")), tuple(_text(s) for s in names if _text(s)),
                           _text(raw.get("checked"))))
    return tuple(sorted(found, key=lambda e: e.date, reverse=True))


def review_of(meta: dict, today: dt.date, soon_days: int = SOON_DAYS) -> Review:
    owner = meta.get("owner")
    entries = entries_of(meta.get("reviews"))
    last = entries[0].date if entries else None
    months = meta.get("review_every_months")
    months = months if isinstance(months, int) and not isinstance(months, bool) and months > 0 else None
    if months is None:
        return Review(NONE, owner, last, months, None, None, entries)
    if last is None:
        return Review(UNREVIEWED, owner, None, months, None, None, entries)
    due = add_months(last, months)
    days_left = (due - today).days
    state = OVERDUE if days_left < 0 else SOON if days_left <= soon_days else OK
    return Review(state, owner, last, months, due, days_left, entries)
