"""What the linter checks beyond one page's text: the files themselves
(symbolic links, names, translations without an original, line ends), the
snippets pages pull in, and every other source the build reads that can put
text into a page: ``includes/`` (appended to every page), ``data/*.yml`` and
the labels of ``mkdocs.yml``.

Rules: symlink, file-name, orphan-translation, line-endings, snippet,
nesting-depth, data-html, config-html (and the HTML rules of ``lint.html``
for the snippets in ``includes/``).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from handbook.content import htmlpolicy
from handbook.content import tree
from handbook.content import yamltext
from handbook.errors import ContentError
from handbook.lint import html
from handbook.lint.document import Document


def check(doc: Document) -> list[ContentError]:
    """Per page: how deep it nests (the line-ends rule needs the bytes: see
    ``raw_checks``; snippets need the project: ``snippet_checks``)."""
    return tree.nesting_errors(doc.path, doc.lines, doc.code_lines)


def snippet_checks(doc: Document, root: Path) -> list[ContentError]:
    """The snippets a page pulls in must be files of includes/."""
    if "8<-" not in doc.text:
        return []
    return tree.snippet_errors(doc.path, doc.lines, root, doc.code_lines)


def raw_checks(path: str, raw: bytes) -> list[ContentError]:
    return tree.line_ending_errors(path, tree.first_cr(raw))


def tree_checks(root: Path, docs_dir: Path) -> list[ContentError]:
    """Symbolic links in every folder the build reads; file names and
    orphan translations under docs/."""
    root, docs_dir = Path(root).resolve(), Path(docs_dir).resolve()
    shown = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else str(docs_dir)
    folders = tuple(dict.fromkeys((shown,) + tree.CONTENT_FOLDERS))
    problems = tree.symlink_errors(root, folders)
    problems += tree.name_errors(docs_dir, shown)
    pages = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
             if not p.is_symlink()]
    problems += tree.orphan_translations(pages, shown)
    return problems


def include_documents(root: Path) -> list[tuple[Document, list[ContentError]]]:
    """The snippets of ``includes/`` as documents (no front matter: they are
    appended to pages)."""
    folder = Path(root) / tree.SNIPPET_FOLDER
    documents = []
    if not folder.is_dir():
        return documents
    for file in sorted(folder.rglob("*")):
        if not file.is_file() or file.is_symlink():
            continue  # links: reported by the symlink rule
        shown = file.relative_to(root).as_posix()
        raw = file.read_bytes()
        try:
            text = raw.decode("utf-8").replace("\r\n", "\n")
        except UnicodeDecodeError as exc:
            from handbook.content.sources import not_utf8
            documents.append((Document.parse(shown, ""), [not_utf8(shown, raw[:exc.start].count(b"\n") + 1)]))
            continue
        documents.append((Document.parse(shown, text), raw_checks(shown, raw)))
    return documents


def include_checks(root: Path, families) -> list[ContentError]:
    """The text rules (Unicode, tone marks, HTML, nesting) over includes/."""
    problems = []
    for doc, found in include_documents(root):
        problems += found
        for family in families:
            problems += family.check(doc)
        problems += snippet_checks(doc, root)
    return problems


def data_checks(root: Path) -> list[ContentError]:
    """Data files: valid YAML (no duplicate keys, no impossible dates) and no
    markup in any text they hold (some reach pages)."""
    problems = []
    folder = Path(root) / "data"
    if not folder.is_dir():
        return problems
    for file in sorted(folder.rglob("*.yml")) + sorted(folder.rglob("*.yaml")):
        if file.is_symlink():
            continue
        if file.parent == folder / "holidays":
            continue  # every value with its line: handbook.lint.holidays
        shown = file.relative_to(root).as_posix()
        try:
            text = file.read_bytes().decode("utf-8")
            data = yamltext.load(text)
        except UnicodeDecodeError as exc:
            from handbook.content.sources import not_utf8
            problems.append(not_utf8(shown, 1))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc)
            problems.append(ContentError(
                shown, mark.line + 1 if mark else None, "data-yaml",
                f"Tệp dữ liệu không phải YAML hợp lệ: {problem}.", f"The data file is not valid YAML: {problem}.",
                "Sửa dòng được nêu (thụt lề, dấu hai chấm, khóa trùng, ngày có thật).",
                "Fix the line given (indentation, colons, duplicate keys, real dates)."))
            continue
        lines = text.split("\n")
        for path, value in htmlpolicy.strings(data):
            markup = htmlpolicy.markup_in_text(value)
            if markup:
                number = next((n for n, line in enumerate(lines, 1) if markup[:12] in line), None)
                problems.append(ContentError(
                    shown, number, "data-html",
                    f"Giá trị '{'.'.join(path)}' chứa mã HTML ('{markup}'): dữ liệu là văn bản thuần.",
                    f"The value '{'.'.join(path)}' holds HTML markup ('{markup}'): data is plain text.",
                    "Xóa thẻ HTML.", "Remove the markup."))
    return problems


# Labels of mkdocs.yml that reach every page (navigation, titles, footer).
def config_checks(config_file: Path, root: Path) -> list[ContentError]:
    config_file = Path(config_file)
    if not config_file.is_file():
        return []
    shown = config_file.relative_to(root).as_posix() if config_file.is_relative_to(root) else str(config_file)
    text = config_file.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_ConfigLoader)
    except yaml.YAMLError:
        return []  # MkDocs reports the syntax itself
    problems = []
    for key_path, value, line in _labels(node):
        if key_path[-1:] == ("copyright",):
            found = [f for f in htmlpolicy.check_html(value)]
            if found:
                problems.append(_config_error(shown, line, key_path, found[0].detail))
            continue
        markup = htmlpolicy.markup_in_text(value)
        if markup:
            problems.append(_config_error(shown, line, key_path, markup))
    return problems


class _ConfigLoader(yaml.SafeLoader):
    """Composes mkdocs.yml whatever its tags (``!ENV``, ``!!python/name``)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


_LABEL_KEYS = {"site_name", "site_description", "site_author", "copyright", "name"}


def _labels(node, path=(), in_nav=False):
    """(key path, text, line) of the strings of mkdocs.yml that are shown to
    readers: site name, description, copyright, navigation labels and their
    translations."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            here = path + (str(name),)
            if in_nav or path[-1:] == ("nav_translations",):
                yield here, str(name), key.start_mark.line + 1
                if isinstance(value, yaml.ScalarNode) and path[-1:] == ("nav_translations",):
                    yield here, value.value, value.start_mark.line + 1
            if isinstance(value, yaml.ScalarNode) and name in _LABEL_KEYS and not in_nav:
                yield here, value.value, value.start_mark.line + 1
            yield from _labels(value, here, in_nav or name == "nav")
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _labels(item, path + (str(index),), in_nav)


def nav_checks(config_file: Path, docs_dir: Path, root: Path) -> list[ContentError]:
    """Every Vietnamese page is in ``nav`` (the build fails otherwise), and
    every page ``nav`` names exists."""
    config_file, docs_dir = Path(config_file), Path(docs_dir)
    if not config_file.is_file():
        return []
    shown = config_file.relative_to(root).as_posix() if config_file.is_relative_to(root) else str(config_file)
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError:
        return []
    nav = next((value for key, value in getattr(node, "value", []) if getattr(key, "value", None) == "nav"), None)
    if nav is None:
        return []  # no nav: MkDocs lists every page itself
    listed: dict[str, int] = {}

    def walk(item):
        if isinstance(item, yaml.ScalarNode) and item.value.endswith(".md"):
            listed.setdefault(item.value, item.start_mark.line + 1)
        elif isinstance(item, yaml.SequenceNode):
            for child in item.value:
                walk(child)
        elif isinstance(item, yaml.MappingNode):
            for _key, child in item.value:
                walk(child)

    walk(nav)
    docs_shown = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else str(docs_dir)
    problems = []
    for page, line in listed.items():
        if not (docs_dir / page).is_file():
            problems.append(ContentError(
                shown, line, "nav",
                f"Mục lục (nav) trỏ tới trang không tồn tại: {page}.",
                f"The navigation (nav) lists a page that does not exist: {page}.",
                f"Sửa tên tệp trong mkdocs.yml cho khớp một tệp trong {docs_shown}/, hoặc xóa dòng này.",
                f"Fix the file name in mkdocs.yml to match a file under {docs_shown}/, or remove the line."))
    for file in sorted(docs_dir.rglob("*.md")):
        src_uri = file.relative_to(docs_dir).as_posix()
        stem, _, _ = src_uri.rpartition(".")
        if "." in Path(stem).name or file.is_symlink():
            continue  # translations (x.en.md) follow their original; links: the symlink rule
        if src_uri not in listed:
            problems.append(ContentError(
                f"{docs_shown}/{src_uri}", None, "nav",
                f"Trang '{src_uri}' chưa có trong mục lục (nav) của mkdocs.yml: bản dựng sẽ dừng.",
                f"The page '{src_uri}' is not in the navigation (nav) of mkdocs.yml: the build stops.",
                f"Thêm dòng '- {src_uri}' vào đúng mục trong 'nav:' của mkdocs.yml.",
                f"Add '- {src_uri}' under the right section of 'nav:' in mkdocs.yml."))
    return problems


def _config_error(shown, line, key_path, markup) -> ContentError:
    field = ".".join(key_path)
    return ContentError(
        shown, line, "config-html",
        f"Nhãn '{field}' trong mkdocs.yml chứa mã HTML ('{markup}'): nhãn hiện ở mục lục và đầu trang.",
        f"The label '{field}' in mkdocs.yml holds HTML markup ('{markup}'): labels show in the navigation "
        "and page headers.",
        "Xóa thẻ HTML; viết văn bản thuần.", "Remove the markup; write plain text.")


__all__ = ["check", "raw_checks", "tree_checks", "include_checks", "data_checks", "config_checks",
           "html"]
