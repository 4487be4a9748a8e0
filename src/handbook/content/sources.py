"""Every Markdown source of the site, read once and shared by all capabilities.

Generators (checklists, indexes, editors' pages) need data from *all* pages
before any page is rendered, and MkDocs renders pages one by one. So each
capability collects from these parsed sources, not from rendered pages. Reads
are cached on (size, mtime), because hooks run once per language build.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.content import frontmatter
from handbook.build.store import STORE
from handbook.errors import ContentError

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Source:
    path: str       # as shown to editors: "docs/cam-nang/cong-khai.en.md"
    src_uri: str    # relative to docs/: "cam-nang/cong-khai.en.md"
    base_uri: str   # language suffix removed: "cam-nang/cong-khai.md"
    lang: str       # "vi" or "en"
    meta: dict
    body: str
    body_line: int  # line number, in the file, of the body's first line
    text: str       # the whole file


def split_language(src_uri: str, languages=LANGUAGES, default=DEFAULT_LANGUAGE) -> tuple[str, str]:
    """``a/b.en.md`` -> ("en", "a/b.md"); ``a/b.md`` -> ("vi", "a/b.md")."""
    stem, dot, ext = src_uri.rpartition(".")
    head, _, suffix = stem.rpartition(".")
    if head and suffix in languages:
        return suffix, f"{head}.{ext}"
    return default, src_uri


# Files read, by path: (size, mtime) and the Source (kept across preview rebuilds).
_READ = STORE.space("sources")


def read(docs_dir: Path, file: Path, repo_root: Path | None = None) -> Source:
    stat = file.stat()
    key = (stat.st_size, stat.st_mtime_ns)
    hit = _READ.get(file)
    if hit and hit[0] == key:
        return hit[1]
    src_uri = file.relative_to(docs_dir).as_posix()
    root = repo_root or docs_dir.parent
    try:
        shown = file.relative_to(root).as_posix()
    except ValueError:
        shown = src_uri
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(
            shown, raw[: exc.start].count(b"\n") + 1, "encoding",
            "Tệp không được lưu bằng bảng mã UTF-8.", "The file is not saved as UTF-8.",
            "Mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8.",
            "Re-save the file with UTF-8 encoding.") from None
    if "\r" in text:  # as MkDocs reads it (universal newlines); the linter reports CRLF
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, body_line = frontmatter.split(text, shown)
    lang, base_uri = split_language(src_uri)
    source = Source(shown, src_uri, base_uri, lang, meta, body, body_line, text)
    _READ[file] = (key, source)
    return source


def load(docs_dir: str | Path, repo_root: str | Path | None = None) -> list[Source]:
    """All Markdown sources under ``docs_dir``, sorted by path (never read
    through a symbolic link: the build refuses those, see handbook.tree)."""
    docs = Path(docs_dir)
    root = Path(repo_root) if repo_root else None
    return [read(docs, f, root) for f in sorted(docs.rglob("*.md")) if not f.is_symlink()]


def for_language(sources: list[Source], lang: str) -> dict[str, Source]:
    """Pages as readers of ``lang`` see them: the translation where it exists,
    otherwise the Vietnamese original (static-i18n's fallback)."""
    pages = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    pages.update({s.base_uri: s for s in sources if s.lang == lang})
    return pages
