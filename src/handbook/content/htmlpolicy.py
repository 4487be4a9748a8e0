"""The raw HTML content may carry: a documented allowlist, and its checks.

Content is data, never code. Markdown may hold raw HTML, and
Python-Markdown's ``attr_list`` may put any attribute on an element, so what
reaches a page is checked against an allowlist of tags, attributes and
address forms (CONTRIBUTING.md, "HTML trong nội dung", lists them):

* by the linter, on every Markdown source the build reads (``docs/``,
  ``includes/``), with code spans and fences left out, whatever the line
  layout (a tag may run over several lines) — with the file and line;
* by the build, on each page's converted content (``page.content``), which
  also holds what hooks generated from content (checklist fields, indexes)
  and what snippets pulled in.

Text fields (front matter, checklist fields, data files, the navigation's
labels) hold no markup at all: ``markup_in_text`` finds any.

The parser is the standard library's ``html.parser``, which tokenizes tags
and attributes as browsers do and decodes character references in attribute
values (``&#106;avascript:`` is ``javascript:``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from handbook.content import scanner

# Tags content may use. Everything a Markdown page needs (and what the
# extensions and the handbook's generated blocks produce); nothing that runs,
# embeds, submits, loads from elsewhere or restyles the page.
ALLOWED_TAGS = frozenset("""
a abbr aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt em
fieldset figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd label legend li mark ol p
pre q s samp small span strong sub summary sup table tbody td textarea tfoot th thead time tr
u ul var wbr
""".split())
# Attributes any allowed tag may carry (plus aria-* and data-*).
# ("markdown" is md_in_html's switch: read by the build, never published.)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "markdown"})
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"}, "details": {"open"}, "time": {"datetime"},
    "textarea": {"name", "rows", "cols", "placeholder", "disabled"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
}
INPUT_TYPES = frozenset({"checkbox", "radio"})
# Where an address may point: a page or file of the site (relative), or, for
# links only, the web and e-mail. Images come from the site itself: the site
# works offline and makes no request to another host.
LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
IMAGE_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=]*$", re.I)

_EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside addresses


@dataclass(frozen=True)
class Finding:
    line: int        # 1-based, in the text given
    rule: str        # html-script, html-iframe, html-event-handler, javascript-link, inline-style,
                     # html-tag, html-attribute, html-url
    detail: str      # the tag, attribute or address, as written


def url_problem(url: str, attribute: str) -> str | None:
    """Why an address is not allowed (None: allowed)."""
    clean = _URL_NOISE.sub("", html.unescape(url)).lower()
    scheme = _SCHEME.match(clean)
    if scheme is None:
        # "//host/x" is another site: a link may go there, an image may not
        return "external" if clean.startswith("//") and attribute == "src" else None
    if scheme.group(1) in ("javascript", "vbscript", "livescript"):
        return "script"
    if attribute == "src":
        return None if IMAGE_DATA.match(clean) else "external"
    return None if clean.startswith(LINK_SCHEMES) else "scheme"


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def _add(self, rule, detail):
        self.found.append(Finding(self.getpos()[0], rule, detail))

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        tag = tag.lower()
        if tag == "script":
            self._add("html-script", "<script>")
        elif tag in _EMBEDDING:
            self._add("html-iframe", f"<{tag}>")
        elif tag == "style":
            self._add("inline-style", "<style>")
        elif tag not in ALLOWED_TAGS:
            self._add("html-tag", f"<{tag}>")
        known = tag in ALLOWED_TAGS  # an element already reported: only its handlers and styles too
        allowed = TAG_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self._add("html-event-handler", name)
            elif name == "style":
                self._add("inline-style", "style=")
            elif not known:
                continue
            elif name in ("href", "src", "cite") and value is not None and url_problem(value, name):
                problem = url_problem(value, name)
                if problem == "script":
                    self._add("javascript-link", value.strip()[:60])
                else:
                    self._add("html-url", f'{name}="{value.strip()[:60]}"')
            elif not (name in GLOBAL_ATTRIBUTES or name in allowed or name.startswith(("aria-", "data-"))):
                self._add("html-attribute", f"<{tag} {name}=…>")
            elif tag == "input" and name == "type" and (value or "").lower() not in INPUT_TYPES:
                self._add("html-attribute", f'<input type="{value}">')


def check_html(text: str) -> list[Finding]:
    """Everything in an HTML fragment that is outside the allowlist."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    return checker.found


# ---- Markdown sources ------------------------------------------------------

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
# Markdown autolinks <https://...>, <mailto:...>, <name@host>: not HTML tags
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
# attr_list: {: #id .class key="value" } — any attribute, on any element
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([^\s=#.{}"']+)[ \t]*=[ \t]*("[^"]*"|'[^']*'|[^\s}]*)""")


def _blank(match: re.Match) -> str:
    """The match replaced by spaces, line breaks kept (line numbers stay)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_code(markdown: str) -> str:
    """``markdown`` with fenced blocks, code spans and autolinks blanked out,
    same lines and columns (so positions still point into the file)."""
    lines = markdown.split("\n")
    for fence in scanner.fences(lines):
        for index in range(fence.start, len(lines) if fence.end is None else fence.end + 1):
            lines[index] = " " * len(lines[index])
    text = "\n".join(lines)
    text = _CODE_SPAN.sub(_blank, text)
    return _AUTOLINK.sub(_blank, text)


def attr_list_html(text: str) -> str:
    """The attributes ``attr_list`` blocks give (``{: onclick="x" }``), as
    HTML start tags on the same lines, so they are checked like raw HTML
    (what is not an attribute list gives an empty line)."""
    lines = []
    for line in text.split("\n"):
        tags = []
        if "=" in line and "{" in line:
            for block in _ATTR_LIST.finditer(line):
                pairs = " ".join(f"{key}={value}" for key, value in _ATTR_PAIR.findall(block.group(1)))
                if pairs:
                    tags.append(f"<span {pairs}>")
        lines.append("".join(tags))
    return "\n".join(lines)


def check_markdown(markdown: str, first_line: int = 1) -> list[Finding]:
    """Raw HTML, ``attr_list`` attributes and link addresses of a Markdown
    text, outside code, against the allowlist; lines counted from ``first_line``."""
    text = mask_code(markdown)
    found = [Finding(f.line + first_line - 1, f.rule, f.detail) for f in check_html(text)] \
        if "<" in text else []
    if "=" in text and "{" in text:
        found += [Finding(f.line + first_line - 1, f.rule, f.detail.replace("<span ", "{: "))
                  for f in check_html(attr_list_html(text))]
    for pattern in (scanner.INLINE_LINK, scanner.REFERENCE):
        for match in pattern.finditer(text):
            target = match.group("target")
            attribute = "src" if match.group(0).startswith("!") else "href"
            problem = url_problem(target, attribute)
            if problem:
                line = text.count("\n", 0, match.start("target")) + first_line
                found.append(Finding(line, "javascript-link" if problem == "script" else "html-url",
                                     target[:60]))
    return sorted(found, key=lambda f: f.line)


# ---- text fields ------------------------------------------------------------

_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def markup_in_text(value: str) -> str | None:
    """The first markup in a plain-text field (a tag, or a character
    reference that would decode to one), or None."""
    match = _MARKUP.search(value)
    if match is None:
        return None
    if match.group(0).startswith("&"):
        decoded = html.unescape(value[match.start():match.start() + 40])
        return match.group(0) if _MARKUP.search(decoded) or "<" in decoded else None
    return value[match.start():match.start() + 40]


def strings(value, path=()):
    """``(path, text)`` of every string inside a YAML value (dicts, lists)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, path + (str(key),))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, path + (str(index),))


RULE_WORDS = {
    "html-script": ("thẻ <script> chạy mã JavaScript", "a <script> element (runs JavaScript)"),
    "html-iframe": ("thẻ nhúng trang hoặc đối tượng khác", "an element embedding another page or object"),
    "html-event-handler": ("thuộc tính on…= chạy mã JavaScript", "an on…= attribute (runs JavaScript)"),
    "javascript-link": ("địa chỉ javascript: chạy mã khi bấm", "a javascript: address (runs code when clicked)"),
    "inline-style": ("định dạng trực tiếp (style= hoặc <style>)", "inline styling (style= or <style>)"),
    "html-tag": ("thẻ HTML ngoài danh sách cho phép", "an HTML element outside the allowlist"),
    "html-attribute": ("thuộc tính HTML ngoài danh sách cho phép", "an HTML attribute outside the allowlist"),
    "html-url": ("địa chỉ không được phép (ảnh từ máy chủ khác, giao thức lạ)",
                 "an address that is not allowed (an image from another host, an unknown scheme)"),
}
