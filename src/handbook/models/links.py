"""Checklist items and the models that serve them, linked both ways.

A model's page notes link to the checklist items it serves
(``../cam-nang/<chapter>.md#ck-<id>``): that list, written once by the
editor of the model, is the only record. The other direction is derived
from it here, in one place: the item's box on its chapter page and the
evidence column of the checklist pages name the models, without anything
added to the items themselves (``evidence`` stays as editors write it).

The checklists' rendering calls :func:`item_line` (item boxes, Markdown) and
:func:`evidence_cell` (checklist tables, HTML); both are cheap after the first
call of a build (the map is kept by the identity of the build's sources).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from handbook.build.store import STORE
from handbook.content.scanner import relative_link
from handbook.models.model import is_model, note_links
from handbook.models.source import split_body
from handbook.pages.regulations import md_text

LABELS = {"vi": "Mẫu văn bản", "en": "Model documents"}

_MAPS = STORE.space("model-links")  # "last" -> (sources, {item id: (Served, ...)})


@dataclass(frozen=True)
class Served:
    base_uri: str                       # the model's page: "mau-van-ban/ke-hoach-hoi-nghi-can-bo.md"
    titles: tuple[tuple[str, str], ...]  # (lang, page title)

    def title(self, lang: str) -> str:
        found = dict(self.titles)
        return found.get(lang) or found.get("vi") or self.base_uri


def served_by(sources) -> dict[str, tuple[Served, ...]]:
    """Checklist item id -> the models whose notes link to it, in file order."""
    last = _MAPS.get("last")
    if last is not None and last[0] is sources:
        return last[1]
    titles: dict[str, dict[str, str]] = {}
    for source in sources:
        if is_model(source.base_uri or ""):
            titles.setdefault(source.base_uri, {})[source.lang] = str(source.meta.get("title") or "")
    found: dict[str, list[Served]] = {}
    for source in sorted(sources, key=lambda s: s.src_uri):
        if source.lang != "vi" or not is_model(source.base_uri or ""):
            continue
        served = Served(source.base_uri, tuple(sorted(titles[source.base_uri].items())))
        notes, _ = split_body(source.body)
        for item in note_links(notes, source.base_uri)[1]:  # ids, in order
            found.setdefault(item, []).append(served)
    result = {item: tuple(models) for item, models in found.items()}
    _MAPS["last"] = (sources, result)
    return result


def item_line(sources, lang: str, item_id: str, page_uri: str) -> str:
    """The item box's line naming its models (Markdown links from ``page_uri``,
    the page the box is on), or "" when no model serves the item."""
    models = served_by(sources).get(item_id, ())
    if not models:
        return ""
    links = "; ".join(f"[{md_text(m.title(lang))}]({relative_link(page_uri, m.base_uri)})" for m in models)
    return f"**{LABELS.get(lang, LABELS['vi'])}:** {links}"


def evidence_cell(sources, lang: str, inline, item_id: str) -> str:
    """HTML after an item's evidence in a checklist table: its models, linked
    from the table's page (``inline``: the checklists' renderer of that
    page), or "" when no model serves the item."""
    models = served_by(sources).get(item_id, ())
    if not models:
        return ""
    links = "; ".join(inline.link(escape(m.title(lang), quote=False), relative_link(inline.page_uri, m.base_uri))
                      for m in models)
    return f'<br><span class="ck-models">{escape(LABELS.get(lang, LABELS["vi"]))}: {links}</span>'
