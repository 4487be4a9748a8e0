"""Build steps of the build itself: which language a process builds, and
how a preview (`mkdocs serve --dirty`) renders again exactly the pages an
edit changed."""
from __future__ import annotations

import logging
from pathlib import Path

from handbook.build import preview
from handbook.content.sources import split_language


def choose_language(build) -> None:
    """A build of one language (``HANDBOOK_LANGUAGE``), chosen before
    mkdocs-static-i18n starts; then this language's build begins."""
    build.i18n.choose(build.settings.language)
    build.begin()


def hold_other_languages(build) -> None:
    """One language per process: the other languages are built by their
    own processes and joined by tools/build.py."""
    if build.settings.language:
        build.i18n.hold_other_languages()


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation and links:
    the preview removes exactly those stale pages, and in strict mode the
    warning would stop every preview rebuild."""

    def filter(self, record):
        return "'dirty' build is being performed" not in record.getMessage()


def quiet_dirty_notice(build) -> None:
    if build.settings.dirty_preview:
        logger = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _DirtyNotice) for f in logger.filters):
            logger.addFilter(_DirtyNotice())


def _snippet_folders(config) -> list[Path]:
    """pymdownx.snippets' base paths (relative to the project folder)."""
    folders = (config.mdx_configs.get("pymdownx.snippets") or {}).get("base_path") or []
    root = Path(config.config_file_path).parent
    return [root / folder for folder in ([folders] if isinstance(folders, str) else folders)]


def remove_stale_pages(build, files):
    """Before MkDocs decides which pages to render again: remove the output of
    every page whose inputs changed (generated pages, regulation pages, or all
    pages when the navigation or an included snippet changed)."""
    if not build.settings.dirty_preview:
        return files
    current = preview.dependencies(build.sources, build.lang, build.config["nav"],
                                   preview.snippet_texts(_snippet_folders(build.config)))
    stale = preview.changed(build.config.site_dir, build.lang, current)
    for file in files.documentation_pages():
        _, base = split_language(file.src_uri)
        if preview.EVERY_PAGE in stale or base in stale:
            Path(file.abs_dest_path).unlink(missing_ok=True)
    return files
