"""Raw HTML that content must not carry: scripts, frames, event handlers,
``javascript:`` links and inline styles (the site's security policy forbids
them, and they break print and the offline copy).

Rules: html-script, html-iframe, html-event-handler, javascript-link, inline-style.
Code (fenced and inline) is ignored, so CONTRIBUTING-style examples are fine.
"""
from __future__ import annotations

import re

from ..errors import ContentError
from .document import Document

TAG = re.compile(r"<[a-zA-Z][^<>]*>?")          # an opening tag (may continue on the next line)
ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")        # attr_list: {: #id .class key="value"}
SCRIPT = re.compile(r"<\s*script\b", re.I)
IFRAME = re.compile(r"<\s*(iframe|frame|object|embed)\b", re.I)
EVENT = re.compile(r"(?:^|[\s\"'])(on[a-z]+)\s*=", re.I)
STYLE_ATTR = re.compile(r"(?:^|[\s\"'{:])style\s*=", re.I)
STYLE_TAG = re.compile(r"<\s*style\b", re.I)
JS_LINK = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|\b(?:href|src|action)\s*=\s*[\"']?)\s*javascript\s*:", re.I)


def _e(doc, number, rule, vi, en, fix_vi, fix_en):
    return ContentError(doc.path, number, rule, vi, en, fix_vi, fix_en)


def check(doc: Document) -> list[ContentError]:
    problems = []
    for number, line in doc.prose():
        if "<" not in line and "{" not in line and ":" not in line:
            continue
        if SCRIPT.search(line):
            problems.append(_e(doc, number, "html-script",
                               "Nội dung chứa thẻ <script>: không được chạy mã JavaScript trong trang.",
                               "Content contains <script>: pages must not run JavaScript.",
                               "Xóa thẻ <script>; nếu cần tính năng mới, đề nghị nhóm kỹ thuật bổ sung vào mã nguồn của site.",
                               "Remove it; ask the maintainers to add the feature to the site's code."))
        match = IFRAME.search(line)
        if match:
            problems.append(_e(doc, number, "html-iframe",
                               f"Nội dung chứa thẻ <{match.group(1).lower()}> nhúng trang khác: site chạy ngoại tuyến và chặn nội dung nhúng.",
                               f"Content embeds <{match.group(1).lower()}>: the site is offline and blocks embedded content.",
                               "Thay bằng một liên kết thường: [Tên tài liệu](https://...).",
                               "Replace it with an ordinary link."))
        if JS_LINK.search(line):
            problems.append(_e(doc, number, "javascript-link",
                               "Liên kết 'javascript:' không được phép.",
                               "'javascript:' links are not allowed.",
                               "Trỏ liên kết tới một trang (.md) hoặc địa chỉ https://.",
                               "Point the link to a page (.md) or an https:// address."))
        segments = [m.group(0) for m in TAG.finditer(line)] + [m.group(0) for m in ATTR_LIST.finditer(line)]
        for segment in segments:
            event = EVENT.search(segment)
            if event:
                problems.append(_e(doc, number, "html-event-handler",
                                   f"Thuộc tính '{event.group(1)}=' chạy mã JavaScript khi người đọc thao tác: không được phép.",
                                   f"The '{event.group(1)}=' attribute runs JavaScript: not allowed.",
                                   f"Xóa thuộc tính '{event.group(1)}=...'.",
                                   f"Remove the '{event.group(1)}=...' attribute."))
                break
        if STYLE_TAG.search(line) or any(STYLE_ATTR.search(s) for s in segments):
            problems.append(_e(doc, number, "inline-style",
                               "Định dạng trực tiếp bằng 'style=' (hoặc thẻ <style>): trang in, chế độ tối và chính sách bảo mật không áp dụng được.",
                               "Inline 'style=' (or a <style> element): breaks print, dark mode and the security policy.",
                               "Xóa 'style=...'; dùng định dạng Markdown (**đậm**, danh sách, bảng, hộp !!! note) hoặc đề nghị thêm lớp CSS vào handbook.css.",
                               "Remove it; use Markdown formatting or ask for a CSS class in handbook.css."))
    return problems
