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
sections, the safety scan of a built page) are too many and too small for a
file each: a :class:`Table` keeps them in one JSON file per step and code
version, loaded once and saved once per build.

The cache cannot lie: every entry carries the SHA-256 of its own bytes (a
table, of its entries), checked on every read, and a table's values are
checked against the shape their step expects. A damaged entry (truncated,
emptied, a flipped bit, a hand edit) is dropped and made again, with a
one-line notice; what is published is what a cold build makes.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

FOLDER = Path(".cache") / "handbook"
LIMIT_BYTES = 200 * 1024 * 1024  # per step: a thousand-page site's outputs, several times over
# An entry file: this mark, the SHA-256 of the payload, the payload.
_MAGIC = b"HBC1"
_HEAD = len(_MAGIC) + 32
TABLE_FORMAT = 2

log = logging.getLogger("mkdocs.handbook.cache")


def notice(step: str, dropped: int, what: str = "mục", noticed: set | None = None) -> None:
    """One line per step saying damaged entries were dropped (and are being
    made again); further damage in the same step (``noticed``: the steps said
    already) is not repeated."""
    if noticed is not None:
        if step in noticed:
            return
        noticed.add(step)
    log.info(f"Bộ nhớ đệm .cache/handbook/{step}: có {what} hỏng, đã bỏ và dựng lại "
             f"(build cache: damaged {'table' if what == 'bảng' else 'entries'} dropped and made again).")


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
        self.noticed: set[str] = set()  # steps whose damage was said already
        # step -> {"kept": values taken from the cache, "made": values made anew}
        self.counts: dict[str, dict[str, int]] = {}

    def _count(self, step: str, what: str) -> None:
        counts = self.counts.setdefault(step, {"kept": 0, "made": 0})
        counts[what] += 1

    @classmethod
    def for_project(cls, root: Path) -> "BuildCache":
        from handbook.build import settings  # the one place that reads the environment

        if not settings.cache_enabled():
            return cls(None)
        return cls(Path(root) / FOLDER)

    def table(self, step: str, version: str, valid: Callable[[object], bool] | None = None) -> "Table":
        """Results of ``step`` as made by code ``version`` (see :class:`Table`);
        ``valid`` tells whether a kept value has the shape the step expects."""
        if self.folder is None:
            return Table(None)
        return Table(self.folder / step / f"{version}.json", valid, step, self.noticed,
                     lambda what: self._count(step, what))

    def bytes(self, step: str, inputs: Iterable[bytes | str], make: Callable[[], bytes]) -> bytes:
        """What ``make()`` returns for these ``inputs``, made once (a kept
        copy whose checksum fails is dropped and made again)."""
        if self.folder is None:
            return make()
        path = self.folder / step / digest(*inputs)
        try:
            kept = path.read_bytes()
        except OSError:
            kept = None
        if kept is not None:
            data = _unwrap(kept)
            if data is not None:
                try:
                    os.utime(path)  # recently used: kept the longest
                except OSError:
                    pass
                self._count(step, "kept")
                return data
            notice(step, 1, noticed=self.noticed)
            try:
                path.unlink()
            except OSError:
                pass
        data = make()
        self._count(step, "made")
        try:
            _write_atomically(path, _wrap(data))
        except OSError:
            pass  # a read-only checkout (or a full disk) still builds, only slower
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


def _wrap(data: bytes) -> bytes:
    return _MAGIC + hashlib.sha256(data).digest() + data


def _unwrap(kept: bytes) -> bytes | None:
    """The payload of an entry file, or None when it is not intact."""
    if len(kept) < _HEAD or not kept.startswith(_MAGIC):
        return None
    data = kept[_HEAD:]
    return data if hashlib.sha256(data).digest() == kept[len(_MAGIC):_HEAD] else None


def _canonical(entries: dict) -> bytes:
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


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

    def __init__(self, path: Path | None, valid: Callable[[object], bool] | None = None, step: str = "",
                 noticed: set | None = None, count: Callable[[str], None] | None = None):
        self.path = path
        self.valid = valid
        self.noticed = noticed
        self.count = count or (lambda what: None)
        self._old: dict = {}
        self._used: dict = {}
        if path is not None:
            self._old = self._load(path, step or path.parent.name)

    def _load(self, path: Path, step: str) -> dict:
        """The kept entries that are intact and well formed (with a notice
        for any dropped); none when the file does not exist yet."""
        try:
            raw = path.read_bytes()
        except OSError:
            return {}
        try:
            loaded = json.loads(raw)
            entries = loaded["entries"]
            intact = (loaded.get("format") == TABLE_FORMAT and isinstance(entries, dict)
                      and hashlib.sha256(_canonical(entries)).hexdigest() == loaded.get("sha256"))
        except (ValueError, TypeError, KeyError, AttributeError):
            intact = False
        if not intact:
            notice(step, 1, "bảng", self.noticed)
            return {}
        good = {key: value for key, value in entries.items()
                if isinstance(key, str) and value is not None and (self.valid is None or _checks(self.valid, value))}
        if len(good) < len(entries):
            notice(step, len(entries) - len(good), noticed=self.noticed)
        return good

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
            self.count("made")
        else:
            self.count("kept")
        self._used[key] = value
        return value

    def save(self, prune: bool = True) -> None:
        """Write the values used since loading (``prune=False``: and the
        others read, for a build that saw only some pages, as a dirty preview)."""
        if self.path is None:
            return
        kept = self._used if prune else {**self._old, **self._used}
        try:
            if kept == self._old and self.path.exists():
                os.utime(self.path)  # recently used: kept the longest
                return
            body = _canonical(kept)
            _write_atomically(self.path, b'{"format":%d,"sha256":"%s","entries":' % (
                TABLE_FORMAT, hashlib.sha256(body).hexdigest().encode("ascii")) + body + b"}")
        except OSError:
            pass  # a read-only checkout (or a full disk) still builds, only slower


def _checks(valid: Callable[[object], bool], value) -> bool:
    try:
        return bool(valid(value))
    except Exception:  # a validator meeting an unexpected shape: the entry is not valid
        return False


def is_list_of(value, kinds) -> bool:
    """A list whose items are all instances of ``kinds`` (for table validators)."""
    return isinstance(value, list) and all(isinstance(item, kinds) for item in value)
