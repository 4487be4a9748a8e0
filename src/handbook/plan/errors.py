"""Bad input to a deadline calculation: a clear message, never a wrong date.

An editor's mistake in a data file is a ``handbook.errors.ContentError``
(file, line, fix). This is different: a date typed by a reader that does
not exist, an unknown rule, a day the holiday data does not cover. Its
``code`` is shared with the browser's mirror of the rules
(docs/assets/javascripts/deadlines.js), so Python and JavaScript give the
same answer to the same input.
"""
from __future__ import annotations

from dataclasses import dataclass

# Codes shared with deadlines.js (keep both lists identical).
ERROR_CODES = (
    "bad-date-format",     # not dd/mm/yyyy nor yyyy-mm-dd
    "impossible-date",     # 31/02, 29/02 of a common year, month 13...
    "unknown-rule",        # not one of the rule forms of handbook.plan.rules
    "out-of-range",        # a day the holiday data does not cover was needed
    "bad-work-year-start", # the work year's start is not a real MM-DD
)


@dataclass
class DeadlineError(ValueError):
    code: str
    message_vi: str
    message_en: str

    def __post_init__(self):
        if self.code not in ERROR_CODES:
            raise ValueError(f"unknown deadline error code {self.code!r}")

    def __str__(self) -> str:
        return f"[{self.code}] {self.message_vi} ({self.message_en})"
