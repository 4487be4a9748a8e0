"""Rule terminology: one term for one thing, from ``data/terminology.yml``.

Each entry names a preferred term, the variants the handbook rejects, the
language it applies to and whether a rejected variant may be replaced
mechanically (``fix: true``, then `make fix` does it). Matching is exact
(case-sensitive), on word boundaries, on NFC text, in prose, headings,
front-matter values and the fields of ```checklist items (their text is shown
to readers); never in code spans or fences, link targets, URLs, attribute
lists or HTML tags.

Rules: terminology (``fix: true``: `make fix` repairs it), terminology-manual
(the editor chooses the wording), terminology-data (the list itself is
malformed: file and line in ``data/terminology.yml``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.content import yamltext
from handbook.build.store import STORE
from handbook.errors import ContentError
from handbook.lint.document import DATA_FENCES, INLINE_CODE, Document

DATA_FILE = Path("data") / "terminology.yml"
LANGS = ("vi", "en")
KEYS = ("preferred", "rejected", "fix", "lang", "note")

# Parts of a line that are not prose: blanked (same length) before matching.
_NOT_PROSE = re.compile(
    r"\]\([^)]*\)"                      # link target (and title) of [text](target)
    r"|^\s{0,3}\[[^\]]+\]:\s*\S.*$"     # reference definition
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>"  # autolink
    r"|\b(?:https?|ftp|mailto):\S+|\bwww\.\S+"  # bare address
    r"|\{\s*[:#.][^{}]*\}"              # attribute list {: #id .class }
    r"|</?[a-zA-Z][^<>]*>")             # HTML tag and its attributes
_FRONT_KEY = re.compile(r"^\s*(?:-\s+)?[\w-]+\s*:")


@dataclass(frozen=True)
class Term:
    preferred: str
    rejected: tuple[str, ...]
    fix: bool
    lang: str
    note: str
    line: int


@dataclass
class Terms:
    path: str                                   # as shown: data/terminology.yml
    entries: tuple[Term, ...] = ()
    _patterns: dict = field(default_factory=dict)

    def pattern(self, lang: str):
        """(regex of every rejected variant of ``lang``, variant -> Term), longest first."""
        if lang not in self._patterns:
            by_variant = {v: t for t in self.entries if t.lang == lang for v in t.rejected}
            if by_variant:
                words = sorted(by_variant, key=len, reverse=True)
                regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
            else:
                regex = None
            self._patterns[lang] = (regex, by_variant)
        return self._patterns[lang]


EMPTY = Terms(str(DATA_FILE))


def _error(path, line, vi, en, fix_vi, fix_en):
    return ContentError(path, line, "terminology-data", vi, en, fix_vi, fix_en)


_LOADED = STORE.space("terminology")  # file -> (stamp, terms and problems)


def load(root: Path, shown: str | None = None) -> tuple[Terms, list[ContentError]]:
    """The list of ``root``/data/terminology.yml and its problems (no file: no
    terms). Read again only when the file changed."""
    file = Path(root) / DATA_FILE
    shown = shown or DATA_FILE.as_posix()
    try:
        stat = file.stat()
    except OSError:
        return Terms(shown), []
    key = (file, stat.st_size, stat.st_mtime_ns, shown)
    hit = _LOADED.get(file)
    if hit and hit[0] == key:
        return hit[1]
    result = parse(file.read_bytes(), shown)
    _LOADED[file] = (key, result)
    return result


def parse(raw: bytes, shown: str) -> tuple[Terms, list[ContentError]]:
    """Validate the list; every problem names its line. Well-formed entries
    are kept even when others are not, so one typo does not hide every term."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Terms(shown), [_error(shown, 1, "Tệp không lưu bằng UTF-8.", "The file is not UTF-8.",
                                     "Lưu lại tệp với bảng mã UTF-8.", "Save it as UTF-8.")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yamltext.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        return Terms(shown), [_error(shown, mark.line + 1 if mark else 1,
                                     f"Danh sách thuật ngữ không phải YAML hợp lệ: {problem}.",
                                     f"The terminology list is not valid YAML: {problem}.",
                                     "Kiểm tra thụt lề, dấu ':' và ngoặc; đặt văn bản có dấu ':' hoặc ',' trong ngoặc kép.",
                                     "Check indentation, colons and brackets; quote texts holding ':' or ','.")]
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return Terms(shown), [_error(shown, 1, "Tệp phải có khóa 'terms:' chứa danh sách các mục thuật ngữ.",
                                     "The file must hold a 'terms:' list of entries.",
                                     "Viết:\n    terms:\n      - preferred: ...\n        rejected: [...]\n        lang: vi",
                                     "Write 'terms:' followed by '- preferred: ...' entries.")]
    errors = [_error(shown, _key_node(node, k).start_mark.line + 1,
                     f"Khóa '{k}' không được dùng ở đầu tệp; chỉ có 'terms'.",
                     f"Top-level key '{k}' is not used; only 'terms'.",
                     "Xoá khóa này hoặc chuyển các mục vào 'terms'.", "Remove it.")
              for k in data if k != "terms"]
    items = _value_node(node, "terms").value
    entries: list[Term] = []
    seen: dict[tuple[str, str], tuple[str, int]] = {}   # (lang, text) -> (what, line)
    for raw_entry, entry_node in zip(data["terms"], items):
        term, problems = _entry(raw_entry, entry_node, shown)
        errors.extend(problems)
        if term is None:
            continue
        clash = [(t, where) for t in (term.preferred,) + term.rejected
                 if (where := seen.get((term.lang, t))) is not None]
        for text_, (what, line) in clash:
            errors.append(_error(shown, term.line,
                                 f"'{text_}' đã có ở mục khác (dòng {line}, {what}).",
                                 f"'{text_}' is already listed in another entry (line {line}, {what}).",
                                 "Mỗi cách viết chỉ thuộc một mục: gộp hai mục hoặc xoá một lần khai báo.",
                                 "List each wording in one entry only."))
        if clash:
            continue
        seen[(term.lang, term.preferred)] = ("preferred", term.line)
        for variant in term.rejected:
            seen[(term.lang, variant)] = ("rejected", term.line)
        entries.append(term)
    return Terms(shown, tuple(entries)), errors


def _key_node(mapping, key):
    return next(k for k, _v in mapping.value if k.value == key)


def _value_node(mapping, key):
    return next(v for k, v in mapping.value if k.value == key)


def _entry(raw, node, shown) -> tuple[Term | None, list[ContentError]]:
    line = node.start_mark.line + 1
    if not isinstance(raw, dict):
        return None, [_error(shown, line, "Mỗi mục thuật ngữ phải gồm preferred, rejected, lang (và fix, note).",
                             "Each entry must hold preferred, rejected, lang (and fix, note).",
                             "Viết '- preferred: ...' rồi các khóa khác thụt lề bên dưới.",
                             "Write '- preferred: ...' with the other keys indented below.")]

    def at(key):
        try:
            return _key_node(node, key).start_mark.line + 1
        except StopIteration:
            return line

    errors = []
    for key in raw:
        if key not in KEYS:
            errors.append(_error(shown, at(key), f"Khóa '{key}' không được hỗ trợ; các khóa: {', '.join(KEYS)}.",
                                 f"Unknown key '{key}'; valid keys: {', '.join(KEYS)}.",
                                 "Sửa lỗi chính tả hoặc xoá khóa.", "Fix the spelling or remove it."))
    preferred = raw.get("preferred")
    if not (isinstance(preferred, str) and preferred.strip()):
        errors.append(_error(shown, at("preferred"), "Thiếu 'preferred' (thuật ngữ được dùng) hoặc không phải văn bản.",
                             "'preferred' (the term to use) is missing or not a text.",
                             "Ví dụ: preferred: Ban Chấp hành công đoàn", "E.g. preferred: Ban Chấp hành công đoàn"))
        preferred = None
    rejected = raw.get("rejected")
    variants: list[str] = []
    if not isinstance(rejected, list) or not rejected:
        errors.append(_error(shown, at("rejected"),
                             "'rejected' phải là danh sách (không rỗng) các cách viết không dùng.",
                             "'rejected' must be a non-empty list of the variants not to use.",
                             "Ví dụ: rejected: [BCH công đoàn, \"Ban Chấp hành Công đoàn\"] — cách viết có dấu ',' "
                             "phải đặt trong ngoặc kép, nếu không YAML tách thành hai mục.",
                             "E.g. rejected: [BCH công đoàn]; quote a variant that holds a comma."))
    else:
        lines = [n.start_mark.line + 1 for n in getattr(_value_node(node, "rejected"), "value", [])] or [at("rejected")]
        for position, variant in enumerate(rejected):
            where = lines[position] if position < len(lines) else at("rejected")
            if not (isinstance(variant, str) and variant.strip()):
                errors.append(_error(shown, where, f"Cách viết thứ {position + 1} trong 'rejected' rỗng hoặc không phải văn bản.",
                                     f"Variant {position + 1} of 'rejected' is empty or not a text.",
                                     "Xoá hoặc sửa cách viết này.", "Remove or fix it."))
                continue
            variant = variant.strip()
            if preferred and (variant == preferred.strip() or
                              re.search(r"(?<!\w)" + re.escape(variant) + r"(?!\w)", preferred)):
                errors.append(_error(shown, where,
                                     f"Cách viết bị loại '{variant}' nằm trong chính thuật ngữ được dùng "
                                     f"'{preferred.strip()}': mọi chỗ viết đúng cũng sẽ bị báo.",
                                     f"The rejected variant '{variant}' is part of the preferred term "
                                     f"'{preferred.strip()}': every correct use would be flagged.",
                                     "Xoá cách viết này, hoặc ghi cả cụm (đặt trong ngoặc kép nếu có dấu ',').",
                                     "Remove it, or write the whole phrase (quoted if it holds a comma)."))
                continue
            variants.append(variant)
    fix = raw.get("fix", False)
    if not isinstance(fix, bool):
        errors.append(_error(shown, at("fix"), f"'fix' phải là true hoặc false; nhận được {fix!r}.",
                             f"'fix' must be true or false; got {fix!r}.",
                             "Chỉ ghi 'fix: true' khi thay thế luôn đúng trong mọi ngữ cảnh.",
                             "Write 'fix: true' only where the replacement is always right."))
    lang = raw.get("lang")
    if lang not in LANGS:
        errors.append(_error(shown, at("lang"), f"'lang' phải là vi hoặc en; nhận được {lang!r}.",
                             f"'lang' must be vi or en; got {lang!r}.",
                             "Ví dụ: lang: vi (áp dụng cho trang tiếng Việt).", "E.g. lang: en (English pages)."))
    note = raw.get("note", "")
    if note is not None and not isinstance(note, str):
        errors.append(_error(shown, at("note"), "'note' phải là một đoạn văn bản.", "'note' must be a text.",
                             "Viết ghi chú trong ngoặc kép.", "Quote the note."))
    for text_ in [preferred or ""] + variants:
        if text_ and not unicodedata.is_normalized("NFC", text_):
            errors.append(_error(shown, line, f"'{unicodedata.normalize('NFC', text_)}' không ở dạng NFC.",
                                 f"'{text_}' is not in NFC.", "Gõ lại bằng bộ gõ Unicode dựng sẵn.",
                                 "Retype it as precomposed Unicode (NFC)."))
    if errors or not variants:
        return None, errors
    return Term(preferred.strip(), tuple(variants), fix, lang, " ".join(str(note or "").split()), line), []


# --- pages ---------------------------------------------------------------------

def _scanned_lines(doc: Document):
    """(line number, text with non-prose blanked) of what readers read as text."""
    if doc.text.lstrip("\ufeff").startswith("---") and doc.body_line > 2:
        for number in range(2, doc.body_line - 1):
            line = doc.lines[number - 1]
            key = _FRONT_KEY.match(line)
            if key:
                line = " " * key.end() + line[key.end():]
            yield number, line
    lines = list(doc.prose())
    for fence in doc.fences:
        if fence.info in DATA_FENCES:
            for number in range(fence.start + 1, fence.end):
                line = doc.lines[number - 1]
                key = _FRONT_KEY.match(line)
                if key:
                    line = " " * key.end() + line[key.end():]
                lines.append((number, INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)))
    for number, line in lines:
        yield number, line


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def matches(doc: Document, terms: Terms):
    """(line number, start, end, variant, Term) for every rejected variant in ``doc``."""
    regex, by_variant = terms.pattern(doc.lang)
    if regex is None:
        return
    for number, line in _scanned_lines(doc):
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
        masked = _NOT_PROSE.sub(_blank, line)
        for found in regex.finditer(masked):
            yield number, found.start(), found.end(), found.group(0), by_variant[found.group(0)]


def check_site(documents: list[Document], terms: Terms) -> list[ContentError]:
    problems: list[ContentError] = []
    if not terms.entries:
        return problems
    for doc in documents:
        by_line: dict[tuple[int, bool], list] = {}
        for number, _s, _e, variant, term in matches(doc, terms):
            by_line.setdefault((number, term.fix), []).append((variant, term))
        for (number, fixable), found in sorted(by_line.items()):
            problems.append(_problem(doc.path, number, fixable, found, terms.path))
    return problems


def _problem(path, number, fixable, found, data_path) -> ContentError:
    pairs = ", ".join(f"'{v}' → '{t.preferred}'" for v, t in found)
    notes = " ".join(dict.fromkeys(t.note for _v, t in found if t.note))
    if fixable:
        return ContentError(path, number, "terminology",
                            f"Thuật ngữ không thống nhất: {pairs}." + (f" {notes}" if notes else ""),
                            f"Terminology: {pairs} (the handbook's list, {data_path}).",
                            "Chạy `make fix`, hoặc sửa tay như gợi ý.", "Run `make fix`, or edit as suggested.")
    return ContentError(path, number, "terminology-manual",
                        f"Thuật ngữ không thống nhất: {pairs}." + (f" {notes}" if notes else ""),
                        f"Terminology: {pairs} (the handbook's list, {data_path}).",
                        "Viết lại bằng thuật ngữ được dùng, chỉnh câu cho hợp (không sửa tự động được). Nếu ở đây "
                        f"cách viết này là đúng, đề nghị thu hẹp mục tương ứng trong {data_path}.",
                        "Rewrite with the preferred term, adjusting the sentence (no automatic fix). If the "
                        f"variant is right here, ask for the entry in {data_path} to be narrowed.")


def fix(text: str, terms: Terms, lang: str) -> str:
    """``text`` with every ``fix: true`` variant replaced by its preferred term
    (NFC lines only: the unicode fixes run first)."""
    if not any(t.fix and t.lang == lang for t in terms.entries):
        return text
    doc = Document.parse("", text)
    doc.lang = lang
    edits: dict[int, list] = {}
    for number, start, end, _variant, term in matches(doc, terms):
        if term.fix and unicodedata.is_normalized("NFC", doc.lines[number - 1]):
            edits.setdefault(number, []).append((start, end, term.preferred))
    if not edits:
        return text
    lines = text.split("\n")
    for number, spans in edits.items():
        line = lines[number - 1]
        for start, end, preferred in sorted(spans, reverse=True):
            line = line[:start] + preferred + line[end:]
        lines[number - 1] = line
    return "\n".join(lines)
