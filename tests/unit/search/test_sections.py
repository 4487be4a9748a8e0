"""Search sections (handbook.search.sections): the sections of a page, as
Material's search parser finds them, on fixtures. (On every built page:
tests/site/test_search_index.py.)"""
from __future__ import annotations

import pytest

from conftest import ROOT
from handbook.search.sections import _nested_sections, _walk_sections, sections
from search_fixtures import material_sections, plain, words

FIXTURES = ROOT / "tests" / "fixtures" / "search" / "sections"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.html")), ids=lambda p: p.stem)
def test_fixture_sections_match_materials_parser(fixture):
    page_html = fixture.read_text(encoding="utf-8")
    assert words(sections(page_html)) == words(material_sections(page_html))


EXPECTED = {
    "h1-first": [(None, "Tiêu đề", "Lời dẫn & phạm vi."),
                 ("dieu-1-pham-vi", "Điều 1. Phạm vi", "Nội dung VKSND.")],
    # an untitled first part (the page's title is put in by the hook)
    "h2-first": [(None, "", ""), ("muc-a", "Mục A", "x"), ("muc-b", "Mục B b", "y")],
    "preface": [(None, "", "Lời dẫn trước mọi thẻ đoạn"), ("t", "T", "z")],
    # the text after the admonition goes back to the page, not to "Bên trong"
    "nested-admonition": [(None, "T", "một Ghi chú sau hộp"), ("trong", "Bên trong", "trong hộp"),
                          ("z", "Z", "zz")],
    "nested-details": [(None, "T", "Tóm tắt giữa ngoài"), ("d", "D", "trong")],
    "search-exclude": [(None, "T", "giữ giữ nữa"), ("y", "Y", "lại")],
    "search-exclude-upper-case": [(None, "T", "giữ giữ nữa"), ("y", "Y", "lại")],
    "not-text": [(None, "T", "chữ")],
    "code-and-void": [(None, "T", "mã abc Không có id d")],
    # text after an element holding a heading goes back to the latest section
    # no deeper than where it continues
    "nested-deep": [(None, "T", "a b d f"), ("x", "X", "c"), ("y", "Y", "e e2"), ("z", "Z", "g")],
    # the wrapper's start tag opens the page's own part, where "sau" goes back
    "nested-wrapper": [(None, "", "sau"), ("a", "A", "x")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_sections(name):
    page_html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    assert plain(sections(page_html)) == EXPECTED[name]


@pytest.mark.parametrize("name, takes_the_fast_path", [
    ("nested-admonition", True), ("nested-details", True), ("nested-deep", True),
    ("nested-wrapper", True),
    # a stray end tag: only the tag walk follows the parser there
    ("odd-markup", False),
])
def test_nested_headings_counted_by_regular_expressions_or_walked(name, takes_the_fast_path):
    page_html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    fast = _nested_sections(page_html)
    assert (fast is not None) == takes_the_fast_path
    if fast is not None:
        assert plain(fast) == plain(_walk_sections(page_html))


def test_empty_page_has_one_empty_part():
    assert sections("") == material_sections("") == []
    assert plain(sections("chỉ có chữ")) == [(None, "", "chỉ có chữ")]


