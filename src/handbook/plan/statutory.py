"""The statutory days off, from the ``holidays`` package (pinned in
requirements.in).

The package computes the paid holidays of Bộ luật Lao động 2019 (45/2019/QH14),
Điều 112 — Tết from the lunar calendar — and the day off in lieu when a
holiday falls on a weekly day off (Điều 111). Each name it gives (in
Vietnamese) is mapped here to an occasion of the Labour Code; a day it lists
for another reason is classified ``unknown`` and not counted (in 0.109:
Vietnamese Culture Day, 24/11, from 2026, which no law in force was found to
make a day off). tests/unit/plan/test_holiday_files.py checks every name the
pinned version gives for 2000–2040, so an upgrade that renames or adds a day
fails there, not silently.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The occasions of Điều 112, with the names shown to readers.
OCCASIONS: dict[str, dict[str, str]] = {
    "tet-duong-lich": {"vi": "Tết Dương lịch", "en": "New Year's Day"},
    "tet-nguyen-dan": {"vi": "Tết Nguyên đán", "en": "Lunar New Year (Tết)"},
    "gio-to": {"vi": "Giỗ Tổ Hùng Vương", "en": "Hùng Kings' Commemoration Day"},
    "30-4-1-5": {"vi": "Ngày Chiến thắng 30/4 và Quốc tế Lao động 01/5",
                 "en": "Reunification Day (30 April) and Labour Day (1 May)"},
    "quoc-khanh": {"vi": "Quốc khánh 02/9", "en": "National Day (2 September)"},
}

# Weekly days off of state agencies: Saturday and Sunday (Quyết định
# 188/1999/QĐ-TTg, the 40-hour week). ISO weekday numbers, as in the JSON the
# browser reads.
WEEKLY_DAYS_OFF = (6, 7)

# Names the package gives with language="vi" -> occasion.
_PACKAGE_NAMES = {
    "Tết Dương lịch": "tet-duong-lich",
    "Giao thừa Tết Nguyên Đán": "tet-nguyen-dan",
    "Tết Nguyên Đán": "tet-nguyen-dan",
    "Mùng hai Tết Nguyên Đán": "tet-nguyen-dan",
    "Mùng ba Tết Nguyên Đán": "tet-nguyen-dan",
    "Mùng bốn Tết Nguyên Đán": "tet-nguyen-dan",
    "Mùng năm Tết Nguyên Đán": "tet-nguyen-dan",
    "Mùng sáu Tết Nguyên Đán": "tet-nguyen-dan",
    "29 Tết": "tet-nguyen-dan",
    "Ngày Giỗ Tổ Hùng Vương": "gio-to",
    "Ngày Chiến thắng": "30-4-1-5",
    "Ngày Quốc tế Lao động": "30-4-1-5",
    "Quốc khánh": "quoc-khanh",
}
_IN_LIEU = (" (nghỉ bù)", " (nghỉ bù, dự kiến)")
_ESTIMATED = " (dự kiến)"
_PACKAGE_SWAP = "Ngày nghỉ (thay cho ngày"


@dataclass(frozen=True)
class PackageDay:
    date: dt.date
    name: str                  # as the package gives it (vi)
    occasion: str | None       # None: not a Labour Code holiday we know
    kind: str                  # holiday | in-lieu | package-swap | unknown


def package_version() -> str:
    import holidays
    return holidays.__version__


def package_days(year: int) -> list[PackageDay]:
    """Every day the package lists for Vietnam in ``year``, classified."""
    import holidays
    found = holidays.country_holidays("VN", years=year, language="vi")
    out = []
    for day, names in sorted(found.items()):
        for name in names.split("; "):
            out.append(classify(day, name))
    return out


def classify(day: dt.date, name: str) -> PackageDay:
    """A swapped day the package knows (it is counted only when the year's
    file cites its announcement), a holiday or a day in lieu of one, or a day
    with no Labour Code basis we know."""
    if name.startswith(_PACKAGE_SWAP):
        return PackageDay(day, name, None, "package-swap")
    kind, base = "holiday", name
    for suffix in _IN_LIEU:
        if base.endswith(suffix):
            kind, base = "in-lieu", base[: -len(suffix)]
    if base.endswith(_ESTIMATED):
        base = base[: -len(_ESTIMATED)]
    occasion = _PACKAGE_NAMES.get(base)
    return PackageDay(day, name, occasion, kind if occasion else "unknown")
