"""CSV and XLSX files of a checklist (bytes; the adapter writes them)."""
from __future__ import annotations

import csv
import re
import io

from .labels import labels
from .tables import Checklist, choice_column, choices, columns, values


def csv_bytes(checklist: Checklist) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows Vietnamese letters correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([head for head, _ in columns(checklist)])
    for row in checklist.rows:
        writer.writerow(values(checklist, row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(checklist: Checklist, title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = re.sub(r"[\\/*?:\[\]]", " ", title or labels(checklist.lang)["item"]).strip()[:31]
    book.properties.title = title or checklist.key
    book.properties.language = checklist.lang
    heads = columns(checklist)
    sheet.append([head for head, _ in heads])
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="8E1B1B")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
    for row in checklist.rows:
        sheet.append(values(checklist, row))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            cell.border = border
    for index, (_, width) in enumerate(heads, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    if checklist.rows:
        letter = get_column_letter(choice_column(checklist) + 1)
        allowed = ",".join(choices(checklist))
        validation = DataValidation(type="list", formula1=f'"{allowed}"', allow_blank=True,
                                    showErrorMessage=True)
        validation.error = allowed
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{len(checklist.rows) + 1}")
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{len(checklist.rows) + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
