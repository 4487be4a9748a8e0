"""Where the tone mark goes in ``oa``, ``oe``, ``uy``: ``hòa`` or ``hoà``.

Vietnamese has two conventions for open syllables whose rhyme is ``oa``,
``oe`` or ``uy`` (no final consonant):

* traditional (used in official documents, and the style of this site): the
  mark sits on the first vowel: ``hòa``, ``khỏe``, ``thủy``, ``tùy``;
* modern ("new style"): on the second vowel: ``hoà``, ``khoẻ``, ``thuỷ``, ``tuỳ``.

Both styles agree everywhere else: with a final consonant the mark is on the
second vowel (``hoàn``, ``khoét``, ``tuýt``), and after ``qu`` the ``u`` belongs
to the consonant (``quý``, ``quỳ``), so those are never touched.

Plain functions over text; shared by the linter (rule ``tone-placement``) and
by search (to match either spelling).
"""
from __future__ import annotations

import re
import unicodedata

TRADITIONAL = "traditional"
MODERN = "modern"
STYLES = (TRADITIONAL, MODERN)
SITE_STYLE = TRADITIONAL

# Combining tone marks: huyền, sắc, hỏi, ngã, nặng.
TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")
_ONSET = re.compile(r"[bcdđghklmnpqrstvx]*")
_NUCLEI = ("oa", "oe", "uy")
# A run of letters (and the combining marks of their NFD form).
WORD = re.compile(r"[^\W\d_]+")
# Words that may be written in the other style (NFC text): the last two
# letters are o/u followed by a toned a/e/y (modern), or a toned o/u followed
# by a plain a/e/y (traditional). A fast filter before the exact check.
_TONED_AE = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ"
_TONED_Y = "ỳýỷỹỵỲÝỶỸỴ"
_TONED_O = "òóỏõọÒÓỎÕỌ"
_TONED_U = "ùúủũụÙÚỦŨỤ"
_ENDING = {  # the last two letters of a candidate word
    TRADITIONAL: re.compile(rf"(?:[oO][{_TONED_AE}]|[uU][{_TONED_Y}])(?![^\W\d_])"),
    MODERN: re.compile(rf"(?:[{_TONED_O}][aAeE]|[{_TONED_U}][yY])(?![^\W\d_])"),
}


def _candidates(text: str, style: str):
    """(start, end) of words of NFC ``text`` that may need their mark moved."""
    for match in _ENDING[style].finditer(text):
        start = match.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        yield start, match.end()


def _clusters(word: str) -> list[list[str]]:
    """NFD ``word`` split into [base, *combining marks] per letter."""
    clusters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and clusters:
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    return clusters


def _place(word: str, style: str) -> str:
    """``word`` with its tone mark moved to ``style``'s place; unchanged when
    the word is not an open ``oa``/``oe``/``uy`` syllable."""
    if style not in STYLES:
        raise ValueError(f"unknown tone style {style!r}")
    clusters = _clusters(word)
    bases = "".join(c[0] for c in clusters).lower()
    onset = _ONSET.match(bases).group(0)
    rhyme = bases[len(onset):]
    if rhyme not in _NUCLEI or onset.endswith("q"):
        return word
    first, second = clusters[len(onset)], clusters[len(onset) + 1]
    # Only plain vowels (no circumflex, breve or horn) form these rhymes.
    if any(m not in TONE_MARKS for m in first[1:] + second[1:]):
        return word
    tones = [m for m in first[1:] + second[1:]]
    if len(tones) != 1:
        return word
    target, other = (first, second) if style == TRADITIONAL else (second, first)
    if tones[0] in target[1:]:
        return word
    other.remove(tones[0])
    target.append(tones[0])
    return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))


def to_traditional(word: str) -> str:
    """``hoà`` -> ``hòa``, ``khoẻ`` -> ``khỏe``, ``thuỷ`` -> ``thủy``; others unchanged."""
    return _place(word, TRADITIONAL)


def to_modern(word: str) -> str:
    """``hòa`` -> ``hoà``, ``khỏe`` -> ``khoẻ``, ``thủy`` -> ``thuỷ``; others unchanged."""
    return _place(word, MODERN)


def style_of(word: str) -> str | None:
    """TRADITIONAL or MODERN for a marked open oa/oe/uy syllable, else None
    (the two styles agree on every other syllable)."""
    trad, mod = to_traditional(word), to_modern(word)
    if trad == mod:
        return None
    nfc = unicodedata.normalize("NFC", word)
    if nfc == trad:
        return TRADITIONAL
    if nfc == mod:
        return MODERN
    return None


def find_other_style(text: str, style: str = SITE_STYLE) -> list[tuple[int, int, str, str]]:
    """Syllables of ``text`` written in the other style:
    ``[(start, end, word, fixed), ...]`` with offsets into ``text``."""
    place = to_traditional if style == TRADITIONAL else to_modern
    found = []
    if text.isascii():
        return found
    if unicodedata.is_normalized("NFC", text):
        spans = _candidates(text, style)
    else:
        spans = ((m.start(), m.end()) for m in WORD.finditer(text))
    for start, end in spans:
        word = text[start:end]
        nfc = unicodedata.normalize("NFC", word)
        fixed = place(nfc)
        if fixed != nfc:
            found.append((start, end, word, fixed))
    return found


def normalize(text: str, style: str = SITE_STYLE) -> str:
    """``text`` (in NFC) with every open oa/oe/uy syllable written in
    ``style``; all other characters untouched."""
    place = to_traditional if style == TRADITIONAL else to_modern
    text = unicodedata.normalize("NFC", text)
    out, last = [], 0
    for start, end in _candidates(text, style):
        out.append(text[last:start])
        out.append(place(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)
