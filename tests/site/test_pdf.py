"""The printable handbook: one PDF per language.

- the PDFs of the shipped content (session ``site``), opened with pypdf:
  A4, fonts embedded and subset, Vietnamese text intact, bookmarks, contents
  with leader dots and page numbers, checklists; tagged for accessibility
  (PDF/UA-1: structure tree, language, title shown, XMP), read in order by
  pdftotext, nothing that only makes sense on the web, "cited in" lists
  printed compactly, every word inside the margins, the cover's issuer on
  two whole lines; and the open-source checker ``pdfua``;
- a copy of the project with a sample page holding every printable construct
  (tests/fixtures/pdf/mau-in.md, session ``pdf_sample_site``): tables,
  admonitions, details, tabs, task lists, links; broken on purpose.

The plain functions on small inputs: tests/unit/publish/test_pdf_assemble.py;
the sample page printed from Chromium: tests/browser/test_print.py.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
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


def _page_texts(reader: PdfReader) -> list[str]:
    """Every page's text, extracted once per reader (pypdf takes seconds per
    handbook; the module-scoped readers are asked by many tests)."""
    texts = getattr(reader, "_handbook_texts", None)
    if texts is None:
        texts = reader._handbook_texts = [page.extract_text() or "" for page in reader.pages]
    return texts


def _text(reader: PdfReader) -> str:
    return "\n".join(_page_texts(reader))


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
    """A4, upright; the checklists' forms across (landscape)."""
    _, reader, _ = shipped
    assert len(reader.pages) > 3
    for number, page in enumerate(reader.pages, start=1):
        size = tuple(sorted((float(page.mediabox.width), float(page.mediabox.height))))
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
        assert re.fullmatch(r"/[A-Z]{6}\+Handbook-(Serif|Sans)(-[\w-]+)?", name), \
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


# Page furniture at the end of a page's text: the page number (top), then the
# edition and the running title (bottom).
_FURNITURE = re.compile(r"\s*(\d+) (?:Ấn bản ngày|Edition of) [^.]*?\d{4}(?: (?P<title>.+))?$")


def _page(reader: PdfReader, number: int) -> tuple[str, int | None, str | None]:
    """(text, page number printed, running title) of a page (1-based),
    whitespace collapsed, the text without the page's furniture."""
    text = " ".join(_page_texts(reader)[number - 1].split())
    match = _FURNITURE.search(text)
    if not match:
        return text, None, None
    return text[:match.start()], int(match.group(1)), match.group("title")


def _page_text(reader: PdfReader, number: int) -> str:
    return _page(reader, number)[0]


def _contents(reader: PdfReader, heading: str) -> list[tuple[str, int]]:
    """(title, page number) of every entry of the table of contents: a title,
    leader dots (at least three), its page number."""
    first = _page_text(reader, 2)
    assert first.startswith(heading), f"page 2 does not start with {heading!r}"
    first_entry = re.search(r"\.{3,}\s*(\d+)", first)
    assert first_entry, "contents entries have no page numbers"
    text = " ".join(_page_text(reader, n) for n in range(2, int(first_entry.group(1))))
    text = text[len(heading):]
    entries = [(title.strip(), int(number))
               for title, number in re.findall(r"\s*(.+?)\s*\.{3,}(?:\s*\.+)*\s*(\d+)(?=\s|$)", text)]
    # nothing is left over: every entry had its dots and its number
    rest = re.sub(r"\s*(.+?)\s*\.{3,}(?:\s*\.+)*\s*(\d+)(?=\s|$)", "", text).strip()
    assert not rest, f"contents text without leader dots and a page number: {rest[:200]!r}"
    return entries


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


def test_chapters_start_on_new_pages_under_their_running_title(shipped):
    lang, reader, _ = shipped
    entries = _contents(reader, "Mục lục" if lang == "vi" else "Contents")
    assert len(entries) >= 5
    for title, number in entries:
        text, printed, running = _page(reader, number)
        assert text.startswith(title), f"{title!r} does not open page {number}"
        # the page number on top, the chapter's title at the foot (its first
        # words and an ellipsis when it is long)
        assert printed == number, f"page {number} prints {printed}"
        assert running and (running == title or (running.endswith("…") and title.startswith(running[:-1]))), \
            f"page {number}: running title {running!r} for {title!r}"


def _pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_text_comes_out_in_reading_order(shipped, site):
    """pdftotext (layout analysis, as many screen readers and search tools
    read untagged text) gives each page's number first and its running title
    last: never between a table's header cells."""
    lang, reader, _ = shipped
    path = site / (VI_PDF if lang == "vi" else EN_PDF)
    pages = _pdftotext(path).split("\f")
    table_pages = 0
    for number, text in enumerate(pages[1:len(reader.pages)], start=2):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines and lines[0] == str(number), f"page {number} does not start with its number: {lines[:3]}"
        _, _, running = _page(reader, number)
        if running:
            assert running in " ".join(lines[-3:]), f"page {number}: running title not at the foot"
        if lines[1] in ("STT", "No."):  # a table continued from the page before: its header row first
            table_pages += 1
            assert running not in lines[1:12], f"page {number}: running title among the header cells"
    assert table_pages, "no page starts with a table's header row (STT ...)"


def test_every_word_stays_inside_the_margins(shipped, site):
    """No table (the yearly calendar has 16 columns) or address runs into
    the right margin: every word's box ends inside the text area (A4 minus
    the right margin of 18 mm), checked with pdftotext's word boxes."""
    lang, _, _ = shipped
    path = site / (VI_PDF if lang == "vi" else EN_PDF)
    boxes = BeautifulSoup(_pdftotext(path, "-bbox"), "html.parser")
    outside = []
    for number, page in enumerate(boxes.select("page"), start=1):
        # portrait pages: an 18 mm right margin; the checklists' landscape forms: 14 mm
        width = float(page["width"])
        margin = 18 if width < float(page["height"]) else 14
        right = width - margin / 25.4 * 72 + 2.0   # 2 pt: rounding, justified lines
        for word in page.select("word"):
            if float(word["xmax"]) > right:
                outside.append((number, word.get_text(), round(float(word["xmax"]) - right + 1, 1)))
    assert not outside, f"words in the right margin (page, word, points past): {outside[:20]}"


def test_pdf_is_tagged_for_accessibility(shipped):
    """PDF/UA-1 as WeasyPrint writes it: marked, a structure tree with
    headings, paragraphs, lists, tables with header cells and links, the
    document's language, the title shown by viewers, XMP metadata that
    names the title and claims PDF/UA-1; and bookmarks."""
    lang, reader, _ = shipped
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert str(catalog["/Lang"]) == lang
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    title = "Cẩm nang thực hiện dân chủ ở cơ sở" if lang == "vi" else "Handbook on Grassroots Democracy"
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp.replace(" ", "") or 'pdfuaid:part="1"' in xmp, xmp[:500]
    assert title in xmp and str(reader.metadata.title) == title
    counts: dict[str, int] = {}
    figures_without_alt = 0
    stack = [catalog["/StructTreeRoot"].get_object()]
    while stack:
        element = stack.pop().get_object()
        kind = str(element.get("/S", ""))
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "/Figure" and not element.get("/Alt"):
            figures_without_alt += 1
        kids = element.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        stack.extend(k for k in kids if hasattr(k, "get_object") and hasattr(k.get_object(), "get"))
    for kind in ("/Document", "/Sect", "/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/Link"):
        assert counts.get(kind), f"no {kind} element in the structure tree: {counts}"
    assert counts["/H1"] >= len(list(_outline(reader))) // 10
    assert figures_without_alt == 0
    assert reader.outline, "no bookmarks"


def test_pdf_ua_checker_finds_no_error_of_ours(shipped, site):
    """The open-source checker ``pdfua`` (PyPI; the machine-checkable part of
    PDF/UA-1, no JVM: structure tree, marked content, language, figures'
    alternative text, tables, link descriptions, headings, title, XMP).
    Tables it cannot read (UA-15-003) are checked by test above; its
    findings there are the checklists' continued rows and the model
    documents' layout tables (see src/handbook/publish/pdf/README.md)."""
    lang, _, _ = shipped
    path = site / (VI_PDF if lang == "vi" else EN_PDF)
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)],
                            capture_output=True, text=True)
    assert result.returncode in (0, 1, 2, 3), result.stderr
    report = json.loads(result.stdout)
    findings = [f for file in (report if isinstance(report, list) else report.get("files", [report]))
                for f in file.get("findings", [])]
    ours = [f for f in findings if f.get("severity") == "error" and f.get("rule_id", f.get("rule")) != "UA-15-003"]
    assert not ours, ours[:10]


def test_nothing_only_for_the_web_is_printed(shipped):
    lang, reader, _ = shipped
    text = " ".join(_text(reader).split())
    for words in ("Ctrl+P", "Xuất tệp", "trong trình duyệt", "this browser", "Sửa trang này", "Edit this page",
                  "git.example"):
        assert words not in text, f"{words!r} printed in the {lang} PDF"


def test_cited_in_lists_are_printed_compactly_with_page_numbers(shipped):
    """The Law's page prints one "cited in" list, one line per kind of
    citing page, each citing page with its page number; none under each
    article."""
    lang, reader, _ = shipped
    law = "Luật Thực hiện dân chủ ở cơ sở" if lang == "vi" else "Law on Implementing Grassroots Democracy"
    entries = _contents(reader, "Mục lục" if lang == "vi" else "Contents")
    position = next(i for i, (title, _) in enumerate(entries) if title.startswith(law))
    start, end = entries[position][1], entries[position + 1][1]
    text = " ".join(_page_text(reader, n) for n in range(start, end))
    heading = "Được dẫn chiếu tại" if lang == "vi" else "Cited in"
    assert text.count(heading) == 1, f"{heading!r} printed {text.count(heading)} times on the Law's pages"
    index = text[text.index(heading):]
    word = "tr." if lang == "vi" else "p."
    references = re.findall(rf"([^;:]+?), {re.escape(word)} (\d+)", index)
    assert len(references) >= 5, index[:500]
    for title, number in references:
        # the page opens with that title (its first words: a long title wraps)
        opening = " ".join(title.split()[:4])
        assert _page_text(reader, int(number)).startswith(opening), (title, number)
    assert end - start <= 20, f"the Law takes {end - start} pages"


def test_cover_breaks_the_issuer_between_whole_names(shipped, site):
    lang, _, _ = shipped
    path = site / (VI_PDF if lang == "vi" else EN_PDF)
    lines = [line.strip() for line in _pdftotext(path, "-f", "1", "-l", "1").splitlines() if line.strip()]
    if lang == "vi":
        assert lines[:2] == ["BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", "NGÀNH KIỂM SÁT NHÂN DÂN"], lines
    else:
        assert lines[:2] == ["STEERING COMMITTEE FOR IMPLEMENTING GRASSROOTS DEMOCRACY",
                             "PEOPLE'S PROCURACY SECTOR"], lines


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
