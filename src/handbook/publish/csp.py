"""The site's Content-Security-Policy, and the check that the built pages need
nothing more.

The policy trusts only files the site itself serves: no inline script or
style, no ``'unsafe-inline'``, no ``'unsafe-hashes'``, no hash of anything.
Material's few inline scripts are served as files instead
(``overrides/partials/javascripts/``), so the policy is the same for every
release and lives in the web server's configuration (deploy/nginx/).

Because nothing inline is allowed, content that smuggles code into a page
cannot run in a reader's browser; ``scan_page`` makes sure it is not
published either. It looks at every built page for what a reader's browser
would execute or follow without asking — inline scripts and styles, event
handler attributes, ``javascript:`` addresses, ``<meta http-equiv=refresh>``,
embedded frames and objects — and the build fails, naming the page, when it
finds any. Content is checked earlier and more strictly (the content HTML
allowlist, ``handbook.htmlpolicy``); this is the last net, over everything
the templates and hooks wrote.

Pages are scanned as UTF-8 bytes with a small tokenizer that follows HTML's
rules for tags and attributes (quoted and unquoted values, ``/`` between
attributes, comments, raw-text elements): a page is seen as the browser sees
it, without the cost of a full parser on thousands of pages.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Iterable

from handbook.build.cache import BuildCache, Table, code_version, digest, is_list_of
from handbook.errors import ContentError, ContentErrors

# Directives of the policy. Each keeps the site to itself: no other host can
# serve it code, styles, fonts or images, and nothing can frame it.
DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    # the search runs in a dedicated worker loaded from the site
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def policy() -> str:
    """The Content-Security-Policy header value."""
    return "; ".join(f"{name} {' '.join(values)}" for name, values in DIRECTIVES.items())


def parse_policy(value: str) -> dict[str, list[str]]:
    """Header value -> {directive: [sources]} (for checks and tests)."""
    result: dict[str, list[str]] = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            result.setdefault(words[0].lower(), words[1:])
    return result


# ---- what a published page must not hold -----------------------------------

# Scripts with one of these types (or none) are executed. Data blocks
# (type="application/json", Material's __config) are not.
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
             "application/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}
# Elements whose content is text, not markup, up to their end tag.
_RAW_TEXT = {b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed",
             b"noframes", b"noscript"}
_EMBEDDING = {b"iframe", b"frame", b"frameset", b"object", b"embed", b"applet", b"base", b"portal"}
# Attributes whose value the browser follows or loads as an address.
_URL_ATTRIBUTES = {b"href", b"src", b"action", b"formaction", b"xlink:href", b"data", b"poster",
                   b"background", b"ping", b"srcset", b"codebase", b"cite", b"longdesc", b"manifest"}
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")

_TAG_START = re.compile(rb"<([a-zA-Z][^\t\n\f\r />]*)")
# One attribute, after any separators (white space and "/" between attributes,
# as the HTML tokenizer treats them); the value quoted, or unquoted up to
# white space or ">". A name may start with any character but these.
_ATTRIBUTE = re.compile(rb"""[\t\n\f\r /]*(?:(>)|([^\t\n\f\r />][^\t\n\f\r />=]*)"""
                        rb"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'|[^\t\n\f\r >]*))?)""")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def _decoded(value: bytes | None) -> str:
    if value is None:
        return ""
    if value[:1] in (b'"', b"'"):
        value = value[1:-1]
    return html.unescape(value.decode("utf-8", "replace"))


def _excerpt(page: bytes, start: int, end: int) -> str:
    text = page[start:min(end, start + 120)].decode("utf-8", "replace")
    return " ".join(text.split())


def scan_page(page: bytes | str) -> list[list[str]]:
    """``[rule, excerpt]`` of everything in one page that would run or be
    followed without the reader asking (empty for a clean page)."""
    if isinstance(page, str):
        page = page.encode("utf-8")
    found: list[list[str]] = []
    position, size = 0, len(page)
    while True:
        start = page.find(b"<", position)
        if start < 0:
            break
        if page.startswith(b"<!--", start):
            end = page.find(b"-->", start + 4)
            position = size if end < 0 else end + 3
            continue
        match = _TAG_START.match(page, start)
        if match is None:
            position = start + 1
            continue
        name = match.group(1).lower()
        attributes: dict[bytes, bytes | None] = {}
        cursor = match.end()
        while cursor < size:
            attribute = _ATTRIBUTE.match(page, cursor)
            if attribute is None or attribute.end() == cursor:
                cursor += 1  # a lone "=" or quote: the browser skips it too
                continue
            cursor = attribute.end()
            if attribute.group(1):
                break
            key = attribute.group(2).lower()
            attributes.setdefault(key, attribute.group(3))
        tag_end = cursor
        for key, value in attributes.items():
            if key.startswith(b"on"):
                found.append(["event-handler", _excerpt(page, start, tag_end)])
            elif key == b"style":
                found.append(["inline-style", _excerpt(page, start, tag_end)])
            elif key in _URL_ATTRIBUTES:
                url = _URL_NOISE.sub("", _decoded(value)).lower()
                if url.startswith(_SCRIPT_SCHEMES) or (url.startswith("data:") and key != b"src"):
                    found.append(["script-url", _excerpt(page, start, tag_end)])
        if name in _EMBEDDING:
            found.append(["embedded", _excerpt(page, start, tag_end)])
        elif name == b"meta" and _decoded(attributes.get(b"http-equiv")).strip().lower() == "refresh":
            found.append(["meta-refresh", _excerpt(page, start, tag_end)])
        elif name == b"style":
            found.append(["inline-style", _excerpt(page, start, tag_end)])
        position = tag_end
        if name in _RAW_TEXT:
            closing = re.compile(rb"</" + re.escape(name) + rb"[\t\n\f\r />]", re.I).search(page, tag_end)
            body_end = closing.start() if closing else size
            if name == b"script" and b"src" not in attributes \
                    and _decoded(attributes.get(b"type")).strip().lower() in _JS_TYPES:
                found.append(["inline-script", _excerpt(page, start, body_end)])
            position = body_end
    return found


RULES = {
    "inline-script": ("mã JavaScript viết thẳng trong trang (<script> không có src)",
                      "inline JavaScript (<script> without src)"),
    "event-handler": ("thuộc tính on…= chạy mã JavaScript", "an on…= event-handler attribute"),
    "inline-style": ("định dạng viết thẳng trong trang (style= hoặc <style>)",
                     "inline styling (style= or <style>)"),
    "script-url": ("địa chỉ javascript:/data: chạy mã khi bấm", "a javascript:/data: address"),
    "meta-refresh": ("<meta http-equiv=refresh> tự chuyển người đọc sang trang khác",
                     "<meta http-equiv=refresh> sending the reader elsewhere"),
    "embedded": ("nhúng khung hoặc đối tượng (<iframe>, <object>, <embed>, <base>…)",
                 "an embedded frame or object (<iframe>, <object>, <embed>, <base>…)"),
}


def _scan_files(pages: list[str], known: frozenset | None = None) -> list[tuple[str | None, list | None]]:
    """``(digest, findings)`` of each page file; findings ``None`` for a page
    whose digest is ``known`` (kept in the build cache). No ``known``: no digests."""
    results = []
    for page in pages:
        with open(page, "rb") as file:
            data = file.read()
        key = digest(data) if known is not None else None
        results.append((key, None if key in (known or ()) else scan_page(data)))
    return results


def html_files(site_dir: Path) -> list[str]:
    """Every HTML file of a site, sorted (os.walk: cheaper than Path.rglob
    for thousands of pages)."""
    return sorted(os.path.join(folder, name) for folder, _, names in os.walk(site_dir)
                  for name in names if name.endswith(".html"))


def _valid_findings(value) -> bool:
    return isinstance(value, list) and all(is_list_of(f, str) and len(f) == 2 and f[0] in RULES for f in value)


CODE_VERSION = code_version(Path(__file__))


def scan_site(site_dir: Path, pages: Iterable[str] | None = None, workers: int = 1,
              table: Table | None = None) -> dict[str, list[list[str]]]:
    """Findings of every HTML file of a built site, by file; ``workers``
    processes share the pages, and ``table`` keeps each page's findings by the
    digest of its bytes (unchanged pages are read, not scanned)."""
    pages = list(pages if pages is not None else html_files(site_dir))
    known = frozenset(table.known()) if table is not None and table.path is not None else None
    if workers < 2 or len(pages) < 200:
        results = _scan_files(pages, known)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        chunks = [pages[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            by_chunk = list(pool.map(_scan_files, chunks, [known] * workers))
        order = {page: n for n, page in enumerate(pages)}
        pairs = sorted(((page, result) for chunk, part in zip(chunks, by_chunk)
                        for page, result in zip(chunk, part)), key=lambda pair: order[pair[0]])
        results = [result for _, result in pairs]
    findings = {}
    for page, (key, found) in zip(pages, results):
        if known is not None:
            found = table.get(key, lambda: found if found is not None else scan_page(Path(page).read_bytes()))
        if found:
            findings[page] = found
    return findings


def problems(site_dir: Path, findings: dict[str, list[list[str]]]) -> list[ContentError]:
    """The findings as errors an editor (or a maintainer) can act on."""
    errors = []
    for page, found in sorted(findings.items()):
        shown = Path(page).relative_to(site_dir).as_posix() if Path(page).is_relative_to(site_dir) else page
        for rule, excerpt in found:
            vi, en = RULES[rule]
            errors.append(ContentError(
                f"(trang dựng ra / built page) {shown}", None, f"output-{rule}",
                f"Trang dựng ra chứa {vi}: {excerpt}",
                f"The built page holds {en}: {excerpt}",
                "Nội dung không được mang mã chạy được. Chạy `make lint` để tìm tệp và dòng gây ra; "
                "nếu do mẫu giao diện (overrides/) hay mã của bản dựng, chuyển mã sang tệp trong "
                "docs/assets/javascripts/ và thoát ký tự (escape) văn bản.",
                "Content must not carry executable code. Run `make lint` to find the file and line; if a "
                "template (overrides/) or the build's code wrote it, move the code to a file under "
                "docs/assets/javascripts/ and escape the text."))
    return errors


def check_site(site_dir: Path, workers: int = 1, cache: BuildCache | None = None) -> None:
    """Scan a finished site; raise ContentErrors when any page holds what the
    policy forbids (nothing is published then)."""
    site_dir = Path(site_dir)
    table = cache.table("page-safety", CODE_VERSION, _valid_findings) if cache is not None else None
    findings = scan_site(site_dir, workers=workers, table=table)
    if table is not None:
        table.save()
    if findings:
        raise ContentErrors(problems(site_dir, findings))


NGINX_VARIABLE = "cam_nang_csp"
