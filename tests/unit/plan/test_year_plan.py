"""The dated plan of a year (handbook.plan.yearplan): every recurring item
on its real dates, deadlines moved off weekends and holidays, event-driven
items left to their calculators, and the plan of one unit profile."""
from __future__ import annotations

import datetime as dt

import pytest

from handbook.plan import profile as profiles
from handbook.plan import workyear
from handbook.plan.errors import DeadlineError
from handbook.plan.profile import Profile
from handbook.plan.yearplan import build_plan, for_profile
from plan_fixtures import ITEMS, calendar

D = dt.date
UNIT = Profile("8-99", board=True, internal_system=True, dispersed=False)


def by_id(plan, item_id):
    return [t for t in plan.tasks if t.item_id == item_id]


def test_a_year_of_a_unit_with_a_board():
    cal = calendar()
    plan = for_profile(build_plan(2026, ITEMS, cal), UNIT)
    conference, = by_id(plan, "hoi-nghi-to-chuc-hang-nam")
    assert (conference.start, conference.deadline, conference.moved) == (D(2026, 1, 1), D(2026, 3, 31), False)
    assert conference.item["basis"] == "Luật 10/2022/QH15, Điều 51"
    assert [t.deadline for t in by_id(plan, "ban-ttnd-chuong-trinh-cong-tac")] == \
        [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)]
    assert [t.deadline for t in by_id(plan, "ban-quyet-dinh-so-ket-6-thang")] == [D(2026, 6, 30), D(2026, 12, 31)]
    months = by_id(plan, "so-theo-doi-thang")
    assert len(months) == 12
    may, august = months[4], months[7]
    assert (may.nominal, may.deadline, may.moved) == (D(2026, 5, 31), D(2026, 6, 1), True)      # a Sunday
    assert (august.nominal, august.deadline) == (D(2026, 8, 31), D(2026, 9, 3))                 # swap, 01–02/09
    assert "Điều 148" in august.move_words(cal, "vi") and "Article 148" in august.move_words(cal, "en")
    assert "Nghỉ hoán đổi dịp Quốc khánh 02/9" in august.move_words(cal, "vi")
    undated = {u.item_id: u for u in plan.undated}
    assert undated["cong-khai-trong-5-ngay-lam-viec"].rule == "+5wd"
    assert "Điều 47" in undated["cong-khai-trong-5-ngay-lam-viec"].reason_vi
    assert undated["ban-ttnd-tra-loi-kien-nghi"].rule == "+15d"
    assert undated["cong-khai-dang-tai-20-ngay"].rule == "+20d"        # named by the plan page
    assert undated["cong-khai-cung-cap-thong-tin"].rule is None        # Điều 48 too, but no period
    assert undated["ban-quyet-dinh-so-ket-6-thang"].rule == "+6m"      # also dated by the work year's halves
    assert undated["ban-ttnd-bau-theo-nhiem-ky"].rule == "+2y"
    assert (undated["ban-ttnd-bau-truong-ban"].kind, undated["ban-ttnd-bau-truong-ban"].rule) == ("term", None)
    assert (undated["quy-che-dan-chu"].kind, undated["quy-che-dan-chu"].rule) == ("once", None)
    skipped, = plan.skipped
    assert skipped.item["id"] == "hoi-nghi-dai-bieu-phan-tan"
    assert "phân tán" in skipped.reason_vi and "dispersed" in skipped.reason_en
    assert plan.tasks == sorted(plan.tasks, key=lambda t: (t.deadline, t.start, t.item.get("order", 0),
                                                           t.item_id, t.occurrence))
    assert any("Năm công tác của ngành Kiểm sát chưa được xác nhận" in n["vi"] for n in plan.notes)
    assert plan.unconfirmed_years == ()


def test_a_small_unit_without_a_board_leaves_out_what_does_not_apply():
    plan = for_profile(build_plan(2026, ITEMS, calendar()), Profile("1-7", False, False, False))
    reasons = {s.item["id"]: s.reason_vi for s in plan.skipped}
    assert set(reasons) == {"hoi-nghi-to-chuc-hang-nam", "hoi-nghi-dai-bieu-phan-tan", "ban-ttnd-chuong-trinh-cong-tac",
                            "ban-ttnd-bau-theo-nhiem-ky", "ban-ttnd-bau-truong-ban", "ban-ttnd-tra-loi-kien-nghi",
                            "cong-khai-dang-tai-20-ngay"}
    # the checklists' own words for the conditions (handbook.checklists.model.applies_words)
    assert reasons["hoi-nghi-to-chuc-hang-nam"].startswith("Chỉ áp dụng khi: Đơn vị có từ 8")
    assert "hệ thống thông tin nội bộ" in reasons["cong-khai-dang-tai-20-ngay"]
    assert not any(t.item_id.startswith("ban-ttnd") for t in plan.tasks)


@pytest.mark.parametrize("year", [2025, 2026, 2027])
@pytest.mark.parametrize("start", ["01-01", "12-01", "07-01"])
def test_no_deadline_of_any_profile_falls_on_a_day_off(year, start):
    cal = calendar()
    plan = build_plan(year, ITEMS, cal, work_year_start=start)
    for profile in profiles.all_profiles():
        for task in for_profile(plan, profile).tasks:
            assert cal.is_working(task.deadline), (profile, task)
            assert task.deadline >= task.nominal >= task.start


def test_the_work_year_start_moves_the_conference_and_the_windows():
    plan = build_plan(2026, ITEMS, calendar(), work_year_start="12-01")
    assert plan.work_year == (D(2025, 12, 1), D(2026, 11, 30))
    conference, = by_id(plan, "hoi-nghi-to-chuc-hang-nam")
    assert (conference.nominal, conference.deadline, conference.moved) == (D(2026, 2, 28), D(2026, 3, 2), True)
    yearly, = by_id(plan, "phoi-hop-cong-doan")
    assert (yearly.start, yearly.nominal) == (D(2025, 12, 1), D(2026, 11, 30))
    assert [t.nominal for t in by_id(plan, "ban-ttnd-chuong-trinh-cong-tac")] == \
        [D(2026, 2, 28), D(2026, 5, 31), D(2026, 8, 31), D(2026, 11, 30)]
    q1, = by_id(plan, "cong-khai-ke-hoach-quy-1")          # a Q1 due stays the calendar quarter
    assert (q1.start, q1.nominal) == (D(2026, 1, 1), D(2026, 3, 31))
    assert any("01/12/2025" in n["vi"] for n in plan.notes)


def test_a_confirmed_work_year_is_not_flagged():
    plan = build_plan(2026, ITEMS, calendar(), work_year_confirmed=True)
    assert not any("Năm công tác của ngành" in n["vi"] for n in plan.notes)


@pytest.mark.parametrize("text", ["02-30", "2-1", "13-01", "02-29", "", None, "1-1-1"])
def test_an_impossible_work_year_start_is_an_error(text):
    with pytest.raises(DeadlineError) as info:
        workyear.work_year(2026, text)
    assert info.value.code == "bad-work-year-start"


def test_years_planned_and_years_of_data_follow_the_build_day():
    assert workyear.default_years(D(2026, 12, 6)) == (2026, 2027)
    assert workyear.data_years((2026, 2027)) == (2025, 2028)
    assert workyear.data_years((2026, 2027), "12-01") == (2024, 2028)


def test_an_unannounced_year_is_dated_and_flagged():
    plan = build_plan(2027, ITEMS, calendar())
    assert plan.unconfirmed_years == (2027,)
    assert all(t.unconfirmed_years == (2027,) for t in plan.tasks)
    assert any("2027" in n["vi"] and "Chưa tìm thấy" in n["vi"] for n in plan.notes)


def test_a_year_without_holiday_data_is_not_dated():
    """2028 is outside the data: no date is guessed, each item says why."""
    plan = build_plan(2028, ITEMS, calendar())
    assert plan.tasks == []
    periodic = [u for u in plan.undated if u.kind == "no-data"]
    assert {u.item_id for u in periodic} >= {"hoi-nghi-to-chuc-hang-nam", "cong-khai-ke-hoach-quy-1",
                                              "phoi-hop-cong-doan", "so-theo-doi-thang"}
    assert all("2028" in u.reason_vi and "2028" in u.reason_en for u in periodic)


def test_a_window_ending_on_a_weekend_ends_on_the_next_working_day():
    # With a work year from 02-01, work year 2026 is 01/02/2025–31/01/2026; 31/01/2026 is a Saturday.
    plan = build_plan(2026, ITEMS, calendar(), work_year_start="02-01")
    yearly, = by_id(plan, "phoi-hop-cong-doan")
    assert (yearly.nominal, yearly.deadline) == (D(2026, 1, 31), D(2026, 2, 2))


def test_profiles_are_consistent_and_named_uniquely():
    every = profiles.all_profiles()
    assert len(every) == 20 and len({p.slug() for p in every}) == 20
    assert all(p.slug().isascii() for p in every)
    assert not any(p.staff == "1-7" and p.board for p in every)
    assert UNIT.slug() == "8-99-ban-htnb-taptrung"
    assert UNIT.words("vi").startswith("Đơn vị có từ 8 đến 99 người; đơn vị có Ban Thanh tra nhân dân")
    assert profiles.applies({"staff": ("8-99",), "dispersed": True}, Profile("8-99", True, True, True))
    assert not profiles.applies({"board": False}, UNIT)
