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
    book = load_workbook(folder / xlsx_name)
    sheet = book.active
    assert [sheet.cell(row=n, column=2).value for n in range(2, sheet.max_row + 1)] == ids
    assert [c.value for c in sheet[1]] == rows[0]  # one set of columns for CSV and XLSX
    assert len(book.sheetnames) == 2  # and the session's sheet, blank


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


def test_inspection_page_lists_practices_apart_with_the_printable_form_parts(fixture_site):
    """The fixture's items are all practices: the inspection list does not
    score them; it lists them, ticked as done or not, under their own heading."""
    page = soup(fixture_site / "bang-kiem" / "kiem-tra" / "index.html")
    headings = [h.get_text(" ", strip=True) for h in page.select("article h2")]
    assert "Thực hành khuyến nghị của Cẩm nang (không chấm điểm)" in " ".join(headings)
    rows = page.select('tr[data-ck-row^="fx-"]')
    assert len(rows) == 8 and all(r["data-ck-part"] == "practice" for r in rows)
    assert not page.select('input[type=radio][data-ck-item^="fx-"]')
    first = page.select_one('input[type=checkbox][data-ck-item="fx-cong-khai-ke-hoach"]')
    assert first.find_parent("label").get_text(strip=True) == "Đã thực hiện"
    assert page.select_one(".ck-form-head") and page.select_one("tr.ck-form-end .ck-signatures")
    assert not page.select("[onclick], [onchange]")
    assert not [s for s in page.select("script:not([src])") if "checklist" in s.get_text()]


def test_shipped_inspection_scores_legal_requirements_and_lists_practices_apart(site):
    for prefix, law, practice in (("", "Yêu cầu theo quy định của pháp luật",
                                   "Thực hành khuyến nghị của Cẩm nang (không chấm điểm)"),
                                  ("en/", "Legal requirements", "The handbook's recommended practices (not scored)")):
        page = soup(site / prefix / "bang-kiem" / "kiem-tra" / "index.html")
        h2 = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
        assert h2.index(law) < h2.index(practice), h2
        for row in page.select("tr[data-ck-row]"):
            scored = row.select("input[type=radio][data-ck-field=result]")
            assert (row["data-ck-part"] == "law") == bool(scored), row["data-ck-row"]
        assert len(page.select('tr[data-ck-part="law"]')) >= 40
        assert len(page.select('tr[data-ck-part="practice"]')) >= 5


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_checklist_pages_have_no_heading_jump(site, prefix):
    """Issue 23: the generated part starts at level 2 under the title."""
    for name in KINDS:
        page = soup(site / prefix / "bang-kiem" / name / "index.html")
        levels = [int(h.name[1]) for h in page.select("article h1, article h2, article h3, article h4")]
        assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not jumps, (name, levels)


def test_checklist_assets_load_only_where_there_is_a_checklist_and_print_styles_only_for_print(site):
    pages = [p for p in site.rglob("index.html") if "404" not in p.parts]
    assert len(pages) > 50
    with_checklist = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        has = 'class="ck-checklist' in text
        with_checklist += has
        assert bool(re.search(r'<link rel="stylesheet" href="[^"]*/checklists\.css">', text)) == has, path
        for script in ("checklists.js", "checklists-xlsx.js"):
            assert bool(re.search(rf'<script src="[^"]*/{script}">', text)) == has, (path, script)
        links = re.findall(r'<link rel="stylesheet" href="[^"]*print\.css"[^>]*>', text)
        assert links and all('media="print"' in link for link in links), path
    assert with_checklist == 2 * len(KINDS)


def test_the_controls_are_in_the_page_before_any_script_runs(site):
    """The build writes the sessions, profile and export controls (no layout
    shift when the script starts); nothing in them runs code, and their ids
    never look like an item's anchor (ck-<id>)."""
    page = soup(site / "bang-kiem" / "kiem-tra" / "index.html")
    tools = page.select_one(".ck-checklist .ck-tools[data-ck-tools-panel]")
    assert tools is not None and not page.select("[data-ck-tools]:not([data-ck-tools-panel])")
    for selector in ("select[data-ck-session-select]", "input[data-ck-session-field=unit]",
                     "input[type=date][data-ck-session-field=date]", "select[data-ck-profile=staff]",
                     "button[data-ck-action=export-xlsx]", "button[data-ck-action=export-csv]",
                     "button[data-ck-action=export-json]", "input[type=file][data-ck-action=import-file]",
                     "dialog[data-ck-dialog]"):
        assert tools.select_one(selector) is not None, selector
    for label in tools.select("label[for]"):
        assert page.find(id=label["for"]) is not None
    assert [o["value"] for o in tools.select("select[data-ck-profile=staff] option")] == ["", "1-7", "8-99", "100+"]
    assert not tools.select("[style], script") and not [t for t in tools.find_all(True)
                                                          if any(a.startswith("on") for a in t.attrs)]
    ids = [t["id"] for t in page.select(".ck-checklist [id]")]
    assert ids and not [i for i in ids if i.startswith("ck-")]


def test_item_boxes_say_law_or_practice_and_when_they_apply(site):
    page = soup(site / "cam-nang" / "hoi-nghi-can-bo" / "index.html")
    boxes = [b.get_text(" ", strip=True) for b in page.select(".ck-item")]
    assert boxes and all("Tính chất:" in b for b in boxes)
    assert any("Áp dụng khi: Đơn vị có từ 8 người trở lên" in b and "Điều 51" in b for b in boxes)
    english = soup(site / "en" / "cam-nang" / "hoi-nghi-can-bo" / "index.html")
    assert any("Nature: Legal requirement" in b.get_text(" ", strip=True) for b in english.select(".ck-item"))


BUILD_CASES = {
    "duplicate-id": ("cong-khai.md", "id: fx-cong-khai-hang-thang", "id: fx-cong-khai-ke-hoach", 51),
    "missing-basis": ("hoi-nghi.md", 'basis: "[Luật mẫu, Điều 51](luat.md)"\n', "", 28),
    "basis-page": ("trach-nhiem.md", "(luat.md)\"\nevidence: Quyết định", "(khong-co.md)\"\nevidence: Quyết định", 37),
    "basis-anchor": ("cong-khai.md", "luat.md#dieu-46-nhung", "luat.md#dieu-99-nhung", 13),
    "unknown-role": ("cong-khai.md", "roles: [cbccvc]", "roles: [giam-doc]", 53),
    "bad-due": ("cong-khai.md", "due: +5wd", "due: 5 ngày", 33),
    "english-without-vietnamese": ("hoi-nghi.en.md", "id: fx-hoi-nghi-to-chuc", "id: fx-khong-co", 8),
}


# Every problem is reported at once, so two builds check them all: problems
# of the whole collection (ids, links, translations), and of single fields
# (an item with a bad field is left out of the collection's checks).
BUILD_GROUPS = {"collection": ("duplicate-id", "basis-page", "basis-anchor", "english-without-vietnamese"),
                "fields": ("missing-basis", "unknown-role", "bad-due")}


@pytest.mark.parametrize("group", sorted(BUILD_GROUPS))
def test_bad_items_fail_the_build_naming_file_and_line(project_copy, group):
    add_fixture_pages(project_copy)
    for case in BUILD_GROUPS[group]:
        name, old, new, _ = BUILD_CASES[case]
        page = project_copy / "docs" / "thu-nghiem" / name
        text = page.read_text(encoding="utf-8")
        assert old in text, case
        page.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for case in BUILD_GROUPS[group]:
        name, _, _, line = BUILD_CASES[case]
        assert f"docs/thu-nghiem/{name}:{line}:" in output, f"{case}:\n{output}"
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
