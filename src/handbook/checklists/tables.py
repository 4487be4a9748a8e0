"""The four checklists as data: which items, in which order, in which columns.

One model feeds the page (Markdown), the CSV and the XLSX, so the downloads
always hold exactly the rows the page shows.
"""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from handbook.errors import ContentError
from handbook.content import scanner
from handbook.content.scanner import relpath
from handbook.checklists.links import relative, resolve
from handbook.checklists.collect import Collection, Entry, names_article
from handbook.checklists.labels import MONTHS_SHORT_EN, labels
from handbook.checklists.model import (ROLES, applies_words, deadline_words, due_months, is_event,
                                       obligation_label, roles_text)

KINDS = ("checklist-inspection", "checklist-self", "checklist-role", "checklist-calendar")


@dataclass
class Row:
    number: int
    entry: Entry
    section: str          # topic heading, or calendar section
    requirement: str
    roles: str
    basis_md: str         # links rewritten for the checklist page
    basis_text: str       # link texts only, for spreadsheets
    evidence: str
    deadline: str
    months: tuple
    explain_md: str       # relative Markdown link target to the explanation
    explain_url: str      # address for spreadsheets
    obligation: str = ""  # "law", "practice" ("" when the item does not say)
    applies: dict = None  # the item's ``applies_if`` (canonical); empty: every unit
    applies_text: str = ""  # its conditions in words, with the articles of its basis
    part: str = ""        # inspection list: "law" (scored) or "practice" (listed apart)

    @property
    def id(self) -> str:
        return self.entry.item.id


@dataclass
class Checklist:
    key: str              # storage key: "inspection", "self", "role-thu-truong", "calendar"
    kind: str
    argument: str | None
    lang: str
    page_uri: str
    rows: list[Row]
    control: str          # "result" (Đạt/Chưa đạt/KAD) or "done" (tick)
    title: str = ""


def checklist_key(kind: str, argument: str | None) -> str:
    short = kind.removeprefix("checklist-")
    return f"{short}-{argument}" if argument else short


def _one_line(text: str) -> str:
    return " ".join((text or "").split())  # str.split's white space is re's \s


@functools.lru_cache(maxsize=1 << 15)
def _plain(markdown: str) -> str:
    text = scanner.INLINE_LINK.sub(lambda m: m.group("text"), markdown)
    return _one_line(re.sub(r"[*_`]", "", text))


def rewrite_links(markdown: str, from_src_uri: str, from_base_uri: str, to_page_uri: str) -> str:
    """Re-aim relative links written on one page so they work from another."""
    return _rewrite_links(markdown, from_src_uri, from_base_uri, posixpath.dirname(to_page_uri))


@functools.lru_cache(maxsize=1 << 15)  # the same item's basis on every list in one folder
def _rewrite_links(markdown: str, from_src_uri: str, from_base_uri: str, to_folder: str) -> str:
    def fix(match):
        url = match.group("target")
        target, anchor, problem = resolve(from_src_uri, url)
        if problem or (target is None and anchor is None):
            return match.group(0)
        target = target or from_base_uri
        new = relpath(target, to_folder or ".") + (f"#{anchor}" if anchor else "")
        return f'{match.group("image")}[{match.group("text")}]({new})'
    return scanner.INLINE_LINK.sub(fix, markdown)


def page_url(base_uri: str, lang: str, default_lang: str = "vi", directory_urls: bool = True,
             site_url: str = "") -> str:
    """Address of a page as served: "cam-nang/cong-khai.md" -> "cam-nang/cong-khai/"
    ("en/cam-nang/cong-khai/" on the English site)."""
    stem = base_uri[:-3]
    if directory_urls:
        if stem == "index" or stem.endswith("/index"):
            path = stem[:-5]
        else:
            path = stem + "/"
    else:
        path = stem + ".html"
    prefix = "" if lang == default_lang else f"{lang}/"
    base = site_url.rstrip("/") + "/" if site_url else "/"
    return base + prefix + path


def select(kind: str, argument: str | None, entries: list[Entry], path: str) -> list[Entry]:
    if kind in ("checklist-inspection", "checklist-self"):
        # the Steering Committee's own duties are not checked in a unit
        return [e for e in entries if set(e.item.roles) != {"ban-chi-dao"}]
    if kind == "checklist-role":
        if argument not in ROLES:
            raise ContentError(path, 2, "checklist-generate",
                               f"Vai trò '{argument}' không hợp lệ trong 'generate: checklist-role:<vai trò>'. "
                               f"Các vai trò hợp lệ: {', '.join(ROLES)}.",
                               f"Unknown role '{argument}' in 'generate: checklist-role:<role>'. "
                               f"Valid roles: {', '.join(ROLES)}.",
                               "Ví dụ: generate: checklist-role:thu-truong", "E.g. generate: checklist-role:thu-truong")
        return [e for e in entries if argument in e.item.roles]
    if kind == "checklist-calendar":
        return list(entries)
    raise ValueError(kind)


def calendar_section(entry: Entry) -> str:
    item = entry.item
    if is_event(item.frequency, item.due):
        return "events"
    if item.frequency == "once":
        return "once"
    if due_months(item.frequency, item.due):
        return "grid"
    return "other"


CALENDAR_SECTIONS = ("grid", "other", "events", "once")


def articles(item) -> tuple[str, ...]:
    """The words of the item's basis links that name an article of a
    regulation ("Luật 10/2022/QH15, Điều 51"), in the order written."""
    return tuple(dict.fromkeys(link.text for link in item.links if names_article(item, link.url)))


def applies_text(item, lang: str) -> str:
    """When an item applies, and on which articles: "Đơn vị có từ 8 người trở
    lên (…) — Luật 10/2022/QH15, Điều 51". Empty for an item of every unit."""
    if not item.applies_if:
        return ""
    words = applies_words(item.applies_if, lang)
    # the articles its basis cites (else its basis as written)
    cited = "; ".join(articles(item) or dict.fromkeys(link.text for link in item.links))
    return f"{words} — {cited}" if cited else words


def part_of(item) -> str:
    """The inspection list scores legal requirements only (issue 17); an item
    that does not declare its obligation is shown with them."""
    return "practice" if item.obligation == "practice" else "law"


def build(collection: Collection, kind: str, argument: str | None, lang: str, page_uri: str,
          path: str = "", url=page_url) -> Checklist:
    """The checklist the page ``page_uri`` (a docs path) shows to readers of ``lang``."""
    entries = select(kind, argument, collection.entries(lang), path)
    words = labels(lang)
    if kind == "checklist-calendar":
        order = {s: n for n, s in enumerate(CALENDAR_SECTIONS)}
        entries = sorted(entries, key=lambda e: order[calendar_section(e)])  # stable: keeps reading order
    elif kind == "checklist-inspection":  # legal requirements first, then the practices
        entries = sorted(entries, key=lambda e: part_of(e.item) == "practice")
    rows = []
    for number, entry in enumerate(entries, start=1):
        item = entry.item
        requirement = _one_line(item.requirement) + ("" if entry.translated else words["untranslated"])
        basis = "; ".join(_one_line(b) for b in item.basis)
        target = entry.page_uri
        explain = relative(page_uri, target) + (f"#{entry.anchor}" if entry.anchor else "")
        address = url(target, lang) + (f"#{entry.anchor}" if entry.anchor else "")
        rows.append(Row(
            number=number, entry=entry,
            section=calendar_section(entry) if kind == "checklist-calendar" else entry.topic,
            requirement=requirement, roles=roles_text(item.roles, lang),
            basis_md=rewrite_links(basis, item.src_uri, item.base_uri, page_uri),
            basis_text=_plain(basis), evidence=_one_line(item.evidence),
            deadline=deadline_words(item.frequency, item.due, lang),
            months=due_months(item.frequency, item.due),
            explain_md=explain, explain_url=address,
            obligation=item.obligation or "", applies=dict(item.applies_if),
            applies_text=applies_text(item, lang),
            part=part_of(item) if kind == "checklist-inspection" else "",
        ))
    control = "result" if kind == "checklist-inspection" else "done"
    return Checklist(checklist_key(kind, argument), kind, argument, lang, page_uri, rows, control)


def month_label(n: int, lang: str) -> str:
    return f"T{n}" if lang == "vi" else MONTHS_SHORT_EN[n - 1]


def months_text(months: tuple, lang: str) -> str:
    return ", ".join(str(m) for m in months)


# ---- spreadsheet columns ---------------------------------------------------

def columns(checklist: Checklist) -> list[tuple[str, int]]:
    """(header, width in characters) of the spreadsheet for this checklist.
    The filled results exported from the browser (checklists.js) have the same
    columns, with the result (or status) and notes filled in."""
    w = labels(checklist.lang)
    if checklist.kind == "checklist-inspection":
        return [(w["no"], 5), (w["id"], 22), (w["topic"], 22), (w["obligation"], 16), (w["requirement"], 50),
                (w["applies_if"], 30), (w["basis"], 30), (w["evidence_check"], 40), (w["result"], 16),
                (w["notes"], 36), (w["link"], 40)]
    if checklist.kind == "checklist-calendar":
        return [(w["no"], 5), (w["id"], 22), (w["task"], 50), (w["obligation"], 16), (w["deadline"], 30),
                (w["months"], 14), (w["roles"], 30), (w["basis"], 30), (w["applies_if"], 30), (w["status"], 16),
                (w["notes"], 30), (w["link"], 40)]
    return [(w["no"], 5), (w["id"], 22), (w["topic"], 22), (w["task"], 50), (w["obligation"], 16),
            (w["applies_if"], 30), (w["roles"], 30), (w["deadline"], 26), (w["basis"], 30), (w["evidence"], 36),
            (w["status"], 16), (w["notes"], 30), (w["link"], 40)]


def values(checklist: Checklist, row: Row) -> list:
    nature = obligation_label(row.obligation or None, checklist.lang)
    if checklist.kind == "checklist-inspection":
        return [row.number, row.id, row.section, nature, row.requirement, row.applies_text, row.basis_text,
                row.evidence, "", "", row.explain_url]
    if checklist.kind == "checklist-calendar":
        when = months_text(row.months, checklist.lang)
        return [row.number, row.id, row.requirement, nature, row.deadline, when, row.roles, row.basis_text,
                row.applies_text, "", "", row.explain_url]
    return [row.number, row.id, row.section, row.requirement, nature, row.applies_text, row.roles, row.deadline,
            row.basis_text, row.evidence, "", "", row.explain_url]


def choice_column(checklist: Checklist) -> int:
    """0-based index of the column with a list of allowed answers."""
    heads = [h for h, _ in columns(checklist)]
    w = labels(checklist.lang)
    return heads.index(w["result"] if checklist.control == "result" else w["status"])


def notes_column(checklist: Checklist) -> int:
    return [h for h, _ in columns(checklist)].index(labels(checklist.lang)["notes"])


def choices(checklist: Checklist, row: Row | None = None) -> tuple[str, ...]:
    """Answers allowed in the choice column (of ``row``: on the inspection
    list a recommended practice is noted as done or not, never scored)."""
    w = labels(checklist.lang)
    if checklist.control == "result" and (row is None or row.part != "practice"):
        return w["results"]
    return w["statuses"]


INFO_KEYS = ("title", "name", "unit", "date", "inspectors", "staff", "dispersed", "internal_system", "board",
             "summary", "exported")


def info_rows(checklist: Checklist) -> list[tuple[str, str]]:
    """(label, key) of the workbook's second sheet: the session the results
    belong to (unit, date, inspectors, the unit's profile, the summary). The
    blank workbook has it with empty values; checklists.js fills it."""
    w = labels(checklist.lang)
    inspection = checklist.kind == "checklist-inspection"
    words = {"title": w["checklist"], "name": w["session_name"],
             "unit": w["form_unit"] if inspection else w["form_unit_self"],
             "date": w["form_date"] if inspection else w["form_date_self"],
             "inspectors": w["form_inspectors"] if inspection else w["form_filled_by"],
             "staff": w["profile_staff"], "dispersed": w["profile_dispersed"],
             "internal_system": w["profile_internal_system"], "board": w["profile_board"],
             "summary": w["summary"], "exported": w["exported_at"]}
    return [(words[key], key) for key in INFO_KEYS]


def download_name(page_uri: str, lang: str, ext: str) -> str:
    stem = posixpath.basename(page_uri)[:-3]
    return f"bang-kiem-{stem}-{lang}.{ext}"
