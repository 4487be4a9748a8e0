"""Search keys (handbook.search.index): the folded and the exact
(tone-placement-free) key of a word, on a table of Vietnamese cases, NFC and
NFD alike; words and plain text as the index holds them. (The same keys in
the browser's worker: tests/browser/test_search.py.)"""
from __future__ import annotations

import unicodedata

import pytest

from handbook.search.index import fold, html_to_text, tokenize, tone_key
from search_fixtures import FOLDING_TABLE, TONE_PLACEMENT_PAIRS

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


@pytest.mark.parametrize(("word", "folded", "key"), FOLDING_TABLE)
def test_fold_and_exact_key_table(word, folded, key):
    assert fold(word) == folded
    assert tone_key(word) == key


@pytest.mark.parametrize(("word", "folded", "key"), FOLDING_TABLE)
def test_decomposed_input_gives_the_same_keys(word, folded, key):
    assert fold(NFD(word)) == folded
    assert tone_key(NFD(word)) == key


@pytest.mark.parametrize(("old", "new"), TONE_PLACEMENT_PAIRS)
def test_both_tone_placements_are_the_same_exact_word(old, new):
    assert tone_key(old) == tone_key(new)
    assert tone_key(NFD(old)) == tone_key(new)
    assert fold(old) == fold(new)


@pytest.mark.parametrize(("a", "b"), [("hòa", "hóa"), ("hòa", "hoa"), ("dân", "dần"), ("cơ", "có"),
                                      ("sở", "số"), ("đi", "di"), ("thủy", "thùy")])
def test_different_words_that_fold_alike_are_not_exact(a, b):
    assert fold(a) == fold(b)
    assert tone_key(a) != tone_key(b)


def test_tokenize_words_and_numbers_with_offsets_in_nfc_text():
    text = NFD("Điều 51 Luật 10/2022/QH15, “hoà”")
    words = tokenize(text)
    assert [w for _, _, w in words] == ["Điều", "51", "Luật", "10", "2022", "QH15", "hoà"]
    nfc = unicodedata.normalize("NFC", text)
    assert all(nfc[s:e] == w for s, e, w in words)


def test_html_to_text_is_plain_nfc_text():
    html = NFD("<p>Người đứng đầu <strong>phối hợp</strong> &amp; công đoàn</p><ul><li>a</li><li>b</li></ul>")
    assert html_to_text(html) == "Người đứng đầu phối hợp & công đoàn a b"
    assert unicodedata.is_normalized("NFC", html_to_text(html))
