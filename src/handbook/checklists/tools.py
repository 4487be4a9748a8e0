"""The controls above a checklist: inspection sessions, the unit's profile,
export, import, print (checklists.js makes them work).

They are written into the page by the build (not by the script) so that the
page does not move when the script starts: the space is there from the first
paint (issue 18: layout shift). They are the handbook's own controls, not
content, so they are put in place of the checklist's ``data-ck-tools`` slot
once the page is written (``steps.page_assets``), after the content checks
that allow only the elements content may use; every word is escaped here.
"""
from __future__ import annotations

import html

from handbook.checklists.labels import labels
from handbook.checklists.model import STAFF_BANDS

WORDS = {
    "vi": {
        "title": "Phiên kiểm tra",
        "title_self": "Phiên rà soát",
        "help": ("Kết quả được lưu trong trình duyệt trên máy này, theo từng phiên (mỗi đơn vị, mỗi lần "
                 "kiểm tra một phiên). Xuất tệp để lưu trữ hoặc chuyển sang máy khác."),
        "session": "Phiên đang mở",
        "new": "Phiên mới",
        "delete": "Xoá phiên",
        "name": "Tên phiên",
        "unit": "Đơn vị được kiểm tra",
        "unit_self": "Đơn vị",
        "date": "Ngày kiểm tra",
        "date_self": "Ngày rà soát",
        "inspectors": "Người kiểm tra",
        "filled_by": "Người thực hiện",
        "profile": "Hồ sơ đơn vị (để biết yêu cầu nào áp dụng)",
        "rules": "Theo Luật:",
        "actions": "Xuất, nhập và in kết quả",
        "xlsx": "Xuất Excel (XLSX)",
        "csv": "Xuất CSV",
        "json": "Xuất JSON",
        "import": "Nhập tệp JSON",
        "print": "In phiếu",
        "reset": "Xoá kết quả",
        "progress": "Chưa đánh dấu mục nào.",
        "dialog": "Nhập kết quả từ tệp",
        "as_new": "Mở thành phiên mới",
        "merge": "Gộp: chỉ điền mục còn trống",
        "replace": "Thay thế bằng kết quả trong tệp",
        "cancel": "Huỷ",
    },
    "en": {
        "title": "Inspection session",
        "title_self": "Review session",
        "help": ("Results are kept in this browser on this computer, one session per unit and inspection. "
                 "Export a file to keep them or to move them to another computer."),
        "session": "Open session",
        "new": "New session",
        "delete": "Delete session",
        "name": "Session name",
        "unit": "Unit inspected",
        "unit_self": "Unit",
        "date": "Date of the inspection",
        "date_self": "Date of the review",
        "inspectors": "Inspectors",
        "filled_by": "Filled in by",
        "profile": "Unit profile (which requirements apply)",
        "rules": "Under the Law:",
        "actions": "Export, import and print the results",
        "xlsx": "Export Excel (XLSX)",
        "csv": "Export CSV",
        "json": "Export JSON",
        "import": "Import a JSON file",
        "print": "Print form",
        "reset": "Clear results",
        "progress": "Nothing marked yet.",
        "dialog": "Import results from a file",
        "as_new": "Open as a new session",
        "merge": "Merge: fill empty items only",
        "replace": "Replace with the file's results",
        "cancel": "Cancel",
    },
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _button(label: str, action: str, extra: str = "") -> str:
    return (f'<button type="button" class="md-button ck-button{extra}" data-ck-action="{action}">'
            f"{_e(label)}</button>")


def _select(ident: str, label: str, field: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{_e(value)}">{_e(text)}</option>' for value, text in options)
    return (f'<p class="ck-field"><label for="{ident}">{_e(label)}</label>'
            f'<select id="{ident}" data-ck-profile="{field}">{choices}</select></p>')


def _input(ident: str, label: str, field: str, kind: str = "text") -> str:
    size = ' maxlength="200"' if kind == "text" else ""
    return (f'<p class="ck-field"><label for="{ident}">{_e(label)}</label>'
            f'<input type="{kind}" id="{ident}" data-ck-session-field="{field}" autocomplete="off"{size}></p>')


def panel(kind: str, lang: str) -> str:
    """The controls of a checklist of ``kind`` ("inspection", "self",
    "role-…", "calendar") for readers of ``lang``."""
    t = WORDS.get(lang, WORDS["en"])
    w = labels(lang)
    inspection = kind == "inspection"
    unknown = [("", w["unknown"])]
    yes_no = unknown + [("yes", w["yes"]), ("no", w["no_"])]
    staff = unknown + [(band, w["staff_bands"][band]) for band in STAFF_BANDS]
    return "".join([
        '<section class="ck-tools" aria-labelledby="cks-tools-title" data-ck-tools-panel>',
        f'<h2 class="ck-tools__title" id="cks-tools-title">{_e(t["title"] if inspection else t["title_self"])}</h2>',
        f'<p class="ck-tools__help">{_e(t["help"])}</p>',
        '<div class="ck-session">',
        f'<p class="ck-field ck-session__pick"><label for="cks-session">{_e(t["session"])}</label>'
        '<select id="cks-session" data-ck-session-select><option value="">1</option></select>',
        _button(t["new"], "new"), _button(t["delete"], "delete", " ck-button--quiet"), "</p>",
        '<div class="ck-fields">',
        _input("cks-name", t["name"], "name"),
        _input("cks-unit", t["unit"] if inspection else t["unit_self"], "unit"),
        _input("cks-date", t["date"] if inspection else t["date_self"], "date", "date"),
        _input("cks-inspectors", t["inspectors"] if inspection else t["filled_by"], "inspectors"),
        "</div>",
        f'<fieldset class="ck-profile"><legend>{_e(t["profile"])}</legend><div class="ck-fields">',
        _select("cks-staff", w["profile_staff"], "staff", staff),
        _select("cks-dispersed", w["profile_dispersed"], "dispersed", yes_no),
        _select("cks-internal-system", w["profile_internal_system"], "internal_system", yes_no),
        _select("cks-board", w["profile_board"], "board", yes_no),
        "</div>",
        f'<p class="ck-rules__title">{_e(t["rules"])}</p><ul class="ck-rules">',
        f'<li data-ck-rule="small">{_e(w["rule_small"])}</li>',
        f'<li data-ck-rule="delegates">{_e(w["rule_delegates"])}</li>',
        "</ul></fieldset>",
        "</div>",
        f'<div class="ck-toolbar" role="group" aria-label="{_e(t["actions"])}">',
        f'<p class="ck-progress" data-ck-progress>{_e(t["progress"])}</p>',
        '<div class="ck-buttons">',
        _button(t["xlsx"], "export-xlsx"), _button(t["csv"], "export-csv"), _button(t["json"], "export-json"),
        _button(t["import"], "import"),
        '<input type="file" accept="application/json,.json" class="ck-file" data-ck-action="import-file" '
        'hidden>',
        _button(t["print"], "print"), _button(t["reset"], "reset", " ck-button--quiet"),
        "</div>",
        '<p class="ck-status" role="status" aria-live="polite" data-ck-status></p>',
        "</div>",
        f'<dialog class="ck-dialog" aria-labelledby="cks-dialog-title" data-ck-dialog>'
        f'<h2 id="cks-dialog-title">{_e(t["dialog"])}</h2>'
        '<div class="ck-dialog__body" data-ck-dialog-body></div>'
        '<p class="ck-dialog__buttons">'
        f'<button type="button" class="md-button md-button--primary" data-ck-import="new">{_e(t["as_new"])}</button>'
        f'<button type="button" class="md-button" data-ck-import="merge">{_e(t["merge"])}</button>'
        f'<button type="button" class="md-button" data-ck-import="replace">{_e(t["replace"])}</button>'
        f'<button type="button" class="md-button" data-ck-import="cancel">{_e(t["cancel"])}</button>'
        "</p></dialog>",
        "</section>",
    ])
