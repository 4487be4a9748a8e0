"""Checklists in a real Chromium: marks persist per checklist in localStorage,
export / reset / import round-trip, bad saved state never breaks the page,
keyboard use, print layout, and no console error."""
import json
import re

import pytest
from playwright.sync_api import expect


INSPECTION = "/bang-kiem/kiem-tra/"
KEY = "handbook.checklist.v1.inspection"
FIRST, SECOND, CONFERENCE = "fx-cong-khai-ke-hoach", "fx-cong-khai-dung-han", "fx-hoi-nghi-to-chuc"


def radio(page, item, value):
    return page.locator(f'input[type=radio][data-ck-item="{item}"][value="{value}"]')


def note(page, item):
    return page.locator(f'textarea[data-ck-item="{item}"]')


def open_page(page_factory, base, path=INSPECTION):
    page, watch = page_factory(base)
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    return page, watch


def progress(page):
    return page.locator("[data-ck-progress]").inner_text()


def marked(page, done):
    """The progress text for ``done`` marked items out of all on the page."""
    total = page.locator(".ck-checklist").get_attribute("data-ck-count")
    if page.locator("html").get_attribute("lang") == "en":
        return f"{done} of {total} items marked"
    return f"Đã đánh dấu {done}/{total} mục"


def test_results_and_notes_survive_a_reload(checklist_site_url, page_factory):
    page, watch = open_page(page_factory, checklist_site_url)
    assert progress(page) == marked(page, 0)
    expect(radio(page, FIRST, "dat")).to_have_accessible_name("Đạt")
    expect(radio(page, FIRST, "dat").locator("xpath=ancestor::fieldset")).to_have_accessible_name(re.compile(r"^Kết quả, STT \d+$"))
    radio(page, FIRST, "dat").check()
    radio(page, SECOND, "chua-dat").check()
    note(page, SECOND).fill("Thiếu ảnh chụp bảng tin")
    assert progress(page) == marked(page, 2)
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('Thiếu ảnh')")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert radio(page, FIRST, "dat").is_checked()
    assert radio(page, SECOND, "chua-dat").is_checked()
    assert note(page, SECOND).input_value() == "Thiếu ảnh chụp bảng tin"
    assert progress(page) == marked(page, 2)
    watch.assert_clean()


def test_export_reset_and_import_restore_the_marks(checklist_site_url, page_factory, tmp_path):
    page, watch = open_page(page_factory, checklist_site_url)
    radio(page, FIRST, "dat").check()
    radio(page, CONFERENCE, "khong-ap-dung").check()
    note(page, FIRST).fill("Có thông báo số 12")
    page.wait_for_function(f"(localStorage.getItem('{KEY}') || '').includes('số 12')")

    with page.expect_download() as info:
        page.get_by_role("button", name="Xuất tệp").click()
    download = info.value
    assert download.suggested_filename.startswith("bang-kiem-inspection-")
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "handbook-checklist" and data["version"] == 1
    assert data["checklist"] == "inspection" and data["lang"] == "vi" and data["exported"]
    assert data["items"] == {FIRST: {"result": "dat", "note": "Có thông báo số 12"},
                             CONFERENCE: {"result": "khong-ap-dung"}}

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Xoá kết quả").click()
    assert not radio(page, FIRST, "dat").is_checked()
    assert note(page, FIRST).input_value() == ""
    assert progress(page) == marked(page, 0)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None

    page.locator("input[type=file][data-ck-action=import]").set_input_files(str(exported))
    page.wait_for_function("document.querySelector('[data-ck-status]').textContent.includes('Đã nhập')")
    assert radio(page, FIRST, "dat").is_checked() and radio(page, CONFERENCE, "khong-ap-dung").is_checked()
    assert note(page, FIRST).input_value() == "Có thông báo số 12"
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert radio(page, CONFERENCE, "khong-ap-dung").is_checked()
    watch.assert_clean()


def test_reset_asks_first_and_keeps_marks_when_cancelled(checklist_site_url, page_factory):
    page, watch = open_page(page_factory, checklist_site_url)
    radio(page, FIRST, "dat").check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Xoá kết quả").click()
    assert radio(page, FIRST, "dat").is_checked()
    watch.assert_clean()


def test_a_file_that_is_not_a_checklist_is_refused_politely(checklist_site_url, page_factory, tmp_path):
    page, watch = open_page(page_factory, checklist_site_url)
    radio(page, FIRST, "dat").check()
    bad = tmp_path / "khac.json"
    bad.write_text("{ not json", encoding="utf-8")
    page.locator("input[type=file][data-ck-action=import]").set_input_files(str(bad))
    page.wait_for_function("document.querySelector('[data-ck-status]').textContent.includes('Không đọc được')")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "handbook-checklist", "version": 1, "checklist": "self",
                                 "lang": "vi", "exported": "2026-01-01", "items": {}}), encoding="utf-8")
    page.locator("input[type=file][data-ck-action=import]").set_input_files(str(other))
    page.wait_for_function("document.querySelector('[data-ck-status]').textContent.includes('bảng kiểm khác')")
    assert radio(page, FIRST, "dat").is_checked()
    watch.assert_clean()


@pytest.mark.parametrize("saved", [
    "{ not json",
    "[1, 2, 3]",
    '"just text"',
    json.dumps({"version": 99, "checklist": "inspection", "items": {FIRST: {"result": "dat"}}}),
    json.dumps({"version": 1, "checklist": "inspection", "items": ["wrong", "type"]}),
    json.dumps({"version": 1, "checklist": "inspection", "items": {
        "id-da-bi-xoa": {"result": "dat"},
        FIRST: {"result": 42, "note": ["x"], "done": "yes"},
        CONFERENCE: {"result": "dat", "note": "ok"},
        SECOND: {"result": "<img src=x>"}}}),
], ids=["bad-json", "array", "string", "future-version", "items-not-object", "unknown-ids-and-wrong-types"])
def test_corrupted_or_outdated_saved_state_never_breaks_the_page(checklist_site_url, page_factory, saved):
    page, watch = page_factory(checklist_site_url)
    page.goto(checklist_site_url + INSPECTION, wait_until="networkidle")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, saved])
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert not radio(page, FIRST, "dat").is_checked()
    assert not radio(page, SECOND, "dat").is_checked()
    kept = page.evaluate(f"localStorage.getItem('{KEY}')")
    if "unknown-ids" in saved or "id-da-bi-xoa" in saved:
        assert radio(page, CONFERENCE, "dat").is_checked()
        assert progress(page) == marked(page, 1)
        assert json.loads(kept)["items"] == {CONFERENCE: {"result": "dat", "note": "ok"}}
    else:
        assert progress(page) == marked(page, 0)
        assert kept is None
    # still works after recovery
    radio(page, FIRST, "chua-dat").check()
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["items"][FIRST] == {"result": "chua-dat"}
    watch.assert_clean()


def test_keyboard_only_marking(checklist_site_url, page_factory):
    page, watch = open_page(page_factory, checklist_site_url, "/bang-kiem/tu-kiem-tra/")
    box = page.locator(f'input[type=checkbox][data-ck-item="{FIRST}"]')
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.ckField") == "note"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert page.locator(f'input[type=checkbox][data-ck-item="{FIRST}"]').is_checked()
    watch.assert_clean()


def test_english_page_has_english_controls_and_its_own_progress(checklist_site_url, page_factory):
    page, watch = open_page(page_factory, checklist_site_url, "/en/bang-kiem/vai-tro-cong-doan/")
    assert page.locator("html").get_attribute("lang") == "en"
    for name in ("Export", "Clear results", "Print form"):
        assert page.get_by_role("button", name=name).is_visible()
    assert page.get_by_text("Import", exact=True).is_visible()
    assert progress(page) == marked(page, 0)
    page.locator('input[type=checkbox][data-ck-item="fx-hoi-nghi-to-chuc"]').check()
    assert progress(page) == marked(page, 1)
    watch.assert_clean()


def test_print_layout_is_a_form_without_buttons(checklist_site_url, page_factory):
    page, watch = open_page(page_factory, checklist_site_url)
    assert not page.locator(".ck-form-head").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".ck-toolbar").is_visible()
    assert not page.locator(".ck-downloads").is_visible()
    assert page.locator(".ck-form-head").is_visible() and page.locator(".ck-signatures").is_visible()
    assert "Người kiểm tra" in page.locator(".ck-form-head").inner_text()
    watch.assert_clean()


@pytest.mark.parametrize("path", ["/bang-kiem/kiem-tra/", "/en/bang-kiem/lich-nam/", "/bang-kiem/vai-tro-thu-truong/"])
def test_shipped_checklist_pages_load_cleanly(site_url, page_factory, path):
    page, watch = page_factory(site_url)
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert page.locator("[data-ck-progress]").inner_text()
    watch.assert_clean()
