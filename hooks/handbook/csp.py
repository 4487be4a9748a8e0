"""Content-Security-Policy for the built site, with hashes of its inline code.

Material writes a few small scripts into every page (the site root for the
current page, the tabs' and the anchor's state), and other capabilities may add
their own. A policy without ``'unsafe-inline'`` must list the SHA-256 hash of
each one. Rather than keeping a hand-made list that breaks the first time a
template changes, the hashes are computed from the built HTML itself: every
inline ``<script>`` and ``<style>`` element, and — should one ever appear —
every inline event handler or ``style=""`` attribute (allowed through
``'unsafe-hashes'``, which CSP level 3 defines for exactly this case).

Everything here takes text and returns text; ``hooks/csp.py`` feeds it the
built pages and writes the result where the web server includes it.
"""
from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .buildcache import BuildCache, Table, code_version, digest

# Directives that do not depend on the content. Each keeps the site to itself:
# no other host can serve it code, styles, fonts, images or frame it.
BASE_DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    # Material's search runs in a dedicated worker loaded from the site.
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Scripts with one of these types (or none) are executed, so CSP applies.
# Data blocks (type="application/json", Material's __config) are not.
_JS_TYPES = {"", "text/javascript", "application/javascript", "module",
             "text/ecmascript", "application/ecmascript", "text/jscript"}

# The pages are scanned as UTF-8 bytes: decoding thousands of pages to text
# would cost more than the scan itself. Script and style elements in one pass
# (their text is not markup); tag names in any case, a script ends only at
# "</script" and a style at "</style" (group 1 is set for a script).
_ELEMENT = re.compile(rb"<(?:((?i:script))|(?i:style))\b([^>]*)>(.*?)</(?(1)(?i:script)|(?i:style))\s*>", re.S)
# Attribute patterns start with a literal, which Python's re finds fast; the
# character before must be white space (so "component=" is not "onent=").
# A look-behind for it would make the search ten times slower.
_HANDLER_ATTR = re.compile(rb"""on[a-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_STYLE_ATTR = re.compile(rb"""style\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TYPE = re.compile(rb"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(rb"""(?:^|\s)src\s*=""", re.I)


def source_hash(text: str | bytes) -> str:
    """The CSP source expression allowing exactly ``text`` (UTF-8, SHA-256)."""
    digest = hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class InlineCode:
    """Hashes of the inline code found in one or more pages."""
    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    # event handler attributes (onclick=...) and style="" attributes
    script_attributes: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)

    def update(self, other: "InlineCode") -> None:
        self.scripts |= other.scripts
        self.styles |= other.styles
        self.script_attributes |= other.script_attributes
        self.style_attributes |= other.style_attributes


def _is_executable(attrs: bytes) -> bool:
    if _SRC.search(attrs):
        return False  # external file: allowed by 'self', not by a hash
    match = _TYPE.search(attrs)
    if not match:
        return True
    kind = next(g for g in match.groups() if g is not None)
    return kind.decode("utf-8", "replace").strip().lower() in _JS_TYPES


def find_inline_code(page_html: str | bytes) -> InlineCode:
    """Hash every piece of inline code in one HTML document (text, or its
    UTF-8 bytes).

    Script and style element text is raw text in HTML (no character
    references), so it is hashed as written; attribute values are hashed as
    the browser sees them, after character references are decoded. Runs on
    every built page: three regular-expression passes, no HTML parser.
    """
    page = page_html.encode("utf-8") if isinstance(page_html, str) else page_html
    found = InlineCode()
    elements = []  # spans of script and style elements (their text is not markup)
    for match in _ELEMENT.finditer(page):
        elements.append(match.span())
        script, attrs, body = match.groups()
        if script is None:
            found.styles.add(source_hash(body))
        elif _is_executable(attrs):
            found.scripts.add(source_hash(body))

    def attribute_values(pattern):
        for match in pattern.finditer(page):
            start = match.start()
            if start == 0 or not page[start - 1:start].isspace():
                continue
            if any(a <= start < b for a, b in elements):
                continue
            value = match.group(1) if match.group(1) is not None else match.group(2)
            yield html.unescape(value.decode("utf-8", "replace"))

    for value in attribute_values(_HANDLER_ATTR):
        found.script_attributes.add(source_hash(value))
    for value in attribute_values(_STYLE_ATTR):
        found.style_attributes.add(source_hash(value))
    return found


def _as_json(code: InlineCode) -> list[list[str]]:
    return [sorted(code.scripts), sorted(code.styles),
            sorted(code.script_attributes), sorted(code.style_attributes)]


def _from_json(parts: list[list[str]]) -> InlineCode:
    return InlineCode(*(set(part) for part in parts))


def _scan_pages(pages: list, known: frozenset | None = None) -> list[tuple[str | None, list | None]]:
    """``(digest, inline code)`` of each page; code ``None`` for a page whose
    digest is ``known`` (its code is in the build cache). No ``known`` (no
    cache): no digests."""
    found = []
    for page in pages:
        with open(page, "rb") as file:
            data = file.read()
        key = digest(data) if known is not None else None
        found.append((key, None if key in (known or ()) else _as_json(find_inline_code(data))))
    return found


def html_files(site_dir: Path) -> list[str]:
    """Every HTML file of a site, sorted (os.walk: cheaper than Path.rglob
    for thousands of pages)."""
    return sorted(os.path.join(folder, name) for folder, _, names in os.walk(site_dir)
                  for name in names if name.endswith(".html"))


def scan_site(site_dir: Path, pages: Iterable[Path] | None = None, workers: int = 1,
              table: Table | None = None) -> InlineCode:
    """Inline code of every HTML file of a built site; ``workers`` processes
    share the pages (seconds for a site of thousands of pages). ``table``
    keeps each page's code by the digest of its bytes: unchanged pages are
    read, not scanned."""
    pages = list(pages if pages is not None else html_files(site_dir))
    known = frozenset(table.known()) if table is not None and table.path is not None else None
    if workers < 2 or len(pages) < 200:
        results = _scan_pages(pages, known)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        chunks = [pages[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = [result for part in pool.map(_scan_pages, chunks, [known] * workers)
                       for result in part]
    found = InlineCode()
    for key, code in results:
        if known is not None:
            code = table.get(key, lambda: code)
        found.update(_from_json(code))
    return found


CODE_VERSION = code_version(Path(__file__))


INCLUDE = Path(".nginx") / "csp.conf"
HEADER_TEXT = Path(".nginx") / "csp.txt"


def write_policy(site_dir: Path, workers: int = 1, cache: BuildCache | None = None) -> str:
    """Scan a finished site and write its policy where the server reads it
    (``cache``: each page's inline code kept between builds)."""
    site_dir = Path(site_dir)
    table = cache.table("csp", CODE_VERSION) if cache is not None else None
    value = policy(scan_site(site_dir, workers=workers, table=table))
    if table is not None:
        table.save()
    (site_dir / INCLUDE).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / INCLUDE).write_text(nginx_include(value), encoding="utf-8")
    (site_dir / HEADER_TEXT).write_text(value + "\n", encoding="utf-8")
    return value


def directives(code: InlineCode) -> dict[str, list[str]]:
    """The policy's directives for a site with this inline code."""
    result = {name: list(values) for name, values in BASE_DIRECTIVES.items()}
    scripts = sorted(code.scripts | code.script_attributes)
    styles = sorted(code.styles | code.style_attributes)
    if code.script_attributes:
        result["script-src"].append("'unsafe-hashes'")
    result["script-src"] += scripts
    if code.style_attributes:
        result["style-src"].append("'unsafe-hashes'")
    result["style-src"] += styles
    return result


def policy(code: InlineCode) -> str:
    """The Content-Security-Policy header value."""
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives(code).items())


def parse_policy(value: str) -> dict[str, list[str]]:
    """Header value -> {directive: [sources]} (for checks and tests)."""
    result: dict[str, list[str]] = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            result.setdefault(words[0].lower(), words[1:])
    return result


def allows(policy_value: str, code: InlineCode) -> list[str]:
    """Inline code that ``policy_value`` would block (empty when all allowed)."""
    parsed = parse_policy(policy_value)
    script_src = set(parsed.get("script-src", parsed.get("default-src", [])))
    style_src = set(parsed.get("style-src", parsed.get("default-src", [])))
    blocked = [f"script {h}" for h in sorted(code.scripts) if h not in script_src]
    blocked += [f"style {h}" for h in sorted(code.styles) if h not in style_src]
    if code.script_attributes and "'unsafe-hashes'" not in script_src:
        blocked.append("event handler attributes need 'unsafe-hashes'")
    blocked += [f"event handler {h}" for h in sorted(code.script_attributes) if h not in script_src]
    if code.style_attributes and "'unsafe-hashes'" not in style_src:
        blocked.append("style attributes need 'unsafe-hashes'")
    blocked += [f"style attribute {h}" for h in sorted(code.style_attributes) if h not in style_src]
    return blocked


NGINX_VARIABLE = "cam_nang_csp"


def nginx_include(policy_value: str) -> str:
    """An nginx ``http``-level snippet defining ``$cam_nang_csp``.

    The policy goes on every response except PDF files: Chromium's PDF viewer
    runs as a plugin inside the PDF's own document, and ``object-src 'none'``
    on that response would leave the reader with an empty page. Empty values
    are not sent by ``add_header``.
    """
    if '"' in policy_value or "\n" in policy_value:
        raise ValueError("policy must not contain quotes or newlines")
    return (
        "# Generated by hooks/csp.py at build time: do not edit.\n"
        "# Content-Security-Policy of this release (SHA-256 hashes of every\n"
        "# inline script and style of every page). Included at http level by\n"
        "# deploy/nginx/cam-nang.conf; the server block sends $cam_nang_csp.\n"
        f"map $sent_http_content_type ${NGINX_VARIABLE} {{\n"
        f'    "~*^application/pdf" "";\n'
        f'    default "{policy_value}";\n'
        "}\n"
    )


def policy_from_include(text: str) -> str:
    """Read the policy back from an include written by :func:`nginx_include`."""
    match = re.search(r'^\s*default "([^"]*)";', text, re.M)
    if not match:
        raise ValueError("no policy in the include")
    return match.group(1)
