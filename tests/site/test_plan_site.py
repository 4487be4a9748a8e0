"""The dated plan in the built site: the page in both languages, the holiday
data and every calendar file next to it — each file read back with the
icalendar package, no deadline on a weekend or a public holiday, the same
tasks as the page shows for that unit — served by nginx as text/calendar;
settings and a broken holiday file in builds of project copies."""
from __future__ import annotations

import datetime as dt
import html
import json
import re

from icalendar import Calendar

from conftest import run_build, soup
from handbook.plan import profile as profiles
from handbook.plan.calendar_file import file_name
from handbook.plan.workdays import WorkCalendar
from served import assert_security_headers, fetch

PAGES = {"vi": "bang-kiem/ke-hoach-nam", "en": "en/bang-kiem/ke-hoach-nam"}


def plan_years(folder) -> list[int]:
    page = (folder / "index.html").read_text(encoding="utf-8")
    return [int(y) for y in re.findall(r'data-hb-plan-table="(\d{4})"', page)]


def test_the_page_plans_the_build_year_and_the_next_in_both_languages(site):
    for lang, path in PAGES.items():
        years = plan_years(site / path)
        assert len(years) == 2 and years[1] == years[0] + 1 and years[0] >= 2026, (lang, years)
    vi = soup(site / PAGES["vi"] / "index.html")
    assert vi.find("h1").get_text(strip=True).rstrip("¶") == "Kế hoạch năm theo ngày"
    assert "Năm công tác của ngành Kiểm sát chưa được xác nhận" in vi.get_text()
    scripts = [s.get("src") for s in vi.find_all("script") if s.get("src")]
    assert scripts[-2:] == ["../../assets/javascripts/deadlines.js", "../../assets/javascripts/plan.js"]
    en = soup(site / PAGES["en"] / "index.html")
    assert "The procuracy's work year is not confirmed" in en.get_text()
    assert [s.get("src") for s in en.find_all("script") if s.get("src")][-1] == "../../../assets/javascripts/plan.js"


def test_the_holiday_data_covers_the_plan_and_a_year_either_side(site):
    for path in PAGES.values():
        data = json.loads((site / path / "ngay-nghi.json").read_text(encoding="utf-8"))
        years = plan_years(site / path)
        assert (data["first_year"], data["last_year"]) == (years[0] - 1, years[-1] + 1)
        WorkCalendar.from_json(data)


def test_every_calendar_file_is_valid_and_never_due_on_a_day_off(site):
    for lang, path in PAGES.items():
        folder = site / path
        cal = WorkCalendar.from_json(json.loads((folder / "ngay-nghi.json").read_text(encoding="utf-8")))
        page = (folder / "index.html").read_text(encoding="utf-8")
        files = sorted(p.name for p in folder.glob("*.ics"))
        expected = sorted(file_name(y, p, lang) for y in plan_years(folder) for p in profiles.all_profiles())
        assert files == expected
        for year in plan_years(folder):
            table = page[page.index(f'data-hb-plan-table="{year}"'):]
            table = table[:table.index("</table>")]
            rows = re.findall(r'<tr data-hb-task="([^"]+)"(?: data-hb-applies="([^"]*)")?', table)
            for unit in profiles.all_profiles():
                ical = Calendar.from_ical((folder / file_name(year, unit, lang)).read_bytes())
                events = ical.walk("VEVENT")
                for event in events:
                    day = event.decoded("DTSTART")
                    assert type(day) is dt.date and cal.is_working(day), (path, unit, str(event["SUMMARY"]))
                    assert event.decoded("DTEND") == day + dt.timedelta(days=1)
                applying = [item for item, conditions in rows
                            if profiles.applies(json.loads(html.unescape(conditions)) if conditions else {}, unit)]
                assert len(events) == len(applying), (path, year, unit)     # the page's rows for this unit
                assert sorted({str(e["UID"]).split(".")[1] for e in events}) == sorted(set(applying))


def test_calendar_files_and_holiday_data_are_served_as_what_they_are(site, nginx_url):
    year = plan_years(site / PAGES["vi"])[0]
    name = file_name(year, profiles.Profile("8-99", True, True, False), "vi")
    resp = fetch(nginx_url, f"/bang-kiem/ke-hoach-nam/{name}")
    assert resp.status == 200 and resp.header("Content-Type") == "text/calendar; charset=utf-8"
    assert_security_headers(resp, name)
    assert Calendar.from_ical(resp.body).walk("VEVENT")
    data = fetch(nginx_url, "/en/bang-kiem/ke-hoach-nam/ngay-nghi.json")
    assert data.status == 200 and data.header("Content-Type").startswith("application/json")


def test_settings_move_the_work_year_and_choose_the_years(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('work_year_start: "01-01"', 'work_year_start: "12-01"').replace("plan_years: []",
                                                                                       "plan_years: [2026]")
    config.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    result = run_build(project_copy, out, env={"HANDBOOK_LANGUAGE": "vi"})
    assert result.returncode == 0, result.stdout + result.stderr
    folder = out / PAGES["vi"]
    assert plan_years(folder) == [2026]
    page = soup(folder / "index.html")
    assert "năm công tác 2026 từ 01/12/2025 đến 30/11/2026" in page.get_text()
    conference = page.find("tr", attrs={"data-hb-task": "hoi-nghi-to-chuc-hang-nam"})
    assert conference.find("time")["datetime"] == "2026-03-02"          # 28/02/2026 is a Saturday
    assert len(list(folder.glob("*.ics"))) == 20


def test_a_broken_holiday_file_stops_the_build_at_its_line(project_copy, tmp_path):
    holiday_file = project_copy / "data" / "holidays" / "2026.yml"
    text = holiday_file.read_text(encoding="utf-8").replace("  - date: 2026-04-30\n", "  - date: 2026-04-31\n")
    holiday_file.write_text(text, encoding="utf-8")
    line = text[:text.index("2026-04-31")].count("\n") + 1
    # the linter off: the build's own check must find it
    result = run_build(project_copy, tmp_path / "site", env={"HANDBOOK_LINT": "0", "HANDBOOK_LANGUAGE": "vi"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"data/holidays/2026.yml:{line}: [holidays-data]" in output
    assert "tháng 04/2026 chỉ có 30 ngày" in output and "Cách sửa:" in output and "Traceback" not in output
    assert not (tmp_path / "site").exists()
