"""Checking content against the confirmed legal facts (data/legal-facts.yml).

Finds, in Markdown text, the article numbers, document numbers and dates a
reader would take as legal facts, so tests (and the editors' linter) can
compare them with the facts the handbook may state. Heuristics, tuned to how
the handbook writes (``Điều 51``, ``Điều 46–63``, ``Nghị định 59/2023/NĐ-CP``,
``14/8/2023``, ``14 August 2023``); they err on the side of flagging.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.content.vietnamese import slugify, strip_diacritics

LAW_NUMBER = "10/2022/QH15"


@dataclass(frozen=True)
class Facts:
    law_number: str
    articles: dict[int, str]                     # law article -> exact title
    documents: dict[str, dict]                   # normalised number -> entry
    dates: frozenset[dt.date]                    # every date the fact sheet gives
    months: frozenset[tuple[int, int]]           # (year, month) the fact sheet gives

    def article_anchor(self, number: int) -> str:
        return slugify(f"Điều {number}. {self.articles[number]}")


def normalise_number(number: str) -> str:
    """``59/2023/NĐ-CP`` and ``59/2023/ND-CP`` -> ``59/2023/ND-CP``."""
    return re.sub(r"\s+", "", strip_diacritics(number)).upper()


def load(path: str | Path) -> Facts:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    law = data["law"]
    articles = {int(n): str(a["title"]) for n, a in law["articles"].items()}
    documents = {normalise_number(d["number"]): d for d in data["documents"]}
    days = {law["adopted"], law["effective"]}
    for doc in data["documents"]:
        days.update(doc[k] for k in ("signed", "effective", "expired") if isinstance(doc.get(k), dt.date))
    days.update(e["date"] for e in data.get("events", []))
    months = {(d.year, d.month) for d in days}
    for text in data.get("months", []):
        year, month = str(text).split("-")
        months.add((int(year), int(month)))
    return Facts(law["number"], articles, documents, frozenset(days), frozenset(months))


# --- document numbers --------------------------------------------------------

# Full numbers: 10/2022/QH15, 59/2023/NĐ-CP, 34/2007/PL-UBTVQH11, 01/2016/TT-BNV,
# 30-CT/TW, 120-KL/TW, 51/QĐ-VKSTC, 10/KH-BCĐ, 161/QĐ-VKSTC-T1, 118/KH-VKSHP-TTr
_LETTERS = r"A-Za-zĐđ"
FULL_NUMBER = re.compile(
    rf"(?<![\w/])(?:\d{{1,4}}/\d{{4}}/[{_LETTERS}]+[0-9]*(?:-[{_LETTERS}0-9]+)*"
    rf"|\d{{1,4}}-[{_LETTERS}]{{2,4}}/TW"
    rf"|\d{{1,4}}/[{_LETTERS}]{{2,4}}-[{_LETTERS}0-9]+(?:-[{_LETTERS}0-9]+)*)(?![\w/])"
)
# Short forms after a document type: "Nghị định 59/2023", "Quyết định 51", "Decision 302"
_KINDS = {
    "nghi dinh": "ND", "decree": "ND", "nd": "ND",
    "luat": "QH", "law": "QH",
    "quyet dinh": "QD", "decision": "QD", "qd": "QD",
    "ke hoach": "KH", "plan": "KH", "kh": "KH",
    "chi thi": "CT", "directive": "CT", "ct": "CT",
    "ket luan": "KL", "conclusion": "KL", "kl": "KL",
    "thong tu": "TT", "circular": "TT",
    "phap lenh": "PL", "ordinance": "PL",
    "nghi quyet": "NQ", "resolution": "NQ",
}
SHORT_NUMBER = re.compile(
    r"\b(Nghị định|Decree|NĐ|Luật|Law|Quyết định|Decision|QĐ|Kế hoạch|Plan|KH|Chỉ thị|Directive|CT|"
    r"Kết luận|Conclusion|KL|Thông tư|Circular|Pháp lệnh|Ordinance|Nghị quyết|Resolution)"
    r"\s+(?:số\s+|No\.?\s+)?(\d{1,4})(?:/(\d{4}))?(?![\w/-])"
)


def _kind_of(word: str) -> str:
    return _KINDS[strip_diacritics(word).lower()]


def _kind_of_number(normalised: str) -> str | None:
    """Document kind a full number implies: 59/2023/ND-CP -> ND, 51/QD-VKSTC -> QD."""
    match = re.search(r"(?:^\d+/\d{4}/|^\d+/|^\d+-)([A-Z]+)", normalised)
    if not match:
        return None
    code = match.group(1)
    return "QH" if code.startswith("QH") else code


@dataclass(frozen=True)
class Mention:
    text: str
    line: int
    kind: str        # "number", "article", "date", "anchor"
    detail: str = ""


def document_mentions(text: str, first_line: int = 1) -> list[Mention]:
    found = []
    for number, line in _lines(text, first_line):
        for match in FULL_NUMBER.finditer(line):
            found.append(Mention(match.group(0), number, "number"))
        for match in SHORT_NUMBER.finditer(line):
            found.append(Mention(match.group(0), number, "short-number",
                                 f"{_kind_of(match.group(1))}|{match.group(2)}|{match.group(3) or ''}"))
    return found


def unknown_documents(text: str, facts: Facts, first_line: int = 1) -> list[Mention]:
    """Document numbers in ``text`` that the facts do not list."""
    known = set(facts.documents)
    short = set()
    for number in known:
        kind = _kind_of_number(number)
        head = re.match(r"^(\d+)(?:/(\d{4}))?", number)
        if kind and head:
            short.add((kind, str(int(head.group(1))), head.group(2) or ""))
            short.add((kind, str(int(head.group(1))), ""))
    bad = []
    for mention in document_mentions(text, first_line):
        if mention.kind == "number":
            if normalise_number(mention.text) not in known:
                bad.append(mention)
        else:
            kind, num, year = mention.detail.split("|")
            if (kind, str(int(num)), year) not in short:
                bad.append(mention)
    return bad


# --- article numbers ---------------------------------------------------------

_ARTICLE = re.compile(
    r"\b(?:Điều|điều|Article|Articles|article|articles)\s+(\d{1,3})(?:\(\d+\))?"
    r"((?:\s*(?:–|—|-|đến|to)\s*\d{1,3}|\s*(?:,|và|and|or|hoặc)\s*\d{1,3}(?:\(\d+\))?(?![\d/]))*)"
)
_OTHER_DOC = re.compile(
    r"(Nghị định|Decree|Quyết định|Decision|Quy chế|Regulation|Bộ luật|Code|Luật Thanh tra|"
    r"Thông tư|Circular|Hiến pháp|Constitution|Kế hoạch|Plan|Chỉ thị|Directive|Kết luận|Conclusion)",
)
_LAW_DOC = re.compile(r"(Luật(?! Thanh tra)|Law\b|10/2022/QH15)")


def _numbers(first: str, rest: str) -> list[int]:
    numbers = [int(first)]
    previous = int(first)
    for sep, value in re.findall(r"(–|—|-|đến|to|,|và|and|or|hoặc)\s*(\d{1,3})", rest):
        value = int(value)
        if sep in ("–", "—", "-", "đến", "to") and value > previous:
            numbers.extend(range(previous + 1, value + 1))
        else:
            numbers.append(value)
        previous = value
    return numbers


def article_mentions(text: str, first_line: int = 1, default_document: str = LAW_NUMBER,
                     own_number: str | None = None) -> list[Mention]:
    """``Điều N`` / ``Article N`` mentions with the document they belong to:
    a document named right after (``Điều 20 của Nghị định 59/2023/NĐ-CP``) or
    right before (``Nghị định 59/2023/NĐ-CP, Điều 20``), else
    ``default_document`` (the Law). A document named without its number
    (``của Nghị định``, ``of the Decree``) is the last one of that kind named
    on the page, or the page's own (``own_number``)."""
    found = []
    last_by_kind: dict[str, str] = {}
    if own_number:
        normalised = normalise_number(own_number)
        last_by_kind[_kind_of_number(normalised) or ""] = normalised
    joiner = r"^\s*(?:\(\d+\)\s*)?(?:của\s+|of\s+(?:the\s+)?)?$"
    for number, line in _lines(text, first_line):
        for match in _ARTICLE.finditer(line):
            for full in FULL_NUMBER.finditer(line[: match.start()]):
                normalised = normalise_number(full.group(0))
                last_by_kind[_kind_of_number(normalised) or ""] = normalised
            after = line[match.end(): match.end() + 60]
            before = line[max(0, match.start() - 50): match.start()]
            document = default_document
            later_other = _OTHER_DOC.search(after)
            later_law = _LAW_DOC.search(after)
            if later_other and (not later_law or later_other.start() < later_law.start()) and \
                    re.match(joiner, after[:later_other.start()]):
                document = _document_near(after[later_other.start():], last_by_kind)
            elif later_law and re.match(joiner, after[:later_law.start()]):
                document = LAW_NUMBER
            else:
                earlier_other = list(_OTHER_DOC.finditer(before))
                earlier_law = list(_LAW_DOC.finditer(before))
                if earlier_other and (not earlier_law or earlier_other[-1].start() > earlier_law[-1].start()) \
                        and re.match(r"^[^.;:]*[,]?\s*$", before[earlier_other[-1].end():]):
                    document = _document_near(before[earlier_other[-1].start():], last_by_kind)
            for n in _numbers(match.group(1), match.group(2) or ""):
                found.append(Mention(match.group(0), number, "article", f"{document}|{n}"))
        for full in FULL_NUMBER.finditer(line):
            normalised = normalise_number(full.group(0))
            last_by_kind[_kind_of_number(normalised) or ""] = normalised
    return found


_WORD_KIND = {"nghi dinh": "ND", "decree": "ND", "quyet dinh": "QD", "decision": "QD", "ke hoach": "KH",
              "plan": "KH", "chi thi": "CT", "directive": "CT", "ket luan": "KL", "conclusion": "KL",
              "thong tu": "TT", "circular": "TT"}


def _document_near(text: str, last_by_kind: dict[str, str]) -> str:
    match = FULL_NUMBER.search(text[:40])
    if match:
        return normalise_number(match.group(0))
    short = SHORT_NUMBER.match(text)
    if short:
        return f"{_kind_of(short.group(1))}:{short.group(2)}"
    word = _OTHER_DOC.match(text)
    kind = _WORD_KIND.get(strip_diacritics(word.group(1)).lower()) if word else None
    return last_by_kind.get(kind or "", "other")


def unconfirmed_articles(text: str, facts: Facts, first_line: int = 1,
                         own_number: str | None = None) -> list[Mention]:
    """Article mentions the facts do not confirm: a law article outside 1–91,
    or an article of another document the facts do not list."""
    bad = []
    for mention in article_mentions(text, first_line, own_number=own_number):
        document, n = mention.detail.rsplit("|", 1)
        n = int(n)
        if document == LAW_NUMBER:
            if n not in facts.articles:
                bad.append(mention)
            continue
        entry = facts.documents.get(document)
        if entry is None and ":" in document:
            kind, num = document.split(":")
            entry = next((d for key, d in facts.documents.items()
                          if _kind_of_number(key) == kind and key.split("/")[0].split("-")[0] == num), None)
        listed = (entry or {}).get("articles", {}).get("numbers", [])
        if n not in listed:
            bad.append(mention)
    return bad


_ANCHOR = re.compile(r"luat-10-2022-qh15(?:\.en)?\.md#(dieu-(\d+)[a-z0-9-]*)")


def wrong_law_anchors(text: str, facts: Facts, first_line: int = 1) -> list[Mention]:
    """Links to the Law's article sections whose anchor is not the one the
    fact sheet's title gives (wrong number or wrong title)."""
    from handbook.content import scanner
    bad = []
    for line_ in scanner.text_lines(text, first_line):
        if line_.fence is not None:
            continue
        number, line = line_.number, line_.text
        for match in _ANCHOR.finditer(line):
            n = int(match.group(2))
            if n not in facts.articles or facts.article_anchor(n) != match.group(1):
                bad.append(Mention(match.group(1), number, "anchor"))
    return bad


# --- dates -------------------------------------------------------------------

EN_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1)}
_DMY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_VI_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_EN_DMY = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|"
                     r"October|November|December),?\s+(\d{4})\b")
_EN_MDY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|"
                     r"November|December)\s+(\d{1,2}),\s+(\d{4})\b")
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_VI_MONTH = re.compile(r"tháng\s+(\d{1,2})(?:/|\s+năm\s+)(\d{4})\b", re.I)
_EN_MONTH = re.compile(r"(?<!\d\s)\b(January|February|March|April|May|June|July|August|September|"
                       r"October|November|December)\s+(\d{4})\b")


def date_mentions(text: str, first_line: int = 1) -> list[tuple[Mention, dt.date | tuple[int, int] | None]]:
    """Dates (day precision) and months (``tháng 7/2024``, ``July 2024``)."""
    found = []
    for number, line in _lines(text, first_line):
        spans = []
        for regex, order in ((_DMY, "dmy"), (_VI_LONG, "dmy"), (_EN_DMY, "dMy"), (_EN_MDY, "Mdy"), (_ISO, "ymd")):
            for m in regex.finditer(line):
                a, b, c = m.groups()
                try:
                    if order == "dmy":
                        value = dt.date(int(c), int(b), int(a))
                    elif order == "dMy":
                        value = dt.date(int(c), EN_MONTHS[b.lower()], int(a))
                    elif order == "Mdy":
                        value = dt.date(int(c), EN_MONTHS[a.lower()], int(b))
                    else:
                        value = dt.date(int(a), int(b), int(c))
                except ValueError:
                    value = None
                spans.append((m.start(), m.end()))
                found.append((Mention(m.group(0), number, "date"), value))
        for regex, order in ((_VI_MONTH, "my"), (_EN_MONTH, "My")):
            for m in regex.finditer(line):
                if any(s <= m.start() < e for s, e in spans):
                    continue
                a, b = m.groups()
                month = int(a) if order == "my" else EN_MONTHS[a.lower()]
                found.append((Mention(m.group(0), number, "month"), (int(b), month)))
    return found


def unsupported_dates(text: str, facts: Facts, first_line: int = 1) -> list[Mention]:
    bad = []
    for mention, value in date_mentions(text, first_line):
        if mention.kind == "date" and value not in facts.dates:
            bad.append(mention)
        elif mention.kind == "month" and value not in facts.months:
            bad.append(mention)
    return bad


def _lines(text: str, first_line: int):
    """Lines outside code fences, inline code removed, link targets removed
    (a URL's digits are not facts)."""
    from handbook.content import scanner
    for line in scanner.text_lines(text, first_line):
        if line.fence is not None:
            continue
        clean = scanner.strip_code_spans(line.text)
        clean = re.sub(r"\]\([^)]*\)", "]()", clean)
        clean = re.sub(r"https?://\S+", "", clean)
        clean = re.sub(r"\{[:#][^}]*\}", "", clean)
        yield line.number, clean
