"""Internal links and anchors, checked in every language a page is read in.

A Vietnamese page is read on the Vietnamese site and, when it has no
translation, on the English site too (static-i18n falls back to it). Its links
then lead to the *English* versions of their targets, where they exist. So a
link ``luat.md#dieu-51-...`` must find the anchor in ``luat.md`` and in
``luat.en.md`` (English headings keep the Vietnamese anchor with ``{#id}``).

Anchors come from headings (handbook.vietnamese.slugify, made unique like
Python-Markdown's toc: ``x``, ``x_1``...), explicit ``{#id}`` attributes, HTML
``id=`` and checklist item ids. Pages filled by the build (``generate:``) are
not checked for anchors: their headings exist only after generation.

Rules: link-target, link-anchor.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from handbook.errors import ContentError
from handbook.content.sources import DEFAULT_LANGUAGE, LANGUAGES
from handbook.content import scanner
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX
from handbook.lint.document import Document

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
CHECKLIST_ID = re.compile(r"^\s*id\s*:\s*[\"']?([a-z0-9-]+)[\"']?\s*$")
LANG_NAME = {"vi": ("bản tiếng Việt", "the Vietnamese site"), "en": ("bản tiếng Anh", "the English site")}


def anchors(doc: Document) -> set[str]:
    """Anchors a reader can link to in ``doc`` (cached on the document)."""
    cached = doc.__dict__.get("_anchors")
    if cached is not None:
        return cached
    found = set(scanner.anchors(doc.body_text))  # as the build and the indexes compute them
    for _number, line in doc.data_fence_lines():
        match = CHECKLIST_ID.match(line)
        if match:  # the item box's anchor on the page (checklists.render)
            found.add(f"{CHECKLIST_ITEM_PREFIX}{match.group(1)}")
    doc.__dict__["_anchors"] = found
    return found


def links(doc: Document):
    """(line, is_image, target) for every link in the body (and checklist data)."""
    for number, line in list(doc.prose()) + list(doc.data_fence_lines()):
        if "](" in line:
            for match in scanner.INLINE_LINK.finditer(line):
                yield number, bool(match.group("image")), match.group("target")
        match = scanner.REFERENCE.match(line)
        if match and not match.group("label").startswith("^"):
            yield number, False, match.group("target")


def _resolve(doc: Document, target: str) -> tuple[str | None, str | None] | None:
    """(page base_uri or None for this page, fragment) or None when external."""
    if not target or SCHEME.match(target) or target.startswith(("/", "//")):
        return None
    path, _, fragment = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return (None, fragment or None)
    folder = posixpath.dirname(doc.src_uri or "")
    return (posixpath.normpath(posixpath.join(folder, path)), fragment or None)


def check_site(documents: list[Document], languages=LANGUAGES, docs_dir=None) -> list[ContentError]:
    from handbook.content.sources import split_language

    by_lang = {lang: {} for lang in languages}
    for doc in documents:
        if doc.base_uri is None:
            continue
        if doc.lang == DEFAULT_LANGUAGE:
            for lang in languages:
                by_lang[lang].setdefault(doc.base_uri, doc)
    for doc in documents:
        if doc.base_uri is not None and doc.lang != DEFAULT_LANGUAGE and doc.lang in by_lang:
            by_lang[doc.lang][doc.base_uri] = doc
    all_files = {d.src_uri for d in documents if d.src_uri}

    problems: list[ContentError] = []
    for doc in documents:
        if doc.base_uri is None:
            continue
        # Languages in which readers see this file.
        shown_in = [lang for lang in languages if by_lang[lang].get(doc.base_uri) is doc]
        if not shown_in:
            continue
        for number, is_image, target in links(doc):
            resolved = _resolve(doc, target)
            if resolved is None:
                continue
            path, fragment = resolved
            if path is not None and not path.endswith(".md"):
                if is_image and docs_dir is not None and not (docs_dir / path).exists():
                    problems.append(_missing(doc, number, target, image=True))
                continue
            if path is not None:
                if path.startswith("../"):
                    problems.append(_missing(doc, number, target))
                    continue
                base = split_language(path)[1]
                if base not in by_lang[DEFAULT_LANGUAGE] and path not in all_files:
                    problems.append(_missing(doc, number, target))
                    continue
            if not fragment:
                continue
            missing_in = []
            for lang in shown_in:
                page = doc if path is None else by_lang[lang].get(split_language(path)[1])
                if page is None or page.meta.get("generate"):
                    continue
                if fragment not in anchors(page):
                    missing_in.append((lang, page))
            if missing_in:
                problems.append(_no_anchor(doc, number, target, fragment, missing_in, len(shown_in)))
    return problems


def _missing(doc, number, target, image=False):
    what_vi, what_en = ("hình ảnh", "image") if image else ("trang", "page")
    return ContentError(
        doc.path, number, "link-target",
        f"Liên kết hỏng: '{target}' trỏ tới {what_vi} không tồn tại.",
        f"The link '{target}' points to a {what_en} that does not exist.",
        "Sửa đường dẫn tương đối tính từ thư mục của trang này, tới tệp .md tiếng Việt "
        "(ví dụ ../van-ban/luat-10-2022-qh15.md); bản tiếng Anh dùng cùng đường dẫn.",
        "Fix the path, relative to this page's folder, to the Vietnamese .md file; "
        "English pages use the same path.")


def _no_anchor(doc, number, target, fragment, missing_in, shown_count):
    if len(missing_in) == shown_count and shown_count > 1 and all(p is missing_in[0][1] for _l, p in missing_in):
        where_vi = where_en = ""
    else:
        where_vi = " (" + ", ".join(f"{LANG_NAME[l][0]}: {p.path}" for l, p in missing_in) + ")"
        where_en = " (" + ", ".join(f"{LANG_NAME[l][1]}: {p.path}" for l, p in missing_in) + ")"
    pages = ", ".join(dict.fromkeys(p.path for _l, p in missing_in))
    english = [p for l, p in missing_in if l == "en" and p.lang == "en"]
    fix_vi = (f"Sửa '#{fragment}' cho khớp mã neo của tiêu đề trong {pages} "
              "(tính bằng slugify: bỏ dấu, chữ thường, nối bằng '-').")
    fix_en = f"Make '#{fragment}' match a heading's anchor in {pages}."
    if english:
        fix_vi += f" Ở bản tiếng Anh, thêm {{#{fragment}}} vào cuối tiêu đề tương ứng."
        fix_en += f" In the English page, add {{#{fragment}}} to the matching heading."
    return ContentError(
        doc.path, number, "link-anchor",
        f"Liên kết hỏng: '{target}' trỏ tới mục '#{fragment}' không có trong trang đích{where_vi}.",
        f"The link '{target}' points to '#{fragment}', which the target page lacks{where_en}.",
        fix_vi, fix_en)
