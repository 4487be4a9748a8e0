"""Translation freshness after the Kubernetes website's pattern: an English
page whose Vietnamese original changed in git after the translation did may
be out of date; a Vietnamese page without ``.en.md`` has no translation."""
from __future__ import annotations

from dataclasses import dataclass

from handbook.editorial.history import Commit, History
from handbook.content.sources import DEFAULT_LANGUAGE, Source

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"


@dataclass(frozen=True)
class Translation:
    base_uri: str
    original: Source
    translation: Source | None
    state: str                      # current, outdated, missing
    original_commit: Commit | None  # last change of the Vietnamese page (None: unknown)
    translation_commit: Commit | None


def status(sources: list[Source], history: History, lang: str = "en") -> dict[str, Translation]:
    """Freshness of every Vietnamese page's ``lang`` translation, by base_uri."""
    originals = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    translated = {s.base_uri: s for s in sources if s.lang == lang}
    result = {}
    for base, original in originals.items():
        translation = translated.get(base)
        vi_commit = history.last_commit(original.src_uri)
        if translation is None:
            result[base] = Translation(base, original, None, MISSING, vi_commit, None)
            continue
        en_commit = history.last_commit(translation.src_uri)
        # Compare positions in the log (newest first), not timestamps: two
        # commits in the same second still have an order. A shallow clone's
        # boundary commit is older than anything after it, so the raw newest
        # commits are compared.
        vi_raw = history.by_file.get(original.src_uri, [None])[0]
        en_raw = history.by_file.get(translation.src_uri, [None])[0]
        outdated = vi_raw is not None and en_raw is not None and vi_raw.order < en_raw.order
        result[base] = Translation(base, original, translation, OUTDATED if outdated else CURRENT,
                                   vi_commit, en_commit)
    return result
