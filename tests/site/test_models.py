"""The model documents in the built site: each page shows the document with
its fields as labelled blanks and offers its Word file (both languages); the
index lists them; the checklists link back; the printed handbook carries
them as its annex. The Word files as published open in a real office suite
(LibreOffice headless, Debian's libreoffice-writer-nogui) and print their
first page as the Decree lays it out. A malformed model fails `make lint`
and the build, with file:line and fix."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import docx
import pytest
from PIL import Image

from conftest import run_build
from handbook.models import docx_bytes
from handbook.models.docx_writer import MOTTO, NATIONAL_NAME
from handbook.publish import pdf
from model_fixtures import shipped, to_pdf, tool

LOOKED_AT = ("ke-hoach-hoi-nghi-can-bo", "quyet-dinh-cong-nhan-ban-ttnd", "tra-loi-kien-nghi-ban-ttnd")


def page_html(site, lang: str, slug: str) -> str:
    prefix = "" if lang == "vi" else "en/"
    return (site / f"{prefix}mau-van-ban/{slug}/index.html").read_text(encoding="utf-8")


def test_each_model_page_shows_the_form_and_offers_its_word_file(site):
    for model in shipped().values():
        for lang in ("vi", "en"):
            html = page_html(site, lang, model.slug)
            assert '<div class="mau-van-ban" lang="vi"' in html, (lang, model.slug)
            assert "{{" not in html, (lang, model.slug)
            blanks = re.findall(r'<span class="mau-o mau-o-\w+" data-field="([a-z0-9_]+)">', html)
            assert sorted(blanks) == sorted(n for n, lines in model.uses.items() for _ in lines), (lang, model.slug)
            href = re.search(r'<p class="mau-tai"><a href="([^"]+)" download', html).group(1)
            assert href == model.docx_name
            folder = site / ("" if lang == "vi" else "en") / "mau-van-ban" / model.slug
            # the file published is the model's Word file, the same bytes in both languages
            assert (folder / href).read_bytes() == docx_bytes(model), (lang, model.slug)
            assert 'assets/stylesheets/mau.css"' in html


def test_the_stylesheet_is_loaded_only_where_a_model_is_shown(site):
    assert "mau.css" not in (site / "index.html").read_text(encoding="utf-8")
    assert "mau.css" not in (site / "cam-nang" / "hoi-nghi-can-bo" / "index.html").read_text(encoding="utf-8")
    assert (site / "assets" / "stylesheets" / "mau.css").exists()


def test_the_index_lists_every_model_with_its_word_file(site):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        index = site / prefix / "mau-van-ban"
        html = (index / "index.html").read_text(encoding="utf-8")
        downloads = re.findall(r'<a href="([^"]+\.docx)" download', html)
        assert sorted(downloads) == sorted(f"{m.slug}/{m.docx_name}" for m in shipped().values()), lang
        assert all((index / d).is_file() for d in downloads)
        for model in shipped().values():
            assert f'href="{model.slug}/"' in html, (lang, model.slug)


def test_checklist_items_link_back_to_their_models(site):
    chapter = (site / "cam-nang" / "hoi-nghi-can-bo" / "index.html").read_text(encoding="utf-8")
    assert '<strong>Mẫu văn bản:</strong> <a href="../../mau-van-ban/ke-hoach-hoi-nghi-can-bo/">' in chapter
    english = (site / "en" / "cam-nang" / "hoi-nghi-can-bo" / "index.html").read_text(encoding="utf-8")
    assert '<strong>Model documents:</strong> <a href="../../mau-van-ban/ke-hoach-hoi-nghi-can-bo/">Plan for' in english
    for lang, prefix in (("vi", ""), ("en", "en/")):
        # every model is named in the evidence column of the checklist pages
        targets = set()
        for table in (site / prefix / "bang-kiem").glob("*/index.html"):
            cells = re.findall(r'<span class="ck-models">[^<]*((?:<a href="[^"]+">[^<]+</a>(?:; )?)+)</span>',
                               table.read_text(encoding="utf-8"))
            targets |= {t for cell in cells for t in re.findall(r'href="\.\./\.\./mau-van-ban/([a-z0-9-]+)/"', cell)}
        assert targets == {m.slug for m in shipped().values()}, lang


def test_the_printed_handbook_carries_the_models_as_its_annex(site):
    edition = re.search(r"(\d{4}-\d{2}-\d{2})", next(site.glob("cam-nang-dan-chu-co-so-*.pdf")).name).group(1)
    for lang, title in (("vi", "Phụ lục: Mẫu văn bản"), ("en", "Annex: Model documents")):
        name = site / pdf.file_name(lang, dt.date.fromisoformat(edition))
        text = subprocess.run([tool("pdftotext", "poppler-utils"), "-layout", str(name), "-"],
                              capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        pages = text.split("\f")
        contents = " ".join(" ".join(pages[:12]).split())
        assert title in contents, lang                                     # in the contents
        assert any(" ".join(page.split()).count(title) >= 1 for page in pages[12:]), lang  # and on its page
        assert "{{" not in text and "}}" not in text
        plan = shipped()["mau-van-ban/ke-hoach-hoi-nghi-can-bo.md"]
        label = plan.fields["ho_ten_thu_truong"].vi if lang == "vi" else plan.fields["ho_ten_thu_truong"].en
        assert f"({label})" in flat, lang                                 # a blank, with its label
        assert NATIONAL_NAME in flat and "Tải tệp Word" not in flat


@pytest.fixture(scope="module")
def office_pdfs(site, tmp_path_factory):
    """Every published Word file converted by LibreOffice, in one run."""
    files = sorted((site / "mau-van-ban").glob("*/*.docx"))
    out = tmp_path_factory.mktemp("office")
    result = to_pdf(files, out, tmp_path_factory.mktemp("lo-profile"))
    return files, out, result


def first_page(pdf_file, *options) -> str:
    return subprocess.run([tool("pdftotext", "poppler-utils"), "-f", "1", "-l", "1", *options, str(pdf_file), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_libreoffice_converts_every_word_file_without_error(office_pdfs):
    files, out, result = office_pdfs
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    assert len(files) == len(shipped())
    for file in files:
        converted = out / f"{file.stem}.pdf"
        assert converted.read_bytes()[:5] == b"%PDF-", file.name


def test_first_page_shows_the_heading_block_and_the_title(office_pdfs):
    _, out, _ = office_pdfs
    for model in shipped().values():
        text = " ".join(first_page(out / f"{model.slug}.pdf").split())
        assert NATIONAL_NAME in text and MOTTO in text, model.slug
        assert ("V/v" if model.heading.is_letter else model.heading.kind.upper()) in text, model.slug
        assert "{{" not in text and "……" in text, model.slug


def test_later_pages_are_numbered_from_2(office_pdfs):
    _, out, _ = office_pdfs
    long = out / "quy-che-dan-chu.pdf"
    second = subprocess.run([tool("pdftotext", "poppler-utils"), "-f", "2", "-l", "2", "-layout", str(long), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert second.strip().splitlines()[0].strip() == "2"
    assert not first_page(long, "-layout").strip().startswith("1")


def test_first_pages_rendered_look_like_the_decrees_layout(office_pdfs, tmp_path):
    """The first page at 60 dpi: A4 portrait; ink in both columns of the
    heading block; the left margin (30 mm) and the right margin (15 mm) blank."""
    _, out, _ = office_pdfs
    for slug in LOOKED_AT:
        target = tmp_path / slug
        subprocess.run([tool("pdftoppm", "poppler-utils"), "-r", "60", "-png", "-f", "1", "-l", "1",
                        str(out / f"{slug}.pdf"), str(target)], check=True)
        image = Image.open(next(tmp_path.glob(f"{slug}-*1.png"))).convert("L")
        width, height = image.size
        assert abs(height / width - 297 / 210) < 0.01, (slug, width, height)
        mm = width / 210

        def ink(left, top, right, bottom) -> int:
            box = image.crop((int(left * mm), int(top * mm), int(right * mm), int(bottom * mm)))
            return sum(1 for value in box.tobytes() if value < 128)

        assert ink(32, 20, 100, 45) > 20, slug           # issuing body, top left
        assert ink(105, 20, 193, 45) > 20, slug          # national name and motto, top right
        assert ink(0, 0, 28, 297) == 0, slug             # left margin
        assert ink(197, 0, 210, 297) == 0, slug          # right margin


def test_a_malformed_model_fails_lint_and_the_build_with_file_line_and_fix(project_copy):
    page = project_copy / "docs" / "mau-van-ban" / "thong-bao-cong-khai.md"
    text = page.read_text(encoding="utf-8").replace("{{ten_don_vi}}", "{{ten_don_vj}}", 1)
    text = text.replace("  parent:", "  parrent:", 1)
    page.write_text(text, encoding="utf-8")
    unknown = next(n for n, line in enumerate(text.split("\n"), 1) if "{{ten_don_vj}}" in line)
    lint = subprocess.run([sys.executable, str(project_copy / "tools" / "lint.py")], cwd=project_copy,
                          capture_output=True, text=True, encoding="utf-8")
    assert lint.returncode != 0
    for expected in (f"docs/mau-van-ban/thong-bao-cong-khai.md:{unknown}: [model-field-unknown]",
                     "[model-heading-missing]", "[model-heading-value]", "Cách sửa:", "Fix:"):
        assert expected in lint.stdout, lint.stdout
    # the build's own reading stops it too, when the linter is off
    result = run_build(project_copy, project_copy / "site", env={"HANDBOOK_LINT": "0"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/mau-van-ban/thong-bao-cong-khai.md:{unknown}: [model-field-unknown]" in output
    assert "Cách sửa:" in output and "Traceback" not in output
    assert not (project_copy / "site").exists()


def test_word_files_are_kept_in_the_build_cache_and_never_stale(project_copy):
    cache = project_copy / ".cache" / "handbook" / "docx"
    first = project_copy / "site-1"
    assert run_build(project_copy, first).returncode == 0
    assert len(list(cache.iterdir())) == len(shipped())
    before = {p.relative_to(first).as_posix(): p.read_bytes() for p in first.rglob("*.docx")}
    assert len(before) == 2 * len(shipped())                 # beside the Vietnamese and the English page
    page = project_copy / "docs" / "mau-van-ban" / "bien-ban-niem-yet.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nĐoạn mới thêm để kiểm tra.\n", encoding="utf-8")
    second = project_copy / "site-2"
    assert run_build(project_copy, second).returncode == 0
    after = {p.relative_to(second).as_posix(): p.read_bytes() for p in second.rglob("*.docx")}
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"mau-van-ban/bien-ban-niem-yet/bien-ban-niem-yet.docx",
                       "en/mau-van-ban/bien-ban-niem-yet/bien-ban-niem-yet.docx"}
    document = docx.Document(second / "mau-van-ban" / "bien-ban-niem-yet" / "bien-ban-niem-yet.docx")
    assert "Đoạn mới thêm để kiểm tra." in [p.text for p in document.paragraphs]
    assert len(list(cache.iterdir())) == len(shipped()) + 1
