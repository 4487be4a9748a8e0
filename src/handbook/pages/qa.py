"""Q&A topic pages: their questions, each question's basis, and the topic
index (``generate: qa-index``).

A question is a ``## `` heading ending with ``?`` on a page with ``type: qa``;
its answer runs to the next ``## `` heading and contains a line
``**Căn cứ:** [..](..)`` (English ``**Basis:**``) with at least one link.
"""
from __future__ import annotations

import bisect

import re
from dataclasses import dataclass

from handbook.content import scanner
from handbook.build import memo
from handbook.content.sources import DEFAULT_LANGUAGE, Source, for_language

BASIS_LABELS = ("Căn cứ", "Basis")
_BASIS = re.compile(r"^\s*(?:[-*]\s+)?\*\*(?:%s)\s*:?\s*\*\*\s*:?" % "|".join(BASIS_LABELS))
LABELS = {
    "vi": {"untranslated": "chưa dịch", "count": "Tổng cộng {q} câu hỏi trong {t} chủ đề.",
           "topic_untranslated": "bản tiếng Việt"},
    "en": {"untranslated": "not yet translated", "count": "{q} questions in {t} topics.",
           "topic_untranslated": "in Vietnamese"},
}


@dataclass(frozen=True)
class Question:
    text: str                # as the reader sees it
    anchor: str
    line: int
    basis: tuple[scanner.Link, ...]   # links on the "Căn cứ:" / "Basis:" line(s)


@memo.per_source  # both languages ask for the Vietnamese page a translation lacks
def questions(source: Source) -> list[Question]:
    """The questions of one topic page, with the links of their basis line."""
    heads = scanner.headings(source)
    level2 = [h for h in heads if h.level == 2]
    lines = [line for line in scanner.body_lines(source) if line.fence is None]
    numbers = [line.number for line in lines]
    found = []
    for i, head in enumerate(level2):
        text = scanner.plain_heading_text(head.text)
        if not text.endswith("?"):
            continue
        end = level2[i + 1].line if i + 1 < len(level2) else 10**9
        basis: list[scanner.Link] = []
        in_basis = False
        # the lines between this question and the next (not every line of the page again)
        for line in lines[bisect.bisect_right(numbers, head.line):bisect.bisect_left(numbers, end)]:
            if _BASIS.match(line.text):
                in_basis = True
            elif not line.text.strip():
                in_basis = False
            if in_basis:
                plain = scanner.strip_code_spans(line.text)
                basis += [scanner.Link(m.group("text"), m.group("target"), line.number, None)
                          for m in scanner.links_in(plain)]
        found.append(Question(text, head.anchor, head.line, tuple(basis)))
    return found


@dataclass(frozen=True)
class Topic:
    base_uri: str
    title: str
    order: int
    translated: bool
    questions: tuple[Question, ...]


def topics(sources: list[Source], lang: str) -> list[Topic]:
    """Topic pages (``type: qa``) as readers of ``lang`` see them, in
    ``topic_order``: the translation's questions where it exists, otherwise
    the Vietnamese ones."""
    originals = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    found = []
    for base, source in for_language(sources, lang).items():
        original = originals.get(base)
        meta = dict(original.meta) if original else {}
        meta.update(source.meta)
        if meta.get("type") != "qa":
            continue
        order = meta.get("topic_order")
        found.append(Topic(base, str(meta.get("title", base)),
                           order if isinstance(order, int) else 10**6,
                           source.lang == lang, tuple(questions(source))))
    return sorted(found, key=lambda t: (t.order, t.base_uri))


def topic_index(topic_list: list[Topic], lang: str, from_base_uri: str) -> str:
    """Markdown: one section per topic, one link per question."""
    t = LABELS.get(lang, LABELS["vi"])
    parts = []
    total = 0
    for topic in topic_list:
        page = scanner.relative_link(from_base_uri, topic.base_uri)
        note = "" if topic.translated else f" *({t['topic_untranslated']})*"
        parts += [f"## [{topic.title}]({page})", ""]
        if note:
            parts += [note.strip(), ""]
        for question in topic.questions:
            link = scanner.relative_link(from_base_uri, topic.base_uri, question.anchor)
            text = question.text.replace("[", "\\[").replace("]", "\\]")
            mark = "" if topic.translated else f" *({t['untranslated']})*"
            parts.append(f"- [{text}]({link}){mark}")
            total += 1
        parts.append("")
    parts.append(t["count"].format(q=total, t=len(topic_list)))
    return "\n".join(parts) + "\n"
