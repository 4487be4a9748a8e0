"""Checklist tables written as HTML, not as Markdown tables.

The tables are data: thousands of cells with form controls on the pages of a
large handbook. As Markdown tables they cost Python-Markdown seconds per page,
the largest part of the hooks' time in the benchmark, so they are written here
as the HTML Python-Markdown would have made, and put in place after the page's
Markdown is converted (``generated.Request.place``).

Checklist fields hold plain text with Markdown links (CONTRIBUTING). Links are
turned into addresses as MkDocs does (``x.md`` -> ``x/``, relative to the
page); the site's abbreviations get their tooltips as the ``abbr`` extension
would give them.
"""
from __future__ import annotations

import html
import posixpath
import re

from handbook.build.store import STORE
from handbook.content import scanner
from handbook.content.scanner import relpath
from handbook.content.sources import DEFAULT_LANGUAGE
from handbook.checklists.links import resolve
from handbook.checklists.tables import page_url

_EMPHASIS = (
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), "strong"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), "em"),
)
_CODE = re.compile(r"`([^`]+)`")


def page_address(base_uri: str, directory_urls: bool = True) -> str:
    """Address of a page relative to the site root: "a/b.md" -> "a/b/"."""
    return page_url(base_uri, DEFAULT_LANGUAGE, directory_urls=directory_urls)[1:]


def href(page_uri: str, target: str, directory_urls: bool = True) -> str:
    """The address MkDocs writes for a Markdown link ``target`` on ``page_uri``."""
    base, anchor, problem = resolve(page_uri, target)
    if base is None and anchor is None and problem is None:
        return target  # external: as written
    if problem:
        return target  # the checklist capability reports bad links before this
    fragment = f"#{anchor}" if anchor else ""
    if not base:
        return fragment or "./"
    here = page_address(page_uri, directory_urls)
    there = page_address(base, directory_urls)
    start = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    relative = relpath(there or ".", start or ".")
    if directory_urls and not relative.endswith("/"):
        relative += "/"
    return relative + fragment


class Abbreviations:
    """``<abbr title>`` around the defined abbreviations of a text (HTML-escaped)."""

    def __init__(self, definitions: dict[str, str] | None = None):
        self.key = tuple(sorted((definitions or {}).items()))  # equal definitions, equal output
        self.titles = {key: html.escape(value, quote=True) for key, value in (definitions or {}).items()}
        keys = sorted(self.titles, key=len, reverse=True)
        self.pattern = re.compile(r"\b(%s)\b" % "|".join(re.escape(k) for k in keys)) if keys else None

    def __call__(self, escaped: str) -> str:
        if self.pattern is None:
            return escaped
        return self.pattern.sub(lambda m: f'<abbr title="{self.titles[m.group(1)]}">{m.group(1)}</abbr>', escaped)


# Rendered field text, shared by every page and both languages of a build: an
# item appears on the inspection list, the self-check list, its roles' lists
# and the calendar. (abbreviations, directory_urls, page or None, kind, text)
# -> HTML; the page is part of the key only for text with a link.
_RENDERED = STORE.space("checklist-cells")  # cell text -> its HTML


class Inline:
    """Checklist field text (plain text, links, emphasis) to HTML for one page."""

    def __init__(self, page_uri: str, abbreviations: Abbreviations | None = None, directory_urls: bool = True):
        self.page_uri = page_uri
        self.abbreviations = abbreviations or Abbreviations()
        self.directory_urls = directory_urls

    def _remembered(self, kind: str, text: str, render) -> str:
        page = self.page_uri if "](" in text else None  # a Markdown link needs "]("
        key = (self.abbreviations.key, self.directory_urls, page, kind, text)
        found = _RENDERED.get(key)
        if found is None:
            if len(_RENDERED) > 100_000:
                _RENDERED.clear()
            found = _RENDERED[key] = render(text)
        return found

    def text(self, plain: str) -> str:
        return self._remembered("text", plain, self._text)

    def _text(self, plain: str) -> str:
        out = html.escape(plain, quote=False)
        out = _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", out)
        for pattern, tag in _EMPHASIS:
            out = pattern.sub(lambda m, tag=tag: f"<{tag}>{m.group(1)}</{tag}>", out)
        return self.abbreviations(out)

    def link(self, label_html: str, target: str, title: str = "") -> str:
        title_attr = f' title="{html.escape(title, quote=True)}"' if title else ""
        address = html.escape(href(self.page_uri, target, self.directory_urls), quote=True)
        return f'<a href="{address}"{title_attr}>{label_html}</a>'

    def __call__(self, markdown: str) -> str:
        return self._remembered("markdown", markdown, self._markdown)

    def _markdown(self, markdown: str) -> str:
        parts, last = [], 0
        for match in scanner.INLINE_LINK.finditer(markdown):
            parts.append(self._text(markdown[last:match.start()] + match.group("image")))
            parts.append(self.link(self._text(match.group("text")), match.group("target")))
            last = match.end()
        parts.append(self._text(markdown[last:]))
        return "".join(parts)


def table(heads: list[str], rows: list, classes: str = "", cols: list[str] | None = None,
          labels: list[str] | None = None, tail: str = "") -> str:
    """A table written as HTML (cells already HTML). ``rows``: lists of cells,
    or (attributes, cells) pairs; ``classes``: the table's classes (a checklist
    table has its own: Material's scrolling wrapper and styles apply only to
    tables without a class); ``cols``: one class per column (their widths);
    ``labels``: each column's name as plain text, carried by its cells
    (``data-label``) for the card layout of narrow screens; ``tail``: a last
    row (HTML) kept with the table's last row in a row group of their own
    (the printed form's summary and signatures stay with the last item)."""
    out = [f'<table class="{html.escape(classes, quote=True)}">' if classes else "<table>"]
    if cols:
        out += ["<colgroup>"] + [f'<col class="{html.escape(c, quote=True)}">' for c in cols] + ["</colgroup>"]
    out += ["<thead>", "<tr>"]
    for n, head in enumerate(heads):
        css = f' class="{html.escape(cols[n], quote=True)}"' if cols else ""
        out.append(f'<th scope="col"{css}>{head}</th>' if cols else f"<th>{head}</th>")
    out += ["</tr>", "</thead>", "<tbody>"]
    for index, row in enumerate(rows):
        if tail and index == len(rows) - 1:
            out += ["</tbody>", '<tbody class="ck-last">']
        attrs, cells = row if isinstance(row, tuple) else ({}, row)
        out.append("<tr" + "".join(f' {k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items()) + ">")
        for n, cell in enumerate(cells):
            extra = ""
            if cols:
                extra += f' class="{html.escape(cols[n], quote=True)}"'
            if labels:
                extra += f' data-label="{html.escape(labels[n], quote=True)}"'
            out.append(f"<td{extra}>{cell}</td>")
        out.append("</tr>")
    if tail:
        out.append(tail)
    out += ["</tbody>", "</table>"]
    return "\n".join(out)
