"""Content linter: fast, precise checks for editors, all problems at once.

Each rule family lives in its own module and exposes plain functions over a
:class:`~handbook.lint.document.Document` (one Markdown file):

* ``unicode``     — nfc, bom, zero-width, no-break-space, confusable-d, cyrillic
* ``tone_placement``  — tone-placement (site style: traditional, see handbook.tones)
* ``frontmatter`` — front-matter (YAML) and the per-type schema of handbook.schema:
                    front-matter-required, front-matter-date, front-matter-value
* ``html``        — the HTML allowlist (handbook.htmlpolicy): html-script, html-iframe,
                    html-event-handler, javascript-link, inline-style, html-tag,
                    html-attribute, html-url; front-matter-html, checklist-html
* ``files``       — symlink, file-name, orphan-translation, line-endings, snippet,
                    nesting-depth; includes/, data/ (data-yaml, data-html) and the
                    labels of mkdocs.yml (config-html)
* ``structure``   — heading-level, image-alt, mermaid
* ``links``       — link-target, link-anchor (resolved in both languages)
* ``checklists``  — checklist-* (the build's own validation of ```checklist
                    items, run over the same files: handbook.checklists)
* ``terminology`` — terminology, terminology-manual, terminology-data: the
                    preferred terms of data/terminology.yml
* ``holidays``    — holidays-data: the holiday files of data/holidays/
                    (handbook.plan.yearfile, the build's own checks)
* ``models``      — model-*: the model documents of docs/mau-van-ban/ (the
                    build's own reading, handbook.models)

Problems are :class:`handbook.errors.ContentError` (file, line, rule name, what
is wrong and how to fix it, in Vietnamese and English). Rule names are stable:
CONTRIBUTING.md documents each one, tests feed one fixture per rule.

``fix_text`` rewrites only what is safe (NFC, BOM, zero-width and no-break
spaces, Ð/ð, Cyrillic look-alikes, tone placement, the terms of
data/terminology.yml marked ``fix: true``); nothing is rewritten
unless a caller asks for it (``tools/lint.py --fix``, ``make fix``).
"""
from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from handbook.content import sources, tree
from handbook.build.cache import BuildCache, Table, code_version
from handbook.build.store import STORE
from handbook.errors import ContentError
from handbook.content.sources import LANGUAGES
from handbook.lint import checklists
from handbook.lint import files
from handbook.lint import frontmatter
from handbook.lint import holidays
from handbook.lint import html
from handbook.lint import links
from handbook.lint import models
from handbook.lint import structure
from handbook.lint import terminology
from handbook.lint import tone_placement
from handbook.lint import unicode
from handbook.lint.document import Document
from handbook.lint.rules import RULES, Rule

__all__ = ["RULES", "Rule", "Document", "lint_text", "lint_tree", "fix_text", "fix_tree",
           "format_report"]

# Families whose checks look at one file only (cached per file).
FILE_FAMILIES = (unicode, tone_placement, frontmatter, html, structure, files, models)
# Families that read snippets (includes/) too: they have no front matter.
INCLUDE_FAMILIES = (unicode, tone_placement, html, files)
FIX_FAMILIES = (unicode, tone_placement)


def sort_key(error: ContentError):
    return (error.path, error.line or 0, error.rule)


def check_document(doc: Document) -> list[ContentError]:
    problems: list[ContentError] = []
    for family in FILE_FAMILIES:
        problems.extend(family.check(doc))
    return problems


def lint_text(path: str, text: str, src_uri: str | None = None,
              terms: terminology.Terms | None = None) -> list[ContentError]:
    """Single-file rules over ``text``, the front-matter schema for this page
    alone and, given ``terms``, the terminology (links need the whole site:
    see lint_tree)."""
    problems = files.raw_checks(path, text.encode("utf-8"))
    if problems:  # read as the build reads it
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = Document.parse(path, text, src_uri)
    problems += check_document(doc)
    if src_uri is not None:
        problems.extend(frontmatter.check_site([doc]))
    if terms is not None:
        problems.extend(terminology.check_site([doc], terms))
    return sorted(problems, key=sort_key)


def fix_text(text: str, terms: terminology.Terms | None = None, lang: str = "vi") -> str:
    """``text`` with every safe fix applied (with ``terms``, the ``fix: true``
    terms of the page's language too); idempotent."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # line-endings
    for family in FIX_FAMILIES:
        text = family.fix(text)
    if terms is not None:
        text = terminology.fix(text, terms, lang)
    return text


# Per-file cache: path -> ((size, mtime_ns), Document, problems, key). The
# build runs once per language and `mkdocs serve` rebuilds on every save: only
# changed files are parsed and checked again. ``key``: the text's key in the
# build cache's table, for files the single-file rules checked.
# path -> (Source, Document, problems, key): what the rules found in the source read last
_LINTED = STORE.space("lint")


@functools.lru_cache(maxsize=1)
def _rules_version() -> str:
    """Every module of the handbook package: the single-file rules use many."""
    package = Path(__file__).resolve().parent.parent
    return code_version(*sorted(package.rglob("*.py")))


def _as_json(problems: list[ContentError]) -> list[dict]:
    return [dataclasses.asdict(p) for p in problems]


_ERROR_FIELDS = {f.name for f in dataclasses.fields(ContentError)}


def _valid_findings(value) -> bool:
    """A text's findings as the build cache keeps them (``_as_json``)."""
    return isinstance(value, list) and all(
        isinstance(p, dict) and set(p) == _ERROR_FIELDS and isinstance(p["path"], str)
        and isinstance(p["rule"], str) and isinstance(p["line"], (int, type(None))) for p in value)


def _checked(doc: Document, table: Table | None) -> tuple[list[ContentError], str | None]:
    """``check_document``, or what it found in the same text before (kept
    between builds by the build cache: most files do not change)."""
    if table is None:
        return check_document(doc), None
    key = table.key(doc.path, doc.src_uri or "", doc.text)
    return [ContentError(**fields) for fields in table.get(key, lambda: _as_json(check_document(doc)))], key


def _load(file: Path, docs_dir: Path, root: Path,
          table: Table | None = None) -> tuple[Document, list[ContentError]]:
    """A file's document and what the single-file rules find in it. The file
    is read once for the build and the linter alike (``sources.read``, by
    size and modification time); what the rules found is kept for that same
    source (and, between builds, in the build cache by the text)."""
    source = sources.read(docs_dir, file, root, strict=False)
    hit = _LINTED.get(file)
    if hit and hit[0] is source:
        if table is not None and hit[3] is not None:  # the table saved after this build keeps it
            table.get(hit[3], lambda: _as_json(hit[2]))
        return hit[1], hit[2]
    doc = Document.of(source)
    key = None
    if source.problem is not None and source.problem.rule == "encoding":
        problems = [source.problem]  # unreadable: no other check
    else:
        problems, key = _checked(doc, table)
        if source.first_cr is not None:  # read as the build reads it; said once
            problems = tree.line_ending_errors(source.path, source.first_cr) + problems
    _LINTED[file] = (source, doc, problems, key)
    return doc, problems


def markdown_files(docs_dir: Path) -> list[Path]:
    """The Markdown files under ``docs_dir`` (never read through a symbolic
    link: the symlink rule reports those)."""
    return sorted(p for p in docs_dir.rglob("*.md") if p.is_file() and not p.is_symlink())


def lint_tree(docs_dir: str | Path, repo_root: str | Path | None = None,
              languages=LANGUAGES, cache: BuildCache | None = None,
              config_file: str | Path | None = None) -> list[ContentError]:
    """Every rule over every Markdown file under ``docs_dir``, and over what
    else the build reads: the snippets of includes/, data/*.yml, the labels of
    ``config_file`` (mkdocs.yml beside docs/ by default) and the files
    themselves (``cache``: the single-file rules' findings kept between builds)."""
    docs = Path(docs_dir).resolve()
    root = Path(repo_root).resolve() if repo_root else docs.parent
    documents: list[Document] = []
    problems: list[ContentError] = []
    table = cache.table("lint", _rules_version(), _valid_findings) if cache is not None else None
    for file in markdown_files(docs):
        doc, found = _load(file, docs, root, table)
        documents.append(doc)
        problems.extend(found)
        problems.extend(files.snippet_checks(doc, root))
    if table is not None:
        table.save()
    # not among the cached single-file rules: the findings depend on the list too
    terms, term_problems = terminology.load(root)
    problems.extend(term_problems)
    problems.extend(terminology.check_site(documents, terms))
    problems.extend(files.tree_checks(root, docs))
    problems.extend(files.include_checks(root, INCLUDE_FAMILIES))
    problems.extend(files.data_checks(root))
    problems.extend(holidays.check_site(root))
    config = Path(config_file) if config_file else root / "mkdocs.yml"
    problems.extend(files.config_checks(config, root))
    problems.extend(files.nav_checks(config, docs, root))
    problems.extend(frontmatter.check_site(documents))
    link_problems = links.check_site(documents, languages, docs)
    problems.extend(link_problems)
    problems.extend(checklists.check_site(documents, link_problems))
    return sorted(problems, key=sort_key)


def fix_tree(docs_dir: str | Path, repo_root: str | Path | None = None) -> list[tuple[str, list[str]]]:
    """Apply the safe fixes to every file under ``docs_dir`` that needs them.
    Returns ``[(shown path, [rules fixed]), ...]``."""
    docs = Path(docs_dir).resolve()
    root = Path(repo_root).resolve() if repo_root else docs.parent
    terms, _problems = terminology.load(root)  # a malformed list is reported by lint_tree
    changed = []
    for file in markdown_files(docs):
        try:
            text = file.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        src_uri = file.relative_to(docs).as_posix()
        fixed = fix_text(text, terms, sources.split_language(src_uri)[0])
        if fixed != text:
            shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
            before = {e.rule for e in lint_text(shown, text, src_uri, terms)}
            after = {e.rule for e in lint_text(shown, fixed, src_uri, terms)}
            file.write_bytes(fixed.encode("utf-8"))
            changed.append((shown, sorted(before - after)))
    return changed


def format_report(problems: list[ContentError]) -> str:
    if not problems:
        return "Không có lỗi nội dung. No content problems."
    lines = [str(p) for p in problems]
    files = len({p.path for p in problems})
    fixable = sum(1 for p in problems if RULES.get(p.rule) and RULES[p.rule].fixable)
    lines.append("")
    lines.append(f"{len(problems)} lỗi trong {files} tệp ({len(problems)} problems in {files} files).")
    if fixable:
        lines.append(f"{fixable} lỗi sửa tự động được: chạy `make fix` "
                     f"({fixable} can be fixed automatically: run `make fix`).")
    return "\n".join(lines)
