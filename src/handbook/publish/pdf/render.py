"""Render an assembled document to PDF with WeasyPrint.

Fonts: the full TTF files in ``fonts/`` (Noto Serif for the text, Noto Sans
for headings), each declared by its own ``@font-face`` rule with a file URL.
WeasyPrint embeds only the glyphs used (subset). Web-font subsets split by
``unicode-range`` are never used here: WeasyPrint 70 garbles Vietnamese with
them.

A failure names the page: resources that fail to load (WeasyPrint logs them
as errors) are traced back to the pages that use them; if WeasyPrint itself
fails, each chapter is rendered alone to find the one that breaks.
The PDF is written to a temporary file and moved into place only when
complete, so a reader never downloads half a file.

The PDF is tagged for accessibility: WeasyPrint's PDF/UA-1 variant writes the
structure tree (headings, paragraphs, lists, tables with their header cells,
links, figures with their alternative text), the document's language, XMP
metadata that claims PDF/UA-1, ``/MarkInfo`` and ``DisplayDocTitle`` (viewers
show the title, not the file name). It also logs an error for an image
without alternative text, which fails the build naming the page, like any
other resource problem. Borders and backgrounds are artifacts; what the
margins hold (page number, running title, edition) stays out of the
structure tree, so assistive technology reads the chapters, not the page
furniture.
"""
from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import ContentError, ContentErrors
from handbook.publish.pdf.assemble import Assembled

HERE = Path(__file__).resolve().parent
FAMILIES = {
    # family used in pdf.css -> file stem in fonts/
    "Handbook Serif": "NotoSerif",
    "Handbook Sans": "NotoSans",
}
# Tagged PDF for accessibility (ISO 14289-1); see the module notes.
PDF_VARIANT = "pdf/ua-1"
STYLES = {("normal", 400): "Regular", ("normal", 700): "Bold",
          ("italic", 400): "Italic", ("italic", 700): "BoldItalic"}


@dataclass(frozen=True)
class Result:
    path: Path
    pages: int
    bytes: int
    seconds: float       # wall clock
    cpu_seconds: float   # this process's CPU time (the machine may be busy)


def font_faces(fonts_dir: Path) -> str:
    rules = []
    for family, stem in FAMILIES.items():
        for (style, weight), suffix in STYLES.items():
            path = (fonts_dir / f"{stem}-{suffix}.ttf").resolve()
            if not path.exists():
                raise ContentError(
                    str(path), None, "pdf-font",
                    "Thiếu tệp phông chữ dùng cho bản PDF.",
                    "A font file the PDF needs is missing.",
                    "Khôi phục tệp trong thư mục fonts/ (Noto, SIL OFL).",
                    "Restore the file in fonts/ (Noto, SIL OFL).")
            rules.append(
                f'@font-face {{ font-family: "{family}"; font-style: {style}; '
                f'font-weight: {weight}; src: url("{path.as_uri()}") format("truetype"); }}')
    return "\n".join(rules)


def stylesheet(fonts_dir: Path) -> str:
    return font_faces(fonts_dir) + "\n" + (HERE / "pdf.css").read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a malformed log call must not hide the real problem
            self.messages.append(str(record.msg))


def _render_bytes(html: str, base_url: str) -> tuple[bytes, int, list[str]]:
    from weasyprint import HTML  # heavy import, only when a PDF is made

    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = HTML(string=html, base_url=base_url).render()
        data = document.write_pdf(pdf_variant=PDF_VARIANT)
    finally:
        logger.removeHandler(handler)
    return data, len(document.pages), handler.messages


def page_error(source: str, problem: str, problem_en: str | None = None) -> ContentError:
    return ContentError(
        source, None, "pdf-render",
        f"Không in được trang này vào bản PDF: {problem}",
        f"This page cannot be printed to the PDF: {problem_en or problem}",
        "Sửa nội dung được nêu (ảnh hỏng, tệp thiếu...) rồi dựng lại; bản PDF cũ được giữ nguyên.",
        "Fix what is named (broken image, missing file...) and build again; the previous PDF is kept.",
    )


def _blame(messages: list[str], assembled: Assembled, base_url: str) -> list[ContentError]:
    errors = []
    for message in messages:
        sources = set()
        for url, users in assembled.resources.items():
            if url in message or url.replace("file://", "") in message:
                sources |= users
        short = message.replace(base_url, "").replace(base_url.replace("file://", ""), "")
        image = re.match(r"Failed to load image at '([^']*)'", short)
        for source in sorted(sources) or ["(PDF)"]:
            if image:
                errors.append(page_error(
                    source, f"không đọc được ảnh {image.group(1)} (tệp hỏng hoặc không phải ảnh).",
                    f"cannot read the image {image.group(1)} (damaged file, or not an image)."))
            else:
                errors.append(page_error(source, short))
    return errors


def _isolate(assembled: Assembled, base_url: str) -> list[ContentError]:
    """Render each chapter alone; the ones that raise are the culprits."""
    head = assembled.html.partition('<section class="pdf-chapter')[0]
    errors = []
    chunks = re.split(r'(?=<section class="pdf-chapter)', assembled.html[len(head):])
    for chunk in chunks:
        match = re.search(r'data-source="([^"]*)"', chunk)
        if not match:
            continue
        body = chunk.split("</body>")[0]
        try:
            _render_bytes(head + body + "</body></html>", base_url)
        except Exception as exc:  # noqa: BLE001 - any failure names the page
            errors.append(page_error(match.group(1), f"{type(exc).__name__}: {exc}"))
    return errors


def render(assembled: Assembled, target: Path, base_url: str) -> Result:
    """Write the PDF to ``target`` atomically; raise ContentErrors naming pages."""
    started, cpu = time.monotonic(), time.process_time()
    try:
        data, pages, messages = _render_bytes(assembled.html, base_url)
    except Exception as exc:  # noqa: BLE001
        errors = _isolate(assembled, base_url) or [
            page_error("(PDF)", f"{type(exc).__name__}: {exc}")]
        raise ContentErrors(errors) from exc
    if messages:
        raise ContentErrors(_blame(messages, assembled, base_url))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return Result(target, pages, len(data), time.monotonic() - started, time.process_time() - cpu)
