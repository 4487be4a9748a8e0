"""The home page in both languages loads cleanly in a real Chromium."""
import pytest


@pytest.mark.parametrize(("path", "lang", "title_part"), [("/", "vi", "Cẩm nang"), ("/en/", "en", "Handbook")])
def test_home_page_loads_without_errors(site_url, page_factory, path, lang, title_part):
    page, watch = page_factory(site_url)
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert title_part in page.title()
    # the self-hosted font is the one in use
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"')")
    watch.assert_clean()


def test_language_switch_leads_to_the_same_page(site_url, page_factory):
    page, watch = page_factory(site_url)
    page.goto(site_url + "/cam-nang/", wait_until="networkidle")
    page.locator(".md-header [data-md-component=palette], .md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').first.click()
    page.wait_for_url("**/en/cam-nang/")
    assert page.locator("html").get_attribute("lang") == "en"
    watch.assert_clean()
