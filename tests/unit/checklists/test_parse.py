"""Checklists: items declared in the content become item boxes on their page,
and the inspection, self-check, per-role and calendar checklists (pages, CSV,
XLSX) in both languages. Bad items stop the build naming file and line."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checklist_fixtures import FIXTURE_DOCS, add_fixture_pages
from conftest import PROJECT_PARTS, ROOT, run_build
from handbook.content import sources
from handbook.checklists import collect, nav_order
from handbook.content.scanner import anchors as anchors_of
from handbook.checklists.downloads import csv_bytes, xlsx_bytes
from handbook.checklists.model import deadline_words, due_months
from handbook.checklists.page import markdown as page_markdown
from handbook.checklists.parse import find_blocks, parse_source
from handbook.checklists.render import rewrite
from handbook.checklists.tables import build
from handbook.errors import ContentErrors

ORDER = ["thu-nghiem/luat.md", "thu-nghiem/cong-khai.md", "thu-nghiem/hoi-nghi.md", "thu-nghiem/trach-nhiem.md"]
ALL_IDS = ["fx-cong-khai-ke-hoach", "fx-cong-khai-dung-han", "fx-cong-khai-hang-thang", "fx-hoi-nghi-to-chuc",
           "fx-hoi-nghi-so-ket", "fx-ban-chi-dao-kiem-tra", "fx-tra-loi-kien-nghi", "fx-bau-ban-ttnd", "fx-quy-che"]
KINDS = {"kiem-tra": "checklist-inspection", "tu-kiem-tra": "checklist-self", "lich-nam": "checklist-calendar",
         **{f"vai-tro-{r}": f"checklist-role:{r}" for r in
            ("thu-truong", "cong-doan", "ban-ttnd", "cbccvc", "ban-chi-dao")}}


@pytest.fixture(scope="module")
def fixture_sources():
    return sources.load(FIXTURE_DOCS)


@pytest.fixture(scope="module")
def collection(fixture_sources):
    return collect(fixture_sources, ORDER)


def write_fixture_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    return docs


def errors_for(docs: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        collect(sources.load(docs, docs.parent), ORDER)
    return caught.value.errors


# ---- collector (unit) -------------------------------------------------------

def test_collects_every_item_with_file_and_line(collection):
    vi = collection.items["vi"]
    assert [i.id for i in vi] == ALL_IDS
    first = vi[0]
    assert first.path.endswith("thu-nghiem/cong-khai.md")
    text = (FIXTURE_DOCS / "thu-nghiem" / "cong-khai.md").read_text(encoding="utf-8").split("\n")
    assert text[first.line - 1] == "```checklist"
    assert first.roles == ("thu-truong",) and first.frequency == "yearly" and first.due == "Q1"


def test_blocks_inside_other_fences_are_examples_not_items(fixture_sources):
    source = next(s for s in fixture_sources if s.src_uri == "thu-nghiem/cong-khai.md")
    items, errors = parse_source(source)
    assert not errors
    assert "fx-vi-du-khong-tinh" not in [i.id for i in items]


def test_block_nested_in_an_admonition_is_read(collection):
    item = next(i for i in collection.items["vi"] if i.id == "fx-tra-loi-kien-nghi")
    assert item.due == "+15d" and item.topic == "Ban Thanh tra nhân dân"


def test_english_list_falls_back_to_vietnamese_items_not_translated(collection):
    entries = {e.item.id: e for e in collection.entries("en")}
    assert list(entries) == ALL_IDS
    assert entries["fx-hoi-nghi-to-chuc"].item.lang == "en"
    assert entries["fx-hoi-nghi-to-chuc"].anchor == "ck-fx-hoi-nghi-to-chuc"
    # translated page without this item: link to the page, not to a missing anchor
    assert entries["fx-hoi-nghi-so-ket"].anchor is None and not entries["fx-hoi-nghi-so-ket"].translated
    # page with no translation: the English site shows the Vietnamese page, anchors included
    assert entries["fx-quy-che"].anchor == "ck-fx-quy-che"


def test_collect_is_cached_for_the_second_language(fixture_sources):
    assert collect(fixture_sources, ORDER) is collect(list(fixture_sources), ORDER)


def test_anchors_from_headings_explicit_ids_and_duplicates():
    # one function for the checklists' basis links, the linter and the indexes
    body = ("# Tiêu đề\n\n## Điều 46. Công khai\n\n## Mục\n\n## Mục\n\n## Article {#dieu-9-x}\n\n"
            "Đoạn có neo { #doan-1 }\n\n<div id=\"hop-a\"></div>\n\n```\n## không\n<p id=\"ma\"></p>\n```\n")
    anchors = anchors_of(body)
    assert {"tieu-de", "dieu-46-cong-khai", "muc", "muc_1", "dieu-9-x", "doan-1", "hop-a"} <= anchors
    assert "khong" not in anchors and "ma" not in anchors


def test_deadline_words_in_both_languages():
    assert deadline_words("yearly", "Q1", "vi") == "Hằng năm, trong quý I"
    assert deadline_words("yearly", "Q1", "en").startswith("Yearly, within Q1")
    assert deadline_words("event", "+5wd", "vi") == "Khi phát sinh, trong 5 ngày làm việc kể từ khi phát sinh"
    assert deadline_words("event", "+15d", "en") == "When the event occurs, within 15 days of the event"
    assert deadline_words(None, "M03", "vi") == "Trong tháng 3"
    assert due_months("yearly", "Q2") == (4, 5, 6)
    assert due_months("half-yearly", None) == (6, 12)
    assert due_months("event", "+5wd") == ()


def test_source_page_blocks_become_item_boxes(fixture_sources, collection):
    source = next(s for s in fixture_sources if s.src_uri == "thu-nghiem/cong-khai.md")
    out = rewrite(source.body, collection.by_page[source.src_uri], "vi")
    assert "```checklist\nid: fx-cong-khai-ke-hoach" not in out
    assert '{: #ck-fx-cong-khai-ke-hoach' in out
    assert "**Thời hạn:** Hằng năm, trong quý I" in out
    assert "fx-vi-du-khong-tinh" in out  # the example stays a code example
    assert find_blocks(out)[0] == []  # the example sits inside a ````markdown fence


# ---- bad input (unit) -------------------------------------------------------

BAD_CASES = {
    "duplicate-id": ("id: fx-cong-khai-hang-thang", "id: fx-cong-khai-ke-hoach", "checklist-duplicate-id"),
    "missing-basis": ('basis: "[Luật mẫu, Điều 47](luat.md#dieu-47-hinh-thuc-va-thoi-diem-cong-khai-thong-tin-o-co-quan-don-vi)"\nevidence: Bảng tin.',
                      "evidence: Bảng tin.", "checklist-basis"),
    "basis-page": ("basis: \"[Luật mẫu](luat.md)\"\nevidence: Quyết định", "basis: \"[Luật mẫu](khong-co.md)\"\nevidence: Quyết định",
                   "checklist-basis-link"),
    "basis-anchor": ("luat.md#dieu-46-nhung", "luat.md#dieu-99-nhung", "checklist-basis-anchor"),
    "unknown-role": ("roles: [cbccvc]", "roles: [giam-doc]", "checklist-role"),
    "bad-due": ("due: +5wd", "due: 5 ngay", "checklist-due"),
    "bad-frequency": ("frequency: monthly", "frequency: weekly", "checklist-frequency"),
    "missing-field": ("evidence: Bảng tin.\n", "", "checklist-missing"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_item_is_reported_with_file_line_and_rule(tmp_path, case):
    old, new, rule = BAD_CASES[case]
    docs = write_fixture_copy(tmp_path)
    page = docs / "thu-nghiem" / ("trach-nhiem.md" if case == "basis-page" else "cong-khai.md")
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = errors_for(docs)
    assert rule in [e.rule for e in errors], [str(e) for e in errors]
    error = next(e for e in errors if e.rule == rule)
    assert error.path.endswith(page.name) and error.line and error.fix_vi


def test_english_item_without_vietnamese_item_is_an_error(tmp_path):
    docs = write_fixture_copy(tmp_path)
    page = docs / "thu-nghiem" / "hoi-nghi.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("id: fx-hoi-nghi-to-chuc", "id: fx-khong-co-ban-viet"),
                    encoding="utf-8")
    errors = errors_for(docs)
    error = next(e for e in errors if e.rule == "checklist-translation")
    assert error.path.endswith("hoi-nghi.en.md") and error.line == 8


def test_every_problem_is_reported_at_once(tmp_path):
    docs = write_fixture_copy(tmp_path)
    page = docs / "thu-nghiem" / "cong-khai.md"
    text = page.read_text(encoding="utf-8").replace("roles: [cbccvc]", "roles: [x]").replace("due: Q1", "due: Q5")
    page.write_text(text, encoding="utf-8")
    rules = {e.rule for e in errors_for(docs)}
    assert {"checklist-role", "checklist-due"} <= rules


# ---- obligation, applies_if, due WY+<N>m (unit) ---------------------------------

REGULATION = """---
title: Luật mẫu
---

# Luật mẫu

## Điều 51. Tổ chức hội nghị

Tóm tắt.
"""


def item_page(*blocks: str) -> str:
    return "---\ntitle: Trang mẫu\n---\n\n# Trang mẫu\n\n" + "\n".join(
        f"```checklist\n{b.strip()}\n```\n" for b in blocks)


def block(item_id="fx-moi", **fields) -> str:
    base = {"requirement": "Tổ chức hội nghị.", "roles": "[thu-truong]",
            "basis": '"[Luật mẫu, Điều 51](../van-ban/mau.md#dieu-51-to-chuc-hoi-nghi)"',
            "evidence": "Biên bản."}
    base.update(fields)
    return f"id: {item_id}\n" + "\n".join(f"{k}: {v}" for k, v in base.items() if v is not None)


def new_fields_docs(tmp_path: Path, vi: str, en: str | None = None) -> Path:
    docs = tmp_path / "docs"
    (docs / "van-ban").mkdir(parents=True)
    (docs / "cam-nang").mkdir()
    (docs / "van-ban" / "mau.md").write_text(REGULATION, encoding="utf-8")
    (docs / "cam-nang" / "a.md").write_text(vi, encoding="utf-8")
    if en is not None:
        (docs / "cam-nang" / "a.en.md").write_text(en, encoding="utf-8")
    return docs


def new_fields_errors(docs: Path) -> list[tuple[str, int, str]]:
    with pytest.raises(ContentErrors) as caught:
        collect(sources.load(docs, docs.parent))
    for error in caught.value.errors:  # every error says what to do, in both languages
        assert error.fix_vi and error.fix_en, str(error)
    return [(e.path, e.line, e.rule) for e in caught.value.errors]


def test_obligation_and_conditions_are_read(tmp_path):
    text = item_page(block(obligation="law", due="WY+3m", frequency="yearly",
                           applies_if='\n  staff: ["100+", "8-99"]\n  board: true\n  dispersed: false'),
                     block("fx-thuc-hanh", obligation="practice"), block("fx-chua-khai"))
    docs = new_fields_docs(tmp_path, text)
    law, practice, undeclared = collect(sources.load(docs, docs.parent)).items["vi"]
    assert law.obligation == "law" and law.due == "WY+3m"
    assert law.applies_if == {"staff": ("8-99", "100+"), "board": True, "dispersed": False}  # bands in table order
    assert practice.obligation == "practice" and practice.applies_if == {}
    assert undeclared.obligation is None  # optional until every item says it


def test_work_year_deadline_words_and_calendar_months():
    assert deadline_words("yearly", "WY+3m", "vi") == "Hằng năm, trong 3 tháng đầu năm công tác"
    assert deadline_words("yearly", "WY+3m", "en") == "Yearly, within 3 months of the start of the work year"
    assert deadline_words(None, "WY+1m", "en") == "Within 1 month of the start of the work year"
    assert due_months("yearly", "WY+3m") == (1, 2, 3)  # the work year starts in January
    assert due_months("yearly", "WY+12m") == tuple(range(1, 13))


def test_conditions_in_words_for_both_languages():
    from handbook.checklists.model import applies_words, obligation_label
    conditions = {"staff": ("8-99", "100+"), "internal_system": True}
    assert applies_words(conditions, "vi") == (
        "Đơn vị có từ 8 đến 99 người hoặc từ 100 người trở lên (cán bộ, công chức, viên chức, người lao động); "
        "đơn vị có hệ thống thông tin nội bộ (trang thông tin nội bộ)")
    assert applies_words(conditions, "en").startswith("The unit has 8 to 99 people or 100 people or more")
    assert applies_words({}, "vi") == ""
    assert obligation_label("law", "vi") == "Quy định của pháp luật"
    assert obligation_label("practice", "en").startswith("Recommended practice")


NEW_FIELD_CASES = {
    # case: (fields of the item, line of the error in docs/cam-nang/a.md, rule)
    # the item's fields take lines 8-12 (id .. evidence); the new field is on line 13
    "unknown obligation": ({"obligation": "bat-buoc"}, 13, "checklist-obligation"),
    "law, basis to a chapter": ({"obligation": "law", "basis": '"[Trang](b.md#muc)"'}, 13, "checklist-obligation"),
    "law, regulation page without article": (
        {"obligation": "law", "basis": '"[Luật mẫu](../van-ban/mau.md)"'}, 13, "checklist-obligation"),
    "unknown condition": ({"applies_if": "\n  staff: [\"8-99\"]\n  co_ban: true"}, 15, "checklist-applies-if"),
    "unknown staff band": ({"applies_if": "\n  board: true\n  staff: [\"10-50\"]"}, 15, "checklist-applies-if"),
    "condition not true/false": ({"applies_if": "\n  internal_system: co"}, 14, "checklist-applies-if"),
    "conditions on one line": ({"applies_if": "{dispersed: 1}"}, 13, "checklist-applies-if"),
    "conditions not a mapping": ({"applies_if": "[board]"}, 13, "checklist-applies-if"),
    "due beyond the work year": ({"due": "WY+13m"}, 13, "checklist-due"),
    "due in weeks": ({"due": "WY+2w"}, 13, "checklist-due"),
}


@pytest.mark.parametrize("case", sorted(NEW_FIELD_CASES))
def test_bad_obligation_conditions_and_due_name_file_and_line(tmp_path, case):
    fields, line, rule = NEW_FIELD_CASES[case]
    docs = new_fields_docs(tmp_path, item_page(block(**fields)))
    (docs / "cam-nang" / "b.md").write_text("---\ntitle: B\n---\n\n# B\n\n## Mục\n", encoding="utf-8")
    assert new_fields_errors(docs) == [("docs/cam-nang/a.md", line, rule)]


def test_law_with_an_article_of_a_regulation_page_is_accepted(tmp_path):
    docs = new_fields_docs(tmp_path, item_page(block(obligation="law", basis=(
        '\n  - "[Trang](b.md)"\n  - "[Luật mẫu, Điều 51](../van-ban/mau.md#dieu-51-to-chuc-hoi-nghi)"'))))
    (docs / "cam-nang" / "b.md").write_text("---\ntitle: B\n---\n\n# B\n", encoding="utf-8")
    [item] = collect(sources.load(docs, docs.parent)).items["vi"]
    assert item.obligation == "law"


def test_english_item_must_repeat_obligation_and_conditions(tmp_path):
    vi = item_page(block(obligation="law", applies_if='\n  staff: ["100+"]'))
    en = item_page(block(requirement="Hold the conference.", obligation="practice",
                         applies_if='\n  staff: ["8-99", "100+"]'))
    docs = new_fields_docs(tmp_path, vi, en)
    assert new_fields_errors(docs) == [("docs/cam-nang/a.en.md", 13, "checklist-obligation"),
                                       ("docs/cam-nang/a.en.md", 14, "checklist-applies-if")]
    same = item_page(block(requirement="Hold the conference.", obligation="law", applies_if="{staff: ['100+']}"))
    (docs / "cam-nang" / "a.en.md").write_text(same, encoding="utf-8")
    assert [i.id for i in collect(sources.load(docs, docs.parent)).items["en"]] == ["fx-moi"]


# ---- generators (unit) ------------------------------------------------------

def test_inspection_groups_by_topic_and_leaves_out_steering_committee_duties(collection):
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    ids = [r.id for r in checklist.rows]
    assert "fx-ban-chi-dao-kiem-tra" not in ids and len(ids) == 8
    sections = [r.section for r in checklist.rows]
    assert sections[0] == "Công khai (thử nghiệm)" and "Ban Thanh tra nhân dân" in sections
    text = page_markdown(checklist)
    assert "### Công khai (thử nghiệm)" in text  # headings stay Markdown: they make the page's contents
    heads = re.findall(r"<th>(.*?)</th>", text)
    assert heads[:6] == ["STT", "Yêu cầu", "Căn cứ", "Tài liệu, minh chứng cần kiểm tra", "Kết quả", "Ghi chú"]
    assert "> Đạt</label>" in text and "> Chưa đạt</label>" in text and "> Không áp dụng</label>" in text
    # basis re-aimed at the checklist page (as MkDocs writes addresses); each
    # row links back to its explanation
    assert 'href="../../thu-nghiem/luat/#dieu-46-' in text
    assert 'href="../../thu-nghiem/cong-khai/#ck-fx-cong-khai-ke-hoach" title="Xem giải thích"' in text
    assert 'href="../../thu-nghiem/cong-khai/#thoi-han-cong-khai"' in text


def test_checklist_tables_are_html_put_in_place_after_markdown(collection):
    from handbook.checklists.htmltables import Abbreviations, Inline
    from handbook.pages.generated import Slots
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    slots = Slots()
    inline = Inline(checklist.page_uri, Abbreviations({"TTND": "Thanh tra nhân dân", "Ban Thanh tra": "Ban TTND"}))
    text = page_markdown(checklist, inline, slots.place)
    assert "<table>" not in text and "<td>" not in text  # Python-Markdown never sees the tables
    assert len(slots.blocks) == len({r.section for r in checklist.rows})
    converted = "\n".join(f"<p>{line}</p>" if line.startswith(slots.prefix) else line for line in text.splitlines())
    page = slots.fill(converted)
    assert slots.prefix not in page and page.count("<table>") == len(slots.blocks)
    assert '<abbr title="Ban TTND">Ban Thanh tra</abbr> nhân dân' in page


def test_inline_field_text_links_emphasis_and_escaping():
    from handbook.checklists.htmltables import Abbreviations, Inline, href
    inline = Inline("bang-kiem/kiem-tra.md", Abbreviations({"QH15": "Quốc hội khóa XV", "Q": "x"}))
    assert inline("[Luật 10/2022/QH15, Điều 5](../van-ban/luat.md#dieu-5) & <b>") == (
        '<a href="../../van-ban/luat/#dieu-5">Luật 10/2022/<abbr title="Quốc hội khóa XV">QH15</abbr>, '
        'Điều 5</a> &amp; &lt;b&gt;')
    assert inline("**rõ** và *nghiêng*, `mã`") == "<strong>rõ</strong> và <em>nghiêng</em>, <code>mã</code>"
    assert href("bang-kiem/kiem-tra.md", "../index.md") == "../../"
    assert href("bang-kiem/index.md", "kiem-tra.md#a") == "kiem-tra/#a"
    assert href("bang-kiem/kiem-tra.md", "#a") == "#a"
    assert href("bang-kiem/kiem-tra.md", "https://vbpl.vn/x") == "https://vbpl.vn/x"
    assert href("bang-kiem/kiem-tra.md", "../van-ban/luat.md", directory_urls=False) == "../van-ban/luat.html"


def test_role_lists_hold_only_that_role(collection):
    checklist = build(collection, "checklist-role", "cong-doan", "en", "bang-kiem/vai-tro-cong-doan.md")
    assert [r.id for r in checklist.rows] == ["fx-cong-khai-dung-han", "fx-hoi-nghi-to-chuc",
                                              "fx-hoi-nghi-so-ket", "fx-bau-ban-ttnd"]
    heads = re.findall(r"<th>(.*?)</th>", page_markdown(checklist))
    assert heads[:6] == ["No.", "Task", "When", "Basis", "Evidence to keep", "Done"]  # one table per topic


def test_unknown_role_in_generate_is_an_error(collection):
    from handbook.errors import ContentError
    with pytest.raises(ContentError, match="giam-doc"):
        build(collection, "checklist-role", "giam-doc", "vi", "bang-kiem/x.md", "docs/bang-kiem/x.md")


def test_calendar_has_month_grid_quarters_and_event_duties(collection):
    checklist = build(collection, "checklist-calendar", None, "vi", "bang-kiem/lich-nam.md")
    text = page_markdown(checklist)
    assert "### Lịch theo tháng" in text and "### Theo quý" in text and "### Việc phát sinh theo sự kiện" in text
    grid = [r.id for r in checklist.rows if r.section == "grid"]
    assert grid == ["fx-cong-khai-ke-hoach", "fx-cong-khai-hang-thang", "fx-hoi-nghi-to-chuc",
                    "fx-hoi-nghi-so-ket", "fx-bau-ban-ttnd"]
    conference = next(r for r in checklist.rows if r.id == "fx-hoi-nghi-to-chuc")
    assert conference.months == (1, 2, 3)
    events = [r for r in checklist.rows if r.section == "events"]
    assert [r.deadline for r in events] == ["Khi phát sinh, trong 5 ngày làm việc kể từ khi phát sinh",
                                            "Khi phát sinh, trong 15 ngày kể từ khi phát sinh"]
    assert sorted(r.id for r in checklist.rows) == sorted(ALL_IDS)


def test_csv_has_bom_and_the_same_rows(collection):
    checklist = build(collection, "checklist-self", None, "vi", "bang-kiem/tu-kiem-tra.md")
    data = csv_bytes(checklist)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["STT", "Mã", "Chủ đề", "Việc cần làm"]
    assert [r[1] for r in rows[1:]] == [r.id for r in checklist.rows]


def test_xlsx_bytes_are_the_same_in_every_build(collection):
    from openpyxl import load_workbook
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    edition = dt.date(2026, 11, 30)
    first = xlsx_bytes(checklist, "Bảng kiểm tra", edition)
    assert xlsx_bytes(checklist, "Bảng kiểm tra", edition) == first
    assert load_workbook(io.BytesIO(first)).properties.created.date() == edition


def test_xlsx_has_header_widths_wrap_and_result_list(collection):
    from openpyxl import load_workbook
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    book = load_workbook(io.BytesIO(xlsx_bytes(checklist, "Bảng kiểm tra")))
    sheet = book.active
    heads = [c.value for c in sheet[1]]
    assert heads[:4] == ["STT", "Mã", "Chủ đề", "Yêu cầu"] and "Kết quả" in heads
    assert sheet[1][0].font.bold
    # Excel widths count characters plus the cell padding (50 -> 50.71)
    assert 50 <= sheet.column_dimensions["D"].width < 51
    assert sheet["D2"].alignment.wrap_text and sheet["D2"].border.left.style == "thin"
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows.replace("$", "") == "1:1"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert book.properties.created.date() == dt.date(2000, 1, 1)
    assert sheet.auto_filter.ref == f"A1:{'ABCDEFGHI'[len(heads) - 1]}{len(checklist.rows) + 1}"
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"Đạt,Chưa đạt,Không áp dụng"'
    column = "ABCDEFGHI"[heads.index("Kết quả")]
    assert str(validation.sqref) == f"{column}2:{column}{len(checklist.rows) + 1}"
    assert [sheet.cell(row=n, column=2).value for n in range(2, sheet.max_row + 1)] == [r.id for r in checklist.rows]


def test_nav_order_flattens_sections():
    nav = [{"Trang chủ": "index.md"}, {"Cẩm nang": ["cam-nang/index.md", {"X": "cam-nang/x.md"}]}]
    assert nav_order(nav) == ["index.md", "cam-nang/index.md", "cam-nang/x.md"]


# ---- build level ------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_site(checklist_site) -> Path:
    return checklist_site


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


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


# ---- bad input at build level ------------------------------------------------

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


# ---- the shipped content --------------------------------------------------------

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
