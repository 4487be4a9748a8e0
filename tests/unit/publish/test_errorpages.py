"""The error pages the build leaves for the web server
(handbook.publish.errorpages): a "not found" page per language, its language
switch leading to the home pages, and plain bilingual pages for the other
statuses. (As nginx serves them: tests/site/test_nginx.py.)"""
from __future__ import annotations

from handbook.publish import errorpages


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


def test_error_pages_are_plain_bilingual_and_need_no_code(tmp_path):
    from handbook.publish import csp

    written = errorpages.write_error_pages(tmp_path, "Cẩm nang <thử>")
    assert sorted(p.name for p in written) == [f"{code}.html" for code in sorted(errorpages.ERRORS)]
    page = (tmp_path / "errors" / "405.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and '<section lang="en">' in page
    assert "Thao tác không được hỗ trợ (405)" in page and "Method not allowed (405)" in page
    assert "Cẩm nang &lt;thử&gt;" in page  # the site's name is escaped
    assert csp.scan_page(page) == []
