"""The dated plan page in Chromium, served by nginx under the production
policy: the choice of year and unit hides what does not apply and picks the
unit's calendar file, and is kept on reload; the calculators give the
deadline around Tết as Python does, and a clear reason — never a date — for
a date that does not exist; no serious accessibility problem."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from handbook.plan import dates, rules, statutory
from handbook.plan.workdays import WorkCalendar

PATHS = {"vi": "/bang-kiem/ke-hoach-nam/", "en": "/en/bang-kiem/ke-hoach-nam/"}


def open_plan(page_factory, nginx_url, lang="vi", **context):
    page, watch = page_factory(nginx_url, **context)
    page.goto(nginx_url + PATHS[lang], wait_until="networkidle")
    return page, watch


def published_calendar(page) -> WorkCalendar:
    return WorkCalendar.from_json(page.evaluate("fetch('ngay-nghi.json').then(r => r.json())"))


def compute(page, item_id: str, typed: str) -> str:
    box = page.locator(f"#tinh-han-{item_id}")
    field = box.locator("input[name=date]")
    field.fill(typed)
    field.press("Enter")
    result = box.locator(".hb-deadline__result")
    page.wait_for_function("el => el.textContent && !/Đang tải|Loading/.test(el.textContent)",
                           arg=result.element_handle())
    return result.text_content()


def visible_tasks(page, year: str) -> list[str]:
    return page.eval_on_selector_all(f'[data-hb-plan-table="{year}"] tr[data-hb-task]',
                                     "rows => rows.filter(r => !r.closest('[hidden]')).map(r => r.dataset.hbTask)")


def test_the_choice_filters_the_tasks_and_picks_the_calendar_file(nginx_url, page_factory):
    page, watch = open_plan(page_factory, nginx_url)
    choice = page.locator("[data-hb-plan-choice]")
    assert choice.is_visible()
    first, second = [r.get_attribute("value") for r in page.locator("input[name=hb-plan-year]").all()]
    assert page.locator(f'h2[data-hb-plan-year="{second}"]').is_hidden()
    link = page.locator(f'a[data-hb-plan-ics="{first}"]')
    assert link.get_attribute("href") == f"ke-hoach-{first}-8-99-ban-htnb-taptrung.ics"
    default = visible_tasks(page, first)
    assert "ban-ttnd-chuong-trinh-cong-tac" in default and "hoi-nghi-to-chuc-hang-nam" in default

    page.get_by_label("dưới 8 người").check()
    board = page.locator("input[data-hb-flag=board]")
    assert board.is_disabled() and not board.is_checked()          # no Board with 7 staff or fewer (Điều 60)
    small = visible_tasks(page, first)
    assert "ban-ttnd-chuong-trinh-cong-tac" not in small and "hoi-nghi-to-chuc-hang-nam" not in small
    assert link.get_attribute("href") == f"ke-hoach-{first}-1-7-khongban-htnb-taptrung.ics"
    assert "dưới 8 người" in page.locator(".hb-plan__showing").text_content()
    response = page.request.get(nginx_url + PATHS["vi"] + link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.body().count(b"BEGIN:VEVENT") == len(small)

    page.locator(f'input[name=hb-plan-year][value="{second}"]').check()
    assert page.locator(f'h2[data-hb-plan-year="{first}"]').is_hidden()
    assert page.locator(f'[data-hb-plan-table="{second}"]').is_visible()
    page.reload(wait_until="networkidle")                           # the choice is kept in this browser
    assert page.locator(f'input[name=hb-plan-year][value="{second}"]').is_checked()
    assert page.get_by_label("dưới 8 người").is_checked()
    watch.assert_clean()


def test_a_deadline_around_tet_is_the_one_python_gives(nginx_url, page_factory):
    page, watch = open_plan(page_factory, nginx_url)
    cal = published_calendar(page)
    year = cal.first_year + 1                                       # the build year
    eve = next(d.date for d in statutory.package_days(year) if d.occasion == "tet-nguyen-dan")
    for event_day, item_id, rule in ((eve - dt.timedelta(days=2), "cong-khai-trong-5-ngay-lam-viec", "+5wd"),
                                     (eve - dt.timedelta(days=12), "cong-khai-dang-tai-20-ngay", "+20d"),
                                     (eve - dt.timedelta(days=6), "ban-ttnd-tra-loi-kien-nghi", "+15d")):
        expected = rules.compute(rule, event_day, cal).deadline
        text = compute(page, item_id, dates.format_vi(event_day))
        assert f"{dates.weekday_name(expected, 'vi')}, {dates.format_vi(expected)}." in text, (item_id, text)
        assert cal.is_working(expected)
    text = compute(page, "cong-khai-trong-5-ngay-lam-viec", dates.format_vi(eve - dt.timedelta(days=2)))
    assert "Đã đếm 5 ngày làm việc" in text
    watch.assert_clean()


@pytest.mark.parametrize("typed, expected", [
    ("31/02/2026", "Ngày «31/02/2026» không tồn tại: tháng 02/2026 chỉ có 28 ngày."),
    ("29/02/2027", "Ngày «29/02/2027» không tồn tại: tháng 02/2027 chỉ có 28 ngày."),
    ("hôm qua", "«hôm qua» không phải là một ngày."),
    ("   ", "Hãy nhập ngày, ví dụ 05/02/2026."),
    ("05/02/2199", "Chưa có dữ liệu ngày nghỉ cho năm 2199"),
])
def test_a_date_that_cannot_be_used_gets_a_reason_never_a_date(nginx_url, page_factory, typed, expected):
    page, watch = open_plan(page_factory, nginx_url)
    build_year = published_calendar(page).first_year + 1
    item = "cong-khai-trong-5-ngay-lam-viec"
    text = compute(page, item, typed)
    assert text.startswith(expected) and "Hạn công khai:" not in text
    field = page.locator(f"#tinh-han-{item}-date")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == f"tinh-han-{item}-hint tinh-han-{item}-result"
    compute(page, item, f"05/03/{build_year}")                        # a good date clears the error
    assert field.get_attribute("aria-invalid") is None
    watch.assert_clean()


def test_the_english_page_speaks_english(nginx_url, page_factory):
    page, watch = open_plan(page_factory, nginx_url, "en")
    text = compute(page, "ban-ttnd-tra-loi-kien-nghi", "30/02/2026")
    assert text == "The date “30/02/2026” does not exist: February 2026 has 28 days."
    page.get_by_label("fewer than 8 people").check()
    assert page.locator('a[data-hb-plan-ics]').first.get_attribute("href").endswith("-1-7-khongban-htnb-taptrung.en.ics")
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_serious_accessibility_problem(nginx_url, page_factory, lang):
    from axe_playwright_python.sync_playwright import Axe

    page, watch = open_plan(page_factory, nginx_url, lang)
    compute(page, "cong-khai-trong-5-ngay-lam-viec", "31/02/2026")      # with an error shown too
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    assert [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    watch.assert_clean()


def test_without_script_every_task_shows_with_its_conditions(nginx_url, page_factory):
    page, _watch = open_plan(page_factory, nginx_url, java_script_enabled=False)
    assert page.locator("[data-hb-plan-choice]").is_hidden()
    years = page.locator("table[data-hb-plan-table]")
    assert years.count() == 2 and all(t.is_visible() for t in years.all())
    assert page.locator(".hb-deadline__rule").first.is_visible()       # the rule is stated on the page
    assert page.locator("input[name=date]").count() == 0
