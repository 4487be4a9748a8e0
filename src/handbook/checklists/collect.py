"""Every checklist item of the site, validated together.

``collect(sources, order)`` is called by each language build; the result is
cached on the identity of the (already cached) sources, so the work happens
once per build, not once per language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from handbook.errors import ContentError, ContentErrors
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX
from handbook.build.store import STORE
from handbook.content.sources import DEFAULT_LANGUAGE, for_language
from handbook.content.scanner import anchors as anchors_of
from handbook.checklists.links import resolve
from handbook.checklists.model import Item
from handbook.checklists.parse import parse_source


@dataclass
class Entry:
    """An item as readers of one language see it."""
    item: Item
    topic: str
    page_uri: str            # base_uri of the page that explains it
    anchor: str | None       # "ck-<id>", or None when that page lacks the item
    translated: bool         # False: a Vietnamese item shown on the English site


@dataclass
class Collection:
    items: dict[str, list[Item]]                   # lang -> items in source order
    by_page: dict[str, list[Item]]                 # src_uri -> items
    languages: tuple[str, ...]
    order: dict[str, int] = field(default_factory=dict)
    _views: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)     # (lang, base_uri) -> title

    def entries(self, lang: str) -> list[Entry]:
        """Items for readers of ``lang``, in reading order (nav order, then line).
        The English list uses the English item where one exists, the Vietnamese
        one otherwise, so both languages always list the same ids."""
        if lang in self._views:
            return self._views[lang]
        own = {i.id: i for i in self.items.get(lang, [])}
        translated_pages = {i.base_uri for i in self.items.get(lang, [])} | self._translated_pages.get(lang, set())
        result = []
        for vi_item in self.items.get(DEFAULT_LANGUAGE, []):
            item = own.get(vi_item.id, vi_item) if lang != DEFAULT_LANGUAGE else vi_item
            is_own = item.lang == lang
            page = item.base_uri
            anchor = f"{CHECKLIST_ITEM_PREFIX}{item.id}" if (is_own or page not in translated_pages) else None
            title = self.titles.get((lang, page)) or self.titles.get((DEFAULT_LANGUAGE, page)) or page
            result.append(Entry(item, item.topic or title, page, anchor, is_own or lang == DEFAULT_LANGUAGE))
        result.sort(key=lambda e: (self.order.get(e.page_uri, len(self.order)), e.page_uri, e.item.line))
        self._views[lang] = result
        return result

    _translated_pages: dict = field(default_factory=dict)  # lang -> base_uris with a translation


_LAST = STORE.space("checklists")  # the last collection and what it was made from


def collect(sources, order=(), languages=("vi", "en")) -> Collection:
    """Parse and validate every checklist item; raise ContentErrors listing
    every problem at once."""
    key = (tuple(id(s) for s in sources), tuple(order), tuple(languages))
    hit = _LAST.get("last")
    if hit and hit[0] == key and all(a is b for a, b in zip(hit[1], sources)):
        return hit[2]
    result = _collect(list(sources), list(order), tuple(languages))
    _LAST["last"] = (key, list(sources), result)
    return result


def _error(path, line, rule, vi, en, fix_vi="", fix_en=""):
    return ContentError(path, line, f"checklist-{rule}", vi, en, fix_vi, fix_en)


def _collect(sources, order, languages) -> Collection:
    errors: list[ContentError] = []
    items: dict[str, list[Item]] = {lang: [] for lang in languages}
    by_page: dict[str, list[Item]] = {}
    titles = {}
    translated: dict[str, set] = {lang: set() for lang in languages}
    for source in sources:
        titles[(source.lang, source.base_uri)] = str(source.meta.get("title") or "")
        translated.setdefault(source.lang, set()).add(source.base_uri)
        found, problems = parse_source(source)
        errors.extend(problems)
        if found:
            items.setdefault(source.lang, []).extend(found)
            by_page[source.src_uri] = found

    views = {lang: for_language(sources, lang) for lang in languages}
    first: dict[tuple[str, str], Item] = {}
    for lang, lang_items in items.items():
        pages = views.get(lang) or for_language(sources, lang)
        for item in lang_items:
            seen = first.get((lang, item.id))
            if seen:
                errors.append(_error(item.path, item.line_of("id"), "duplicate-id",
                                     f"Mã mục '{item.id}' bị trùng: đã dùng tại {seen.path}:{seen.line_of('id')}.",
                                     f"Duplicate id '{item.id}': already used at {seen.path}:{seen.line_of('id')}.",
                                     "Đặt cho mỗi mục một mã riêng, duy nhất trên toàn trang web.",
                                     "Give every item its own id, unique across the site."))
            else:
                first[(lang, item.id)] = item
            for link in item.links:
                errors.extend(_check_link(item, link.url, pages, by_page))
            if item.obligation == "law" and not any(names_article(item, link.url) for link in item.links):
                errors.append(_error(item.path, item.line_of("obligation"), "obligation",
                                     f"Mục '{item.id}' ghi 'obligation: law' nhưng căn cứ không dẫn tới điều nào "
                                     "của một trang văn bản (van-ban/...md#dieu-...).",
                                     f"Item '{item.id}' says 'obligation: law' but no basis link points to an "
                                     "article of a regulation page (van-ban/...md#dieu-...).",
                                     "Thêm vào 'basis' liên kết tới điều khoản quy định việc này, ví dụ "
                                     "\"[Luật 10/2022/QH15, Điều 51](../van-ban/luat-10-2022-qh15.md#dieu-51-...)\"; "
                                     "nếu không có điều khoản nào buộc phải làm, ghi 'obligation: practice'.",
                                     "Add a basis link to the article that requires it, e.g. "
                                     "\"[Law 10/2022/QH15, Article 51](../van-ban/luat-10-2022-qh15.md#dieu-51-...)\"; "
                                     "if no article requires it, write 'obligation: practice'."))

    vi_items = {i.id: i for i in items.get(DEFAULT_LANGUAGE, [])}
    for lang in languages:
        if lang == DEFAULT_LANGUAGE:
            continue
        for item in items.get(lang, []):
            original = vi_items.get(item.id)
            if original is None:
                errors.append(_error(item.path, item.line_of("id"), "translation",
                                     f"Mục tiếng Anh '{item.id}' không có mục tiếng Việt cùng mã.",
                                     f"English item '{item.id}' has no Vietnamese item with the same id.",
                                     "Dùng đúng mã của mục tiếng Việt tương ứng (bản tiếng Anh lặp lại khối với cùng id).",
                                     "Use the id of the matching Vietnamese item (the English page repeats the block with the same id)."))
                continue
            for name in ("roles", "frequency", "due"):
                if getattr(item, name) != getattr(original, name):
                    errors.append(_error(item.path, item.line_of(name), "translation",
                                         f"Trường '{name}' của mục '{item.id}' khác bản tiếng Việt "
                                         f"({original.path}:{original.line_of(name)}).",
                                         f"Field '{name}' of item '{item.id}' differs from the Vietnamese item "
                                         f"({original.path}:{original.line_of(name)}).",
                                         "Bản dịch chỉ dịch văn bản; vai trò, tần suất và thời hạn phải giống bản tiếng Việt.",
                                         "Translate only the text; roles, frequency and due must match the Vietnamese item."))
            for name, rule, words in (("obligation", "obligation", ("loại nghĩa vụ", "obligation")),
                                      ("applies_if", "applies-if", ("điều kiện áp dụng", "conditions"))):
                if getattr(item, name) != getattr(original, name):
                    errors.append(_error(item.path, item.line_of(name), rule,
                                         f"Trường '{name}' ({words[0]}) của mục '{item.id}' khác bản tiếng Việt "
                                         f"({original.path}:{original.line_of(name)}).",
                                         f"Field '{name}' ({words[1]}) of item '{item.id}' differs from the "
                                         f"Vietnamese item ({original.path}:{original.line_of(name)}).",
                                         f"Chép nguyên trường '{name}' của mục tiếng Việt sang bản tiếng Anh "
                                         "(chỉ dịch văn bản, không đổi giá trị).",
                                         f"Copy the Vietnamese item's '{name}' unchanged into the English item."))
    if errors:
        errors.sort(key=lambda e: (e.path, e.line or 0))
        raise ContentErrors(errors)
    position = {uri: n for n, uri in enumerate(order)}
    collection = Collection(items, by_page, languages, position, titles=titles)
    collection._translated_pages = translated
    return collection


def names_article(item: Item, url: str) -> bool:
    """Does ``url`` point to an article (``#dieu-<n>-...``) of a regulation page
    (``van-ban/*.md``)? Whether the anchor exists is checked by _check_link."""
    target, anchor, problem = resolve(item.src_uri, url)
    if problem or target is None or not anchor:
        return False
    target = target or item.base_uri
    return (target.startswith("van-ban/") and target != "van-ban/index.md"
            and re.match(r"^dieu-[0-9]+", anchor) is not None)


def _check_link(item: Item, url: str, pages, by_page) -> list[ContentError]:
    target, anchor, problem = resolve(item.src_uri, url)
    if problem:
        return [_error(item.path, item.line_of("basis"), "basis-link",
                       f"Liên kết căn cứ '{url}' không hợp lệ: cần đường dẫn tương đối tới một tệp .md, "
                       "ví dụ ../van-ban/luat-10-2022-qh15.md#dieu-46-....",
                       f"Basis link '{url}' is not valid: expected a relative link to a .md file, "
                       "e.g. ../van-ban/luat-10-2022-qh15.md#dieu-46-....",
                       "Sửa đường dẫn.", "Fix the link.")]
    if target is None and anchor is None:
        return []  # external address
    if target == "":
        target = item.base_uri
    page = pages.get(target)
    if page is None:
        return [_error(item.path, item.line_of("basis"), "basis-link",
                       f"Liên kết căn cứ '{url}' trỏ tới trang không tồn tại ({target}).",
                       f"Basis link '{url}' points to a page that does not exist ({target}).",
                       "Sửa tên tệp trong liên kết (đường dẫn tính từ trang đang sửa).",
                       "Fix the file name (paths are relative to the page being edited).")]
    if anchor and anchor not in anchors_of(page.body) and not (
            anchor.startswith(CHECKLIST_ITEM_PREFIX)
            and any(f"{CHECKLIST_ITEM_PREFIX}{i.id}" == anchor for i in by_page.get(page.src_uri, ()))):
        return [_error(item.path, item.line_of("basis"), "basis-anchor",
                       f"Liên kết căn cứ '{url}': trang {page.path} không có mục '#{anchor}'.",
                       f"Basis link '{url}': page {page.path} has no section '#{anchor}'.",
                       "Sao chép đúng mã neo của tiêu đề (ví dụ #dieu-46-...), hoặc sửa tiêu đề ở trang đích.",
                       "Copy the heading's exact anchor (e.g. #dieu-46-...), or fix the heading on the target page.")]
    return []
