"""Markdown (with a little HTML for the form controls) of a checklist page."""
from __future__ import annotations

import html

from .labels import RESULT_VALUES, labels
from .tables import Checklist, Row, download_name, month_label

_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _explain(row: Row, lang: str) -> str:
    w = labels(lang)
    return f'<span class="ck-more">[{w["explain"]}]({row.explain_md} "{w["explain_title"]}")</span>'


def _requirement(row: Row, lang: str) -> str:
    return f"{_cell(row.requirement)} {_explain(row, lang)}"


def control_result(checklist: Checklist, row: Row) -> str:
    w = labels(checklist.lang)
    name = f"ck-{checklist.key}-{row.id}"
    options = "".join(
        f'<label><input type="radio" name="{name}" value="{value}" data-ck-item="{row.id}" '
        f'data-ck-field="result"> {text}</label>'
        for value, text in zip(RESULT_VALUES, w["results"]))
    return (f'<fieldset class="ck-choice"><legend class="ck-sr">{w["result"]}, {w["no"]} {row.number}</legend>'
            f"{options}</fieldset>")


def control_done(checklist: Checklist, row: Row) -> str:
    w = labels(checklist.lang)
    return (f'<label class="ck-tick"><input type="checkbox" data-ck-item="{row.id}" data-ck-field="done">'
            f' <span>{w["done"]}</span><span class="ck-sr">, {w["no"]} {row.number}</span></label>')


def control_note(checklist: Checklist, row: Row) -> str:
    w = labels(checklist.lang)
    return (f'<textarea class="ck-note" rows="2" data-ck-item="{row.id}" data-ck-field="note" '
            f'aria-label="{_attr(w["notes"])}, {w["no"]} {row.number}"></textarea>')


def _table(checklist: Checklist, rows: list[Row]) -> list[str]:
    w = labels(checklist.lang)
    lang = checklist.lang
    out = []
    if checklist.kind == "checklist-inspection":
        out.append(f"| {w['no']} | {w['requirement']} | {w['basis']} | {w['evidence_check']} | {w['result']} | {w['notes']} |")
        out.append("|---|---|---|---|---|---|")
        for r in rows:
            out.append(f"| {r.number} | {_requirement(r, lang)} | {_cell(r.basis_md)} | {_cell(r.evidence)} | "
                       f"{control_result(checklist, r)} | {control_note(checklist, r)} |")
    elif checklist.kind == "checklist-self":
        out.append(f"| {w['no']} | {w['task']} | {w['roles']} | {w['deadline']} | {w['evidence']} | {w['done']} | {w['notes']} |")
        out.append("|---|---|---|---|---|---|---|")
        for r in rows:
            out.append(f"| {r.number} | {_requirement(r, lang)} | {_cell(r.roles)} | {_cell(r.deadline)} | "
                       f"{_cell(r.evidence)} | {control_done(checklist, r)} | {control_note(checklist, r)} |")
    else:  # role
        out.append(f"| {w['no']} | {w['task']} | {w['deadline']} | {w['basis']} | {w['evidence']} | {w['done']} |")
        out.append("|---|---|---|---|---|---|")
        for r in rows:
            out.append(f"| {r.number} | {_requirement(r, lang)} | {_cell(r.deadline)} | {_cell(r.basis_md)} | "
                       f"{_cell(r.evidence)} | {control_done(checklist, r)} |")
    return out


def _grouped(checklist: Checklist) -> list[str]:
    out: list[str] = []
    section = None
    group: list[Row] = []
    for row in checklist.rows + [None]:
        if row is None or row.section != section:
            if group:
                out += ["", f"### {section}", ""] + _table(checklist, group)
            if row is None:
                break
            section, group = row.section, []
        group.append(row)
    return out


def _calendar(checklist: Checklist) -> list[str]:
    w = labels(checklist.lang)
    lang = checklist.lang
    by = {s: [r for r in checklist.rows if r.section == s] for s in ("grid", "other", "events", "once")}
    out: list[str] = []
    if by["grid"]:
        heads = " | ".join(month_label(m, lang) for m in range(1, 13))
        out += ["", f"### {w['calendar_grid']}", "", w["calendar_grid_intro"], "",
                '<div class="ck-grid" markdown>', "",
                f"| {w['no']} | {w['task']} | {heads} | {w['deadline']} | {w['done']} |",
                "|---|---|" + "---|" * 12 + "---|---|"]
        for r in by["grid"]:
            cells = " | ".join(
                (f'<span class="ck-mark">●</span><span class="ck-sr">'
                 f'{("tháng " + str(m)) if lang == "vi" else _MONTH_NAMES_EN[m - 1]}</span>')
                if m in r.months else "" for m in range(1, 13))
            out.append(f"| {r.number} | {_requirement(r, lang)} | {cells} | {_cell(r.deadline)} | "
                       f"{control_done(checklist, r)} |")
        out += ["", "</div>", "", f"### {w['calendar_quarters']}", ""]
        for q in range(1, 5):
            months = range(3 * q - 2, 3 * q + 1)
            names = [r for r in by["grid"] if any(m in r.months for m in months)]
            title = w["quarter"].format(r=("I", "II", "III", "IV")[q - 1], n=q)
            out.append(f"**{title}**")
            out.append("")
            if names:
                for r in names:
                    when = ", ".join(month_label(m, lang) for m in r.months if m in months)
                    out.append(f"- {_cell(r.requirement)} ({when}) {_explain(r, lang)}")
            else:
                out.append(w["none_quarter"])
            out.append("")
    for section, title_key, intro_key in (("other", "calendar_other", None),
                                          ("events", "calendar_events", "calendar_events_intro"),
                                          ("once", "calendar_once", None)):
        rows = by[section]
        if not rows:
            continue
        out += ["", f"### {w[title_key]}", ""]
        if intro_key:
            out += [w[intro_key], ""]
        out += [f"| {w['no']} | {w['task']} | {w['deadline']} | {w['roles']} | {w['basis']} | {w['done']} |",
                "|---|---|---|---|---|---|"]
        for r in rows:
            out.append(f"| {r.number} | {_requirement(r, lang)} | {_cell(r.deadline)} | {_cell(r.roles)} | "
                       f"{_cell(r.basis_md)} | {control_done(checklist, r)} |")
    return out


def _print_header(checklist: Checklist) -> str:
    w = labels(checklist.lang)
    first = w["inspector"] if checklist.kind == "checklist-inspection" else w["filled_by"]
    return ('<div class="ck-print-only ck-form-head">'
            f'<p><span>{w["unit"]}:</span><span class="ck-line"></span></p>'
            f'<p><span>{w["date"]}:</span><span class="ck-line"></span></p>'
            f'<p><span>{first}:</span><span class="ck-line"></span></p>'
            "</div>")


def _signatures(checklist: Checklist) -> str:
    w = labels(checklist.lang)
    first = w["inspector"] if checklist.kind == "checklist-inspection" else w["filled_by"]
    return ('<div class="ck-print-only ck-signatures">'
            f'<div><p><strong>{w["unit_rep"]}</strong></p><p>{w["sign"]}</p></div>'
            f'<div><p><strong>{first}</strong></p><p>{w["sign"]}</p></div>'
            "</div>")


def markdown(checklist: Checklist) -> str:
    """The generated part of a checklist page."""
    w = labels(checklist.lang)
    csv = download_name(checklist.page_uri, checklist.lang, "csv")
    xlsx = download_name(checklist.page_uri, checklist.lang, "xlsx")
    lines = [
        f'<div class="ck-checklist" data-ck-checklist="{checklist.key}" data-ck-lang="{checklist.lang}" '
        f'data-ck-control="{checklist.control}" data-ck-count="{len(checklist.rows)}" markdown>',
        "",
        f'<p class="ck-downloads"><span>{w["downloads"]}:</span> '
        f'<a href="{csv}" download data-ck-download="csv">{w["csv"]}</a> · '
        f'<a href="{xlsx}" download data-ck-download="xlsx">{w["xlsx"]}</a></p>',
        "",
        _print_header(checklist),
    ]
    if not checklist.rows:
        lines += ["", f'<p class="ck-empty">{w["empty"]}</p>']
    elif checklist.kind == "checklist-calendar":
        lines += _calendar(checklist)
    else:
        lines += _grouped(checklist)
    lines += ["", _signatures(checklist), "", "</div>", ""]
    return "\n".join(lines)
