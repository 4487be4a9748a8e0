"""WCAG 2.1 AA: axe-core (offline, from axe-playwright-python) over every page
type in both languages, at three screen sizes (1280×720 and 1366×768, the
commonest desktop screens, and a 390×844 phone), served by nginx under the
production policy, finds no serious or critical violation; and the site works
from the keyboard alone."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, checklist_pages

BLOCKING = {"serious", "critical"}
# WCAG 2.0/2.1 A and AA, plus axe's best practices (landmarks, headings...).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
_TYPE = re.compile(r"^type:\s*([\w-]+)\s*$", re.M)


def page_url(src_uri: str) -> str:
    """docs-relative Vietnamese source path -> URL path of its page."""
    stem = src_uri[:-3]
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        return "/" + stem[: -len("index")]
    return f"/{stem}/"


def first_page(predicate, fallback: str) -> str:
    docs = ROOT / "docs"
    for path in sorted(docs.rglob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        rel = path.relative_to(docs).as_posix()
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        match = _TYPE.search(head)
        if predicate(rel, match.group(1) if match else None):
            return page_url(rel)
    return fallback


def page_types() -> dict[str, str]:
    """One page of each type (the first in the content), by its type."""
    return {
        "home": "/",
        "chapter": first_page(lambda rel, t: t == "chapter", "/cam-nang/"),
        "regulation": first_page(lambda rel, t: t == "regulation", "/van-ban/"),
        "qa": first_page(lambda rel, t: t == "qa", "/hoi-dap/"),
        "glossary": first_page(lambda rel, t: t == "glossary", "/thuat-ngu/"),
        "checklist": first_page(lambda rel, t: rel.startswith("bang-kiem/") and rel != "bang-kiem/index.md",
                                "/bang-kiem/"),
        "checklists-index": "/bang-kiem/",
        "chapters-index": "/cam-nang/",   # content tabs: a row of labels that scrolls
        "editors": "/bien-tap/",
        "404": "/khong-co-trang-nay/",
    }


PAGE_TYPES = page_types()
# width × height: the commonest desktop screens and a phone
SIZES = {"1280x720": (1280, 720), "1366x768": (1366, 768), "390x844": (390, 844)}


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


def describe(violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                   for n in v["nodes"][:5]]
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} — {targets}")
    return lines


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_or_critical_axe_violation(nginx_url, page_factory, kind, lang, size):
    path = PAGE_TYPES[kind]
    if lang == "en":
        path = "/en" + path
    width, height = SIZES[size]
    page, watch = page_factory(nginx_url, viewport={"width": width, "height": height})
    response = page.goto(nginx_url + path, wait_until="networkidle")
    assert response.status == (404 if kind == "404" else 200), path
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"{path} at {size}:\n" + "\n".join(describe(blocking))
    assert not watch.csp_violations, watch.csp_violations


# ---------------------------------------------------------------- keyboard


def press_tab_until(page, predicate_js: str, limit: int = 80) -> int:
    """Press Tab until ``predicate_js(document.activeElement)`` holds."""
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return count
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


@pytest.mark.parametrize(("path", "query"), [("/", "dân chủ"), ("/en/", "democracy")])
def test_keyboard_reaches_search_and_opens_a_result(nginx_url, page_factory, path, query):
    page, watch = page_factory(nginx_url)
    page.goto(nginx_url + path, wait_until="networkidle")
    # a skip link comes first, then the header's controls; Tab reaches search
    press_tab_until(page, "el && el.matches('input.md-search__input')")
    page.keyboard.type(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15000)
    # the list answers the last letters typed: wait until it stops changing,
    # or the link the arrow keys select may be replaced before Enter (a busy machine)
    page.wait_for_function("""() => {
        const list = document.querySelector('.md-search-result__list');
        const now = list ? list.innerHTML : '';
        const same = now !== '' && now === window.__resultsBefore;
        window.__resultsBefore = now;
        return same;
    }""", polling=300, timeout=15000)
    # arrow keys move through the results; Enter opens the selected one
    target = None
    for _ in range(8):
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(300)  # a result the list redraws meanwhile loses the focus: select again
        target = page.evaluate("""(el => el && el.matches('a.md-search-result__link')
            ? new URL(el.href).pathname : null)(document.activeElement)""")
        if target:
            break
    assert target, "arrow keys never selected a search result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("location.pathname") == target
    assert page.locator("html").get_attribute("lang") == ("en" if path == "/en/" else "vi")
    watch.assert_clean()


def test_focus_is_visible_on_links(nginx_url, page_factory):
    """Keyboard users see where they are: focused links get an outline."""
    page, _ = page_factory(nginx_url)
    page.goto(nginx_url + "/cam-nang/", wait_until="networkidle")
    press_tab_until(page, "el && el.matches('article a[href]')", limit=200)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "focused content link has no visible outline"


def test_keyboard_ticks_a_checklist_item(site, nginx_url, page_factory):
    """Skip link, then Tab to the first result choice of a checklist; Space
    marks it, and the mark is kept."""
    pages = checklist_pages(site)
    assert pages, "no page of the build has an interactive checklist"
    page, watch = page_factory(nginx_url)
    page.goto(nginx_url + pages[0], wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "skip link is not first"
    page.keyboard.press("Enter")
    press_tab_until(page, "el && el.matches('input[type=radio][data-ck-item]')", limit=150)
    item = page.evaluate("[document.activeElement.dataset.ckItem, document.activeElement.value]")
    assert not page.evaluate("document.activeElement.checked")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    radio = page.locator(f'input[type=radio][data-ck-item="{item[0]}"][value="{item[1]}"]')
    page.wait_for_function("Object.keys(localStorage).some(k => k.startsWith('handbook.checklist.'))")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".ck-toolbar")
    assert radio.is_checked()
    watch.assert_clean()
