"""The printable handbook: one PDF per language.

- the PDFs of the shipped content (session ``site``), opened with pypdf:
  A4, fonts embedded and subset, Vietnamese text intact, bookmarks, contents
  with page numbers, checklists;
- a copy of the project with a sample page holding every printable construct
  (tests/fixtures/pdf/mau-in.md, session ``pdf_sample_site``): tables,
  admonitions, details, tabs, task lists, links; broken on purpose.

The plain functions on small inputs: tests/unit/publish/test_pdf_assemble.py;
the sample page printed from Chromium: tests/browser/test_print.py.
"""
from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from conftest import ROOT, pdf_sample_project, run_build

A4 = (595.28, 841.89)  # points
EDITION = "2026-11-30"
VI_PDF = f"cam-nang-dan-chu-co-so-{EDITION}.pdf"
EN_PDF = f"handbook-grassroots-democracy-{EDITION}.en.pdf"


# --- the shipped content -------------------------------------------------------

def _pdf(site: Path, name: str) -> PdfReader:
    path = site / name
    assert path.is_file(), f"{name} not built; PDFs in site/: {sorted(p.name for p in site.glob('*.pdf'))}"
    return PdfReader(path)


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _outline(reader: PdfReader, items=None, depth=1):
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from _outline(reader, item, depth + 1)
        else:
            yield item.title, depth, reader.get_destination_page_number(item) + 1


def _h1(html_file: Path) -> str:
    h1 = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    for link in h1.select(".headerlink"):
        link.decompose()
    return " ".join(h1.get_text().split())


def _chapter_titles(site: Path, prefix: str = "") -> list[str]:
    chapters = sorted((site / prefix / "cam-nang").glob("*/index.html"))
    assert chapters, "no chapters built"
    return [_h1(f) for f in chapters]


@pytest.fixture(scope="module", params=[("vi", VI_PDF, ""), ("en", EN_PDF, "en")], ids=["vi", "en"])
def shipped(request, site):
    lang, name, prefix = request.param
    return lang, _pdf(site, name), prefix


def test_pdfs_are_offered_in_the_header_and_on_the_home_page(site):
    for prefix, name, label in (("", VI_PDF, "Tải bản PDF"), ("en", EN_PDF, "Download PDF")):
        home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
        header = home.select_one("header.md-header a.handbook-pdf-link")
        assert header is not None and label in header.get_text()
        assert (site / prefix / header["href"]).resolve() == (site / name).resolve()
        body = home.select_one("article .handbook-pdf-home a")
        assert body is not None and label in body.get_text()
        deep = site / prefix / "cam-nang" / "cong-khai" / "index.html"
        link = BeautifulSoup(deep.read_text(encoding="utf-8"), "html.parser").select_one("a.handbook-pdf-link")
        assert (deep.parent / link["href"]).resolve() == (site / name).resolve()


def test_every_page_is_a4(shipped):
    _, reader, _ = shipped
    assert len(reader.pages) > 3
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=0.5), f"page {number} is {size}, not A4"


def _fonts(reader: PdfReader) -> dict[str, dict]:
    found = {}
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            found[str(font["/BaseFont"])] = descendant.get("/FontDescriptor", {}).get_object() \
                if descendant.get("/FontDescriptor") else {}
    return found


def test_every_font_is_ours_embedded_and_subset(shipped):
    _, reader, _ = shipped
    fonts = _fonts(reader)
    assert fonts
    for name, descriptor in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+Handbook-(Serif|Sans)(-\w+)?", name), \
            f"{name}: not a subset of the Noto fonts in fonts/ (a fallback font means a missing glyph)"
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), \
            f"{name} is not embedded"


@pytest.fixture(scope="module")
def noto_coverage() -> set[int]:
    """Code points that every face used by the PDF can draw."""
    faces = [TTFont(ROOT / "fonts" / f"Noto{family}-{style}.ttf")
             for family in ("Serif", "Sans") for style in ("Regular", "Bold", "Italic", "BoldItalic")]
    covered = set(faces[0].getBestCmap())
    for face in faces[1:]:
        covered &= set(face.getBestCmap())
    return covered


def test_text_is_vietnamese_nfc_with_every_glyph(shipped, site, noto_coverage):
    lang, reader, prefix = shipped
    text = _text(reader)
    assert "\ufffd" not in text, "replacement character in the PDF text"
    assert unicodedata.normalize("NFC", text) == text, "PDF text is not NFC"
    flat = " ".join(text.split())
    expected = ["Cẩm nang thực hiện dân chủ ở cơ sở",  # cover: title, issuer (upper case), contents
                "BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ NGÀNH KIỂM SÁT NHÂN DÂN",
                "Mục lục"] if lang == "vi" else ["Handbook on Grassroots Democracy", "Contents"]
    for title in expected + _chapter_titles(site, prefix):
        assert title in flat, f"{title!r} missing from the {lang} PDF text"
    # The source text's characters (titles and body) can all be drawn by the
    # embedded fonts; anything else would come out as a box or a fallback font.
    missing = {ch for ch in text if not ch.isspace() and ord(ch) not in noto_coverage}
    assert not missing, f"characters the fonts cannot draw: {sorted(missing)}"


def test_bookmarks_list_every_chapter(shipped, site):
    _, reader, prefix = shipped
    bookmarks = [title for title, _, _ in _outline(reader)]
    for title in _chapter_titles(site, prefix):
        assert title in bookmarks, f"chapter {title!r} has no bookmark"


def _page_text(reader: PdfReader, number: int) -> str:
    """Text of a page (1-based), whitespace collapsed, without the footer."""
    text = " ".join((reader.pages[number - 1].extract_text() or "").split())
    return re.sub(r"\s*(Ấn bản ngày|Edition of) [^.]*$", "", text)


def _contents(reader: PdfReader, heading: str) -> list[tuple[str, int]]:
    """(title, page number) of every entry of the table of contents."""
    first = _page_text(reader, 2)
    assert first.startswith(heading), f"page 2 does not start with {heading!r}"
    first_entry = re.search(r"\.{3,}\s*(\d+)", first)
    # a title that fills its line leaves room for one leader dot only
    assert first_entry, "contents entries have no page numbers"
    text = " ".join(re.sub(r"\s\d+$", "", _page_text(reader, n))  # drop the page number on top
                    for n in range(2, int(first_entry.group(1))))
    text = text[len(heading):]
    return [(title.strip(), int(number))
            for title, number in re.findall(r"\s*(.+?)\s*\.+\s*(\d+)(?=\s|$)", text)]


def test_contents_entries_carry_their_page_numbers(shipped, site):
    lang, reader, prefix = shipped
    entries = _contents(reader, "Mục lục" if lang == "vi" else "Contents")
    titles = [title for title, _ in entries]
    for chapter in _chapter_titles(site, prefix):
        assert chapter in titles, f"chapter {chapter!r} is not in the contents"
    for title, number in entries:
        assert 2 < number <= len(reader.pages), f"{title!r}: page {number} does not exist"
        assert _page_text(reader, number).startswith(title), \
            f"contents: {title!r} on page {number}, but that page does not start with it"


def test_chapters_start_on_new_pages_under_their_running_header(shipped):
    lang, reader, _ = shipped
    entries = _contents(reader, "Mục lục" if lang == "vi" else "Contents")
    assert len(entries) >= 5
    for title, number in entries:
        text = _page_text(reader, number)
        assert text.startswith(title), f"{title!r} does not open page {number}"
        # margin boxes: page number centred on top, then the chapter title
        assert text.endswith(f"{number} {title}"), f"page {number}: no running header for {title!r}"


def _site_checklist_ids(site: Path, prefix: str) -> set[str]:
    """Checklist item ids rendered on the pages of one language (``id="ck-<id>"``)."""
    ids = set()
    for page in (site / prefix).rglob("index.html"):
        if not prefix and page.relative_to(site).parts[0] == "en":
            continue
        ids.update(re.findall(r'id="ck-([a-z0-9-]+)"', page.read_text(encoding="utf-8")))
    return ids


def test_pdf_holds_every_checklist_item_of_the_site(shipped, site):
    lang, reader, prefix = shipped
    ids = _site_checklist_ids(site, prefix)
    assert len(ids) >= 30, f"{lang}: only {len(ids)} checklist items on the site"
    # item boxes print their id; a long id may wrap after one of its hyphens
    text = re.sub(r"-\s+", "-", _text(reader))
    missing = sorted(i for i in ids if i not in text)
    assert not missing, f"{lang} PDF lacks {len(missing)} of the site's {len(ids)} checklist items: {missing}"
    assert len({i for i in ids if i in text}) == len(ids)


# --- a sample page with every printable construct --------------------------------


def test_sample_page_prints_every_construct(pdf_sample_site):
    reader = _pdf(pdf_sample_site, VI_PDF)
    start = next(page for title, _, page in _outline(reader) if title == "Trang mẫu để in")
    text = " ".join(" ".join(reader.pages[i].extract_text() or "" for i in range(start - 1, start + 1)).split())
    for expected in ("Nội dung Hình thức Thời hạn", "Kế hoạch công tác năm",      # table
                     "Ghi chú về việc niêm yết", "Cảnh báo về thời hạn",          # admonitions
                     "Chi tiết thu gọn về hồ sơ", "Nội dung chi tiết ẩn trong khối thu gọn",  # details, opened
                     "Thẻ thứ nhất Nội dung của thẻ thứ nhất",                    # every tab, under its label
                     "Thẻ thứ hai Nội dung của thẻ thứ hai",
                     "Lập kế hoạch công khai", "Niêm yết tại trụ sở"):            # task list
        assert expected in text, f"{expected!r} not printed"
    assert "(https://vksndtc.gov.vn/)" in text.replace(" ", ""), "external address not printed"
    assert "[ ]" not in text


def test_sample_page_links_lead_inside_the_document(pdf_sample_site):
    reader = _pdf(pdf_sample_site, VI_PDF)
    bookmarks: dict[str, int] = {}
    for title, _, page in _outline(reader):  # the first of equal titles: the chapter, not a later model
        bookmarks.setdefault(title, page)
    targets, external = [], []
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            action = annot.get("/A", {})
            if action.get("/S") == "/URI":
                external.append(str(action["/URI"]))
            elif "/Dest" in annot or action.get("/S") == "/GoTo":
                dest = annot.get("/Dest") or action.get("/D")
                if isinstance(dest, str) or hasattr(dest, "encode"):
                    dest = reader.named_destinations[str(dest)]
                    targets.append(reader.get_destination_page_number(dest) + 1)
                else:
                    targets.append(reader.get_page_number(dest[0].get_object()) + 1)
    assert "https://vksndtc.gov.vn/" in external
    assert bookmarks["Công khai thông tin"] in targets, "link to another chapter is not internal"
    assert bookmarks["Bảng công khai"] in targets, "link to a section of the page is not internal"


def test_broken_page_fails_the_build_naming_it_and_keeps_the_previous_pdf(pdf_sample_site, tmp_path):
    project = pdf_sample_project(tmp_path / "project")
    out = tmp_path / "site"
    shutil.copytree(pdf_sample_site, out)  # the last good site, with its PDFs
    before = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    assert VI_PDF in before and EN_PDF in before
    (project / "docs" / "assets" / "images" / "so-do.png").write_bytes(b"not a picture")
    page = project / "docs" / "mau-in.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![Sơ đồ](assets/images/so-do.png)\n",
                    encoding="utf-8")
    result = run_build(project, out, pdf=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "docs/mau-in.md" in output and "PDF" in output and "so-do.png" in output, output
    assert "giữ nguyên" in output
    assert {p.name: p.read_bytes() for p in out.glob("*.pdf")} == before, "previous PDF was touched"
    assert not list(out.parent.glob(".site.building-*")), "staging folder left behind"
