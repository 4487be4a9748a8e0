"""Rule tone-placement: one tone-mark style for the whole site.

The site writes the traditional style of official documents (``hòa``,
``khỏe``, ``thủy``, ``tùy``); the modern placement (``hoà``, ``khoẻ``,
``thuỷ``) is flagged and ``--fix`` moves the mark, touching only those
syllables. Code (fenced blocks and `inline code`) is left alone.
"""
from __future__ import annotations

import unicodedata

from handbook.content import tones
from handbook.errors import ContentError
from handbook.lint.document import INLINE_CODE, Document


def _prose_lines(doc: Document):
    """Front matter and body, outside code."""
    for number in range(1, len(doc.lines) + 1):
        if number not in doc.code_lines:
            yield number, doc.lines[number - 1]


def check(doc: Document) -> list[ContentError]:
    problems = []
    for number, line in _prose_lines(doc):
        if line.isascii():
            continue
        masked = INLINE_CODE.sub(lambda m: " " * len(m.group(0)), unicodedata.normalize("NFC", line))
        found = tones.find_other_style(masked, tones.SITE_STYLE)
        if not found:
            continue
        pairs = ", ".join(f"'{w}' → '{f}'" for _s, _e, w, f in found)
        problems.append(ContentError(
            doc.path, number, "tone-placement",
            f"Đặt dấu thanh kiểu mới: {pairs}. Cẩm nang thống nhất kiểu cũ như văn bản hành chính "
            "(hòa, khỏe, thủy, tùy: dấu trên nguyên âm thứ nhất của oa, oe, uy).",
            f"Modern tone-mark placement: {pairs}. The handbook uses the traditional style of official "
            "documents (hòa, khỏe, thủy, tùy).",
            "Chạy `make fix`, hoặc sửa tay như gợi ý.",
            "Run `make fix`, or edit as suggested."))
    return problems


def _fix_line(line: str) -> str:
    out, last = [], 0
    for match in INLINE_CODE.finditer(line):
        out.append(tones.normalize(line[last:match.start()], tones.SITE_STYLE))
        out.append(match.group(0))
        last = match.end()
    out.append(tones.normalize(line[last:], tones.SITE_STYLE))
    return "".join(out)


def fix(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    doc = Document.parse("", text)
    for number in range(1, len(lines) + 1):
        if number not in doc.code_lines and not lines[number - 1].isascii():
            lines[number - 1] = _fix_line(lines[number - 1])
    return "\n".join(lines)
