"""One printable HTML document from the built pages of one language.

Input: the pages in navigation order, each with the HTML MkDocs wrote for it.
Output: a single document (cover, contents with page numbers, one chapter per
page) for WeasyPrint, plus where each resource came from, so that a resource
that fails to load names the page that uses it.

Only the article of each page is kept (no navigation, search, header or
footer). Ids are made unique per page (``p3--dieu-46``) and links between
pages become links inside the document; links to pages that are not printed
keep their text only. Interactive pieces are flattened for paper: every tab is
shown under its label, collapsed details are opened, task-list checkboxes
become empty (or ticked) boxes. What only makes sense on the web is left out:
text marked ``web-only`` (instructions about buttons and the browser), and the
"Được dẫn chiếu tại" lists under each article of a regulation page; the
page's own list of where it is cited is printed compactly instead, one entry
per citing page with its page number (``cited_index``).
"""
from __future__ import annotations

import html as htmlmod
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import tinyhtml5

ARTICLE_OPEN = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
ARTICLE_CLOSE = "</article>"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Elements that mean nothing on paper.
_DROP_CLASSES = {"headerlink", "md-content__button", "footnote-backref", "md-source-file",
                 "md-feedback", "md-tags",
                 # web-only text (CONTRIBUTING.md) and the per-article "cited in"
                 # lists (the page's list is printed compactly: cited_index)
                 "web-only", "handbook-cited"}
# A table with this many columns or more is printed small (pdf.css, .pdf-wide)
# so that it stays inside the right margin.
WIDE_TABLE_COLUMNS = 10
# "p. 12" before a page number, and how the kinds of citing pages are named
# (handbook.pages.backlinks writes data-kind on each entry).
PAGE_WORD = {"vi": "tr.", "en": "p."}
KIND_LABELS = {
    "vi": {"qa": "Hỏi – Đáp", "chapter": "Cẩm nang", "checklist": "Bảng kiểm"},
    "en": {"qa": "Questions and answers", "chapter": "Handbook", "checklist": "Checklists"},
}
_DROP_TAGS = {"script", "style", "noscript", "template", "button", "link", "meta"}
_UNWRAP_TAGS = {"form"}
# Symbols the embedded Noto fonts lack, replaced by ones they have (a missing
# glyph would pull in a system fallback font).
_SYMBOLS = str.maketrans({"\u25cf": "\u2022", "\u2713": "x", "\u2714": "x"})


@dataclass(frozen=True)
class PdfPage:
    """A built page to print."""
    source: str      # as shown to editors: "docs/cam-nang/cong-khai.en.md"
    url: str         # site-relative URL as MkDocs gives it: "en/cam-nang/cong-khai/"
    depth: int       # 1 = top-level page or section index, 2 = page inside a section...
    html: str        # the whole HTML file MkDocs wrote
    title: str = ""  # navigation title, used when the page has no <h1>
    dest: str = ""   # the built file, absolute; resolves images
    prefix: str = ""  # printed before the title: "Phụ lục: " (an annex, pdf.ANNEXES)


@dataclass(frozen=True)
class Labels:
    lang: str
    title: str
    issuer: str
    edition: str       # "Ấn bản ngày 30/11/2026"
    contents: str      # "Mục lục"
    notice: str = ""   # small print on the cover
    date: str = ""     # edition date, ISO: the PDF's creation date
    issuer_lines: tuple = ()  # the issuer on the cover, one line each (never "NHÂN / DÂN")


@dataclass
class Assembled:
    html: str
    chapters: list[tuple[str, str, int, str]]           # (anchor, title, depth, source)
    resources: dict[str, set[str]] = field(default_factory=dict)  # file URL -> sources


class PageProblem(Exception):
    """A page whose built HTML cannot be printed."""

    def __init__(self, source: str, message_vi: str, message_en: str):
        super().__init__(f"{source}: {message_en}")
        self.source, self.message_vi, self.message_en = source, message_vi, message_en


def extract_article(html: str) -> str | None:
    """The page's article (Material: ``article.md-content__inner``), or None."""
    match = ARTICLE_OPEN.search(html)
    if not match:
        return None
    end = html.rfind(ARTICLE_CLOSE)
    if end < match.end():
        return None
    return html[match.end():end]


def _classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


def _text(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _normalise_url(path: str) -> str:
    """Site-relative page URL as MkDocs writes it ("a/b/", "" for home)."""
    path = posixpath.normpath("/" + path).lstrip("/") if path not in ("", "/") else ""
    if path in (".", "/"):
        path = ""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if path and not path.endswith("/") and "." not in posixpath.basename(path):
        path += "/"
    return path


def _resolve(page_url: str, href: str) -> tuple[str, str]:
    """Relative ``href`` on the page at ``page_url`` -> (site path, fragment)."""
    parts = urlsplit(href)
    base = "/" + page_url
    if not base.endswith("/"):
        base = posixpath.dirname(base) + "/"
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else base
    if parts.path.endswith("/") and not target.endswith("/"):
        target += "/"
    return _normalise_url(target.lstrip("/")) if parts.path else page_url, unquote(parts.fragment)


class _Rewriter:
    def __init__(self, pages: list[PdfPage], site_dir: Path | None, lang: str = "vi"):
        self.anchor_of = {_normalise_url(p.url): f"p{i + 1}" for i, p in enumerate(pages)}
        self.titles = {f"p{i + 1}": p.title for i, p in enumerate(pages)}
        self.lang = lang
        self.site_dir = site_dir
        self.resources: dict[str, set[str]] = {}
        self.tab_counter = 0

    # --- links, ids, images -------------------------------------------------
    def ids(self, root: ET.Element, prefix: str) -> None:
        for el in root.iter():
            for attr in ("id", "for"):
                value = el.get(attr)
                if value:
                    el.set(attr, f"{prefix}--{value}")
            if el.get("name") and el.tag == "a":
                del el.attrib["name"]

    def links(self, root: ET.Element, page: PdfPage, prefix: str) -> None:
        for el in root.iter("a"):
            href = el.get("href")
            if href is None:
                continue
            if href.startswith("#"):
                frag = unquote(href[1:])
                el.set("href", f"#{prefix}--{frag}" if frag else f"#{prefix}")
                continue
            if _SCHEME.match(href) or href.startswith("//"):
                if re.match(r"^https?:", href, re.I):
                    el.set("class", " ".join(sorted(_classes(el) | {"pdf-external"})))
                continue
            target, frag = _resolve(page.url, href)
            anchor = self.anchor_of.get(target)
            if anchor is None:  # not printed (home, editors' pages, a file): keep the words
                el.tag = "span"
                el.attrib.pop("href", None)
                continue
            el.set("href", f"#{anchor}--{frag}" if frag else f"#{anchor}")

    def images(self, root: ET.Element, page: PdfPage) -> None:
        for el in root.iter("img"):
            src = el.get("src")
            el.attrib.pop("srcset", None)
            el.attrib.pop("loading", None)
            if not src or src.startswith("data:"):
                continue
            if _SCHEME.match(src) or src.startswith("//"):
                # The PDF must not fetch from the network: drop remote images.
                el.tag = "span"
                el.text = el.get("alt") or ""
                el.attrib.clear()
                continue
            if self.site_dir is not None:
                target, _ = _resolve(page.url, src)
                path = (self.site_dir / target.rstrip("/")).resolve()
                url = path.as_uri()
                el.set("src", url)
                self.resources.setdefault(url, set()).add(page.source)

    # --- paper versions of interactive pieces --------------------------------
    def flatten(self, root: ET.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in list(root.iter()):
            classes = _classes(el)
            if el.tag in _DROP_TAGS or classes & _DROP_CLASSES or el.get("hidden") is not None:
                parent = parents.get(el)
                if parent is not None:
                    _remove_keep_tail(parent, el)
            elif el.tag in _UNWRAP_TAGS:
                el.tag = "div"
                el.attrib = {"class": "pdf-unwrapped"}
        for el in root.iter("details"):
            el.set("open", "open")
        for tabs in [el for el in root.iter() if "tabbed-set" in _classes(el)]:
            self._tabs(tabs)
        for el in list(root.iter()):
            if "task-list-indicator" in _classes(el):
                el.text = None
                el.set("class", "task-list-indicator pdf-hidden")
        self._form_controls(root)
        for el in root.iter():
            if el.text:
                el.text = el.text.translate(_SYMBOLS)
            if el.tail:
                el.tail = el.tail.translate(_SYMBOLS)

    @staticmethod
    def _form_controls(root: ET.Element) -> None:
        """Form controls become what a form on paper has: boxes to tick,
        lines and areas to write on."""
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in [e for e in root.iter() if e.tag in ("input", "textarea", "select")]:
            kind = (el.get("type") or "text").lower() if el.tag == "input" else el.tag
            if kind in ("hidden", "submit", "reset", "button", "image", "file"):
                replacement = None
            elif kind in ("checkbox", "radio"):
                checked = el.get("checked") is not None
                classes = "pdf-box" + (" pdf-box--round" if kind == "radio" else "") \
                    + (" pdf-box--checked" if checked else "")
                replacement = ET.Element("span", {"class": classes})
                replacement.text = "x" if checked else "\u00a0"
            elif kind == "textarea":
                replacement = ET.Element("span", {"class": "pdf-field pdf-field--area"})
                replacement.text = (el.text or "").strip() or "\u00a0"
            else:
                replacement = ET.Element("span", {"class": "pdf-field"})
                replacement.text = el.get("value") or "\u00a0"
            parent = parents[el]
            if replacement is None:
                _remove_keep_tail(parent, el)
                continue
            replacement.tail = el.tail
            parent[list(parent).index(el)] = replacement

    def _tabs(self, tabs: ET.Element) -> None:
        """``tabbed-set`` (alternate style or not) -> each tab's label above its content."""
        label_row = [el for el in tabs if "tabbed-labels" in _classes(el)]
        content = [el for el in tabs if "tabbed-content" in _classes(el)]
        if label_row and content:  # alternate style
            labels = [el for el in label_row[0] if el.tag == "label"]
            blocks = [el for el in content[0] if "tabbed-block" in _classes(el)]
        else:  # classic style: input, label, div.tabbed-content, in turn
            labels = [el for el in tabs if el.tag == "label"]
            blocks = content
        kept = []
        for i, block in enumerate(blocks):
            wrapper = ET.Element("div", {"class": "pdf-tab"})
            title = ET.SubElement(wrapper, "p", {"class": "pdf-tab__label"})
            title.text = _text(labels[i]) if i < len(labels) else ""
            block.attrib["class"] = "pdf-tab__content"
            wrapper.append(block)
            kept.append(wrapper)
        tail = tabs.tail
        tabs.clear()
        tabs.set("class", "pdf-tabs")
        tabs.tail = tail
        tabs.extend(kept)


def _remove_keep_tail(parent: ET.Element, el: ET.Element) -> None:
    index = list(parent).index(el)
    if el.tail:
        if index:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


RUNNING_TITLE_CHARACTERS = 80


def running_title(title: str, limit: int = RUNNING_TITLE_CHARACTERS) -> str:
    """The chapter's title at the foot of its pages: whole, or its first
    words and an ellipsis when longer than one line of the footer (a title
    cut by the page box would still be in the text, half hidden)."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _article_key(name: str):
    number = re.search(r"\d+", name)
    return (0, int(number.group()), name) if number else (1, 0, name)


def _articles(names: list[str]) -> str:
    """"Điều 2, Điều 4, Điều 90" -> "Điều 2, 4, 90" (one word, then numbers)."""
    ordered = sorted(dict.fromkeys(names), key=_article_key)
    words = {n.rsplit(" ", 1)[0] for n in ordered if re.fullmatch(r"\S+ \d+", n)}
    if len(words) == 1 and all(re.fullmatch(r"\S+ \d+", n) for n in ordered):
        return f"{words.pop()} " + ", ".join(n.rsplit(" ", 1)[1] for n in ordered)
    return ", ".join(ordered)


def cited_index(root: ET.Element, titles: dict[str, str], lang: str) -> None:
    """The page's "cited in" list (``.handbook-cited-index``, written by
    handbook.pages.backlinks) as it is printed: per kind of citing page, each
    printed page that cites this one once, with its page number and the
    articles it cites ("Hỏi – Đáp: Công khai thông tin, tr. 165 (Điều 46,
    47)"). Citing places that are not printed (links already turned into
    words) are left out."""
    kinds = KIND_LABELS.get(lang, KIND_LABELS["vi"])
    page_word = PAGE_WORD.get(lang, PAGE_WORD["vi"])
    parents = {child: parent for parent in root.iter() for child in parent}
    for block in [el for el in root.iter() if "handbook-cited-index" in _classes(el)]:
        groups: dict[str, dict[str, list[str]]] = {}
        for item in block.iter("li"):
            link = item.find("a")
            href = link.get("href", "") if link is not None else ""
            if not href.startswith("#p"):
                continue
            target = href[1:].split("--", 1)[0]
            names = [n.strip() for n in (item.get("data-articles") or "").split(",") if n.strip()]
            entry = groups.setdefault(item.get("data-kind") or "", {}).setdefault(target, [])
            entry.extend(n for n in names if n not in entry)
        printed = ET.Element("div", {"class": "pdf-cited"})
        for kind in list(kinds) + sorted(set(groups) - set(kinds)):
            if kind not in groups:
                continue
            line = ET.SubElement(printed, "p", {"class": "pdf-cited__kind"})
            label = ET.SubElement(line, "strong")
            label.text = f"{kinds.get(kind, kind)}: "
            # in the order of the printed pages
            entries = sorted(groups[kind].items(), key=lambda entry: int(entry[0][1:]) if entry[0][1:].isdigit() else 0)
            for number, (target, names) in enumerate(entries):
                if number:
                    line[-1].tail = (line[-1].tail or "") + "; "
                title = ET.SubElement(line, "a", {"href": f"#{target}"})
                title.text = titles.get(target) or target
                title.tail = f", {page_word}\u00a0"
                ET.SubElement(line, "a", {"href": f"#{target}", "class": "pdf-page-ref"})
                if names:
                    line[-1].tail = f" ({_articles(names)})"
            line[-1].tail = (line[-1].tail or "") + "."
        parent = parents.get(block)
        if parent is not None:
            printed.tail = block.tail
            parent[list(parent).index(block)] = printed


def _mark_wide_tables(root: ET.Element) -> None:
    for table in root.iter("table"):
        row = next(table.iter("tr"), None)
        cells = [cell for cell in row if cell.tag in ("td", "th")] if row is not None else []
        columns = sum(int(cell.get("colspan")) if (cell.get("colspan") or "").isdigit() else 1
                      for cell in cells)
        if columns >= WIDE_TABLE_COLUMNS:
            table.set("class", " ".join(sorted(_classes(table) | {"pdf-wide"})))


def _parse_fragment(fragment: str) -> ET.Element:
    document = tinyhtml5.parse(f"<!DOCTYPE html><html><body><div>{fragment}</div></body></html>",
                               namespace_html_elements=False)
    return document.find("body/div")


def _serialise(el: ET.Element) -> str:
    return ET.tostring(el, encoding="unicode", method="html")


def chapter(page: PdfPage, index: int, rewriter: _Rewriter) -> tuple[str, str]:
    """One page as a printable ``<section>``; returns (html, title)."""
    article = extract_article(page.html)
    if article is None:
        raise PageProblem(page.source,
                          "trang đã dựng không có phần nội dung (article) để in.",
                          "the built page has no article to print.")
    prefix = f"p{index}"
    root = _parse_fragment(article)
    rewriter.flatten(root)
    rewriter.ids(root, prefix)
    rewriter.links(root, page, prefix)
    rewriter.images(root, page)
    cited_index(root, rewriter.titles, rewriter.lang)
    _mark_wide_tables(root)
    h1 = root.find(".//h1")
    title = _text(h1) if h1 is not None else ""
    if h1 is not None and h1 in list(root) and list(root).index(h1) > 0:
        # reader notices (untranslated, unverified...) come under the title
        _remove_keep_tail(root, h1)
        h1.tail = None
        root.insert(0, h1)
    if h1 is None:
        h1 = ET.Element("h1")
        h1.text = page.title or page.source
        root.insert(0, h1)
        title = h1.text
    if page.prefix:
        h1.text = page.prefix + (h1.text or "")
        title = page.prefix + (title or page.title)
    root.tag = "section"
    root.attrib.clear()
    root.set("class", f"pdf-chapter pdf-depth-{min(max(page.depth, 1), 4)}")
    root.set("id", prefix)
    root.set("data-source", page.source)
    root.set("data-running", running_title(title or page.title))
    return _serialise(root), title or page.title


def assemble(pages: list[PdfPage], labels: Labels, stylesheet: str,
             site_dir: Path | None = None) -> Assembled:
    """The whole printable document for one language."""
    rewriter = _Rewriter(pages, site_dir, labels.lang)
    bodies, chapters = [], []
    problems = []
    for i, page in enumerate(pages, start=1):
        try:
            body, title = chapter(page, i, rewriter)
        except PageProblem as problem:
            problems.append(problem)
            continue
        bodies.append(body)
        chapters.append((f"p{i}", title, page.depth, page.source))
    if problems:
        raise PageProblems(problems)
    esc = htmlmod.escape
    toc = "\n".join(
        f'<li class="pdf-toc__item pdf-toc__item--{min(depth, 3)}">'
        f'<a href="#{anchor}">{esc(title)}</a></li>'
        for anchor, title, depth, _ in chapters
    )
    notice = f'<p class="pdf-cover__notice">{esc(labels.notice)}</p>' if labels.notice else ""
    document = f"""<!DOCTYPE html>
<html lang="{esc(labels.lang)}">
<head>
<meta charset="utf-8">
<title>{esc(labels.title)}</title>
<meta name="author" content="{esc(labels.issuer)}">
<meta name="dcterms.created" content="{esc(labels.date)}">
<meta name="dcterms.modified" content="{esc(labels.date)}">
<style>{stylesheet}</style>
</head>
<body>
<section class="pdf-cover">
<p class="pdf-cover__issuer">{"<br>".join(esc(line) for line in labels.issuer_lines or (labels.issuer,))}</p>
<p class="pdf-cover__title">{esc(labels.title)}</p>
<p class="pdf-cover__edition">{esc(labels.edition)}</p>
{notice}
</section>
<nav class="pdf-toc">
<h1 class="pdf-toc__title">{esc(labels.contents)}</h1>
<ul class="pdf-toc__list">
{toc}
</ul>
</nav>
{"".join(bodies)}
</body>
</html>
"""
    return Assembled(document, chapters, rewriter.resources)


class PageProblems(Exception):
    def __init__(self, problems: list[PageProblem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
