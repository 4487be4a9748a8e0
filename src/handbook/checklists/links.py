"""Where a checklist item's basis link points (``resolve``), and relative
links between pages. The anchors of a page come from ``scanner.anchors``.
"""
from __future__ import annotations

import functools
import posixpath
import re

from handbook.content.scanner import relative_link


@functools.lru_cache(maxsize=1 << 16)  # items repeat the same links on every list
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
    return relative_link(from_uri, to_uri)
