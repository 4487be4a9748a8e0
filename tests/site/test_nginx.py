"""The site as the real nginx serves it with deploy/nginx/: one set of
security headers on every response and every status, a Content-Security-Policy
that trusts only the site's own files, caching per kind of file, compression,
types, no byte ranges, and the handbook's own error pages, which the build
writes for it. (The policy itself: tests/unit/publish/test_csp.py.)"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import running_nginx
from handbook.publish import csp
from served import assert_security_headers, fetch

YEAR = "public, max-age=31536000, immutable"


def one(site: Path, pattern: str) -> str:
    matches = sorted(site.glob(pattern))
    assert matches, f"nothing matches {pattern}"
    return "/" + matches[0].relative_to(site).as_posix()


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize("path", ["/", "/en/", "/cam-nang/cong-khai/", "/en/cam-nang/cong-khai/"])
def test_pages_are_served_with_security_headers_and_no_cache(nginx_url, path):
    resp = fetch(nginx_url, path)
    assert resp.status == 200
    assert resp.header("Content-Type") == "text/html; charset=utf-8"
    assert resp.header("Cache-Control") == "no-cache"
    assert_security_headers(resp, path)


def test_policy_is_the_code_s_own_and_no_page_needs_more(nginx_url, site):
    served = fetch(nginx_url, "/").header("Content-Security-Policy")
    assert served == csp.policy()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    found = {page.relative_to(site).as_posix(): csp.scan_page(page.read_bytes()) for page in pages}
    assert not {page: problems for page, problems in found.items() if problems}


@pytest.mark.parametrize(("method", "path", "status"), [
    ("POST", "/", 405), ("DELETE", "/cam-nang/", 405), ("GET", "/%", 400), ("GET", "/.git/config", 404),
])
def test_errors_get_the_handbook_s_page_and_one_set_of_headers(nginx_url, method, path, status):
    resp = fetch(nginx_url, path, method=method)
    assert resp.status == status
    assert_security_headers(resp, f"{method} {path}")
    if status != 404:
        assert f"({status})" in resp.text and "Về trang chủ" in resp.text and "nginx" not in resp.text.lower()
    assert csp.scan_page(resp.body) == []


def test_ranges_are_not_served_so_there_is_no_416(nginx_url):
    whole = fetch(nginx_url, "/", gzip_ok=False)
    for value in ("bytes=0-9", "bytes=99999999-", "bytes=0-1,3-4,6-7,9-10"):
        resp = fetch(nginx_url, "/", gzip_ok=False, Range=value)
        assert resp.status == 200 and resp.body == whole.body, value
        assert resp.header("Accept-Ranges") is None
        assert_security_headers(resp, f"Range: {value}")


def test_folder_without_slash_redirects_relatively(nginx_url):
    resp = fetch(nginx_url, "/en")
    assert resp.status == 301
    assert resp.header("Location") == "/en/"


# ---------------------------------------------------------------- 404


@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("/khong-co-trang-nay/", "vi", "Không tìm thấy trang"),
    ("/cam-nang/khong-co/", "vi", "Không tìm thấy trang"),
    ("/en/no-such-page/", "en", "Page not found"),
    ("/en/cam-nang/nope.html", "en", "Page not found"),
])
def test_not_found_page_is_in_the_readers_language(nginx_url, path, lang, heading):
    resp = fetch(nginx_url, path)
    assert resp.status == 404
    assert resp.header("Content-Type") == "text/html; charset=utf-8"
    assert f'<html lang="{lang}"' in resp.text
    assert f"<h1>{heading}</h1>" in resp.text
    assert resp.header("Cache-Control") == "no-cache"
    assert_security_headers(resp, path)


def test_built_site_has_both_not_found_pages(site):
    vi = (site / "404.html").read_text(encoding="utf-8")
    en = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in vi and "Không tìm thấy trang" in vi
    assert '<html lang="en"' in en and "Page not found" in en


def test_not_found_pages_link_to_each_language_home(site):
    for name, home in (("404.html", 'href="/"'), ("en/404.html", 'href="/en/"')):
        html = (site / name).read_text(encoding="utf-8")
        assert '<a href="/" hreflang="vi" class="md-select__link">' in html, name
        assert '<a href="/en/" hreflang="en" class="md-select__link">' in html, name
        assert home in html.split("<h1>", 1)[1], name
        assert 'rel="alternate"' not in html.split("</head>")[0], name


# ---------------------------------------------------------------- assets


def test_fingerprinted_theme_files_are_cached_for_a_year(nginx_url, site):
    for pattern, kind in [("assets/javascripts/bundle.*.min.js", "application/javascript"),
                          ("assets/javascripts/workers/search-handbook.*.js", "application/javascript"),
                          ("assets/stylesheets/main.*.min.css", "text/css"),
                          ("assets/stylesheets/palette.*.min.css", "text/css")]:
        path = one(site, pattern)
        resp = fetch(nginx_url, path)
        assert resp.status == 200, path
        assert resp.header("Cache-Control") == YEAR, path
        assert resp.header("Content-Type") == f"{kind}; charset=utf-8", path
        assert resp.header("Content-Encoding") == "gzip", path
        assert resp.body == (site / path.lstrip("/")).read_bytes(), path
        assert_security_headers(resp, path)


def test_fonts_are_woff2_cached_for_a_year(nginx_url, site):
    fonts = sorted((site / "assets" / "fonts").glob("*.woff2"))
    assert fonts
    for font in fonts:
        path = "/" + font.relative_to(site).as_posix()
        resp = fetch(nginx_url, path)
        assert resp.status == 200
        assert resp.header("Content-Type") == "font/woff2"
        assert resp.header("Cache-Control") == YEAR
        assert resp.header("Content-Encoding") is None, "woff2 is already compressed"
        assert_security_headers(resp, path)


def test_every_fingerprinted_script_and_stylesheet_is_cached_for_a_year(nginx_url, site):
    """Whatever adds a script named <name>.<8 hex digits>[.min].js (Material,
    the handbook's search worker) gets the long lifetime; others do not."""
    import re

    fingerprinted = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(js|css)$")
    files = [p for p in (site / "assets").rglob("*") if p.suffix in (".js", ".css")]
    assert files
    for file in files:
        path = "/" + file.relative_to(site).as_posix()
        expected = YEAR if fingerprinted.search(file.name) else "no-cache"
        assert fetch(nginx_url, path, method="HEAD").header("Cache-Control") == expected, path


def test_own_unfingerprinted_files_are_revalidated(nginx_url):
    for path in ("/assets/stylesheets/handbook.css", "/assets/stylesheets/fonts.css"):
        resp = fetch(nginx_url, path)
        assert resp.status == 200
        assert resp.header("Cache-Control") == "no-cache", path
        assert resp.header("ETag"), path


def test_search_index_is_json_compressed_and_revalidated(nginx_url, site):
    indexes = sorted(site.rglob("search_index.json"))
    assert indexes
    for index in indexes:
        path = "/" + index.relative_to(site).as_posix()
        resp = fetch(nginx_url, path)
        assert resp.status == 200
        assert resp.header("Content-Type") == "application/json; charset=utf-8"
        assert resp.header("Cache-Control") == "no-cache"
        assert resp.header("Content-Encoding") == "gzip"
        assert "Accept-Encoding" in (resp.header("Vary") or "")
        assert resp.body == index.read_bytes()
        assert len(resp.raw) < index.stat().st_size
        assert_security_headers(resp, path)


def test_gzip_is_negotiated(nginx_url, site):
    zipped = fetch(nginx_url, "/en/")
    plain = fetch(nginx_url, "/en/", gzip_ok=False)
    assert zipped.header("Content-Encoding") == "gzip"
    assert plain.header("Content-Encoding") is None
    assert zipped.body == plain.body == (site / "en" / "index.html").read_bytes()
    assert len(zipped.raw) < len(plain.raw) / 2
    assert "Accept-Encoding" in zipped.header("Vary")


def test_precompressed_copies_match_their_originals(site):
    copies = sorted(site.rglob("*.gz"))
    assert any(c.name.startswith("bundle.") for c in copies)
    assert any(c.name == "search_index.json.gz" for c in copies)
    for copy in copies:
        original = copy.with_name(copy.name[:-3])
        assert original.exists(), copy
        assert gzip.decompress(copy.read_bytes()) == original.read_bytes(), f"stale {copy}"


# ---------------------------------------------------------------- types


@pytest.fixture(scope="module")
def typed_files_url(site, tmp_path_factory):
    """nginx with this configuration over a folder of sample downloads (the
    shipped site may not carry each kind of file)."""
    root = tmp_path_factory.mktemp("typed") / "root"
    root.mkdir(parents=True)
    samples = {
        "bang-kiem.xlsx": b"PK\x03\x04" + b"\0" * 2000,
        "cam-nang.pdf": b"%PDF-1.7\n" + b"%" * 2000 + b"\n%%EOF\n",
        "bang-kiem.csv": "mã,yêu cầu\ncong-khai,Công khai kế hoạch\n".encode("utf-8") * 40,
        "data.json": b'{"a": 1}',
        "font.woff2": b"wOF2" + b"\0" * 100,
        "index.html": b"<!doctype html><title>x</title>",
    }
    for name, data in samples.items():
        (root / name).write_bytes(data)
    with running_nginx(root, tmp_path_factory.mktemp("nginx-typed")) as url:
        yield url


@pytest.mark.parametrize(("name", "content_type"), [
    ("bang-kiem.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("cam-nang.pdf", "application/pdf"),
    ("bang-kiem.csv", "text/csv; charset=utf-8"),
    ("data.json", "application/json; charset=utf-8"),
    ("font.woff2", "font/woff2"),
])
def test_download_types(typed_files_url, name, content_type):
    resp = fetch(typed_files_url, "/" + name)
    assert resp.status == 200
    assert resp.header("Content-Type") == content_type
    assert resp.header("Cache-Control") in ("no-cache", YEAR)
    # Chromium shows a PDF through a plugin inside the PDF's own document:
    # object-src 'none' there would leave an empty page, so no policy on PDFs.
    assert_security_headers(resp, name, with_csp=not name.endswith(".pdf"))
    if name.endswith(".pdf"):
        assert resp.header("Content-Security-Policy") is None


def test_csv_is_compressed_on_the_fly(typed_files_url):
    resp = fetch(typed_files_url, "/bang-kiem.csv")
    assert resp.header("Content-Encoding") == "gzip"
    assert "Công khai" in resp.text
