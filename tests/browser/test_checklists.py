"""Checklists in a real Chromium, on the shipped site served by nginx under
its security policy: inspection sessions kept in the browser (two units
kept apart, renamed, deleted), the unit's profile marking what the law does
not require (the same rule as handbook.checklists.model.applies), import
that shows what it will change and asks, the filled results exported as
XLSX (read back with openpyxl and opened by LibreOffice), CSV and JSON with
the blank downloads' columns, keyboard and screen-reader names, and saved
state that is corrupt or from version 1. (Layout, paper, layout shift and
axe at several sizes: test_checklist_layout.py.)"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, shipped_sources

INSPECTION = "/bang-kiem/kiem-tra/"
KEY = "handbook.checklist.v2.inspection"


def open_page(page_factory, base, path=INSPECTION, **context):
    page, watch = page_factory(base, accept_downloads=True, **context)
    page.goto(base + path, wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    return page, watch


def law_ids(page) -> list[str]:
    return page.eval_on_selector_all('tr[data-ck-part="law"]', "rows => rows.map(r => r.dataset.ckRow)")


def radio(page, item, value):
    return page.locator(f'input[type=radio][data-ck-item="{item}"][value="{value}"]')


def note(page, item):
    return page.locator(f'textarea[data-ck-item="{item}"]')


def field(page, name):
    return page.locator(f"[data-ck-session-field={name}]")


def profile(page, name):
    return page.locator(f"[data-ck-profile={name}]")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def wait_saved(page, text, key=KEY):
    """Until the browser saved ``text`` (polled from here: under the site's
    policy a page-side wait_for_function would need eval)."""
    for _ in range(100):
        if text in (page.evaluate(f"localStorage.getItem('{key}')") or ""):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{text!r} never saved under {key}")


def download(page, action, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(f"[data-ck-action={action}]")
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def import_file(page, path: Path):
    page.locator("input[type=file][data-ck-action=import-file]").set_input_files(str(path))


def status(page) -> str:
    return page.locator("[data-ck-status]").inner_text()


# ---------------------------------------------------------------- sessions

def test_two_units_are_kept_apart_and_sessions_are_renamed_and_deleted(nginx_url, page_factory):
    page, watch = open_page(page_factory, nginx_url)
    first, second = law_ids(page)[:2]
    field(page, "unit").fill("VKSND khu vực 1")
    field(page, "date").fill("2026-12-01")
    field(page, "inspectors").fill("Nguyễn Văn A")
    profile(page, "staff").select_option("8-99")
    radio(page, first, "dat").check()
    note(page, first).fill("Có quyết định số 12")
    wait_saved(page, "Có quyết định số 12")

    page.get_by_role("button", name="Phiên mới").click()
    assert field(page, "unit").input_value() == "" and not radio(page, first, "dat").is_checked()
    assert profile(page, "staff").input_value() == ""
    field(page, "unit").fill("VKSND khu vực 2")
    radio(page, first, "chua-dat").check()
    radio(page, second, "dat").check()
    wait_saved(page, "VKSND khu vực 2")
    data = stored(page)
    assert [s["unit"] for s in data["sessions"]] == ["VKSND khu vực 1", "VKSND khu vực 2"]

    page.reload(wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    assert field(page, "unit").input_value() == "VKSND khu vực 2"  # the session left open
    assert radio(page, first, "chua-dat").is_checked()
    options = page.locator("[data-ck-session-select] option")
    assert options.count() == 2
    page.select_option("[data-ck-session-select]", index=0)
    assert field(page, "unit").input_value() == "VKSND khu vực 1"
    assert field(page, "date").input_value() == "2026-12-01"
    assert radio(page, first, "dat").is_checked() and not radio(page, second, "dat").is_checked()
    assert note(page, first).input_value() == "Có quyết định số 12"
    assert profile(page, "staff").input_value() == "8-99"

    field(page, "name").fill("Kiểm tra khu vực 1 năm 2026")   # rename
    field(page, "name").press("Tab")
    expect(options.nth(0)).to_contain_text("Kiểm tra khu vực 1 năm 2026")
    page.reload(wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    expect(options.nth(0)).to_contain_text("Kiểm tra khu vực 1 năm 2026")

    page.select_option("[data-ck-session-select]", index=1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Xoá phiên").click()
    assert options.count() == 1 and field(page, "unit").input_value() == "VKSND khu vực 1"
    assert [s["unit"] for s in stored(page)["sessions"]] == ["VKSND khu vực 1"]
    assert "Đã xoá phiên" in status(page)

    page.once("dialog", lambda dialog: dialog.dismiss())       # clearing asks first
    page.get_by_role("button", name="Xoá kết quả").click()
    assert radio(page, first, "dat").is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Xoá kết quả").click()
    assert not radio(page, first, "dat").is_checked()
    assert field(page, "unit").input_value() == "VKSND khu vực 1"  # the unit's details stay
    watch.assert_clean()


# ---------------------------------------------------------------- the unit's profile

def _python_not_applicable(profile_: dict) -> set[str]:
    from handbook.checklists import collect
    from handbook.checklists.model import applies, coherent_profile
    from handbook.checklists.tables import build
    nav = re.findall(r"- (?:[^:\n]+: )?([\w/-]+\.md)\n", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    checklist = build(collect(shipped_sources(), nav), "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    return {r.id for r in checklist.rows if applies(r.applies, coherent_profile(profile_)) is False}


PROFILES = [
    {"staff": "1-7"},
    {"staff": "8-99", "dispersed": False},
    {"staff": "8-99", "dispersed": True, "internal_system": True, "board": True},
    {"staff": "100+", "internal_system": False, "board": False},
]


def test_the_profile_marks_what_the_law_does_not_require_as_the_build_does(nginx_url, page_factory):
    page, watch = open_page(page_factory, nginx_url)
    for case in PROFILES:
        for name in ("staff", "dispersed", "internal_system", "board"):
            value = case.get(name)
            wanted = "" if value is None else (value if name == "staff" else ("yes" if value else "no"))
            if profile(page, name).is_enabled():
                profile(page, name).select_option(wanted)
        shown = set(page.eval_on_selector_all("tr.ck-row--na", "rows => rows.map(r => r.dataset.ckRow)"))
        assert shown == _python_not_applicable(case), case
        assert shown, case
        for item in sorted(shown)[:3]:
            row = page.locator(f'tr[data-ck-row="{item}"]')
            if row.get_attribute("data-ck-part") == "law":
                assert radio(page, item, "khong-ap-dung").is_checked()
            assert "Điều" in page.locator(f'[data-ck-note-print="{item}"]').text_content()
    # a unit of 7 or fewer has no People's Inspection Board (Điều 60): the form says so
    profile(page, "staff").select_option("1-7")
    assert profile(page, "board").is_disabled() and profile(page, "board").input_value() == "no"
    assert "ck-rule--on" in page.locator('[data-ck-rule="small"]').get_attribute("class")
    # a result chosen by the inspector stays whatever the profile says
    item = sorted(_python_not_applicable({"staff": "1-7"}))[0]
    radio(page, item, "dat").check()
    profile(page, "staff").select_option("8-99")
    profile(page, "staff").select_option("1-7")
    assert radio(page, item, "dat").is_checked()
    watch.assert_clean()


# ---------------------------------------------------------------- import

def _session_file(tmp_path, items, unit="VKSND khu vực 9", name="Kiểm tra khu vực 9", checklist="inspection"):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"format": "handbook-checklist", "version": 2, "checklist": checklist, "lang": "vi",
                                "exported": "2026-12-02T08:00:00Z",
                                "session": {"name": name, "unit": unit, "date": "2026-12-02", "inspectors": "B",
                                            "profile": {"staff": "100+"}},
                                "items": items}), encoding="utf-8")
    return path


def test_import_shows_what_it_changes_and_asks(nginx_url, page_factory, tmp_path):
    page, watch = open_page(page_factory, nginx_url)
    one, two, three = law_ids(page)[:3]
    field(page, "unit").fill("VKSND khu vực 1")
    radio(page, one, "dat").check()
    radio(page, two, "chua-dat").check()
    wait_saved(page, "chua-dat")
    incoming = _session_file(tmp_path, {one: {"result": "chua-dat", "note": "Thiếu biên bản"},
                                        two: {"result": "chua-dat"}, three: {"result": "dat"}})
    dialog = page.locator("dialog[data-ck-dialog]")

    import_file(page, incoming)
    expect(dialog).to_be_visible()
    text = dialog.inner_text()
    assert "VKSND khu vực 9" in text and "1 mục mới, 1 mục khác" in text and "1 mục giống nhau" in text
    assert "STT 1:" in text and "đang có: Đạt; trong tệp: Chưa đạt" in text
    assert "đơn vị" in text  # the unit differs too
    page.get_by_role("button", name="Huỷ").click()
    expect(dialog).to_be_hidden()
    assert radio(page, one, "dat").is_checked() and not radio(page, three, "dat").is_checked()

    import_file(page, incoming)
    page.keyboard.press("Escape")                      # the dialog's own cancel
    expect(dialog).to_be_hidden()
    assert "Đã huỷ" in status(page) and radio(page, one, "dat").is_checked()

    import_file(page, incoming)
    page.get_by_role("button", name="Gộp: chỉ điền mục còn trống").click()
    assert radio(page, one, "dat").is_checked()        # kept
    assert radio(page, three, "dat").is_checked()      # filled
    assert field(page, "unit").input_value() == "VKSND khu vực 1"
    assert "điền 1 mục còn trống, giữ nguyên 1 mục" in status(page)

    import_file(page, incoming)
    page.get_by_role("button", name="Thay thế bằng kết quả trong tệp").click()
    assert radio(page, one, "chua-dat").is_checked() and note(page, one).input_value() == "Thiếu biên bản"

    import_file(page, incoming)
    page.get_by_role("button", name="Mở thành phiên mới").click()
    assert page.locator("[data-ck-session-select] option").count() == 2
    assert field(page, "unit").input_value() == "VKSND khu vực 9"
    assert profile(page, "staff").input_value() == "100+"
    assert [s["unit"] for s in stored(page)["sessions"]] == ["VKSND khu vực 9", "VKSND khu vực 9"]
    watch.assert_clean()


def test_import_into_an_empty_session_applies_at_once_and_refuses_other_files(nginx_url, page_factory, tmp_path):
    page, watch = open_page(page_factory, nginx_url)
    one = law_ids(page)[0]
    import_file(page, _session_file(tmp_path, {one: {"result": "dat"}, "id-da-bi-xoa": {"result": "dat"}}))
    assert not page.locator("dialog[data-ck-dialog]").is_visible()
    assert radio(page, one, "dat").is_checked() and field(page, "unit").input_value() == "VKSND khu vực 9"
    assert "Đã nhập kết quả của 1 mục" in status(page)
    bad = tmp_path / "hong.json"
    bad.write_text("{ not json", encoding="utf-8")
    import_file(page, bad)
    expect(page.locator("[data-ck-status]")).to_contain_text("Không đọc được tệp")
    import_file(page, _session_file(tmp_path, {}, name="khac", checklist="self"))
    expect(page.locator("[data-ck-status]")).to_contain_text("bảng kiểm khác (self)")
    assert radio(page, one, "dat").is_checked()
    watch.assert_clean()


# ---------------------------------------------------------------- export

def test_filled_results_export_as_xlsx_csv_and_json_with_the_blank_columns(site, nginx_url, page_factory, tmp_path):
    from openpyxl import load_workbook
    page, watch = open_page(page_factory, nginx_url)
    one, two = law_ids(page)[:2]
    field(page, "unit").fill("VKSND khu vực 4")
    field(page, "date").fill("2026-12-03")
    field(page, "inspectors").fill("Trần Thị B; Lê Văn C")
    profile(page, "staff").select_option("1-7")
    radio(page, one, "dat").check()
    radio(page, two, "chua-dat").check()
    note(page, two).fill("Chưa niêm yết, đề nghị =bổ sung")
    wait_saved(page, "đề nghị")
    not_applicable = _python_not_applicable({"staff": "1-7"})

    folder = site / "bang-kiem" / "kiem-tra"
    blank = load_workbook(folder / "bang-kiem-kiem-tra-vi.xlsx").worksheets[0]
    blank_rows = list(blank.iter_rows(values_only=True))

    workbook = download(page, "export-xlsx", tmp_path)
    assert workbook.name == "bang-kiem-kiem-tra-vksnd-khu-vuc-4-2026-12-03.xlsx"
    book = load_workbook(workbook)
    assert book.sheetnames == [blank.title, "Thông tin"]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    heads = list(rows[0])
    assert heads == list(blank_rows[0])                     # the blank download's columns
    assert [r[:8] for r in rows[1:]] == [r[:8] for r in blank_rows[1:]]  # its rows, in its order
    result, notes = heads.index("Kết quả"), heads.index("Ghi chú")
    by_id = {r[1]: r for r in rows[1:]}
    assert by_id[one][result] == "Đạt" and by_id[two][result] == "Chưa đạt"
    assert by_id[two][notes] == "Chưa niêm yết, đề nghị =bổ sung"
    for item in not_applicable:
        assert by_id[item][result] in ("Không áp dụng", "Chưa thực hiện"), item
        assert "Không áp dụng với đơn vị này" in by_id[item][notes] and "Điều" in by_id[item][notes]
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A2" and sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows.replace("$", "") == "1:1"
    assert {v.formula1 for v in sheet.data_validations.dataValidation} == {
        '"Đạt,Chưa đạt,Không áp dụng"', '"Đã thực hiện,Chưa thực hiện,Không áp dụng"'}
    info = dict(book["Thông tin"].iter_rows(values_only=True))
    assert info["Đơn vị được kiểm tra"] == "VKSND khu vực 4" and info["Ngày kiểm tra"] == "03/12/2026"
    assert info["Người kiểm tra (đoàn kiểm tra)"] == "Trần Thị B; Lê Văn C"
    assert info["Số cán bộ, công chức, viên chức, người lao động"] == "Từ 7 người trở xuống"
    assert info["Có Ban Thanh tra nhân dân"] == "Không"
    assert "Đạt 1 · Chưa đạt 1" in info["Tổng hợp kết quả"]

    # LibreOffice opens it (the same workbook through a real office suite)
    converted = tmp_path / "lo"
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                          "--convert-to", "pdf", "--outdir", str(converted), str(workbook)],
                         capture_output=True, text=True, timeout=120)
    pdf = converted / workbook.with_suffix(".pdf").name
    assert pdf.exists(), run.stdout + run.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "VKSND khu vực 4" in text and "Chưa niêm yết" in text

    table = download(page, "export-csv", tmp_path)
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    blank_csv = list(csv.reader(io.StringIO((folder / "bang-kiem-kiem-tra-vi.csv").read_text(encoding="utf-8-sig"))))
    assert lines[0] == blank_csv[0] and [r[1] for r in lines[1:]] == [r[1] for r in blank_csv[1:]]
    row = next(r for r in lines if r[1] == two)
    assert row[result] == "Chưa đạt" and row[notes] == "Chưa niêm yết, đề nghị =bổ sung"

    data = json.loads(download(page, "export-json", tmp_path).read_text(encoding="utf-8"))
    assert data["format"] == "handbook-checklist" and data["version"] == 2 and data["checklist"] == "inspection"
    assert data["session"]["unit"] == "VKSND khu vực 4" and data["session"]["date"] == "2026-12-03"
    assert data["session"]["profile"] == {"staff": "1-7", "board": False}
    assert data["items"][two] == {"result": "chua-dat", "note": "Chưa niêm yết, đề nghị =bổ sung"}
    watch.assert_clean()


def test_a_csv_cell_is_never_a_formula(nginx_url, page_factory, tmp_path):
    page, watch = open_page(page_factory, nginx_url, "/bang-kiem/tu-kiem-tra/")
    item = page.locator("textarea[data-ck-field=note]").first.get_attribute("data-ck-item")
    note(page, item).fill("=HYPERLINK(\"http://x\")")
    wait_saved(page, "HYPERLINK", "handbook.checklist.v2.self")
    rows = list(csv.reader(io.StringIO(download(page, "export-csv", tmp_path).read_text(encoding="utf-8-sig"))))
    cell = next(r for r in rows if r[1] == item)[-2]
    assert cell.startswith("'=HYPERLINK")
    watch.assert_clean()


# ---------------------------------------------------------------- keyboard, screen readers

def test_enter_and_space_work_every_control_and_rows_are_named(nginx_url, page_factory):
    page, watch = open_page(page_factory, nginx_url)
    one = law_ids(page)[0]
    requirement = page.locator(f'tr[data-ck-row="{one}"] .ck-req').inner_text()
    group = page.locator(f'tr[data-ck-row="{one}"] fieldset')
    expect(group).to_have_accessible_name(re.compile(r"^Kết quả, STT 1: " + re.escape(requirement[:40])))
    expect(note(page, one)).to_have_accessible_name(re.compile(r"^Ghi chú, STT 1: " + re.escape(requirement[:40])))
    expect(radio(page, one, "dat")).to_have_accessible_name("Đạt")

    radio(page, one, "dat").focus()
    page.keyboard.press("Enter")
    assert radio(page, one, "dat").is_checked()
    page.keyboard.press("ArrowDown")                    # the group's own keys move the choice
    assert radio(page, one, "chua-dat").is_checked()
    page.get_by_role("button", name="Phiên mới").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Phiên mới").focus()
    page.keyboard.press("Space")
    assert page.locator("[data-ck-session-select] option").count() == 3
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")

    page.goto(nginx_url + "/bang-kiem/vai-tro-thu-truong/", wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    box = page.locator("input[type=checkbox][data-ck-field=done]").first
    item = box.get_attribute("data-ck-item")
    expect(box).to_have_accessible_name(re.compile(r"^Đã thực hiện \S"))
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Enter")
    assert not box.is_checked()
    page.keyboard.press("Enter")
    page.reload(wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    assert page.locator(f'input[type=checkbox][data-ck-item="{item}"]').is_checked()
    watch.assert_clean()


# ---------------------------------------------------------------- saved state

@pytest.mark.parametrize("saved", [
    "{ not json",
    "[1, 2, 3]",
    json.dumps({"version": 99, "checklist": "inspection", "sessions": []}),
    json.dumps({"version": 2, "checklist": "inspection", "current": "x", "sessions": "wrong"}),
    json.dumps({"version": 2, "checklist": "inspection", "current": "a", "sessions": [
        {"id": "a", "name": "<img src=x onerror=alert(1)>", "unit": 5, "profile": {"staff": "9000", "board": "yes"},
         "items": {"id-da-bi-xoa": {"result": "dat"}, "FIRST": {"result": 42, "note": ["x"], "done": "yes"},
                   "SECOND": {"result": "dat", "note": "ok"}}}]}),
], ids=["bad-json", "array", "future-version", "sessions-not-list", "unknown-ids-and-wrong-types"])
def test_corrupt_or_outdated_saved_state_never_breaks_the_page(nginx_url, page_factory, saved):
    page, watch = open_page(page_factory, nginx_url)
    first, second = law_ids(page)[:2]
    saved = saved.replace("FIRST", first).replace("SECOND", second)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, saved])
    page.reload(wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    assert not radio(page, first, "dat").is_checked()
    if "id-da-bi-xoa" in saved:
        assert radio(page, second, "dat").is_checked() and note(page, second).input_value() == "ok"
        session = stored(page)["sessions"][0]
        assert session["items"] == {second: {"result": "dat", "note": "ok"}}
        assert session["profile"] == {} and session["unit"] == ""
        assert page.locator("[data-ck-session-select] option").first.inner_text().startswith("<img")  # as text
    else:
        assert stored(page) is None
    radio(page, first, "chua-dat").check()              # still works
    assert stored(page)["sessions"][0]["items"][first] == {"result": "chua-dat"}
    watch.assert_clean()


def test_version_1_results_become_the_first_session(nginx_url, page_factory):
    page, watch = open_page(page_factory, nginx_url)
    first = law_ids(page)[0]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", ["handbook.checklist.v1.inspection", json.dumps(
        {"version": 1, "checklist": "inspection", "items": {first: {"result": "dat", "note": "cũ"}}})])
    page.reload(wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    assert radio(page, first, "dat").is_checked() and note(page, first).input_value() == "cũ"
    assert page.evaluate("localStorage.getItem('handbook.checklist.v1.inspection')") is None
    assert stored(page)["sessions"][0]["name"] == "Phiên 1"
    watch.assert_clean()


def test_english_page_has_english_controls(nginx_url, page_factory):
    page, watch = open_page(page_factory, nginx_url, "/en/bang-kiem/vai-tro-cong-doan/")
    assert page.locator("html").get_attribute("lang") == "en"
    for name in ("New session", "Export Excel (XLSX)", "Export CSV", "Export JSON", "Import a JSON file",
                 "Print form", "Clear results"):
        assert page.get_by_role("button", name=name).is_visible(), name
    progress = page.locator("[data-ck-progress]")
    total = page.locator("input[type=checkbox][data-ck-field=done]").count()
    expect(progress).to_have_text(f"0 of {total} tasks done.")
    page.locator("input[type=checkbox][data-ck-field=done]").first.check()
    expect(progress).to_have_text(f"1 of {total} tasks done.")
    watch.assert_clean()
