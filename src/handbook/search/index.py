"""Per-language search index for the handbook's own search worker.

Readers type Vietnamese without diacritics ("dan chu co so"), with the other
tone-mark placement ("hoà" for "hòa"), or paste decomposed (NFD) text. The
worker (``search_worker.js``, next to this file) matches every word on two
keys that this module defines and tests, and that the worker mirrors exactly:

* ``fold(word)``: no marks at all, ``đ`` -> ``d``, lower case: ``Điều`` -> ``dieu``.
  A query word matching a text word on this key is a *folded* match.
* ``tone_key(word)``: lower case with the vowel marks kept (``â ă ê ô ơ ư``) and
  the tone moved out of the word to a suffix, so the tone's *placement* no
  longer matters: ``hòa`` and ``hoà`` -> ``hoa~1``, ``hóa`` -> ``hoa~2``.
  A match on this key is an *exact* match and ranks above a folded one.

This module also turns the sections of each page (``location``, ``title``,
``text`` with HTML, from ``handbook.search.sections``) into the compact documents of
the index: plain text, the page's context (title, document number) for its
sections, the article number of ``## Điều N.`` sections, and extra documents
for checklist items (elements with ``id="ck-..."``), so results lead to them.
"""
from __future__ import annotations

import functools
import hashlib
from handbook.build.store import STORE
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX
import html
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from handbook.search import sections as search_sections
from handbook.build.cache import code_version as _code_version
from handbook.search.sections import TAG, sections
from handbook.content.vietnamese import fold

__all__ = [
    "fold", "tone_key", "tokenize", "html_to_text", "readable_text", "article_number",
    "anchored_items", "PageRecord", "build_index", "index_json", "SEPARATOR",
    "worker_filename", "page_kind", "is_editors_page", "KINDS", "list_summary",
]

# The five Vietnamese tones as combining marks (NFD): huyền, sắc, hỏi, ngã, nặng.
TONES = {"\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}

# A word: letters, marks and digits. Text is NFC first, so Vietnamese letters
# are single code points; the worker uses /[\p{L}\p{M}\p{N}]+/gu.
_WORD = re.compile(r"[^\W_]+")

# Material's page highlighter (search.highlight) splits the highlighted words
# with this expression; it is also the index's ``config.separator``.
SEPARATOR = r"[\s\-,.:;!?()\[\]/\"'“”‘’«»]+"


def tone_key(word: str) -> str:
    """Lower-case word with its tone taken out of the letters and appended:
    the same key for both tone placements (``hòa``/``hoà``, ``thủy``/``thuỷ``)
    and for NFC/NFD input; different keys for different tones or vowels."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", word).lower())
    tone = ""
    letters = []
    for ch in decomposed:
        if ch in TONES:
            tone = TONES[ch]
        else:
            letters.append(ch)
    base = unicodedata.normalize("NFC", "".join(letters))
    return f"{base}~{tone}" if tone else base


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` (normalised to NFC) as ``(start, end, word)``, offsets
    into the NFC text."""
    text = unicodedata.normalize("NFC", text)
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


# --- HTML to text -----------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
# Tag names in any case, with the literal "</" first (which re finds fast).
_BLOCK_END = re.compile(r"</(?i:p|li|td|th|h[1-6]|div|dd|dt|tr|pre|blockquote)>")


def _one_line(text: str) -> str:
    """White space runs as one space (str.split splits where re's \\s matches)."""
    return " ".join(text.split())


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def html_to_text(fragment: str) -> str:
    """Plain NFC text of an HTML fragment; block ends become spaces."""
    text = _TAG.sub("", _BLOCK_END.sub(" ", fragment))
    if "&" in text:
        text = html.unescape(text)
    return _nfc(_one_line(text.replace("¶", "")))


# --- Readable text: what a reader reads, not the page's machinery ------------
#
# A snippet is text from the matched section as a reader reads it. Left out of
# the index (so out of snippets and matches), before the page is cut into
# sections:
# * table headers (column labels that would start every snippet of a table)
#   and a checklist row's leading number;
# * form controls, their labels and the tools around them (a checklist row's
#   "Đã thực hiện", "Đạt / Chưa đạt / Không áp dụng", the session panel, the
#   import dialog, the download links and panels), hidden and print-only elements, text
#   for screen readers only;
# * links to an explanation that has its own result ("giải thích", "Xem giải
#   thích"), the kind badge and the "not applicable" mark of a checklist row,
#   its list of model documents (results of their own), the title of a
#   checklist item's box ("Việc cần làm · <id>");
# * the "cited in" lists of regulation pages (other pages' titles, which
#   would make every article match every topic).
# The classes are the checklists', the plan's and the regulations' markup;
# tests/site/test_search_index.py checks the built index for their text.

_NOT_READ_TAG = re.compile(
    r"<(thead|fieldset|legend|textarea|select|button|template|dialog|form|noscript)\b"
    r"|<[a-zA-Z][a-zA-Z0-9]*\s(?:[^>]*?\s)?hidden(?:[\s=>/])"
    r"|<a\s(?:[^>]*?\s)?download(?:[\s=>/])")   # a file to download: not text to read
_NOT_READ_CLASS = re.compile(
    r"""<[a-zA-Z][a-zA-Z0-9]*\b[^>]*?\bclass=["'](?:[^"']*\s)?"""
    r"""(?:ck-more|ck-sr|ck-tools|ck-kind|ck-applies__na|ck-models|ck-downloads|ck-print-only"""
    r"""|hb-plan__see|hb-plan__download|handbook-cited|md-visually-hidden|sr-only)(?:\s[^"']*)?["']""")
_LABELLED_CONTROL = re.compile(r"<label\b")
_ITEM_BOX_TITLE = re.compile(
    r"""(<div\b[^>]*\bclass=["'][^"']*\bck-item\b[^"']*["'][^>]*>\s*)<p\b[^>]*\badmonition-title\b[^>]*>.*?</p>""", re.S)
_ROW_NUMBER = re.compile(r"(<tr\b[^>]*>\s*)<td\b[^>]*>\s*\d{1,4}\s*</td>")
# An identifier shown after a middle dot ("Việc cần làm · hoi-nghi-ke-hoach"):
# lower-case ASCII words joined by hyphens.
_SHOWN_ID = re.compile(r"\s?·\s*[a-z0-9]+(?:-[a-z0-9]+)+(?=\s|$)")


def _drop_elements(fragment: str, start: re.Pattern, only=None) -> str:
    """``fragment`` without the elements whose start tag ``start`` finds
    (each with everything inside it), when ``only(element)`` says so."""
    parts = []
    position = 0
    while True:
        match = start.search(fragment, position)
        if match is None:
            break
        begin = match.start()
        end = max(_element_end(fragment, begin), match.end())
        if only is not None and not only(fragment[begin:end]):
            parts.append(fragment[position:match.end()])
            position = match.end()
            continue
        parts.append(fragment[position:begin])
        parts.append(" ")
        position = end
    if not parts:
        return fragment
    parts.append(fragment[position:])
    return "".join(parts)


def readable_html(fragment: str) -> str:
    """The HTML ``fragment`` without what is not read as text (see above)."""
    fragment = _drop_elements(fragment, _NOT_READ_TAG)
    if "class=" in fragment:
        fragment = _drop_elements(fragment, _NOT_READ_CLASS)
    if "<label" in fragment and "<input" in fragment:
        fragment = _drop_elements(fragment, _LABELLED_CONTROL, only=lambda element: "<input" in element)
    if "ck-item" in fragment:
        fragment = _ITEM_BOX_TITLE.sub(r"\1", fragment)
    if "<tr" in fragment:
        fragment = _ROW_NUMBER.sub(r"\1", fragment)
    return fragment


def readable_text(fragment: str) -> str:
    """Plain NFC text of an HTML fragment as a reader reads it: what
    ``html_to_text`` gives, without table headers, form controls, hidden
    text, checklist links and identifiers, and "cited in" lists."""
    return _without_shown_ids(html_to_text(readable_html(fragment)))


def _without_shown_ids(text: str) -> str:
    return _SHOWN_ID.sub("", text) if "·" in text else text


_ARTICLE_ANCHOR = re.compile(r"#dieu-(\d+)(?:-|$)")


def article_number(location: str) -> int | None:
    """Article number of a regulation section: ``...#dieu-51-to-chuc...`` -> 51."""
    match = _ARTICLE_ANCHOR.search(location)
    return int(match.group(1)) if match else None


# --- Checklist items (and any element with an id prefix) -------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


class _AnchoredItems(HTMLParser):
    """Text of every element whose id starts with ``prefix`` (not nested)."""

    def __init__(self, prefix: str):
        super().__init__(convert_charrefs=True)
        self.prefix = prefix
        self.items: list[tuple[str, str, str]] = []
        self._depth = 0
        self._id = ""
        self._parts: list[str] = []
        self._title_parts: list[str] | None = None
        self._title_depth = 0
        self._skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if self._depth:
                self._parts.append(" ")
            return
        attrs = dict(attrs)
        if self._depth:
            self._depth += 1
            classes = (attrs.get("class") or "").split()
            if not self._skip_depth and "ck-item__label" in classes:
                self._skip_depth = self._depth  # "Mục kiểm <code>id</code>": not text
            if self._title_parts is None and "ck-item__requirement" in classes:
                self._title_parts = []
                self._title_depth = self._depth
            if tag in ("p", "li", "div", "dd", "dt", "td", "th", "br"):
                self._parts.append(" ")
            return
        element_id = attrs.get("id") or ""
        if element_id.startswith(self.prefix):
            self._depth = 1
            self._id = element_id
            self._parts = []
            self._title_parts = None

    def handle_startendtag(self, tag, attrs):
        if self._depth:
            self._parts.append(" ")

    def handle_endtag(self, tag):
        if not self._depth or tag in _VOID:
            return
        if self._title_parts is not None and self._depth == self._title_depth:
            self._title_depth = -1
        if self._depth == self._skip_depth:
            self._skip_depth = 0
        self._depth -= 1
        if self._depth == 0:
            text = _one_line("".join(self._parts))
            title = _one_line("".join(self._title_parts or []))
            self.items.append((self._id, title, text))

    def handle_data(self, data):
        if self._depth and not self._skip_depth:
            self._parts.append(data)
            if self._title_parts is not None and self._title_depth > 0:
                self._title_parts.append(data)


# An id attribute, and a start tag (sections.TAG finds where the element ends).
_ID_ATTR = re.compile(r"""id=["']""")  # a literal first: found fast
_START_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>""")


def _element_end(page_html: str, start: int) -> int:
    """End of the element whose start tag is at ``start``, counted as
    ``html.parser`` counts (any end tag closes one level; void and "/>" tags
    open none)."""
    depth = 0
    for match in TAG.finditer(page_html, start):
        closing, tag = match.group(1), match.group(2)
        if tag is None or tag.lower() in _VOID:
            continue
        if closing:
            depth -= 1
        elif not match.group(3).endswith("/"):
            depth += 1
        if depth == 0:
            return match.end()
    return len(page_html)


def anchored_items(page_html: str, prefix: str = CHECKLIST_ITEM_PREFIX) -> list[tuple[str, str, str]]:
    """``(id, title, text)`` of the elements of ``page_html`` whose id starts
    with ``prefix`` (checklist items are ``id="ck-<id>"``). The title is the
    text of a descendant with class ``ck-item__requirement`` when there is
    one, else the item's first sentence.

    Only the items themselves go through ``html.parser``: fed whole pages,
    it took a third of the time of the site's search records."""
    if f'id="{prefix}' not in page_html and f"id='{prefix}" not in page_html:
        return []
    parser = _AnchoredItems(prefix)
    end = 0
    for match in _ID_ATTR.finditer(page_html):
        if (match.start() < end or not page_html.startswith(prefix, match.end())
                or not page_html[match.start() - 1].isspace()):
            continue  # inside the previous item, another id, or not an id attribute
        start = page_html.rfind("<", 0, match.start())
        tag = _START_TAG.match(page_html, start) if start >= 0 else None
        if tag is None or tag.end() <= match.start():
            continue  # not an attribute of a start tag
        end = _element_end(page_html, start)
        parser.feed(page_html[start:end])
    parser.close()
    items = []
    for element_id, title, text in parser.items:
        text = unicodedata.normalize("NFC", text.replace("¶", "").strip())
        title = unicodedata.normalize("NFC", title.strip()) or _first_sentence(text)
        items.append((element_id, title, text))
    return items


def _first_sentence(text: str, limit: int = 160) -> str:
    end = text.find(". ")
    sentence = text if end < 0 else text[: end + 1]
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + "…"


# --- The index ---------------------------------------------------------------

@dataclass
class PageRecord:
    """What search needs from one rendered page."""
    url: str                      # page URL relative to the language root ("van-ban/luat-10-2022-qh15/")
    title: str
    entries: list[dict]           # the page's sections (location, title, text with HTML)
    context: str = ""             # words that describe the page (title, document number)
    items: list[tuple[str, str, str]] = field(default_factory=list)  # anchored items (id, title, text)
    regulation: bool = False      # a regulation page: its ``#dieu-N-...`` sections are articles
    html: bool = True             # entries' title and text are HTML (False: plain text already)
    kind: str = "page"            # what the page is to a reader (``page_kind``), for ranking


# What a page is to a reader, for ranking (the worker's PRIOR table gives each
# kind its weight): the handbook's own explanations, answers and the texts
# they explain come first; the glossary, the home page and the model
# documents next; the pages that list other pages (indexes) and the
# generated checklist pages and plan, whose rows repeat the chapters' items, last.
KINDS = ("chapter", "qa", "regulation", "glossary", "home", "model", "page", "index", "checklist")

# The editors' pages (review status, translations, unverified content,
# changes) are for the editorial team: they are not in the readers' index.
EDITORS_SECTION = "bien-tap/"


def page_kind(url: str, meta: dict) -> str:
    """``url`` relative to the language's root ("" for the home page)."""
    if url == "":
        return "home"
    kind = meta.get("type")
    if kind in KINDS:
        return kind
    if meta.get("generate"):  # the checklists, the dated plan: lists of the chapters' items
        return "checklist"
    if meta.get("model"):
        return "model"
    return "page"


# A generated list's section (a checklist page's table, a month of the dated
# plan) repeats the chapters' items, each of which is a document of its own
# leading to its explanation: the list keeps its headings and the start of
# each section, so it is found by what it is, not once more per item. At
# 1,000 pages the lists' rows were 38 % of the index.
LIST_SECTION_CHARS = 300


def list_summary(text: str, limit: int = LIST_SECTION_CHARS) -> str:
    """The start of a generated list's section text, cut after a sentence
    (or a word) within ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
        return text[:cut].rstrip(",;:") + " …"
    return text[:cut + 1] + " …"


def is_editors_page(url: str) -> bool:
    """``url`` relative to the language's root."""
    return url.startswith(EDITORS_SECTION)


_RECORDS = STORE.space("search-records")  # (site, language) -> {url: PageRecord}


def records(site_dir: str, lang: str) -> dict[str, PageRecord]:
    """The indexed pages of a site and language, by URL. Kept in this module
    (the store outlives a build) so a preview that renders only the changed
    pages (``mkdocs serve --dirty``) still indexes them all."""
    return _RECORDS.setdefault((str(site_dir), lang), {})


def _strip_prefix(location: str, prefix: str) -> str:
    return location[len(prefix):] if prefix and location.startswith(prefix) else location


def build_index(pages: list[PageRecord], lang: str, url_prefix: str = "") -> dict:
    """The search index of one language.

    Documents keep Material's invariant: a page's own document (location
    without ``#``) comes before its sections. Locations are relative to the
    language's root (``url_prefix``, e.g. ``"en/"``, is removed), because the
    English pages resolve results against ``/en/``.

    Document fields: ``location``, ``title``, ``text`` (plain text), and
    optionally ``c`` (page context, on the page's own document), ``a``
    (article number, on regulation pages), ``k`` (kind: on a page's own
    document the page's kind (``page_kind``, left out for "page"), ``"ck"``
    for a checklist item).
    """
    docs: list[dict] = []
    for page in sorted(pages, key=lambda p: p.url):
        page_url = _strip_prefix(page.url, url_prefix)
        own: dict | None = None
        sections: list[dict] = []
        plain = html_to_text if page.html else str
        for entry in page.entries:
            location = _strip_prefix(entry["location"], url_prefix)
            doc = {
                "location": location,
                "title": plain(entry.get("title", "")),
                "text": plain(entry.get("text", "")),
            }
            number = article_number(location) if page.regulation else None
            if number is not None:
                doc["a"] = number
            if entry.get("items") and "#" in location:
                doc["k"] = "ck"  # a section of checklist items: ranked as they are
            if page.kind == "checklist" and "#" in location:
                doc["text"] = list_summary(doc["text"])
            if "#" in location:
                sections.append(doc)
            elif own is None:
                own = doc
            else:  # a second untitled part of the page: keep its text
                own["text"] = (own["text"] + " " + doc["text"]).strip()
        if own is None:
            own = {"location": page_url, "title": html_to_text(page.title), "text": ""}
        if page.context:
            own["c"] = page.context
        if page.kind != "page":
            own["k"] = page.kind
        for element_id, title, text in page.items:
            sections.append({"location": f"{page_url}#{element_id}", "title": title,
                             "text": text, "k": "ck"})
        docs.append(own)
        docs.extend(sections)
    return {
        "config": {"lang": [lang], "separator": SEPARATOR, "pipeline": [], "fields": {}},
        "docs": docs,
    }


# A section that lists the pages citing a regulation ("Được dẫn chiếu tại"):
# other pages' titles and a sentence repeated on every regulation page. (The
# lists after each article, class handbook-cited, are dropped as text.)
_CITED_INDEX = "handbook-cited-index"


def page_documents(page_html: str) -> dict:
    """What the index needs from one page's HTML, in plain text and JSON
    types (so the build cache can keep it): ``sections``, as
    ``[id, title or None, text, holds checklist items]``, and checklist
    ``items``, as ``[id, title, text]``. The sections listing the pages that
    cite a regulation are left out."""
    found = []
    item_id = f'id="{CHECKLIST_ITEM_PREFIX}'
    for element_id, heading, text in sections(readable_html(page_html)):
        if _CITED_INDEX in text:
            continue
        found.append([element_id, html_to_text(heading) if heading else None,
                      _without_shown_ids(html_to_text(text)), item_id in text])
    return {"sections": found, "items": [list(item) for item in anchored_items(page_html)]}


def valid_documents(value) -> bool:
    """A page's documents as the build cache keeps them (``page_documents``)."""
    if not isinstance(value, dict) or set(value) != {"sections", "items"}:
        return False
    sections, items = value["sections"], value["items"]
    return (isinstance(sections, list) and isinstance(items, list)
            and all(isinstance(s, list) and len(s) == 4 and isinstance(s[0], (str, type(None)))
                    and isinstance(s[1], (str, type(None))) and isinstance(s[2], str)
                    and isinstance(s[3], bool) for s in sections)
            and all(isinstance(i, list) and len(i) == 3 and all(isinstance(x, str) for x in i) for i in items))


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The code that makes ``page_documents`` (its build cache entries' version)."""
    return _code_version(Path(__file__), Path(search_sections.__file__), sys.version)


def index_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def page_context(title: str, meta: dict) -> str:
    """Words that describe a page for its sections: title, document number."""
    parts = [title]
    number = meta.get("number")
    if number:
        parts.append(str(number))
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p))


# Material's own search (lunr, its language files, its worker) is never
# loaded: the handbook's worker takes its place. About 1.3 MB not to ship.
_MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def is_material_search_asset(src_uri: str) -> bool:
    """True for a theme file only Material's search worker would load."""
    return src_uri.startswith(_MATERIAL_SEARCH_ASSETS)


def worker_filename(source: str) -> str:
    """Fingerprinted file name of the worker script (safe to cache for long)."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]
    return f"search-handbook.{digest}.js"
