"""The site's form of a model: the same document, every field a visible,
labelled blank, every text escaped; the page and the index around it."""
from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from handbook.models import html_form
from handbook.models.docx_writer import NATIONAL_NAME
from handbook.models.model import FieldDef
from handbook.models.page import docx_href, index_markdown, page_markdown
from model_fixtures import fixture, shipped


class Tags(HTMLParser):
    VOID = {"br", "hr", "img"}

    def __init__(self):
        super().__init__()
        self.stack, self.fields, self.text, self.attrs = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attrs.append((tag, attrs))
        if tag not in self.VOID:
            self.stack.append(tag)
        if "data-field" in attrs:
            self.fields.append(attrs["data-field"])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parsed(html):
    tags = Tags()
    tags.feed(html)
    assert tags.stack == []
    return tags


def test_every_shipped_model_renders_with_every_field_as_a_labelled_blank():
    for model in shipped().values():
        for lang in ("vi", "en"):
            html = html_form(model, lang)
            tags = parsed(html)
            assert sorted(tags.fields) == sorted(n for n, lines in model.uses.items() for _ in lines), model.slug
            assert "{{" not in html and NATIONAL_NAME in html
            text = "".join(tags.text)
            for field in model.fields.values():
                assert f"({field.en if lang == 'en' else field.vi})" in text, (model.slug, field.name)
            # no script, no style, no event handler: the site's security policy
            for tag, attrs in tags.attrs:
                assert tag not in ("script", "style") and not any(a == "style" or a.startswith("on") for a in attrs)


def test_text_and_labels_are_escaped_and_english_labels_used_on_request():
    model, _ = fixture("good-minimal.md")
    hostile = FieldDef("noi_dung", "<b onclick=x>nhãn</b>", "<script>alert(1)</script>", "long", 1)
    model = dataclasses.replace(model, fields={**model.fields, "noi_dung": hostile})
    html = html_form(model, "en")
    assert "a &lt; b &amp; c" in html                       # body text
    assert "(&lt;script&gt;alert(1)&lt;/script&gt;)" in html and "<script>" not in html
    assert "<b onclick" not in html_form(model, "vi")
    assert 'lang="vi"' in html and 'lang="en"' in html       # the document is Vietnamese, the labels English
    parsed(html)


def test_the_vietnamese_page_shows_the_form_in_place_of_the_markdown_body():
    model, _ = fixture("good-minimal.md")
    markdown = "# Mẫu\n\nGhi chú.\n\n## Văn bản mẫu\n\nĐoạn đầu {{noi_dung}}.\n"
    placed = []
    out = page_markdown(markdown, model, "vi", "good-minimal.docx", 37_400, lambda html: placed.append(html) or "SLOT")
    assert out == "# Mẫu\n\nGhi chú.\n\n## Văn bản mẫu\n\nSLOT\n"
    [block] = placed
    assert '<a href="good-minimal.docx" download' in block and "Tải tệp Word (.docx, 37 KB)" in block
    assert '<div class="mau-van-ban" lang="vi"' in block and "{{" not in block


def test_the_english_page_keeps_its_explanation_and_gets_the_form_at_its_end():
    model, _ = fixture("good-minimal.md")
    markdown = "# Model\n\n## The model document {#van-ban-mau}\n\nIt explains.\n"
    placed = []
    out = page_markdown(markdown, model, "en", "good-minimal.docx", 900, lambda html: placed.append(html) or "SLOT")
    assert out == markdown.rstrip() + "\n\nSLOT\n"
    assert "Download the Word file (.docx, 1 KB, in Vietnamese)" in placed[0]
    assert "(Content &quot;test&quot; &amp; check &lt;5 days)" in placed[0]


def test_the_word_file_is_beside_the_models_page():
    model = shipped()["mau-van-ban/ke-hoach-hoi-nghi-can-bo.md"]
    assert docx_href(model.base_uri, model) == "ke-hoach-hoi-nghi-can-bo.docx"
    assert docx_href("mau-van-ban/index.md", model) == "ke-hoach-hoi-nghi-can-bo/ke-hoach-hoi-nghi-can-bo.docx"
    assert docx_href("mau-van-ban/index.md", model, directory_urls=False) == "ke-hoach-hoi-nghi-can-bo.docx"


def test_the_index_groups_models_by_chapter_in_navigation_order():
    models = list(shipped().values())
    order = ["cam-nang/cong-khai.md", "cam-nang/hoi-nghi-can-bo.md"] + [m.base_uri for m in reversed(models)]
    titles = {"cam-nang/cong-khai.md": "Công khai thông tin", "cam-nang/hoi-nghi-can-bo.md": "Hội nghị cán bộ",
              **{m.base_uri: m.page_title for m in models}}
    out = index_markdown(models, "vi", "mau-van-ban/index.md", titles, {"van-ban/luat-10-2022-qh15.md": "10/2022/QH15"},
                         order)
    headings = [line for line in out.split("\n") if line.startswith("### ")]
    assert headings == ["### Công khai thông tin", "### Hội nghị cán bộ", "### Mẫu khác"]
    rows = [line for line in out.split("\n") if line.startswith("| [")]
    assert len(rows) == len(models)
    plan = next(r for r in rows if "ke-hoach-hoi-nghi-can-bo.md" in r)
    assert "10/2022/QH15: Điều [50](../van-ban/luat-10-2022-qh15.md#dieu-50-" in plan
    assert '<a href="ke-hoach-hoi-nghi-can-bo/ke-hoach-hoi-nghi-can-bo.docx" download' in plan
