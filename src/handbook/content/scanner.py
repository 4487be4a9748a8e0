"""Light scanning of Markdown sources: code fences, lines outside them,
headings with the anchors the build gives them, links and where they point,
and the anchors' prefix of checklist items.

Not a Markdown parser: just enough structure for indexes and checks that run
over every page once per build (Q&A index, backlinks, verification marks,
the linter, the checklists' blocks). This module owns that grammar: every
capability that needs to know where a fence opens and closes asks here.
"""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from handbook.build import memo
from handbook.build.store import STORE
from handbook.content.sources import Source, split_language
from handbook.content.vietnamese import slugify

# A line opening a code fence: three or more backticks or tildes, and an
# info string (after backticks it holds no backtick: "```x```" is code). A
# fence closes at a line holding only at least as many of the same character.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*?)[ \t]*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
# attr_list at the end of a heading: {#id}, { #id .class }, {: #id }
_ATTR = re.compile(r"[ \t]*\{:?[^}]*?#(?P<id>[^\s}]+)[^}]*\}[ \t]*$")
_ANY_ATTR = re.compile(r"[ \t]*\{:?[^}]*\}[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
# An inline link or image, [text](target "title"): the text may hold one
# level of brackets, the target one level of parentheses.
INLINE_LINK = re.compile(r"(?P<image>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
                         r"\(\s*<?(?P<target>[^\s()<>]*(?:\([^\s()]*\))?[^\s()<>]*)>?"
                         r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
# A reference definition: [label]: target "title"
REFERENCE = re.compile(r"^[ \t]{0,3}\[(?P<label>[^\]]+)\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$", re.M)
# Anchors set by hand: {#id} attributes (attr_list) and HTML id="..."
_EXPLICIT_ID = re.compile(r"\{:?[^{}\n]*?#([A-Za-z0-9_][\w:.-]*)[^{}\n]*\}")
_HTML_ID = re.compile(r"<[A-Za-z][^>]*?\sid\s*=\s*[\"']([^\"']+)[\"']")
_INLINE_MD = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")


# The anchor of a checklist item on its page: ``ck-<id>`` (the checklists
# render it, backlinks and the search index find items by it).
CHECKLIST_ITEM_PREFIX = "ck-"


@dataclass(frozen=True)
class Fence:
    start: int               # 0-based index of the opening line
    end: int | None          # index of the closing line (None: never closed)
    indent: str              # white space before the opening marks
    mark: str                # the opening marks ("```", "~~~~")
    info: str                # the info string's first word, without "{", "." and "}"


def fence_opening(line: str) -> re.Match | None:
    """The opening fence a line is, or None."""
    match = FENCE.match(line)
    if match is None or (match.group("mark")[0] == "`" and "`" in match.group("info")):
        return None
    return match


def closes(line: str, mark: str) -> bool:
    """Does ``line`` close a fence opened with ``mark``?"""
    stripped = line.strip()
    return bool(stripped) and set(stripped) == {mark[0]} and len(stripped) >= len(mark)


def fences(lines: list[str]) -> list[Fence]:
    """Every code fence of a text given as lines, in order."""
    found: list[Fence] = []
    opened = None  # (start, indent, mark, info)
    for index, line in enumerate(lines):
        if "``" not in line and "~~" not in line:
            continue  # a fence line holds three of one or the other
        if opened is None:
            match = fence_opening(line)
            if match:
                words = match.group("info").split()
                opened = (index, match.group("indent"), match.group("mark"),
                          words[0].strip("{}.") if words else "")
        elif closes(line, opened[2]):
            found.append(Fence(opened[0], index, *opened[1:]))
            opened = None
    if opened is not None:
        found.append(Fence(opened[0], None, *opened[1:]))
    return found


class Line(NamedTuple):  # a tuple: made for every line of every page, several times a build
    number: int              # 1-based line number in the file
    text: str
    fence: str | None        # info string of the enclosing code fence ("" if none given), None outside


@dataclass(frozen=True)
class Heading:
    level: int
    text: str                # heading text without attribute list
    anchor: str
    line: int


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    line: int
    fence: str | None


def body_lines(source: Source) -> Iterator[Line]:
    """Every line of the page body with its file line number and, inside a
    fenced block, the fence's info string (``checklist``, ``python``, "")."""
    return text_lines(source.body, source.body_line)


def text_lines(markdown: str, first_line: int = 1) -> Iterator[Line]:
    """``body_lines`` for any Markdown text (e.g. what a step is rendering);
    fence lines themselves belong to no block and are left out."""
    lines = markdown.split("\n")
    spans = fences(lines) if "``" in markdown or "~~" in markdown else []
    position = 0
    for fence in spans:
        for index in range(position, fence.start):
            yield Line(first_line + index, lines[index], None)
        end = len(lines) if fence.end is None else fence.end
        for index in range(fence.start + 1, end):
            yield Line(first_line + index, lines[index], fence.info)
        position = end + 1
    for index in range(position, len(lines)):
        yield Line(first_line + index, lines[index], None)


def plain_heading_text(text: str) -> str:
    """Heading text as the reader sees it (links and tags reduced to their text)."""
    text = _INLINE_MD.sub(r"\1", text)
    text = _TAG.sub("", text)
    return text.replace("`", "").strip()


@memo.per_source
def headings(source: Source) -> list[Heading]:
    """ATX headings outside code fences, with the anchor Python-Markdown's toc
    gives them (explicit ``{#id}`` or slugify, ``_1`` suffixes for repeats).
    Cached per source object (several capabilities ask for the same page)."""
    return text_headings(source.body, source.body_line)


def text_headings(markdown: str, first_line: int = 1) -> list[Heading]:
    found: list[Heading] = []
    used: set[str] = set()
    for line in text_lines(markdown, first_line):
        if line.fence is not None or not line.text.startswith("#"):
            continue
        match = _HEADING.match(line.text)
        if not match:
            continue
        level, raw = len(match.group(1)), match.group(2)
        explicit = _ATTR.search(raw)
        text = _ANY_ATTR.sub("", raw).strip()
        if explicit:
            anchor = explicit.group("id")
        else:
            anchor = slugify(plain_heading_text(text))
            if anchor in used:
                n = 1
                while f"{anchor}_{n}" in used:
                    n += 1
                anchor = f"{anchor}_{n}"
        used.add(anchor)
        found.append(Heading(level, text, anchor, line.number))
    return found


_ANCHORS = STORE.space("anchors")  # id(text) -> (text, anchors)


def anchors(markdown: str) -> frozenset[str]:
    """Every anchor a link can point to once ``markdown`` is rendered: the
    headings' (as ``text_headings`` gives them), ``{#id}`` attributes and HTML
    ``id="..."``, outside code fences. Cached per text object."""
    hit = _ANCHORS.get(id(markdown))
    if hit is not None and hit[0] is markdown:
        return hit[1]
    found = {heading.anchor for heading in text_headings(markdown)}
    for line in text_lines(markdown):
        if line.fence is None and ("#" in line.text or "id" in line.text):
            found.update(_EXPLICIT_ID.findall(line.text))
            found.update(_HTML_ID.findall(line.text))
    if len(_ANCHORS) > 20000:  # long `mkdocs serve` sessions: drop stale entries
        _ANCHORS.clear()
    result = frozenset(found)
    _ANCHORS[id(markdown)] = (markdown, result)
    return result


def fenced_blocks(source: Source, info: str) -> list[tuple[int, str]]:
    """Contents of the code fences whose info string is ``info``, with the
    line number of the opening fence."""
    blocks: list[tuple[int, list[str]]] = []
    if info and info not in source.body:
        return []  # no fence can have it
    previous = None
    for line in body_lines(source):
        if line.fence == info:
            if previous is None or previous.fence != info or previous.number != line.number - 1:
                blocks.append((line.number - 1, []))
            blocks[-1][1].append(line.text)
        previous = line
    return [(start, "\n".join(lines)) for start, lines in blocks]


def strip_code_spans(text: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def links(source: Source, include_fences: tuple[str, ...] = ("checklist",)) -> list[Link]:
    """Markdown links in the body, outside code (spans and fences), except
    fences whose info string is in ``include_fences`` (checklist blocks hold
    their basis as Markdown links)."""
    found = []
    for line in body_lines(source):
        if line.fence is not None and line.fence not in include_fences:
            continue
        if "](" not in line.text:
            continue  # a link needs "](" (the test costs less than the search)
        text = strip_code_spans(line.text) if line.fence is None and "`" in line.text else line.text
        for match in INLINE_LINK.finditer(text):
            if not match.group("image"):
                found.append(Link(match.group("text"), match.group("target"), line.number, line.fence))
    return found


def links_in(text: str) -> Iterator[re.Match]:
    """The inline links (not images) of a text."""
    return (match for match in INLINE_LINK.finditer(text) if not match.group("image"))


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target)) or target.startswith("//")


@functools.lru_cache(maxsize=1 << 16)  # the same links recur on every page of a build
def resolve(from_src_uri: str, target: str) -> tuple[str, str | None] | None:
    """Where an internal link points: (base page path under docs/, anchor).

    ``../van-ban/luat.md#dieu-51`` from ``hoi-dap/chung.md`` ->
    ``("van-ban/luat.md", "dieu-51")``. ``#x`` points into the same page.
    External links and links to non-Markdown files give None.
    """
    if is_external(target):
        return None
    path, _, anchor = target.partition("#")
    path = path.split("?", 1)[0]
    if not path:
        _, base = split_language(from_src_uri)
        return base, (anchor or None)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_src_uri), path))
    if joined.startswith("../") or joined == "..":
        return None
    if path.endswith("/"):
        joined = f"{joined}/index.md"
    if not joined.endswith(".md"):
        return None
    _, base = split_language(joined)
    return base, (anchor or None)


@functools.lru_cache(maxsize=1 << 16)
def relpath(path: str, start: str = ".") -> str:
    """``posixpath.relpath`` of two relative paths, remembered: links between
    the same pages are made on many pages, and each uncached call asks the
    system for the working directory."""
    return posixpath.relpath(path, start)


def relative_link(from_base_uri: str, to_base_uri: str, anchor: str | None = None) -> str:
    """Markdown link target from one page to another (both paths under docs/)."""
    start = posixpath.dirname(from_base_uri) or "."
    rel = relpath(to_base_uri, start)
    return f"{rel}#{anchor}" if anchor else rel
