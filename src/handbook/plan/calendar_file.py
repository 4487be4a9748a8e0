"""The plan of one unit as an iCalendar file (RFC 5545), to import into
Outlook, Thunderbird or a phone, written with the ``icalendar`` package.

One all-day event per dated task, on its deadline — never a weekend or a
holiday: the plan already moved it by Điều 148 of the Civil Code. Same input,
same bytes: events are sorted, ``DTSTAMP`` is the ``stamp`` the build passes
(the edition date), not the clock, and the ``UID`` is made of the task's
occurrence, the item and the language — neither the profile nor the date, so
importing another profile's file or a year corrected after a new holiday
announcement updates the events instead of adding copies.
"""
from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event, vText

from handbook.plan import dates
from handbook.plan.profile import Profile
from handbook.plan.workdays import WorkCalendar
from handbook.plan.yearplan import Plan

PRODID = "-//Vien kiem sat nhan dan//Cam nang dan chu o co so//VI"
UID_DOMAIN = "cam-nang-dan-chu.vksnd"
WORDS = {
    "vi": {"calname": "Kế hoạch thực hiện dân chủ ở cơ sở năm {year}", "window": "Thời gian thực hiện",
           "deadline": "Hạn", "basis": "Căn cứ", "see": "Xem", "category": "Dân chủ ở cơ sở",
           "unconfirmed": "Lưu ý: lịch nghỉ năm {years} chưa được công bố chính thức; ngày nghỉ tính theo Bộ luật "
                          "Lao động.",
           "reminder": "Sắp đến hạn: {title}"},
    "en": {"calname": "Grassroots democracy plan {year}", "window": "Period",
           "deadline": "Deadline", "basis": "Basis", "see": "See", "category": "Grassroots democracy",
           "unconfirmed": "Note: the {years} holiday schedule is not officially announced; days off follow the "
                          "Labour Code.",
           "reminder": "Due soon: {title}"},
}


def uid(occurrence: str, item_id: str, lang: str) -> str:
    return f"{occurrence}.{item_id}.{lang}@{UID_DOMAIN}"


def file_name(year: int, profile: Profile, lang: str) -> str:
    """``ke-hoach-2026-8-99-ban-htnb-taptrung.ics`` (vi), ``….en.ics`` (en)."""
    stem = f"ke-hoach-{year}-{profile.slug()}"
    return f"{stem}.ics" if lang == "vi" else f"{stem}.en.ics"


END = b"END:VCALENDAR\r\n"


def to_ics(plan: Plan, cal: WorkCalendar, lang: str, *, stamp: dt.datetime, reminder_days: int = 3,
           events: dict | None = None) -> bytes:
    """The calendar file of ``plan`` (one unit's: see yearplan.for_profile).
    Items carry ``requirement`` (text), ``basis`` (text) and ``link`` (the
    address of the item's explanation) in ``lang``.

    ``events``: the events already written for other units' files of the same
    year, language and stamp (a unit's plan is the year's plan less the items
    that do not apply to it, so a task's event is the same in every file it is
    in). icalendar writes a calendar as its properties, then its events one
    after the other, so each event written once and joined gives the same
    bytes as writing the whole calendar: 20 files cost about one."""
    if lang not in WORDS:
        raise ValueError(f"language {lang!r}")
    if stamp.tzinfo is None:
        raise ValueError("stamp must be timezone-aware (UTC)")
    w = WORDS[lang]
    ical = Calendar()
    ical.add("prodid", PRODID)
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("method", "PUBLISH")
    name = w["calname"].format(year=plan.year)
    if plan.profile is not None:
        name += f" — {plan.profile.words(lang)}"
    ical.add("x-wr-calname", name)
    notes = "\n".join(n[lang] for n in plan.notes)
    if notes:
        ical.add("x-wr-caldesc", vText(notes))

    # An item dated several times in the year (monthly, quarterly...) gets the
    # period in its title, so the occurrences can be told apart in a list.
    occurrences: dict[str, int] = {}
    for task in plan.tasks:
        occurrences[task.item_id] = occurrences.get(task.item_id, 0) + 1

    events = {} if events is None else events
    body = []
    for task in plan.tasks:
        key = (task.occurrence, task.item_id, occurrences[task.item_id] > 1)
        if key not in events:
            events[key] = _event(task, occurrences[task.item_id], cal, lang, stamp, reminder_days)
        body.append(events[key])
    head = ical.to_ical()
    if not head.endswith(END):  # an icalendar that writes calendars otherwise: fail, never a broken file
        raise RuntimeError("icalendar no longer ends a calendar with END:VCALENDAR")
    return head[:-len(END)] + b"".join(body) + END


def _event(task, occurrences: int, cal: WorkCalendar, lang: str, stamp: dt.datetime, reminder_days: int) -> bytes:
    """One task's VEVENT, as icalendar writes it inside a calendar."""
    w = WORDS[lang]
    item = task.item
    label = task.label(lang)
    title = " ".join(str(item.get("requirement", "")).split())
    if occurrences > 1:
        title = f"{title.rstrip('.')} — {label}"
    event = Event()
    event.add("uid", uid(task.occurrence, task.item_id, lang))
    event.add("dtstamp", stamp.astimezone(dt.timezone.utc))
    event.add("dtstart", task.deadline)
    event.add("dtend", task.deadline + dt.timedelta(days=1))
    event.add("summary", title)
    lines = [f"{label}.",
             f"{w['window']}: {dates.format_date(task.start, lang)} – {dates.format_date(task.nominal, lang)}.",
             f"{w['deadline']}: {dates.weekday_name(task.deadline, lang)}, "
             f"{dates.format_date(task.deadline, lang)}."]
    if task.moved:
        lines.append(task.move_words(cal, lang))
    if item.get("basis"):
        lines.append(f"{w['basis']}: {item['basis']}.")
    link = item.get("link", "")
    if link:
        lines.append(f"{w['see']}: {link}")
    if task.unconfirmed_years:
        lines.append(w["unconfirmed"].format(years=", ".join(str(y) for y in task.unconfirmed_years)))
    event.add("description", "\n".join(lines))
    if link.startswith(("http://", "https://")):
        event.add("url", link)
    event.add("categories", [w["category"]])
    event.add("transp", "TRANSPARENT")
    if reminder_days:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", w["reminder"].format(title=title))
        alarm.add("trigger", dt.timedelta(days=-reminder_days))
        event.add_component(alarm)
    return event.to_ical()
