"""Shared glue for hook files: turn content errors into MkDocs build failures."""
from __future__ import annotations

from contextlib import contextmanager

from mkdocs.exceptions import PluginError

from handbook.errors import ContentError, ContentErrors


@contextmanager
def editor_errors():
    """Re-raise content problems as PluginError so ``mkdocs build`` stops with
    the file, line and fix, not a Python traceback."""
    try:
        yield
    except (ContentError, ContentErrors) as exc:
        raise PluginError(f"\n{exc}\n") from None
