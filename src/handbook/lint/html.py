"""Raw HTML and addresses content may carry (``handbook.htmlpolicy``'s
allowlist), and markup where only plain text belongs.

Rules: html-script, html-iframe, html-event-handler, javascript-link,
inline-style (the cases an editor meets most, named as such), html-tag,
html-attribute, html-url (everything else outside the allowlist),
front-matter-html (markup in a front-matter field), checklist-html (markup in
a ```checklist block's fields).

The body is read whole, with code spans and fences blanked out, so a tag that
runs over several lines is still one tag; CONTRIBUTING-style examples in code
are fine.
"""
from __future__ import annotations

from handbook.content import htmlpolicy
from handbook.errors import ContentError
from handbook.lint.document import Document

FIXES = {
    "html-script": ("Xóa thẻ <script>; nếu cần tính năng mới, đề nghị nhóm kỹ thuật bổ sung vào mã nguồn của site.",
                    "Remove it; ask the maintainers to add the feature to the site's code."),
    "html-iframe": ("Thay bằng một liên kết thường: [Tên tài liệu](https://...).",
                    "Replace it with an ordinary link."),
    "html-event-handler": ("Xóa thuộc tính on…=.", "Remove the on…= attribute."),
    "javascript-link": ("Trỏ liên kết tới một trang (.md) hoặc địa chỉ https://.",
                        "Point the link to a page (.md) or an https:// address."),
    "inline-style": ("Xóa 'style=...' (hoặc thẻ <style>); dùng định dạng Markdown (**đậm**, danh sách, bảng, "
                     "hộp !!! note) hoặc đề nghị thêm lớp CSS vào handbook.css.",
                     "Remove it; use Markdown formatting or ask for a CSS class in handbook.css."),
    "html-tag": ("Dùng cú pháp Markdown, hoặc chỉ các thẻ trong danh sách cho phép (CONTRIBUTING.md, "
                 "mục 'HTML trong nội dung').",
                 "Use Markdown, or only the elements of the allowlist (CONTRIBUTING.md, 'HTML trong nội dung')."),
    "html-attribute": ("Xóa thuộc tính này; chỉ dùng các thuộc tính trong danh sách cho phép (CONTRIBUTING.md).",
                       "Remove the attribute; only the allowlist's attributes may be used (CONTRIBUTING.md)."),
    "html-url": ("Ảnh phải nằm trong docs/assets/images/ (site không tải gì từ máy chủ khác); liên kết chỉ dùng "
                 "đường dẫn tương đối, https://, http://, mailto: hoặc tel:.",
                 "Images must live under docs/assets/images/ (the site loads nothing from another host); links "
                 "use a relative path, https://, http://, mailto: or tel:."),
}


def _error(doc: Document, line: int, rule: str, detail: str) -> ContentError:
    vi, en = htmlpolicy.RULE_WORDS[rule]
    fix_vi, fix_en = FIXES[rule]
    return ContentError(doc.path, line, rule, f"Nội dung chứa {vi}: {detail}",
                        f"Content holds {en}: {detail}", fix_vi, fix_en)


def _front_matter_line(doc: Document, fragment: str, key: str) -> int:
    """The line of the front matter holding ``fragment`` (else of ``key``)."""
    for number in range(2, doc.body_line):
        if fragment and fragment in doc.lines[number - 1]:
            return number
    for number in range(2, doc.body_line):
        if doc.lines[number - 1].lstrip().startswith(f"{key}:"):
            return number
    return 1


def check(doc: Document) -> list[ContentError]:
    problems = [_error(doc, f.line, f.rule, f.detail)
                for f in htmlpolicy.check_markdown(doc.body_text, doc.body_line)]
    for path, value in htmlpolicy.strings(doc.meta):
        markup = htmlpolicy.markup_in_text(value)
        if markup:
            field = ".".join(path)
            problems.append(ContentError(
                doc.path, _front_matter_line(doc, markup[:12], path[0] if path else ""), "front-matter-html",
                f"Trường '{field}' chứa mã HTML ('{markup}'): thông tin đầu trang là văn bản thuần, "
                "được hiện ở mục lục, tiêu đề và chân trang.",
                f"Field '{field}' holds HTML markup ('{markup}'): front matter is plain text, shown in the "
                "navigation, titles and footers.",
                "Xóa thẻ HTML; viết văn bản thuần (dấu '<' đứng trước chữ cái không được dùng).",
                "Remove the markup; write plain text."))
    for number, line in doc.data_fence_lines():
        markup = htmlpolicy.markup_in_text(line)
        if markup:
            problems.append(ContentError(
                doc.path, number, "checklist-html",
                f"Khối ```checklist chứa mã HTML ('{markup}'): các trường của một mục là văn bản thuần "
                "(căn cứ là liên kết Markdown).",
                f"A ```checklist block holds HTML markup ('{markup}'): an item's fields are plain text "
                "(the basis is a Markdown link).",
                "Xóa thẻ HTML; dùng **đậm** hoặc liên kết Markdown [tên](../van-ban/...md#dieu-...).",
                "Remove the markup; use **bold** or a Markdown link."))
    for finding in htmlpolicy.check_markdown("\n".join(line for _n, line in _data_lines(doc)), 1):
        if finding.rule in ("javascript-link", "html-url"):
            number = _data_lines(doc)[finding.line - 1][0]
            problems.append(_error(doc, number, finding.rule, finding.detail))
    return problems


def _data_lines(doc: Document) -> list[tuple[int, str]]:
    cached = doc.__dict__.get("_data_lines")
    if cached is None:
        cached = doc.__dict__["_data_lines"] = list(doc.data_fence_lines())
    return cached
