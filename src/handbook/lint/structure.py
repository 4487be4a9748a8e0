"""Document structure: headings that skip a level, images without alt text,
mermaid diagrams (the library would be fetched from the internet; the site
works offline).

Rules: heading-level, image-alt, mermaid.
"""
from __future__ import annotations

import re

from handbook.errors import ContentError
from handbook.lint.document import Document

HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\s*[(\[]")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ALT_ATTR = re.compile(r"\balt\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*'|[^\s\"'>]+)", re.I)


def headings(doc: Document):
    """(line, level, text) of ATX headings in the body, outside code."""
    for number, line in doc.body():
        match = HEADING.match(line)
        if match:
            yield number, len(match.group(1)), (match.group(2) or "").strip()


def check(doc: Document) -> list[ContentError]:
    problems = []
    previous = 1  # the page title is the h1 even when the body has none
    for number, level, text in headings(doc):
        if level > previous + 1:
            want = "#" * (previous + 1)
            problems.append(ContentError(
                doc.path, number, "heading-level",
                f"Tiêu đề cấp {level} ('{'#' * level} {text}') nhảy cấp: tiêu đề trước đó là cấp {previous}.",
                f"Heading level {level} ('{'#' * level} {text}') skips a level: the previous heading is level {previous}.",
                f"Dùng '{want} {text}' (mỗi cấp tăng tối đa một dấu #), để mục lục và bản PDF đúng cấu trúc.",
                f"Use '{want} {text}' (one level deeper at most)."))
        previous = level
    for number, line in doc.prose():
        for match in IMAGE.finditer(line):
            if not match.group(1).strip():
                problems.append(_alt(doc, number))
        for tag in IMG_TAG.findall(line):
            if not ALT_ATTR.search(tag):
                problems.append(_alt(doc, number))
    for fence in doc.fences:
        if fence.info == "mermaid":
            problems.append(ContentError(
                doc.path, fence.start, "mermaid",
                "Sơ đồ ```mermaid cần tải thư viện từ Internet; site dùng ngoại tuyến nên sơ đồ không hiển thị (và không in ra PDF).",
                "```mermaid diagrams need a library from the internet; the site works offline, so they would not show (nor print).",
                "Vẽ sơ đồ thành ảnh SVG/PNG trong docs/assets/images/ và chèn ![mô tả](../assets/images/ten.svg), hoặc trình bày bằng danh sách/bảng.",
                "Draw it as an SVG/PNG image in docs/assets/images/ with alt text, or use a list or table."))
    return problems


def _alt(doc, number):
    return ContentError(
        doc.path, number, "image-alt",
        "Hình ảnh thiếu mô tả (alt): người dùng trình đọc màn hình và bản in không biết hình nói gì.",
        "Image without alt text: screen-reader users and print readers cannot tell what it shows.",
        "Viết mô tả trong ngoặc vuông: ![Sơ đồ tổ chức Ban Thanh tra nhân dân](../assets/images/so-do.svg).",
        "Describe the image in the brackets: ![What the image shows](path).")
