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
"""
from __future__ import annotations

import hashlib
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

    def bytes(self, step: str, inputs: Iterable[bytes | str], make: Callable[[], bytes]) -> bytes:
        """What ``make()`` returns for these ``inputs``, made once."""
        if self.folder is None:
            return make()
        digest = hashlib.sha256()
        for value in inputs:
            data = value.encode("utf-8") if isinstance(value, str) else value
            digest.update(len(data).to_bytes(8, "big") + data)
        path = self.folder / step / digest.hexdigest()
        try:
            data = path.read_bytes()
            os.utime(path)  # recently used: kept the longest
            return data
        except OSError:
            pass
        data = make()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".new-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
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
