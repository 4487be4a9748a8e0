"""What the site shows of the models: each model's page and the index.

Plain functions of data; ``steps.py`` gives them the build's pieces.

- A model's page keeps the editor's notes; under "## Văn bản mẫu" the
  Markdown body is replaced by the download link of the Word file and the
  document as an HTML form (``html_form``: every field a visible, labelled
  blank). The English page keeps its explanation and gets the same link and
  the same Vietnamese document, its blanks labelled in English, at its end.
- The index (``generate: models-index``) lists the models by the handbook
  chapter of the first checklist item each serves, in navigation order, with
  their legal basis and their Word file.

Finished HTML goes through ``place`` (the build's slots: put in after the
Markdown is converted, so Python-Markdown never reads it); Markdown links
between pages stay Markdown, so MkDocs converts and checks them.
"""
from __future__ import annotations

import posixpath
from html import escape

from handbook.content.scanner import relative_link
from handbook.models.html_form import html_form
from handbook.models.model import Model
from handbook.models.source import split_body
from handbook.pages.regulations import md_text

WORDS = {
    "vi": {
        "download": "Tải tệp Word (.docx, {size})",
        "download_note": "Tệp trình bày theo thể thức của Nghị định 30/2020/NĐ-CP. Mỗi ô cần điền là một "
                         "dãy dấu chấm kèm ghi chú (comment) nêu nội dung cần điền; điền xong, xóa các ghi "
                         "chú (Review › Delete all comments) trước khi in.",
        "form_note": "Văn bản mẫu dưới đây giống tệp Word; ô cần điền hiện là dãy dấu chấm kèm tên ô "
                     "trong ngoặc.",
        "models": "Danh mục mẫu",
        "model": "Mẫu",
        "basis": "Căn cứ",
        "file": "Tệp Word",
        "get": "Tải .docx",
        "article": "Điều",
        "other": "Mẫu khác",
    },
    "en": {
        "download": "Download the Word file (.docx, {size}, in Vietnamese)",
        "download_note": "The file follows the layout of Decree 30/2020/NĐ-CP. Each blank is a row of dots "
                         "with a comment naming what goes there; once it is filled in, delete the comments "
                         "(Review › Delete all comments) before printing.",
        "form_note": "Below, the document as it reads in the Word file (in Vietnamese, as the unit issues "
                     "it); each blank is a row of dots followed by its label in English.",
        "models": "The models",
        "model": "Model",
        "basis": "Basis",
        "file": "Word file",
        "get": "Download .docx",
        "article": "Art.",
        "other": "Other models",
    },
}


def words(lang: str) -> dict:
    return WORDS.get(lang, WORDS["vi"])


def size_text(size: int) -> str:
    """File size for readers: "37 KB" (kilobytes of 1,000 bytes, at least 1)."""
    return f"{max(1, round(size / 1000))} KB"


def download_html(model: Model, lang: str, href: str, size: int) -> str:
    """The Word file's link, with what to know before filling it in."""
    w = words(lang)
    label = escape(w["download"].format(size=size_text(size)))
    return (f'<p class="mau-tai"><a href="{escape(href)}" download data-model-download="{escape(model.slug)}">'
            f'{label}</a></p>\n<p class="mau-tai-ghi-chu">{escape(w["download_note"])}</p>')


def page_markdown(markdown: str, model: Model, lang: str, href: str, size: int, place) -> str:
    """A model page's Markdown with the document as an HTML form.

    The Vietnamese page (and an English page without translation) has its
    "## Văn bản mẫu" body replaced; a translated English page, which
    explains the document instead, gets the link and the form at its end."""
    w = words(lang)
    block = (download_html(model, lang, href, size) + "\n"
             + f'<p class="mau-ghi-chu-mau">{escape(w["form_note"])}</p>\n' + html_form(model, lang))
    notes, body = split_body(markdown)
    head = notes if body is not None else markdown.rstrip()
    return head.rstrip() + "\n\n" + place(block) + "\n"


def html_folder(base_uri: str, directory_urls: bool = True) -> str:
    """The folder of a page's HTML file, as a docs-relative path without the
    language prefix: "mau-van-ban/x.md" -> "mau-van-ban/x" (directory URLs)."""
    stem = base_uri[:-3]
    if not directory_urls or stem == "index" or stem.endswith("/index"):
        return posixpath.dirname(stem)
    return stem


def docx_href(from_base_uri: str, model: Model, directory_urls: bool = True) -> str:
    """The Word file's address from a page of the same language (the file
    sits beside the model's HTML: ``steps.model_page`` writes it there)."""
    there = posixpath.join(html_folder(model.base_uri, directory_urls), model.docx_name)
    return posixpath.relpath(there, html_folder(from_base_uri, directory_urls) or ".")


def _basis(model: Model, lang: str, from_base_uri: str, numbers: dict[str, str]) -> str:
    """'10/2022/QH15: Điều 50, 51' with each article linked (grouped by page)."""
    w = words(lang)
    by_page: dict[str, list] = {}
    for article in model.articles:
        by_page.setdefault(article.page, []).append(article)
    parts = []
    for page, articles in by_page.items():
        links = ", ".join(f"[{a.number}]({relative_link(from_base_uri, page, a.anchor)})" for a in articles)
        name = numbers.get(page)
        parts.append((f"{md_text(name)}: " if name else "") + f"{w['article']} {links}")
    return "; ".join(parts)


def index_markdown(models: list[Model], lang: str, from_base_uri: str, titles: dict[str, str],
                   numbers: dict[str, str], order: list[str], directory_urls: bool = True) -> str:
    """The list of models: one table per handbook chapter (``titles``: page
    titles in ``lang`` by docs path; ``numbers``: regulation numbers by docs
    path; ``order``: docs paths in navigation order)."""
    w = words(lang)
    position = {uri: n for n, uri in enumerate(order)}
    groups: dict[str | None, list[Model]] = {}
    for model in sorted(models, key=lambda m: (position.get(m.base_uri, len(position)), m.base_uri)):
        chapter = model.chapter if model.chapter in titles else None
        groups.setdefault(chapter, []).append(model)
    ordered = sorted(groups, key=lambda c: (c is None, position.get(c, len(position)), c or ""))
    # in a block of its own: the printed handbook leaves out the download column
    lines = [f"## {w['models']} {{#danh-muc-mau}}", "", '<div class="mau-danh-muc" markdown>', ""]
    for chapter in ordered:
        heading = titles[chapter] if chapter else w["other"]
        lines += [f"### {md_text(heading)}", "", f"| {w['model']} | {w['basis']} | {w['file']} |", "|---|---|---|"]
        for model in groups[chapter]:
            title = md_text(titles.get(model.base_uri) or model.page_title)
            link = f"[{title}]({relative_link(from_base_uri, model.base_uri)})"
            href = escape(docx_href(from_base_uri, model, directory_urls))
            get = f'<a href="{href}" download data-model-download="{escape(model.slug)}">{escape(w["get"])}</a>'
            lines.append(f"| {link} | {_basis(model, lang, from_base_uri, numbers)} | {get} |")
        lines.append("")
    lines += ["</div>", ""]
    return "\n".join(lines).rstrip() + "\n"
