"""The search index builder (handbook.search.index) on fixture pages
(tests/fixtures/search/pages.json): article numbers, checklist items as
documents of their own, pages before their sections, plain text, the English
index relative to /en/, the worker's fingerprinted name. (The index files of
the built site: tests/site/test_search_index.py.)"""
from __future__ import annotations

import re

import pytest

from handbook.search import index as search
from handbook.search.index import anchored_items, article_number, build_index
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



