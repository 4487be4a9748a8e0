"""What a checklist item is, and the words used to show it in each language.

Language-independent data (ids, roles, frequency, due) is validated once; the
words below turn it into text for readers of ``vi`` or ``en``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DUE_RE = re.compile(r"^(?:Q[1-4]|H[12]|M(?:0[1-9]|1[0-2])|\+[1-9][0-9]{0,2}(?:wd|d)|WY\+(?:[1-9]|1[0-2])m)$")
WORK_YEAR_RE = re.compile(r"^WY\+([0-9]+)m$")
# The work year (năm công tác) is taken to start in January; the calendar
# places ``WY+<N>m`` in its first N months. One constant, so a unit whose work
# year starts later is a one-line change.
WORK_YEAR_START_MONTH = 1

FIELDS_REQUIRED = ("id", "requirement", "roles", "basis", "evidence", "obligation")
FIELDS_OPTIONAL = ("applies_if", "frequency", "due", "topic")
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

# law: a requirement of a legal text (its basis names an article of a
# regulation page); practice: the handbook's recommended practice.
OBLIGATIONS: dict[str, dict[str, str]] = {
    "law": {"vi": "Quy định của pháp luật", "en": "Legal requirement"},
    "practice": {"vi": "Thực hành khuyến nghị của Cẩm nang", "en": "Recommended practice (the handbook's)"},
}

# ``applies_if``: the item applies only when every condition holds.
STAFF_BANDS: dict[str, dict[str, str]] = {
    "1-7": {"vi": "dưới 8 người", "en": "fewer than 8 people"},
    "8-99": {"vi": "từ 8 đến 99 người", "en": "8 to 99 people"},
    "100+": {"vi": "từ 100 người trở lên", "en": "100 people or more"},
}
APPLIES_IF_FLAGS: dict[str, dict[bool, dict[str, str]]] = {
    "board": {True: {"vi": "đơn vị có Ban Thanh tra nhân dân",
                     "en": "the unit has a People's Inspection Board"},
              False: {"vi": "đơn vị không có Ban Thanh tra nhân dân",
                      "en": "the unit has no People's Inspection Board"}},
    "internal_system": {True: {"vi": "đơn vị có hệ thống thông tin nội bộ (trang thông tin nội bộ)",
                               "en": "the unit has an internal information system (intranet)"},
                        False: {"vi": "đơn vị không có hệ thống thông tin nội bộ",
                                "en": "the unit has no internal information system"}},
    "dispersed": {True: {"vi": "người lao động làm việc phân tán trên địa bàn rộng hoặc không thể rời vị trí công tác",
                         "en": "staff work dispersed over a wide area or cannot leave their posts"},
                  False: {"vi": "người lao động không làm việc phân tán",
                          "en": "staff do not work dispersed"}},
}
APPLIES_IF_KEYS = ("staff",) + tuple(APPLIES_IF_FLAGS)

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
    obligation: str | None = None   # "law", "practice" (None: not declared yet)
    # conditions, canonical: {"staff": ("8-99", "100+"), "board": True, ...}; empty: always
    applies_if: dict = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)


def role_label(role: str, lang: str) -> str:
    return ROLES[role][lang]


def roles_text(roles, lang: str) -> str:
    return "; ".join(role_label(r, lang) for r in roles)


def obligation_label(obligation: str | None, lang: str) -> str:
    return OBLIGATIONS[obligation][lang] if obligation else ""


# Bands next to each other read as one range ("from 8 people up").
_BAND_RANGES = {
    ("8-99", "100+"): {"vi": "từ 8 người trở lên", "en": "8 people or more"},
    ("1-7", "8-99"): {"vi": "dưới 100 người", "en": "fewer than 100 people"},
}


def applies_words(applies_if: dict, lang: str) -> str:
    """``{"staff": ("8-99", "100+"), "board": True}`` -> "Đơn vị có từ 8 người
    trở lên (…); đơn vị có Ban Thanh tra nhân dân"."""
    parts = []
    staff = applies_if.get("staff")
    if staff:
        joined = _BAND_RANGES.get(tuple(staff))
        bands = joined[lang] if joined else (" hoặc " if lang == "vi" else " or ").join(
            STAFF_BANDS[b][lang] for b in staff)
        parts.append(f"đơn vị có {bands} (cán bộ, công chức, viên chức, người lao động)" if lang == "vi"
                     else f"the unit has {bands} (staff of every kind, contract workers included)")
    for key, words in APPLIES_IF_FLAGS.items():
        if key in applies_if:
            parts.append(words[bool(applies_if[key])][lang])
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def applies(applies_if: dict, profile: dict) -> bool | None:
    """Does an item with these conditions apply to a unit of this profile?

    ``profile`` holds what the unit stated: ``staff`` (a band of
    ``STAFF_BANDS``) and the flags of ``APPLIES_IF_FLAGS`` (True/False); a key
    left out is not known. False as soon as one stated fact contradicts a
    condition (the law does not require the item of that unit); None when
    nothing contradicts it but a condition's fact is not stated; True
    otherwise. checklists.js applies the same rule in the reader's browser.
    """
    unknown = False
    for key, wanted in applies_if.items():
        have = profile.get(key)
        if have is None:
            unknown = True
        elif (have not in wanted) if key == "staff" else (bool(have) != bool(wanted)):
            return False
    return None if unknown else True


def coherent_profile(profile: dict) -> dict:
    """A profile as the law allows it: a unit of 7 staff or fewer has no
    People's Inspection Board (Luật 10/2022/QH15, Điều 60), whatever was
    ticked. checklists.js enforces the same rule in the form."""
    if profile.get("staff") == "1-7":
        return {**profile, "board": False}
    return dict(profile)


def due_words(due: str | None, lang: str) -> str:
    if not due:
        return ""
    work_year = WORK_YEAR_RE.match(due)
    if work_year:
        n = int(work_year.group(1))
        return (f"trong {n} tháng đầu năm công tác" if lang == "vi"
                else f"within {n} month{'s' if n > 1 else ''} of the start of the work year")
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
    work_year = WORK_YEAR_RE.match(due)
    if work_year:
        return tuple(sorted((WORK_YEAR_START_MONTH - 1 + k) % 12 + 1 for k in range(int(work_year.group(1)))))
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
