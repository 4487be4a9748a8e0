"""What git knows about the content: one ``git log`` for the whole docs/ tree.

Used for "last updated" dates, translation freshness and the recent-changes
page. One subprocess per build, never one per page. Dates are shown in
Vietnam's time zone (Asia/Ho_Chi_Minh): a commit at 2025-02-04T20:00:00Z was
made on 05/02/2025 there.

When git cannot tell (no repository, a file never committed, or a shallow
clone whose oldest visible commit is the file's newest one — that commit then
stands for the whole truncated history), the file's modification time is
used and the page says so.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

try:
    from zoneinfo import ZoneInfo
    TZ = ZoneInfo("Asia/Ho_Chi_Minh")
except Exception:  # pragma: no cover - no tz database: Vietnam has no DST since 1975
    TZ = dt.timezone(dt.timedelta(hours=7), "ICT")

RS, US = "\x1e", "\x1f"
LOG_FORMAT = f"{RS}%H{US}%cI{US}%s"


@dataclass(frozen=True)
class Commit:
    sha: str
    when: dt.datetime          # committer date, time-zone aware
    subject: str
    files: tuple[str, ...]     # relative to docs/
    order: int = 0             # 0 = newest

    @property
    def local_date(self) -> dt.date:
        return self.when.astimezone(TZ).date()


@dataclass
class History:
    commits: list[Commit] = field(default_factory=list)    # newest first
    boundary: frozenset = frozenset()   # shallow-clone boundary commits
    available: bool = False             # git history could be read
    reason: str = ""                    # why not, when not
    by_file: dict[str, list[Commit]] = field(default_factory=dict)
    root: Path | None = None            # docs/ when the files' past versions can be read
    prefix: str = ""                    # docs/ relative to the repository's top

    @property
    def shallow(self) -> bool:
        return bool(self.boundary)

    def last_commit(self, src_uri: str) -> Commit | None:
        """Newest commit touching ``src_uri``, or None when git cannot tell."""
        commits = self.by_file.get(src_uri)
        if not commits:
            return None
        newest = commits[0]
        if newest.sha in self.boundary:
            return None  # shallow clone: this commit stands for unknown older history
        return newest


def parse_log(output: str, boundary=frozenset()) -> History:
    commits = []
    for order, record in enumerate(r for r in output.split(RS) if r.strip()):
        header, _, names = record.partition("\n")
        sha, when, subject = (header.split(US) + ["", "", ""])[:3]
        files = tuple(n.strip() for n in names.splitlines() if n.strip())
        commits.append(Commit(sha, dt.datetime.fromisoformat(when), subject.strip(), files, order))
    by_file: dict[str, list[Commit]] = {}
    for commit in commits:
        for name in commit.files:
            by_file.setdefault(name, []).append(commit)
    return History(commits, frozenset(boundary), True, "", by_file)


def read_versions(history: History, wanted) -> dict[tuple[str, str], str | None]:
    """The text of files as they were at commits: ``wanted`` holds
    (commit sha, path under docs/) pairs; a file absent at that commit, or a
    history whose files cannot be read, gives None. One ``git cat-file``
    for every pair, never one process per page."""
    wanted = list(dict.fromkeys(wanted))
    found: dict[tuple[str, str], str | None] = {pair: None for pair in wanted}
    if not wanted or history.root is None:
        return found
    request = "".join(f"{sha}:{history.prefix}{path}\n" for sha, path in wanted)
    try:
        output = subprocess.run(["git", "-c", "core.quotepath=off", "cat-file", "--batch"],
                                cwd=history.root, input=request.encode("utf-8"), capture_output=True,
                                check=True, env=dict(os.environ, LC_ALL="C")).stdout
    except (OSError, subprocess.CalledProcessError):
        return found
    position = 0
    for pair in wanted:
        end = output.find(b"\n", position)
        if end < 0:
            break
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[pair] = output[position:position + size].decode("utf-8", errors="replace")
            position += size + 1
    return found


def _git(args: list[str], cwd: Path) -> str:
    env = dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          check=True).stdout


def read_history(docs_dir: str | Path) -> History:
    """The git history of ``docs_dir`` (paths relative to it), in one ``git log``."""
    docs = Path(docs_dir)
    try:
        output = _git(["log", "--no-renames", "--name-only", "--relative", f"--format={LOG_FORMAT}",
                       "--", "."], docs)
        shallow = _git(["rev-parse", "--is-shallow-repository"], docs).strip() == "true"
        boundary = set()
        if shallow:
            shallow_file = Path(_git(["rev-parse", "--git-path", "shallow"], docs).strip())
            if not shallow_file.is_absolute():
                shallow_file = docs / shallow_file
            if shallow_file.exists():
                boundary = set(shallow_file.read_text().split())
        prefix = _git(["rev-parse", "--show-prefix"], docs).strip()
    except (OSError, subprocess.CalledProcessError) as exc:
        reason = getattr(exc, "stderr", "") or str(exc)
        return History(available=False, reason=reason.strip().splitlines()[0] if reason.strip() else "git")
    found = parse_log(output, boundary)
    found.root, found.prefix = docs, prefix
    return found


@dataclass(frozen=True)
class Updated:
    date: dt.date
    from_git: bool        # False: the file's modification time (git could not tell)
    commit: Commit | None


def last_updated(history: History, src_uri: str, file: str | Path) -> Updated:
    commit = history.last_commit(src_uri)
    if commit is not None:
        return Updated(commit.local_date, True, commit)
    mtime = dt.datetime.fromtimestamp(Path(file).stat().st_mtime, TZ)
    return Updated(mtime.date(), False, None)


def recent_changes(history: History, limit: int = 30, exists=lambda src_uri: True):
    """[(commit, [src_uri, ...]), ...]: the ``limit`` newest commits that changed
    pages still present, newest first."""
    rows = []
    for commit in history.commits:
        names = [n for n in commit.files if n.endswith(".md") and exists(n)]
        if names:
            rows.append((commit, names))
            if len(rows) >= limit:
                break
    return rows
