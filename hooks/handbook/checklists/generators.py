"""Generated-page kinds for the checklists (``generate: checklist-...``).

Registered in ``handbook.generated.REGISTRY`` on import. ``request.extra`` may
hold ``config`` (MkDocs config or a plain dict with ``nav``,
``use_directory_urls``, ``site_url``).
"""
from __future__ import annotations

from functools import partial

from .. import generated
from . import nav_order
from .collect import collect
from .page import markdown
from .tables import KINDS, Checklist, build, page_url


def checklist_for(request, kind: str) -> Checklist:
    config = request.extra.get("config") or {}
    collection = collect(request.sources, nav_order(config.get("nav")))
    url = partial(page_url, directory_urls=config.get("use_directory_urls", True),
                  site_url=config.get("site_url") or "")
    checklist = build(collection, kind, request.argument, request.lang, request.source.base_uri,
                      request.source.path, url=lambda base, lang: url(base, lang))
    checklist.title = str(request.source.meta.get("title") or "")
    return checklist


def _register(kind: str):
    @generated.register(kind)
    def generate(request) -> str:
        return markdown(checklist_for(request, kind))
    return generate


for _kind in KINDS:
    _register(_kind)
