"""Build step of the linter: every content problem at once, before anything
is rendered (tools/build.py lints first and switches this off for the
language builds it starts)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook import lint

HEADING = "KIỂM TRA NỘI DUNG (make lint) — CONTENT LINT"


def lint_once(build) -> None:
    """The linter, once a build: not again inside mkdocs-static-i18n's build
    of another language (same content), nor when the settings say so."""
    if build.i18n.nested or not build.settings.lint:
        return
    problems = lint.lint_tree(build.docs_dir, build.root, cache=build.cache,
                              config_file=build.config.config_file_path)
    if problems:
        raise PluginError(f"\n{HEADING}\n" + lint.format_report(problems) + "\n")
