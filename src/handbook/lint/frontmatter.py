"""Front-matter rules: malformed YAML (``front-matter``), and the per-type
schema owned by ``handbook.schema`` (``front-matter-required``,
``front-matter-date``, ``front-matter-value``): required fields, date forms,
allowed values. This module only adapts the schema's findings to the linter;
it never restates the schema.
"""
from __future__ import annotations

from handbook.errors import ContentError
from handbook.lint.document import Document

from handbook.content import schema


def check(doc: Document) -> list[ContentError]:
    """Per file: the front matter must parse."""
    return [doc.meta_error] if doc.meta_error is not None else []


def check_site(documents: list[Document]) -> list[ContentError]:
    """The schema over every page at once (translations inherit from originals)."""
    return list(schema.check_site([d.source for d in documents
                                   if d.meta_error is None and d.base_uri is not None]))
