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
    from checklist_fixtures import with_law
    collection = with_law(checklist_collection, {"fx-cong-khai-ke-hoach", "fx-cong-khai-dung-han", "fx-bau-ban-ttnd"})
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    book = load_workbook(io.BytesIO(xlsx_bytes(checklist, "Bảng kiểm tra")))
    sheet = book.active
    heads = [c.value for c in sheet[1]]
    assert heads == ["STT", "Mã", "Chủ đề", "Tính chất", "Yêu cầu", "Áp dụng khi", "Căn cứ",
                     "Tài liệu, minh chứng cần kiểm tra", "Kết quả", "Ghi chú", "Giải thích"]
    assert sheet[1][0].font.bold
    # Excel widths count characters plus the cell padding (50 -> 50.71)
    assert 50 <= sheet.column_dimensions["E"].width < 51
    assert sheet["E2"].alignment.wrap_text and sheet["E2"].border.left.style == "thin"
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows.replace("$", "") == "1:1"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert book.properties.created.date() == dt.date(2000, 1, 1)
    last = "ABCDEFGHIJK"[len(heads) - 1]
    assert sheet.auto_filter.ref == f"A1:{last}{len(checklist.rows) + 1}"
    # the legal requirements are assessed, the practices (after them) ticked
    assert [c.value for c in sheet["D"][1:]] == ["Quy định của pháp luật"] * 3 + ["Thực hành khuyến nghị của Cẩm nang"] * 5
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"I2:I4": '"Đạt,Chưa đạt,Không áp dụng"',
                     "I5:I9": '"Đã thực hiện,Chưa thực hiện,Không áp dụng"'}
    assert [sheet.cell(row=n, column=2).value for n in range(2, sheet.max_row + 1)] == [r.id for r in checklist.rows]


def test_xlsx_has_a_blank_session_sheet(checklist_collection):
    """The filled results exported from the browser carry the unit, date,
    inspectors and profile there (checklists.js); the blank form has the
    same sheet with the values left empty."""
    from openpyxl import load_workbook
    checklist = build(checklist_collection, "checklist-self", None, "en", "bang-kiem/tu-kiem-tra.md")
    book = load_workbook(io.BytesIO(xlsx_bytes(checklist, "Unit self-check")))
    assert book.sheetnames == ["Unit self-check", "Session"]
    info = list(book["Session"].iter_rows(values_only=True))
    assert [label for label, _ in info] == [
        "Checklist", "Session", "Unit", "Date of the review", "Filled in by",
        "Staff (cán bộ, công chức, viên chức and người lao động, contract workers included)",
        "Staff work dispersed over a wide area or cannot leave their posts",
        "Has an internal information system (intranet)", "Has a People's Inspection Board",
        "Summary of the results", "Exported"]
    assert all(value is None for _, value in info)
