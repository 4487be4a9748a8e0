"""End to end in Chromium through the real nginx and its strict security
policy: every page loads cleanly, and what readers do (search, switch
language, tick a checklist, download the PDF) works under the policy."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import checklist_pages
from served import assert_security_headers, fetch


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path (404 pages excepted)."""
    paths = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths


def test_every_page_loads_cleanly_under_the_policy(site, nginx_url, page_factory):
    pages = site_pages(site)
    assert "/" in pages and "/en/" in pages and len(pages) > 20
    page, watch = page_factory(nginx_url)
    # Every request a page makes (its worker's too) is awaited to its end:
    # as sure as "networkidle" without its half second of waiting per page.
    pending = set()
    page.on("request", lambda r: pending.add(r))
    page.on("requestfinished", lambda r: pending.discard(r))
    page.on("requestfailed", lambda r: pending.discard(r))
    problems = {}
    for path in pages:
        response = page.goto(nginx_url + path, wait_until="load")
        assert response is not None
        for _ in range(2):  # a script may start a request as the last one ends
            for _ in range(500):
                if not pending:
                    break
                page.wait_for_timeout(20)
            assert not pending, f"{path}: requests still open after 10 s: {[r.url for r in pending]}"
            page.wait_for_timeout(60)
        # Material's JavaScript ran (it marks the document) and the page has content
        ran = page.evaluate("document.documentElement.classList.contains('js')")
        found = {
            "status": [] if response.status == 200 else [response.status],
            "javascript did not run": [] if ran else [True],
            "CSP": list(watch.csp_violations),
            "console": list(watch.console_errors),
            "failed": list(watch.failed),
            "off-site": list(watch.offsite),
        }
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[path] = found
        for seen in (watch.csp_violations, watch.console_errors, watch.failed, watch.offsite):
            seen.clear()
    assert not problems, f"pages with problems: {problems}"


@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("/trang-khong-ton-tai/", "vi", "Không tìm thấy trang"),
    ("/en/missing-page/", "en", "Page not found"),
])
def test_not_found_pages_load_cleanly(nginx_url, page_factory, path, lang, heading):
    page, watch = page_factory(nginx_url)
    response = page.goto(nginx_url + path, wait_until="networkidle")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text() == heading
    assert page.evaluate("document.documentElement.classList.contains('js')")
    # the 404 of the page itself is expected (Chromium logs it once); nothing else may fail
    assert watch.failed == [f"{nginx_url}{path} (HTTP 404)"]
    assert watch.console_errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    watch.failed.clear()
    watch.console_errors.clear()
    watch.assert_clean()


def open_search(page):
    """Open Material's search the way a reader does: click the magnifier
    (narrow screens) or the search field."""
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    else:
        page.locator("input.md-search__input").click()


@pytest.mark.parametrize(("path", "query"), [("/", "dân chủ"), ("/en/", "democracy")])
def test_search_finds_results_under_the_policy(nginx_url, page_factory, path, query):
    page, watch = page_factory(nginx_url)
    page.goto(nginx_url + path, wait_until="networkidle")
    open_search(page)
    # Material reacts to key presses (a programmatic fill is not seen)
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15000)
    assert results.count() > 0
    results.first.locator("a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(nginx_url)
    watch.assert_clean()


def test_language_switch_works_under_the_policy(nginx_url, page_factory):
    page, watch = page_factory(nginx_url)
    page.goto(nginx_url + "/cam-nang/cong-khai/", wait_until="networkidle")
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').first.click()
    page.wait_for_url("**/en/cam-nang/cong-khai/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="vi"]').first.click()
    page.wait_for_url(nginx_url + "/cam-nang/cong-khai/")
    assert page.locator("html").get_attribute("lang") == "vi"
    watch.assert_clean()


# ---------------------------------------------------------------- checklists


def test_checklist_marks_survive_a_reload_under_the_policy(site, nginx_url, page_factory):
    pages = checklist_pages(site)
    assert pages, "no page of the build has an interactive checklist"
    page, watch = page_factory(nginx_url)
    page.goto(nginx_url + pages[0], wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")  # the script ran under the policy
    first = page.locator("input[type=radio][data-ck-item]").first
    item, value = first.get_attribute("data-ck-item"), first.get_attribute("value")
    first.check()
    page.wait_for_function("Object.keys(localStorage).some(k => k.startsWith('handbook.checklist.'))")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert page.locator(f'input[type=radio][data-ck-item="{item}"][value="{value}"]').is_checked()
    watch.assert_clean()


# ---------------------------------------------------------------- PDF


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_pdf_download_works_under_the_policy(nginx_url, page_factory, path):
    page, watch = page_factory(nginx_url)
    page.goto(nginx_url + path, wait_until="networkidle")
    link = page.locator("a[href$='.pdf'][download]").first
    assert link.count(), f"{path}: no PDF download link"
    href = page.evaluate("a => a.href", link.element_handle())
    assert href.startswith(nginx_url)
    resp = fetch(nginx_url, href[len(nginx_url):], method="HEAD")
    assert resp.status == 200
    assert resp.header("Content-Type") == "application/pdf"
    assert resp.header("Content-Security-Policy") is None
    assert_security_headers(resp, href, with_csp=False)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")
    watch.assert_clean()
