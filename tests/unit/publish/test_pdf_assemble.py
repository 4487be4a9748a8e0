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


# --- what only the web needs, and what paper needs instead ------------------------

def test_web_only_text_and_per_article_cited_lists_are_not_printed():
    body = ('<h1>Bảng</h1><p class="web-only">Dùng nút Xuất tệp… (Ctrl+P)</p><p>Giữ lại</p>'
            '<h2 id="dieu-5">Điều 5</h2><p>Tóm tắt Điều 5.</p>'
            '<details class="handbook-cited"><summary>Được dẫn chiếu tại 2 nơi</summary>'
            '<ul><li><a href="../b/">B</a></li></ul></details>')
    text = BeautifulSoup(assemble.assemble([_page("a/", body)], LABELS, "").html, "html.parser").get_text(" ")
    assert "Xuất tệp" not in text and "Ctrl+P" not in text and "Được dẫn chiếu tại" not in text
    assert "Giữ lại" in text and "Tóm tắt Điều 5." in text


def test_the_page_cited_in_list_is_printed_compactly_with_page_numbers():
    law = _page("van-ban/luat/", '<h1>Luật</h1><h2 id="duoc-dan-chieu-tai">Được dẫn chiếu tại</h2>'
                '<div class="handbook-cited-index"><ul>'
                '<li data-kind="qa" data-articles="Điều 46, Điều 2"><a href="../../hoi-dap/a/#q1">Hỏi 1?</a> — Hỏi – Đáp</li>'
                '<li data-kind="qa" data-articles="Điều 4, Điều 2"><a href="../../hoi-dap/a/#q2">Hỏi 2?</a> — Hỏi – Đáp</li>'
                '<li data-kind="chapter" data-articles="Điều 5"><a href="../../cam-nang/c/#s">C › S</a> — Cẩm nang</li>'
                '<li data-kind="chapter" data-articles=""><a href="../../">Trang chủ</a> — Cẩm nang</li>'
                '</ul></div>')
    chapter = assemble.PdfPage("docs/cam-nang/c.md", "cam-nang/c/", 2,
                               '<article class="md-content__inner"><h1>Chương C</h1><h2 id="s">S</h2></article>',
                               title="Chương C")
    qa = assemble.PdfPage("docs/hoi-dap/a.md", "hoi-dap/a/", 2,
                          '<article class="md-content__inner"><h1>Hỏi đáp A</h1>'
                          '<h2 id="q1">Hỏi 1?</h2><h2 id="q2">Hỏi 2?</h2></article>', title="Hỏi đáp A")
    soup = BeautifulSoup(assemble.assemble([chapter, qa, law], LABELS, "").html, "html.parser")
    printed = soup.select_one("#p3 .pdf-cited")
    assert printed is not None and soup.select_one("#p3 .handbook-cited-index") is None
    lines = [" ".join(p.get_text().split()) for p in printed.select("p")]
    # one entry per citing page, its articles merged and in order; the page number
    # comes from the link (pdf.css: target-counter), the page not printed is left out
    assert lines == ["Hỏi – Đáp: Hỏi đáp A, tr. (Điều 2, 4, 46).", "Cẩm nang: Chương C, tr. (Điều 5)."]
    assert [a["href"] for a in printed.select("a.pdf-page-ref")] == ["#p2", "#p1"]


def test_wide_tables_are_marked_and_long_running_titles_shortened():
    cells = "".join(f"<th>T{i}</th>" for i in range(1, 13))
    body = f'<h1>Lịch</h1><table><tr><th>STT</th>{cells}</tr></table><table><tr><th>A</th><th>B</th></tr></table>'
    soup = BeautifulSoup(assemble.assemble([_page("a/", body)], LABELS, "").html, "html.parser")
    assert [t.get("class") for t in soup.select("table")] == [["pdf-wide"], None]
    assert soup.select_one("section.pdf-chapter")["data-running"] == "Lịch"
    long = "Quyết định 302/QĐ-VKSTC ban hành Quy chế hoạt động của Ban Chỉ đạo thực hiện dân chủ ở cơ sở ngành"
    short = assemble.running_title(long, 60)
    assert short.endswith("…") and long.startswith(short[:-1]) and len(short) <= 61


def test_cover_gives_the_issuer_on_whole_lines():
    labels = assemble.Labels(lang="vi", title="Cẩm nang", issuer="Ban Chỉ đạo ngành Kiểm sát nhân dân",
                             edition="Ấn bản", contents="Mục lục",
                             issuer_lines=("Ban Chỉ đạo", "ngành Kiểm sát nhân dân"))
    soup = BeautifulSoup(assemble.assemble([_page("a/", "<h1>A</h1>")], labels, "").html, "html.parser")
    issuer = soup.select_one(".pdf-cover__issuer")
    assert [s.strip() for s in issuer.stripped_strings] == ["Ban Chỉ đạo", "ngành Kiểm sát nhân dân"]
    assert pdf.labels("vi")["issuer_lines"][1] == "ngành Kiểm sát nhân dân"
