"""Shared glue for hook files: MkDocs facts the plain functions need, and
content errors turned into build failures."""
from __future__ import annotations

import functools
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook import sources
from handbook.errors import ContentError, ContentErrors
from handbook.sources import DEFAULT_LANGUAGE


@contextmanager
def editor_errors():
    """Re-raise content problems as PluginError so ``mkdocs build`` stops with
    the file, line and fix, not a Python traceback."""
    try:
        yield
    except (ContentError, ContentErrors) as exc:
        raise PluginError(f"\n{exc}\n") from None


def current_language(config) -> str:
    """Language being built (hooks run once per language under static-i18n)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def repo_root(config) -> Path:
    return _folder_of(config.config_file_path)


@functools.lru_cache(maxsize=8)  # asked for every page: resolving a path is a system call
def _folder_of(config_file_path: str) -> Path:
    return Path(config_file_path).resolve().parent


def is_final_build(config) -> bool:
    """True in the outermost build, after every language has been built.

    mkdocs-static-i18n builds the other languages from inside the default
    language's ``on_post_build`` (priority -100); a hook that must see the whole
    site runs at a lower priority and acts only when this is true.
    """
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


_loaded: list = [None, None]  # the build's config, its sources


def site_sources(config) -> list:
    """Every Markdown source, listed once per build: the hooks share one list
    (so results memoised on it are found at once), and ``mkdocs serve`` loads
    a new configuration, hence a fresh list, for every rebuild."""
    if _loaded[0] is not config:
        with editor_errors():  # malformed front matter: file, line and fix, whichever hook asks first
            _loaded[:] = [config, sources.load(config.docs_dir, repo_root(config))]
    return _loaded[1]


def sources_checked(config) -> bool:
    """True once ``site_sources`` has read (and so checked the front matter
    of) every source for this build."""
    return _loaded[0] is config


def is_preview() -> bool:
    """In ``make serve`` (HANDBOOK_PREVIEW=1): steps only a published site
    needs (security policy, precompressed files) are skipped."""
    return os.environ.get("HANDBOOK_PREVIEW") == "1"


def is_dirty_preview() -> bool:
    """A preview rebuilding only changed pages (``mkdocs serve --dirty``; like
    mkdocs-static-i18n, read from the command line: MkDocs tells plugins only
    once, at start-up)."""
    return is_preview() and "--dirty" in sys.argv


def cores() -> int:
    """Cores a build may use for its site-wide steps: ``tools/build.py
    --jobs N`` (``HANDBOOK_JOBS``), else every core."""
    return max(int(os.environ.get("HANDBOOK_JOBS") or os.cpu_count() or 1), 1)
