"""The folders the build reads, as files: nothing from outside the repository,
names editors can type, line endings, translations with an original, and
snippets that exist where they may.

Plain functions over paths; the linter (``lint.files``) and the build
(``hooks/safety.py``) both call them, so a symlink to ``/etc/passwd`` fails
``make lint`` and ``mkdocs build`` alike.
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import ContentError
from handbook.content.sources import LANGUAGES, DEFAULT_LANGUAGE

# What the build reads besides mkdocs.yml: content, snippets, data, templates.
CONTENT_FOLDERS = ("docs", "includes", "data", "overrides")
SNIPPET_FOLDER = "includes"

PAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.(?:%s))?\.md$" % "|".join(
    lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE))
FILE_NAME = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
# Maintainers' files under docs/assets/ keep their upstream names (fonts,
# vendored scripts, licences); editors' images follow the rule.
FREE_NAMED = ("assets/fonts/", "assets/javascripts/", "assets/stylesheets/")


@dataclass(frozen=True)
class Link:
    path: str        # as shown: docs/assets/x.txt
    target: str      # where it points, as the system resolves it
    outside: bool    # the target is outside the repository


def symlinks(root: Path, folders=CONTENT_FOLDERS) -> list[Link]:
    """Every symbolic link (file or folder) under the content folders. None
    is allowed: a link can publish a file from anywhere on the machine, and a
    copy is what an editor means."""
    root = Path(root).resolve()
    found = []
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            found.append(_link(root, base))
            continue
        if not base.is_dir():
            continue
        for current, subfolders, names in os.walk(base):  # does not follow folder links
            for name in sorted(subfolders) + sorted(names):
                path = Path(current) / name
                if path.is_symlink():
                    found.append(_link(root, path))
    return found


def _link(root: Path, path: Path) -> Link:
    target = Path(os.path.realpath(path))
    outside = not target.is_relative_to(root)
    return Link(path.relative_to(root).as_posix(), str(target), outside)


def symlink_errors(root: Path, folders=CONTENT_FOLDERS) -> list[ContentError]:
    errors = []
    for link in symlinks(root, folders):
        where_vi = "ra ngoài kho nội dung" if link.outside else "tới một tệp khác trong kho"
        where_en = "outside the repository" if link.outside else "to another file of the repository"
        errors.append(ContentError(
            link.path, None, "symlink",
            f"'{link.path}' là liên kết tượng trưng (symlink) trỏ {where_vi} ({link.target}): bản dựng "
            "không đọc và không xuất bản tệp qua liên kết.",
            f"'{link.path}' is a symbolic link pointing {where_en} ({link.target}): the build neither "
            "reads nor publishes files through links.",
            f"Xóa liên kết (git rm {link.path}) và chép chính tệp cần dùng vào chỗ đó.",
            f"Remove the link (git rm {link.path}) and copy the file itself there."))
    return errors


def name_errors(docs_dir: Path, shown_prefix: str = "docs") -> list[ContentError]:
    """Pages and editors' files named as CONTRIBUTING says: lower-case ASCII
    letters, digits and dashes (``hoi-nghi-can-bo.md``, ``so-do-to-chuc.svg``)."""
    errors = []
    docs_dir = Path(docs_dir)
    for current, subfolders, names in os.walk(docs_dir):
        relative_folder = Path(current).relative_to(docs_dir).as_posix()
        folder = "" if relative_folder == "." else relative_folder + "/"
        if folder.startswith(FREE_NAMED):
            subfolders[:] = []
            continue
        for name in subfolders:
            if not FILE_NAME.match(name):
                errors.append(_bad_name(f"{shown_prefix}/{folder}{name}", name, folder=True))
        for name in names:
            ok = PAGE_NAME.match(name) if name.endswith(".md") else FILE_NAME.match(name)
            if not ok:
                errors.append(_bad_name(f"{shown_prefix}/{folder}{name}", name))
    return errors


def _suggest(name: str) -> str:
    from handbook.content.vietnamese import slugify
    stem, dot, ext = name.rpartition(".")
    if not dot:
        return slugify(name)
    if stem.endswith(".en"):
        return f"{slugify(stem[:-3])}.en.{ext.lower()}"
    return f"{slugify(stem)}.{ext.lower()}"


def _bad_name(path: str, name: str, folder: bool = False) -> ContentError:
    what_vi, what_en = ("Tên thư mục", "Folder name") if folder else ("Tên tệp", "File name")
    suggestion = _suggest(name)
    return ContentError(
        path, None, "file-name",
        f"{what_vi} '{name}' không đúng quy ước: chỉ chữ thường không dấu, số và dấu gạch ngang "
        "(bản dịch thêm '.en' trước '.md').",
        f"{what_en} '{name}' breaks the convention: lower-case ASCII letters, digits and dashes "
        "(translations add '.en' before '.md').",
        f"Đổi tên thành '{suggestion}' (git mv), rồi sửa các liên kết tới nó.",
        f"Rename it to '{suggestion}' (git mv) and update the links to it.")


def orphan_translations(files: list[str], shown_prefix: str = "docs") -> list[ContentError]:
    """Translations (``x.en.md``) without their Vietnamese original ``x.md``:
    the English site would show a page that has no place in the navigation."""
    present = set(files)
    errors = []
    for src_uri in sorted(files):
        stem, _, ext = src_uri.rpartition(".")
        head, _, suffix = stem.rpartition(".")
        if ext == "md" and head and suffix in LANGUAGES and suffix != DEFAULT_LANGUAGE:
            original = f"{head}.md"
            if original not in present:
                errors.append(ContentError(
                    f"{shown_prefix}/{src_uri}", None, "orphan-translation",
                    f"Bản dịch '{src_uri}' không có trang gốc tiếng Việt '{original}'.",
                    f"The translation '{src_uri}' has no Vietnamese original '{original}'.",
                    f"Tạo trang gốc {shown_prefix}/{original} (và thêm vào nav), hoặc đổi tên bản dịch cho "
                    "khớp tên trang gốc đã có.",
                    f"Create {shown_prefix}/{original} (and add it to nav), or rename the translation to "
                    "match an existing page."))
    return errors


# pymdownx.snippets: --8<-- "file" on one line, or a block of names between
# two --8<-- lines.
_SNIPPET_LINE = re.compile(r"""^[ \t]*(;?)-{1,}8<-{1,}[ \t]+(["'])(.*?)\2[ \t]*$""")
_SNIPPET_BLOCK = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]*$")


def snippet_errors(path: str, lines: list[str], root: Path, code_lines=frozenset()) -> list[ContentError]:
    """Every snippet a page pulls in must be a file of ``includes/``."""
    errors = []
    block = False
    for number, line in enumerate(lines, start=1):
        if number in code_lines:
            continue
        if _SNIPPET_BLOCK.match(line):
            block = not block
            continue
        match = _SNIPPET_LINE.match(line)
        name = None
        if match and not match.group(1):
            name = match.group(3)
        elif block and line.strip() and not line.strip().startswith(";"):
            name = line.strip()
        if name is not None:
            problem = snippet_problem(name, root)
            if problem:
                errors.append(_snippet_error(path, number, name, problem))
    return errors


def snippet_problem(name: str, root: Path) -> str | None:
    name = name.split(":", 1)[0] if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", name) else name
    if "://" in name:
        return "url"
    if name.startswith("/") or posixpath.normpath(name).startswith(".."):
        return "outside"
    target = Path(root) / SNIPPET_FOLDER / name
    if target.is_symlink():
        return "symlink"
    if not target.is_file():
        return "missing"
    return None


def _snippet_error(path: str, line: int, name: str, problem: str) -> ContentError:
    why = {
        "url": ("tải từ Internet (site không lấy gì từ máy chủ khác)", "downloaded from the internet"),
        "outside": ("nằm ngoài thư mục includes/", "outside the includes/ folder"),
        "symlink": ("là liên kết tượng trưng", "a symbolic link"),
        "missing": ("không có trong includes/", "not in includes/"),
    }[problem]
    return ContentError(
        path, line, "snippet",
        f"Đoạn chèn '--8<-- \"{name}\"' {why[0]}.",
        f"The snippet '--8<-- \"{name}\"' is {why[1]}.",
        "Chỉ chèn tệp nằm trong includes/, ghi tên tương đối (ví dụ --8<-- \"abbreviations.md\").",
        "Only files in includes/ can be inserted, named relative to it (e.g. --8<-- \"abbreviations.md\").")


def first_cr(data: bytes | str) -> int | None:
    """The line of the first carriage return (CR) in a file, if any."""
    cr = b"\r" if isinstance(data, bytes) else "\r"
    if cr not in data:
        return None
    return data[: data.index(cr)].count(b"\n" if isinstance(data, bytes) else "\n") + 1


def line_ending_errors(path: str, line: int | None) -> list[ContentError]:
    """Windows (CRLF) or old Mac (CR) line ends, from ``line`` on: front
    matter and fences would not be recognised, and diffs show every line
    changed."""
    if line is None:
        return []
    return [ContentError(
        path, line, "line-endings",
        "Tệp dùng ký tự xuống dòng kiểu Windows (CRLF): thông tin đầu trang và khối mã không được nhận ra.",
        "The file uses Windows line ends (CRLF): front matter and fences are not recognised.",
        "Chạy `make fix` (đổi sang LF), và đặt trình soạn thảo lưu với LF.",
        "Run `make fix` (converts to LF), and set the editor to save with LF.")]


NESTING_LIMIT = 40   # levels: far past any real page, far below the converter's limit
_LEAD = re.compile(r"^(?:[ \t]|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))+")


def nesting_depth(line: str) -> int:
    """Levels a line opens: quotation marks, list markers, and indentation
    (two columns a level, the least a nested list needs)."""
    lead = _LEAD.match(line)
    if lead is None:
        return 0
    text = lead.group(0)
    markers = len(re.findall(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t])", text))
    return text.count(">") + markers + len(re.sub(r"[^ \t]", "", text).expandtabs(4)) // 2


def nesting_errors(path: str, lines: list[str], code_lines=frozenset()) -> list[ContentError]:
    """Lists or quotations nested so deep that Markdown's converter would
    exhaust its recursion (a thousand levels took a minute, then crashed)."""
    for number, line in enumerate(lines, start=1):
        if number in code_lines or not line[:1] in (" ", "\t", ">", "-", "*", "+") and not line[:1].isdigit():
            continue
        depth = nesting_depth(line)
        if depth > NESTING_LIMIT:
            return [ContentError(
                path, number, "nesting-depth",
                f"Danh sách hoặc trích dẫn lồng quá sâu (khoảng {depth} cấp): trang không thể chuyển đổi.",
                f"Lists or quotations nested too deep (about {depth} levels): the page cannot be converted.",
                "Giảm số cấp lồng nhau (mỗi cấp thụt 4 dấu cách; thường không quá 3–4 cấp).",
                "Nest fewer levels (4 spaces each; rarely more than 3–4).")]
    return []
