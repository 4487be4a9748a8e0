"""CSV and XLSX files of a checklist (bytes; the adapter writes them)."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from pathlib import Path

from handbook.build.cache import code_version
from handbook.checklists.labels import labels
from handbook.checklists.tables import Checklist, choice_column, choices, columns, info_rows, values


def csv_bytes(checklist: Checklist) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows Vietnamese letters correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([head for head, _ in columns(checklist)])
    for row in checklist.rows:
        writer.writerow(values(checklist, row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_inputs(checklist: Checklist, title: str = "", created: dt.date | None = None) -> tuple[str, str]:
    """Everything ``xlsx_bytes`` makes the workbook from, as text, and the
    version of the code that makes it: the key of a kept workbook
    (``handbook.buildcache``)."""
    import xlsxwriter

    from handbook.checklists import labels as labels_module
    from handbook.checklists import tables

    data = repr((title, created, checklist.key, checklist.kind, checklist.lang, columns(checklist),
                 choice_column(checklist), [choices(checklist, row) for row in checklist.rows],
                 labels(checklist.lang)["item"], labels(checklist.lang)["session_sheet"], info_rows(checklist),
                 [values(checklist, row) for row in checklist.rows]))
    return _code_version(Path(__file__), Path(tables.__file__), Path(labels_module.__file__),
                         xlsxwriter.__version__), data


@functools.lru_cache(maxsize=1)
def _code_version(*parts) -> str:
    return code_version(*parts)


def xlsx_bytes(checklist: Checklist, title: str = "", created: dt.date | None = None) -> bytes:
    """An A4 landscape sheet: coloured header row repeated on every printed
    page, wrapped cells, a drop-down for the result column, filters.

    ``created`` (the handbook's edition) is the workbook's creation date:
    the same content gives the same bytes in every build.

    XlsxWriter streams the rows (a thousand-item list in a tenth of a second;
    openpyxl took about ten times as long, which the benchmark showed)."""
    import xlsxwriter

    heads = columns(checklist)
    rows = [values(checklist, row) for row in checklist.rows]
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    created = dt.datetime.combine(created or dt.date(2000, 1, 1), dt.time(), dt.timezone.utc)
    book.set_properties({"title": title or checklist.key, "keywords": checklist.lang, "created": created})
    sheet = book.add_worksheet(re.sub(r"[\\/*?:\[\]]", " ", title or labels(checklist.lang)["item"]).strip()[:31])
    border = {"border": 1, "border_color": "#999999", "text_wrap": True}
    head = book.add_format({**border, "bold": True, "font_color": "#FFFFFF", "bg_color": "#8E1B1B",
                            "valign": "vcenter"})
    body = book.add_format({**border, "valign": "top"})
    sheet.write_row(0, 0, [text for text, _ in heads], head)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row, body)
    for index, (_, width) in enumerate(heads):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    if rows:
        # one list of answers per run of rows that share it: on the inspection
        # list the legal requirements are assessed, the practices ticked
        column = choice_column(checklist)
        start = 0
        for end in range(1, len(rows) + 1):
            if end == len(rows) or choices(checklist, checklist.rows[end]) != choices(checklist, checklist.rows[start]):
                allowed = list(choices(checklist, checklist.rows[start]))
                sheet.data_validation(start + 1, column, end, column, {
                    "validate": "list", "source": allowed, "ignore_blank": True,
                    "error_message": ",".join(allowed)})
                start = end
        sheet.autofilter(0, 0, len(rows), len(heads) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    # the session the results belong to: blank here, filled by checklists.js
    info = book.add_worksheet(labels(checklist.lang)["session_sheet"])
    for number, (label, _key) in enumerate(info_rows(checklist)):
        info.write_row(number, 0, [label, ""], body)
    info.set_column(0, 0, 46)
    info.set_column(1, 1, 70)
    info.set_paper(9)
    book.close()
    return out.getvalue()
