"""Every Markdown source of the site, read once and shared by all capabilities.

Generators (checklists, indexes, editors' pages) need data from *all* pages
before any page is rendered, and MkDocs renders pages one by one. So each
capability collects from these parsed sources, not from rendered pages.

``Source`` is the one model of a file: the build reads it strictly (a broken
front matter or a file that is not UTF-8 stops it with file, line and fix),
the linter leniently (the problem is kept on the source, and the body is
still checked). Both ask ``read``, which keeps what it read by size and
modification time (steps run once per language build; previews rebuild).
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
    text: str       # the whole file (line ends as MkDocs reads them: LF)
    problem: ContentError | None = None  # what could not be read (lenient reads only)
    first_cr: int | None = None          # line of the first CR: Windows line ends (the linter says so)


def split_language(src_uri: str, languages=LANGUAGES, default=DEFAULT_LANGUAGE) -> tuple[str, str]:
    """``a/b.en.md`` -> ("en", "a/b.md"); ``a/b.md`` -> ("vi", "a/b.md")."""
    stem, dot, ext = src_uri.rpartition(".")
    head, _, suffix = stem.rpartition(".")
    if head and suffix in languages:
        return suffix, f"{head}.{ext}"
    return default, src_uri


# Files read, by path: (size, mtime) and the Source (kept across preview rebuilds).
_READ = STORE.space("sources")


def not_utf8(path: str, line: int) -> ContentError:
    return ContentError(
        path, line, "encoding",
        "Tệp không được lưu bằng bảng mã UTF-8.", "The file is not saved as UTF-8.",
        "Mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8.",
        "Re-save the file with UTF-8 encoding.")


def parse_text(path: str, text: str, src_uri: str | None = None) -> Source:
    """A source from its text, leniently: malformed front matter is kept as
    ``problem`` and the body starts after the block it could not read."""
    first_cr = None
    if "\r" in text:  # as MkDocs reads it (universal newlines)
        first_cr = text[: text.index("\r")].count("\n") + 1
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lang, base_uri = split_language(src_uri) if src_uri else (DEFAULT_LANGUAGE, None)
    try:
        meta, body, body_line = frontmatter.split(text, path)
        problem = None
    except ContentError as exc:
        meta, body_line, problem = {}, 1, exc
        lines = text.split("\n")
        if text.lstrip("\ufeff").startswith("---"):  # skip the unreadable block: the body is still checked
            for number, line in enumerate(lines[1:], start=2):
                if line.strip() in ("---", "..."):
                    body_line = number + 1
                    break
        body = "\n".join(lines[body_line - 1:])
    return Source(path, src_uri, base_uri, lang, meta if isinstance(meta, dict) else {}, body, body_line, text,
                  problem, first_cr)


def read(docs_dir: Path, file: Path, repo_root: Path | None = None, strict: bool = True) -> Source:
    """The source of ``file``; ``strict``: what cannot be read raises it."""
    stat = file.stat()
    key = (stat.st_size, stat.st_mtime_ns)
    hit = _READ.get(file)
    if hit and hit[0] == key:
        source = hit[1]
    else:
        src_uri = file.relative_to(docs_dir).as_posix()
        root = repo_root or docs_dir.parent
        try:
            shown = file.relative_to(root).as_posix()
        except ValueError:
            shown = src_uri
        raw = file.read_bytes()
        try:
            source = parse_text(shown, raw.decode("utf-8"), src_uri)
        except UnicodeDecodeError as exc:
            lang, base_uri = split_language(src_uri)
            source = Source(shown, src_uri, base_uri, lang, {}, "", 1, "",
                            not_utf8(shown, raw[: exc.start].count(b"\n") + 1))
        _READ[file] = (key, source)
    if strict and source.problem is not None:
        raise source.problem
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
