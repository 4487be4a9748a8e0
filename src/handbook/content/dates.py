"""Dates as readers expect them: ``05/02/2025`` in Vietnamese, ``5 February 2025`` in English."""
from __future__ import annotations

import datetime as dt

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


def format_date(value: dt.date, lang: str = "vi") -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if lang == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
