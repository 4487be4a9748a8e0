"""Verification marks: what has not yet been checked against the official text.

Two marks exist (CONTRIBUTING, "Đánh dấu cần xác minh"):

* a whole page: front matter ``verified: false`` and ``verify_note: "..."``;
* one statement: the admonition ``!!! unverified "Cần xác minh"`` (English
  ``!!! unverified "To be verified"``) whose body says what must be checked.

``find_unverified(sources)`` lists both for editors' reports; the reader-facing
notice and the admonition's title are handled by ``hooks/verification.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.content import frontmatter
from handbook.content import scanner
from handbook.build import memo
from handbook.content.sources import Source

ADMONITION_TYPE = "unverified"
# Title used when an editor writes ``!!! unverified`` without one.
DEFAULT_TITLES = {"vi": "Cần xác minh", "en": "To be verified"}

_MARKER = re.compile(
    r'^(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?)[ \t]+(?P<classes>[^"\n]*?\bunverified\b[^"\n]*?)'
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)


@dataclass(frozen=True)
class Unverified:
    """One unverified page or statement.

    path      file as editors see it: ``docs/van-ban/nd-04-2015-nd-cp.md``
    src_uri   path under docs/: ``van-ban/nd-04-2015-nd-cp.md`` (``.en.md`` for English)
    base_uri  page path without the language suffix (link target for both languages)
    lang      language of the file: "vi" or "en"
    line      line of ``verified: false`` (page) or of the ``!!! unverified`` line (statement)
    kind      "page" or "statement"
    note      what must be checked (``verify_note`` or the admonition's body, one line)
    title     the page's title
    anchor    anchor of the nearest heading above a statement (None for pages,
              or when the statement sits before any heading)
    """
    path: str
    src_uri: str
    base_uri: str
    lang: str
    line: int
    kind: str
    note: str
    title: str
    anchor: str | None = None


def page_mark(source: Source) -> Unverified | None:
    """The page-level mark of one source, if its front matter says ``verified: false``."""
    if source.meta.get("verified") is not False:
        return None
    line = frontmatter.field_line(source.text, "verified") or 1
    note = source.meta.get("verify_note")
    note = " ".join(str(note).split()) if note else ""
    return Unverified(source.path, source.src_uri, source.base_uri, source.lang, line, "page",
                      note, str(source.meta.get("title") or source.base_uri))


def statement_marks(source: Source) -> list[Unverified]:
    """Every ``!!! unverified`` admonition of one source (outside code fences)."""
    if ADMONITION_TYPE not in source.text:
        return []  # most pages: no line to look at
    marks: list[Unverified] = []
    heading_at = {h.line: h.anchor for h in scanner.headings(source)}
    current_anchor = None
    open_mark: tuple[int, int, list[str]] | None = None  # (line, indent, body lines)
    title = str(source.meta.get("title") or source.base_uri)

    def close():
        nonlocal open_mark
        if open_mark is not None:
            line, _, body = open_mark
            marks.append(Unverified(source.path, source.src_uri, source.base_uri, source.lang,
                                    line, "statement", " ".join(" ".join(body).split()), title,
                                    anchor_for_mark))
            open_mark = None

    anchor_for_mark = None
    for line in scanner.body_lines(source):
        if open_mark is not None:
            _, indent, body = open_mark
            stripped = line.text.strip()
            line_indent = len(line.text) - len(line.text.lstrip(" \t"))
            if line.fence is not None or not stripped or line_indent > indent:
                if stripped and line.fence is None:
                    body.append(stripped)
                continue
            close()
        if line.fence is not None:
            continue
        if line.number in heading_at:
            current_anchor = heading_at[line.number]
        match = _MARKER.match(line.text)
        if match and ADMONITION_TYPE in match.group("classes").split():
            anchor_for_mark = current_anchor
            open_mark = (line.number, len(match.group("indent").expandtabs(4)), [])
    close()
    return marks


@memo.per_sources  # the editors' pages and reports ask for it in the same build
def find_unverified(sources: list[Source]) -> list[Unverified]:
    """Every unverified page and statement of the site, both languages,
    sorted by file and line.

    >>> from handbook import sources, verification
    >>> marks = verification.find_unverified(sources.load("docs", "."))
    >>> [(m.path, m.line, m.kind, m.note) for m in marks]   # doctest: +SKIP
    [('docs/van-ban/nd-04-2015-nd-cp.md', 12, 'page', 'Chưa thấy văn bản bãi bỏ chính thức'), ...]

    A page is unverified when its front matter has ``verified: false`` (the
    note is ``verify_note``); a statement when it is an ``unverified``
    admonition (the note is the admonition's text). Pure function: it only
    reads the ``Source`` objects given (``handbook.sources.load``).
    """
    marks: list[Unverified] = []
    for source in sources:
        page = page_mark(source)
        if page:
            marks.append(page)
        marks.extend(statement_marks(source))
    return sorted(marks, key=lambda m: (m.path, m.line))


def add_default_titles(markdown: str, lang: str) -> str:
    """``!!! unverified`` written without a title gets the title in ``lang``
    (code fences are left alone)."""
    if ADMONITION_TYPE not in markdown:
        return markdown
    title = DEFAULT_TITLES.get(lang, DEFAULT_TITLES["vi"])
    lines = markdown.split("\n")
    in_code = set()
    for fence in scanner.fences(lines):
        in_code.update(range(fence.start, len(lines) if fence.end is None else fence.end + 1))
    out = []
    for index, text in enumerate(lines):
        if index not in in_code:
            match = _MARKER.match(text)
            if match and match.group("title") is None and ADMONITION_TYPE in match.group("classes").split():
                text = f'{match.group("indent")}{match.group("mark")} {match.group("classes").strip()} "{title}"'
        out.append(text)
    return "\n".join(out)


LABELS = {
    "vi": {"page": "Trang", "where": "Vị trí", "kind": "Loại", "note": "Cần kiểm tra",
           "whole": "Cả trang", "statement": "Một nội dung", "none": "Không có nội dung nào đang chờ xác minh.",
           "count": "Tổng cộng: {n} mục."},
    "en": {"page": "Page", "where": "Where", "kind": "Kind", "note": "To check",
           "whole": "Whole page", "statement": "Statement", "none": "Nothing is waiting for verification.",
           "count": "Total: {n} items."},
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_report(marks: list[Unverified], lang: str, from_base_uri: str,
                  shown_src_uris: set[str] | None = None) -> str:
    """Markdown table of ``marks`` for an editors' page at ``from_base_uri``.

    Links go to the statement's heading only when the file marked is the one
    readers of ``lang`` see (``shown_src_uris``); otherwise to the page, since
    the other language's headings may differ.
    """
    t = LABELS.get(lang, LABELS["vi"])
    if not marks:
        return t["none"]
    rows = [f"| {t['page']} | {t['where']} | {t['kind']} | {t['note']} |", "|---|---|---|---|"]
    for mark in marks:
        anchor = mark.anchor if shown_src_uris is None or mark.src_uri in shown_src_uris else None
        link = scanner.relative_link(from_base_uri, mark.base_uri, anchor)
        page = f"[{_cell(mark.title)}]({link})"
        where = f"`{mark.path}:{mark.line}`"
        kind = t["whole"] if mark.kind == "page" else t["statement"]
        rows.append(f"| {page} | {where} | {kind} | {_cell(mark.note) or '—'} |")
    return "\n".join(rows) + "\n\n" + t["count"].format(n=len(marks))
