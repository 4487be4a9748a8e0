"""Which days are working days, for the years the holiday data covers.

A ``WorkCalendar`` is made at build time from the ``holidays`` package
(``handbook.plan.statutory``) and the year files (``handbook.plan.yearfile``),
and published as JSON for the browser (``dumps``); ``from_json`` reads the
same JSON back, so the Python rules can be run on exactly what
docs/assets/javascripts/deadlines.js receives (the vector tests do).

A day is a working day when it is a make-up day, or when it is neither a
weekly day off (Saturday, Sunday) nor a day off. A day outside the covered
years is never guessed: asking for it raises ``out-of-range``.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from handbook.errors import ContentError, ContentErrors
from handbook.plan import dates
from handbook.plan.errors import DeadlineError
from handbook.plan.statutory import WEEKLY_DAYS_OFF, package_days, package_version
from handbook.plan.yearfile import DayOff, YearFile, check_folder

JSON_FORMAT = 1


@dataclass
class YearInfo:
    status: str                         # confirmed | partial | none | missing
    note_vi: str
    note_en: str
    notes: list = field(default_factory=list)          # [{"vi", "en"}]: what was left out and why
    announcements: list = field(default_factory=list)  # as the year file writes them (for the page)


@dataclass
class WorkCalendar:
    first_year: int
    last_year: int
    years: dict                         # int -> YearInfo
    off: dict                           # date -> (name_vi, name_en)
    work: dict                          # date -> (name_vi, name_en)  make-up days
    source: str = ""

    # -- questions

    def covers(self, day: dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def require(self, day: dt.date) -> None:
        if not self.covers(day):
            raise DeadlineError(
                "out-of-range",
                f"Chưa có dữ liệu ngày nghỉ cho năm {day.year} (công cụ có dữ liệu từ năm "
                f"{self.first_year} đến {self.last_year}), nên không tính được hạn chính xác.",
                f"There is no holiday data for {day.year} (the tool covers {self.first_year}–"
                f"{self.last_year}), so the deadline cannot be computed reliably.")

    def is_working(self, day: dt.date) -> bool:
        self.require(day)
        if day in self.work:
            return True
        return day.isoweekday() not in WEEKLY_DAYS_OFF and day not in self.off

    def why_off(self, day: dt.date, lang: str) -> str:
        """'Chủ nhật', 'Tết Nguyên đán'... (for messages; empty for a working day)."""
        if day in self.off:
            return self.off[day][0 if lang == "vi" else 1]
        if day.isoweekday() in WEEKLY_DAYS_OFF and day not in self.work:
            return dates.weekday_name(day, lang)
        return ""

    def status(self, year: int) -> str:
        info = self.years.get(year)
        return info.status if info else "missing"

    def unconfirmed(self, years) -> tuple[int, ...]:
        return tuple(sorted(y for y in set(years) if self.status(y) != "confirmed"))

    # -- JSON for the browser

    def to_json(self) -> dict:
        years = {}
        for year in range(self.first_year, self.last_year + 1):
            info = self.years[year]
            years[str(year)] = {
                "status": info.status,
                "note_vi": info.note_vi,
                "note_en": info.note_en,
                "notes": info.notes,
                "off": {d.isoformat(): list(n) for d, n in sorted(self.off.items()) if d.year == year},
                "work": {d.isoformat(): list(n) for d, n in sorted(self.work.items()) if d.year == year},
            }
        return {"format": JSON_FORMAT, "source": self.source, "weekly_days_off": list(WEEKLY_DAYS_OFF),
                "first_year": self.first_year, "last_year": self.last_year, "years": years}

    def dumps(self) -> str:
        """The JSON text the build publishes (stable: sorted, no spaces)."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: dict) -> "WorkCalendar":
        if data.get("format") != JSON_FORMAT or list(data.get("weekly_days_off", [])) != list(WEEKLY_DAYS_OFF):
            raise ValueError("holiday JSON of another format")
        years, off, work = {}, {}, {}
        for key, value in data["years"].items():
            years[int(key)] = YearInfo(value["status"], value["note_vi"], value["note_en"], value["notes"])
            for text, names in value["off"].items():
                off[dates.parse_iso(text)] = tuple(names)
            for text, names in value["work"].items():
                work[dates.parse_iso(text)] = tuple(names)
        return cls(data["first_year"], data["last_year"], years, off, work, data.get("source", ""))


def missing_year(year: int, path: str) -> YearFile:
    return YearFile(year, path, "missing",
                    f"Chưa ghi nhận thông báo của Chính phủ về lịch nghỉ năm {year}: ngày nghỉ được tính theo Bộ "
                    "luật Lao động (ngày lễ, Tết và ngày nghỉ bù), chưa có ngày hoán đổi.",
                    f"No Government announcement of the {year} schedule is recorded: days off follow the Labour "
                    "Code (holidays, Tết and days off in lieu), without swapped days.")


def build(first_year: int, last_year: int, folder: Path, shown_folder: str = "data/holidays") -> WorkCalendar:
    """Statutory days (``holidays`` package) + the year files, for the years given.

    Every file of the folder is validated (ContentErrors with every problem of
    every file), whether or not its year is built."""
    if first_year > last_year:
        raise ValueError("first_year > last_year")
    files, findings = check_folder(Path(folder), shown_folder)
    if findings:
        raise ContentErrors([f.error for f in findings])
    years, off, work = {}, {}, {}
    chosen = {year: files.get(year) or missing_year(year, f"{shown_folder}/{year}.yml")
              for year in range(first_year, last_year + 1)}
    version = package_version()
    for year, year_file in chosen.items():
        info = YearInfo(year_file.status, year_file.note_vi, year_file.note_en, [], year_file.announcements)
        for package_day in package_days(year):
            listed = year_file.days_off.get(package_day.date)
            if package_day.kind in ("holiday", "in-lieu"):
                day = listed or DayOff(package_day.date, package_day.occasion, package_day.kind, f"holidays {version}")
                off[package_day.date] = (day.name("vi"), day.name("en"))
            elif package_day.kind == "package-swap" and not listed:
                info.notes.append({
                    "vi": f"{dates.format_vi(package_day.date)} được tính là ngày làm việc: chưa ghi nhận văn bản "
                          "của Chính phủ cho nghỉ hoán đổi ngày này.",
                    "en": f"{dates.format_en(package_day.date)} counts as a working day: no Government "
                          "announcement of a swapped day off on it is recorded."})
            elif package_day.kind == "unknown":
                info.notes.append({
                    "vi": f"{dates.format_vi(package_day.date)} ({package_day.name}) được tính là ngày làm việc: "
                          "chưa thấy quy định có hiệu lực hay thông báo của Chính phủ cho nghỉ ngày này.",
                    "en": f"{dates.format_en(package_day.date)} ({package_day.name}) counts as a working day: no "
                          "rule in force or Government announcement giving it as a day off was found."})
        for day, entry in year_file.days_off.items():
            off[day] = (entry.name("vi"), entry.name("en"))
        years[year] = info
    problems = []
    for year_file in chosen.values():
        for day, make_up in year_file.make_up.items():
            if day in off:
                path, _, line = make_up.origin.rpartition(":")
                problems.append(ContentError(
                    path, int(line), "holidays-data",
                    f"Ngày làm bù {dates.format_vi(day)} lại là ngày nghỉ ({off[day][0]}).",
                    f"The make-up day {day.isoformat()} is a day off ({off[day][1]}).",
                    "Đối chiếu lại văn bản: ngày làm bù phải là ngày nghỉ hằng tuần được đổi thành ngày làm việc.",
                    "Check the announcement: a make-up day is a weekly day off turned into a working day."))
            work[day] = (make_up.name("vi"), make_up.name("en"))
    if problems:
        raise ContentErrors(problems)
    return WorkCalendar(first_year, last_year, years, off, work, f"holidays {version} + {shown_folder}/")
