"""The dated plan of a (work) year: checklist items -> dated tasks.

Input: the year, the checklist items as plain dicts (``id``, ``requirement``,
``frequency``, ``due``, ``applies_if``, ``basis`` as plain text, ``link``,
``articles`` — the Law 10/2022/QH15 articles the basis cites — and
``calculator``, the rule the plan page names for the item, if any), the
work calendar and the work year's start. Items come validated by the
checklists (handbook.checklists.collect).

Output: a ``Plan`` of every item — the page shows them all and the reader's
profile hides what does not apply; ``for_profile`` keeps what applies to one
unit (the calendar files). Each recurring item gets its real window and
deadline, moved off weekends and holidays by Điều 148 of the Civil Code;
event-driven items are listed with the rule their calculator counts by;
one-off items are listed without a date.

Work year *Y* is the 12 months ending in calendar year *Y*
(``handbook.plan.workyear``). ``Q``/``H``/``M`` dues are calendar quarters,
halves and months of calendar year *Y*; a recurring item without a ``due``
falls in the matching parts of the work year; ``WY+Nm`` counts from its
first day.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass, field, replace

from handbook.plan import dates
from handbook.plan.errors import DeadlineError
from handbook.plan.profile import Profile, applies
from handbook.plan.rules import RULES, compute, next_working_day, rule_for_item
from handbook.plan.workdays import WorkCalendar
from handbook.plan.workyear import work_year

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass
class Task:
    item: dict
    occurrence: str          # stable key of this occurrence ("2026-q1", "wy2026", "wy2026-h2")
    label_vi: str
    label_en: str
    rule: str                # the due form that dated it, or the item's frequency
    start: dt.date
    nominal: dt.date
    deadline: dt.date
    unconfirmed_years: tuple = ()

    @property
    def item_id(self) -> str:
        return self.item["id"]

    @property
    def moved(self) -> bool:
        return self.deadline != self.nominal

    def label(self, lang: str) -> str:
        return self.label_vi if lang == "vi" else self.label_en

    def move_words(self, cal: WorkCalendar, lang: str) -> str:
        """Why the deadline is not the period's last day (empty when it is)."""
        if not self.moved:
            return ""
        why = cal.why_off(self.nominal, lang)
        if lang == "vi":
            return (f"Ngày cuối {dates.format_vi(self.nominal)} là ngày nghỉ ({why}); theo Điều 148 Bộ luật Dân sự "
                    f"2015, thời hạn kết thúc vào cuối ngày làm việc tiếp theo: {dates.format_vi(self.deadline)}.")
        return (f"The last day, {dates.format_en(self.nominal)}, is a day off ({why}); under Article 148 of the "
                f"Civil Code 2015 the period ends at the end of the next working day: "
                f"{dates.format_en(self.deadline)}.")


@dataclass
class Undated:
    item: dict
    kind: str                # "event" (a calculator's rule), "once", "term", "no-data"
    rule: str | None         # the calculator's rule for event-driven items
    reason_vi: str
    reason_en: str

    @property
    def item_id(self) -> str:
        return self.item["id"]

    def reason(self, lang: str) -> str:
        return self.reason_vi if lang == "vi" else self.reason_en


@dataclass
class Skipped:
    item: dict
    reason_vi: str
    reason_en: str


@dataclass
class Plan:
    year: int
    work_year_start: str
    work_year: tuple
    work_year_confirmed: bool
    tasks: list = field(default_factory=list)
    undated: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    notes: list = field(default_factory=list)   # [{"vi", "en"}]
    profile: Profile | None = None

    @property
    def unconfirmed_years(self) -> tuple:
        return tuple(sorted({y for t in self.tasks for y in t.unconfirmed_years}))


def build_plan(year: int, items: list, cal: WorkCalendar, *, work_year_start: str = "01-01",
               work_year_confirmed: bool = False) -> Plan:
    """Every item of ``items`` dated for work year ``year`` (no profile)."""
    begin, end = work_year(year, work_year_start)
    plan = Plan(year, work_year_start, (begin, end), work_year_confirmed)
    if not work_year_confirmed:
        plan.notes.append({
            "vi": f"Năm công tác của ngành Kiểm sát chưa được xác nhận; kế hoạch dùng năm công tác {year} từ "
                  f"{dates.format_vi(begin)} đến {dates.format_vi(end)} (cài đặt). Các hạn tính theo năm công tác "
                  "(hội nghị cán bộ, công chức, viên chức, người lao động, Điều 51) thay đổi theo ngày này.",
            "en": f"The procuracy's work year is not confirmed; the plan takes work year {year} to run from "
                  f"{dates.format_en(begin)} to {dates.format_en(end)} (a setting). Deadlines counted on the work "
                  "year (the staff conference, Article 51) follow this date."})
    for item in items:
        _date_item(plan, item, cal, begin, end)
    plan.tasks.sort(key=lambda t: (t.deadline, t.start, t.item.get("order", 0), t.item_id, t.occurrence))
    last = max([end.year] + [t.deadline.year for t in plan.tasks])
    for y in range(begin.year, last + 1):
        if cal.covers(dt.date(y, 1, 1)):
            info = cal.years[y]
            if info.status != "confirmed":
                plan.notes.append({"vi": f"Năm {y}: {info.note_vi}", "en": f"{y}: {info.note_en}"})
            plan.notes.extend({"vi": f"Năm {y}: {n['vi']}", "en": f"{y}: {n['en']}"} for n in info.notes)
    return plan


def for_profile(plan: Plan, profile: Profile) -> Plan:
    """The plan of one unit: what applies to it, and what was left out and why."""
    from handbook.checklists.model import applies_words
    chosen = replace(plan, tasks=[t for t in plan.tasks if applies(t.item.get("applies_if"), profile)],
                     undated=[u for u in plan.undated if applies(u.item.get("applies_if"), profile)],
                     skipped=[], profile=profile)
    seen = set()
    for entry in plan.tasks + plan.undated:
        item = entry.item
        if item["id"] in seen or applies(item.get("applies_if"), profile):
            continue
        seen.add(item["id"])
        conditions = item.get("applies_if")
        chosen.skipped.append(Skipped(item, "Chỉ áp dụng khi: " + applies_words(conditions, "vi") + ".",
                                      "Applies only when: " + applies_words(conditions, "en") + "."))
    return chosen


def _windows(begin: dt.date, months: int) -> list[tuple[int, dt.date, dt.date]]:
    """The work year cut into parts of ``months`` months: (index, first, last)."""
    out = []
    for k in range(12 // months):
        first = dates.add_months(begin, k * months)
        last = dates.add_months(begin, (k + 1) * months) - dt.timedelta(days=1)
        out.append((k + 1, first, last))
    return out


def _date_item(plan: Plan, item: dict, cal: WorkCalendar, begin: dt.date, end: dt.date) -> None:
    frequency, due = item.get("frequency"), item.get("due")
    rule = rule_for_item(frequency, due, item.get("calculator") or None, tuple(item.get("articles") or ()))

    def undated(kind, rule, vi, en):
        plan.undated.append(Undated(item, kind, rule, vi, en))

    def dated(occurrence, label_vi, label_en, rule, start, nominal, deadline=None, unconfirmed=None):
        if deadline is None:
            try:
                deadline, seen = next_working_day(nominal, cal)
            except DeadlineError as exc:
                undated("no-data", None, exc.message_vi, exc.message_en)
                return
            unconfirmed = cal.unconfirmed(seen)
        plan.tasks.append(Task(item, occurrence, label_vi, label_en, rule, start, nominal, deadline,
                               unconfirmed or ()))

    counted = bool(rule and rule.startswith("+"))
    if counted:
        # Counted from a date only the unit knows: the calculator gives it.
        info = RULES.get(rule)
        cites = info is not None and info.article in (item.get("articles") or ())
        if frequency == "half-yearly":
            # also dated by the work year's halves, below
            undated("event", rule,
                    "Ngoài các mốc theo năm công tác, có thể tính hạn từ ngày hội nghị hoặc lần sơ kết gần nhất "
                    "bằng công cụ tính hạn.",
                    "Besides the work-year dates, the deadline can be counted from the conference or the last "
                    "review with the calculator.")
        else:
            undated("event", rule,
                    "Hạn tính từ ngày xảy ra sự việc: nhập ngày đó vào công cụ tính hạn của mục này"
                    + (f" ({info.basis_vi})." if cites else "."),
                    "The deadline counts from the event: enter its date in this item's calculator"
                    + (f" ({info.basis_en})." if cites else "."))
            return
    if due and due.startswith("WY+"):
        try:
            result = compute(due, begin, cal)
        except DeadlineError as exc:
            undated("no-data", None, exc.message_vi, exc.message_en)
            return
        n = due[3:-1]
        dated(f"wy{plan.year}", f"{n} tháng đầu năm công tác {plan.year}",
              f"First {n} months of work year {plan.year}", due, result.start, result.nominal,
              result.deadline, result.unconfirmed_years)
        return
    if due and due[0] in "QHM":  # a calendar window of the plan's year
        y = plan.year
        if due[0] == "Q":
            q = int(due[1])
            first, last_month = dt.date(y, 3 * q - 2, 1), 3 * q
            label = (f"Quý {ROMAN[q]}/{y}", f"Q{q} {y}")
        elif due[0] == "H":
            h = int(due[1])
            first, last_month = dt.date(y, 1 if h == 1 else 7, 1), 6 if h == 1 else 12
            label = (f"6 tháng {'đầu' if h == 1 else 'cuối'} năm {y}",
                     f"{'First' if h == 1 else 'Second'} half of {y}")
        else:
            m = int(due[1:])
            first, last_month = dt.date(y, m, 1), m
            label = (f"Tháng {m:02d}/{y}", f"{dates.MONTHS_EN[m - 1]} {y}")
        last = dt.date(y, last_month, _calendar.monthrange(y, last_month)[1])
        dated(f"{y}-{due.lower()}", *label, due, first, last)
        return
    if frequency in ("event", None):
        undated("event", None, "Thực hiện khi phát sinh sự việc; mục không có thời hạn cố định.",
                "Done when the event occurs; the item has no fixed deadline.")
        return
    if frequency == "once":
        undated("once", None, "Việc làm một lần (khi thành lập, ban hành hoặc sửa đổi): không lặp lại theo năm.",
                "A one-off task (when set up, issued or amended): not repeated each year.")
        return
    if frequency == "every-2-years":
        undated("term", rule, "Mỗi nhiệm kỳ 02 năm của Ban Thanh tra nhân dân (Điều 60): ngày tùy lần bầu gần nhất.",
                "Once in each two-year term of the People's Inspection Board (Article 60): the date follows "
                "the last election.")
        return
    months = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}[frequency]
    for k, first, last in _windows(begin, months):
        if months == 12:
            label = (f"Năm công tác {plan.year}", f"Work year {plan.year}")
            key = f"wy{plan.year}"
        elif months == 6:
            label = (f"6 tháng {'đầu' if k == 1 else 'cuối'} năm công tác {plan.year}",
                     f"{'First' if k == 1 else 'Second'} half of work year {plan.year}")
            key = f"wy{plan.year}-h{k}"
        elif months == 3:
            label = (f"Quý {ROMAN[k]} năm công tác {plan.year}", f"Quarter {k} of work year {plan.year}")
            key = f"wy{plan.year}-q{k}"
        else:
            label = (f"Tháng {first.month:02d}/{first.year}", f"{dates.MONTHS_EN[first.month - 1]} {first.year}")
            key = f"wy{plan.year}-m{k:02d}"
        dated(key, *label, frequency, first, last)
