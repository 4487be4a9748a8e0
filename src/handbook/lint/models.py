"""Model documents (``docs/mau-van-ban/*.md``) in the linter's report.

The build reads every model with ``handbook.models`` and stops on the first
build step that meets a malformed one; the linter runs the same reading over
the same file, so `make lint` lists a model's problems (rules ``model-*``:
unknown or unused fields, missing heading-block data, Markdown the Word file
cannot carry...) with every other problem, each with its line and fix.
Nothing is restated here.

A front matter the project cannot read is the ``front-matter`` rule's: the
model is not read again on top of it.
"""
from __future__ import annotations

from handbook.errors import ContentError
from handbook.lint.document import Document
from handbook.models import is_model, parse


def check(doc: Document) -> list[ContentError]:
    if doc.meta_error is not None or doc.lang != "vi" or not is_model(doc.base_uri or ""):
        return []
    return parse(doc.path, doc.text, doc.base_uri)[1]
