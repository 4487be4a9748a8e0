"""The handbook's content as readers get it: enough of it, the disclaimer on
every page in both languages and the untranslated notice. (The content read
without a build: tests/unit/content/test_shipped_content.py.)"""
from pathlib import Path

import yaml

from conftest import ROOT, run_build, shipped_originals, shipped_sources, soup
from handbook.pages import qa


def test_the_handbook_has_its_chapters_regulations_questions_and_glossary(site):
    chapters = shipped_originals("chapter")
    regulations = shipped_originals("regulation")
    questions = [q for s in shipped_originals("qa") for q in qa.questions(s)]
    assert len(chapters) >= 9, f"{len(chapters)} chapters"
    assert len(regulations) >= 8, f"{len(regulations)} regulation pages"
    assert len(questions) >= 40, f"{len(questions)} questions"
    glossary = shipped_originals("glossary")
    assert glossary, "no glossary page (type: glossary)"
    page = soup(site / glossary[0].base_uri[:-3] / "index.html")
    assert len(page.select("article dt, article tr, article li")) >= 10, "glossary has fewer than 10 entries"


def test_footer_disclaimer_on_every_page_in_both_languages(site):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "python"))
    vi_text = " ".join(config["copyright"].split())
    en_text = next(" ".join(lang["copyright"].split()) for plugin in config["plugins"] if isinstance(plugin, dict)
                   for lang in plugin.get("i18n", {}).get("languages", []) if lang["locale"] == "en")
    assert "văn bản chính thức" in vi_text and "official texts prevail" in en_text
    # every page but the server's bare error pages (errors/<status>.html)
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "errors"]
    assert len(pages) > 20
    for page in pages:
        rel = page.relative_to(site)
        footer = soup(page).select_one("footer .md-copyright")
        assert footer is not None, f"{rel}: no footer disclaimer"
        shown = " ".join(footer.get_text(" ").split())
        if rel == Path("404.html"):
            # one 404 page serves both languages (static-i18n writes the last
            # language built): either disclaimer will do
            assert vi_text in shown or en_text in shown, f"{rel}: footer says {shown!r}"
            continue
        expected = en_text if rel.parts[0] == "en" else vi_text
        assert expected in shown, f"{rel}: footer says {shown!r}"


def _built(site: Path, base_uri: str, lang: str) -> Path:
    page = base_uri[: -len("index.md")] if base_uri.endswith("index.md") else base_uri[:-3] + "/"
    return site / ("en" if lang == "en" else "") / page / "index.html"


NOT_TRANSLATED = "This page has not been translated yet; the Vietnamese text is shown."


def test_translated_pages_carry_no_untranslated_notice(site):
    all_sources = shipped_sources()
    translated = {s.base_uri for s in all_sources if s.lang == "en"}
    for source in all_sources:
        if source.lang != "vi":
            continue
        notice = soup(_built(site, source.base_uri, "en")).select_one('[data-notice="untranslated"]')
        if source.base_uri in translated:
            assert notice is None, f"{source.base_uri}: translated, yet marked untranslated"
        else:
            assert notice is not None and NOT_TRANSLATED in notice.get_text(), source.base_uri
        assert soup(_built(site, source.base_uri, "vi")).select_one('[data-notice="untranslated"]') is None


def test_page_without_translation_says_so_on_the_english_site(project_copy):
    (project_copy / "docs" / "bien-tap" / "chua-xac-minh.en.md").unlink()
    out = project_copy / "site"
    result = run_build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr
    english = soup(out / "en" / "bien-tap" / "chua-xac-minh" / "index.html")
    notice = english.select_one('[data-notice="untranslated"]')
    assert notice is not None and NOT_TRANSLATED in notice.get_text()
    assert english.html["lang"] == "en"
    assert english.select_one("article h1").get_text(strip=True).startswith("Nội dung chưa xác minh")
    vietnamese = soup(out / "bien-tap" / "chua-xac-minh" / "index.html")
    assert vietnamese.select_one('[data-notice="untranslated"]') is None
