"""Unicode rules: text an editor cannot see is wrong until search misses it.

Rules: nfc, bom, zero-width, no-break-space, confusable-d, cyrillic (and
encoding, for files that are not UTF-8). All but ``encoding`` are fixable.
"""
from __future__ import annotations

import re
import unicodedata

from handbook.content.sources import not_utf8  # noqa: F401  (the rule's message)
from handbook.errors import ContentError
from handbook.lint.document import Document

BOM = "\ufeff"
ZERO_WIDTH = {
    "\u200b": "ZERO WIDTH SPACE (U+200B)",
    "\u200c": "ZERO WIDTH NON-JOINER (U+200C)",
    "\u200d": "ZERO WIDTH JOINER (U+200D)",
    "\u2060": "WORD JOINER (U+2060)",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE / BOM (U+FEFF)",
    "\u00ad": "SOFT HYPHEN (U+00AD)",
}
NO_BREAK = {
    "\u00a0": "NO-BREAK SPACE (U+00A0)",
    "\u202f": "NARROW NO-BREAK SPACE (U+202F)",
    "\u2007": "FIGURE SPACE (U+2007)",
}
ETH = {"\u00d0": "Đ", "\u00f0": "đ"}
# Cyrillic letters that look exactly like a Latin letter: safe to replace.
CYRILLIC_LOOKALIKES = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Һ": "H",
}
_WORD = re.compile(r"[^\W\d_]+")
_SUSPECT = re.compile("[" + "".join(ZERO_WIDTH) + "".join(NO_BREAK) + "".join(ETH) + "]")
_CYRILLIC = re.compile("[\u0400-\u052f]")
_CYRILLIC_WORD = re.compile(r"[^\W\d_]*[\u0400-\u052f][^\W\d_]*")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and not _is_cyrillic(ch) and "LATIN" in unicodedata.name(ch, "")


def _err(doc_path, line, rule, vi, en, fix_vi, fix_en):
    return ContentError(doc_path, line, rule, vi, en, fix_vi, fix_en)


def _context(line: str, index: int, width: int = 12) -> str:
    start = max(0, index - width)
    snippet = line[start:index + width]
    return "".join(ch if ch.isprintable() and ch not in ZERO_WIDTH and ch not in NO_BREAK else "·"
                   for ch in snippet).strip()


def check(doc: Document) -> list[ContentError]:
    problems = []
    path = doc.path
    if doc.text.startswith(BOM):
        problems.append(_err(path, 1, "bom",
                             "Tệp bắt đầu bằng dấu BOM (U+FEFF) vô hình.",
                             "The file starts with an invisible byte-order mark (U+FEFF).",
                             "Chạy `make fix`, hoặc lưu tệp dạng 'UTF-8' (không BOM).",
                             "Run `make fix`, or save as UTF-8 without BOM."))
    for number, raw in enumerate(doc.lines, start=1):
        line = raw[1:] if number == 1 and raw.startswith(BOM) else raw
        if line.isascii():
            continue
        if not unicodedata.is_normalized("NFC", line):
            bad = next((w for w in _WORD.findall(line) + line.split()
                        if not unicodedata.is_normalized("NFC", w)), "")
            shown = unicodedata.normalize("NFC", bad)
            problems.append(_err(path, number, "nfc",
                                 f"Chữ '{shown}' gõ ở dạng dấu tách rời (không phải NFC): trông giống nhưng tìm kiếm không khớp.",
                                 f"'{shown}' is typed with separate combining marks (not NFC): it looks right but search misses it.",
                                 "Chạy `make fix` (chuyển sang NFC); nên đặt bộ gõ ở bảng mã Unicode dựng sẵn.",
                                 "Run `make fix` (converts to NFC); set the keyboard to precomposed Unicode."))
        for suspect in _SUSPECT.finditer(line):
            index, ch = suspect.start(), suspect.group(0)
            if ch in ZERO_WIDTH:
                problems.append(_err(path, number, "zero-width",
                                     f"Ký tự vô hình {ZERO_WIDTH[ch]} gần '{_context(line, index)}'.",
                                     f"Invisible {ZERO_WIDTH[ch]} near '{_context(line, index)}'.",
                                     "Chạy `make fix` để xóa ký tự này.",
                                     "Run `make fix` to remove it."))
            elif ch in NO_BREAK:
                problems.append(_err(path, number, "no-break-space",
                                     f"Dấu cách không ngắt dòng {NO_BREAK[ch]} gần '{_context(line, index)}' (thường do sao chép từ Word/PDF).",
                                     f"{NO_BREAK[ch]} near '{_context(line, index)}' (usually pasted from Word/PDF).",
                                     "Chạy `make fix` để thay bằng dấu cách thường.",
                                     "Run `make fix` to replace it with an ordinary space."))
            elif ch in ETH:
                problems.append(_err(path, number, "confusable-d",
                                     f"Chữ '{ch}' (eth, {'U+00D0' if ch == 'Ð' else 'U+00F0'}, chữ Iceland) được dùng thay cho '{ETH[ch]}' gần '{_context(line, index)}'.",
                                     f"'{ch}' (eth) is used instead of Vietnamese '{ETH[ch]}' near '{_context(line, index)}'.",
                                     f"Chạy `make fix` để thay bằng '{ETH[ch]}' (U+{ord(ETH[ch]):04X}).",
                                     f"Run `make fix` to replace it with '{ETH[ch]}'."))
        if not _CYRILLIC.search(line):
            continue
        for match in _CYRILLIC_WORD.finditer(line):
            word = match.group(0)
            cyr = [c for c in word if _is_cyrillic(c)]
            if cyr and any(_is_latin(c) for c in word):
                letters = ", ".join(f"'{c}' U+{ord(c):04X}" for c in dict.fromkeys(cyr))
                fixable = all(c in CYRILLIC_LOOKALIKES for c in cyr)
                problems.append(_err(path, number, "cyrillic",
                                     f"Từ '{word}' lẫn chữ Kirin ({letters}) trông giống chữ Latin.",
                                     f"The word '{word}' mixes in Cyrillic letters ({letters}) that look Latin.",
                                     "Chạy `make fix` để thay bằng chữ Latin tương ứng." if fixable
                                     else "Gõ lại từ này bằng bộ gõ tiếng Việt.",
                                     "Run `make fix` to replace them with the Latin letters." if fixable
                                     else "Retype the word with a Vietnamese keyboard."))
    return problems


def _fix_cyrillic(match: re.Match) -> str:
    word = match.group(0)
    if any(_is_cyrillic(c) for c in word) and any(_is_latin(c) for c in word):
        return "".join(CYRILLIC_LOOKALIKES.get(c, c) for c in word)
    return word


def fix(text: str) -> str:
    """Safe rewrites only: BOM, NFC, zero-width, no-break spaces, Ð/ð, Cyrillic look-alikes."""
    if text.startswith(BOM):
        text = text[1:]
    text = unicodedata.normalize("NFC", text)
    for ch in ZERO_WIDTH:
        text = text.replace(ch, "")
    for ch in NO_BREAK:
        text = text.replace(ch, " ")
    for ch, good in ETH.items():
        text = text.replace(ch, good)
    if _CYRILLIC.search(text):
        text = _CYRILLIC_WORD.sub(_fix_cyrillic, text)
    return text
