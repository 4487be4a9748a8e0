"""A model as HTML for the site: the same document as the Word file, with
every fill-in field shown as a visible, labelled blank.

``html_form(model, lang)`` returns one ``<div class="mau-van-ban">`` block
(all text escaped); the site styles it with the ``mau-*`` classes
(docs/assets/stylesheets/mau.css; the PDF with pdf.css). Without the stylesheet it still reads correctly: blanks are dots
followed by their label in brackets. Document headings are ``role="heading"``
paragraphs (levels 3 to 5 under the page's "Văn bản mẫu" heading), so they do
not enter the page's table of contents or the search sections.

``page.py`` puts that block on the model's page (``steps.py`` calls it).
"""
from __future__ import annotations

from html import escape

from handbook.models import markdown as md
from handbook.models.markdown import Span
from handbook.models.docx_writer import DATE_LINE, DOTS, MOTTO, NATIONAL_NAME
from handbook.models.model import Model, Signer

# The document's own words: Vietnamese on both sites, like the Word file
# (only the blanks' labels follow the reader's language).
WORDS = {"number": "Số:", "to": "Kính gửi:", "recipients": "Nơi nhận:", "subject": "V/v"}


class _Html:
    def __init__(self, model: Model, lang: str):
        self.model, self.lang = model, "en" if lang == "en" else "vi"
        self.out: list[str] = []

    def spans(self, spans: list[Span], upper=False) -> str:
        parts = []
        for span in spans:
            if span.field:
                parts.append(self.blank(span.field))
                continue
            text = escape(span.text.upper() if upper else span.text)
            if span.bold:
                text = f"<strong>{text}</strong>"
            if span.italic:
                text = f"<em>{text}</em>"
            parts.append(text)
        return "".join(parts)

    def blank(self, name: str) -> str:
        definition = self.model.fields.get(name)
        label = (definition.en if self.lang == "en" else definition.vi) if definition else name
        size = definition.size if definition else "medium"
        lang = ' lang="en"' if self.lang == "en" else ""
        return (f'<span class="mau-o mau-o-{size}" data-field="{escape(name)}">'
                f'<span class="mau-cham" aria-hidden="true">{"…" * DOTS[size]}</span>'
                f'<span class="mau-nhan"{lang}>({escape(label)})</span></span>')

    def heading_block(self):
        h = self.model.heading
        o = self.out
        o.append('<table class="mau-dau" role="presentation"><tbody><tr>')
        o.append('<td class="mau-co-quan">'
                 f'<div class="mau-chu-quan">{self.spans(h.parent, upper=True)}</div>'
                 + "".join(f'<div class="mau-ban-hanh">{self.spans(line, upper=True)}</div>' for line in h.issuer)
                 + '<div class="mau-gach" aria-hidden="true"></div></td>')
        o.append('<td class="mau-quoc-hieu">'
                 f'<div class="mau-qh">{escape(NATIONAL_NAME)}</div>'
                 f'<div class="mau-tn">{escape(MOTTO)}</div>'
                 '<div class="mau-gach mau-gach-tn" aria-hidden="true"></div></td>')
        o.append('</tr><tr><td class="mau-so">')
        if h.number is not None:
            o.append(f'{escape(WORDS["number"])} {self.spans(h.number)}')
        if h.is_letter:
            o.append(f'<div class="mau-vv">{escape(WORDS["subject"])} {self.spans(h.title)}</div>')
        o.append('</td><td class="mau-ngay">')
        if h.place is not None:
            o.append(f'<em>{self.spans(h.place)}{escape(DATE_LINE)}</em>')
        o.append('</td></tr></tbody></table>')
        if not h.is_letter:
            o.append(f'<p class="mau-ten-loai">{escape(h.kind.upper())}</p>')
            if h.title:
                o.append(f'<p class="mau-trich-yeu">{self.spans(h.title)}</p>')
            o.append('<div class="mau-gach mau-gach-ten" aria-hidden="true"></div>')

    def addressees(self):
        to = self.model.to
        if not to:
            return
        word = escape(WORDS["to"])
        if len(to) == 1:
            self.out.append(f'<p class="mau-kinh-gui">{word} {self.spans(to[0])}</p>')
            return
        items = "".join(f"<li>{self.spans(item)}</li>" for item in to)
        self.out.append(f'<div class="mau-kinh-gui">{word}<ul>{items}</ul></div>')

    def body(self, blocks):
        for block in blocks:
            if isinstance(block, md.Heading):
                level = block.level + 2
                upper = block.level == 1
                self.out.append(f'<p class="mau-tieu-de mau-cap-{block.level}" role="heading" aria-level="{level}">'
                                f'{self.spans(block.spans, upper=upper)}</p>')
            elif isinstance(block, md.Paragraph):
                self.out.append(f"<p>{self.spans(block.spans)}</p>")
            elif isinstance(block, md.ListBlock):
                self.list(block)
            elif isinstance(block, md.Table):
                self.table(block)

    def list(self, block: md.ListBlock):
        tag = "ol" if block.ordered else "ul"
        kind = ' type="a"' if block.ordered and block.depth else ""
        self.out.append(f'<{tag}{kind} class="mau-ds">')
        for item in block.items:
            self.out.append(f"<li>{self.spans(item.spans)}")
            for child in item.children:
                self.list(child)
            self.out.append("</li>")
        self.out.append(f"</{tag}>")

    def table(self, block: md.Table):
        o = self.out
        o.append('<table class="mau-bang"><thead><tr>')
        o.extend(f'<th scope="col">{self.spans(cell)}</th>' for cell in block.header)
        o.append("</tr></thead><tbody>")
        for row in block.rows:
            o.append("<tr>" + "".join(f"<td>{self.spans(cell)}</td>" for cell in row) + "</tr>")
        o.append("</tbody></table>")

    def signer(self, signer: Signer) -> str:
        parts = []
        if signer.authority:
            parts.append(f'<div class="mau-tham-quyen">{self.spans(signer.authority, upper=True)}</div>')
        parts.append(f'<div class="mau-chuc-vu">{self.spans(signer.title, upper=True)}</div>')
        if signer.note:
            parts.append(f'<div class="mau-ghi-chu">{self.spans(signer.note)}</div>')
        parts.append('<div class="mau-cho-ky" aria-hidden="true"></div>')
        parts.append(f'<div class="mau-ho-ten">{self.spans(signer.name)}</div>')
        return "".join(parts)

    def recipients(self) -> str:
        items = self.model.recipients
        lines = "".join(f"<li>{self.spans(item)}{'.' if i == len(items) - 1 else ';'}</li>"
                        for i, item in enumerate(items))
        return f'<div class="mau-noi-nhan-nhan">{escape(WORDS["recipients"])}</div><ul>{lines}</ul>'

    def closing(self):
        signers, recipients = self.model.signers, self.model.recipients
        if not signers and not recipients:
            return
        o = self.out
        o.append('<table class="mau-ky" role="presentation"><tbody><tr>')
        if len(signers) == 2:
            o.append(f'<td class="mau-nguoi-ky">{self.signer(signers[0])}</td>'
                     f'<td class="mau-nguoi-ky">{self.signer(signers[1])}</td></tr>')
            if recipients:
                o.append(f'<tr><td class="mau-noi-nhan">{self.recipients()}</td><td></td></tr>')
        else:
            o.append(f'<td class="mau-noi-nhan">{self.recipients() if recipients else ""}</td>')
            o.append(f'<td class="mau-nguoi-ky">{self.signer(signers[0]) if signers else ""}</td></tr>')
        o.append("</tbody></table>")

    def render(self) -> str:
        self.out.append(f'<div class="mau-van-ban" lang="vi" data-model="{escape(self.model.slug)}">')
        self.heading_block()
        self.addressees()
        self.body(self.model.body)
        self.closing()
        self.out.append("</div>")
        return "\n".join(self.out)


def html_form(model: Model, lang: str = "vi") -> str:
    """The document as one HTML block; blanks labelled in ``lang`` (vi or en)."""
    return _Html(model, lang).render()
