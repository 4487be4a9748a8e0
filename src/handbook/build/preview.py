"""Quick previews: `make serve` rebuilds only what an edit changed.

The preview server rebuilds with MkDocs' ``--dirty``: a page is rendered again
only when its own file is newer than its output. Some pages show what other
pages say: the generated pages (checklists, indexes, editors' reports), the
regulation pages (their "cited in" lists and header boxes), and every page's
navigation (titles, order). For those, this module keeps a fingerprint of
their inputs from one rebuild to the next; the hook deletes the output of
each page whose inputs changed, so MkDocs renders it again.
"""
from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

from handbook.build.store import STORE
from handbook.pages import backlinks
from handbook.pages import regulations
from handbook.checklists.parse import find_blocks
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX
from handbook.content.sources import Source, for_language

# Every page: the navigation, and the snippets every page includes
# (includes/abbreviations.md: the tooltips of abbreviations).
EVERY_PAGE = "<every page>"
# Editors' reports read every page (dates, notes, translations): always redone.
ALWAYS = ("unverified", "review-status", "translation-status", "recent-changes")

# What the previous preview's pages depended on, and a counter of rebuilds.
_PREVIOUS = STORE.space("preview")
_REBUILDS = _PREVIOUS.setdefault("rebuilds", itertools.count())


def fingerprint(*parts) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()


def _checklist_inputs(sources: list[Source]) -> str:
    return fingerprint([(s.src_uri, s.meta.get("title"), [b.content for b in find_blocks(s.text)[0]])
                        for s in sources if "```checklist" in s.text or "~~~checklist" in s.text])


def _qa_inputs(sources: list[Source]) -> str:
    return fingerprint([(s.src_uri, s.meta, [line for line in s.body.splitlines() if line.startswith("#")])
                        for s in sources if s.meta.get("type") == "qa"])


def _first_heading(source: Source) -> str:
    return next((line for line in source.body.splitlines() if line.startswith("# ")), "")


def snippet_texts(folders: list[Path]) -> dict[str, str]:
    """Text of every file under the snippet folders, by path."""
    return {path.as_posix(): path.read_text(encoding="utf-8", errors="replace")
            for folder in folders if folder.is_dir()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def dependencies(sources: list[Source], lang: str, nav, snippets: dict[str, str] | None = None) -> dict[str, str]:
    """Fingerprint of what each dependent page of ``lang`` is built from,
    keyed by base path (``EVERY_PAGE``: the navigation and ``snippets``, the
    text of the files that every page includes, by path)."""
    shown = for_language(sources, lang)
    found = {EVERY_PAGE: fingerprint(nav, [(s.src_uri, s.meta.get("title"), _first_heading(s)) for s in sources],
                                     sorted((snippets or {}).items()))}
    regs = regulations.collect(sources, lang)
    regs_key = fingerprint(sorted((base, repr(reg)) for base, reg in regs.items()))
    citations = backlinks.build_index(sources, lang, set(regs), CHECKLIST_ITEM_PREFIX)
    checklists = qa = None
    for base, source in shown.items():
        kind = str(source.meta.get("generate") or "").partition(":")[0]
        if kind.startswith("checklist-"):
            checklists = checklists or _checklist_inputs(sources)
            found[base] = fingerprint(checklists, source.meta)
        elif kind == "qa-index":
            qa = qa or _qa_inputs(sources)
            found[base] = fingerprint(qa)
        elif kind == "documents-index":
            found[base] = regs_key
        elif kind:  # editors' reports and any future kind
            found[base] = fingerprint(next(_REBUILDS) if kind in ALWAYS else [(s.src_uri, s.text) for s in sources])
        elif base in regs:
            found[base] = fingerprint(regs_key, repr(citations.get(base, [])))
    return found


def changed(site_dir: str, lang: str, current: dict[str, str]) -> set[str]:
    """Keys whose fingerprint differs from the previous build of this site and
    language (all of them the first time); remembers the new ones."""
    stale = {key for key, value in current.items() if _PREVIOUS.get((site_dir, lang, key)) != value}
    for key, value in current.items():
        _PREVIOUS[(site_dir, lang, key)] = value
    return stale
