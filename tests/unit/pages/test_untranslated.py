"""Pages without a translation (handbook.pages.untranslated): which page of
the English site is the Vietnamese text shown in its place. (The notice
readers see: tests/site/test_content.py.)"""
from handbook.pages import untranslated


def test_fallback_detection():
    assert untranslated.is_fallback("en", "cam-nang/a.md")
    assert not untranslated.is_fallback("en", "cam-nang/a.en.md")
    assert not untranslated.is_fallback("vi", "cam-nang/a.md")
    assert untranslated.is_fallback("en", "cam-nang/a.en.md", file_locale="vi")
