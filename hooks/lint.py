"""Hook: the content linter runs with every build, once (not per language).

All problems are reported together and fail the build. Files are checked
again only when they changed (cache on size and mtime), so `mkdocs serve`
stays fast; what the single-file rules found in an unchanged text is also
kept between builds (``handbook/buildcache.py``). tools/build.py, which builds the languages in parallel processes,
sets HANDBOOK_LINT=0 for all but one of them.
"""
import os
from pathlib import Path

from adapter import repo_root
from handbook import lint
from handbook.buildcache import BuildCache
from mkdocs.exceptions import PluginError


def on_pre_build(config):
    # static-i18n builds the other languages inside the first build (with its
    # `building` flag set): the content is the same, lint it once.
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False) or os.environ.get("HANDBOOK_LINT") == "0":
        return
    root = repo_root(config)
    problems = lint.lint_tree(Path(config.docs_dir), root, cache=BuildCache.for_project(root))
    if problems:
        raise PluginError("\nKIỂM TRA NỘI DUNG (make lint) — CONTENT LINT\n" + lint.format_report(problems) + "\n")
