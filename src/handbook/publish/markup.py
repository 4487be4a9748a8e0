"""What each published page's HTML gets after the theme wrote it: valid
markup where Material's templates write invalid markup (checked by the Nu
HTML Checker in the tests), regulation status icons that say their status in
words, and, when the site's address is known, absolute language alternates.

Plain functions over the page's HTML, found by their literal text (fast on
thousands of pages; no parser): the markup they touch is the templates' own,
written the same way on every page.

Material's errors and what is done (Material 9.7.1; see
src/handbook/publish/README.md, "Valid HTML"):

* ``tabindex=""`` on the navigation's section labels (partials/nav-item.html
  writes the attribute even when it has no value): an empty tabindex is not
  an integer, and browsers ignore it; the attribute is dropped, nothing
  changes for readers.
* ``<label for="__toc">`` in the table of contents of a section's index page,
  where no control ``__toc`` exists (the page is the section's link, not a
  navigation item): the ``for`` is dropped; the label had nothing to toggle.
* A row of content tabs' labels (``div.tabbed-labels``, pymdownx.tabbed's
  markup, styled by Material) scrolls sideways when the labels do not fit
  (a phone, or many tabs at 1280 px), and nothing in it takes the keyboard's
  focus: keyboard users could not scroll it (axe: scrollable-region-
  focusable, serious). The row is made focusable (``tabindex="0"``), as
  Material did for its search results (squidfunk/mkdocs-material#7233).
* ``autocomplete="off"`` on Material's two toggles (drawer, search) is left
  as it is: Firefox would otherwise restore them checked after a reload
  (open drawer or search). Known upstream: squidfunk/mkdocs-material#1513
  (the HTML standard forbids the attribute on checkboxes,
  validator/validator#1141).
"""
from __future__ import annotations

import posixpath
import re
from html import escape

_EMPTY_TABINDEX = ' tabindex=""'
_TOC_LABEL = ' for="__toc"'
_TOC_CONTROL = 'id="__toc"'
# <span class="md-status md-status--in-force"></span>, with a title when
# extra.status names it (partials/nav-item.html, render_status)
_STATUS = re.compile(r'<span class="md-status md-status--([a-z0-9-]+)"(?: title="[^"]*")?>\s*</span>')


_TAB_LABELS = '<div class="tabbed-labels">'


def focusable_tab_labels(html: str) -> str:
    """Rows of tab labels that may scroll take the keyboard's focus (module notes)."""
    if _TAB_LABELS in html:
        html = html.replace(_TAB_LABELS, '<div class="tabbed-labels" tabindex="0">')
    return html


def valid_material_markup(html: str) -> str:
    """``html`` without the two invalid pieces of markup Material writes
    (module notes): empty tabindex attributes, and a label for a table of
    contents toggle the page does not have."""
    if _EMPTY_TABINDEX in html:
        html = html.replace(_EMPTY_TABINDEX, "")
    if _TOC_LABEL in html and _TOC_CONTROL not in html:
        html = html.replace(_TOC_LABEL, "")
    return html


def status_in_words(html: str, labels: dict[str, str]) -> str:
    """Each status icon of the navigation (a regulation's ``status``) with its
    status in words: a tooltip, and the same words for screen readers (an
    icon alone says nothing to them, and its colour alone says nothing to
    anyone). ``labels``: status -> words in the page's language."""
    if "md-status--" not in html:
        return html

    def words(match: re.Match) -> str:
        status = match.group(1)
        label = escape(labels.get(status, status))
        return (f'<span class="md-status md-status--{status}" title="{label}">'
                f'<span class="handbook-sr-only">{label}</span></span>')

    return _STATUS.sub(words, html)


_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolute_alternates(html: str, site_url: str, default_lang: str, page_url: str = "") -> str:
    """With ``site_url`` set: the head's language alternates as absolute
    addresses, plus ``x-default`` (the default language's page), as search
    engines expect them. The links mkdocs-static-i18n writes are
    site-absolute paths (``/en/cam-nang/``) or relative to the page
    (``page_url``, as MkDocs gives it: ``en/cam-nang/``)."""
    head_end = html.find("</head>")
    if head_end < 0 or not site_url:
        return html
    base = site_url.rstrip("/")
    default = None

    def absolute(match: re.Match) -> str:
        nonlocal default
        href, lang = match.group(1), match.group(2)
        if href.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
            return match.group(0)
        if not href.startswith("/"):
            folder = posixpath.dirname("/" + page_url) if not page_url.endswith("/") else "/" + page_url
            path = posixpath.normpath(posixpath.join(folder, href))
            href = path + ("/" if href.endswith("/") or href in (".", "./") else "")
            href = href.replace("//", "/")
        url = escape(base + href, quote=True)
        if lang == default_lang:
            default = url
        return f'<link rel="alternate" href="{url}" hreflang="{escape(lang)}">'

    head = _ALTERNATE.sub(absolute, html[:head_end])
    if default is not None and 'hreflang="x-default"' not in head:
        head += f'  <link rel="alternate" href="{default}" hreflang="x-default">\n'
    return head + html[head_end:]
