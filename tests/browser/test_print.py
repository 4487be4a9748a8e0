"""Printing a page from Chromium (docs/assets/stylesheets/print.css,
docs/assets/javascripts/print.js) on the sample page holding every printable
construct (tests/fixtures/pdf/mau-in.md): only the article, every tab under
its label, collapsed details opened. (The PDFs: tests/site/test_pdf.py.)"""
import pytest


@pytest.mark.parametrize("path", ["/mau-in/", "/en/mau-in/"])
def test_browser_print_shows_only_the_article_with_everything_open(pdf_sample_url, page_factory, path):
    page, watch = page_factory(pdf_sample_url)
    page.goto(pdf_sample_url + path, wait_until="networkidle")
    assert page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator("details .admonition-title, details > p").first.is_visible()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                   ".md-footer", ".handbook-pdf-link"):
        assert page.locator(chrome).count() == 0 or not page.locator(chrome).first.is_visible(), \
            f"{chrome} is printed"
    for details in page.locator("article details").all():
        assert details.get_attribute("open") is not None
        assert details.locator("p").last.is_visible()
    blocks = page.locator("article .tabbed-block")
    assert blocks.count() == 2
    for i in range(blocks.count()):
        assert blocks.nth(i).is_visible(), f"tab {i + 1} is not printed"
    for label in page.locator("article .tabbed-labels > label").all():
        assert label.is_visible()
    watch.assert_clean()
