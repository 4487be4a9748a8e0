"""Shared data and helpers of the search tests (tests/unit/search/,
tests/site/test_search_index.py, tests/browser/test_search.py): Vietnamese
words and their keys, the fixture pages (tests/fixtures/search/pages.json) as
the index builder receives them, and sections as Material's own search parser
finds them, to compare ours with."""
from __future__ import annotations

import json
import re

from material.plugins.search.plugin import Parser

from conftest import ROOT
from handbook.search import index as search
from handbook.search.index import PageRecord, anchored_items, html_to_text

FIXTURES = ROOT / "tests" / "fixtures" / "search"

# word, folded key, exact (tone-placement-free) key
FOLDING_TABLE = [
    ("Điều", "dieu", "điêu~1"),
    ("ĐIỀU", "dieu", "điêu~1"),
    ("đ", "d", "đ"),
    ("Đảng", "dang", "đang~3"),
    ("người", "nguoi", "ngươi~1"),       # ư, ơ
    ("ưu", "uu", "ưu"),
    ("cơ", "co", "cơ"),
    ("sở", "so", "sơ~3"),
    ("số", "so", "sô~2"),
    ("Đặc", "dac", "đăc~5"),            # ă
    ("năm", "nam", "năm"),
    ("dân", "dan", "dân"),              # â
    ("ấn", "an", "ân~2"),
    ("khỏe", "khoe", "khoe~3"),
    ("quý", "quy", "quy~2"),
    ("chủ", "chu", "chu~3"),
    ("10/2022", "10/2022", "10/2022"),  # not a word, but keys never break it
    ("QH15", "qh15", "qh15"),
    ("Inspection", "inspection", "inspection"),
]


# the same word in old (traditional) and new tone placement
TONE_PLACEMENT_PAIRS = [
    ("hòa", "hoà"), ("hóa", "hoá"), ("họa", "hoạ"), ("khỏe", "khoẻ"), ("thủy", "thuỷ"),
    ("tùy", "tuỳ"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("khóa", "khoá"), ("xóa", "xoá"),
]


def fixture_pages(lang: str) -> list[PageRecord]:
    data = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))[lang]
    return [PageRecord(url=p["url"], title=p["title"], entries=p["entries"],
                       context=search.page_context(p["title"], p["meta"]),
                       items=anchored_items(p["html"]),
                       regulation=p["meta"].get("type") == "regulation") for p in data]


def plain(found):
    return [(element_id, html_to_text(title), html_to_text(text)) for element_id, title, text in found]


def material_sections(page_html: str):
    """What Material's search plugin finds (its parser, its exclusion rule)."""
    parser = Parser()
    parser.feed(page_html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip())
            for s in parser.data if not s.is_excluded()]


def words(found):
    """Sections with whitespace removed: Material's parser joins the words of
    adjacent table cells, ours keeps a space between them."""
    return [(element_id, re.sub(r"\s+", "", title), re.sub(r"\s+", "", text))
            for element_id, title, text in plain(found)]
