"""Checklists in the built site: the fixture items' source pages, and the
inspection, self-check, per-role and calendar checklists (pages, CSV, XLSX)
in both languages (``checklist_site``); bad items stop the build naming file
and line; the shipped content's checklists. (Items and lists without a
build: tests/unit/checklists/.)"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checklist_fixtures import add_fixture_pages
from conftest import run_build, soup

KINDS = {"kiem-tra": "checklist-inspection", "tu-kiem-tra": "checklist-self", "lich-nam": "checklist-calendar",
         **{f"vai-tro-{r}": f"checklist-role:{r}" for r in
            ("thu-truong", "cong-doan", "ban-ttnd", "cbccvc", "ban-chi-dao")}}


@pytest.fixture(scope="module")
def fixture_site(checklist_site) -> Path:
    return checklist_site


def page_ids(page: BeautifulSoup) -> list[str]:
    seen = []
    for field in page.select(".ck-checklist [data-ck-item][data-ck-field]"):
        if field["data-ck-item"] not in seen:
            seen.append(field["data-ck-item"])
    return seen


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("name", sorted(KINDS))
def test_generated_page_and_downloads_hold_the_same_items(fixture_site, prefix, name):
    from openpyxl import load_workbook
    lang = "en" if prefix else "vi"
    folder = fixture_site / prefix / "bang-kiem" / name
    page = soup(folder / "index.html")
    assert page.html["lang"] == lang
    root = page.select_one(".ck-checklist")
    assert root and root["data-ck-lang"] == lang
    ids = page_ids(page)
    assert ids, "no item on the page"
    links = {a["href"] for a in root.select("a[data-ck-download]")}
    csv_name, xlsx_name = f"bang-kiem-{name}-{lang}.csv", f"bang-kiem-{name}-{lang}.xlsx"
    assert links == {csv_name, xlsx_name}
    raw = (folder / csv_name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ids
    sheet = load_workbook(folder / xlsx_name).active
    assert [sheet.cell(row=n, column=2).value for n in range(2, sheet.max_row + 1)] == ids


def test_every_checklist_row_links_back_to_an_existing_item_anchor(fixture_site):
    for lang_prefix in ("", "en/"):
        page_path = fixture_site / lang_prefix / "bang-kiem" / "kiem-tra" / "index.html"
        for link in soup(page_path).select(".ck-more a"):
            target, _, anchor = link["href"].partition("#")
            html_path = (page_path.parent / target / "index.html").resolve()
            assert html_path.exists(), link["href"]
            if anchor:
                assert soup(html_path).find(id=anchor), link["href"]


def test_source_page_shows_its_items_with_anchor_and_words(fixture_site):
    page = soup(fixture_site / "thu-nghiem" / "cong-khai" / "index.html")
    box = page.find(id="ck-fx-cong-khai-ke-hoach")
    assert box is not None
    text = box.find_parent(class_="ck-item").get_text(" ", strip=True)
    assert "Thủ trưởng cơ quan, đơn vị" in text and "Hằng năm, trong quý I" in text
    assert box.find_parent(class_="ck-item").find("a", href=re.compile(r"luat/#dieu-46-"))
    english = soup(fixture_site / "en" / "thu-nghiem" / "cong-khai" / "index.html")
    text = english.find(id="ck-fx-cong-khai-ke-hoach").find_parent(class_="ck-item").get_text(" ", strip=True)
    assert "Head of the unit" in text and "Yearly, within Q1" in text
    assert "```checklist" not in english.get_text()


def test_inspection_page_has_result_choices_and_printable_form_parts(fixture_site):
    page = soup(fixture_site / "bang-kiem" / "kiem-tra" / "index.html")
    first = page.select('input[type=radio][data-ck-item="fx-cong-khai-ke-hoach"]')
    assert [i.find_parent("label").get_text(strip=True) for i in first] == ["Đạt", "Chưa đạt", "Không áp dụng"]
    assert page.select_one(".ck-form-head") and page.select_one(".ck-signatures")
    assert not page.select("[onclick], [onchange]")
    assert not [s for s in page.select("script:not([src])") if "checklist" in s.get_text()]


BUILD_CASES = {
    "duplicate-id": ("cong-khai.md", "id: fx-cong-khai-hang-thang", "id: fx-cong-khai-ke-hoach", 48),
    "missing-basis": ("hoi-nghi.md", 'basis: "[Luật mẫu, Điều 51](luat.md)"\n', "", 26),
    "basis-page": ("trach-nhiem.md", "(luat.md)\"\nevidence: Quyết định", "(khong-co.md)\"\nevidence: Quyết định", 35),
    "basis-anchor": ("cong-khai.md", "luat.md#dieu-46-nhung", "luat.md#dieu-99-nhung", 13),
    "unknown-role": ("cong-khai.md", "roles: [cbccvc]", "roles: [giam-doc]", 50),
    "bad-due": ("cong-khai.md", "due: +5wd", "due: 5 ngày", 32),
    "english-without-vietnamese": ("hoi-nghi.en.md", "id: fx-hoi-nghi-to-chuc", "id: fx-khong-co", 8),
}


@pytest.mark.parametrize("case", sorted(BUILD_CASES))
def test_bad_item_fails_the_build_naming_file_and_line(project_copy, case):
    name, old, new, line = BUILD_CASES[case]
    add_fixture_pages(project_copy)
    page = project_copy / "docs" / "thu-nghiem" / name
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/thu-nghiem/{name}:{line}:" in output, output
    assert "Cách sửa" in output


CHAPTERS = ("tong-quan", "cong-khai", "ban-va-quyet-dinh", "tham-gia-y-kien", "kiem-tra-giam-sat",
            "hoi-nghi-can-bo", "ban-thanh-tra-nhan-dan", "trach-nhiem", "trien-khai-trong-nganh")


def test_content_declares_at_least_30_items_covering_every_chapter(site):
    calendar = soup(site / "bang-kiem" / "lich-nam" / "index.html")
    ids = page_ids(calendar)  # the calendar lists every item
    assert len(ids) >= 30, ids
    for chapter in CHAPTERS:
        page = soup(site / "cam-nang" / chapter / "index.html")
        assert page.select(".ck-item [id^=ck-]"), f"chapter {chapter} shows no checklist item"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_shipped_checklists_exist_in_both_languages_with_downloads(site, prefix):
    from openpyxl import load_workbook
    lang = "en" if prefix else "vi"
    for name in KINDS:
        folder = site / prefix / "bang-kiem" / name
        ids = page_ids(soup(folder / "index.html"))
        assert ids, f"{prefix}bang-kiem/{name} is empty"
        rows = list(csv.reader(io.StringIO((folder / f"bang-kiem-{name}-{lang}.csv").read_text(encoding="utf-8-sig"))))
        assert [r[1] for r in rows[1:]] == ids
        sheet = load_workbook(folder / f"bang-kiem-{name}-{lang}.xlsx", read_only=True).active
        assert [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)] == ids


def test_checklist_pages_need_no_inline_style_or_script(fixture_site):
    """A strict Content-Security-Policy needs no exception for the checklists."""
    for name in KINDS:
        root = soup(fixture_site / "bang-kiem" / name / "index.html").select_one(".ck-checklist")
        assert not root.select("[style]"), name
        assert not root.select("script")
        assert not [tag for tag in root.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
