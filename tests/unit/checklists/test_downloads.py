"""The checklists' downloads (handbook.checklists.downloads): CSV with a BOM
and XLSX workbooks that are the same bytes in every build."""
from __future__ import annotations

import csv
import datetime as dt
import io

from handbook.checklists.downloads import csv_bytes, xlsx_bytes
from handbook.checklists.tables import build


def test_csv_has_bom_and_the_same_rows(checklist_collection):
    checklist = build(checklist_collection, "checklist-self", None, "vi", "bang-kiem/tu-kiem-tra.md")
    data = csv_bytes(checklist)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["STT", "Mã", "Chủ đề", "Việc cần làm"]
    assert [r[1] for r in rows[1:]] == [r.id for r in checklist.rows]


def test_xlsx_bytes_are_the_same_in_every_build(checklist_collection):
    from openpyxl import load_workbook
    checklist = build(checklist_collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    edition = dt.date(2026, 11, 30)
    first = xlsx_bytes(checklist, "Bảng kiểm tra", edition)
    assert xlsx_bytes(checklist, "Bảng kiểm tra", edition) == first
    assert load_workbook(io.BytesIO(first)).properties.created.date() == edition


def test_xlsx_has_header_widths_wrap_and_result_list(checklist_collection):
    from openpyxl import load_workbook
    checklist = build(checklist_collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
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
