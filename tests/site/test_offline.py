"""No built file makes a request to another host (intranet readers, privacy)."""
import re
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

# Attributes that make the browser fetch something on load.
FETCHING = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"],
    "iframe": ["src"], "video": ["src", "poster"], "audio": ["src"], "embed": ["src"],
    "object": ["data"], "track": ["src"],
}
LINK_RELS_THAT_FETCH = {"stylesheet", "icon", "preload", "modulepreload", "prefetch",
                        "preconnect", "dns-prefetch", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
JS_URL = re.compile(r"""["'`](https?:)?//[^"'`\s]+""")
# Strings in JavaScript that look like addresses but are never fetched.
JS_NON_REQUESTS = ("http://www.w3.org/", "https://www.w3.org/", "http://lunrjs.com",
                   "http://tartarus.org/", "https://clipboardjs.com/", "https://bit.ly/2s3ChXG",
                   "https://fontawesome.com",
                   # the XLSX writer's XML namespaces and relationship types: names, never fetched
                   "http://schemas.openxmlformats.org/", "http://purl.org/dc/")
# Material asks GitHub's or GitLab's API for repository facts only through its
# "source" component, which exists only when mkdocs.yml sets repo_url. We never
# set it (test below), so these addresses are never requested.
REPO_FACTS = ("https://api.github.com/", "https://${e}/api/v4/")


def is_external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlparse(url).scheme in {"http", "https", "ftp", "ws", "wss"}


def test_html_fetches_nothing_from_another_host(site: Path):
    offenders = []
    for page in site.rglob("*.html"):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attrs in FETCHING.items():
            for element in doc.find_all(tag):
                for attr in attrs:
                    for url in (element.get(attr) or "").split(","):
                        if url.strip() and is_external(url.split()[0]):
                            offenders.append(f"{page.relative_to(site)}: <{tag} {attr}={url}>")
        for link in doc.find_all("link", href=True):
            if LINK_RELS_THAT_FETCH & set(link.get("rel", [])) and is_external(link["href"]):
                offenders.append(f"{page.relative_to(site)}: <link href={link['href']}>")
        for style in doc.find_all(style=True):
            for m in CSS_URL.finditer(style["style"]):
                if is_external(m.group(1) or m.group(2)):
                    offenders.append(f"{page.relative_to(site)}: inline style {m.group(0)}")
    assert not offenders, "\n".join(offenders)


def test_css_loads_nothing_from_another_host(site: Path):
    offenders = []
    for css in site.rglob("*.css"):
        for m in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
            url = m.group(1) or m.group(2)
            if is_external(url):
                offenders.append(f"{css.relative_to(site)}: {m.group(0)}")
    assert not offenders, "\n".join(offenders)


def scripts_loaded_by_pages(site: Path) -> set[Path]:
    scripts = set()
    for page in site.rglob("*.html"):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in doc.find_all("script", src=True):
            target = (page.parent / element["src"].split("?")[0]).resolve()
            if target.exists():
                scripts.add(target)
    # Material's search worker is started by the bundle, not by a <script> tag.
    scripts.update(site.glob("assets/javascripts/workers/*.js"))
    return scripts


def test_javascript_the_pages_load_addresses_no_other_host(site: Path):
    scripts = scripts_loaded_by_pages(site)
    assert any(s.name.startswith("bundle.") for s in scripts), "theme bundle not found"
    offenders = []
    for script in scripts:
        text = script.read_text(encoding="utf-8", errors="replace")
        for m in JS_URL.finditer(text):
            url = m.group(0)[1:]
            if url.startswith(JS_NON_REQUESTS + REPO_FACTS):
                continue
            offenders.append(f"{script.relative_to(site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_fonts_are_served_by_the_site(site: Path):
    fonts = list((site / "assets" / "fonts").glob("*.woff2"))
    assert len(fonts) >= 4
    assert (site / "assets" / "fonts" / "OFL.txt").exists(), "font licence must ship with the fonts"
    css = (site / "assets" / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    for font in fonts:
        assert font.name in css


def test_no_page_asks_a_code_host_for_repository_facts(site: Path):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, (
            f"{page.relative_to(site)} renders Material's repository widget, which calls "
            "api.github.com or a GitLab API: do not set repo_url in mkdocs.yml")


