"""Hook: `make serve` previews an edit quickly (rebuilds only what changed).

Active in the preview server only (HANDBOOK_PREVIEW=1 with ``--dirty``, as
the Makefile's ``serve`` runs it). Before MkDocs decides which pages to render
again, the output of every page whose inputs changed is removed: generated
pages, regulation pages, or all pages when the navigation or an included
snippet (``includes/``, watched through ``watch:`` in mkdocs.yml) changed.
Logic in ``handbook/preview.py``.
"""
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import current_language, is_dirty_preview, site_sources
from handbook import preview
from handbook.sources import split_language


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation and links:
    this hook removes exactly those stale pages, and in strict mode the
    warning would stop every preview rebuild."""

    def filter(self, record):
        return "'dirty' build is being performed" not in record.getMessage()


def on_config(config):
    if is_dirty_preview():
        logger = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _DirtyNotice) for f in logger.filters):
            logger.addFilter(_DirtyNotice())
    return config


def _snippet_folders(config) -> list[Path]:
    """pymdownx.snippets' base paths (relative to the project folder)."""
    folders = (config.mdx_configs.get("pymdownx.snippets") or {}).get("base_path") or []
    root = Path(config.config_file_path).parent
    return [root / folder for folder in ([folders] if isinstance(folders, str) else folders)]


@event_priority(-200)  # after mkdocs-static-i18n (-100) chose this language's files
def on_files(files, config):
    if not is_dirty_preview():
        return files
    lang = current_language(config)
    current = preview.dependencies(site_sources(config), lang, config["nav"],
                                   preview.snippet_texts(_snippet_folders(config)))
    stale = preview.changed(config.site_dir, lang, current)
    for file in files.documentation_pages():
        _, base = split_language(file.src_uri)
        if preview.EVERY_PAGE in stale or base in stale:
            Path(file.abs_dest_path).unlink(missing_ok=True)
    return files
