"""One Markdown file as the rules see it: a ``Source`` (the one model of a
file, handbook.content.sources) with its lines and code regions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from handbook.content import scanner, sources
from handbook.content.sources import Source
from handbook.errors import ContentError

INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# Fences whose content is data an editor writes (links in it still count).
DATA_FENCES = ("checklist",)


@dataclass
class Fence:
    info: str
    start: int   # line of the opening fence (1-based)
    end: int     # line of the closing fence (or last line)


@dataclass
class Document:
    path: str                 # shown to editors: docs/cam-nang/cong-khai.md
    src_uri: str | None       # relative to docs/: cam-nang/cong-khai.md
    text: str
    lines: list[str]          # without line ends
    meta: dict
    body_line: int            # first line of the body (1-based)
    meta_error: ContentError | None
    fences: list[Fence] = field(default_factory=list)
    code_lines: frozenset = frozenset()   # lines inside (or opening/closing) fences
    lang: str = "vi"
    base_uri: str | None = None
    source: Source | None = None          # the file the document was made from

    @classmethod
    def of(cls, source: Source) -> "Document":
        """The rules' view of a source (read leniently: a front matter that
        could not be read is its ``problem``, and the body is still checked)."""
        lines = source.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        fences, code = _fences(lines, source.body_line)
        return cls(source.path, source.src_uri, source.text, lines, source.meta, source.body_line,
                   source.problem, fences, frozenset(code), source.lang, source.base_uri, source)

    @classmethod
    def parse(cls, path: str, text: str, src_uri: str | None = None) -> "Document":
        """A document from text (tests, snippets, texts not read from docs/)."""
        return cls.of(sources.parse_text(path, text, src_uri))

    @property
    def body_text(self) -> str:
        return "\n".join(self.lines[self.body_line - 1:])

    def body(self) -> list[tuple[int, str]]:
        """(line number, line) for body lines outside fenced code."""
        cached = self.__dict__.get("_body")
        if cached is None:
            cached = [(n, self.lines[n - 1]) for n in range(self.body_line, len(self.lines) + 1)
                      if n not in self.code_lines]
            self.__dict__["_body"] = cached
        return cached

    def prose(self) -> list[tuple[int, str]]:
        """Body lines outside code, with inline code spans blanked out (same length)."""
        cached = self.__dict__.get("_prose")
        if cached is None:
            cached = [(n, mask_inline_code(line) if "`" in line else line) for n, line in self.body()]
            self.__dict__["_prose"] = cached
        return cached

    def data_fence_lines(self):
        """(line number, line) inside fences holding editor data (```checklist)."""
        for fence in self.fences:
            if fence.info in DATA_FENCES:
                for number in range(fence.start + 1, fence.end):
                    yield number, self.lines[number - 1]


def mask_inline_code(line: str) -> str:
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


def _fences(lines: list[str], first: int) -> tuple[list[Fence], set[int]]:
    """The body's fences (the scanner finds them) and every line they hold,
    opening and closing lines included (1-based)."""
    fences: list[Fence] = []
    code: set[int] = set()
    for span in scanner.fences(lines[first - 1:]):
        start = span.start + first
        end = len(lines) + 1 if span.end is None else span.end + first
        fences.append(Fence(span.info.lower(), start, end))
        code.update(range(start, min(end, len(lines)) + 1))
    return fences, code
