"""Deadline rules, defined once (mirrored in docs/assets/javascripts/deadlines.js;
both are run against the same vectors, tests/fixtures/plan/vectors.json).

Counting time follows Bộ luật Dân sự 2015 (91/2015/QH13):

* Điều 147 — a period in days, weeks, months or years, or one that starts with
  an event, starts on the day *after* that day or event;
* Điều 148 — a period in days ends at the end of its last day; in months, on
  the corresponding day of the last month (or that month's last day when it has
  no such day); in years, on the same day and month of the last year; and when
  the last day is a weekly day off or a public holiday, the period ends at the
  end of the next working day.

Rule forms (the checklist items' ``due``):

``+Nwd``  N working days after the event (Luật 10/2022/QH15, Điều 47: publish
          within 5 working days). Only working days are counted, so the last
          day is always a working day: nothing to move.
``+Nd``   N calendar days after the event (Điều 48: posted at least 20
          consecutive days; Điều 63: the head answers the Board within 15
          days); moved to the next working day by Điều 148.
``+Nm``   N months after the event (Điều 52: review every 6 months); moved.
``+Ny``   N years after the event (Điều 60: the Board's 2-year term); moved.
``WY+Nm`` within N months of the start of the work year (Điều 51: the staff
          conference no later than 3 months into the new work year). The event
          is the end of the previous work year, the day before the date given
          (the first day of the work year); so 01/01 gives 31/03. Moved.
``Q1``–``Q4``, ``H1``/``H2``, ``M01``–``M12``: a calendar quarter, half or
          month of the given date's year; the deadline is its last day, moved.

Items write ``+Nwd``, ``+Nd``, ``WY+Nm`` and the windows in ``due``; ``+Nm``
and ``+Ny`` come from their frequency (``rule_for_item``), and the plan page
names the items whose rule their ``due`` cannot say (the posting time of
Điều 48 is a minimum, not a deadline: ``calculators:`` in its front matter).

A result that needs a day the holiday data does not cover is an error
(``out-of-range``), never a guess.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass

from handbook.plan import dates
from handbook.plan.errors import DeadlineError
from handbook.plan.workdays import WorkCalendar

RULE_RE = re.compile(
    r"^(?:\+(?P<n>[1-9][0-9]{0,2})(?P<unit>wd|d|m|y)"
    r"|WY\+(?P<wy>[1-9]|1[0-2])m"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|M(?P<m>0[1-9]|1[0-2]))$")


@dataclass(frozen=True)
class Rule:
    text: str
    unit: str          # wd | d | m | y | wy | window
    n: int = 0
    first_month: int = 0   # windows: months first..last of the year
    last_month: int = 0


def parse_rule(text) -> Rule:
    match = RULE_RE.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise DeadlineError(
            "unknown-rule",
            f"Không có quy tắc tính hạn «{text}». Dùng: +5wd (ngày làm việc), +20d (ngày), +6m (tháng), "
            "+2y (năm), WY+3m (tháng đầu năm công tác), Q1–Q4, H1/H2, M01–M12.",
            f"There is no deadline rule “{text}”. Use: +5wd (working days), +20d (days), +6m (months), "
            "+2y (years), WY+3m (months into the work year), Q1–Q4, H1/H2, M01–M12.")
    g = match.groupdict()
    if g["n"]:
        return Rule(text, g["unit"], int(g["n"]))
    if g["wy"]:
        return Rule(text, "wy", int(g["wy"]))
    if g["q"]:
        q = int(g["q"])
        return Rule(text, "window", 0, 3 * q - 2, 3 * q)
    if g["h"]:
        return Rule(text, "window", 0, 1, 6) if g["h"] == "1" else Rule(text, "window", 0, 7, 12)
    month = int(g["m"])
    return Rule(text, "window", 0, month, month)


@dataclass(frozen=True)
class Deadline:
    rule: str
    event: dt.date          # the date given (event, work-year start, or any day of the window's year)
    start: dt.date          # first day of the period
    nominal: dt.date        # last day of the period before any move
    deadline: dt.date       # when the period ends (a working day)
    moved: bool
    unconfirmed_years: tuple

    def to_dict(self) -> dict:
        return {"ok": True, "rule": self.rule, "event": self.event.isoformat(),
                "start": self.start.isoformat(), "nominal": self.nominal.isoformat(),
                "deadline": self.deadline.isoformat(), "moved": self.moved,
                "unconfirmed_years": list(self.unconfirmed_years)}


def next_working_day(day: dt.date, cal: WorkCalendar) -> tuple[dt.date, list[int]]:
    """Điều 148: the day itself if it is a working day, else the next one.
    Returns the day and the years whose data was looked at."""
    seen = [day.year]
    while not cal.is_working(day):
        day += dt.timedelta(days=1)
        seen.append(day.year)
    return day, seen


def compute(rule_text: str, event: dt.date, cal: WorkCalendar) -> Deadline:
    rule = parse_rule(rule_text)
    if rule.unit == "wd":
        day, counted, seen = event, 0, []
        while counted < rule.n:
            day += dt.timedelta(days=1)
            seen.append(day.year)
            if cal.is_working(day):
                counted += 1
        return Deadline(rule.text, event, event + dt.timedelta(days=1), day, day, False,
                        cal.unconfirmed(seen))
    if rule.unit == "window":
        year = event.year
        start = dt.date(year, rule.first_month, 1)
        nominal = dt.date(year, rule.last_month, _calendar.monthrange(year, rule.last_month)[1])
    elif rule.unit == "wy":
        # The conference follows the end of the previous work year (the day
        # before the start date given): Điều 147 counts from the day after it.
        start = event
        nominal = dates.add_months(event - dt.timedelta(days=1), rule.n)
    else:
        start = event + dt.timedelta(days=1)
        if rule.unit == "d":
            nominal = event + dt.timedelta(days=rule.n)
        elif rule.unit == "m":
            nominal = dates.add_months(event, rule.n)
        else:
            nominal = dates.add_years(event, rule.n)
    deadline, seen = next_working_day(nominal, cal)
    return Deadline(rule.text, event, start, nominal, deadline, deadline != nominal, cal.unconfirmed(seen))


def compute_text(rule_text, date_text, cal: WorkCalendar) -> dict:
    """What js/deadlines.js ``compute`` returns, for the same inputs: a dict,
    ``{"ok": False, "error": code, ...}`` on bad input instead of an exception."""
    try:
        parse_rule(rule_text)       # the rule is checked before the date, as in JS
        return compute(rule_text, dates.parse_iso(date_text), cal).to_dict()
    except DeadlineError as exc:
        return {"ok": False, "error": exc.code, "message_vi": exc.message_vi, "message_en": exc.message_en}


# --------------------------------------------------------------------------
# What each rule of the handbook means: basis, the event it counts from, what
# the deadline is called, and how a deadline on a day off moves. The plan, the
# calendar file and the calculator markup take their words from here.

MOVE_VI = ("Nếu ngày cuối cùng là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ, Tết, thời hạn kết thúc vào cuối "
           "ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 148).")
MOVE_EN = ("If the last day is a weekly day off or a public holiday, the period ends at the end of the next "
           "working day (Civil Code 2015, Article 148).")
WD_VI = ("Chỉ đếm ngày làm việc, bắt đầu từ ngày tiếp theo ngày xảy ra sự kiện (Bộ luật Dân sự 2015, Điều 147); "
         "không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết và ngày nghỉ hoán đổi; ngày làm bù được tính. "
         "Ngày cuối luôn là ngày làm việc.")
WD_EN = ("Only working days are counted, from the day after the event (Civil Code 2015, Article 147): no "
         "Saturdays, Sundays, holidays or swapped days off; make-up working days count. The last day is always "
         "a working day.")


@dataclass(frozen=True)
class RuleInfo:
    due: str
    article: int
    basis_vi: str
    basis_en: str
    what_vi: str
    what_en: str
    event_vi: str       # label of the date the user enters
    event_en: str
    result_vi: str      # what the computed date is called
    result_en: str
    counting_vi: str
    counting_en: str


RULES: dict[str, RuleInfo] = {
    "+5wd": RuleInfo(
        "+5wd", 47, "Luật 10/2022/QH15, Điều 47", "Law 10/2022/QH15, Article 47",
        "Công khai thông tin chậm nhất 05 ngày làm việc kể từ ngày có văn bản, quyết định",
        "Make the information public within 5 working days of the document or decision",
        "Ngày ban hành văn bản, quyết định", "Date of the document or decision",
        "Hạn công khai", "Publish by", WD_VI, WD_EN),
    "+20d": RuleInfo(
        "+20d", 48, "Luật 10/2022/QH15, Điều 48", "Law 10/2022/QH15, Article 48",
        "Niêm yết, đăng tải ít nhất 20 ngày liên tục",
        "Keep the information posted for at least 20 consecutive days",
        "Ngày bắt đầu niêm yết", "Date the posting began",
        "Giữ niêm yết ít nhất đến hết ngày", "Keep it posted at least until the end of",
        "Đếm 20 ngày liên tục từ ngày tiếp theo ngày niêm yết (Điều 147). " + MOVE_VI,
        "20 consecutive days are counted from the day after posting (Article 147). " + MOVE_EN),
    "+15d": RuleInfo(
        "+15d", 63, "Luật 10/2022/QH15, Điều 63", "Law 10/2022/QH15, Article 63",
        "Người đứng đầu trả lời kiến nghị của Ban Thanh tra nhân dân trong thời hạn 15 ngày",
        "The head answers the People's Inspection Board's recommendation within 15 days",
        "Ngày nhận kiến nghị", "Date the recommendation was received",
        "Hạn trả lời", "Answer by",
        "Đếm 15 ngày từ ngày tiếp theo ngày nhận kiến nghị (Điều 147). " + MOVE_VI,
        "15 days are counted from the day after receipt (Article 147). " + MOVE_EN),
    "+6m": RuleInfo(
        "+6m", 52, "Luật 10/2022/QH15, Điều 52", "Law 10/2022/QH15, Article 52",
        "Sơ kết, đánh giá việc thực hiện nghị quyết, quyết định của tập thể 6 tháng một lần",
        "Review the implementation of the staff's resolutions every six months",
        "Ngày hội nghị hoặc lần sơ kết trước", "Date of the conference or the last review",
        "Hạn sơ kết", "Review by",
        "Tính từ ngày tiếp theo ngày hội nghị hoặc lần sơ kết trước (Điều 147); thời hạn 6 tháng kết thúc vào "
        "ngày tương ứng của tháng cuối, nếu tháng đó không có ngày tương ứng thì vào ngày cuối tháng (Điều 148). "
        + MOVE_VI,
        "Counted from the day after the conference or the last review (Article 147); six months end on the "
        "corresponding day of the last month, or that month's last day if it has no such day (Article 148). "
        + MOVE_EN),
    "+2y": RuleInfo(
        "+2y", 60, "Luật 10/2022/QH15, Điều 60", "Law 10/2022/QH15, Article 60",
        "Nhiệm kỳ của Ban Thanh tra nhân dân là 02 năm",
        "The People's Inspection Board's term is two years",
        "Ngày hội nghị bầu Ban Thanh tra nhân dân", "Date the Board was elected",
        "Nhiệm kỳ kết thúc", "Term ends",
        "Tính từ ngày tiếp theo ngày bầu (Điều 147); thời hạn 2 năm kết thúc vào ngày, tháng tương ứng của năm "
        "cuối (Điều 148); bầu ngày 29/02 thì tính đến ngày cuối tháng 02. " + MOVE_VI,
        "Counted from the day after the election (Article 147); two years end on the same day and month of the "
        "last year (Article 148); for an election on 29 February, the last day of February. " + MOVE_EN),
    "WY+3m": RuleInfo(
        "WY+3m", 51, "Luật 10/2022/QH15, Điều 51", "Law 10/2022/QH15, Article 51",
        "Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động thường kỳ chậm nhất 03 tháng sau khi kết "
        "thúc năm công tác",
        "Hold the yearly staff conference no later than 3 months after the work year ends",
        "Ngày bắt đầu năm công tác", "First day of the work year",
        "Hạn tổ chức hội nghị", "Hold the conference by",
        "Đếm 3 tháng từ ngày bắt đầu năm công tác mới, tức ngày tiếp theo ngày kết thúc năm công tác trước "
        "(Điều 147–148). " + MOVE_VI,
        "3 months are counted from the first day of the new work year, the day after the previous one ended "
        "(Articles 147–148). " + MOVE_EN),
}


# Labels for a rule used by an item whose basis is another article (the
# Board's election result recognised within 5 working days, Nghị định
# 59/2023/NĐ-CP): the date to enter and the result, named generically.
GENERIC = {
    "vi": ("Ngày xảy ra sự việc", "Hạn chót"),
    "en": ("Date of the event", "Deadline"),
}


def rule_info(due: str) -> RuleInfo | None:
    return RULES.get(due)


def counting_words(rule: str, lang: str) -> str:
    """How a rule counts, in words (the page states it beside each calculator)."""
    info = RULES.get(rule)
    if info is not None:
        return info.counting_vi if lang == "vi" else info.counting_en
    parsed = parse_rule(rule)
    if parsed.unit == "wd":
        return WD_VI if lang == "vi" else WD_EN
    if lang == "vi":
        unit = {"d": "ngày", "m": "tháng", "y": "năm", "wy": "tháng", "window": ""}[parsed.unit]
        return f"Đếm {parsed.n} {unit} từ ngày tiếp theo ngày xảy ra sự việc (Điều 147). " + MOVE_VI
    unit = {"d": "days", "m": "months", "y": "years", "wy": "months", "window": ""}[parsed.unit]
    return f"{parsed.n} {unit} are counted from the day after the event (Article 147). " + MOVE_EN


def labels(rule: str, lang: str, articles: tuple = ()) -> tuple[str, str]:
    """(date to enter, name of the result) for a calculator of ``rule`` under
    an item whose basis cites Law 10/2022/QH15 ``articles``: the rule's own
    words when the item rests on the rule's article, generic ones otherwise."""
    info = RULES.get(rule)
    if info is not None and info.article in articles:
        return (info.event_vi, info.result_vi) if lang == "vi" else (info.event_en, info.result_en)
    return GENERIC[lang]


FROM_FREQUENCY = {"half-yearly": "+6m", "every-2-years": "+2y"}


def rule_for_item(frequency: str | None, due: str | None, named: str | None = None,
                  articles: tuple = ()) -> str | None:
    """The rule that dates a checklist item.

    ``named`` (the rule the plan page's front matter gives the item) wins,
    then ``due`` (``+5wd``, ``+15d``, ``WY+3m``, ``Q1``…). Without either, a
    six-monthly item whose basis cites Điều 52 is reviewed 6 months after the
    conference or the last review (``+6m``), and an every-two-years item
    citing Điều 60 follows the Board's 2-year term (``+2y``); ``articles``
    are the Law 10/2022/QH15 articles the item's basis links to. Other
    recurring items fall in parts of the work year (the plan's windows);
    event and one-off items have no rule."""
    if named:
        parse_rule(named)
        return named
    if due:
        parse_rule(due)
        return due
    rule = FROM_FREQUENCY.get(frequency or "")
    return rule if rule and RULES[rule].article in articles else None


def needs_calculator(frequency: str | None, due: str | None, named: str | None = None,
                     articles: tuple = ()) -> bool:
    """Event-driven items — a period counted from a date only the unit knows
    (a decision, a posting, a recommendation received, the conference, the
    Board's election): the page gives each a calculator."""
    rule = rule_for_item(frequency, due, named, articles)
    return bool(rule) and rule.startswith("+")
