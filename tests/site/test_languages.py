"""The bilingual site: both languages built, switcher, no language
alternates in the head, Vietnamese anchors, translated navigation."""
import re
from pathlib import Path

from conftest import soup


def html_pages(site: Path):
    # reader pages: not the "not found" page nor the server's error pages
    return [p for p in site.rglob("*.html") if p.name != "404.html" and p.relative_to(site).parts[0] != "errors"]


def test_both_languages_are_built(site):
    assert (site / "index.html").exists()
    assert (site / "en" / "index.html").exists()
    assert soup(site / "index.html").html["lang"] == "vi"
    assert soup(site / "en" / "index.html").html["lang"] == "en"


def test_every_vietnamese_page_has_an_english_counterpart_or_fallback(site):
    for page in html_pages(site):
        rel = page.relative_to(site)
        if rel.parts[0] == "en":
            continue
        assert (site / "en" / rel).exists(), f"no /en/ page for {rel}"


def test_every_page_head_is_without_language_alternates(site):
    for page in site.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert 'hreflang' not in head, page.relative_to(site)


def test_language_switcher_links_to_the_same_page(site):
    for page in html_pages(site):
        rel = page.relative_to(site)
        doc = soup(page)
        links = {a["hreflang"]: a["href"] for a in doc.select("a.md-select__link[hreflang]")}
        assert set(links) == {"vi", "en"}, f"{rel}: switcher has {links}"
        is_en = rel.parts[0] == "en"
        vi_rel = Path(*rel.parts[1:]) if is_en else rel
        for lang, href in links.items():
            target = (page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            expected = (site / "en" / vi_rel) if lang == "en" else (site / vi_rel)
            assert target == expected.resolve(), f"{rel}: {lang} switcher -> {href}"


def test_dieu_headings_get_readable_ascii_ids(site):
    checked = 0
    for page in html_pages(site):
        for heading in soup(page).select("h2, h3, h4"):
            text = heading.get_text(" ", strip=True).replace("¶", "").strip()
            if re.match(r"^Điều \d+", text):
                assert re.fullmatch(r"dieu-\d+(-[a-z0-9]+)*", heading["id"]), (page, heading["id"])
                checked += 1
    assert checked > 0, "no 'Điều N' heading found in the built site"


def test_navigation_labels_are_translated(site):
    vi_nav = soup(site / "index.html").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    en_nav = soup(site / "en" / "index.html").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Cẩm nang" in vi_nav
    assert "Handbook" in en_nav and "Cẩm nang" not in en_nav
