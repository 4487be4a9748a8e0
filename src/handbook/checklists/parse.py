"""Find the ```checklist blocks of one Markdown source and read each into an Item.

Only checks that need nothing but the block itself happen here (YAML, required
fields, id form, roles, frequency, due, basis has a link); checks across pages
(duplicates, links, translations) are in ``collect``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from handbook.content import yamltext
from handbook.content import scanner
from handbook.errors import ContentError
from handbook.checklists.model import APPLIES_IF_FLAGS, APPLIES_IF_KEYS, DUE_RE, FIELDS, FIELDS_REQUIRED, FREQUENCIES, ID_RE, OBLIGATIONS, ROLES, STAFF_BANDS, Item, Link

MARKER = "```checklist"

EXAMPLE_VI = ("id: cong-khai-ke-hoach-cong-tac / requirement: ... / roles: [thu-truong] / "
              "basis: \"[Luật 10/2022/QH15, Điều 46](../van-ban/luat-10-2022-qh15.md#dieu-46-...)\" / "
              "evidence: ... / obligation: law / frequency: yearly / due: Q1")
APPLIES_IF_EXAMPLE = 'applies_if: { staff: ["8-99", "100+"], board: true }'



@dataclass
class Block:
    start: int          # 0-based index of the opening fence line in the text
    end: int            # 0-based index of the closing fence line
    indent: str
    content: str        # YAML, indentation removed
    raw: str


def find_blocks(text: str) -> tuple[list[Block], list[int]]:
    """Checklist blocks outside other fences; also the indexes of unclosed ones."""
    lines = text.split("\n")
    blocks: list[Block] = []
    unclosed: list[int] = []
    for fence in scanner.fences(lines):
        if fence.info != "checklist":
            continue
        if fence.end is None:
            unclosed.append(fence.start)
            continue
        indent = fence.indent
        body = [l[len(indent):] if l.startswith(indent) else l.lstrip() for l in lines[fence.start + 1:fence.end]]
        blocks.append(Block(fence.start, fence.end, indent, "\n".join(body), "\n".join(lines[fence.start:fence.end + 1])))
    return blocks, unclosed


def _error(path, line, rule, vi, en, fix_vi="", fix_en=""):
    return ContentError(path, line, f"checklist-{rule}", vi, en, fix_vi, fix_en)


def parse_source(source) -> tuple[list[Item], list[ContentError]]:
    """Items declared in one ``handbook.sources.Source`` (cheap when it has none)."""
    if MARKER not in source.body:
        return [], []
    blocks, unclosed = find_blocks(source.body)
    errors = [
        _error(source.path, source.body_line + i, "unclosed",
               "Khối ```checklist không có dòng ``` đóng lại.",
               "A ```checklist block is never closed.",
               "Thêm một dòng chỉ có ``` sau trường cuối cùng của khối.",
               "Add a line holding only ``` after the block's last field.")
        for i in unclosed
    ]
    items = []
    for block in blocks:
        item, problems = parse_block(block, source)
        errors.extend(problems)
        if item is not None:
            items.append(item)
    return items, errors


def _field_lines(block: Block, first_line: int) -> dict[str, int]:
    """Line of each top-level field; nested keys as "parent.key"
    (``applies_if.staff``), so an error points at the line to change."""
    lines = {}
    parent = None
    for offset, line in enumerate(block.content.split("\n"), start=1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            parent = match.group(1)
            lines.setdefault(parent, first_line + offset)
            continue
        nested = re.match(r"^[ \t]+([A-Za-z_][\w-]*)\s*:", line)
        if nested and parent:
            lines.setdefault(f"{parent}.{nested.group(1)}", first_line + offset)
    return lines


def _applies_if(value, path, at) -> tuple[dict, list[ContentError]]:
    """``applies_if`` in canonical form (staff bands in table order), and its problems."""
    if value is None:
        return {}, []
    if not isinstance(value, dict) or not value:
        return {}, [_error(path, at("applies_if"), "applies-if",
                           "Trường 'applies_if' phải gồm các điều kiện 'tên: giá trị' "
                           f"({', '.join(APPLIES_IF_KEYS)}).",
                           "Field 'applies_if' must hold 'key: value' conditions "
                           f"({', '.join(APPLIES_IF_KEYS)}).",
                           f"Ví dụ: {APPLIES_IF_EXAMPLE}; bỏ trường nếu mục áp dụng cho mọi đơn vị.",
                           f"E.g. {APPLIES_IF_EXAMPLE}; omit the field when the item applies to every unit.")]
    errors = []
    result = {}
    for key, condition in value.items():
        line = at(f"applies_if.{key}") if at(f"applies_if.{key}") != at("") else at("applies_if")
        if key not in APPLIES_IF_KEYS:
            errors.append(_error(path, line, "applies-if",
                                 f"Điều kiện '{key}' trong 'applies_if' không được hỗ trợ. "
                                 f"Các điều kiện hợp lệ: {', '.join(APPLIES_IF_KEYS)}.",
                                 f"Unknown condition '{key}' in 'applies_if'. Valid conditions: "
                                 f"{', '.join(APPLIES_IF_KEYS)}.",
                                 "Sửa lỗi chính tả hoặc xoá điều kiện này.", "Fix the spelling or remove it."))
        elif key == "staff":
            bands = condition if isinstance(condition, list) else [condition]
            bad = [b for b in bands if not (isinstance(b, str) and b in STAFF_BANDS)]
            if bad or not bands:
                shown = ", ".join(repr(b) for b in bad) or "[]"
                errors.append(_error(path, line, "applies-if",
                                     f"Quy mô 'staff' không hợp lệ: {shown}. Các giá trị hợp lệ: "
                                     f"{', '.join(STAFF_BANDS)} (số cán bộ, công chức, viên chức, người lao động).",
                                     f"Invalid 'staff' band: {shown}. Valid bands: {', '.join(STAFF_BANDS)} "
                                     "(head-count of all staff, contract workers included).",
                                     'Ví dụ: staff: ["8-99", "100+"] (đặt trong ngoặc kép).',
                                     'E.g. staff: ["8-99", "100+"] (quoted).'))
            else:
                result["staff"] = tuple(b for b in STAFF_BANDS if b in bands)
        elif not isinstance(condition, bool):
            errors.append(_error(path, line, "applies-if",
                                 f"Điều kiện '{key}' phải là true hoặc false; nhận được {condition!r}.",
                                 f"Condition '{key}' must be true or false; got {condition!r}.",
                                 f"Ví dụ: {key}: true", f"E.g. {key}: true"))
        else:
            result[key] = condition
    return {k: result[k] for k in APPLIES_IF_KEYS if k in result}, errors


def parse_block(block: Block, source) -> tuple[Item | None, list[ContentError]]:
    path = source.path
    line = source.body_line + block.start
    errors: list[ContentError] = []
    try:
        data = yamltext.load(block.content) if block.content.strip() else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = line + 1 + mark.line if mark is not None else line
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [_error(path, where, "yaml",
                             f"Khối checklist không phải YAML hợp lệ: {problem}.",
                             f"The checklist block is not valid YAML: {problem}.",
                             "Mỗi trường một dòng 'tên: giá trị'; đặt giá trị có dấu ':' hoặc bắt đầu bằng '[' trong ngoặc kép.",
                             "One 'key: value' per line; quote values containing ':' or starting with '['.")]
    if not isinstance(data, dict):
        return None, [_error(path, line, "yaml",
                             "Khối checklist phải gồm các dòng 'tên: giá trị' (id, requirement, roles, basis, evidence...).",
                             "A checklist block must hold 'key: value' lines (id, requirement, roles, basis, evidence...).",
                             f"Ví dụ: {EXAMPLE_VI}", "See CONTRIBUTING.md for an example.")]
    lines = _field_lines(block, line)

    def at(name):
        return lines.get(name, line)

    for key in data:
        if key not in FIELDS:
            errors.append(_error(path, at(str(key)), "field",
                                 f"Trường '{key}' không được hỗ trợ. Các trường hợp lệ: {', '.join(FIELDS)}.",
                                 f"Unknown field '{key}'. Valid fields: {', '.join(FIELDS)}.",
                                 "Sửa lỗi chính tả hoặc xoá trường này.", "Fix the spelling or remove the field."))
    for key in FIELDS_REQUIRED:
        value = data.get(key)
        if value is None or (isinstance(value, (str, list)) and not value):
            what = {"basis": ("căn cứ pháp lý (liên kết Markdown tới điều khoản hoặc chương)",
                              "the legal basis (a Markdown link to a regulation section or chapter)"),
                    "obligation": ("'law' (yêu cầu của văn bản pháp luật, căn cứ dẫn tới điều khoản) hoặc "
                                   "'practice' (cách làm Cẩm nang khuyến nghị)",
                                   "'law' (a requirement of a legal text, its basis links to the article) or "
                                   "'practice' (the handbook's recommended practice)")}.get(
                key, (f"'{key}'", f"'{key}'"))
            errors.append(_error(path, line, "missing" if key != "basis" else "basis",
                                 f"Thiếu trường bắt buộc '{key}': cần {what[0]}.",
                                 f"Missing required field '{key}': expected {what[1]}.",
                                 f"Thêm dòng '{key}: ...' vào khối. Ví dụ: {EXAMPLE_VI}",
                                 f"Add a '{key}: ...' line to the block."))

    item_id = data.get("id")
    if item_id is not None and not (isinstance(item_id, str) and ID_RE.match(item_id)):
        errors.append(_error(path, at("id"), "id",
                             f"Mã mục '{item_id}' không hợp lệ: cần chữ thường không dấu, số và dấu gạch ngang.",
                             f"Invalid id '{item_id}': expected lower-case ASCII letters, digits and dashes.",
                             "Ví dụ: id: cong-khai-ke-hoach-cong-tac", "E.g. id: cong-khai-ke-hoach-cong-tac"))

    texts = {}
    for key in ("requirement", "evidence", "topic"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            errors.append(_error(path, at(key), "text",
                                 f"Trường '{key}' phải là một đoạn văn bản.",
                                 f"Field '{key}' must be text.",
                                 "Viết văn bản trên cùng một dòng sau dấu ':' (đặt trong ngoặc kép nếu có dấu ':').",
                                 "Write the text after the colon (quote it if it contains ':')."))
        texts[key] = value.strip() if isinstance(value, str) else None

    roles = data.get("roles")
    if isinstance(roles, str):
        roles = [roles]
    role_list: list[str] = []
    if roles is not None:
        if not isinstance(roles, list):
            roles = [roles]
        for role in roles:
            if role in ROLES:
                if role not in role_list:
                    role_list.append(role)
            else:
                errors.append(_error(path, at("roles"), "role",
                                     f"Vai trò '{role}' không hợp lệ. Các vai trò hợp lệ: {', '.join(ROLES)}.",
                                     f"Unknown role '{role}'. Valid roles: {', '.join(ROLES)}.",
                                     "Ví dụ: roles: [thu-truong, cong-doan]", "E.g. roles: [thu-truong, cong-doan]"))

    basis = data.get("basis")
    basis_list = basis if isinstance(basis, list) else ([basis] if basis is not None else [])
    links: list[Link] = []
    for entry in basis_list:
        if not isinstance(entry, str):
            errors.append(_error(path, at("basis"), "basis",
                                 "Mỗi căn cứ phải là một liên kết Markdown dạng \"[tên](../van-ban/...md#dieu-...)\" đặt trong ngoặc kép.",
                                 "Each basis must be a quoted Markdown link \"[name](../van-ban/...md#dieu-...)\".",
                                 "Đặt liên kết trong ngoặc kép.", "Quote the link."))
            continue
        found = [Link(m.group("text"), m.group("target")) for m in scanner.INLINE_LINK.finditer(entry)]
        if not found:
            errors.append(_error(path, at("basis"), "basis",
                                 f"Căn cứ '{entry}' không có liên kết: cần liên kết Markdown tới điều khoản hoặc chương.",
                                 f"Basis '{entry}' holds no link: expected a Markdown link to a regulation section or chapter.",
                                 "Viết: basis: \"[Luật 10/2022/QH15, Điều 46](../van-ban/luat-10-2022-qh15.md#dieu-46-...)\"",
                                 "Write: basis: \"[Law 10/2022/QH15, Article 46](../van-ban/luat-10-2022-qh15.md#dieu-46-...)\""))
        links.extend(found)

    obligation = data.get("obligation")
    if obligation is not None and obligation not in OBLIGATIONS:
        errors.append(_error(path, at("obligation"), "obligation",
                             f"Loại nghĩa vụ '{obligation}' không hợp lệ. Cần 'law' (quy định của pháp luật, "
                             "căn cứ nêu điều khoản) hoặc 'practice' (thực hành khuyến nghị của Cẩm nang).",
                             f"Invalid obligation '{obligation}'. Expected 'law' (a requirement of a legal "
                             "text, its basis names the article) or 'practice' (the handbook's recommended practice).",
                             "Ví dụ: obligation: law hoặc obligation: practice",
                             "E.g. obligation: law or obligation: practice"))
        obligation = None
    applies_if, problems = _applies_if(data.get("applies_if"), path, at)
    errors.extend(problems)

    frequency = data.get("frequency")
    if frequency is not None and frequency not in FREQUENCIES:
        errors.append(_error(path, at("frequency"), "frequency",
                             f"Tần suất '{frequency}' không hợp lệ. Giá trị hợp lệ: {', '.join(FREQUENCIES)}.",
                             f"Invalid frequency '{frequency}'. Valid values: {', '.join(FREQUENCIES)}.",
                             "Ví dụ: frequency: yearly", "E.g. frequency: yearly"))
        frequency = None
    due = data.get("due")
    if due is not None and not (isinstance(due, str) and DUE_RE.match(due)):
        errors.append(_error(path, at("due"), "due",
                             f"Thời hạn '{due}' không hợp lệ. Cần: Q1..Q4 (quý), H1/H2 (nửa năm), M01..M12 (tháng), "
                             "WY+Nm (trong N tháng đầu năm công tác, N từ 1 đến 12), "
                             "+Nwd (trong N ngày làm việc kể từ sự kiện) hoặc +Nd (trong N ngày).",
                             f"Invalid due '{due}'. Expected Q1..Q4, H1/H2, M01..M12, WY+Nm (within N months of the "
                             "start of the work year, N from 1 to 12), +Nwd (N working days after the "
                             "event) or +Nd (N calendar days).",
                             "Ví dụ: due: WY+3m, due: Q1 hoặc due: +5wd", "E.g. due: WY+3m, due: Q1 or due: +5wd"))
        due = None

    if errors:
        return None, errors
    return Item(
        id=item_id, lang=source.lang, requirement=texts["requirement"], roles=tuple(role_list),
        basis=tuple(basis_list), links=tuple(links), evidence=texts["evidence"],
        frequency=frequency, due=due, topic=texts["topic"] or None,
        path=source.path, src_uri=source.src_uri, base_uri=source.base_uri, line=line,
        field_lines=lines, raw=block.raw, obligation=obligation, applies_if=applies_if,
    ), []
