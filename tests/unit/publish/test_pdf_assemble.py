"""The printable handbook's plain functions (handbook.publish.pdf) on small
inputs: file names with the edition date, which pages are printed, and the
document assembled from the pages' articles (links inside the document, tabs,
details and task lists flattened, a page without an article named). (The
PDFs themselves: tests/site/test_pdf.py; the PDF switch and the edition
setting: tests/unit/build/test_settings.py.)"""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from handbook.publish import pdf
from handbook.publish.pdf import assemble


def test_file_names_carry_the_edition_date():
    day = dt.date(2026, 11, 30)
    assert pdf.file_name("vi", day) == "cam-nang-dan-chu-co-so-2026-11-30.pdf"
    assert pdf.file_name("en", day) == "handbook-grassroots-democracy-2026-11-30.en.pdf"


def test_edition_date_from_the_setting_or_git(tmp_path):
    assert pdf.edition_date(dt.date(2027, 1, 5), tmp_path) == dt.date(2027, 1, 5)
    # no setting, no git: today
    assert pdf.edition_date(None, tmp_path, today=dt.date(2030, 1, 1)) == dt.date(2030, 1, 1)


def test_home_and_editors_pages_are_not_printed():
    assert pdf.excluded("index.md") and pdf.excluded("bien-tap/index.md")
    assert not pdf.excluded("cam-nang/index.md") and not pdf.excluded("thuat-ngu.md")


def _page(url, body, depth=2, source=None):
    html = (f'<html><body><nav>menu</nav><article class="md-content__inner md-typeset">{body}'
            f'</article><footer>footer</footer></body></html>')
    return assemble.PdfPage(source=source or f"docs/{url}index.md", url=url, depth=depth, html=html)


LABELS = assemble.Labels(lang="vi", title="Cẩm nang", issuer="Ban Chỉ đạo", edition="Ấn bản",
                         contents="Mục lục")


def test_assemble_keeps_articles_only_and_links_inside_the_document():
    one = _page("a/", '<h1 id="tieu-de">Một<a class="headerlink" href="#tieu-de">¶</a></h1>'
                      '<p id="x">Xem <a href="../b/#dieu-1">Điều 1</a>, <a href="#x">đây</a>, '
                      '<a href="../">trang chủ</a>, <a href="https://example.org/a">web</a>.</p>')
    two = _page("b/", '<h1>Hai</h1><h2 id="dieu-1">Điều 1</h2><p id="x">x</p>')
    doc = assemble.assemble([one, two], LABELS, "")
    soup = BeautifulSoup(doc.html, "html.parser")
    assert "menu" not in doc.html and "footer" not in doc.html and "¶" not in doc.html
    ids = [el["id"] for el in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "ids must be unique across pages"
    links = {a.get_text(): a.get("href") for a in soup.select("section a")}
    assert links["Điều 1"] == "#p2--dieu-1" and soup.select_one("#p2--dieu-1")
    assert links["đây"] == "#p1--x"
    assert "trang chủ" not in links, "links to pages that are not printed keep only their words"
    assert links["web"] == "https://example.org/a"
    assert "pdf-external" in soup.find("a", string="web")["class"]
    assert [c[1] for c in doc.chapters] == ["Một", "Hai"]
    toc = [(a.get_text(), a["href"]) for a in soup.select(".pdf-toc a")]
    assert toc == [("Một", "#p1"), ("Hai", "#p2")]


def test_assemble_flattens_tabs_details_and_task_lists():
    body = ('<h1>T</h1><div class="tabbed-set tabbed-alternate" data-tabs="1:2">'
            '<input checked id="__tabbed_1_1" name="__tabbed_1" type="radio">'
            '<input id="__tabbed_1_2" name="__tabbed_1" type="radio">'
            '<div class="tabbed-labels"><label for="__tabbed_1_1">Thẻ A</label>'
            '<label for="__tabbed_1_2">Thẻ B</label></div>'
            '<div class="tabbed-content"><div class="tabbed-block"><p>Nội dung A</p></div>'
            '<div class="tabbed-block"><p>Nội dung B</p></div></div></div>'
            '<details class="info"><summary>Chi tiết</summary><p>Ẩn</p></details>'
            '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox" disabled><span class="task-list-indicator"></span></label> Việc 1</li>'
            '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled checked>'
            '<span class="task-list-indicator"></span></label> Việc 2</li></ul>')
    soup = BeautifulSoup(assemble.assemble([_page("a/", body)], LABELS, "").html, "html.parser")
    tabs = [(t.select_one(".pdf-tab__label").get_text(), t.select_one(".pdf-tab__content").get_text())
            for t in soup.select(".pdf-tab")]
    assert tabs == [("Thẻ A", "Nội dung A"), ("Thẻ B", "Nội dung B")]
    assert not soup.select("input"), "no form controls on paper"
    assert soup.find("details").has_attr("open")
    boxes = soup.select(".pdf-box")
    assert len(boxes) == 2 and "pdf-box--checked" in boxes[1]["class"]


def test_title_comes_before_reader_notices():
    body = ('<div class="admonition warning handbook-notice"><p class="admonition-title">Chưa dịch</p></div>'
            '<h1 id="t">Tiêu đề</h1><p>Nội dung</p>')
    soup = BeautifulSoup(assemble.assemble([_page("a/", body)], LABELS, "").html, "html.parser")
    section = soup.select_one("section.pdf-chapter")
    assert [el.name for el in section.find_all(recursive=False)][:2] == ["h1", "div"]


def test_page_without_article_is_named():
    broken = assemble.PdfPage(source="docs/cam-nang/x.md", url="cam-nang/x/", depth=2,
                              html="<html><body>no article</body></html>")
    with pytest.raises(assemble.PageProblems) as error:
        assemble.assemble([broken], LABELS, "")
    assert "docs/cam-nang/x.md" in str(error.value)
