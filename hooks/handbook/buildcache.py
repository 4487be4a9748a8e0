"""Outputs of slow, pure build steps, kept between builds by what they are made from.

As Material's own plugins keep theirs in ``.cache/plugin/``, the handbook keeps
in ``.cache/handbook/<step>/`` (next to mkdocs.yml) the checklists' workbooks
and the compressed copies of the site's files. An entry's name is the SHA-256
of everything its bytes depend on, the code that makes them included
(``code_version``), so an edited checklist, file or module simply makes a new
entry: an entry is never stale, only unused.

Entries are files written atomically (two language processes may write the
same one); each use refreshes its time, and the least recently used go once a
step's folder passes its size limit. ``HANDBOOK_CACHE=0`` turns the cache off;
``make clean`` deletes it.

Per-page results (a text's lint findings and citations, a page's search
sections and inline code's hashes) are too many and too small for a file
each: a :class:`Table` keeps them in one JSON file per step and code version,
loaded once and saved once per build.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

FOLDER = Path(".cache") / "handbook"
LIMIT_BYTES = 200 * 1024 * 1024  # per step: a thousand-page site's outputs, several times over


def code_version(*parts: str | Path) -> str:
    """A digest of the given module files (read) and version strings."""
    digest = hashlib.sha256()
    for part in parts:
        data = Path(part).read_bytes() if isinstance(part, Path) else str(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class BuildCache:
    """Bytes by key, in one folder per step. ``None`` folder: nothing is kept."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None

    @classmethod
    def for_project(cls, root: Path) -> "BuildCache":
        if os.environ.get("HANDBOOK_CACHE") == "0":
            return cls(None)
        return cls(Path(root) / FOLDER)

    def table(self, step: str, version: str) -> "Table":
        """Results of ``step`` as made by code ``version`` (see :class:`Table`)."""
        if self.folder is None:
            return Table(None)
        return Table(self.folder / step / f"{version}.json")

    def bytes(self, step: str, inputs: Iterable[bytes | str], make: Callable[[], bytes]) -> bytes:
        """What ``make()`` returns for these ``inputs``, made once."""
        if self.folder is None:
            return make()
        path = self.folder / step / digest(*inputs)
        try:
            data = path.read_bytes()
            os.utime(path)  # recently used: kept the longest
            return data
        except OSError:
            pass
        data = make()
        try:
            _write_atomically(path, data)
        except OSError:
            pass  # a read-only checkout still builds, only slower
        return data

    def trim(self, limit: int = LIMIT_BYTES) -> None:
        """Remove the least recently used entries of each step past ``limit`` bytes."""
        if self.folder is None or not self.folder.is_dir():
            return
        for step in self.folder.iterdir():
            if not step.is_dir():
                continue
            entries = []
            for entry in os.scandir(step):
                if entry.is_file():
                    stat = entry.stat()
                    entries.append((stat.st_mtime, stat.st_size, entry.path))
            total = sum(size for _, size, _ in entries)
            for _, size, path in sorted(entries):
                if total <= limit:
                    break
                try:
                    os.remove(path)
                except OSError:
                    pass
                total -= size


def digest(*parts: str | bytes) -> str:
    """A key for a table: the SHA-256 of ``parts`` (length-prefixed)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".new-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


class Table:
    """JSON values by key (a digest of their inputs), in one file.

    The file's name carries the code version, so a table is never read by
    other code than the one that wrote it. ``save`` keeps only the keys used
    since loading: pages removed or edited leave with the next build. ``None``
    path: nothing is read or kept.
    """

    def __init__(self, path: Path | None):
        self.path = path
        self._old: dict = {}
        self._used: dict = {}
        if path is not None:
            try:
                loaded = json.loads(path.read_bytes())
                self._old = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                pass  # none yet, or unreadable: made again

    def known(self) -> set[str]:
        """The keys read from the file."""
        return set(self._old)

    def key(self, *parts: str | bytes) -> str | None:
        """``digest(*parts)``, or ``None`` when nothing is kept (not worth hashing)."""
        return digest(*parts) if self.path is not None else None

    def get(self, key: str | None, make: Callable[[], object]):
        """The value kept for ``key``, or ``make()`` (a JSON value) kept from now
        on; ``None`` key: ``make()``."""
        if key is None:
            return make()
        if key in self._used:
            return self._used[key]
        value = self._old.get(key)
        if value is None:
            value = make()
        self._used[key] = value
        return value

    def save(self, prune: bool = True) -> None:
        """Write the values used since loading (``prune=False``: and the
        others read, for a build that saw only some pages, as a dirty preview)."""
        if self.path is None:
            return
        kept = self._used if prune else {**self._old, **self._used}
        try:
            if kept == self._old:
                os.utime(self.path)  # recently used: kept the longest
                return
            _write_atomically(self.path, json.dumps(kept, ensure_ascii=False,
                                                    separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # a read-only checkout still builds, only slower
