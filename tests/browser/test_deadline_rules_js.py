"""deadlines.js, the browser's copy of the deadline rules, meets the same
vectors as Python (tests/unit/plan/test_deadline_rules.py) in Chromium — every
field of every answer, messages included — and agrees with Python on every
start day of 2025–2027 for the handbook's rules."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from handbook.plan import dates, rules
from handbook.plan.errors import DeadlineError
from plan_fixtures import VECTORS, calendar

SCRIPT = (ROOT / "docs" / "assets" / "javascripts" / "deadlines.js").read_text(encoding="utf-8")


@pytest.fixture
def blank(browser):
    """about:blank with deadlines.js added as a script."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("about:blank")
    page.add_script_tag(content=SCRIPT)
    yield page
    page.close()
    assert errors == [], errors


def parse_dict(text: str) -> dict:
    try:
        return {"ok": True, "iso": dates.parse_typed(text).isoformat()}
    except DeadlineError as exc:
        return {"ok": False, "error": exc.code, "message_vi": exc.message_vi, "message_en": exc.message_en}


def test_javascript_meets_the_vectors_word_for_word(blank):
    data = calendar().to_json()
    got = blank.evaluate("([vectors, data]) => vectors.map(v => HandbookDeadlines.compute(v.rule, v.date, data))",
                         [VECTORS["compute"], data])
    for vector, result in zip(VECTORS["compute"], got):
        expect = vector["expect"]
        if "error" in expect:
            assert result["ok"] is False and result["error"] == expect["error"], (vector, result)
        else:
            assert all(result[key] == value for key, value in expect.items()), (vector, result)
        assert result == rules.compute_text(vector["rule"], vector["date"], calendar()), vector


def test_javascript_reads_typed_dates_like_python(blank):
    texts = [v["text"] for v in VECTORS["parse"]]
    got = blank.evaluate("texts => texts.map(t => HandbookDeadlines.parseDate(t))", texts)
    for vector, result in zip(VECTORS["parse"], got):
        assert result == parse_dict(vector["text"]), vector
        assert result.get("error") == vector["expect"].get("error")


def test_javascript_and_python_agree_on_every_start_day_of_the_data(blank):
    data = calendar().to_json()
    days = [(dt.date(2025, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(365 * 3)]
    for rule in ("+5wd", "+20d", "+15d", "+6m", "+2y", "WY+3m"):
        js = blank.evaluate("([rule, days, data]) => days.map(d => HandbookDeadlines.compute(rule, d, data))",
                            [rule, days, data])
        assert js == [rules.compute_text(rule, d, calendar()) for d in days], rule


def test_javascript_names_days_as_python_does(blank):
    data = calendar().to_json()
    for iso in ("2026-02-17", "2026-02-22", "2026-08-22", "2026-08-31", "2026-04-27", "2026-03-04", "2025-05-02"):
        day = dates.parse_iso(iso)
        for lang in ("vi", "en"):
            assert blank.evaluate("([d, data, l]) => HandbookDeadlines.whyOff(d, data, l)", [iso, data, lang]) == \
                calendar().why_off(day, lang)
            assert blank.evaluate("([d, l]) => HandbookDeadlines.formatDate(d, l)", [iso, lang]) == \
                dates.format_date(day, lang)
            assert blank.evaluate("([d, l]) => HandbookDeadlines.weekdayName(d, l)", [iso, lang]) == \
                dates.weekday_name(day, lang)


def test_the_error_codes_are_the_same_in_both():
    from handbook.plan.errors import ERROR_CODES
    for code in ERROR_CODES[:-1]:        # bad-work-year-start is a setting: never in the browser
        assert f'"{code}"' in SCRIPT, code
