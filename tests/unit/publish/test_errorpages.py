"""What the build leaves for the web server (handbook.publish.errorpages): a
"not found" page per language and precompressed copies of static files."""
from __future__ import annotations

import gzip

from handbook.publish import compress, errorpages


def test_not_found_paths_per_language():
    assert errorpages.not_found_path("vi") == "404.html"
    assert errorpages.not_found_path("en") == "en/404.html"


def test_switcher_of_not_found_page_leads_to_home_pages():
    html = ('<a href="/van-ban/" hreflang="vi" class="md-select__link">Tiếng Việt</a>'
            '<a href="/en/van-ban/" hreflang="en" class="md-select__link">English</a>'
            '<a href="/van-ban/" class="other">x</a>')
    out = errorpages.switch_to_home_pages(html)
    assert '<a href="/" hreflang="vi" class="md-select__link">' in out
    assert '<a href="/en/" hreflang="en" class="md-select__link">' in out
    assert '<a href="/van-ban/" class="other">' in out


def test_write_not_found_pages(tmp_path):
    written = errorpages.write_not_found_pages(tmp_path, {"vi": "vi page", "en": "en page"})
    assert (tmp_path / "404.html").read_text(encoding="utf-8") == "vi page"
    assert (tmp_path / "en" / "404.html").read_text(encoding="utf-8") == "en page"
    assert len(written) == 2


def test_precompress_selects_text_files_and_is_reproducible(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / ".nginx").mkdir()
    big = "body { color: red }\n" * 200
    (tmp_path / "assets" / "site.css").write_text(big, encoding="utf-8")
    (tmp_path / "assets" / "tiny.js").write_text("x()", encoding="utf-8")
    (tmp_path / "assets" / "site.css.map").write_text(big, encoding="utf-8")
    (tmp_path / "assets" / "font.woff2").write_bytes(b"\0" * 5000)
    (tmp_path / ".nginx" / "hidden.txt").write_text(big, encoding="utf-8")  # dot folders are not served
    candidates = compress.candidates(tmp_path)
    assert candidates == [tmp_path / "assets" / "site.css"]
    first = compress.precompress(candidates)[0].read_bytes()
    assert gzip.decompress(first) == big.encode()
    assert compress.precompress(candidates)[0].read_bytes() == first


def test_built_site_has_both_not_found_pages(site):
    vi = (site / "404.html").read_text(encoding="utf-8")
    en = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in vi and "Không tìm thấy trang" in vi
    assert '<html lang="en"' in en and "Page not found" in en


def test_error_pages_are_plain_bilingual_and_need_no_code(tmp_path):
    from handbook.publish import csp

    written = errorpages.write_error_pages(tmp_path, "Cẩm nang <thử>")
    assert sorted(p.name for p in written) == [f"{code}.html" for code in sorted(errorpages.ERRORS)]
    page = (tmp_path / "errors" / "405.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and '<section lang="en">' in page
    assert "Thao tác không được hỗ trợ (405)" in page and "Method not allowed (405)" in page
    assert "Cẩm nang &lt;thử&gt;" in page  # the site's name is escaped
    assert csp.scan_page(page) == []
