"""Generated-page kinds for the checklists (``generate: checklist-...``):
``GENERATORS`` maps each kind to its function. ``request.extra`` may hold
``config`` (MkDocs config or a plain dict with ``nav``,
``use_directory_urls``, ``site_url``).
"""
from __future__ import annotations

from functools import partial
from types import MappingProxyType
from pathlib import Path

from handbook.content import abbreviations
from handbook.build.store import STORE
from handbook.checklists import nav_order
from handbook.checklists.collect import collect
from handbook.checklists.htmltables import Abbreviations, Inline
from handbook.checklists.page import markdown
from handbook.checklists.tables import KINDS, Checklist, build, page_url
from handbook.models import links as model_links


_BUILT = STORE.space("checklist-tables")  # (sources, kind, argument, lang, page) -> (sources, Checklist)


def checklist_for(request, kind: str) -> Checklist:
    """The checklist of a page; built once per build, for the page and again
    for its downloads (the hooks pass the build's one list of sources)."""
    key = (id(request.sources), kind, request.argument, request.lang, request.source.base_uri)
    hit = _BUILT.get(key)
    if hit is not None and hit[0] is request.sources:
        return hit[1]
    if len(_BUILT) > 64:
        _BUILT.clear()
    checklist = _build_checklist(request, kind)
    _BUILT[key] = (request.sources, checklist)
    return checklist


def _build_checklist(request, kind: str) -> Checklist:
    config = request.extra.get("config") or {}
    collection = collect(request.sources, nav_order(config.get("nav")))
    url = partial(page_url, directory_urls=config.get("use_directory_urls", True),
                  site_url=config.get("site_url") or "")
    checklist = build(collection, kind, request.argument, request.lang, request.source.base_uri,
                      request.source.path, url=lambda base, lang: url(base, lang))
    checklist.title = str(request.source.meta.get("title") or "")
    return checklist


def site_abbreviations(config) -> Abbreviations:
    """The abbreviations every page gets (pymdownx.snippets' ``auto_append``)."""
    snippets = (config.get("mdx_configs") or {}).get("pymdownx.snippets") or {}
    config_file = getattr(config, "config_file_path", None) or config.get("config_file_path")
    root = Path(config_file).parent if config_file else Path(".")
    bases = snippets.get("base_path") or ["."]
    bases = [bases] if isinstance(bases, str) else bases
    found: dict[str, str] = {}
    for name in snippets.get("auto_append") or []:
        for base in bases:
            path = root / base / name
            if path.is_file():
                found.update(abbreviations.definitions(path.read_text(encoding="utf-8")))
                break
    return Abbreviations(found)


def generate(kind: str, request) -> str:
    """The Markdown of a checklist page of ``kind``."""
    config = request.extra.get("config") or {}
    checklist = checklist_for(request, kind)
    inline = Inline(checklist.page_uri, site_abbreviations(config),
                    directory_urls=config.get("use_directory_urls", True))
    return markdown(checklist, inline, request.place,
                    partial(model_links.evidence_cell, request.sources, request.lang))


GENERATORS = MappingProxyType({kind: partial(generate, kind) for kind in KINDS})
