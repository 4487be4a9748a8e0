"""Dates from git (handbook.editorial.history, .translations): last updated
(Vietnam time), shallow clones, the recent changes page, and translations
older than their original, on throw-away repositories with chosen dates.
(On the built site: tests/site/test_editorial.py.)"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from git_pages import commit, generate, git, page, repo, write  # noqa: F401 (repo: a fixture)
from handbook.content import sources
from handbook.editorial import history
from handbook.editorial import pages as editorial
from handbook.editorial import translations




# --- last updated -------------------------------------------------------------

def test_last_updated_is_the_day_in_vietnam(repo):
    write(repo / "docs" / "a.md", page("A"))
    commit(repo, "Thêm trang A", "2025-02-04T20:00:00Z")
    hist = history.read_history(repo / "docs")
    updated = history.last_updated(hist, "a.md", repo / "docs" / "a.md")
    assert updated.from_git and updated.date == dt.date(2025, 2, 5)
    facts = editorial.page_facts("vi", "a.md", {}, updated, dt.date(2025, 3, 1), None)
    assert (facts["updated_label"], facts["updated"]) == ("Cập nhật lần cuối", "05/02/2025")
    assert facts["updated_note"] == ""


def test_latest_commit_wins_and_one_log_covers_every_file(repo):
    write(repo / "docs" / "a.md", page("A"))
    write(repo / "docs" / "sub" / "b.md", page("B"))
    commit(repo, "Khởi tạo", "2025-01-01T03:00:00+07:00")
    write(repo / "docs" / "a.md", page("A") + "\nThêm đoạn.\n")
    commit(repo, "Sửa trang A", "2025-03-10T16:59:00Z")  # 23:59 in Hà Nội
    hist = history.read_history(repo / "docs")
    assert history.last_updated(hist, "a.md", repo / "docs/a.md").date == dt.date(2025, 3, 10)
    assert history.last_updated(hist, "sub/b.md", repo / "docs/sub/b.md").date == dt.date(2025, 1, 1)
    assert [c.subject for c in hist.commits] == ["Sửa trang A", "Khởi tạo"]


def test_file_without_history_falls_back_to_mtime_and_says_so(repo):
    write(repo / "docs" / "a.md", page("A"))
    commit(repo, "A", "2025-02-04T20:00:00Z")
    new = write(repo / "docs" / "new.md", page("Mới"))
    os.utime(new, (dt.datetime(2025, 6, 1, 12, tzinfo=dt.timezone.utc).timestamp(),) * 2)
    hist = history.read_history(repo / "docs")
    updated = history.last_updated(hist, "new.md", new)
    assert not updated.from_git and updated.date == dt.date(2025, 6, 1)
    facts = editorial.page_facts("vi", "new.md", {}, updated, dt.date(2025, 7, 1), None)
    assert facts["updated"] == "01/06/2025" and "không có lịch sử git" in facts["updated_note"]


def test_no_repository_at_all_does_not_fail(tmp_path):
    docs = tmp_path / "plain" / "docs"
    file = write(docs / "a.md", page("A"))
    hist = history.read_history(docs)
    assert not hist.available
    assert not history.last_updated(hist, "a.md", file).from_git


def test_shallow_clone_uses_git_where_it_knows_and_mtime_where_it_cannot(repo, tmp_path):
    write(repo / "docs" / "old.md", page("Cũ"))
    write(repo / "docs" / "b.md", page("B"))
    commit(repo, "Trang cũ", "2024-01-01T01:00:00Z")
    write(repo / "docs" / "b.md", page("B") + "\nSửa.\n")
    commit(repo, "Sửa B", "2024-06-01T01:00:00Z")
    write(repo / "docs" / "c.md", page("C"))
    commit(repo, "Thêm C", "2025-02-04T20:00:00Z")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True,
                   env=dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull))
    hist = history.read_history(clone / "docs")
    assert hist.available and hist.shallow
    c = history.last_updated(hist, "c.md", clone / "docs/c.md")
    assert c.from_git and c.date == dt.date(2025, 2, 5)
    # b.md's newest visible commit is the clone's boundary: it stands for older
    # history too, so its date is not trusted; same for old.md.
    for name in ("b.md", "old.md"):
        updated = history.last_updated(hist, name, clone / "docs" / name)
        assert not updated.from_git


def test_shallow_clone_of_depth_one_builds_recent_changes_without_failing(repo, tmp_path):
    write(repo / "docs" / "a.md", page("A"))
    commit(repo, "A", "2025-02-04T20:00:00Z")
    clone = tmp_path / "clone1"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   env=dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull))
    hist = history.read_history(clone / "docs")
    srcs = sources.load(clone / "docs", clone)
    text = generate("recent-changes", srcs, "vi", editorial.Context(history=hist, sources=srcs))
    assert "05/02/2025" in text and "shallow clone" in text


# --- translation freshness ------------------------------------------------------

def test_outdated_translation_is_detected_with_both_dates(repo):
    docs = repo / "docs"
    write(docs / "a.md", page("Trang A"))
    write(docs / "a.en.md", page("Page A"))
    write(docs / "b.md", page("Trang B"))
    commit(repo, "Thêm A và B", "2025-01-02T02:00:00Z")
    hist = history.read_history(docs)
    status = translations.status(sources.load(docs, repo), hist)
    assert status["a.md"].state == translations.CURRENT
    assert status["b.md"].state == translations.MISSING

    write(docs / "a.md", page("Trang A") + "\nQuy định mới.\n")
    commit(repo, "Cập nhật A theo quy định mới", "2025-02-04T20:00:00Z")
    hist = history.read_history(docs)
    srcs = sources.load(docs, repo)
    a = translations.status(srcs, hist)["a.md"]
    assert a.state == translations.OUTDATED
    assert (a.original_commit.local_date, a.translation_commit.local_date) == (dt.date(2025, 2, 5), dt.date(2025, 1, 2))
    _id, kind, title, text = editorial.translation_notice(a, "../../a/")
    assert kind == "warning" and "may be out of date" in title
    assert "5 February 2025" in text and "2 January 2025" in text and 'href="../../a/"' in text

    listing = generate("translation-status", srcs, "vi", editorial.Context(history=hist, sources=srcs))
    outdated, missing = listing.split("Chưa có bản tiếng Anh")
    assert "[Trang A](a.md)" in outdated and "05/02/2025" in outdated and "02/01/2025" in outdated
    assert "[Trang B](b.md)" in missing and "docs/b.en.md" in missing

    write(docs / "a.en.md", page("Page A") + "\nNew rule.\n")
    commit(repo, "Update the translation of A", "2025-02-04T20:00:00Z")  # same second, later commit
    assert translations.status(sources.load(docs, repo), history.read_history(docs))["a.md"].state == translations.CURRENT


def test_recent_changes_newest_first_with_links_and_summaries(repo):
    docs = repo / "docs"
    write(docs / "a.md", page("Trang A"))
    commit(repo, "Thêm trang A", "2025-01-02T02:00:00Z")
    write(docs / "b.md", page("Trang B"))
    commit(repo, "Thêm trang B | có dấu gạch", "2025-02-04T20:00:00Z")
    write(docs / "b.md", page("Trang B") + "x\n")
    commit(repo, "Sửa B", "2025-02-06T01:00:00Z")
    srcs = sources.load(docs, repo)
    ctx = editorial.Context(history=history.read_history(docs), sources=srcs)
    text = generate("recent-changes:2", srcs, "vi", ctx)
    rows = [l for l in text.splitlines() if l.startswith("| 0")]
    assert rows == ["| 06/02/2025 | [Trang B](b.md) | Sửa B |",
                    "| 05/02/2025 | [Trang B](b.md) | Thêm trang B \\| có dấu gạch |"]
