"""Translation freshness after the Kubernetes website's pattern, by what
changed rather than by dates: an English page is out of date when the
Vietnamese text it translates changed after the translation's last commit,
that is when the original's *translatable text* (its body and the fields a
translation writes in its own words: title, description) differs between
the translation's last commit and now. Changes a translation does not carry
(review records, owner, the document's metadata, which English pages
inherit) make no page out of date.

Dates said to readers are those of the commits that changed the text; two
commits of the same day are told apart by their order in the log, never by
comparing dates (a banner saying "updated on 6 December, after this
translation was updated on 6 December" contradicts itself). A Vietnamese page
without ``.en.md`` has no translation.

Without readable history (no git, a shallow clone's boundary) the order of
the last commits decides, as before: the translation is out of date when the
original was committed after it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from handbook.content import yamltext
from handbook.content.sources import DEFAULT_LANGUAGE, Source
from handbook.editorial.history import Commit, History, read_versions

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"
# Front-matter fields a translation writes in its own words; the others are
# inherited by the translation (handbook.content.inheritance) or editorial.
TRANSLATED_FIELDS = ("title", "description")


@dataclass(frozen=True)
class Translation:
    base_uri: str
    original: Source
    translation: Source | None
    state: str                      # current, outdated, missing
    original_commit: Commit | None  # last change of the Vietnamese page (None: unknown)
    translation_commit: Commit | None
    # the last commit that changed the Vietnamese text after the translation's
    # last commit (None: none, or unknown)
    changed_commit: Commit | None = None

    @property
    def same_day(self) -> bool:
        """The text changed on the day the translation was last updated (later that day)."""
        changed = self.changed_commit or self.original_commit
        return bool(changed and self.translation_commit
                    and changed.local_date == self.translation_commit.local_date)


def translatable_text(text: str | None) -> str | None:
    """A digest of what a translation translates in a page's source: its
    body and its translated fields (None: no such file)."""
    if text is None:
        return None
    meta, body = {}, text
    if text.startswith("---\n"):
        head, separator, rest = text[4:].partition("\n---\n")
        if separator:
            try:
                loaded = yamltext.load(head)
            except Exception:  # noqa: BLE001 - a malformed past version counts as changed text
                loaded = {"?": head}
            meta = loaded if isinstance(loaded, dict) else {"?": head}
            body = rest
    fields = {key: str(meta.get(key, "")) for key in TRANSLATED_FIELDS}
    fields["?"] = str(meta.get("?", ""))
    canonical = json.dumps([fields, "\n".join(line.rstrip() for line in body.strip().splitlines())],
                           ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _later_commits(history: History, original: Source, translation: Source) -> tuple[list[Commit], Commit | None]:
    """The original's commits after the translation's last one (newest
    first), and that last commit of the translation."""
    vi_commits = history.by_file.get(original.src_uri, [])
    en_commits = history.by_file.get(translation.src_uri, [])
    if not vi_commits or not en_commits:
        return [], None
    # positions in the log (newest first), not timestamps: two commits in the
    # same second still have an order
    en_last = en_commits[0]
    return [c for c in vi_commits if c.order < en_last.order], en_last


def status(sources: list[Source], history: History, lang: str = "en") -> dict[str, Translation]:
    """Freshness of every Vietnamese page's ``lang`` translation, by base_uri."""
    originals = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    translated = {s.base_uri: s for s in sources if s.lang == lang}
    later_of = {base: _later_commits(history, originals[base], translated[base])
                for base in originals if base in translated}
    # every version of the originals that matters, read in one go
    wanted = []
    for base, (later, en_last) in later_of.items():
        if later:
            path = originals[base].src_uri
            wanted += [(en_last.sha, path)] + [(c.sha, path) for c in later]
    versions = read_versions(history, wanted)
    result = {}
    for base, original in originals.items():
        translation = translated.get(base)
        vi_commit = history.last_commit(original.src_uri)
        if translation is None:
            result[base] = Translation(base, original, None, MISSING, vi_commit, None)
            continue
        en_commit = history.last_commit(translation.src_uri)
        later, en_last = later_of[base]
        state, changed = CURRENT, None
        if later and history.root is None:  # past versions unreadable: the order decides
            state, changed = OUTDATED, later[0]
        elif later:
            path = original.src_uri
            chain = [translatable_text(versions[(en_last.sha, path)])] + \
                [translatable_text(versions[(c.sha, path)]) for c in reversed(later)]
            if chain[-1] != chain[0]:
                state = OUTDATED
                # the newest commit whose text differs from the version before it
                for commit, before, after in zip(reversed(later), chain, chain[1:]):
                    if after != before:
                        changed = commit
        result[base] = Translation(base, original, translation, state, vi_commit, en_commit,
                                   changed if changed is None or changed.sha not in history.boundary else None)
    return result
