"""A model as a Word file in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I).

Layout (sizes in points, lengths in millimetres; README.md gives the sources):

- A4 portrait; margins top 20, bottom 20, left 30, right 15; Times New Roman,
  black; body 14 pt, justified, first line indented 10 mm, 6 pt after each
  paragraph, line spacing 1.15.
- Heading block: a borderless table of two columns (70 + 95 mm). Left: the
  parent body (capitals, 12 pt), the issuing body (capitals, bold, 12 pt), a
  short rule; then "Số: ..." (13 pt). Right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
  NAM" (capitals, bold, 12 pt), "Độc lập - Tự do - Hạnh phúc" (bold, 13 pt), a
  rule as long as the motto; then the place-date line (italic, 13 pt).
- Title: the kind in capitals (bold, 14 pt), the subject (bold, 14 pt), a
  short rule. A letter ("Công văn") has no kind line: its subject is printed
  "V/v ..." (12 pt) under the number.
- Signature and "Nơi nhận": a borderless table; authority and title in
  capitals, bold, 14 pt; the name bold; "Nơi nhận:" bold italic 12 pt, the
  recipients 11 pt, each on a line starting with "-", ending with ";" (the
  last with ".").
- Page numbers: centred in the top margin from page 2 on (a different first
  page header, empty).

The short rules are underlined tab characters (a tab stop at the rule's end),
so they are exactly as long as the layout says, in Word and in LibreOffice,
without drawing shapes. Fill-in fields are runs of dots ("…", as many as the
field's size asks) with a Word comment holding the field's label: the label
shows on screen, and neither the dots' width nor the label changes the
layout. The only raw OOXML is the PAGE field of the page number, which
python-docx has no API for.

Same model in, same bytes out: the core properties' dates and the comments'
dates are the model's review date (never the clock), and the zip members are
written again with a fixed timestamp.
"""
from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from handbook.models import markdown as md
from handbook.models.markdown import Span
from handbook.models.model import HeadingBlock, Model, Signer

FONT = "Times New Roman"
BODY_PT = 14
PAGE_W, PAGE_H = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT            # 165 mm
LEFT_COL, RIGHT_COL = 70, TEXT_W - 70                   # heading block columns
CELL_PAD = 1.9                                          # Word's default cell margin (0.08") each side
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MOTTO_MM = 56.1          # width of MOTTO in Times New Roman bold 13 pt (Liberation Serif metrics)
ISSUER_RULE_MM = 25      # 1/3 to 1/2 of a typical issuing body's line
TITLE_RULE_MM = 30
DOTS = {"short": 4, "medium": 8, "long": 14}             # "…" per blank, by field size
HEADING_DOTS = 10                                        # at most, in the narrow heading columns
FIRST_INDENT = Mm(10)
COMMENT_AUTHOR, COMMENT_INITIALS = "Cẩm nang", "CN"
DATE_LINE = ", ngày …… tháng …… năm 20……"
BLACK = RGBColor(0, 0, 0)
ZERO_WIDTH_SPACE = "\u200b"


class _Writer:
    def __init__(self, model: Model):
        self.model = model
        self.doc = Document()
        self._setup()

    # --- page, styles, page numbers -------------------------------------------------------

    def _setup(self):
        doc, model = self.doc, self.model
        section = doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
        section.header_distance, section.footer_distance = Mm(10), Mm(10)
        normal = doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        normal.font.color.rgb = BLACK
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        # Page number: centred in the top margin, not on the first page.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._page_field(header)
        props = doc.core_properties
        props.title = model.page_title
        props.subject = model.heading.kind
        props.author = props.last_modified_by = "Cẩm nang thực hiện dân chủ ở cơ sở"
        props.comments = "Mẫu tham khảo của Cẩm nang, không phải biểu mẫu chính thức của Ngành."
        props.keywords = "mẫu văn bản; dân chủ ở cơ sở"
        props.language = "vi-VN"
        props.created = props.modified = props.last_printed = model.date.replace(tzinfo=None)
        props.revision = 1

    def _page_field(self, paragraph):
        """PAGE field (the one piece of OOXML python-docx has no API for)."""
        def run_with(element):
            run = paragraph.add_run()
            self._font(run, BODY_PT)
            run._r.append(element)
            return run
        begin = OxmlElement("w:fldChar"); begin.set(qn("w:fldCharType"), "begin")
        instr = OxmlElement("w:instrText"); instr.set(qn("xml:space"), "preserve"); instr.text = " PAGE "
        separate = OxmlElement("w:fldChar"); separate.set(qn("w:fldCharType"), "separate")
        end = OxmlElement("w:fldChar"); end.set(qn("w:fldCharType"), "end")
        run_with(begin); run_with(instr); run_with(separate)
        shown = paragraph.add_run("2"); self._font(shown, BODY_PT)
        run_with(end)

    # --- runs ---------------------------------------------------------------------------

    @staticmethod
    def _font(run, size, bold=None, italic=None, underline=None):
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.color.rgb = BLACK
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if underline is not None:
            run.underline = underline
        return run

    def _spans(self, paragraph, spans: list[Span], size: float, bold=False, italic=False, upper=False,
               max_dots=None):
        for span in spans:
            b, i = bold or span.bold, italic or span.italic
            if span.field:
                self._blank(paragraph, span.field, size, b, i, max_dots)
            else:
                text = span.text.upper() if upper else span.text
                self._font(paragraph.add_run(text), size, b, i)

    def _blank(self, paragraph, name: str, size, bold=False, italic=False, max_dots=None):
        definition = self.model.fields.get(name)
        count = DOTS[definition.size] if definition else DOTS["medium"]
        if max_dots:
            count = min(count, max_dots)
        run = self._font(paragraph.add_run("…" * count), size, bold, italic)
        label = definition.vi if definition else name
        comment = self.doc.add_comment(run, text=f"Điền: {label}", author=COMMENT_AUTHOR,
                                       initials=COMMENT_INITIALS)
        # python-docx stamps comments with the clock; the model's date keeps
        # the file reproducible.
        comment._comment_elm.date = self.model.date
        return run

    def _paragraph(self, container=None, align=None, first_indent=None, left_indent=None,
                   before=0, after=0, line_spacing=1.0, keep_next=False):
        paragraph = (container or self.doc).add_paragraph()
        fmt = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if first_indent is not None:
            fmt.first_line_indent = first_indent
        if left_indent is not None:
            fmt.left_indent = left_indent
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = line_spacing
        fmt.keep_with_next = keep_next
        return paragraph

    def _rule(self, container, width_mm: float, column_mm: float):
        """A centred horizontal rule: an underlined tab up to a tab stop."""
        inner = column_mm - 2 * CELL_PAD
        start = max(0.0, (inner - width_mm) / 2)
        paragraph = self._paragraph(container, align=WD_ALIGN_PARAGRAPH.LEFT, left_indent=Mm(start))
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(start + width_mm), WD_TAB_ALIGNMENT.LEFT)
        self._font(paragraph.add_run("\t"), 6, underline=True)
        # LibreOffice drops the underline of a tab that ends a line in a table
        # cell; a zero-width space after it keeps the tab from being the last
        # character (invisible in Word and LibreOffice alike).
        self._font(paragraph.add_run(ZERO_WIDTH_SPACE), 6)
        # the rule sits right under the text above: a 6 pt line, exactly spaced
        paragraph.paragraph_format.line_spacing = Pt(6)
        return paragraph

    # --- heading block ---------------------------------------------------------------------

    def _cell(self, cell, width_mm):
        cell.width = Mm(width_mm)
        paragraph = cell.paragraphs[0]
        return paragraph

    def heading(self):
        h: HeadingBlock = self.model.heading
        table = self.doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for row in table.rows:
            row.cells[0].width, row.cells[1].width = Mm(LEFT_COL), Mm(RIGHT_COL)
        table.columns[0].width, table.columns[1].width = Mm(LEFT_COL), Mm(RIGHT_COL)
        left, right = table.cell(0, 0), table.cell(0, 1)
        center = WD_ALIGN_PARAGRAPH.CENTER
        # left: parent (capitals), issuer (capitals, bold), rule
        first = left.paragraphs[0]
        first.alignment = center
        self._spans(first, h.parent, 12, upper=True, max_dots=HEADING_DOTS)
        for line in h.issuer:
            issuer = self._paragraph(left, align=center)
            self._spans(issuer, line, 12, bold=True, upper=True, max_dots=HEADING_DOTS)
        self._rule(left, ISSUER_RULE_MM, LEFT_COL)
        # right: national name, motto, rule as long as the motto
        top = right.paragraphs[0]
        top.alignment = center
        self._font(top.add_run(NATIONAL_NAME), 12, bold=True)
        motto = self._paragraph(right, align=center)
        self._font(motto.add_run(MOTTO), 13, bold=True)
        self._rule(right, MOTTO_MM, RIGHT_COL)
        # second row: number (and "V/v ..." of a letter) | place-date line
        number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
        number = number_cell.paragraphs[0]
        number.alignment = center
        number.paragraph_format.space_before = Pt(6)
        if h.number is not None:
            self._font(number.add_run("Số: "), 13)
            self._spans(number, h.number, 13, max_dots=4)
        if h.is_letter:
            subject = self._paragraph(number_cell, align=center, before=3)
            self._font(subject.add_run("V/v "), 12)
            self._spans(subject, h.title, 12, max_dots=HEADING_DOTS)
        date = date_cell.paragraphs[0]
        date.alignment = center
        date.paragraph_format.space_before = Pt(6)
        if h.place is not None:
            self._spans(date, h.place, 13, italic=True, max_dots=6)
            self._font(date.add_run(DATE_LINE), 13, italic=True)
        self.heading_table = table

    def title(self):
        h = self.model.heading
        center = WD_ALIGN_PARAGRAPH.CENTER
        if h.is_letter:
            self._paragraph(after=6)
            return
        kind = self._paragraph(align=center, before=18, keep_next=True)
        self._font(kind.add_run(h.kind.upper()), 14, bold=True)
        if h.title:
            subject = self._paragraph(align=center, keep_next=True)
            self._spans(subject, h.title, 14, bold=True)
        self._rule(self.doc, TITLE_RULE_MM, TEXT_W + 2 * CELL_PAD)
        self._paragraph(after=6)

    def addressees(self):
        to = self.model.to
        if not to:
            return
        if len(to) == 1:
            paragraph = self._paragraph(align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
            self._font(paragraph.add_run("Kính gửi: "), BODY_PT)
            self._spans(paragraph, to[0], BODY_PT)
            return
        paragraph = self._paragraph(left_indent=Mm(30), after=0)
        self._font(paragraph.add_run("Kính gửi:"), BODY_PT)
        for index, item in enumerate(to):
            line = self._paragraph(left_indent=Mm(52), after=6 if index == len(to) - 1 else 0)
            self._font(line.add_run("- "), BODY_PT)
            self._spans(line, item, BODY_PT)
            self._font(line.add_run("." if index == len(to) - 1 else ";"), BODY_PT)

    # --- body ---------------------------------------------------------------------------

    def body(self):
        for block in self.model.body:
            if isinstance(block, md.Heading):
                self._heading(block)
            elif isinstance(block, md.Paragraph):
                paragraph = self._body_paragraph()
                self._spans(paragraph, block.spans, BODY_PT)
            elif isinstance(block, md.ListBlock):
                self._list(block)
            elif isinstance(block, md.Table):
                self._table(block)

    def _body_paragraph(self, first_indent=FIRST_INDENT, left_indent=None):
        return self._paragraph(align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_indent=first_indent,
                               left_indent=left_indent, after=6, line_spacing=1.15)

    def _heading(self, block: md.Heading):
        text = md.plain_text(block.spans)
        center = WD_ALIGN_PARAGRAPH.CENTER
        if block.level == 1:
            word = text.split(" ", 1)[0]
            if word in ("Chương", "Phần", "Mục") and " " in text:
                # "Chương I. Tiêu đề" -> "Chương I" then the title in capitals, both centred
                head, _, rest = text.partition(". ")
                label = self._paragraph(align=center, before=12, keep_next=True)
                self._font(label.add_run(head.rstrip(".")), BODY_PT, bold=True)
                if rest:
                    title = self._paragraph(align=center, after=6, keep_next=True)
                    spans = _after_prefix(block.spans, len(head) + 2)
                    self._spans(title, spans, BODY_PT, bold=True, upper=True)
                return
            numbered = _is_numbered(text)
            paragraph = self._paragraph(align=WD_ALIGN_PARAGRAPH.JUSTIFY if numbered else center,
                                        first_indent=FIRST_INDENT if numbered else None,
                                        before=6, after=6, keep_next=True)
            self._spans(paragraph, block.spans, BODY_PT, bold=True, upper=True)
        else:
            paragraph = self._paragraph(align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_indent=FIRST_INDENT,
                                        before=3, after=6, keep_next=True, line_spacing=1.15)
            self._spans(paragraph, block.spans, BODY_PT, bold=True, italic=block.level == 3)

    def _list(self, block: md.ListBlock, depth=0):
        for index, item in enumerate(block.items):
            if block.ordered:
                marker = f"{index + 1}. " if depth == 0 else f"{chr(ord('a') + index % 26)}) "
            else:
                marker = "- " if depth == 0 else "+ "
            paragraph = self._body_paragraph(left_indent=Mm(10 * depth) if depth else None)
            self._font(paragraph.add_run(marker), BODY_PT)
            self._spans(paragraph, item.spans, BODY_PT)
            for child in item.children:
                self._list(child, depth + 1)

    def _table(self, block: md.Table):
        columns = len(block.header)
        table = self.doc.add_table(rows=1 + len(block.rows), cols=columns)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = _column_widths(block, TEXT_W)
        aligns = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
        for r, cells in enumerate([block.header] + block.rows):
            for c, spans in enumerate(cells):
                cell = table.cell(r, c)
                cell.width = Mm(widths[c])
                paragraph = cell.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else \
                    aligns.get(block.aligns[c] if c < len(block.aligns) else "", WD_ALIGN_PARAGRAPH.LEFT)
                paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(2)
                self._spans(paragraph, spans, 13, bold=r == 0)
        for c, width in enumerate(widths):
            table.columns[c].width = Mm(width)
        self._paragraph(after=6)

    # --- signature and "Nơi nhận" --------------------------------------------------------------

    def _signer(self, cell, signer: Signer, first=True):
        center = WD_ALIGN_PARAGRAPH.CENTER
        paragraph = cell.paragraphs[0] if first else self._paragraph(cell)
        paragraph.alignment = center
        if signer.authority:
            self._spans(paragraph, signer.authority, BODY_PT, bold=True, upper=True)
            paragraph = self._paragraph(cell, align=center)
        self._spans(paragraph, signer.title, BODY_PT, bold=True, upper=True)
        if signer.note:
            note = self._paragraph(cell, align=center)
            self._spans(note, signer.note, 13, italic=True)
        for _ in range(4):  # room for the signature (and the seal)
            self._paragraph(cell, align=center)
        name = self._paragraph(cell, align=center)
        self._spans(name, signer.name, BODY_PT, bold=True)

    def _recipients(self, cell, first=True):
        recipients = self.model.recipients
        paragraph = cell.paragraphs[0] if first else self._paragraph(cell)
        self._font(paragraph.add_run("Nơi nhận:"), 12, bold=True, italic=True)
        for index, item in enumerate(recipients):
            line = self._paragraph(cell)
            self._font(line.add_run("- "), 11)
            self._spans(line, item, 11)
            self._font(line.add_run("." if index == len(recipients) - 1 else ";"), 11)

    def closing(self):
        signers, recipients = self.model.signers, self.model.recipients
        if not signers and not recipients:
            return
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        half = TEXT_W / 2
        widths = (half, half)
        for c, width in enumerate(widths):
            table.columns[c].width = Mm(width)
            table.cell(0, c).width = Mm(width)
        left, right = table.cell(0, 0), table.cell(0, 1)
        if len(signers) == 2:
            self._signer(left, signers[0])
            self._signer(right, signers[1])
            if recipients:
                row = table.add_row()
                row.cells[0].width, row.cells[1].width = Mm(half), Mm(half)
                self._recipients(row.cells[0])
        else:
            if recipients:
                self._recipients(left)
            if signers:
                self._signer(right, signers[0])
        self.closing_table = table

    def build(self) -> bytes:
        self.heading()
        self.title()
        self.addressees()
        self.body()
        self.closing()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _normalise_zip(buffer.getvalue(), self.model.date)


def _is_numbered(text: str) -> bool:
    """A heading that starts with its own number ("I.", "1.", "Điều 3.") is
    laid out like body text (indented); others ("Quyết định:") are centred."""
    return bool(re.match(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|Điều\s+\d+\.)\s", text))


def _after_prefix(spans: list[Span], skip: int) -> list[Span]:
    """Spans without their first ``skip`` characters (fields count as one)."""
    out = []
    for span in spans:
        length = 1 if span.field else len(span.text)
        if skip >= length:
            skip -= length
            continue
        if span.field or skip == 0:
            out.append(span)
        else:
            out.append(Span(span.text[skip:], span.bold, span.italic, None, span.line))
        skip = 0
    return out


def _column_widths(block: md.Table, total: float) -> list[float]:
    """Columns in proportion to their longest text, at least 12 mm each."""
    columns = len(block.header)
    longest = [1] * columns
    for cells in [block.header] + block.rows:
        for c, spans in enumerate(cells):
            length = sum(len(s.text) if not s.field else 8 for s in spans)
            longest[c] = max(longest[c], min(length, 60))
    minimum = 12.0
    spare = total - minimum * columns
    weight = sum(longest)
    return [minimum + spare * n / weight for n in longest]


def _normalise_zip(data: bytes, date) -> bytes:
    """The same package with every member dated ``date`` (zip stores local
    times; python-docx uses the clock), in the same order."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 3
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def docx_bytes(model: Model) -> bytes:
    """The Word file of a model."""
    return _Writer(model).build()
