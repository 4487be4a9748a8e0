"""The plan page's HTML: how the dates are counted, the reader's choice of
year and unit, one table of dated tasks per year, and the event-driven
items with their deadline calculators.

Everything here is data for the page (the build puts it in place after
Markdown, ``generated.Request.place``) and stays within the content HTML
allowlist (handbook.content.htmlpolicy): no form, button or text input —
docs/assets/javascripts/plan.js adds the calculators' inputs and the choice
of year and unit, so without scripts the page still shows every task with
its date and conditions, and the rule of every calculator. Every text is
escaped here (``_e``) or comes escaped from the checklists' renderer
(``Inline``).
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Callable

from handbook.checklists.model import STAFF_BANDS, applies_words, roles_text
from handbook.plan import dates, rules
from handbook.plan.calendar_file import file_name
from handbook.plan.profile import BANDS, FLAGS, Profile, all_profiles
from handbook.plan.workdays import WorkCalendar
from handbook.plan.yearplan import Plan

# The profile the page shows before the reader chooses (and without
# scripts): the most common unit of the sector.
DEFAULT_PROFILE = Profile("8-99", board=True, internal_system=True, dispersed=False)
HOLIDAY_JSON = "ngay-nghi.json"

WORDS = {
    "vi": {
        "how": "Cách tính ngày",
        "choose": "Chọn năm và loại đơn vị",
        "year": "Năm {year}",
        "events": "Việc có hạn tính từ sự việc",
        "event_plain": "Việc làm khi phát sinh",
        "once": "Việc làm một lần",
        "term": "Việc theo nhiệm kỳ Ban Thanh tra nhân dân",
        "work_year": "Năm công tác",
        "work_year_unconfirmed": (
            "Năm công tác của ngành Kiểm sát chưa được xác nhận. Kế hoạch tính năm công tác bắt đầu từ ngày "
            "{start} (cài đặt {setting} trong mkdocs.yml): năm công tác {year} từ {begin} đến {end}. Nếu năm "
            "công tác của đơn vị bắt đầu ngày khác, thì hạn tổ chức hội nghị cán bộ, công chức, viên chức, "
            "người lao động (chậm nhất 03 tháng sau khi kết thúc năm công tác) và các mốc hằng tháng, quý, "
            "6 tháng, năm đổi theo ngày đó; ngày nghỉ và cách tính hạn giữ nguyên. Số liệu thống kê 12 tháng "
            "của Ngành tính từ đầu tháng 12 đến hết tháng 11, nhưng chưa có văn bản nào xác định đó là năm công "
            "tác nói tại Điều 51."),
        "work_year_confirmed": ("Năm công tác bắt đầu từ ngày {start} (cài đặt {setting} trong mkdocs.yml): năm "
                                "công tác {year} từ {begin} đến {end}."),
        "days_off": "Ngày nghỉ",
        "days_off_text": (
            "Ngày làm việc là các ngày từ thứ Hai đến thứ Sáu (Quyết định 188/1999/QĐ-TTg), trừ ngày nghỉ lễ, "
            "Tết theo Bộ luật Lao động (45/2019/QH14, Điều 112; Tết Nguyên đán tính theo âm lịch), ngày nghỉ bù "
            "và ngày nghỉ hoán đổi theo thông báo của Chính phủ; thứ Bảy làm bù được tính là ngày làm việc."),
        "status": {"confirmed": "đã có lịch nghỉ chính thức", "partial": "mới có một phần lịch nghỉ",
                   "none": "chưa có lịch nghỉ chính thức", "missing": "chưa có lịch nghỉ chính thức"},
        "year_status": "Năm {year}: {status}.",
        "announcement": "Văn bản {number} ngày {date} của {issuer}",
        "number_missing": "(chưa rõ số)",
        "source": "nguồn",
        "rule": "Cách tính hạn",
        "rule_text": (
            "Theo Bộ luật Dân sự 2015 (91/2015/QH13), Điều 147, thời hạn bắt đầu từ ngày tiếp theo ngày xảy "
            "ra sự việc; theo Điều 148, thời hạn tính bằng ngày kết thúc vào cuối ngày cuối cùng, và nếu ngày "
            "cuối cùng là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ, Tết thì thời hạn kết thúc vào cuối ngày làm "
            "việc tiếp theo. Hạn tính bằng ngày làm việc chỉ đếm ngày làm việc. Các mốc hằng tháng, quý, "
            "6 tháng, năm của kế hoạch cũng được dời như vậy."),
        "unconfirmed_years": ("Lịch nghỉ năm {years} chưa được công bố chính thức: các hạn rơi vào năm đó tính "
                              "theo ngày nghỉ của Bộ luật Lao động và có thể đổi khi Chính phủ thông báo."),
        "legend_staff": "Số cán bộ, công chức, viên chức, người lao động",
        "legend_unit": "Đơn vị",
        "legend_year": "Năm",
        "showing": "Đang xem kế hoạch cho:",
        "all_units": "Mọi đơn vị",
        "download": "Tải lịch năm {year} (.ics)",
        "download_for": "Tệp lịch dành cho:",
        "download_hint": ("Tệp lịch (iCalendar) mở được bằng Outlook, Thunderbird, lịch trên điện thoại: mỗi "
                          "việc là một sự kiện cả ngày vào ngày hạn, kèm căn cứ và liên kết."),
        "other_files": "Tệp lịch của từng loại đơn vị",
        "head_deadline": "Hạn",
        "head_task": "Việc cần làm",
        "head_period": "Thời gian thực hiện",
        "head_basis": "Căn cứ",
        "head_roles": "Thực hiện",
        "head_applies": "Áp dụng cho",
        "see": "Xem giải thích",
        "moved": "Dời từ {nominal} ({why}) sang ngày làm việc tiếp theo, Điều 148.",
        "month": "Tháng {month:02d}/{year}",
        "count": "{n} việc",
        "calc_rule": "Cách tính",
        "calc_tool": "Công cụ tính hạn",
        "calc_hint": "Nhập ngày dạng dd/mm/yyyy, ví dụ 05/02/2026.",
        "calc_button": "Tính hạn",
        "no_items": "Không có việc nào.",
    },
    "en": {
        "how": "How the dates are counted",
        "choose": "Choose the year and the kind of unit",
        "year": "Plan for {year}",
        "events": "Tasks with a deadline counted from an event",
        "event_plain": "Tasks done when the event occurs",
        "once": "One-off tasks",
        "term": "Tasks of each People's Inspection Board term",
        "work_year": "Work year",
        "work_year_unconfirmed": (
            "The procuracy's work year is not confirmed. The plan takes the work year to start on {start} (the "
            "setting {setting} in mkdocs.yml): work year {year} runs from {begin} to {end}. If the unit's work "
            "year starts on another day, the deadline of the staff conference (no later than 3 months after the "
            "work year ends) and the monthly, quarterly, six-monthly and yearly dates move with it; days off and "
            "the counting stay the same. The sector's 12-month statistics run from the start of December to the "
            "end of November, but no text makes that the work year of Article 51."),
        "work_year_confirmed": ("The work year starts on {start} (the setting {setting} in mkdocs.yml): work year "
                                "{year} runs from {begin} to {end}."),
        "days_off": "Days off",
        "days_off_text": (
            "Working days are Monday to Friday (Decision 188/1999/QĐ-TTg), except the public holidays of the "
            "Labour Code (45/2019/QH14, Article 112; Tết follows the lunar calendar), days off in lieu and the "
            "swapped days off the Government announces; a make-up Saturday is a working day."),
        "status": {"confirmed": "official schedule announced", "partial": "schedule partly announced",
                   "none": "no official schedule yet", "missing": "no official schedule yet"},
        "year_status": "{year}: {status}.",
        "announcement": "{number} of {date}, {issuer}",
        "number_missing": "number not known",
        "source": "source",
        "rule": "How deadlines are counted",
        "rule_text": (
            "Under the Civil Code 2015 (91/2015/QH13), Article 147, a period starts on the day after the event; "
            "under Article 148, a period in days ends at the end of its last day, and when the last day is a "
            "weekly day off or a public holiday, the period ends at the end of the next working day. A deadline "
            "in working days counts working days only. The plan's monthly, quarterly, six-monthly and yearly "
            "dates move the same way."),
        "unconfirmed_years": ("The {years} holiday schedule is not officially announced: deadlines in that year "
                              "count the Labour Code's holidays and may change when the Government announces it."),
        "legend_staff": "Staff (public employees and contract workers)",
        "legend_unit": "The unit",
        "legend_year": "Year",
        "showing": "Showing the plan for:",
        "all_units": "Every unit",
        "download": "Download the {year} calendar (.ics)",
        "download_for": "A calendar file for:",
        "download_hint": ("A calendar file (iCalendar) for Outlook, Thunderbird or a phone: each task is an "
                          "all-day event on its deadline, with its basis and a link."),
        "other_files": "Calendar files for each kind of unit",
        "head_deadline": "Deadline",
        "head_task": "Task",
        "head_period": "Period",
        "head_basis": "Basis",
        "head_roles": "Who",
        "head_applies": "Applies to",
        "see": "See the explanation",
        "moved": "Moved from {nominal} ({why}) to the next working day, Article 148.",
        "month": "{month_name} {year}",
        "count": "{n} tasks",
        "calc_rule": "Counting",
        "calc_tool": "Deadline calculator",
        "calc_hint": "Type the date as dd/mm/yyyy, for example 05/02/2026.",
        "calc_button": "Compute the deadline",
        "no_items": "No tasks.",
    },
}


def _e(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class PageItem:
    """A checklist item as the page shows it (HTML already escaped)."""
    data: dict                 # the plan's item dict (id, frequency, due, applies_if, ...)
    requirement_html: str
    basis_html: str
    href: str                  # address of the item's explanation, from this page
    roles: tuple


def applies_attribute(applies_if: dict) -> str:
    """The item's conditions for plan.js (``data-hb-applies``), or nothing."""
    if not applies_if:
        return ""
    value = {key: (list(v) if key == "staff" else bool(v)) for key, v in applies_if.items()}
    return f' data-hb-applies="{_e(json.dumps(value, sort_keys=True, separators=(",", ":")))}"'


def applies_text(applies_if: dict, lang: str) -> str:
    return applies_words(applies_if, lang) if applies_if else WORDS[lang]["all_units"]


def _date_html(day, lang: str, weekday: bool = True) -> str:
    shown = dates.format_vi(day) if lang == "vi" else dates.format_en(day)
    out = f'<time datetime="{day.isoformat()}">{_e(shown)}</time>'
    if weekday:
        out += f' <small class="hb-plan__weekday">{_e(dates.weekday_name(day, lang))}</small>'
    return out


# ---- how the dates are counted ----------------------------------------------

def explanation(lang: str, cal: WorkCalendar, plan_years, start: str, confirmed: bool) -> str:
    """The work year (a setting, not confirmed), the days off of each year
    (with the announcements recorded), and the counting rule."""
    from handbook.plan.workyear import work_year
    w = WORDS[lang]
    first = plan_years[0]
    begin, end = work_year(first, start)
    month, day = (int(part) for part in start.split("-"))
    start_words = (f"{day:02d}/{month:02d}" if lang == "vi" else f"{day} {dates.MONTHS_EN[month - 1]}")
    template = w["work_year_confirmed"] if confirmed else w["work_year_unconfirmed"]
    work_text = _e(template.format(start=start_words, setting="\x00", year=first,
                                   begin=dates.format_date(begin, lang), end=dates.format_date(end, lang)))
    work_text = work_text.replace("\x00", "<code>extra.handbook.work_year_start</code>")
    kind = "note" if confirmed else "warning"
    out = [f'<div class="admonition {kind} hb-plan__work-year" data-hb-plan-work-year="{_e(start)}" '
           f'data-hb-plan-confirmed="{"true" if confirmed else "false"}">',
           f'<p class="admonition-title">{_e(w["work_year"])}</p>', f"<p>{work_text}</p>", "</div>"]
    out.append(f'<p><strong>{_e(w["days_off"])}.</strong> {_e(w["days_off_text"])}</p>')
    out.append('<ul class="hb-plan__years">')
    for year in range(cal.first_year, cal.last_year + 1):
        info = cal.years[year]
        line = _e(w["year_status"].format(year=year, status=w["status"].get(info.status, info.status)))
        parts = []
        for ann in info.announcements:
            number = ann.get("number") or w["number_missing"]
            issued = dates.parse_iso(ann["date"]) if ann.get("date") else None
            text = w["announcement"].format(number=number, issuer=ann.get("issuer", ""),
                                            date=dates.format_date(issued, lang) if issued else "?")
            source = (ann.get("sources") or [""])[0]
            link = (f' (<a href="{_e(source)}" rel="noopener">{_e(w["source"])}</a>)'
                    if source.startswith(("https://", "http://")) else "")
            parts.append(_e(text) + link)
        note = info.note_vi if lang == "vi" else info.note_en
        extra = [_e(n[lang]) for n in info.notes]
        body = line + (" " + "; ".join(parts) + "." if parts else "")
        if info.status != "confirmed" and note:
            body += " " + _e(note)
        if extra:
            body += " " + " ".join(extra)
        out.append(f"<li>{body}</li>")
    out.append("</ul>")
    out.append(f'<p><strong>{_e(w["rule"])}.</strong> {_e(w["rule_text"])}</p>')
    return "\n".join(out)


# ---- the reader's choice ----------------------------------------------------

def choice(lang: str, plan_years) -> str:
    """Year and unit profile, for plan.js (hidden until the script runs: the
    choice does nothing without it). Keys and values as the checklists'
    ``applies_if``."""
    w = WORDS[lang]
    names = {profile.slug(): profile.words(lang) for profile in all_profiles()}
    out = [f'<div class="hb-plan__choice" data-hb-plan-choice data-lang="{lang}" '
           f'data-hb-profiles="{_e(json.dumps(names, ensure_ascii=False, sort_keys=True))}" hidden>',
           f'<fieldset class="hb-plan__fieldset"><legend>{_e(w["legend_year"])}</legend>']
    for n, year in enumerate(plan_years):
        checked = " checked" if n == 0 else ""
        out.append(f'<label><input type="radio" name="hb-plan-year" value="{year}"{checked}> {year}</label>')
    out.append("</fieldset>")
    out.append(f'<fieldset class="hb-plan__fieldset"><legend>{_e(w["legend_staff"])}</legend>')
    for band in BANDS:
        checked = " checked" if band == DEFAULT_PROFILE.staff else ""
        out.append(f'<label><input type="radio" name="hb-plan-staff" value="{_e(band)}"{checked}> '
                   f'{_e(STAFF_BANDS[band][lang])}</label>')
    out.append("</fieldset>")
    out.append(f'<fieldset class="hb-plan__fieldset"><legend>{_e(w["legend_unit"])}</legend>')
    from handbook.checklists.model import APPLIES_IF_FLAGS
    for flag in FLAGS:
        checked = " checked" if getattr(DEFAULT_PROFILE, flag) else ""
        words = APPLIES_IF_FLAGS[flag][True][lang]
        words = words[:1].upper() + words[1:]
        out.append(f'<label><input type="checkbox" name="hb-plan-{flag.replace("_", "-")}" '
                   f'data-hb-flag="{flag}"{checked}> {_e(words)}</label>')
    out.append("</fieldset>")
    out.append(f'<p class="hb-plan__showing" role="status" aria-live="polite">{_e(w["showing"])} '
               f'<strong data-hb-plan-profile>{_e(DEFAULT_PROFILE.words(lang))}</strong></p>')
    out.append("</div>")
    return "\n".join(out)


# ---- one year -------------------------------------------------------------------

def downloads(lang: str, year: int) -> str:
    """The chosen unit's calendar file (plan.js changes the address) and
    every unit's, for readers without scripts."""
    w = WORDS[lang]
    default = file_name(year, DEFAULT_PROFILE, lang)
    out = ['<div class="hb-plan__download">',
           f'<p><a class="md-button md-button--primary" href="{_e(default)}" download '
           f'data-hb-plan-ics="{year}" data-hb-plan-ics-lang="{lang}">{_e(w["download"].format(year=year))}</a></p>',
           f'<p class="hb-plan__download-for">{_e(w["download_for"])} '
           f'<span data-hb-plan-profile>{_e(DEFAULT_PROFILE.words(lang))}</span></p>',
           f'<p class="hb-plan__hint">{_e(w["download_hint"])}</p>',
           f'<details class="hb-plan__files"><summary>{_e(w["other_files"])}</summary><ul>']
    for profile in all_profiles():
        out.append(f'<li><a href="{_e(file_name(year, profile, lang))}" download>{_e(profile.words(lang))}</a></li>')
    out.append("</ul></details></div>")
    return "\n".join(out)


# The conditions column says nothing once the reader chose a unit: the
# printout of a chosen plan leaves it out (plan.css).
_COLUMN_CLASS = {"head_applies": ' class="hb-plan__applies"', "head_basis": ' class="hb-plan__basis"'}


def year_table(plan: Plan, items: dict, cal: WorkCalendar, lang: str) -> str:
    """Every dated task of the year, by month of its deadline."""
    w = WORDS[lang]
    heads = ("head_deadline", "head_task", "head_period", "head_basis", "head_roles", "head_applies")
    out = []
    if plan.unconfirmed_years:
        years = ", ".join(str(y) for y in plan.unconfirmed_years)
        out.append(f'<div class="admonition warning"><p class="admonition-title">{_e(w["days_off"])}</p>'
                   f'<p>{_e(w["unconfirmed_years"].format(years=years))}</p></div>')
    if not plan.tasks:
        out.append(f"<p>{_e(w['no_items'])}</p>")
        return "\n".join(out)
    out.append(f'<table class="hb-plan__table" data-hb-plan-table="{plan.year}">')
    out.append("<thead><tr>" + "".join(f'<th scope="col"{_COLUMN_CLASS.get(h, "")}>{_e(w[h])}</th>' for h in heads)
               + "</tr></thead>")
    month = None
    for task in plan.tasks:
        key = (task.deadline.year, task.deadline.month)
        if key != month:
            if month is not None:
                out.append("</tbody>")
            month = key
            title = w["month"].format(month=key[1], year=key[0], month_name=dates.MONTHS_EN[key[1] - 1])
            out.append(f'<tbody class="hb-plan__month"><tr class="hb-plan__month-row">'
                       f'<th colspan="{len(heads)}" scope="rowgroup">{_e(title)}</th></tr>')
        item = items[task.item_id]
        applies = task.item.get("applies_if") or {}
        deadline = _date_html(task.deadline, lang)
        if task.moved:
            why = cal.why_off(task.nominal, lang)
            deadline += (f'<br><small class="hb-plan__moved">'
                         f'{_e(w["moved"].format(nominal=dates.format_date(task.nominal, lang), why=why))}</small>')
        period = (f'{_e(task.label(lang))}<br><small>{_date_html(task.start, lang, False)} – '
                  f'{_date_html(task.nominal, lang, False)}</small>')
        task_html = (f'{item.requirement_html} <a class="hb-plan__see" href="{_e(item.href)}">'
                     f'{_e(w["see"])}</a>')
        cells = ((heads[0], deadline), (heads[1], task_html), (heads[2], period), (heads[3], item.basis_html),
                 (heads[4], _e(roles_text(item.roles, lang))), (heads[5], _e(applies_text(applies, lang))))
        row = "".join(f'<td data-label="{_e(w[h])}"{_COLUMN_CLASS.get(h, "")}>{cell}</td>' for h, cell in cells)
        out.append(f'<tr data-hb-task="{_e(task.item_id)}"{applies_attribute(applies)}>{row}</tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


# ---- undated items ----------------------------------------------------------------

def calculator(rule: str, lang: str, widget_id: str, articles: tuple = ()) -> str:
    """The rule stated in words, and where plan.js puts the calculator
    (its labels as data: the script builds the form, the page holds no
    control without it)."""
    rules.parse_rule(rule)                 # an unknown rule fails the build, not the reader
    w = WORDS[lang]
    event, result = rules.labels(rule, lang, articles)
    return (f'<div class="hb-deadline" id="{_e(widget_id)}" data-hb-deadline data-rule="{_e(rule)}" '
            f'data-lang="{_e(lang)}" data-holidays="{HOLIDAY_JSON}" data-event-label="{_e(event)}" '
            f'data-result-label="{_e(result)}" data-hint="{_e(w["calc_hint"])}" '
            f'data-button="{_e(w["calc_button"])}" data-legend="{_e(w["calc_tool"])}">'
            f'<p class="hb-deadline__rule"><strong>{_e(w["calc_rule"])}:</strong> '
            f'{_e(rules.counting_words(rule, lang))}</p></div>')


def item_block(item: PageItem, lang: str, body: str = "", reason: str = "") -> str:
    w = WORDS[lang]
    applies = item.data.get("applies_if") or {}
    meta = [f'{_e(w["head_basis"])}: {item.basis_html}', f'{_e(w["head_roles"])}: {_e(roles_text(item.roles, lang))}',
            f'{_e(w["head_applies"])}: {_e(applies_text(applies, lang))}']
    out = [f'<div class="hb-plan-item" data-hb-task="{_e(item.data["id"])}"{applies_attribute(applies)}>',
           f'<p class="hb-plan-item__title">{item.requirement_html} '
           f'<a class="hb-plan__see" href="{_e(item.href)}">{_e(w["see"])}</a></p>',
           f'<p class="hb-plan-item__meta">{"<br>".join(meta)}</p>']
    if reason:
        out.append(f'<p class="hb-plan-item__reason">{_e(reason)}</p>')
    if body:
        out.append(body)
    out.append("</div>")
    return "\n".join(out)


def undated_section(plan: Plan, items: dict, lang: str, kind: str, with_calculator: bool) -> str:
    """The undated items of one kind ("event" with or without a rule,
    "once", "term"), each once, in reading order."""
    blocks, seen = [], set()
    for entry in plan.undated:
        if entry.kind != kind or entry.item_id in seen or bool(entry.rule) != with_calculator:
            continue
        seen.add(entry.item_id)
        item = items[entry.item_id]
        body = ""
        if with_calculator:
            body = calculator(entry.rule, lang, f"tinh-han-{entry.item_id}", tuple(item.data.get("articles") or ()))
        blocks.append(item_block(item, lang, body, "" if with_calculator else entry.reason(lang)))
    empty = _e(WORDS[lang]["no_items"])
    if not blocks:
        return f"<p>{empty}</p>"
    return ('<div class="hb-plan__list" data-hb-plan-list>' + "\n".join(blocks)
            + f'<p class="hb-plan__empty" hidden>{empty}</p></div>')


# ---- the whole generated part --------------------------------------------------------

def markdown(lang: str, plans: list[Plan], items: dict, cal: WorkCalendar, start: str, confirmed: bool,
             place: Callable[[str], str]) -> str:
    """The Markdown the page gets after the editor's text: headings (so they
    are in the table of contents) and finished HTML blocks (``place``)."""
    w = WORDS[lang]
    years = [plan.year for plan in plans]
    parts = [f"## {w['how']}", place(explanation(lang, cal, years, start, confirmed)),
             f"## {w['choose']} {{ .hb-plan__screen-only }}", place(choice(lang, years))]
    for plan in plans:
        title = w["year"].format(year=plan.year)
        anchor = f"nam-{plan.year}"
        parts += [f'## {title} {{#{anchor} data-hb-plan-year="{plan.year}"}}',
                  place(f'<div class="hb-plan__year" data-hb-plan-year="{plan.year}">'
                        + downloads(lang, plan.year) + year_table(plan, items, cal, lang) + "</div>")]
    first = plans[0]
    parts += [f"## {w['events']}", place(undated_section(first, items, lang, "event", True)),
              f"## {w['event_plain']}", place(undated_section(first, items, lang, "event", False)),
              f"## {w['term']}", place(undated_section(first, items, lang, "term", False)),
              f"## {w['once']}", place(undated_section(first, items, lang, "once", False))]
    return "\n\n".join(parts) + "\n"
