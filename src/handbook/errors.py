"""One error type for every content problem an editor can cause.

The message names the file and line, says what is wrong and what to do, in
Vietnamese first (most editors read only Vietnamese) and then in English.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ContentError(Exception):
    path: str
    line: int | None
    rule: str
    message_vi: str
    message_en: str
    fix_vi: str = ""
    fix_en: str = ""

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        parts = [f"{self.location()}: [{self.rule}] {self.message_vi}"]
        if self.fix_vi:
            parts.append(f"  Cách sửa: {self.fix_vi}")
        parts.append(f"  ({self.message_en}" + (f" Fix: {self.fix_en})" if self.fix_en else ")"))
        return "\n".join(parts)


class ContentErrors(Exception):
    """Several problems reported at once, so an editor fixes them in one pass."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
