"""Front-matter rules: malformed YAML, and the per-type schema.

The schema (required fields, date forms, allowed values per content type) is
owned by ``handbook.schema``; this module only adapts its findings to the
linter, it never restates the schema.
"""
from __future__ import annotations

from .. import frontmatter as fm
from ..errors import ContentError, ContentErrors
from .document import Document

try:  # the schema lands from the content work; until then the minimal check below
    from .. import schema as _schema
except ImportError:  # pragma: no cover - depends on merge order
    _schema = None

DATE_FIELDS = ("last_reviewed",)


def _schema_check(doc: Document) -> list[ContentError]:
    if _schema is not None:
        for name in ("check", "validate", "validate_source", "check_meta"):
            function = getattr(_schema, name, None)
            if callable(function):
                try:
                    found = function(doc.meta, doc.path, doc.text) if name != "validate_source" else function(doc)
                except ContentErrors as exc:
                    return list(exc.errors)
                except ContentError as exc:
                    return [exc]
                return list(found or [])
    return _minimal(doc)


def _minimal(doc: Document) -> list[ContentError]:
    """Until handbook.schema exists: every page has a title; review dates are dates."""
    problems = []
    if not doc.meta.get("title"):
        problems.append(ContentError(
            doc.path, 1, "front-matter-required",
            "Thiếu trường 'title' (tiêu đề trang) trong khối thông tin đầu trang.",
            "Missing field 'title' in the front matter.",
            "Thêm ở đầu tệp:\n---\ntitle: Tiêu đề trang\n---",
            "Add 'title: Page title' between '---' lines at the top."))
    for field in DATE_FIELDS:
        if field in doc.meta:
            try:
                fm.as_date(doc.meta[field], doc.path, field, fm.field_line(doc.text, field))
            except ContentError as exc:
                problems.append(exc)
    return problems


def check(doc: Document) -> list[ContentError]:
    if doc.meta_error is not None:
        return [doc.meta_error]
    if doc.src_uri is None and not doc.meta:
        return []
    return _schema_check(doc)
