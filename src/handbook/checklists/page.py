"""A checklist page's generated part: Markdown headings (the page's table of
contents), HTML tables (``htmltables.py``), the printed form's head, summary
and signatures.

Headings start at level 2 under the page's title (issue 23: no jump from h1
to h3). The inspection list scores legal requirements only; the handbook's
recommended practices follow in a section of their own (issue 17). Every
cell carries its column's name (``data-label``): below ~700 px the rows
become cards that show it (checklists.css). The toolbar, the inspection
sessions and the unit profile are put in place of ``data-ck-tools`` once the
page is written (``tools.py``): they are the handbook's controls, not content.
"""
from __future__ import annotations

import html
import json

from handbook.checklists.htmltables import Inline, table
from handbook.checklists.labels import RESULT_VALUES, labels
from handbook.checklists.model import STAFF_BANDS
from handbook.checklists.tables import (Checklist, Row, choice_column, columns, download_name, info_rows,
                                        month_label, notes_column)

_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")
TOOLS_SLOT = '<div class="ck-tools" data-ck-tools></div>'


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    return html.escape(text, quote=False)


class _Writer:
    """The HTML of one checklist page's tables (see ``htmltables.py``)."""

    def __init__(self, checklist: Checklist, inline: Inline | None, evidence=None):
        self.checklist = checklist
        self.lang = checklist.lang
        self.w = labels(checklist.lang)
        self.inline = inline or Inline(checklist.page_uri)
        self.evidence_extra = evidence  # (inline, item id) -> HTML after the evidence (model documents)
        self.end = ""                   # the form's summary and signatures, as the last table's last row
        self.last_id = checklist.rows[-1].id if checklist.rows else None

    def evidence(self, row: Row) -> str:
        extra = self.evidence_extra(self.inline, row.id) if self.evidence_extra else ""
        return self.text(row.evidence) + extra

    def text(self, plain: str) -> str:
        return self.inline.text(plain)

    def req_id(self, row: Row) -> str:
        # "cks-", not "ck-": ids starting with "ck-" are the items' own anchors;
        # one checklist per page, so its row numbers are unique there
        return f"cks-{row.number}"

    def explain(self, row: Row) -> str:
        link = self.inline.link(_text(self.w["explain"]), row.explain_md, self.w["explain_title"])
        return f'<span class="ck-more">({link})</span>'

    def kind(self, row: Row) -> str:
        if not row.obligation:
            return ""
        word = self.w["kind_law"] if row.obligation == "law" else self.w["kind_practice"]
        return f'<span class="ck-kind ck-kind--{row.obligation}">{_text(word)}</span>'

    def applies(self, row: Row) -> str:
        """When the item applies (and the articles that say so); the row is
        marked not applicable when the unit's profile rules it out."""
        if not row.applies_text:
            return ""
        return (f'<span class="ck-applies"><span class="ck-applies__na">{_text(self.w["not_applicable"])}.</span> '
                f'<strong>{_text(self.w["applies_when"])}:</strong> {self.text(row.applies_text)}.</span>')

    def requirement(self, row: Row, with_kind: bool = True) -> str:
        kind = self.kind(row) if with_kind else ""
        return (f'<span class="ck-req" id="{self.req_id(row)}">{self.inline(row.requirement)}</span> '
                f'{self.explain(row)}{kind}{self.applies(row)}')

    def result(self, row: Row) -> str:
        w, rid = self.w, self.req_id(row)
        name = f"ck-{self.checklist.key}-{row.id}"
        options = "".join(
            f'<label class="ck-opt"><input type="radio" name="{name}" value="{value}" data-ck-item="{row.id}" '
            f'data-ck-field="result"><span>{_text(text)}</span></label>'
            for value, text in zip(RESULT_VALUES, w["results"]))
        # the group's name: "Kết quả, STT 3:" and the requirement (screen readers
        # hear which row they mark)
        return (f'<fieldset class="ck-choice" aria-labelledby="{rid}-r {rid}">'
                f'<span hidden id="{rid}-r">{_text(w["result"])}, {_text(w["no"])} {row.number}:</span>'
                f"{options}</fieldset>")

    def done(self, row: Row) -> str:
        w, rid = self.w, self.req_id(row)
        return (f'<label class="ck-opt ck-tick"><input type="checkbox" data-ck-item="{row.id}" data-ck-field="done" '
                f'aria-labelledby="{rid}-d {rid}"><span id="{rid}-d">{_text(w["done"])}</span></label>'
                f'<span hidden id="{rid}-dn">, {_text(w["no"])} {row.number}</span>')

    def note(self, row: Row) -> str:
        w, rid = self.w, self.req_id(row)
        return (f'<textarea class="ck-note" rows="2" data-ck-item="{row.id}" data-ck-field="note" '
                f'aria-labelledby="{rid}-n {rid}"></textarea>'
                f'<span hidden id="{rid}-n">{_text(w["notes"])}, {_text(w["no"])} {row.number}:</span>'
                f'<span class="ck-note-print" data-ck-note-print="{row.id}"></span>')

    def table(self, variant: str, spec: list[tuple[str, str]], rows: list[Row], cells) -> str:
        """``spec``: (column class, header) per column; ``cells(row)``: the
        cells' HTML in the same order."""
        heads = [self.text(head) for _, head in spec]
        body = []
        for row in rows:
            attrs = {"class": "ck-row", "data-ck-row": row.id}
            if row.applies:
                attrs["data-ck-applies"] = json.dumps(
                    {k: list(v) if isinstance(v, tuple) else v for k, v in row.applies.items()},
                    ensure_ascii=False, separators=(",", ":"))
                attrs["data-ck-reason"] = row.applies_text
            if row.part:
                attrs["data-ck-part"] = row.part
            body.append((attrs, cells(row)))
        last = self.last_id is not None and rows[-1].id == self.last_id
        tail = (f'<tr class="ck-form-end"><td colspan="{len(spec)}">{self.end}</td></tr>'
                if last and self.end else "")
        return table(heads, body, classes=f"ck-table ck-table--{variant}",
                     cols=[c for c, _ in spec], labels=[h for _, h in spec], tail=tail)


def _inspection_spec(w, practice: bool) -> list[tuple[str, str]]:
    return [("ck-c-no", w["no"]), ("ck-c-req", w["practice"] if practice else w["requirement"]),
            ("ck-c-basis", w["basis"]), ("ck-c-evidence", w["evidence_check"]),
            ("ck-c-result", w["noted"] if practice else w["result"]), ("ck-c-note", w["notes"])]


def _table(out: _Writer, rows: list[Row]) -> str:
    checklist, w = out.checklist, out.w
    text = out.inline
    if checklist.kind == "checklist-inspection":
        practice = rows[0].part == "practice"
        return out.table("practice" if practice else "inspection", _inspection_spec(w, practice), rows, lambda r: [
            str(r.number), out.requirement(r, with_kind=False), text(r.basis_md), out.evidence(r),
            out.done(r) if practice else out.result(r), out.note(r)])
    if checklist.kind == "checklist-self":
        spec = [("ck-c-no", w["no"]), ("ck-c-req", w["task"]), ("ck-c-roles", w["roles"]),
                ("ck-c-deadline", w["deadline"]), ("ck-c-evidence", w["evidence"]), ("ck-c-done", w["done"]),
                ("ck-c-note", w["notes"])]
        return out.table("self", spec, rows, lambda r: [
            str(r.number), out.requirement(r), out.text(r.roles), out.text(r.deadline), out.evidence(r),
            out.done(r), out.note(r)])
    spec = [("ck-c-no", w["no"]), ("ck-c-req", w["task"]), ("ck-c-deadline", w["deadline"]),
            ("ck-c-basis", w["basis"]), ("ck-c-evidence", w["evidence"]), ("ck-c-done", w["done"]),
            ("ck-c-note", w["notes"])]
    return out.table("role", spec, rows, lambda r: [
        str(r.number), out.requirement(r), out.text(r.deadline), text(r.basis_md), out.evidence(r),
        out.done(r), out.note(r)])


def _runs(rows: list[Row], key) -> list[tuple[str, list[Row]]]:
    """Consecutive rows with the same ``key(row)``, in order."""
    runs: list[tuple[str, list[Row]]] = []
    for row in rows:
        if runs and runs[-1][0] == key(row):
            runs[-1][1].append(row)
        else:
            runs.append((key(row), [row]))
    return runs


def _grouped(out: _Writer, place) -> list[str]:
    """One table per topic; on the inspection list, under the legal
    requirements (scored) and then the recommended practices (not scored)."""
    lines: list[str] = []
    w = out.w
    if out.checklist.kind != "checklist-inspection":
        for section, group in _runs(out.checklist.rows, lambda r: r.section):
            lines += ["", f"## {section}", "", place(_table(out, group))]
        return lines
    for part, rows in _runs(out.checklist.rows, lambda r: r.part):
        title, intro = (w["law_section"], w["law_intro"]) if part == "law" else (
            w["practice_section"], w["practice_intro"])
        lines += ["", f"## {title}", "", place(f'<p class="ck-part-intro ck-part-intro--{part}">{_text(intro)}</p>')]
        for section, group in _runs(rows, lambda r: r.section):
            lines += ["", f"### {section}", "", place(_table(out, group))]
    return lines


def _month_cell(month: int, row: Row, lang: str) -> str:
    if month not in row.months:
        return ""
    name = f"tháng {month}" if lang == "vi" else _MONTH_NAMES_EN[month - 1]
    return f'<span class="ck-mark" role="img" aria-label="{_attr(name)}">●</span>'


def _calendar(out: _Writer, place) -> list[str]:
    checklist, w, lang = out.checklist, out.w, out.lang
    by = {s: [r for r in checklist.rows if r.section == s] for s in ("grid", "other", "events", "once")}
    lines: list[str] = []
    if by["grid"]:
        spec = [("ck-c-no", w["no"]), ("ck-c-req", w["task"]),
                *(("ck-c-month", month_label(m, lang)) for m in range(1, 13)),
                ("ck-c-deadline", w["deadline"]), ("ck-c-done", w["done"])]
        grid = out.table("calendar", spec, by["grid"], lambda r: [
            str(r.number), out.requirement(r), *(_month_cell(m, r, lang) for m in range(1, 13)),
            out.text(r.deadline), out.done(r)])
        # the quarters repeat the grid for reading on screen: not on the paper form
        lines += ["", f"## {w['calendar_grid']}", "", w["calendar_grid_intro"], "", place(grid),
                  "", '<div class="ck-quarters" markdown>', "", f"## {w['calendar_quarters']}", ""]
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
                lines.append(place('<ul class="ck-quarter">\n' + "\n".join(items) + "\n</ul>"))
            else:
                lines.append(w["none_quarter"])
            lines.append("")
        lines += ["</div>", ""]
    for section, title_key, intro_key in (("other", "calendar_other", None),
                                          ("events", "calendar_events", "calendar_events_intro"),
                                          ("once", "calendar_once", None)):
        rows = by[section]
        if not rows:
            continue
        lines += ["", f"## {w[title_key]}", ""]
        if intro_key:
            lines += [w[intro_key], ""]
        spec = [("ck-c-no", w["no"]), ("ck-c-req", w["task"]), ("ck-c-deadline", w["deadline"]),
                ("ck-c-roles", w["roles"]), ("ck-c-basis", w["basis"]), ("ck-c-done", w["done"])]
        lines.append(place(out.table("list", spec, rows, lambda r: [
            str(r.number), out.requirement(r), out.text(r.deadline), out.text(r.roles), out.inline(r.basis_md),
            out.done(r)])))
    return lines


def _box(field: str, value: str) -> str:
    """A tick box of the printed form, ticked (checklists.js) when the
    session's profile holds ``field`` = ``value``."""
    return f'<span class="ck-box" data-ck-show-profile="{field}={value}"></span>'


def _form_head(checklist: Checklist) -> str:
    """Unit, date, inspectors and the unit's profile: lines and boxes on a
    blank form, the session's values on a filled one (checklists.js)."""
    w = labels(checklist.lang)
    inspection = checklist.kind == "checklist-inspection"
    fields = (("unit", w["form_unit"] if inspection else w["form_unit_self"]),
              ("date", w["form_date"] if inspection else w["form_date_self"]),
              ("inspectors", w["form_inspectors"] if inspection else w["form_filled_by"]))
    lines = "".join(f'<div><dt>{_text(label)}:</dt><dd data-ck-show="{key}"></dd></div>' for key, label in fields)
    staff = " ".join(f'<span class="ck-box-label">{_box("staff", band)} {_text(w["staff_bands"][band])}</span>'
                     for band in STAFF_BANDS)
    flags = "".join(
        f'<p><span>{_text(w["profile_" + key])}:</span> '
        f'<span class="ck-box-label">{_box(key, "yes")} {_text(w["yes"])}</span> '
        f'<span class="ck-box-label">{_box(key, "no")} {_text(w["no_"])}</span></p>'
        for key in ("dispersed", "internal_system", "board"))
    return ('<div class="ck-print-only ck-form-head">'
            f'<dl class="ck-form-fields">{lines}</dl>'
            f'<div class="ck-form-profile"><p class="ck-form-profile__title"><strong>{_text(w["profile"])}</strong></p>'
            f'<p><span>{_text(w["profile_staff"])}:</span> {staff}</p>{flags}</div>'
            "</div>")


def _summary(checklist: Checklist) -> str:
    """The result in numbers: blank lines on paper, counted by checklists.js."""
    w = labels(checklist.lang)
    if checklist.kind == "checklist-inspection":
        scored = sum(1 for r in checklist.rows if r.part == "law")
        names = list(zip(RESULT_VALUES, w["results"])) + [("none", w["not_assessed"])]
        counts = " · ".join(f'{_text(text)}: <span class="ck-count" data-ck-count-of="{value}"></span>'
                            for value, text in names)
        body = f'{counts} ({_text(w["of_law"].format(n=scored))})'
    else:
        body = _text(w["done_of"].format(n=len(checklist.rows))).replace(
            "……", '<span class="ck-count" data-ck-count-of="done"></span>', 1)
    return f'<p class="ck-summary"><strong>{_text(w["summary"])}:</strong> {body}</p>'


def _signatures(checklist: Checklist) -> str:
    w = labels(checklist.lang)
    first = w["inspector"] if checklist.kind == "checklist-inspection" else w["filled_by"]
    return ('<div class="ck-signatures">'
            f'<div><p><strong>{_text(w["unit_rep"])}</strong></p><p>{_text(w["sign"])}</p></div>'
            f'<div><p><strong>{_text(first)}</strong></p><p>{_text(w["sign"])}</p></div>'
            "</div>")


def markdown(checklist: Checklist, inline: Inline | None = None, place=None, evidence=None) -> str:
    """The generated part of a checklist page: headings in Markdown (for the
    table of contents), tables and lists as HTML. ``place(html)`` returns what
    stands for a block of HTML in the Markdown (by default the HTML itself);
    ``inline`` renders field text for this page (links, abbreviations);
    ``evidence(inline, item_id)``: HTML after an item's evidence (the model
    documents that serve it, ``handbook.models.links.evidence_cell``)."""
    out = _Writer(checklist, inline, evidence)
    out.end = _summary(checklist) + _signatures(checklist)
    place = place or (lambda block: block)
    w = labels(checklist.lang)
    csv = download_name(checklist.page_uri, checklist.lang, "csv")
    xlsx = download_name(checklist.page_uri, checklist.lang, "xlsx")
    widths = " ".join(str(width) for _, width in columns(checklist))
    scored = sum(1 for r in checklist.rows if r.part == "law")
    # what checklists.js needs to fill the blank spreadsheet's columns: where
    # the answer and the notes go, the answers' words, the session sheet
    info = json.dumps(info_rows(checklist), ensure_ascii=False, separators=(",", ":"))
    lines = [
        f'<div class="ck-checklist ck-checklist--{checklist.kind.removeprefix("checklist-")}" '
        f'data-ck-checklist="{checklist.key}" data-ck-lang="{checklist.lang}" '
        f'data-ck-control="{checklist.control}" data-ck-count="{len(checklist.rows)}" '
        f'data-ck-scored="{scored}" data-ck-widths="{widths}" '
        f'data-ck-choice="{choice_column(checklist)}" data-ck-notes="{notes_column(checklist)}" '
        f'data-ck-results="{_attr("|".join(w["results"]))}" data-ck-statuses="{_attr("|".join(w["statuses"]))}" '
        f'data-ck-info="{_attr(info)}" data-ck-info-sheet="{_attr(w["session_sheet"])}" '
        f'data-ck-title="{_attr(checklist.title or w["checklist"])}" markdown>',
        "",
        TOOLS_SLOT,
        "",
        f'<p class="ck-downloads"><span>{_text(w["blank_downloads"])}:</span> '
        f'<a href="{csv}" download data-ck-download="csv">{_text(w["csv"])}</a> · '
        f'<a href="{xlsx}" download data-ck-download="xlsx">{_text(w["xlsx"])}</a></p>',
        "",
        _form_head(checklist),
    ]
    if not checklist.rows:
        lines += ["", f'<p class="ck-empty">{_text(w["empty"])}</p>']
    elif checklist.kind == "checklist-calendar":
        lines += _calendar(out, place)
    else:
        lines += _grouped(out, place)
    if not checklist.rows:
        lines += ["", '<div class="ck-print-only ck-form-end">' + out.end + "</div>"]
    lines += ["", "</div>", ""]
    return "\n".join(lines)
