"""Hook: fail the build on malformed front matter instead of dropping it."""
from pathlib import Path

from adapter import editor_errors
from handbook import frontmatter


def on_page_read_source(page, config):
    path = page.file.abs_src_path
    if path is None:
        return None
    text = Path(path).read_text(encoding="utf-8")
    with editor_errors():
        frontmatter.split(text, f"docs/{page.file.src_uri}")
    return None  # let MkDocs read the file as usual
