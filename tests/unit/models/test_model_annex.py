"""The models print as the handbook's annex: the section's first page is
titled "Phụ lục: Mẫu văn bản" / "Annex: Model documents", in the contents
too; the other pages keep their titles. (The printed form itself:
tests/site/test_models.py.)"""
from __future__ import annotations

from handbook.publish import pdf
from handbook.publish.pdf.assemble import Labels, PdfPage, assemble

ARTICLE = '<article class="md-content__inner md-typeset"><h1>{}</h1><p>…</p></article>'


def test_annex_prefix_is_given_to_the_models_index_only():
    assert pdf.annex_prefix("mau-van-ban/index.md", "vi") == "Phụ lục: "
    assert pdf.annex_prefix("mau-van-ban/index.md", "en") == "Annex: "
    assert pdf.annex_prefix("mau-van-ban/ke-hoach-hoi-nghi-can-bo.md", "vi") == ""
    assert pdf.annex_prefix("cam-nang/index.md", "vi") == ""


def test_the_annex_title_is_printed_and_listed_in_the_contents():
    pages = [PdfPage("docs/cam-nang/index.md", "cam-nang/", 1, ARTICLE.format("Cẩm nang")),
             PdfPage("docs/mau-van-ban/index.md", "mau-van-ban/", 1, ARTICLE.format("Mẫu văn bản"),
                     prefix=pdf.annex_prefix("mau-van-ban/index.md", "vi"))]
    labels = Labels("vi", "Cẩm nang", "Ban Chỉ đạo", "Ấn bản", "Mục lục")
    document = assemble(pages, labels, "")
    assert [title for _, title, _, _ in document.chapters] == ["Cẩm nang", "Phụ lục: Mẫu văn bản"]
    assert "<h1>Phụ lục: Mẫu văn bản</h1>" in document.html
    assert '<a href="#p2">Phụ lục: Mẫu văn bản</a>' in document.html
