"""The Word files, read back with python-docx: the layout of Nghị định
30/2020/NĐ-CP (page, margins, font, heading block, title, page numbers),
Vietnamese text in NFC, every field a dotted blank with its label, and the
same bytes for the same model. (LibreOffice opening them: tests/site/test_models.py.)"""
from __future__ import annotations

import io
import unicodedata
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from handbook.models import docx_bytes
from handbook.models.docx_writer import DATE_LINE, DOTS, MOTTO, NATIONAL_NAME
from model_fixtures import fixture, shipped

MM = Mm(1)


@pytest.fixture(scope="module")
def documents():
    """Every shipped model's Word file, read back (slug -> (model, Document))."""
    return {m.slug: (m, docx.Document(io.BytesIO(docx_bytes(m)))) for m in shipped().values()}


def all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_page_is_a4_portrait_with_the_decree_margins(documents):
    for slug, (_, document) in documents.items():
        section = document.sections[0]
        assert section.orientation == WD_ORIENT.PORTRAIT, slug
        assert abs(section.page_width - Mm(210)) < MM and abs(section.page_height - Mm(297)) < MM, slug
        # Word stores twentieths of a point: 15 mm reads back as 14.99 mm
        assert 20 <= round(section.top_margin.mm, 1) <= 25, slug
        assert 20 <= round(section.bottom_margin.mm, 1) <= 25, slug
        assert 30 <= round(section.left_margin.mm, 1) <= 35, slug
        assert 15 <= round(section.right_margin.mm, 1) <= 20, slug


def test_every_run_is_times_new_roman_and_the_body_is_13_to_14_pt(documents):
    for slug, (_, document) in documents.items():
        normal = document.styles["Normal"].font
        assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14), slug
        for paragraph in all_paragraphs(document):
            for run in paragraph.runs:
                if not run.text:
                    continue  # python-docx's comment-reference runs carry no text
                assert run.font.name == "Times New Roman", (slug, run.text)
                assert run.font.size is not None and Pt(6) <= run.font.size <= Pt(14), (slug, run.text)
        body_sizes = {run.font.size for p in document.paragraphs
                      if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for run in p.runs if run.text}
        assert body_sizes and all(Pt(13) <= s <= Pt(14) for s in body_sizes), slug


def test_heading_block_is_a_borderless_two_column_table(documents):
    for slug, (model, document) in documents.items():
        table = document.tables[0]
        assert len(table.columns) == 2 and len(table.rows) == 2, slug
        assert table._tbl.tblPr.find(qn("w:tblBorders")) is None, f"{slug}: the heading block has no borders"
        assert table.style is None or table.style.name == "Normal Table", slug
        left, right = table.cell(0, 0), table.cell(0, 1)
        assert [p.text for p in right.paragraphs][:2] == [NATIONAL_NAME, MOTTO], slug
        national, motto = right.paragraphs[0].runs[0], right.paragraphs[1].runs[0]
        assert national.bold and motto.bold and national.font.size == Pt(12) and motto.font.size == Pt(13)
        # the short rules: an underlined tab up to a tab stop, under both columns
        for cell in (left, right):
            rules = [p for p in cell.paragraphs if p.runs and p.runs[0].text == "\t" and p.runs[0].underline]
            assert len(rules) == 1 and rules[0].paragraph_format.tab_stops, slug
        # the issuing body in capitals and bold, under its parent
        issuer_runs = [r for p in left.paragraphs[1:-1] for r in p.runs if r.text]
        assert issuer_runs and all(r.bold and r.text == r.text.upper() for r in issuer_runs), slug
        number, date = table.cell(1, 0).text, table.cell(1, 1).text
        assert (model.heading.number is not None) == number.startswith("Số: "), slug
        assert (model.heading.place is not None) == date.endswith(DATE_LINE), slug


def test_title_is_the_kind_in_capitals_in_bold(documents):
    for slug, (model, document) in documents.items():
        if model.heading.is_letter:
            assert "V/v " in document.tables[0].cell(1, 0).text, slug
            continue
        kind = [p for p in document.paragraphs if p.text == model.heading.kind.upper()]
        assert kind, slug
        assert kind[0].alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in kind[0].runs)


def test_page_numbers_are_centred_in_the_header_but_not_on_the_first_page(documents):
    for slug, (_, document) in documents.items():
        section = document.sections[0]
        assert section.different_first_page_header_footer, slug
        header = section.header.paragraphs[0]
        assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText"))), slug
        assert not list(section.first_page_header._element.iter(qn("w:instrText"))), slug


def test_signature_and_recipients_blocks(documents):
    for slug, (model, document) in documents.items():
        text = "\n".join(p.text for p in all_paragraphs(document))
        if model.recipients:
            assert "Nơi nhận:" in text, slug
            last = [p.text for p in all_paragraphs(document) if p.text.startswith("- ")][-1]
            assert last.endswith("."), slug
        for signer in model.signers:
            title = "".join(s.text for s in signer.title).upper()
            if title:
                assert title in text, (slug, title)


def test_text_is_nfc_and_no_field_markup_is_left(documents):
    for slug, (_, document) in documents.items():
        texts = [p.text for p in all_paragraphs(document)] + [c.text for c in document.comments]
        for text in texts:
            assert unicodedata.is_normalized("NFC", text), (slug, text)
            assert "{{" not in text and "}}" not in text, (slug, text)


def test_every_field_is_a_dotted_blank_with_its_label_in_a_comment(documents):
    for slug, (model, document) in documents.items():
        uses = sum(len(lines) for lines in model.uses.values())
        comments = list(document.comments)
        assert len(comments) == uses, slug
        assert {c.text for c in comments} == {f"Điền: {f.vi}" for f in model.fields.values()}, slug
        blanks = [r for p in all_paragraphs(document) for r in p.runs if r.text and set(r.text) == {"…"}]
        assert len(blanks) >= uses, slug
        assert all(len(r.text) <= max(DOTS.values()) for r in blanks), slug


def test_decomposed_source_text_gives_an_nfc_file():
    model, problems = fixture("nfd-text.md")
    assert problems == []
    document = docx.Document(io.BytesIO(docx_bytes(model)))
    body = "\n".join(p.text for p in all_paragraphs(document))
    assert "Nội dung có chữ tổ hợp" in body and unicodedata.is_normalized("NFC", body)


def test_same_model_gives_the_same_bytes():
    for model in list(shipped().values())[:3]:
        first, second = docx_bytes(model), docx_bytes(model)
        assert first == second, model.slug
        with zipfile.ZipFile(io.BytesIO(first)) as package:
            assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        props = docx.Document(io.BytesIO(first)).core_properties
        assert props.created.replace(tzinfo=None) == props.modified.replace(tzinfo=None) \
            == model.date.replace(tzinfo=None)
