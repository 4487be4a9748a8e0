"""Abbreviations: which upper-case tokens a text uses that no definition covers.

Definitions are ``*[VKSND]: Viện kiểm sát nhân dân`` lines (includes/
abbreviations.md, appended to every page, or on the page itself); Python-
Markdown's ``abbr`` turns them into tooltips wherever the text appears.
"""
from __future__ import annotations

import re

from handbook.content import scanner

DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$", re.M)
_ROMAN = re.compile(r"^[IVXLC]+$")
_TOKEN = re.compile(r"\w+")
# Document numbers (10/2022/QH15, 59/2023/NĐ-CP, 30-CT/TW, 51/QĐ-VKSTC):
# their letters are part of the number, not abbreviations to explain.
_DOC_NUMBER = re.compile(
    r"(?<![\w/])(?:\d{1,4}/\d{4}/[^\W_]+(?:-[^\W_]+)*|\d{1,4}-[^\W\d_]{2,4}/TW|\d{1,4}/[^\W\d_]{2,4}-[^\W_]+(?:-[^\W_]+)*)"
)


def definitions(text: str) -> dict[str, str]:
    """``*[KEY]: expansion`` lines of a text."""
    return {m.group(1).strip(): m.group(2) for m in DEFINITION.finditer(text)}


def is_abbreviation(token: str) -> bool:
    """Upper-case token with at least two letters, not a Roman numeral."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and token.isupper() and not _ROMAN.match(token)


def visible_lines(markdown: str, first_line: int = 1):
    """(line number, text) of prose: no code, link targets, URLs, HTML tags,
    attribute lists or abbreviation definitions."""
    for line in scanner.text_lines(markdown, first_line):
        if line.fence is not None or DEFINITION.match(line.text):
            continue
        text = scanner.strip_code_spans(line.text)
        text = re.sub(r"\]\([^)]*\)", "]", text)
        text = re.sub(r"<[^>]*>", " ", text)
        text = re.sub(r"https?://\S+", " ", text)
        text = re.sub(r"\{[:#.][^}]*\}", " ", text)
        text = re.sub(r"^(\s*)(!!!|\?\?\?\+?)\s+\S+", r"\1", text)  # admonition type
        yield line.number, text


def undefined(markdown: str, defined: dict[str, str] | set[str], first_line: int = 1) -> list[tuple[int, str]]:
    """(line, token) for each abbreviation used in ``markdown`` without a definition."""
    keys = sorted(set(defined) | set(definitions(markdown)), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(re.escape(k) for k in keys)) if keys else None
    found = []
    for number, text in visible_lines(markdown, first_line):
        text = _DOC_NUMBER.sub(" ", text)
        if pattern:
            text = pattern.sub(" ", text)
        for token in _TOKEN.findall(text):
            if is_abbreviation(token):
                found.append((number, token))
    return found
