"""Regulation pages: their metadata, the header box shown on each, and the
documents index (``generate: documents-index``).

Metadata comes from front matter (schema in ``handbook/schema.py``); the
English page inherits what it does not repeat from the Vietnamese one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlparse

from handbook.content import scanner
from handbook.content.dates import format_date
from handbook.content.sources import DEFAULT_LANGUAGE, Source, for_language

DOC_TYPE_LABELS = {
    "vi": {"luat": "Luật", "nghi-dinh": "Nghị định", "thong-tu": "Thông tư", "chi-thi": "Chỉ thị",
           "ket-luan": "Kết luận", "quyet-dinh": "Quyết định", "ke-hoach": "Kế hoạch"},
    "en": {"luat": "Law", "nghi-dinh": "Decree", "thong-tu": "Circular", "chi-thi": "Directive",
           "ket-luan": "Conclusion", "quyet-dinh": "Decision", "ke-hoach": "Plan"},
}
STATUS_LABELS = {
    "vi": {"in-force": "Còn hiệu lực", "replaced": "Đã được thay thế", "expired": "Hết hiệu lực",
           "superseded-in-practice": "Được thay thế trên thực tế", "unknown": "Chưa xác định"},
    "en": {"in-force": "In force", "replaced": "Replaced", "expired": "No longer in force",
           "superseded-in-practice": "Superseded in practice", "unknown": "Not determined"},
}
FIELD_LABELS = {
    "vi": {"number": "Số hiệu", "doc_type": "Loại văn bản", "issuer": "Cơ quan ban hành",
           "signed": "Ngày ký", "effective": "Ngày hiệu lực", "status": "Tình trạng",
           "replaced_by": "Được thay thế bởi", "replaces": "Thay thế cho",
           "source_url": "Nguồn chính thức", "title": "Tên văn bản",
           "box": "Thông tin văn bản", "not_given": "Chưa xác nhận",
           "untranslated": "chưa dịch"},
    "en": {"number": "Number", "doc_type": "Type", "issuer": "Issued by",
           "signed": "Signed", "effective": "In force from", "status": "Status",
           "replaced_by": "Replaced by", "replaces": "Replaces",
           "source_url": "Official source", "title": "Title",
           "box": "About this document", "not_given": "Not confirmed",
           "untranslated": "not yet translated"},
}
# Documents index: groups in reading order (doc types in each).
GROUPS = (
    ("luat", ("luat",), "Luật", "Law"),
    ("nghi-dinh", ("nghi-dinh", "thong-tu"), "Nghị định của Chính phủ", "Government decrees"),
    ("van-ban-cua-dang", ("chi-thi", "ket-luan"), "Văn bản của Đảng", "Party documents"),
    ("van-ban-cua-nganh", ("quyet-dinh", "ke-hoach"), "Văn bản của ngành Kiểm sát nhân dân",
     "Documents of the People's Procuracy"),
)


@dataclass(frozen=True)
class Regulation:
    base_uri: str                 # "van-ban/luat-10-2022-qh15.md"
    title: str                    # in the language asked for
    translated: bool              # False: the title is the Vietnamese one shown on the English site
    number: str
    doc_type: str
    issuer: str
    signed: dt.date | None
    effective: dt.date | None
    status: str
    replaced_by: str | None       # base_uri of the replacing page
    source_url: str
    replaces: tuple[str, ...] = ()  # base_uris of the pages this one replaces (computed)

    def short_name(self, lang: str) -> str:
        """``Luật 10/2022/QH15``, ``Decision 302/QĐ-VKSTC``."""
        label = DOC_TYPE_LABELS.get(lang, DOC_TYPE_LABELS["vi"]).get(self.doc_type, "")
        return f"{label} {self.number}".strip()


def collect(sources: list[Source], lang: str) -> dict[str, Regulation]:
    """Every regulation page (``type: regulation``) as readers of ``lang`` see
    it, keyed by base path; ``replaces`` is the inverse of ``replaced_by``."""
    shown = for_language(sources, lang)
    originals = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    found: dict[str, Regulation] = {}
    for base, source in shown.items():
        original = originals.get(base)
        meta = dict(original.meta) if original else {}
        meta.update(source.meta)
        if meta.get("type") != "regulation":
            continue
        found[base] = Regulation(
            base_uri=base, title=str(meta.get("title", base)), translated=source.lang == lang,
            number=str(meta.get("number", "")), doc_type=str(meta.get("doc_type", "")),
            issuer=str(meta.get("issuer", "")), signed=_date(meta.get("signed")),
            effective=_date(meta.get("effective")), status=str(meta.get("status", "unknown")),
            replaced_by=meta.get("replaced_by") or None, source_url=str(meta.get("source_url", "")),
        )
    inverse: dict[str, list[str]] = {}
    for reg in found.values():
        if reg.replaced_by:
            inverse.setdefault(reg.replaced_by, []).append(reg.base_uri)
    for base, replaced in inverse.items():
        if base in found:
            reg = found[base]
            found[base] = Regulation(**{**reg.__dict__, "replaces": tuple(sorted(replaced))})
    return found


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_text(text: str) -> str:
    """Plain text made safe inside Markdown (no accidental emphasis or links)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def status_badge(status: str, lang: str) -> str:
    label = STATUS_LABELS.get(lang, STATUS_LABELS["vi"]).get(status, status)
    return (f'<span class="handbook-status handbook-status--{escape(status)}">'
            f'{escape(label)}</span>')


def _source_link(url: str) -> str:
    host = urlparse(url).netloc.removeprefix("www.") or url
    return f"[{md_text(host)}]({url})"


def header_box(reg: Regulation, all_regs: dict[str, Regulation], lang: str) -> str:
    """The metadata box shown at the top of a regulation page (Markdown with
    HTML, rendered through md_in_html so page links are checked and rewritten)."""
    t = FIELD_LABELS.get(lang, FIELD_LABELS["vi"])
    doc_types = DOC_TYPE_LABELS.get(lang, DOC_TYPE_LABELS["vi"])

    def page_link(base: str) -> str:
        other = all_regs.get(base)
        name = other.short_name(lang) if other else base
        return f"[{md_text(name)}]({scanner.relative_link(reg.base_uri, base)})"

    rows = [
        (t["number"], md_text(reg.number)),
        (t["doc_type"], md_text(doc_types.get(reg.doc_type, reg.doc_type))),
        (t["issuer"], md_text(reg.issuer)),
        (t["signed"], format_date(reg.signed, lang) if reg.signed else t["not_given"]),
        (t["effective"], format_date(reg.effective, lang) if reg.effective else t["not_given"]),
        (t["status"], status_badge(reg.status, lang)),
    ]
    if reg.replaced_by:
        rows.append((t["replaced_by"], page_link(reg.replaced_by)))
    if reg.replaces:
        rows.append((t["replaces"], "; ".join(page_link(b) for b in reg.replaces)))
    if reg.source_url:
        rows.append((t["source_url"], _source_link(reg.source_url)))
    lines = [f'<div class="handbook-regulation" markdown role="group" aria-label="{escape(t["box"])}">', ""]
    for label, value in rows:
        lines += [label, f":   {value}", ""]
    lines.append("</div>")
    return "\n".join(lines)


def insert_after_title(markdown: str, block: str) -> str:
    """Put ``block`` right after the page's first ``# `` heading (or at the top)."""
    lines = markdown.split("\n")
    for line in scanner.text_lines(markdown):
        if line.fence is None and re.match(r"^#[ \t]+\S", line.text):
            index = line.number  # text_lines numbers from 1: insert after this line
            return "\n".join(lines[:index] + ["", block, ""] + lines[index:])
    return block + "\n\n" + markdown


def _sort_key(reg: Regulation):
    # newest first; documents without a known signing date last
    return (reg.signed is None, -(reg.signed.toordinal() if reg.signed else 0), reg.number)


def documents_index(regs: dict[str, Regulation], lang: str, from_base_uri: str) -> str:
    """Tables of every regulation page, grouped (Law, decrees, Party, sector)."""
    t = FIELD_LABELS.get(lang, FIELD_LABELS["vi"])
    doc_types = DOC_TYPE_LABELS.get(lang, DOC_TYPE_LABELS["vi"])
    grouped: dict[str, list[Regulation]] = {}
    known = {dt_: key for key, types, _, _ in GROUPS for dt_ in types}
    for reg in regs.values():
        grouped.setdefault(known.get(reg.doc_type, "other"), []).append(reg)
    parts = []
    groups = list(GROUPS) + [("other", (), "Văn bản khác", "Other documents")]
    for key, _, title_vi, title_en in groups:
        members = sorted(grouped.get(key, []), key=_sort_key)
        if not members:
            continue
        parts.append(f"## {title_vi if lang == 'vi' else title_en} {{#{key}}}")
        parts.append("")
        parts.append(f"| {t['number']} | {t['title']} | {t['doc_type']} | {t['issuer']} | {t['signed']} | {t['status']} |")
        parts.append("|---|---|---|---|---|---|")
        for reg in members:
            title = f"[{md_text(reg.title)}]({scanner.relative_link(from_base_uri, reg.base_uri)})"
            if not reg.translated:
                title += f" *({t['untranslated']})*"
            signed = format_date(reg.signed, lang) if reg.signed else t["not_given"]
            parts.append(f"| {md_text(reg.number)} | {title} | {md_text(doc_types.get(reg.doc_type, reg.doc_type))} "
                         f"| {md_text(reg.issuer)} | {signed} | {status_badge(reg.status, lang)} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
