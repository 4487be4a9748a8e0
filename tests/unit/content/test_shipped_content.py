"""The handbook's content as a whole, read from docs/ without a build: clean
Unicode everywhere, and the English translation covering the home page, every
chapter, the documents index and at least 15 questions. (What readers see of
it: tests/site/test_content.py.)"""
import unicodedata

from conftest import ROOT, shipped_originals, shipped_sources
from handbook.pages import qa


TEXT_SUFFIXES = {".md", ".css", ".js", ".svg", ".html", ".yml", ".yaml", ".txt", ".json"}


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


def test_english_covers_home_chapters_regulations_index_and_15_questions():
    translated = {s.base_uri for s in shipped_sources() if s.lang == "en"}
    assert "index.md" in translated and "van-ban/index.md" in translated
    missing = [s.base_uri for s in shipped_originals("chapter") if s.base_uri not in translated]
    assert not missing, f"chapters without English: {missing}"
    english_questions = [q for s in shipped_sources() if s.lang == "en" and s.base_uri.startswith("hoi-dap/")
                         for q in qa.questions(s)]
    assert len(english_questions) >= 15, f"{len(english_questions)} English questions"
