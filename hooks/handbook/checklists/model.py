"""What a checklist item is, and the words used to show it in each language.

Language-independent data (ids, roles, frequency, due) is validated once; the
words below turn it into text for readers of ``vi`` or ``en``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DUE_RE = re.compile(r"^(?:Q[1-4]|H[12]|M(?:0[1-9]|1[0-2])|\+[1-9][0-9]{0,2}(?:wd|d))$")

FIELDS_REQUIRED = ("id", "requirement", "roles", "basis", "evidence")
FIELDS_OPTIONAL = ("frequency", "due", "topic")
FIELDS = FIELDS_REQUIRED + FIELDS_OPTIONAL

ROLES: dict[str, dict[str, str]] = {
    "thu-truong": {"vi": "Thủ trưởng cơ quan, đơn vị", "en": "Head of the unit"},
    "cong-doan": {"vi": "Ban Chấp hành công đoàn", "en": "Trade union executive committee"},
    "ban-ttnd": {"vi": "Ban Thanh tra nhân dân", "en": "People's Inspection Board"},
    "cbccvc": {"vi": "Cán bộ, công chức, viên chức, người lao động", "en": "Staff"},
    "ban-chi-dao": {"vi": "Ban Chỉ đạo", "en": "Steering Committee"},
}

FREQUENCIES: dict[str, dict[str, str]] = {
    "once": {"vi": "Một lần", "en": "Once"},
    "event": {"vi": "Khi phát sinh", "en": "When the event occurs"},
    "monthly": {"vi": "Hằng tháng", "en": "Monthly"},
    "quarterly": {"vi": "Hằng quý", "en": "Quarterly"},
    "half-yearly": {"vi": "6 tháng một lần", "en": "Every six months"},
    "yearly": {"vi": "Hằng năm", "en": "Yearly"},
    "every-2-years": {"vi": "2 năm một lần", "en": "Every two years"},
}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass
class Item:
    id: str
    lang: str
    requirement: str
    roles: tuple[str, ...]
    basis: tuple[str, ...]          # Markdown as written (one entry per list element)
    links: tuple[Link, ...]         # every Markdown link found in ``basis``
    evidence: str
    frequency: str | None
    due: str | None
    topic: str | None               # as written; None = the page's title
    path: str                       # "docs/cam-nang/cong-khai.md" (shown to editors)
    src_uri: str                    # "cam-nang/cong-khai.md"
    base_uri: str                   # language suffix removed
    line: int                       # line of the opening fence in the file
    field_lines: dict = field(default_factory=dict)
    raw: str = ""                   # the fenced block as written (fences included)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)


def role_label(role: str, lang: str) -> str:
    return ROLES[role][lang]


def roles_text(roles, lang: str) -> str:
    return "; ".join(role_label(r, lang) for r in roles)


def due_words(due: str | None, lang: str) -> str:
    if not due:
        return ""
    if due[0] == "Q":
        n = int(due[1])
        return f"trong quý {ROMAN[n]}" if lang == "vi" else f"within Q{n} (quarter {n})"
    if due[0] == "H":
        if lang == "vi":
            return "trong 6 tháng đầu năm" if due == "H1" else "trong 6 tháng cuối năm"
        return "within the first half of the year" if due == "H1" else "within the second half of the year"
    if due[0] == "M":
        n = int(due[1:])
        return f"trong tháng {n}" if lang == "vi" else f"within {MONTHS_EN[n - 1]}"
    number = int(due[1:].rstrip("wd"))
    if due.endswith("wd"):
        return (f"trong {number} ngày làm việc kể từ khi phát sinh" if lang == "vi"
                else f"within {number} working day{'s' if number > 1 else ''} of the event")
    return (f"trong {number} ngày kể từ khi phát sinh" if lang == "vi"
            else f"within {number} day{'s' if number > 1 else ''} of the event")


def deadline_words(frequency: str | None, due: str | None, lang: str) -> str:
    """``yearly`` + ``Q1`` -> "Hằng năm, trong quý I" / "Yearly, within Q1 (quarter 1)"."""
    parts = []
    if frequency:
        parts.append(FREQUENCIES[frequency][lang])
    words = due_words(due, lang)
    if words:
        parts.append(words)
    if not parts:
        return "Thường xuyên" if lang == "vi" else "Ongoing"
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def due_months(frequency: str | None, due: str | None) -> tuple[int, ...]:
    """Months (1-12) in which a recurring duty falls in the yearly calendar.
    Empty for event-driven or one-off duties and when nothing says when."""
    if frequency in ("event", "once") or (due and due.startswith("+")):
        return ()
    if frequency == "monthly":
        return tuple(range(1, 13))
    if frequency == "quarterly":
        return (3, 6, 9, 12) if not due else _window(due)
    if frequency == "half-yearly":
        return (6, 12) if not due or due[0] != "M" else _window(due)
    if due:
        return _window(due)
    return ()


def _window(due: str) -> tuple[int, ...]:
    if due[0] == "Q":
        q = int(due[1])
        return tuple(range(3 * q - 2, 3 * q + 1))
    if due[0] == "H":
        return tuple(range(1, 7)) if due == "H1" else tuple(range(7, 13))
    return (int(due[1:]),)


def is_recurring(frequency: str | None, due: str | None) -> bool:
    return bool(due_months(frequency, due)) or frequency in ("monthly", "quarterly", "half-yearly", "yearly", "every-2-years")


def is_event(frequency: str | None, due: str | None) -> bool:
    return frequency == "event" or bool(due and due.startswith("+"))
