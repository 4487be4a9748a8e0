"""The one rule of inherited metadata: a translation (``x.en.md``) has the
fields of its Vietnamese original (``x.md``) unless it writes its own, and
the reviews of a translation are added to its original's (a review of the
translation does not replace the review of the text it translates)."""
from __future__ import annotations

from handbook.content.sources import Source


def inherited_meta(original: Source | None, meta: dict) -> dict:
    """``meta`` (a page's own front matter) over its original's fields."""
    merged = dict(original.meta) if original is not None else {}
    inherited = merged.get("reviews")
    merged.update(meta or {})
    own = (meta or {}).get("reviews")
    if isinstance(own, list) and isinstance(inherited, list) and own != inherited:
        merged["reviews"] = inherited + own
    return merged
