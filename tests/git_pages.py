"""Shared helpers of the editorial tests (tests/unit/editorial/,
tests/site/test_editorial.py): throw-away git repositories with chosen
commit dates, pages with chosen front matter, and the editors' generated
pages made as the build makes them."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from handbook.editorial import pages as editorial
from handbook.pages import generated


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Biên tập viên", GIT_AUTHOR_EMAIL="bt@example.vn",
               GIT_COMMITTER_NAME="Biên tập viên", GIT_COMMITTER_EMAIL="bt@example.vn")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def commit(repo: Path, message: str, date: str, *paths: str) -> None:
    git(repo, "add", *(paths or ["-A"]))
    git(repo, "commit", "-q", "-m", message, date=date)


def page(title: str, **meta) -> str:
    lines = [f"title: {title}"] + [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\n# {title}\n"


def generate(spec, srcs, lang, ctx):
    kind, argument = generated.parse(spec)
    here = next(s for s in srcs if s.lang == lang or s.lang == "vi")
    request = generated.Request(here, lang, argument, srcs)
    generators = {"review-status": editorial.review_status, "translation-status": editorial.translation_status,
                  "recent-changes": editorial.recent_changes_page}
    return generators[kind](request, ctx)


def reviews_yaml(day: str, by: str = "Tổ Thư ký", checked: str = "Số điều.", *names: str) -> str:
    listed = "".join(f'\n      - "{n}"' for n in (names or ["Luật 10/2022/QH15, Điều 51"]))
    return f"\n  - date: {day}\n    by: {by}\n    sources:{listed}\n    checked: \"{checked}\""


@pytest.fixture
def repo(tmp_path) -> Path:
    """An empty git repository with a docs/ folder (a test module imports
    this fixture by name to use it)."""
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    git(root, "init", "-q")
    return root
