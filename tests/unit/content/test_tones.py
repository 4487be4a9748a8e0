"""Tone-mark placement in open oa/oe/uy syllables: the site writes the
traditional style of official documents (hòa, khỏe, thủy, tùy)."""
import unicodedata

import pytest

from handbook.content import tones

# (modern spelling, traditional spelling)
PAIRS = [
    ("hoà", "hòa"), ("hoá", "hóa"), ("hoả", "hỏa"), ("hoã", "hõa"), ("hoạ", "họa"),
    ("khoẻ", "khỏe"), ("xoè", "xòe"), ("loè", "lòe"),
    ("thuỷ", "thủy"), ("tuỳ", "tùy"), ("huỷ", "hủy"), ("luỹ", "lũy"), ("thuỵ", "thụy"),
    ("uỷ", "ủy"), ("Uỷ", "Ủy"), ("oà", "òa"),
    ("Hoà", "Hòa"), ("HOÀ", "HÒA"), ("Thoả", "Thỏa"), ("nhoà", "nhòa"), ("thoả", "thỏa"),
]

# Same in both styles: final consonant, "qu", other rhymes, no tone, ASCII.
SAME = ["hoàn", "khoét", "tuýt", "quý", "quỳ", "quỷ", "hoặc", "ngoẹo", "khuya", "khuyến",
        "hoài", "già", "hoa", "thuy", "Quốc", "người", "toàn", "hội", "Luật", "file"]


@pytest.mark.parametrize("modern, traditional", PAIRS)
def test_moves_the_mark_both_ways(modern, traditional):
    assert tones.to_traditional(modern) == traditional
    assert tones.to_modern(traditional) == modern
    assert tones.style_of(modern) == tones.MODERN
    assert tones.style_of(traditional) == tones.TRADITIONAL


@pytest.mark.parametrize("word", SAME)
def test_leaves_syllables_where_styles_agree(word):
    assert tones.to_traditional(word) == word
    assert tones.to_modern(word) == word
    assert tones.style_of(word) is None


def test_accepts_decomposed_input_and_returns_nfc():
    decomposed = unicodedata.normalize("NFD", "hoà")
    result = tones.to_traditional(decomposed)
    assert result == "hòa" and unicodedata.is_normalized("NFC", result)


def test_site_style_is_traditional():
    assert tones.SITE_STYLE == tones.TRADITIONAL


def test_normalize_touches_only_affected_syllables():
    text = "Uỷ ban hoà giải, khoẻ mạnh; quý, hoàn thành, thuỷ lợi (file.md)."
    assert tones.normalize(text) == "Ủy ban hòa giải, khỏe mạnh; quý, hoàn thành, thủy lợi (file.md)."
    assert tones.normalize(tones.normalize(text), tones.MODERN) == text


def test_find_other_style_gives_offsets_and_fix():
    text = "Tổ hoà giải và Hòa"
    assert tones.find_other_style(text) == [(3, 6, "hoà", "hòa")]
    assert tones.find_other_style(text, tones.MODERN) == [(15, 18, "Hòa", "Hoà")]
