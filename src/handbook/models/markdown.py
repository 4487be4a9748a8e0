"""The small Markdown subset of a model's document body, parsed into blocks.

Supported, because a Word document of the national format needs no more:

- headings ``###`` (level 1 of the document), ``####`` (2), ``#####`` (3);
- paragraphs (consecutive lines are one paragraph);
- numbered (``1.``) and bulleted (``-``) lists, one nested level (4 spaces);
- simple pipe tables (a header row, a ``|---|`` row, body rows);
- inline ``**bold**``, ``*italic*``, ``***both***``, backslash escapes;
- fill-in fields ``{{ten_truong}}`` (lower-case ASCII, digits, ``_``).

Anything else (links, images, code, HTML, quotes, admonitions, tabs,
footnotes, rules, task lists, deeper nesting) is reported with its line and a
fix: it would not survive into Word, or would look different on the site and
in the file. Parsing never raises; problems go to the ``errors`` list given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from handbook.errors import ContentError

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Span:
    """A piece of inline text with its emphasis, or a fill-in field."""
    text: str = ""
    bold: bool = False
    italic: bool = False
    field: str | None = None            # name of a fill-in field (then ``text`` is "")
    line: int = 0


@dataclass
class Heading:
    level: int                          # 1..3 in the document (### .. #####)
    spans: list[Span]
    line: int


@dataclass
class Paragraph:
    spans: list[Span]
    line: int


@dataclass
class ListItem:
    spans: list[Span]
    line: int
    children: list["ListBlock"] = field(default_factory=list)


@dataclass
class ListBlock:
    ordered: bool
    items: list[ListItem]
    line: int
    depth: int = 0                      # 0 top level, 1 nested


@dataclass
class Table:
    header: list[list[Span]]
    rows: list[list[list[Span]]]
    aligns: list[str]                   # "left", "center", "right" or "" per column
    line: int


Block = Heading | Paragraph | ListBlock | Table


# --- errors --------------------------------------------------------------------

def _unsupported(path: str, line: int, what_vi: str, what_en: str, fix_vi: str, fix_en: str) -> ContentError:
    return ContentError(path, line, "model-markdown-unsupported",
                      f"Phần văn bản mẫu dùng {what_vi}, không có trong định dạng của văn bản mẫu "
                      "(không chuyển được sang Word đúng thể thức).",
                      f"The document body uses {what_en}, which the model format does not support "
                      "(it cannot be carried into the Word file).",
                      fix_vi, fix_en)


def _field_syntax(path: str, line: int, found: str) -> ContentError:
    return ContentError(path, line, "model-field-syntax",
                      f"Ô điền viết sai cú pháp: '{found}'.",
                      f"Malformed fill-in field: '{found}'.",
                      "Viết ô điền dạng {{ten_truong}}: hai dấu ngoặc nhọn mỗi bên, tên chữ thường không dấu, "
                      "số và '_' (ví dụ {{ten_don_vi}}); khai báo tên đó trong 'fields:' ở front matter.",
                      "Write fields as {{field_name}}: two braces each side, a lower-case ASCII name with digits "
                      "and '_' (e.g. {{ten_don_vi}}), declared under 'fields:' in the front matter.")


# --- inline --------------------------------------------------------------------

_ESCAPABLE = set("\\`*_{}[]()#+-.!|>~")
_LINK = re.compile(r"!?\[[^\]]*\]\(")
_HTML = re.compile(r"<(?:[A-Za-z/!])")


def parse_inline(text: str, line: int, path: str, errors: list[ContentError],
                 allow_emphasis: bool = True) -> list[Span]:
    """Spans of one line (or of a joined paragraph, reported on ``line``)."""
    spans: list[Span] = []
    buffer: list[str] = []
    bold = italic = False

    def flush():
        if buffer:
            spans.append(Span("".join(buffer), bold, italic, None, line))
            buffer.clear()

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        if text.startswith("{{", i):
            end = text.find("}}", i + 2)
            inner = text[i + 2:end] if end >= 0 else None
            if inner is None or not FIELD_NAME.match(inner.strip()) or inner != inner.strip():
                stop = end + 2 if end >= 0 else min(n, i + 30)
                errors.append(_field_syntax(path, line, text[i:stop]))
                i = stop
                continue
            flush()
            spans.append(Span("", bold, italic, inner, line))
            i = end + 2
            continue
        if c in "{}":
            end = text.find("}", i) if c == "{" else i
            errors.append(_field_syntax(path, line, text[i:end + 1] if end >= i else c))
            i = (end + 1) if end >= i else i + 1
            continue
        if c == "*" and allow_emphasis:
            run = len(text[i:]) - len(text[i:].lstrip("*"))
            flush()
            if run >= 3:
                bold, italic = not bold, not italic
                i += 3
            elif run == 2:
                bold = not bold
                i += 2
            else:
                italic = not italic
                i += 1
            continue
        if c == "`":
            errors.append(_unsupported(path, line, "mã (dấu `)", "inline code (`)",
                                       "Bỏ dấu `; tên trường viết dạng {{ten_truong}}.",
                                       "Remove the backticks; fields are written {{field_name}}."))
            end = text.find("`", i + 1)
            buffer.append(text[i + 1:end] if end > i else text[i + 1:])
            i = end + 1 if end > i else n
            continue
        if c in "[!" and _LINK.match(text, i):
            errors.append(_unsupported(path, line, "liên kết hoặc hình ảnh", "a link or an image",
                                       "Văn bản in ra giấy không có liên kết: ghi tên văn bản, điều khoản bằng chữ "
                                       "(ví dụ 'Điều 51 Luật Thực hiện dân chủ ở cơ sở'); liên kết đặt ở phần giới "
                                       "thiệu phía trên tiêu đề '## Văn bản mẫu'.",
                                       "A printed document has no links: name the text and article in words; put links "
                                       "in the page notes above the '## Văn bản mẫu' heading."))
            close = text.find(")", i)
            label = text[text.find("[", i) + 1:text.find("]", i)]
            buffer.append(label)
            i = close + 1 if close > i else n
            continue
        if c == "[" and text.startswith("[^", i):
            errors.append(_unsupported(path, line, "chú thích cuối trang ([^...])", "a footnote ([^...])",
                                       "Viết phần chú thích thành một đoạn văn hoặc đưa lên phần giới thiệu của trang.",
                                       "Write the note as a paragraph, or move it to the page notes."))
        if c == "<" and _HTML.match(text, i):
            errors.append(_unsupported(path, line, "thẻ HTML", "an HTML tag",
                                       "Xóa thẻ HTML; dùng **đậm**, *nghiêng*, danh sách hoặc bảng.",
                                       "Remove the HTML tag; use **bold**, *italic*, lists or tables."))
            end = text.find(">", i)
            i = end + 1 if end > i else n
            continue
        if text.startswith("~~", i):
            errors.append(_unsupported(path, line, "chữ gạch ngang (~~)", "strike-through (~~)",
                                       "Xóa phần chữ bị gạch hoặc bỏ dấu ~~.", "Delete the struck text or the ~~."))
            i += 2
            continue
        buffer.append(c)
        i += 1
    flush()
    if bold or italic:
        errors.append(ContentError(path, line, "model-markdown-emphasis",
                                 "Có dấu * mở chữ đậm hoặc nghiêng mà không có dấu đóng trên cùng đoạn.",
                                 "A '*' opens bold or italic text that is never closed in the same paragraph.",
                                 "Đóng bằng cùng số dấu * (**đậm**, *nghiêng*), hoặc viết \\* nếu cần dấu sao.",
                                 "Close it with the same number of '*' (**bold**, *italic*), or write \\* for a star."))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and span.field is None and out[-1].field is None and \
                (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic, None, out[-1].line)
        elif span.field is not None or span.text:
            out.append(span)
    return out


def fields_in(spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.field]


def plain_text(spans: list[Span], blank: str = "…") -> str:
    """Text of spans, each field shown as ``blank``."""
    return "".join(s.text if s.field is None else blank for s in spans)


# --- blocks --------------------------------------------------------------------

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_ORDERED = re.compile(r"^( *)(\d{1,3})[.)]\s+(.*)$")
_BULLET = re.compile(r"^( *)([-*+])\s+(.*)$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_SETEXT = re.compile(r"^ {0,3}=+\s*$")

# Lines the document body does not take, one line each, in the order they are
# tested: (test of the raw and stripped line, what it is, and the fix, vi/en).
_ONE_LINE_UNSUPPORTED = (
    (lambda raw, stripped: stripped.startswith(">"), "trích dẫn (>)", "a block quote (>)",
     "Bỏ dấu > ở đầu dòng; viết thành đoạn văn thường.", "Remove the '>'; write an ordinary paragraph."),
    (lambda raw, stripped: stripped.startswith("<"), "mã HTML", "HTML",
     "Xóa mã HTML; dùng đoạn văn, danh sách, bảng của Markdown.",
     "Remove the HTML; use Markdown paragraphs, lists or tables."),
    (lambda raw, stripped: stripped.startswith(("*[", "[^")), "định nghĩa chữ viết tắt hoặc chú thích",
     "an abbreviation or footnote definition",
     "Đưa dòng này lên phần giới thiệu, phía trên '## Văn bản mẫu'.",
     "Move the line to the page notes, above '## Văn bản mẫu'."),
    (lambda raw, stripped: bool(_RULE.match(raw) or _SETEXT.match(raw)),
     "đường kẻ ngang hoặc tiêu đề gạch dưới (---, ===)",
     "a horizontal rule or an underlined heading (---, ===)",
     "Xóa dòng này; tiêu đề viết bằng ###, đường kẻ dưới tiêu đề do Word tự tạo.",
     "Delete the line; headings are written with ###, the generator draws the rules."),
)
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells, current, i = [], [], 0
    while i < len(row):
        if row[i] == "\\" and i + 1 < len(row) and row[i + 1] == "|":
            current.append("\\|")
            i += 2
            continue
        if row[i] == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(row[i])
        i += 1
    cells.append("".join(current).strip())
    return cells


def parse_blocks(body: str, first_line: int, path: str, errors: list[ContentError]) -> list[Block]:
    """Blocks of the document body; ``first_line`` is the file line of its first line."""
    lines = body.split("\n")
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []
    lists: list[ListBlock] = []            # open lists, outermost first
    blank_before = True                    # the previous line was blank (or start)
    i = 0

    def flush_para():
        if para:
            text = " ".join(t.strip() for _, t in para)
            blocks.append(Paragraph(parse_inline(text, para[0][0], path, errors), para[0][0]))
            para.clear()

    def close_lists():
        lists.clear()

    while i < len(lines):
        number = first_line + i
        raw = lines[i].replace("\t", "    ").rstrip()
        stripped = raw.strip()
        if not stripped:
            flush_para()
            blank_before = True
            i += 1
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        fence = _FENCE.match(raw)
        if fence:
            flush_para(); close_lists()
            errors.append(_unsupported(path, number, "khối mã (```)", "a code block (```)",
                                       "Viết nội dung thành đoạn văn hoặc danh sách.",
                                       "Write the content as paragraphs or a list."))
            marker = fence.group(1)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(marker):
                i += 1
            i += 1
            blank_before = True
            continue
        if stripped.startswith(("!!!", "???")) or re.match(r"^===\s*\"", stripped):
            flush_para(); close_lists()
            what = ("hộp ghi chú (!!! / ???)", "an admonition (!!! / ???)") if stripped[0] in "!?" \
                else ("thẻ (=== \"...\")", "content tabs (=== \"...\")")
            errors.append(_unsupported(path, number, what[0], what[1],
                                       "Đưa hộp này lên phần giới thiệu (phía trên '## Văn bản mẫu'); "
                                       "trong văn bản chỉ dùng đoạn văn, danh sách, bảng.",
                                       "Move it to the page notes (above '## Văn bản mẫu'); the document body "
                                       "holds only paragraphs, lists and tables."))
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                i += 1
            blank_before = True
            continue
        unsupported = next((u for u in _ONE_LINE_UNSUPPORTED if u[0](raw, stripped)), None)
        if unsupported:
            flush_para(); close_lists()
            errors.append(_unsupported(path, number, *unsupported[1:]))
            i += 1
            continue
        heading = _HEADING.match(raw)
        if heading and (heading.group(2) or "").strip() and indent < 4:
            flush_para(); close_lists()
            hashes, text = len(heading.group(1)), heading.group(2).strip()
            if hashes < 3:
                errors.append(ContentError(
                    path, number, "model-heading-level",
                    f"Tiêu đề cấp {hashes} ('{'#' * hashes}') trong phần văn bản mẫu: văn bản chỉ có tiêu đề "
                    "từ ### đến #####; '## Văn bản mẫu' phải là tiêu đề cấp 2 cuối cùng của trang.",
                    f"A level-{hashes} heading ('{'#' * hashes}') inside the document body: the document uses "
                    "### to #####, and '## Văn bản mẫu' must be the page's last level-2 heading.",
                    "Đổi thành ### (mục lớn của văn bản), hoặc chuyển phần này lên trên '## Văn bản mẫu'.",
                    "Make it ### (a top-level section of the document), or move it above '## Văn bản mẫu'."))
            elif hashes > 5:
                errors.append(ContentError(
                    path, number, "model-heading-level",
                    "Tiêu đề sâu hơn ##### : văn bản hành chính có tối đa ba cấp tiêu đề.",
                    "A heading deeper than #####: the document has at most three heading levels.",
                    "Dùng #####, hoặc viết thành đoạn văn có **chữ đậm** ở đầu.",
                    "Use #####, or write a paragraph starting with **bold** text."))
            else:
                blocks.append(Heading(hashes - 2, parse_inline(text, number, path, errors), number))
            blank_before = False
            i += 1
            continue
        if stripped.startswith("|"):
            flush_para(); close_lists()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append((first_line + i, lines[i]))
                i += 1
            blocks.append(_table(rows, path, errors))
            blank_before = False
            continue
        item = _ORDERED.match(raw) or _BULLET.match(raw)
        if item:
            ordered = item.re is _ORDERED
            depth = len(item.group(1)) // 4
            text = item.group(3)
            if para and not lists:
                errors.append(ContentError(
                    path, number, "model-list-blank-line",
                    "Danh sách viết liền ngay dưới một đoạn văn: trên trang web nó sẽ bị nhập vào đoạn văn.",
                    "A list directly under a paragraph: the site would run it into the paragraph.",
                    "Để một dòng trống giữa đoạn văn và mục đầu tiên của danh sách.",
                    "Leave a blank line between the paragraph and the list."))
            flush_para()
            if re.match(r"^\[[ xX]\]\s", text):
                errors.append(_unsupported(path, number, "ô đánh dấu ([ ])", "a task-list box ([ ])",
                                           "Bỏ '[ ]'; nếu cần ô để đánh dấu, viết '☐' hoặc kẻ bảng.",
                                           "Remove '[ ]'; write '☐' or use a table if a tick box is needed."))
                text = text[3:].lstrip()
            if depth > 1 or (depth == 1 and not lists):
                errors.append(ContentError(
                    path, number, "model-list-depth",
                    "Danh sách lồng quá một cấp, hoặc mục thụt lề mà không nằm dưới mục nào.",
                    "A list nested more than one level, or an indented item with no item above it.",
                    "Văn bản dùng tối đa hai cấp: mục chính ở đầu dòng, mục con thụt 4 dấu cách.",
                    "Use at most two levels: items at the start of the line, sub-items indented 4 spaces."))
                depth = min(depth, 1) if lists else 0
            spans = parse_inline(text, number, path, errors)
            while len(lists) > depth + 1:
                lists.pop()
            if len(lists) == depth + 1 and lists[depth].ordered != ordered:
                lists.pop()
            if len(lists) < depth + 1:
                block = ListBlock(ordered, [], number, depth)
                if depth == 0:
                    blocks.append(block)
                else:
                    lists[0].items[-1].children.append(block)
                lists.append(block)
            lists[depth].items.append(ListItem(spans, number))
            blank_before = False
            i += 1
            continue
        if lists and (indent >= 4 or not blank_before):
            # continuation of the last item (indented, or a lazy line right under it)
            target = lists[-1].items[-1]
            if blank_before:
                errors.append(ContentError(
                    path, number, "model-list-paragraph",
                    "Mục danh sách có đoạn thứ hai (sau dòng trống): Word nhận thành đoạn rời.",
                    "A list item has a second paragraph (after a blank line).",
                    "Viết tiếp vào cùng mục, không để dòng trống; hoặc tách thành mục mới.",
                    "Continue the item without a blank line, or make it a new item."))
            extra = parse_inline(stripped, number, path, errors)
            target.spans[:] = _merge(target.spans + [Span(" ", line=number)] + extra)
            blank_before = False
            i += 1
            continue
        if indent >= 4 and not para:
            close_lists()
            errors.append(_unsupported(path, number, "dòng thụt lề 4 dấu cách (khối mã)",
                                       "a line indented 4 spaces (a code block)",
                                       "Bỏ thụt lề ở đầu dòng.", "Remove the indentation."))
            i += 1
            continue
        close_lists()
        para.append((number, raw))
        blank_before = False
        i += 1
    flush_para()
    return blocks


def _table(rows: list[tuple[int, str]], path: str, errors: list[ContentError]) -> Table:
    first = rows[0][0]
    if len(rows) < 2 or not _TABLE_SEP.match(rows[1][1]):
        errors.append(ContentError(
            path, first, "model-table",
            "Bảng thiếu dòng phân cách dưới dòng tiêu đề (|---|---|).",
            "The table lacks the separator row under its header (|---|---|).",
            "Thêm dòng '|---|---|' (mỗi cột một '---') ngay dưới dòng tiêu đề của bảng.",
            "Add a '|---|---|' row (one '---' per column) right under the header row."))
        header = [parse_inline(c, first, path, errors) for c in _cells(rows[0][1])]
        return Table(header, [], [""] * len(header), first)
    header = [parse_inline(c, first, path, errors) for c in _cells(rows[0][1])]
    aligns = []
    for cell in _cells(rows[1][1]):
        cell = cell.strip()
        aligns.append("center" if cell.startswith(":") and cell.endswith(":") else
                      "right" if cell.endswith(":") else "left" if cell.startswith(":") else "")
    body = []
    for number, row in rows[2:]:
        cells = _cells(row)
        if len(cells) != len(header):
            errors.append(ContentError(
                path, number, "model-table",
                f"Dòng bảng có {len(cells)} ô, dòng tiêu đề có {len(header)} ô.",
                f"The table row has {len(cells)} cells; the header has {len(header)}.",
                "Mỗi dòng của bảng có cùng số ô với dòng tiêu đề (ô trống viết '| |').",
                "Give every row as many cells as the header (an empty cell is '| |')."))
            cells = (cells + [""] * len(header))[:len(header)]
        body.append([parse_inline(c, number, path, errors) for c in cells])
    return Table(header, body, aligns, first)
