"""Checklist items (```checklist blocks) in the linter's report.

The build validates every item with ``handbook.checklists.collect``; the
linter runs the same validation over the same files, so `make lint` lists a
broken item with every other problem (rules ``checklist-*``, named by the
parser and the collector). Nothing is restated here.

Two of the collector's findings are already the link rules' (which check
both languages): a basis link to a missing anchor (``link-anchor``) and to a
missing page (``link-target``). They are reported once, under the link rule;
``checklist-basis-link`` stays for links the link rules do not read as page
links (``/van-ban/...``, ``luat.html``).
"""
from __future__ import annotations

import re

from handbook.checklists import collect
from handbook.errors import ContentError, ContentErrors
from handbook.content.sources import Source
from handbook.lint.document import Document

MARKER = "```checklist"
_URL = re.compile(r"^Basis link '([^']*)'")


def _source(doc: Document) -> Source:
    """The document's source: the very object the build reads, so the
    collector's result for an unchanged site is shared with the build."""
    return doc.source


def check_site(documents: list[Document], link_problems: list[ContentError] = ()) -> list[ContentError]:
    """Every checklist problem of the site (``link_problems``: what the link
    rules found, to leave out the same broken link reported twice)."""
    readable = [d for d in documents if d.meta_error is None and d.base_uri is not None]
    if not any(MARKER in d.text for d in readable):
        return []
    try:
        collect([_source(d) for d in readable])
    except ContentErrors as found:
        problems = found.errors
    else:
        return []
    seen = {(p.path, p.rule) + (m.group(1),) for p in link_problems
            for m in [re.search(r"'([^']*)'", p.message_en)] if m}
    kept = []
    for problem in problems:
        if problem.rule == "checklist-basis-anchor":
            continue  # link-anchor reports it, in both languages
        if problem.rule == "checklist-basis-link":
            url = _URL.match(problem.message_en)
            if url and (problem.path, "link-target", url.group(1)) in seen:
                continue
        kept.append(problem)
    return kept
