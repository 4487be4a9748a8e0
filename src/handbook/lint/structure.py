"""Document structure: headings that skip a level, images without alt text,
mermaid diagrams (the library would be fetched from the internet; the site
works offline), instructions about the web page in text that is printed.

Rules: heading-level, image-alt, mermaid, print-web-only.
"""
from __future__ import annotations

import re

from handbook.errors import ContentError
from handbook.lint.document import Document

HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
IMAGE = re.compile(r"!\[([^\]]*)\]\s*[(\[]")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ALT_ATTR = re.compile(r"\balt\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*'|[^\s\"'>]+)", re.I)


# Words that only make sense on the screen: keyboard shortcuts, the browser,
# buttons. A paragraph holding them is marked { .web-only } (CONTRIBUTING.md),
# so the printed handbook and a printed page leave it out.
WEB_WORDS = re.compile(r"\b(?:Ctrl|Cmd)\s*\+|trong trình duyệt|(?:in|this) (?:the |your )?browser|\bnút\b|"
                       r"\bbutton\b", re.I)
WEB_ONLY_MARK = re.compile(r"^\s*\{:?\s*[^}]*\.web-only\b[^}]*\}\s*$")
# Pages the printed handbook leaves out (handbook.publish.pdf.EXCLUDED).
NOT_PRINTED = ("index.md", "index.en.md", "bien-tap/")


def web_only_problems(doc: Document) -> list[ContentError]:
    """print-web-only: a paragraph about the web page (a button, the
    browser, Ctrl+P) in a printed page, not marked { .web-only }."""
    if doc.src_uri is None or doc.src_uri in NOT_PRINTED[:2] or doc.src_uri.startswith(NOT_PRINTED[2]):
        return []
    problems, paragraph = [], []

    def close():
        # the words may run over a line break ("trong\ntrình duyệt")
        text = " ".join(line.strip() for _, line in paragraph)
        found = WEB_WORDS.search(text)
        if found and not any(WEB_ONLY_MARK.match(line) for _, line in paragraph):
            word, at = found.group(0), len(text[:found.start()].split(" ")) - 1
            # the line where the words start
            count, line_number = 0, paragraph[0][0]
            for number, line in paragraph:
                count += len(line.strip().split(" "))
                if count > at:
                    line_number = number
                    break
            hit = (line_number, word)
            problems.append(ContentError(
                doc.path, hit[0], "print-web-only",
                f"Đoạn văn nói về trang web ('{word}') sẽ được in vào bản PDF, nơi không có nút hay trình duyệt.",
                f"A paragraph about the web page ('{word}') would be printed in the PDF, which has no buttons "
                "or browser.",
                "Thêm một dòng '{ .web-only }' ngay sau đoạn (không để dòng trống), hoặc viết lại cho người đọc bản in.",
                "Add a line '{ .web-only }' right after the paragraph (no blank line), or reword it for print."))
        paragraph.clear()

    for number, line in doc.prose():
        if not line.strip() or HEADING.match(line):
            close()
        else:
            paragraph.append((number, line))
    close()
    return problems


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
    problems += web_only_problems(doc)
    return problems


def _alt(doc, number):
    return ContentError(
        doc.path, number, "image-alt",
        "Hình ảnh thiếu mô tả (alt): người dùng trình đọc màn hình và bản in không biết hình nói gì.",
        "Image without alt text: screen-reader users and print readers cannot tell what it shows.",
        "Viết mô tả trong ngoặc vuông: ![Sơ đồ tổ chức Ban Thanh tra nhân dân](../assets/images/so-do.svg).",
        "Describe the image in the brackets: ![What the image shows](path).")
