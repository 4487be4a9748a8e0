"""Hook: fail the build on malformed front matter instead of dropping it."""
from pathlib import Path

from adapter import editor_errors, repo_root, sources_checked
from handbook import sources


def on_page_read_source(page, config):
    if page.file.abs_src_path is None or sources_checked(config):
        return None  # every source was read, and its front matter checked, for the build
    with editor_errors():
        sources.read(Path(config.docs_dir), Path(page.file.abs_src_path), repo_root(config))
    return None  # let MkDocs read the file as usual
