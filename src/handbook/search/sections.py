"""The search sections of a rendered page: ``(id, title, text)`` per heading.

Material's search plugin finds them with ``html.parser``: at 1,000 pages its
parser alone takes about a tenth of a build. This module finds the same
sections with regular expressions, and keeps the parser's rules:

* a heading (``h1``–``h6``) with an ``id`` starts a section; the page's first
  section has no id (it stands for the page itself); a page that opens with
  text, or with a heading other than ``h1``, gets an untitled first section;
* a heading nested in another element (admonition, ``details``, tab) starts
  a section that ends with that element: the text after it goes back to the
  enclosing section;
* the heading's text is the title, without its permalink (``a.headerlink``);
* ``script``, ``style`` and ``object``, elements marked
  ``data-search-exclude`` and code line numbers (``.linenodiv``) are not
  text; a section whose heading is marked ``data-search-exclude`` is left out.

Three ways, the cheapest that applies: headings all at the top level
(``_flat_sections``: the text between two headings); headings nested in
other elements, nothing hidden (``_nested_sections``: open elements counted
by regular expressions); anything else (``_walk_sections``: every tag
followed in turn, as the parser does).

Title and text are HTML-escaped text, as the parser gives them;
``handbook.search.html_to_text`` makes them plain. Where the parser joined
the words of adjacent table cells, this module leaves a space between them.
``tests/unit/search/test_sections.py`` compares both on fixtures, and
``tests/site/test_search_index.py`` on every page of the site.
"""
from __future__ import annotations

import re
from itertools import accumulate

__all__ = ["sections", "TAG"]

# A comment, a whole script or style element (its content is not markup), or
# a start or end tag with its attributes (quoted values may hold ">").
TAG = re.compile(  # also handbook.search's, to find where an element ends
    r"<!--.*?-->|<(?:script|style)\b[^>]*>.*?</(?:script|style)\s*>"
    r"|<(/?)([a-zA-Z][^\s/>]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.S | re.I)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")

_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_NOT_TEXT = frozenset({"script", "style", "object"})


class _Section:
    __slots__ = ("tag", "depth", "id", "title", "text", "excluded", "in_title")

    def __init__(self, tag: str, depth: float, element_id: str | None = None):
        self.tag = tag
        self.depth = depth
        self.id = element_id
        self.title: list[tuple[int, int]] = []  # spans of the page's HTML
        self.text: list[tuple[int, int]] = []
        self.excluded = False
        self.in_title = False


def _attr(pattern: re.Pattern, attrs: str) -> str | None:
    match = pattern.search(attrs)
    if not match:
        return None
    return next(value for value in match.groups() if value is not None)


# For the common page: headings at the top level, nothing hidden, tags in
# lower case (as Markdown writes them).
# Each check starts with a literal character, which Python's re looks for
# fast; one case-insensitive pattern for all took two thirds of the time of
# finding the sections.
_SPECIAL_TAG = re.compile(r"<(?:(?i:script|style|object)\b|!--|/?H[1-6])")
_EXCLUDED = re.compile(r"-(?i:search-exclude)")


def _is_special(page_html: str) -> bool:
    """Anything the flat path does not handle: hidden or excluded content,
    comments, code line numbers, heading tags in upper case."""
    return ("linenodiv" in page_html or _SPECIAL_TAG.search(page_html) is not None
            or _EXCLUDED.search(page_html) is not None)


_HEADING = re.compile(r"<(h[1-6])(\s(?:\"[^\"]*\"|'[^']*'|[^'\">])*)>")
_STARTS = re.compile(r"<[a-zA-Z]")
_ENDS = re.compile(r"</[a-zA-Z]")
# Start tags that open nothing: void elements, and "<x/>".
_EMPTY = re.compile(r"<(?:(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b"
                    r"|[a-zA-Z][^<>]*/>)")
_PERMALINK = re.compile(r"<a\s[^>]*class=\"headerlink\"[^>]*>.*?</a>", re.S)


def sections(page_html: str) -> list[tuple[str | None, str, str]]:
    """``(id, title, text)`` of each section of ``page_html`` (a page's content,
    as MkDocs renders it), in order; ``id`` is None for the page's own part.
    Title and text are HTML fragments (``handbook.search.html_to_text``)."""
    found = None
    if not _is_special(page_html):
        found = _flat_sections(page_html)
        if found is None:
            found = _nested_sections(page_html)
    return found if found is not None else _walk_sections(page_html)


def _open_elements(page_html: str, start: int, end: int) -> int:
    """Elements opened and not closed in ``page_html[start:end]`` (well-formed HTML)."""
    return (len(_STARTS.findall(page_html, start, end)) - len(_EMPTY.findall(page_html, start, end))
            - len(_ENDS.findall(page_html, start, end)))


def _flat_sections(page_html: str):
    """Sections when every heading with an id is at the top level: the text
    between two headings is the first one's section. None when a heading is
    nested in another element (or the markup is not balanced)."""
    headings = []
    position = 0
    for match in _HEADING.finditer(page_html):
        element_id = _attr(_ID, match.group(2))
        if element_id is None:
            continue
        if _open_elements(page_html, position, match.start()):
            return None
        close = page_html.find(f"</{match.group(1)}>", match.end())
        if close < 0 or _open_elements(page_html, match.end(), close):
            return None
        headings.append((match, element_id, close))
        position = close + 5
    found: list[tuple[str | None, str, str]] = []
    lead_end = headings[0][0].start() if headings else len(page_html)
    lead = page_html[:lead_end]
    if _EMPTY.sub("", lead):  # text or an element before the first heading
        found.append((None, "", lead.strip()))
    elif headings and headings[0][0].group(1) != "h1":
        found.append((None, "", ""))
    if _open_elements(page_html, position, len(page_html)):
        return None
    for index, (match, element_id, close) in enumerate(headings):
        end = headings[index + 1][0].start() if index + 1 < len(headings) else len(page_html)
        title = _PERMALINK.sub("", page_html[match.end():close])
        found.append((element_id if found else None, title.strip(), page_html[close + 5:end].strip()))
    return found


# Start tags ("") and end tags ("/") once void and "<x/>" tags are removed.
_TAG_KIND = re.compile(r"<(/?)[a-zA-Z]")
_DEPTH_CHANGE = {"": 1, "/": -1}


def _depths(page_html: str, start: int, end: int, depth: int) -> list[int]:
    """Open elements after each tag of ``page_html[start:end]``, from ``depth``
    (the first value is ``depth`` itself). Counted by regular expressions."""
    kinds = _TAG_KIND.findall(_EMPTY.sub("", page_html[start:end]))
    return list(accumulate(map(_DEPTH_CHANGE.__getitem__, kinds), initial=depth))


def _first_drop(page_html: str, start: int, end: int, depth: int, below: int) -> int:
    """Where, in ``page_html[start:end]``, the end tag that leaves fewer than
    ``below`` elements open begins (one is known to be there)."""
    for match in _TAG_KIND.finditer(page_html, start, end):
        if _EMPTY.match(page_html, match.start()):
            continue
        depth += 1 if not match.group(1) else -1
        if depth < below:
            return match.start()
    raise AssertionError("no drop")  # _depths said there was one


def _nested_sections(page_html: str):
    """Sections of a page with headings nested in other elements (a
    checklist page's headings are in its ``div``), when nothing in it is
    hidden: each part of the text goes to the current section until the
    element holding that section's heading closes; then back to the latest
    section at most as deep, as Material's parser does. Open elements are
    counted by regular expressions, not tag by tag in Python. None when the
    markup is not balanced or the parser's rule finds no section to go back to."""
    headings = []
    for match in _HEADING.finditer(page_html):
        element_id = _attr(_ID, match.group(2))
        if element_id is None:
            continue
        close = page_html.find(f"</{match.group(1)}>", match.end())
        if close < 0 or _open_elements(page_html, match.end(), close):
            return None
        headings.append((match, element_id, close))
    if not headings:
        return None
    found: list[list] = []  # [id, depth, title, text parts]
    lead_end = headings[0][0].start()
    lead = page_html[:lead_end]
    current = None
    if _EMPTY.sub("", lead):  # text or an element before the first heading
        current = [None, 0, "", [lead]]
        found.append(current)
    depth = _depths(page_html, 0, lead_end, 0)
    if min(depth) < 0:
        return None
    depth = depth[-1]
    for index, (match, element_id, close) in enumerate(headings):
        if match.group(1) != "h1" and not found:
            found.append([None, depth + 1, "", []])
        title = _PERMALINK.sub("", page_html[match.end():close])
        current = [element_id if found else None, depth + 1, title, []]
        found.append(current)
        position = close + 5
        end = headings[index + 1][0].start() if index + 1 < len(headings) else len(page_html)
        while True:
            depths = _depths(page_html, position, end, depth)
            if min(depths) < 0:
                return None  # an end tag with nothing open: the walk follows the parser there
            below = current[1] - 1  # the section ends when its heading's container closes
            if min(depths) >= below:
                current[3].append(page_html[position:end])
                depth = depths[-1]
                break
            drop = _first_drop(page_html, position, end, depth, below)
            current[3].append(page_html[position:drop])
            depth = _depths(page_html, position, drop, depth)[-1]
            left_open = depth  # elements open at the end tag, the closing one included
            back = next((section for section in reversed(found) if section[1] <= left_open), None)
            if back is None:
                return None  # the walk keeps the parser's exact behaviour
            current[1] = float("inf")
            current, position = back, drop
    if depth != 0:
        return None
    return [(section[0], section[2].strip(), "".join(section[3]).strip()) for section in found]


def _walk_sections(page_html: str) -> list[tuple[str | None, str, str]]:
    """Sections by following every tag, as Material's parser does."""
    found: list[_Section] = []
    current: _Section | None = None
    stack: list[tuple[str, bool, bool]] = []  # open elements: tag, hides its content, is a permalink
    hidden = 0      # open elements whose content is not text
    permalink = 0   # open a.headerlink elements
    # Only where the attribution of the text changes does anything happen:
    # ``segment`` is where the text that goes to ``current`` began (-1: none).
    segment = 0

    def close(end: int) -> None:
        if segment < 0 or end <= segment or current is None or hidden:
            return
        if current.in_title:
            if not permalink:
                current.title.append((segment, end))
        else:
            current.text.append((segment, end))

    def preface() -> _Section:
        section = _Section("", 0)
        found.append(section)
        return section

    previous_end = 0
    for match in TAG.finditer(page_html):
        start = match.start()
        if current is None and start > previous_end:
            current = preface()  # text before the first tag
        previous_end = match.end()
        closing, tag, attrs = match.groups()
        if tag is None:  # a comment, script or style: not text
            if current is None and page_html[start + 1] != "!":
                current = preface()
            close(start)
            segment = previous_end
            continue
        tag = tag.lower()
        if closing:
            if not stack or stack[-1][0] != tag:
                continue
            if current is not None and current.depth > len(stack):
                # Leaving the element that held the current section's heading:
                # the text after it goes back to the enclosing section.
                close(start)
                segment = start
                for section in reversed(found):
                    if section.depth <= len(stack):
                        current.depth = float("inf")
                        current = section
                        break
            _, hides, is_permalink = stack.pop()
            if hides:
                hidden -= 1
                if not hidden:
                    segment = match.end()
            if is_permalink:
                permalink -= 1
                if current is not None and current.in_title and not permalink and not hidden:
                    segment = match.end()
            if current is not None and current.in_title and tag == current.tag:
                close(start)
                current.in_title = False
                segment = match.end()
            continue
        if tag in _VOID:
            continue
        marked = "data-search-exclude" in attrs.lower()  # attribute names in any case
        hides = tag in _NOT_TEXT or marked or (
            "linenodiv" in attrs and _attr(_CLASS, attrs) == "linenodiv")
        is_permalink = tag == "a" and "headerlink" in attrs and _attr(_CLASS, attrs) == "headerlink"
        self_closing = attrs.endswith("/")
        element_id = _attr(_ID, attrs) if tag in _HEADINGS else None
        if hides or is_permalink or element_id is not None:
            close(start)
            segment = match.end()
        if not self_closing:
            stack.append((tag, hides, is_permalink))
            hidden += hides
            permalink += is_permalink
        if element_id is not None and not self_closing:
            depth = len(stack)
            if tag != "h1" and not found:
                found.append(_Section("", depth))
            current = _Section(tag, depth, element_id if found else None)
            current.in_title = True
            current.excluded = marked
            found.append(current)
            continue
        if current is None:
            current = preface()
    if current is None and page_html:
        current = preface()
    close(len(page_html))
    return [(section.id,
             "".join(page_html[a:b] for a, b in section.title).strip(),
             "".join(page_html[a:b] for a, b in section.text).strip())
            for section in found if not section.excluded]
