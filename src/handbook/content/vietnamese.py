"""Vietnamese text helpers shared by anchors, search and the linter."""
from __future__ import annotations

import functools
import re
import unicodedata

# Đ/đ are letters of their own in Unicode (no decomposition), so NFD alone
# never turns them into D/d: map them explicitly.
_D_MAP = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Vietnamese tone and vowel marks, decomposed, are all in this block.
_COMMON_MARKS = re.compile("[\u0300-\u036f]+")


def strip_diacritics(text: str) -> str:
    """Remove every tone and vowel mark, keep case: ``Điều`` -> ``Dieu``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = _COMMON_MARKS.sub("", decomposed)
    if stripped.isascii():
        return stripped
    # Other scripts' marks, or non-ASCII punctuation: check every character.
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower-case, diacritic-free form used to compare text as readers type it."""
    return strip_diacritics(unicodedata.normalize("NFC", text)).lower()


@functools.lru_cache(maxsize=65536)  # headings are slugified by several capabilities
def slugify(value: str, separator: str = "-") -> str:
    """Readable ASCII anchor: ``Điều 51. Hội nghị cán bộ`` -> ``dieu-51-hoi-nghi-can-bo``.

    Signature matches Python-Markdown's ``toc`` ``slugify`` option.
    """
    folded = fold(value)
    return _NON_WORD.sub(separator, folded).strip(separator)
