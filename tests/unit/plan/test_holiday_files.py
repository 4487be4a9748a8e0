"""The holiday files (data/holidays/<year>.yml): the shipped years, the
statutory layer they complete, and what an editor's mistake in a file looks
like — a ContentError at its line, with what is wrong and the fix in both
languages, every problem of every file at once."""
from __future__ import annotations

import datetime as dt

import pytest

from handbook.errors import ContentErrors
from handbook.plan import statutory, workdays, yearfile
from plan_fixtures import HOLIDAYS, calendar

D = dt.date


def test_the_shipped_files_are_valid_and_say_how_sure_they_are():
    years, findings = yearfile.check_folder(HOLIDAYS)
    assert findings == []
    assert {y: f.status for y, f in years.items()} == {2025: "confirmed", 2026: "confirmed", 2027: "none"}
    for year_file in years.values():
        for ann in year_file.announcements:
            assert ann["sources"] and ann["confidence"] in ("C", "S")
            assert ann.get("number") or ann.get("number_note")


def test_announced_days_are_days_off_and_make_up_saturdays_are_working_days():
    cal = calendar()
    for day in (D(2025, 1, 27), D(2025, 5, 2), D(2026, 1, 2), D(2026, 2, 16), D(2026, 4, 27), D(2026, 8, 31),
                D(2026, 9, 1)):
        assert not cal.is_working(day), day
    for day in (D(2025, 4, 26), D(2026, 1, 10), D(2026, 8, 22)):
        assert day.isoweekday() == 6 and cal.is_working(day), day
    assert cal.why_off(D(2026, 2, 17), "vi") == "Tết Nguyên đán"
    assert cal.why_off(D(2026, 8, 31), "vi") == "Nghỉ hoán đổi dịp Quốc khánh 02/9"
    assert cal.why_off(D(2026, 2, 22), "vi") == "Chủ nhật"
    assert cal.why_off(D(2026, 8, 22), "vi") == ""


def test_files_and_the_holidays_package_agree_on_the_statutory_days():
    """Two independent encodings of 2025 and 2026: the announcements as recorded
    and the package's lunar-calendar computation. A difference is a mistake in one."""
    for year in (2025, 2026):
        year_file = yearfile.load_year_file(HOLIDAYS / f"{year}.yml")
        package = [p for p in statutory.package_days(year) if p.date.isoweekday() <= 5]
        statutory_days = {p.date for p in package if p.kind in ("holiday", "in-lieu")}
        swaps = {p.date for p in package if p.kind == "package-swap"}
        listed = {d for d, off in year_file.days_off.items() if off.kind != "swap"}
        assert listed == statutory_days, (year, sorted(listed ^ statutory_days))
        assert swaps <= {d for d, off in year_file.days_off.items() if off.kind == "swap"}


def test_a_day_the_law_does_not_give_is_a_working_day_and_the_page_says_so():
    cal = calendar()
    # holidays 0.109 lists Vietnamese Culture Day from 2026
    assert any(p.date == D(2026, 11, 24) and p.kind == "unknown" for p in statutory.package_days(2026))
    assert cal.is_working(D(2026, 11, 24))
    assert any("24/11/2026" in note["vi"] and "ngày làm việc" in note["vi"] for note in cal.years[2026].notes)
    assert any("24 November 2026" in note["en"] for note in cal.years[2026].notes)


def test_every_name_the_pinned_package_gives_is_classified():
    """An upgrade of `holidays` that renames or adds a day fails here, not silently."""
    unknown = set()
    for year in range(2000, 2041):
        for day in statutory.package_days(year):
            if day.kind == "unknown":
                unknown.add(day.name)
            else:
                assert day.kind == "package-swap" or day.occasion in statutory.OCCASIONS
    assert unknown == {"Ngày Văn hóa Việt Nam", "Ngày Văn hóa Việt Nam (nghỉ bù)"}


def test_an_unannounced_year_uses_the_statutory_days_and_says_so():
    cal = calendar()
    # Tết 2027 (mùng 1 is Saturday 06/02): the package gives 04/02–10/02.
    week = [D(2027, 2, 4) + dt.timedelta(days=i) for i in range(7)]
    assert [d for d in week if not cal.is_working(d)] == week
    assert cal.status(2027) == "none" and "Chưa tìm thấy" in cal.years[2027].note_vi


def test_a_year_without_a_file_is_missing_not_invented(tmp_path):
    cal = workdays.build(2031, 2031, tmp_path)
    assert cal.status(2031) == "missing"
    assert not cal.is_working(D(2031, 9, 2))          # the statutory National Day still counts
    assert "2031" in cal.years[2031].note_vi


def test_holiday_json_of_another_format_is_refused():
    data = calendar().to_json()
    data["format"] = 2
    with pytest.raises(ValueError):
        workdays.WorkCalendar.from_json(data)


def test_the_published_holiday_json_is_stable_and_small():
    text = calendar().dumps()
    assert text == workdays.build(2025, 2027, HOLIDAYS).dumps()
    data = __import__("json").loads(text)
    assert data["first_year"] == 2025 and data["last_year"] == 2027 and data["weekly_days_off"] == [6, 7]
    assert data["years"]["2026"]["work"] == {
        "2026-01-10": ["Ngày làm bù cho ngày 02/01/2026", "Make-up working day for 2 January 2026"],
        "2026-08-22": ["Ngày làm bù cho ngày 31/08/2026", "Make-up working day for 31 August 2026"]}
    assert data["years"]["2026"]["off"]["2026-02-17"] == ["Tết Nguyên đán", "Lunar New Year (Tết)"]
    assert "holidays 0.109" in data["source"]
    assert len(text.encode()) < 20_000


# --------------------------------------------------------------------------
# An editor's mistakes

GOOD = """\
year: 2026
status: confirmed
note_vi: "Ghi chú."
note_en: "Note."
announcements:
  - id: vpcp-1-2025
    number: "1/VPCP-KGVX"
    date: 2025-10-13
    issuer: "Văn phòng Chính phủ"
    summary_vi: "Tóm tắt."
    summary_en: "Summary."
    confidence: C
    sources: ["https://example.org/a"]
periods:
  - {occasion: quoc-khanh, from: 2026-08-29, to: 2026-09-02, announcement: vpcp-1-2025}
days_off:
  - {date: 2026-08-31, occasion: quoc-khanh, kind: swap, announcement: vpcp-1-2025}
  - {date: 2026-09-01, occasion: quoc-khanh, kind: holiday, announcement: vpcp-1-2025}
  - {date: 2026-09-02, occasion: quoc-khanh, kind: holiday, announcement: vpcp-1-2025}
make_up_days:
  - {date: 2026-08-22, replaces: 2026-08-31, announcement: vpcp-1-2025}
"""
SHOWN = "data/holidays/2026.yml"


def findings_of(text: str, expected_year: int = 2026) -> list:
    year_file, found = yearfile.check_text(text, SHOWN, expected_year)
    assert year_file is None and found
    for finding in found:   # every message names the file, says what and how, in both languages
        error = finding.error
        assert error.path == SHOWN and str(error).startswith(f"{SHOWN}:")
        assert error.message_vi and error.message_en and error.fix_vi and error.fix_en, error
        assert error.rule in ("holidays-data", "data-yaml", "data-html")
    return found


def test_the_minimal_example_is_valid():
    year_file, found = yearfile.check_text(GOOD, SHOWN, 2026)
    assert found == [] and set(year_file.days_off) == {D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 2)}


@pytest.mark.parametrize("old, new, kind, line", [
    ("{date: 2026-09-01,", "{date: 2026-09-31,", "impossible-date", 18),
    ("{date: 2026-09-01,", "{date: 2026-9-1,", "date-format", 18),
    ("{date: 2026-09-01,", "{date: 2027-09-01,", "date-year", 18),
    ("{date: 2026-09-02,", "{date: 2026-09-01,", "duplicate-date", 19),
    ("{date: 2026-09-02,", "{date: 2026-09-05,", "off-on-weekend", 19),
    ("{date: 2026-08-22,", "{date: 2026-08-24,", "make-up-not-weekend", 21),
    ("replaces: 2026-08-31", "replaces: 2026-09-01", "swap-pairing", 21),
    ("kind: swap", "kind: holiday", "swap-pairing", 21),
    ("announcement: vpcp-1-2025}\n  - {date: 2026-09-01", "announcement: vpcp-9-2025}\n  - {date: 2026-09-01",
     "unknown-announcement", 17),
    ("kind: holiday, announcement: vpcp-1-2025}\n  - {date: 2026-09-02",
     "kind: holiday, announcement: vpcp-1-2025, colour: red}\n  - {date: 2026-09-02", "unknown-field", 18),
    ("occasion: quoc-khanh, kind: holiday, announcement: vpcp-1-2025}\n  - {date: 2026-09-02",
     "occasion: christmas, kind: holiday, announcement: vpcp-1-2025}\n  - {date: 2026-09-02", "occasion", 18),
    ("kind: holiday, announcement: vpcp-1-2025}\n  - {date: 2026-09-02",
     "kind: bridge, announcement: vpcp-1-2025}\n  - {date: 2026-09-02", "kind", 18),
    ("status: confirmed", "status: sure", "status", 2),
    ("year: 2026", "year: 2025", "year-mismatch", 1),
    ('sources: ["https://example.org/a"]', 'sources: ["báo Nhân Dân"]', "source-url", 13),
    ('sources: ["https://example.org/a"]', "sources: []", "missing-source", 6),
    ("confidence: C", "confidence: high", "confidence", 12),
    ('    number: "1/VPCP-KGVX"\n', "", "announcement-number", 6),
    ("date: 2025-10-13", "date: 2020-10-13", "announcement-date", 8),
    ("to: 2026-09-02", "to: 2026-09-04", "period-gap", 15),
    ("to: 2026-09-02", "to: 2026-08-20", "period", 15),
    ('note_en: "Note."', 'note_en: "Note."\nnote_en: "Again."', "yaml", 5),
    ('summary_vi: "Tóm tắt."', 'summary_vi: "To\u0301m ta\u0306\u0301t."', "nfc", 10),
    ('summary_vi: "Tóm tắt."', 'summary_vi: "Tóm <b>tắt</b>."', "markup", 10),
    ("days_off:\n", "days_off:\n  - [broken\n", "yaml", None),
])
def test_each_mistake_is_reported_at_its_line_with_a_fix(old, new, kind, line):
    assert old in GOOD
    found = findings_of(GOOD.replace(old, new, 1))
    assert any(f.kind == kind and (line is None or f.error.line == line) for f in found), \
        [(f.kind, f.error.line) for f in found]


def test_syntax_and_markup_keep_the_rules_of_every_data_file():
    [duplicate] = findings_of(GOOD.replace('note_en: "Note."', 'note_en: "Note."\nnote_en: "Again."'))
    assert duplicate.error.rule == "data-yaml" and "note_en" in duplicate.error.message_vi
    markup = findings_of(GOOD.replace('summary_vi: "Tóm tắt."', 'summary_vi: "Tóm <b>tắt</b>."'))
    assert [f.error.rule for f in markup] == ["data-html"]
    impossible = findings_of(GOOD.replace("{date: 2026-09-01,", "{date: 2026-09-31,"))
    assert impossible[0].error.rule == "holidays-data"
    assert "tháng 09/2026 chỉ có 30 ngày" in impossible[0].error.message_vi


def test_status_must_match_the_content():
    head = 'year: 2026\nstatus: {}\nnote_vi: "x"\nnote_en: "x"\n'
    assert [f.kind for f in findings_of(head.format("confirmed"))] == ["status-without-announcement"]
    assert [f.kind for f in findings_of(head.format("none"))] == ["status-none-unexplained"]


def test_a_swap_needs_an_announcement_not_only_a_newspaper():
    text = GOOD.replace("{date: 2026-08-31, occasion: quoc-khanh, kind: swap, announcement: vpcp-1-2025}",
                        "{date: 2026-08-31, occasion: quoc-khanh, kind: swap, basis: statutory, confidence: S, "
                        "sources: [\"https://example.org/b\"]}")
    assert "swap-needs-announcement" in [f.kind for f in findings_of(text)]


def test_all_mistakes_of_a_file_are_reported_at_once():
    text = GOOD.replace("2026-09-01,", "2026-09-31,").replace("status: confirmed", "status: sure")
    assert {"impossible-date", "status"} <= {f.kind for f in findings_of(text)}


def test_the_build_reports_the_mistakes_of_every_file_and_odd_file_names(tmp_path):
    (tmp_path / "2026.yml").write_text(GOOD.replace("2026-09-01,", "2026-09-31,"), encoding="utf-8")
    (tmp_path / "2027.yml").write_text(GOOD.replace("year: 2026", "year: 2027"), encoding="utf-8")
    (tmp_path / "2028.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        workdays.build(2026, 2026, tmp_path)
    paths = {e.path for e in info.value.errors}
    assert paths == {"data/holidays/2026.yml", "data/holidays/2027.yml", "data/holidays/2028.yaml"}
    assert "data/holidays/2026.yml:18: [holidays-data]" in str(info.value)
    assert "<năm>.yml" in str(info.value)


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    raw = GOOD.encode("utf-8").replace("Tóm tắt".encode("utf-8"), b"T\xf3m")   # saved as Windows-1258 would
    (tmp_path / "2026.yml").write_bytes(raw)
    with pytest.raises(ContentErrors) as info:
        workdays.build(2026, 2026, tmp_path)
    [error] = info.value.errors
    assert (error.path, error.rule, error.line) == ("data/holidays/2026.yml", "encoding", 10)


def test_every_announcement_and_document_the_plan_names_is_a_recorded_fact():
    """The numbers the plan page shows are in data/legal-facts.yml, with the
    same date and a source (tests/unit/content/test_legal_facts.py reads it)."""
    import legal_facts
    from conftest import ROOT

    facts = legal_facts.load(ROOT / "data" / "legal-facts.yml")
    years, _findings = yearfile.check_folder(HOLIDAYS)
    for year_file in years.values():
        for ann in year_file.announcements:
            if not ann.get("number"):
                continue
            entry = facts.documents.get(legal_facts.normalise_number(ann["number"]))
            assert entry is not None, ann["number"]
            assert str(entry["signed"]) == ann["date"] and entry["source"], ann["number"]
    for number in ("91/2015/QH13", "45/2019/QH14", "188/1999/QĐ-TTg"):
        assert legal_facts.normalise_number(number) in facts.documents
    civil = facts.documents[legal_facts.normalise_number("91/2015/QH13")]
    assert {147, 148} <= set(civil["articles"]["numbers"])
