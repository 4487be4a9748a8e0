"""The calendar files (RFC 5545), read back with the icalendar package: one
all-day event per dated task on a working day, Vietnamese titles, basis and
link in the description, the same bytes for the same input."""
from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from handbook.plan import profile as profiles
from handbook.plan import workdays
from handbook.plan.calendar_file import file_name, to_ics, uid
from handbook.plan.profile import Profile
from handbook.plan.yearplan import build_plan, for_profile
from plan_fixtures import ITEMS, calendar

STAMP = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)
UNIT = Profile("8-99", board=True, internal_system=True, dispersed=False)
SITE = "https://camnang.example.vn"
ITEMS_ONLINE = [dict(item, link=SITE + item["link"]) for item in ITEMS]


def unit_plan(year=2026, profile=UNIT, items=ITEMS, cal=None):
    return for_profile(build_plan(year, items, cal or calendar()), profile)


def read(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_profile_gets_a_valid_calendar_of_all_day_events_on_working_days(lang):
    cal = calendar()
    for year in (2025, 2026, 2027):
        whole = build_plan(year, ITEMS_ONLINE, cal)
        for profile in profiles.all_profiles() if year == 2026 else profiles.all_profiles()[::7]:
            plan = for_profile(whole, profile)
            ical = read(to_ics(plan, cal, lang, stamp=STAMP))
            assert str(ical["VERSION"]) == "2.0" and "Cam nang" in str(ical["PRODID"])
            events = ical.walk("VEVENT")
            assert len(events) == len(plan.tasks) > 0
            uids = [str(e["UID"]) for e in events]
            assert len(set(uids)) == len(uids)
            for event in events:
                start, end = event.decoded("DTSTART"), event.decoded("DTEND")
                assert type(start) is dt.date and end - start == dt.timedelta(days=1)   # all-day
                assert cal.is_working(start), (profile, event["SUMMARY"])           # never a weekend or holiday
                assert event.decoded("DTSTAMP") == STAMP
                assert str(event["URL"]).startswith(SITE)
                assert event.walk("VALARM")


def test_titles_and_descriptions_are_vietnamese_with_basis_and_link():
    ical = read(to_ics(unit_plan(items=ITEMS_ONLINE), calendar(), "vi", stamp=STAMP))
    assert "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026 — Đơn vị có từ 8 đến 99 người" in str(ical["X-WR-CALNAME"])
    assert "Năm công tác của ngành Kiểm sát chưa được xác nhận" in str(ical["X-WR-CALDESC"])
    by_summary = {str(e["SUMMARY"]): e for e in ical.walk("VEVENT")}
    conference = by_summary["Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động thường kỳ."]
    text = str(conference["DESCRIPTION"])
    assert "Căn cứ: Luật 10/2022/QH15, Điều 51." in text
    assert f"Xem: {SITE}/cam-nang/x/#ck-hoi-nghi-to-chuc-hang-nam" in text
    assert "Hạn: thứ Ba, 31/03/2026." in text and "Thời gian thực hiện: 01/01/2026 – 31/03/2026." in text
    assert conference.decoded("DTSTART") == dt.date(2026, 3, 31)
    moved = [e for e in ical.walk("VEVENT") if "Điều 148" in str(e["DESCRIPTION"])]
    assert moved and all("ngày làm việc tiếp theo" in str(e["DESCRIPTION"]) for e in moved)


def test_the_english_calendar_uses_english_words():
    ical = read(to_ics(unit_plan(), calendar(), "en", stamp=STAMP))
    event = ical.walk("VEVENT")[0]
    assert "Deadline:" in str(event["DESCRIPTION"]) and "Basis:" in str(event["DESCRIPTION"])
    assert "Grassroots democracy plan 2026" in str(ical["X-WR-CALNAME"])


def test_an_unannounced_year_is_said_in_each_event():
    ical = read(to_ics(unit_plan(2027), calendar(), "vi", stamp=STAMP))
    assert all("lịch nghỉ năm 2027 chưa được công bố" in str(e["DESCRIPTION"]) for e in ical.walk("VEVENT"))


def test_same_input_same_bytes_and_only_the_stamp_changes_with_it():
    first = to_ics(unit_plan(), calendar(), "vi", stamp=STAMP)
    assert first == to_ics(unit_plan(items=list(ITEMS)), calendar(), "vi", stamp=STAMP)
    later = to_ics(unit_plan(), calendar(), "vi", stamp=STAMP + dt.timedelta(days=1))
    changed = {a.split(b":")[0] for a, b in zip(first.split(b"\r\n"), later.split(b"\r\n")) if a != b}
    assert changed == {b"DTSTAMP"}


def test_uids_depend_neither_on_the_profile_nor_on_the_date(tmp_path):
    """Importing another profile's file or a corrected year updates events
    instead of duplicating them."""
    a = read(to_ics(unit_plan(), calendar(), "vi", stamp=STAMP))
    b = read(to_ics(unit_plan(profile=Profile("100+", True, False, True)), calendar(), "vi", stamp=STAMP))
    shared = {str(e["UID"]) for e in a.walk("VEVENT")} & {str(e["UID"]) for e in b.walk("VEVENT")}
    assert uid("wy2026", "hoi-nghi-to-chuc-hang-nam", "vi") in shared
    # Without the 2026 file, 31/08/2026 is no longer a swapped day off: August's deadline moves, its UID stays.
    bare = workdays.build(2026, 2026, tmp_path)
    c = read(to_ics(unit_plan(cal=bare), bare, "vi", stamp=STAMP))
    key = uid("wy2026-m08", "so-theo-doi-thang", "vi")
    date_in = lambda ical: next(e.decoded("DTSTART") for e in ical.walk("VEVENT") if str(e["UID"]) == key)  # noqa: E731
    assert (date_in(a), date_in(c)) == (dt.date(2026, 9, 3), dt.date(2026, 8, 31))


def test_the_file_is_folded_crlf_utf8_within_75_octets():
    data = to_ics(unit_plan(items=ITEMS_ONLINE), calendar(), "vi", stamp=STAMP)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")            # folding never splits a Vietnamese letter


def test_a_naive_stamp_is_refused():
    with pytest.raises(ValueError):
        to_ics(unit_plan(), calendar(), "vi", stamp=dt.datetime(2026, 12, 6))


def test_file_names():
    assert file_name(2026, UNIT, "vi") == "ke-hoach-2026-8-99-ban-htnb-taptrung.ics"
    assert file_name(2026, Profile("100+", False, False, True), "en") == \
        "ke-hoach-2026-100plus-khongban-khonghtnb-phantan.en.ics"


def test_repeated_tasks_carry_their_period_in_the_title():
    ical = read(to_ics(unit_plan(), calendar(), "vi", stamp=STAMP))
    titles = [str(e["SUMMARY"]) for e in ical.walk("VEVENT")]
    assert "Cập nhật sổ theo dõi ý kiến của CBCCVC — Tháng 01/2026" in titles
    assert "Ban TTND xây dựng chương trình công tác hằng quý — Quý IV năm công tác 2026" in titles


def _whole_calendar(plan, cal, lang) -> bytes:
    """The file as icalendar writes a calendar holding every event (what
    to_ics made before it wrote each event once for all units' files)."""
    written = read(to_ics(plan, cal, lang, stamp=STAMP))
    whole = Calendar()
    for key, value in written.property_items(recursive=False)[1:-1]:   # between BEGIN and END
        whole.add(key, value, encode=False)
    for event in written.walk("VEVENT"):
        whole.add_component(event)
    return whole.to_ical()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_events_written_once_for_every_unit_give_the_same_files(lang):
    cal = calendar()
    whole = build_plan(2026, ITEMS_ONLINE, cal)
    shared: dict = {}
    for profile in profiles.all_profiles():
        plan = for_profile(whole, profile)
        alone = to_ics(plan, cal, lang, stamp=STAMP)
        assert to_ics(plan, cal, lang, stamp=STAMP, events=shared) == alone
        assert alone == _whole_calendar(plan, cal, lang)
    assert shared, "no event was shared between the units' files"
