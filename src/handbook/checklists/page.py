"""A checklist page's generated part: Markdown headings, HTML tables (``htmltables.py``)."""
from __future__ import annotations

import html

from handbook.checklists.htmltables import Inline, table
from handbook.checklists.labels import RESULT_VALUES, labels
from handbook.checklists.tables import Checklist, Row, download_name, month_label

_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


class _Writer:
    """The HTML of one checklist page's tables (see ``htmltables.py``)."""

    def __init__(self, checklist: Checklist, inline: Inline | None):
        self.checklist = checklist
        self.lang = checklist.lang
        self.w = labels(checklist.lang)
        self.inline = inline or Inline(checklist.page_uri)

    def text(self, plain: str) -> str:
        return self.inline.text(plain)

    def explain(self, row: Row) -> str:
        link = self.inline.link(html.escape(self.w["explain"], quote=False), row.explain_md, self.w["explain_title"])
        return f'<span class="ck-more">{link}</span>'

    def requirement(self, row: Row) -> str:
        return f"{self.inline(row.requirement)} {self.explain(row)}"

    def table(self, heads: list[str], rows: list[list[str]]) -> str:
        return table([self.text(h) for h in heads], rows)


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


def _table(out: _Writer, rows: list[Row]) -> str:
    checklist, w = out.checklist, out.w
    text = out.inline
    if checklist.kind == "checklist-inspection":
        heads = [w["no"], w["requirement"], w["basis"], w["evidence_check"], w["result"], w["notes"]]
        cells = [[str(r.number), out.requirement(r), text(r.basis_md), text(r.evidence),
                  control_result(checklist, r), control_note(checklist, r)] for r in rows]
    elif checklist.kind == "checklist-self":
        heads = [w["no"], w["task"], w["roles"], w["deadline"], w["evidence"], w["done"], w["notes"]]
        cells = [[str(r.number), out.requirement(r), text(r.roles), text(r.deadline), text(r.evidence),
                  control_done(checklist, r), control_note(checklist, r)] for r in rows]
    else:  # role
        heads = [w["no"], w["task"], w["deadline"], w["basis"], w["evidence"], w["done"]]
        cells = [[str(r.number), out.requirement(r), text(r.deadline), text(r.basis_md), text(r.evidence),
                  control_done(checklist, r)] for r in rows]
    return out.table(heads, cells)


def _grouped(out: _Writer, place) -> list[str]:
    lines: list[str] = []
    section = None
    group: list[Row] = []
    for row in out.checklist.rows + [None]:
        if row is None or row.section != section:
            if group:
                lines += ["", f"### {section}", "", place(_table(out, group))]
            if row is None:
                break
            section, group = row.section, []
        group.append(row)
    return lines


def _month_cell(month: int, row: Row, lang: str) -> str:
    if month not in row.months:
        return ""
    name = f"tháng {month}" if lang == "vi" else _MONTH_NAMES_EN[month - 1]
    return f'<span class="ck-mark">●</span><span class="ck-sr">{name}</span>'


def _calendar(out: _Writer, place) -> list[str]:
    checklist, w, lang = out.checklist, out.w, out.lang
    by = {s: [r for r in checklist.rows if r.section == s] for s in ("grid", "other", "events", "once")}
    lines: list[str] = []
    if by["grid"]:
        heads = [w["no"], w["task"], *(month_label(m, lang) for m in range(1, 13)), w["deadline"], w["done"]]
        cells = [[str(r.number), out.requirement(r), *(_month_cell(m, r, lang) for m in range(1, 13)),
                  out.text(r.deadline), control_done(checklist, r)] for r in by["grid"]]
        lines += ["", f"### {w['calendar_grid']}", "", w["calendar_grid_intro"], "",
                  place(f'<div class="ck-grid">\n{out.table(heads, cells)}\n</div>'),
                  "", f"### {w['calendar_quarters']}", ""]
        for q in range(1, 5):
            months = range(3 * q - 2, 3 * q + 1)
            names = [r for r in by["grid"] if any(m in r.months for m in months)]
            title = w["quarter"].format(r=("I", "II", "III", "IV")[q - 1], n=q)
            lines += [f"**{title}**", ""]
            if names:
                items = []
                for r in names:
                    when = ", ".join(month_label(m, lang) for m in r.months if m in months)
                    items.append(f"<li>{out.inline(r.requirement)} ({out.text(when)}) {out.explain(r)}</li>")
                lines.append(place("<ul>\n" + "\n".join(items) + "\n</ul>"))
            else:
                lines.append(w["none_quarter"])
            lines.append("")
    for section, title_key, intro_key in (("other", "calendar_other", None),
                                          ("events", "calendar_events", "calendar_events_intro"),
                                          ("once", "calendar_once", None)):
        rows = by[section]
        if not rows:
            continue
        lines += ["", f"### {w[title_key]}", ""]
        if intro_key:
            lines += [w[intro_key], ""]
        heads = [w["no"], w["task"], w["deadline"], w["roles"], w["basis"], w["done"]]
        cells = [[str(r.number), out.requirement(r), out.text(r.deadline), out.text(r.roles),
                  out.inline(r.basis_md), control_done(checklist, r)] for r in rows]
        lines.append(place(out.table(heads, cells)))
    return lines


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


def markdown(checklist: Checklist, inline: Inline | None = None, place=None) -> str:
    """The generated part of a checklist page: headings in Markdown (for the
    table of contents), tables and lists as HTML. ``place(html)`` returns what
    stands for a block of HTML in the Markdown (by default the HTML itself);
    ``inline`` renders field text for this page (links, abbreviations)."""
    out = _Writer(checklist, inline)
    place = place or (lambda block: block)
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
        lines += _calendar(out, place)
    else:
        lines += _grouped(out, place)
    lines += ["", _signatures(checklist), "", "</div>", ""]
    return "\n".join(lines)
