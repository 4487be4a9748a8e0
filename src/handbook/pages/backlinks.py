"""Backlinks "Được dẫn chiếu tại" / "Cited in" on regulation pages.

The build reads the Markdown links of every Q&A topic page, handbook chapter
and checklist item (``checklist`` blocks' ``basis``), resolves them (relative
paths, anchors) and lists, under each article of a regulation page and for the
page as a whole, where the handbook cites it. Nothing is kept by hand.

``build_index`` runs once per language build; ``insert`` is per page and only
touches the citations of that page.

On the web, each article's list is collapsed (``<details>``, the summary
gives the count), so the article's own text comes first and the page stays
short (the Law's 25 lists held about a third of its text); so is the page's
own list at its end. The page-level
list carries, per entry, the kind and the articles cited as data attributes:
the printed handbook leaves the per-article lists out and prints the page
list compactly, one line per citing page with its page number
(``handbook.publish.pdf.assemble``).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, fields, replace
from html import escape
from pathlib import Path

import yaml

from handbook.content import scanner
from handbook.content import yamltext
from handbook.build.cache import Table, digest
from handbook.build.store import STORE
from handbook.build.cache import code_version as _code_version
from handbook.content.sources import DEFAULT_LANGUAGE, Source, for_language

KIND_ORDER = ("qa", "chapter", "checklist")
LABELS = {
    "vi": {"cited": "Được dẫn chiếu tại", "count": "Được dẫn chiếu tại {n} nơi", "all": "Xem cả {n} nơi dẫn chiếu",
           "count_one": "Được dẫn chiếu tại {n} nơi",
           "qa": "Hỏi – Đáp", "chapter": "Cẩm nang",
           "checklist": "Bảng kiểm", "untranslated": "chưa dịch",
           "intro": "Các câu hỏi, chương Cẩm nang và mục bảng kiểm dẫn chiếu văn bản này "
                    "(danh sách do bản dựng tạo từ các liên kết trong nội dung)."},
    "en": {"cited": "Cited in", "count": "Cited in {n} places", "all": "Show all {n} places", "count_one": "Cited in {n} place",
           "qa": "Questions and answers", "chapter": "Handbook",
           "checklist": "Checklists", "untranslated": "Vietnamese only",
           "intro": "Questions, handbook chapters and checklist items that cite this document "
                    "(listed by the build from the links in the content)."},
}
PAGE_SECTION_ID = "duoc-dan-chieu-tai"


@dataclass(frozen=True)
class Citation:
    target: str               # base_uri of the cited page
    anchor: str | None        # cited section (None: the page as a whole)
    kind: str                 # "qa", "chapter" or "checklist"
    source: str               # base_uri of the citing page
    label: str                # question, "chapter › section", or checklist requirement
    link_anchor: str | None   # where in the citing page
    translated: bool          # the citing text is in the build language
    line: int                 # line in the citing file
    path: str                 # citing file as editors see it


_FIELDS = tuple(field.name for field in fields(Citation))
_KINDS = (str, (str, type(None)), str, str, str, (str, type(None)), bool, int, str)


def valid_cached(value) -> bool:
    """A page's citations as the build cache keeps them (``_FIELDS`` in order)."""
    return isinstance(value, list) and all(
        isinstance(row, list) and len(row) == len(_FIELDS)
        and all(isinstance(cell, kind) for cell, kind in zip(row, _KINDS)) for row in value)


def _kind(source: Source, meta_type: str | None) -> str | None:
    return {"qa": "qa", "chapter": "chapter"}.get(meta_type or "")


def _sections(source: Source):
    """(line, heading) pairs to find the section a line sits in."""
    return [(h.line, h) for h in scanner.headings(source) if h.level >= 2]


def _section_at(sections, line: int):
    index = bisect.bisect_right(sections, line, key=lambda pair: pair[0])
    return sections[index - 1][1] if index else None


def citations_from(source: Source, page_type: str | None, lang: str,
                   targets: set[str] | None = None, item_prefix: str | None = None) -> list[Citation]:
    """Citations made by one page (a Q&A topic page, chapter, or any page's
    checklist items), limited to ``targets`` base paths when given.
    ``item_prefix``: checklist items have the anchor ``<prefix><id>`` on
    their page (where the checklists capability renders them); without it,
    items link to the section they are declared in."""
    found: list[Citation] = []
    kind = _kind(source, page_type)
    title = str(source.meta.get("title") or source.base_uri)
    translated = source.lang == lang
    sections = _sections(source)

    def add(kind_, target, line, label, link_anchor):
        resolved = scanner.resolve(source.src_uri, target)
        if resolved is None or (targets is not None and resolved[0] not in targets):
            return
        if resolved[0] == source.base_uri:
            return  # a page's links into itself are not citations
        found.append(Citation(resolved[0], resolved[1], kind_, source.base_uri, label, link_anchor,
                              translated, line, source.path))

    if kind is not None:
        for link in scanner.links(source, include_fences=()):
            section = _section_at(sections, link.line)
            if kind == "qa":
                if section is not None and section.level == 2 and section.text.rstrip().endswith("?"):
                    add(kind, link.target, link.line, scanner.plain_heading_text(section.text), section.anchor)
                else:
                    add(kind, link.target, link.line, title, None)
            else:
                label = title if section is None else f"{title} › {scanner.plain_heading_text(section.text)}"
                add(kind, link.target, link.line, label, section.anchor if section else None)

    for start, text in scanner.fenced_blocks(source, "checklist"):
        try:
            item = yamltext.load(text)
        except yaml.YAMLError:
            continue  # the checklist capability reports malformed blocks
        if not isinstance(item, dict):
            continue
        basis = item.get("basis")
        basis = basis if isinstance(basis, list) else [basis] if basis else []
        label = " ".join(str(item.get("requirement") or item.get("id") or title).split())
        section = _section_at(sections, start)
        anchor = section.anchor if section else None
        if item_prefix is not None and isinstance(item.get("id"), str):
            anchor = f"{item_prefix}{item['id']}"
        for entry in basis:
            for match in scanner.links_in(str(entry)):
                add("checklist", match.group("target"), start, label, anchor)
    return found


# id(source) -> (source, arguments, its citations as read in its own language).
# A Vietnamese page shown untranslated in the English build cites the same
# places as in the Vietnamese build: it is read once per process.
_READ = STORE.space("citations")  # id(source) -> (source, arguments, citations)


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The code that reads citations (the build cache entries' version)."""
    return _code_version(Path(__file__), Path(scanner.__file__), Path(yamltext.__file__), yaml.__version__)


def _citations_of(source: Source, page_type: str | None, targets: frozenset | None,
                  item_prefix: str | None, lang: str, table: Table | None = None,
                  targets_key: str = "") -> list[Citation]:
    arguments = (page_type, targets, item_prefix)
    hit = _READ.get(id(source))
    if hit is None or hit[0] is not source or hit[1] != arguments:
        hit = None

    def read():
        return citations_from(source, page_type, source.lang, targets, item_prefix)

    if table is not None:
        # asked even when this process read the page already, so that the
        # table saved at the end of the build holds every page
        key = table.key(source.path, source.text, page_type or "", targets_key, item_prefix or "")
        values = table.get(key, lambda: [[getattr(citation, name) for name in _FIELDS]
                                          for citation in (hit[2] if hit else read())])
        if hit is None:
            hit = (source, arguments, [Citation(*fields_) for fields_ in values])
    elif hit is None:
        hit = (source, arguments, read())
    _READ[id(source)] = hit
    if source.lang == lang:
        return hit[2]
    return [replace(citation, translated=False) for citation in hit[2]]


def build_index(sources: list[Source], lang: str, targets: set[str] | None = None,
                item_prefix: str | None = None, table: Table | None = None) -> dict[str, list[Citation]]:
    """Citations of the pages readers of ``lang`` see, by cited page
    (``item_prefix``: see ``citations_from``; ``table``: each page's
    citations kept between builds, by its text and these arguments)."""
    if len(_READ) > 4 * len(sources):
        _READ.clear()  # sources were edited or removed: drop what they were
    targets = frozenset(targets) if targets is not None else None
    targets_key = digest(*sorted(targets)) if targets is not None else "*"
    originals = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    index: dict[str, list[Citation]] = {}
    seen = set()
    for base, source in sorted(for_language(sources, lang).items()):
        original = originals.get(base)
        page_type = source.meta.get("type") or (original.meta.get("type") if original else None)
        for citation in _citations_of(source, page_type, targets, item_prefix, lang, table, targets_key):
            key = (citation.target, citation.anchor, citation.kind, citation.source,
                   citation.link_anchor, citation.label)
            if key in seen:
                continue
            seen.add(key)
            index.setdefault(citation.target, []).append(citation)
    return index


def _entry(citation: Citation, page_base: str, lang: str, sections: str = "") -> str:
    t = LABELS.get(lang, LABELS["vi"])
    link = scanner.relative_link(page_base, citation.source, citation.link_anchor)
    text = citation.label.replace("[", "\\[").replace("]", "\\]")
    line = f"- [{text}]({link}) — {t[citation.kind]}"
    if sections:
        line += f" ({sections})"
    if not citation.translated:
        line += f" *({t['untranslated']})*"
    return line


def _ordered(citations: list[Citation]) -> list[Citation]:
    return sorted(citations, key=lambda c: (KIND_ORDER.index(c.kind), c.source, c.line, c.label))


def _short(heading: scanner.Heading) -> str:
    """``Điều 51`` / ``Article 51`` from an article heading, else the heading."""
    text = scanner.plain_heading_text(heading.text)
    match = re.match(r"^((?:Điều|Article)\s+\d+)\b", text)
    return match.group(1) if match else text


def insert(markdown: str, page_base: str, citations: list[Citation], lang: str) -> str:
    """Add "Được dẫn chiếu tại" lists under each cited section of a page and a
    section for the page as a whole at its end. Unchanged if nothing cites it."""
    if not citations:
        return markdown
    t = LABELS.get(lang, LABELS["vi"])
    headings = [h for h in scanner.text_headings(markdown) if h.level >= 2]
    by_anchor: dict[str, list[Citation]] = {}
    for citation in citations:
        if citation.anchor:
            by_anchor.setdefault(citation.anchor, []).append(citation)
    lines = markdown.split("\n")
    inserts: list[tuple[int, str]] = []  # (index of the line to insert before, block)
    for i, heading in enumerate(headings):
        cited = by_anchor.get(heading.anchor)
        if not cited:
            continue
        end = len(lines)
        for later in headings[i + 1:]:
            if later.level <= heading.level:
                end = later.line - 1
                break
        entries = _dedupe(_ordered(cited))
        count = t["count" if len(entries) != 1 else "count_one"].format(n=len(entries))
        block = "\n".join(['<details class="handbook-cited" markdown>',
                           f"<summary>{count}</summary>", ""] + [_entry(c, page_base, lang) for c in entries] +
                          ["", "</details>", ""])
        inserts.append((end, block))
    for index, block in sorted(inserts, reverse=True):
        while index > 0 and not lines[index - 1].strip():
            index -= 1
        lines[index:index] = ["", block]

    # the page as a whole: every citing place once, with the sections it cites
    anchors_shown = {h.anchor: _short(h) for h in headings}
    merged: dict[tuple, tuple[Citation, list[str]]] = {}
    for citation in _ordered(citations):
        key = (citation.kind, citation.source, citation.link_anchor, citation.label)
        entry = merged.setdefault(key, (citation, []))
        name = anchors_shown.get(citation.anchor or "")
        if name and name not in entry[1]:
            entry[1].append(name)
    body = []
    for c, names in merged.values():
        # what the printed handbook needs to print the list compactly
        data = f'data-kind="{c.kind}" data-articles="{escape(", ".join(names))}"'
        body += [_entry(c, page_base, lang, ", ".join(names)), f"  {{: {data} }}"]
    # collapsed too: on the Law it lists 160 places, a third of the page
    section = (["", f"## {t['cited']} {{#{PAGE_SECTION_ID}}}", "", t["intro"], "",
                '<details class="handbook-cited-index" markdown>',
                f"<summary>{t['all'].format(n=len(body) // 2)}</summary>", ""] + body + ["", "</details>", ""])
    return "\n".join(lines).rstrip() + "\n" + "\n".join(section)


def _dedupe(citations: list[Citation]) -> list[Citation]:
    seen, out = set(), []
    for c in citations:
        key = (c.kind, c.source, c.link_anchor, c.label)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
