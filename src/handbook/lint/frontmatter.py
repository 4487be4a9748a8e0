"""Front-matter rules: malformed YAML (``front-matter``), and the per-type
schema owned by ``handbook.schema`` (``front-matter-required``,
``front-matter-date``, ``front-matter-value``): required fields, date forms,
allowed values. This module only adapts the schema's findings to the linter;
it never restates the schema.
"""
from __future__ import annotations

from handbook.errors import ContentError
from handbook.content.sources import Source
from handbook.lint.document import Document

try:  # content-code's schema (hooks/handbook/schema.py)
    from handbook.content import schema as _schema
except ImportError:  # pragma: no cover - only before the schema is merged
    _schema = None


def check(doc: Document) -> list[ContentError]:
    """Per file: the front matter must parse."""
    return [doc.meta_error] if doc.meta_error is not None else []


def _source(doc: Document) -> Source:
    return Source(doc.path, doc.src_uri, doc.base_uri, doc.lang, doc.meta,
                  doc.body_text, doc.body_line, doc.text)


def check_site(documents: list[Document]) -> list[ContentError]:
    """The schema over every page at once (translations inherit from originals)."""
    parsed = [_source(d) for d in documents if d.meta_error is None and d.base_uri is not None]
    if _schema is not None:
        check_all = getattr(_schema, "check_site", None) or getattr(_schema, "check")
        return list(check_all(parsed))
    return [e for s in parsed for e in _minimal(s)]


def _minimal(source: Source) -> list[ContentError]:  # pragma: no cover - pre-schema fallback
    problems = []
    if not source.meta.get("title"):
        problems.append(ContentError(
            source.path, 1, "front-matter-required",
            "Thiếu trường 'title' trong front matter.", "Front matter lacks the field 'title'.",
            "Thêm dòng 'title: Tiêu đề trang'.", "Add a 'title: ...' line."))
    return problems
