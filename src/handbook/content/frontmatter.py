"""Strict front-matter reading.

MkDocs silently drops front matter whose YAML is invalid, and the page then
builds without its metadata. Here invalid YAML is an error with file and line.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

from handbook.content import yamltext
from handbook.errors import ContentError

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)


def split(text: str, path: str) -> tuple[dict, str, int]:
    """Return (metadata, body, line number where the body starts).

    Raises ContentError when the YAML block is malformed or not a mapping.
    """
    match = _FENCE.match(text)
    if not match:
        if text.lstrip("\ufeff").startswith("---\n"):
            raise ContentError(
                path, 1, "front-matter",
                "Khối thông tin đầu trang (front matter) mở bằng '---' nhưng không có dòng '---' đóng lại.",
                "Front matter opened with '---' but never closed.",
                "Thêm một dòng chỉ có '---' sau trường cuối cùng.",
                "Add a line holding only '---' after the last field.",
            )
        return {}, text, 1
    block = match.group(1) or ""
    try:
        data = yamltext.load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            path, 2, "front-matter",
            "Khối thông tin đầu trang phải là danh sách 'tên: giá trị'.",
            "Front matter must be a mapping of 'key: value' lines.",
            "Viết mỗi trường trên một dòng, dạng 'title: Tiêu đề'.",
            "Write one 'key: value' per line.",
        )
    body_line = text[: match.end()].count("\n") + 1
    return data, text[match.end():], body_line


def _yaml_error(exc: yaml.YAMLError, path: str, first_line: int = 2) -> ContentError:
    """A YAML problem as an editor's error: the line in the file, and the fix
    for what went wrong (a key written twice, a date that does not exist, or
    the syntax)."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + first_line if mark is not None else first_line - 1
    problem = getattr(exc, "problem", None) or str(exc)
    if yamltext.is_duplicate_key(problem):
        key = problem.split("'")[1]
        first = int(re.search(r"first on line (\d+)", problem).group(1)) + first_line - 1
        return ContentError(
            path, line, "front-matter",
            f"Trường '{key}' được ghi hai lần trong khối thông tin đầu trang (lần đầu ở dòng {first}); "
            "chỉ một giá trị được dùng.",
            f"The field '{key}' is written twice in the front matter (first on line {first}); only one value counts.",
            f"Giữ một dòng '{key}: ...' và xóa dòng còn lại.", f"Keep one '{key}: ...' line and delete the other.")
    if yamltext.is_impossible_date(problem):
        value = problem.split("'")[1]
        return ContentError(
            path, line, "front-matter-date",
            f"Ngày '{value}' không tồn tại trong lịch.",
            f"The date '{value}' does not exist.",
            "Sửa thành một ngày có thật, dạng NĂM-THÁNG-NGÀY (ví dụ 2026-02-28).",
            "Write a real date, YYYY-MM-DD (e.g. 2026-02-28).")
    return ContentError(
        path, line, "front-matter",
        f"YAML trong khối thông tin đầu trang không hợp lệ: {problem}.",
        f"Invalid YAML in front matter: {problem}.",
        "Kiểm tra dấu hai chấm, thụt lề và đặt giá trị có dấu ':' trong ngoặc kép.",
        "Check colons and indentation; quote values that contain ':'.",
    )


def as_date(value, path: str, field: str, line: int | None = None) -> dt.date:
    """Accept an ISO date (YYYY-MM-DD, what YAML parses as a date) only."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ContentError(
        path, line, "front-matter-date",
        f"Trường '{field}' phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-02-05; nhận được {value!r}.",
        f"Field '{field}' must be a date written YYYY-MM-DD, e.g. 2025-02-05; got {value!r}.",
        f"Viết '{field}: 2025-02-05' (không dùng dấu '/' trong front matter).",
        f"Write '{field}: 2025-02-05'.",
    )


def field_line(text: str, field: str) -> int | None:
    """Line number (1-based) of ``field:`` inside the front matter, if present."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 1 and line.strip() in ("---", "..."):
            return None
        if re.match(rf"^{re.escape(field)}\s*:", line):
            return number
    return None
