"""Anchors a Markdown source will have once rendered, read from its text.

Headings get ``slugify(heading)`` (de-duplicated like Python-Markdown's toc:
``x``, ``x_1``...), explicit ``{#id}`` attributes win, raw HTML ``id="..."``
counts, and checklist items add ``ck-<id>``. Computed on demand, once per
source text, so only pages that basis links point to are read.
"""
from __future__ import annotations

import posixpath
import re

from ..vietnamese import slugify

_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTR = re.compile(r"\{:?[ \t]*([^}]*)\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([A-Za-z0-9_][\w:.-]*)")
_ANY_ATTR = re.compile(r"\{:?[ \t]*[^}\n]*?#([A-Za-z0-9_][\w:.-]*)[^}\n]*\}")
_HTML_ID = re.compile(r"<[A-Za-z][^>]*?\sid=[\"']([^\"']+)[\"']")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_IDCOUNT = re.compile(r"^(.*)_([0-9]+)$")

_cache: dict[int, tuple[str, frozenset]] = {}


def _unique(anchor: str, used: set) -> str:
    while anchor in used or not anchor:
        match = _IDCOUNT.match(anchor)
        anchor = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{anchor}_1"
    used.add(anchor)
    return anchor


def anchors_of(body: str) -> frozenset:
    key = id(body)
    hit = _cache.get(key)
    if hit is not None and hit[0] is body:
        return hit[1]
    used: set[str] = set()
    fence = None
    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2)
            attr = _ATTR.search(text)
            explicit = _ATTR_ID.search(attr.group(1)) if attr else None
            if explicit:
                used.add(explicit.group(1))
                continue
            if attr:
                text = text[:attr.start()]
            text = _TAG.sub("", _MD_LINK.sub(r"\1", text))
            _unique(slugify(text), used)
            continue
        for match in _ANY_ATTR.finditer(line):
            used.add(match.group(1))
        for match in _HTML_ID.finditer(line):
            used.add(match.group(1))
    result = frozenset(used)
    _cache[key] = (body, result)
    return result


def resolve(from_src_uri: str, url: str) -> tuple[str | None, str | None, str | None]:
    """(target base_uri, anchor, problem) for a link written in ``from_src_uri``.
    External links return (None, None, None): they are not checked."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("//"):
        return None, None, None
    path, _, anchor = url.partition("#")
    if not path:
        return "", anchor or None, None
    if path.startswith("/"):
        return None, anchor or None, "absolute"
    if not path.endswith(".md"):
        return None, anchor or None, "not-md"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_src_uri), path))
    if target.startswith("../"):
        return None, anchor or None, "outside"
    # a link to "x.en.md" means the page "x.md"
    stem = target[:-3]
    if stem.endswith((".en", ".vi")):
        target = stem[:-3] + ".md"
    return target, anchor or None, None


def relative(from_uri: str, to_uri: str) -> str:
    """Relative link from page ``from_uri`` to page ``to_uri`` (both docs paths)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
