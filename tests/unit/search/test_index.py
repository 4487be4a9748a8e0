"""The search index builder (handbook.search.index) on fixture pages
(tests/fixtures/search/pages.json): article numbers, checklist items as
documents of their own, pages before their sections, plain text, the English
index relative to /en/, the worker's fingerprinted name. (The index files of
the built site: tests/site/test_search_index.py.)"""
from __future__ import annotations

import re

import pytest

from handbook.search import index as search
from handbook.search.index import PageRecord, anchored_items, article_number, build_index
from search_fixtures import fixture_pages


@pytest.mark.parametrize(("location", "number"), [
    ("van-ban/luat-10-2022-qh15/#dieu-51-to-chuc-hoi-nghi", 51),
    ("van-ban/luat-10-2022-qh15/#dieu-5", 5),
    ("van-ban/luat-10-2022-qh15/#dieu-khoan-chung", None),
    ("van-ban/luat-10-2022-qh15/", None),
])
def test_article_number_from_anchor(location, number):
    assert article_number(location) == number


def test_checklist_items_become_documents_titled_by_their_requirement():
    page = next(p for p in fixture_pages("vi") if p.url == "cam-nang/hoi-nghi-can-bo/")
    ids = [item[0] for item in page.items]
    assert ids == ["ck-to-chuc-hoi-nghi-hang-nam", "ck-khong-co-yeu-cau"]
    _, title, text = page.items[0]
    assert title == "Tổ chức hội nghị cán bộ, công chức hằng năm."
    assert "Biên bản hội nghị. Nghị quyết." in text and "Điều 51" in text
    # no requirement element: the first sentence is the title
    assert page.items[1][1] == "Công khai kế hoạch năm."


@pytest.mark.parametrize("page_html, expected", [
    # void and self-closing tags, a comment holding a tag, two items in one container
    ('<div><p id="ck-a" class="x">A <b>b</b><br>c<br/> d. e</p><p id="ck-b">B<!-- <p> -->.</p></div>',
     [("ck-a", "A b c d.", "A b c d. e"), ("ck-b", "B.", "B.")]),
    # an item inside an item is part of it; the label is not text
    ('<div id="ck-outer"><p id="ck-inner">x</p><p class="ck-item__requirement">Req '
     '<span class="ck-item__label">L</span></p></div>',
     [("ck-outer", "Req", "x Req")]),
    # ">" in a quoted value, single quotes, a void element with an item id, other ids
    ("<p title='a>b' id='ck-q'>Q</p><img id=\"ck-img\" alt=\"\"><p id=\"other\">no</p>"
     '<p data-id="ck-no">no</p>', [("ck-q", "Q", "Q")]),
    ('<p id="ck-u">unclosed <em>text', []),
])
def test_anchored_items_are_read_as_html_parser_reads_them(page_html, expected):
    assert anchored_items(page_html) == expected


def test_index_builder_keeps_pages_before_sections_and_plain_text():
    index = build_index(fixture_pages("vi"), "vi")
    assert index["config"]["lang"] == ["vi"]
    re.compile(index["config"]["separator"])  # Material's highlighter compiles it
    docs = index["docs"]
    seen_pages = set()
    for doc in docs:
        path = doc["location"].split("#")[0]
        if "#" in doc["location"]:
            assert path in seen_pages, f"section before its page: {doc['location']}"
        else:
            seen_pages.add(path)
        assert "<" not in doc["text"] and "<" not in doc["title"]
    law51 = next(d for d in docs if d["location"].startswith("van-ban/luat-10-2022-qh15/#dieu-51-"))
    assert law51["a"] == 51
    assert law51["text"] == "Người đứng đầu phối hợp với công đoàn tổ chức hội nghị & hằng năm."
    law = next(d for d in docs if d["location"] == "van-ban/luat-10-2022-qh15/")
    assert "10/2022/QH15" in law["c"]
    # an article-like anchor outside a regulation page is not an article
    chapter51 = next(d for d in docs if d["location"].startswith("cam-nang/hoi-nghi-can-bo/#dieu-51"))
    assert "a" not in chapter51
    checklist = next(d for d in docs if d["location"] == "cam-nang/hoi-nghi-can-bo/#ck-to-chuc-hoi-nghi-hang-nam")
    assert checklist["k"] == "ck" and checklist["title"].startswith("Tổ chức hội nghị")
    question = next(d for d in docs if d["location"] == "hoi-dap/hoi-nghi/#ai-trieu-tap-hoi-nghi-can-bo")
    assert question["title"] == "Ai triệu tập hội nghị cán bộ?"


def test_english_index_is_relative_to_the_english_root():
    index = build_index(fixture_pages("en"), "en", url_prefix="en/")
    locations = [d["location"] for d in index["docs"]]
    assert locations[0] == "van-ban/luat-10-2022-qh15/"
    assert all(not loc.startswith("en/") for loc in locations)
    assert index["docs"][1]["a"] == 51


def test_worker_file_name_is_fingerprinted_by_content():
    assert search.worker_filename("a") != search.worker_filename("b")
    assert re.fullmatch(r"search-handbook\.[0-9a-f]{8}\.js", search.worker_filename("a"))





# --- What a reader reads: snippets without the page's machinery -------------

CHECKLIST_ROW_SECTION = (
    '<table><thead><tr><th><abbr title="số thứ tự">STT</abbr></th><th>Yêu cầu</th><th>Kết quả</th></tr></thead>'
    '<tbody><tr><td>30</td><td>Tổ chức hội nghị hằng năm. <span class="ck-more"><a href="../../cam-nang/x/#ck-a" '
    'title="Xem giải thích">giải thích</a></span></td><td><fieldset class="ck-choice"><legend class="ck-sr">'
    'Kết quả, STT 30</legend><label><input type="radio" name="r" value="dat"> Đạt</label><label>'
    '<input type="radio" name="r" value="chua-dat"> Chưa đạt</label></fieldset></td>'
    '<td><textarea class="ck-note" aria-label="Ghi chú, STT 30"></textarea></td></tr></tbody></table>')


def test_snippet_text_has_no_table_headers_form_controls_or_checklist_links():
    text = search.readable_text(CHECKLIST_ROW_SECTION)
    assert text == "Tổ chức hội nghị hằng năm."


def test_snippet_text_has_no_item_box_title_with_its_id_nor_cited_in_lists():
    box = ('<div class="admonition ck-item"><p class="admonition-title">Việc cần làm · hoi-nghi-to-chuc</p>'
           '<p class="ck-item__requirement" id="ck-hoi-nghi-to-chuc">Tổ chức hội nghị.</p></div>'
           '<div class="handbook-cited"><p>Được dẫn chiếu tại:</p><ul><li><a href="x">Câu hỏi?</a></li></ul></div>')
    assert search.readable_text(box) == "Tổ chức hội nghị."
    # an id shown after a middle dot, whatever element holds it
    assert search.readable_text("<p>Việc cần làm · ban-ttnd-bau-theo-nhiem-ky</p>") == "Việc cần làm"
    # words joined by hyphens in prose stay
    assert search.readable_text("<p>Hội nghị cán bộ · giáo dục tại chỗ, face-to-face</p>") == \
        "Hội nghị cán bộ · giáo dục tại chỗ, face-to-face"


def test_a_table_of_content_keeps_its_cells():
    table = "<table><tr><td>Người chủ trì</td><td>100 người</td></tr><tr><td>7</td><td>người</td></tr></table>"
    # only a row's leading number cell (a checklist's STT column) is left out
    assert search.readable_text(table) == "Người chủ trì 100 người người"


def test_page_documents_leave_out_the_cited_in_section_and_say_which_sections_hold_items():
    page = ('<h1 id="luat">Luật</h1><p>Mở đầu.</p>'
            '<h2 id="viec-can-lam">Việc cần làm</h2><div class="admonition ck-item">'
            '<p class="admonition-title">Việc cần làm · a-b</p><p class="ck-item__requirement" id="ck-a-b">Làm A.</p></div>'
            '<h2 id="duoc-dan-chieu-tai">Được dẫn chiếu tại</h2><p>Các câu hỏi dẫn chiếu văn bản này.</p>'
            '<div class="handbook-cited-index"><ul><li><a href="q/">Ai chủ trì?</a></li></ul></div>')
    found = search.page_documents(page)
    assert [s[0] for s in found["sections"]] == [None, "viec-can-lam"]
    assert found["sections"][1] == ["viec-can-lam", "Việc cần làm", "Làm A.", True]
    assert found["sections"][0][3] is False
    assert found["items"] == [["ck-a-b", "Làm A.", "Làm A."]]
    assert search.valid_documents(found)


@pytest.mark.parametrize(("url", "meta", "kind"), [
    ("", {"type": "index"}, "home"),
    ("cam-nang/cong-khai/", {"type": "chapter"}, "chapter"),
    ("hoi-dap/hoi-nghi/", {"type": "qa"}, "qa"),
    ("van-ban/luat-10-2022-qh15/", {"type": "regulation"}, "regulation"),
    ("hoi-dap/", {"type": "index", "generate": "qa-index"}, "index"),
    ("bang-kiem/kiem-tra/", {"generate": "checklist-inspection"}, "checklist"),
    ("bang-kiem/ke-hoach-nam/", {"generate": "dated-plan"}, "checklist"),
    ("mau-van-ban/bien-ban-hoi-nghi/", {"model": {"kind": "Biên bản"}}, "model"),
    ("thuat-ngu/", {"type": "glossary"}, "glossary"),
    ("khac/", {}, "page"),
])
def test_page_kind_from_front_matter(url, meta, kind):
    assert search.page_kind(url, meta) == kind


def test_editors_pages_are_not_readers_pages():
    assert search.is_editors_page("bien-tap/")
    assert search.is_editors_page("bien-tap/chua-xac-minh/")
    assert not search.is_editors_page("cam-nang/bien-tap-vien/")
    assert not search.is_editors_page("")


def test_index_documents_carry_their_page_kind_and_checklist_sections_theirs():
    pages = [PageRecord(url="cam-nang/a/", title="A", kind="chapter",
                        entries=[{"location": "cam-nang/a/", "title": "A", "text": "a"},
                                 {"location": "cam-nang/a/#viec-can-lam", "title": "Việc cần làm", "text": "x",
                                  "items": True},
                                 {"location": "cam-nang/a/#quy-dinh", "title": "Quy định", "text": "y"}]),
             PageRecord(url="khac/", title="Khác", entries=[{"location": "khac/", "title": "Khác", "text": ""}])]
    docs = {d["location"]: d for d in build_index(pages, "vi")["docs"]}
    assert docs["cam-nang/a/"]["k"] == "chapter"
    assert docs["cam-nang/a/#viec-can-lam"]["k"] == "ck"
    assert "k" not in docs["cam-nang/a/#quy-dinh"] and "k" not in docs["khac/"]


def test_a_generated_lists_sections_keep_their_start_only():
    rows = " ".join(f"Việc số {n} của đơn vị phải làm đúng hạn." for n in range(1, 40))
    pages = [PageRecord(url="bang-kiem/lich-nam/", title="Lịch", kind="checklist",
                        entries=[{"location": "bang-kiem/lich-nam/", "title": "Lịch", "text": "Mở đầu."},
                                 {"location": "bang-kiem/lich-nam/#thang-1", "title": "Tháng 1", "text": rows}]),
             PageRecord(url="cam-nang/a/", title="A", kind="chapter",
                        entries=[{"location": "cam-nang/a/#b", "title": "B", "text": rows}])]
    docs = {d["location"]: d for d in build_index(pages, "vi")["docs"]}
    summary = docs["bang-kiem/lich-nam/#thang-1"]["text"]
    assert summary.startswith("Việc số 1 của đơn vị") and summary.endswith("hạn. …")
    assert len(summary) <= search.LIST_SECTION_CHARS + 2
    assert docs["cam-nang/a/#b"]["text"] == rows   # a chapter keeps its text
    assert search.list_summary("Ngắn.") == "Ngắn."
