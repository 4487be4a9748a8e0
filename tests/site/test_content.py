"""The handbook's content as a whole: enough of it, in both languages, clean
Unicode, defined abbreviations, the disclaimer and the untranslated notice."""
import unicodedata
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import run_build
from handbook.content import abbreviations
from handbook.pages import qa
from handbook.content import sources
from handbook.pages import untranslated

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".md", ".css", ".js", ".svg", ".html", ".yml", ".yaml", ".txt", ".json"}


def shipped():
    return sources.load(ROOT / "docs", ROOT)


def originals(kind):
    return [s for s in shipped() if s.lang == "vi" and s.meta.get("type") == kind]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_all_text_is_nfc():
    files = [p for folder in ("docs", "includes", "data") for p in (ROOT / folder).rglob("*")
             if p.is_file() and p.suffix in TEXT_SUFFIXES]
    files.append(ROOT / "mkdocs.yml")
    bad = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if unicodedata.normalize("NFC", line) != line:
                bad.append(f"{path.relative_to(ROOT)}:{number}")
    assert not bad, "text not in NFC:\n" + "\n".join(bad)


def test_abbreviation_check_on_examples():
    defined = {"VKSND", "Ban TTND", "CBCCVC"}
    text = ("VKSND và Ban TTND; CBCCVC.\nChương III, Nghị định 59/2023/NĐ-CP, 30-CT/TW.\n"
            "`UBND` trong mã; [liên kết](https://x.org/ABC) <span class=\"XYZ\">x</span>\n"
            "TTND một mình; BCĐ chưa định nghĩa.\n*[HĐND]: Hội đồng nhân dân\nHĐND có định nghĩa trên trang.\n")
    assert abbreviations.undefined(text, defined) == [(4, "TTND"), (4, "BCĐ")]


def test_every_abbreviation_used_is_defined():
    defined = abbreviations.definitions((ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"))
    assert {"VKSND", "VKSNDTC", "CBCCVC", "Ban TTND", "BCĐ"} <= set(defined)
    missing = [f"{s.path}:{line}: {token}" for s in shipped()
               for line, token in abbreviations.undefined(s.body, defined, s.body_line)]
    assert not missing, "abbreviations without a definition in includes/abbreviations.md:\n" + "\n".join(missing)


def test_the_handbook_has_its_chapters_regulations_questions_and_glossary(site):
    chapters = originals("chapter")
    regulations = originals("regulation")
    questions = [q for s in originals("qa") for q in qa.questions(s)]
    assert len(chapters) >= 9, f"{len(chapters)} chapters"
    assert len(regulations) >= 8, f"{len(regulations)} regulation pages"
    assert len(questions) >= 40, f"{len(questions)} questions"
    glossary = originals("glossary")
    assert glossary, "no glossary page (type: glossary)"
    page = soup(site / glossary[0].base_uri[:-3] / "index.html")
    assert len(page.select("article dt, article tr, article li")) >= 10, "glossary has fewer than 10 entries"


def test_english_covers_home_chapters_regulations_index_and_15_questions():
    translated = {s.base_uri for s in shipped() if s.lang == "en"}
    assert "index.md" in translated and "van-ban/index.md" in translated
    missing = [s.base_uri for s in originals("chapter") if s.base_uri not in translated]
    assert not missing, f"chapters without English: {missing}"
    english_questions = [q for s in shipped() if s.lang == "en" and s.base_uri.startswith("hoi-dap/")
                         for q in qa.questions(s)]
    assert len(english_questions) >= 15, f"{len(english_questions)} English questions"


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


def test_fallback_detection():
    assert untranslated.is_fallback("en", "cam-nang/a.md")
    assert not untranslated.is_fallback("en", "cam-nang/a.en.md")
    assert not untranslated.is_fallback("vi", "cam-nang/a.md")
    assert untranslated.is_fallback("en", "cam-nang/a.en.md", file_locale="vi")


def _built(site: Path, base_uri: str, lang: str) -> Path:
    page = base_uri[: -len("index.md")] if base_uri.endswith("index.md") else base_uri[:-3] + "/"
    return site / ("en" if lang == "en" else "") / page / "index.html"


NOT_TRANSLATED = "This page has not been translated yet; the Vietnamese text is shown."


def test_translated_pages_carry_no_untranslated_notice(site):
    all_sources = shipped()
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
