"""Checklists: items declared in the content (```checklist blocks), collected
once per build, shown on their page, and turned into the inspection checklist,
the self-check list, one list per role and a yearly calendar — as pages, CSV
and XLSX, in both languages.

Plain functions only (no MkDocs): ``hooks/checklists.py`` is the adapter.
"""
from handbook.checklists.collect import Collection, Entry, collect
from handbook.checklists.model import FREQUENCIES, ROLES, Item
from handbook.checklists.parse import parse_source
from handbook.checklists.render import rewrite
from handbook.checklists.tables import KINDS, build

__all__ = ["Collection", "Entry", "collect", "FREQUENCIES", "ROLES", "Item", "parse_source",
           "rewrite", "KINDS", "build", "nav_order"]


def nav_order(nav) -> list[str]:
    """Docs paths in the order ``nav`` lists them (pages only)."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, str):
            if node.endswith(".md"):
                out.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(nav or [])
    return out
