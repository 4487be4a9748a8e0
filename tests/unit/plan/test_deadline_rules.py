"""The deadline rules (handbook.plan.rules) on the shared vectors — the same
vectors deadlines.js meets in Chromium (tests/browser/test_deadline_rules_js.py)
— and what each rule tells the reader."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from handbook.plan import dates, rules, workdays
from handbook.plan.errors import DeadlineError
from plan_fixtures import VECTORS, calendar

D = dt.date
COMPUTE, PARSE = VECTORS["compute"], VECTORS["parse"]


def check(result: dict, expect: dict):
    if "error" in expect:
        assert result["ok"] is False and result["error"] == expect["error"], result
        assert result["message_vi"] and result["message_en"]
    else:
        assert result["ok"] is True, result
        for key, value in expect.items():
            assert result[key] == value, (key, result)


def test_the_vectors_cover_tet_the_may_break_national_day_and_year_ends():
    notes = " ".join(v["note"] for v in COMPUTE)
    for needle in ("Tết 2025", "Tết 2026", "Tết 2027", "30/04", "Quốc khánh", "New Year", "leap"):
        assert needle in notes, needle
    dates_given = {v["date"][:7] for v in COMPUTE}
    assert {"2025-12", "2026-12", "2027-12", "2024-12"} <= dates_given          # year ends
    errors = {v["expect"].get("error") for v in COMPUTE} | {v["expect"].get("error") for v in PARSE}
    assert {"impossible-date", "bad-date-format", "unknown-rule", "out-of-range"} <= errors


@pytest.mark.parametrize("vector", COMPUTE, ids=lambda v: f"{v['rule']}|{v['date']}")
def test_python_rules_meet_the_vectors(vector):
    check(rules.compute_text(vector["rule"], vector["date"], calendar()), vector["expect"])


def parse_dict(text: str) -> dict:
    try:
        return {"ok": True, "iso": dates.parse_typed(text).isoformat()}
    except DeadlineError as exc:
        return {"ok": False, "error": exc.code, "message_vi": exc.message_vi, "message_en": exc.message_en}


@pytest.mark.parametrize("vector", PARSE, ids=lambda v: repr(v["text"]))
def test_typed_dates_are_read_like_the_vectors(vector):
    check(parse_dict(vector["text"]), vector["expect"])


def test_an_impossible_date_says_what_does_not_exist():
    assert parse_dict("31/02/2026")["message_vi"] == "Ngày «31/02/2026» không tồn tại: tháng 02/2026 chỉ có 28 ngày."
    assert parse_dict("29/02/2027")["message_en"] == "The date “29/02/2027” does not exist: February 2027 has 28 days."
    assert parse_dict("13/13/2026")["error"] == "impossible-date"


def test_the_published_json_gives_the_same_answers():
    """What the browser receives is enough: Python on the JSON = Python on the sources."""
    again = workdays.WorkCalendar.from_json(json.loads(calendar().dumps()))
    for vector in COMPUTE:
        assert rules.compute_text(vector["rule"], vector["date"], again) == \
            rules.compute_text(vector["rule"], vector["date"], calendar())


@pytest.mark.parametrize("due, article", [("+5wd", 47), ("+20d", 48), ("+15d", 63), ("+6m", 52), ("+2y", 60),
                                          ("WY+3m", 51)])
def test_each_handbook_rule_states_its_basis_and_how_a_day_off_moves_it(due, article):
    info = rules.RULES[due]
    rules.parse_rule(due)
    assert info.article == article and f"Điều {article}" in info.basis_vi and f"Article {article}" in info.basis_en
    assert "Điều 147" in info.counting_vi
    assert "Điều 148" in info.counting_vi or due == "+5wd"     # working days never end on a day off
    assert "Article 148" in info.counting_en or due == "+5wd"


@pytest.mark.parametrize("text, unit", [("+5wd", "wd"), ("+999d", "d"), ("+6m", "m"), ("+2y", "y"),
                                        ("WY+12m", "wy"), ("Q3", "window"), ("H2", "window"), ("M11", "window")])
def test_rule_forms(text, unit):
    assert rules.parse_rule(text).unit == unit


@pytest.mark.parametrize("text", ["+5wd\n", " +5wd", "+05wd", "WY+13m", "M13", "M1", "H3", "+5w", None, 5])
def test_not_a_rule(text):
    with pytest.raises(DeadlineError) as info:
        rules.parse_rule(text)
    assert info.value.code == "unknown-rule"


def test_months_and_years_follow_article_148():
    assert dates.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert dates.add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert dates.add_months(D(2026, 10, 31), 6) == D(2027, 4, 30)
    assert dates.add_years(D(2028, 2, 29), 1) == D(2029, 2, 28)
    assert dates.add_years(D(2028, 2, 29), 4) == D(2032, 2, 29)


def test_dates_are_shown_as_readers_expect():
    day = D(2026, 2, 5)
    assert dates.format_vi(day) == "05/02/2026" and dates.format_en(day) == "5 February 2026"
    assert dates.weekday_name(day, "vi") == "thứ Năm" and dates.weekday_name(D(2026, 2, 8), "vi") == "Chủ nhật"


def test_a_working_day_rule_never_moves_and_a_day_rule_never_ends_on_a_day_off():
    cal = calendar()
    day = D(2025, 1, 1)
    while day <= D(2027, 11, 30):
        for rule in ("+5wd", "+20d", "+15d"):
            result = rules.compute(rule, day, cal)
            assert cal.is_working(result.deadline)
            assert result.deadline >= result.nominal
            assert not (rule == "+5wd" and result.moved)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("frequency, due, named, articles, rule, calculator", [
    ("event", "+5wd", None, (47,), "+5wd", True),
    ("event", "+15d", None, (63,), "+15d", True),
    ("event", None, "+20d", (48,), "+20d", True),          # named by the plan page: a minimum posting time
    ("event", None, None, (48,), None, False),
    ("yearly", "WY+3m", None, (51,), "WY+3m", False),        # dated by the work year, not by an event
    ("yearly", "Q1", None, (46,), "Q1", False),
    ("yearly", "+5wd", None, (46, 47), "+5wd", True),        # publish the yearly plan once adopted
    ("half-yearly", None, None, (52,), "+6m", True),
    ("half-yearly", None, None, (54,), None, False),         # another article: only the work year's halves
    ("every-2-years", None, None, (60, 49), "+2y", True),
    ("every-2-years", None, None, (63,), None, False),
    ("quarterly", None, None, (62,), None, False), ("once", None, None, (59,), None, False),
])
def test_a_rule_maps_from_an_items_due_frequency_and_basis(frequency, due, named, articles, rule, calculator):
    assert rules.rule_for_item(frequency, due, named, articles) == rule
    assert rules.needs_calculator(frequency, due, named, articles) is calculator


def test_a_rule_used_under_another_article_gets_generic_labels():
    assert rules.labels("+5wd", "vi", (47,)) == ("Ngày ban hành văn bản, quyết định", "Hạn công khai")
    # the union recognises the Board's election within 5 working days (Nghị định 59/2023/NĐ-CP, Điều 21)
    assert rules.labels("+5wd", "vi", (63,)) == ("Ngày xảy ra sự việc", "Hạn chót")
    assert rules.labels("+15d", "en", (63,)) == ("Date the recommendation was received", "Answer by")
    assert "Điều 147" in rules.counting_words("+3d", "vi") and "Article 148" in rules.counting_words("+3d", "en")
