"""What a reader's walk through the site checks, in Chromium through nginx
(issue 23): nothing moves while a page loads (layout shift under 0.1 on
every page type, at a desktop and a phone size), the cross-references under
a regulation's articles are collapsed with their count, the language switch
keeps the section, the editors' pages are reachable from the footer but not
in the readers' menu, and the regulations' status icons say their status.
(axe at three sizes: test_accessibility.py; valid HTML: tests/site/test_html_valid.py.)"""
from __future__ import annotations

import pytest

from test_accessibility import PAGE_TYPES

LAW = "/van-ban/luat-10-2022-qh15/"
# Layout shift as Chromium reports it (the Layout Instability API), summed
# over the page's load as Lighthouse's "cumulative layout shift" does.
CLS_OBSERVER = """
window.__handbookShift = 0;
window.__handbookShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__handbookShift += entry.value;
    window.__handbookShifts.push([entry.value, (entry.sources || []).map(
      (s) => s.node ? (s.node.className || s.node.nodeName) : "?").join(" | ")]);
  }
}).observe({type: "layout-shift", buffered: true});
"""
GOOD_CLS = 0.1   # web.dev's threshold for a "good" page


@pytest.mark.parametrize("viewport", [(1366, 768), (390, 844)], ids=["desktop", "phone"])
def test_no_page_type_moves_while_it_loads(nginx_url, page_factory, viewport):
    page, watch = page_factory(nginx_url, viewport={"width": viewport[0], "height": viewport[1]})
    page.add_init_script(CLS_OBSERVER)
    paths = sorted({*PAGE_TYPES.values(), LAW, "/en" + LAW, "/en/cam-nang/"} - {PAGE_TYPES["404"]})
    shifts = {}
    for path in paths:
        page.goto(nginx_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # shifts reported after the load event
        shifts[path] = (page.evaluate("window.__handbookShift"), page.evaluate("window.__handbookShifts"))
    moving = {path: found for path, found in shifts.items() if found[0] >= GOOD_CLS}
    assert not moving, f"layout shift ≥ {GOOD_CLS}: {moving}"
    watch.assert_clean()


def test_cross_references_are_collapsed_under_each_article_with_their_count(nginx_url, page_factory):
    page, watch = page_factory(nginx_url, viewport={"width": 1366, "height": 768})
    page.goto(nginx_url + LAW, wait_until="networkidle")
    lists = page.locator("article details.handbook-cited")
    assert lists.count() >= 10
    for index in range(lists.count()):
        block = lists.nth(index)
        assert block.get_attribute("open") is None, "a 'cited in' list is open"
        summary = block.locator("summary").inner_text()
        items = block.locator("li").count()
        assert summary.startswith("Được dẫn chiếu tại") and f" {items} nơi" in summary, (summary, items)
        # the article's own text comes before its list
        assert block.evaluate("el => el.previousElementSibling && el.previousElementSibling.tagName") != "H2"
    links_shown = page.locator("article details.handbook-cited a:visible").count()
    assert links_shown == 0
    # the page's own list at its end, under its heading, is collapsed too, with its count
    whole = page.locator("article details.handbook-cited-index")
    assert whole.count() == 1 and whole.get_attribute("open") is None
    assert whole.locator("li").count() >= 20 and str(whole.locator("li").count()) in whole.locator("summary").inner_text()
    # readers who want them open them
    first = lists.first
    first.locator("summary").click()
    assert first.locator("li a").first.is_visible()
    watch.assert_clean()


def test_language_switch_keeps_the_section(nginx_url, page_factory):
    page, watch = page_factory(nginx_url, viewport={"width": 1366, "height": 768})
    page.goto(nginx_url + LAW, wait_until="networkidle")
    anchor = page.locator("article h2[id^='dieu-51-']").first.get_attribute("id")
    page.goto(f"{nginx_url}{LAW}#{anchor}", wait_until="networkidle")
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').first.click()
    page.wait_for_url(f"**/en{LAW}#{anchor}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(f"[id='{anchor}']").count() == 1, "the English page has the same section"
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="vi"]').first.click()
    page.wait_for_url(f"{nginx_url}{LAW}#{anchor}")
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_editors_pages_are_reachable_from_the_footer_not_in_the_menu(nginx_url, page_factory, lang):
    prefix = "/en" if lang == "en" else ""
    page, watch = page_factory(nginx_url, viewport={"width": 1366, "height": 768})
    page.goto(f"{nginx_url}{prefix}/cam-nang/", wait_until="networkidle")
    assert page.locator("nav.md-nav--primary a[href*='bien-tap']").count() == 0, "editors' pages in the menu"
    link = page.locator("footer a[data-editors-link]")
    assert link.count() == 1
    link.click()
    page.wait_for_url(f"**{prefix}/bien-tap/")
    # on the editors' own pages, their section is in the menu to move between them
    assert page.locator("nav.md-nav--primary a[href*='ban-dich']").count() >= 1
    watch.assert_clean()


def test_status_icons_say_their_status_to_everyone(nginx_url, page_factory):
    page, watch = page_factory(nginx_url, viewport={"width": 1366, "height": 768})
    page.goto(nginx_url + "/van-ban/", wait_until="networkidle")
    icons = page.locator("nav.md-nav--primary .md-status")
    assert icons.count() >= 10
    words = set()
    for index in range(icons.count()):
        icon = icons.nth(index)
        title = icon.get_attribute("title")
        hidden = icon.locator(".handbook-sr-only").inner_text()
        assert title and title == hidden, (title, hidden)
        words.add(title)
    assert {"Còn hiệu lực", "Chưa xác định"} <= words and len(words) >= 3
    # the accessible name of a regulation's menu entry includes its status
    name = page.locator("nav.md-nav--primary a:has(.md-status--in-force)").first.evaluate(
        "el => el.innerText.replace(/\\s+/g, ' ').trim()")
    assert name.endswith("Còn hiệu lực"), name
    watch.assert_clean()
