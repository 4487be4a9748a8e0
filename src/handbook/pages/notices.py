"""Reader-facing notices attached to a page by any capability.

overrides/main.html renders ``page.meta["notices"]`` above the content, so a
hook only decides *whether* to warn and *what* to say, never how to render it.
"""
from __future__ import annotations

from markupsafe import Markup

KINDS = ("note", "info", "warning", "danger")


def add(meta: dict, notice_id: str, kind: str, title: str, html: str) -> dict:
    """Append a notice once (hooks run once per language build)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind!r}")
    notices = meta.setdefault("notices", [])
    if not any(n["id"] == notice_id for n in notices):
        notices.append({"id": notice_id, "kind": kind, "title": title, "html": Markup(html)})
    return meta
