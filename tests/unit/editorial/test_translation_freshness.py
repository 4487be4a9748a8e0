"""Translation freshness by what changed (handbook.editorial.translations):
a change of the Vietnamese text after the translation makes it out of date,
a change the translation does not carry (review records) does not; a banner
never shows the same date twice, and the translation-status page agrees
with the banner. On throw-away repositories with chosen commit dates."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from git_pages import commit, generate, git, page, repo, write  # noqa: F401 (repo: a fixture)
from handbook.content import sources
from handbook.editorial import history
from handbook.editorial import pages as editorial
from handbook.editorial import translations




def _status(repo: Path, base: str = "a.md"):
    docs = repo / "docs"
    hist = history.read_history(docs)
    srcs = sources.load(docs, repo)
    return translations.status(srcs, hist)[base], srcs, hist


def _dates(text: str) -> list[str]:
    return re.findall(r"\d{1,2} [A-Z][a-z]+ \d{4}", text)


def test_a_change_of_review_records_only_keeps_the_translation_current(repo):
    docs = repo / "docs"
    write(docs / "a.md", page("Trang A") + "\nNội dung.\n")
    write(docs / "a.en.md", page("Page A") + "\nContent.\n")
    commit(repo, "Thêm A", "2025-01-02T02:00:00Z")
    write(docs / "a.md", page("Trang A", owner="Tổ Thư ký", review_every_months=6) + "\nNội dung.\n")
    commit(repo, "Rà soát A", "2025-03-02T02:00:00Z")
    status, _, _ = _status(repo)
    assert status.state == translations.CURRENT
    assert editorial.translation_notice(status, "../a/") is None


def test_a_change_of_the_text_on_another_day_names_both_days(repo):
    docs = repo / "docs"
    write(docs / "a.md", page("Trang A") + "\nNội dung.\n")
    write(docs / "a.en.md", page("Page A") + "\nContent.\n")
    commit(repo, "Thêm A", "2025-01-02T02:00:00Z")
    write(docs / "a.md", page("Trang A") + "\nNội dung mới.\n")
    commit(repo, "Sửa A", "2025-02-04T20:00:00Z")           # 05/02/2025 in Hà Nội
    write(docs / "a.md", page("Trang A", owner="Tổ Thư ký") + "\nNội dung mới.\n")
    commit(repo, "Rà soát A", "2025-03-10T02:00:00Z")        # no change of the text
    status, srcs, hist = _status(repo)
    assert status.state == translations.OUTDATED
    # the date of the change of the text, not of the later review record
    assert status.changed_commit.subject == "Sửa A"
    _id, _kind, _title, text = editorial.translation_notice(status, "../a/")
    assert _dates(text) == ["5 February 2025", "2 January 2025"]
    listing = generate("translation-status", srcs, "en", editorial.Context(history=hist, sources=srcs))
    row = next(line for line in listing.splitlines() if "(a.en.md)" in line or "(a.md)" in line)
    assert "5 February 2025" in row and "2 January 2025" in row and "10 March 2025" not in row


def test_a_change_later_the_same_day_never_shows_two_equal_dates(repo):
    docs = repo / "docs"
    write(docs / "a.md", page("Trang A") + "\nNội dung.\n")
    write(docs / "a.en.md", page("Page A") + "\nContent.\n")
    commit(repo, "Thêm A", "2026-12-06T08:00:00Z")
    write(docs / "a.md", page("Trang A") + "\nNội dung đã sửa.\n")
    commit(repo, "Sửa A", "2026-12-06T09:00:00Z")
    status, srcs, hist = _status(repo)
    assert status.state == translations.OUTDATED and status.same_day
    _id, _kind, _title, text = editorial.translation_notice(status)
    assert _dates(text) == ["6 December 2026"], text
    assert "same day" in text
    for lang in ("vi", "en"):
        listing = generate("translation-status", srcs, lang, editorial.Context(history=hist, sources=srcs))
        row = next(line for line in listing.splitlines() if "| [" in line)
        found = re.findall(r"\d{2}/\d{2}/\d{4}|\d{1,2} [A-Z][a-z]+ \d{4}", row)
        assert len(found) == 1, row
        assert ("cùng ngày" if lang == "vi" else "that day") in row


def test_a_change_undone_later_leaves_the_translation_current(repo):
    docs = repo / "docs"
    write(docs / "a.md", page("Trang A") + "\nNội dung.\n")
    write(docs / "a.en.md", page("Page A") + "\nContent.\n")
    commit(repo, "Thêm A", "2025-01-02T02:00:00Z")
    write(docs / "a.md", page("Trang A") + "\nNội dung khác.\n")
    commit(repo, "Sửa A", "2025-01-03T02:00:00Z")
    write(docs / "a.md", page("Trang A") + "\nNội dung.\n")
    commit(repo, "Hoàn lại A", "2025-01-04T02:00:00Z")
    assert _status(repo)[0].state == translations.CURRENT


def test_a_translated_title_counts_as_text():
    before = "---\ntitle: Trang A\nowner: X\n---\n\n# Trang A\n"
    assert translations.translatable_text(before) == translations.translatable_text(
        "---\ntitle: Trang A\nowner: Y\nreview_every_months: 6\n---\n\n# Trang A\n")
    assert translations.translatable_text(before) != translations.translatable_text(
        "---\ntitle: Trang B\nowner: X\n---\n\n# Trang A\n")
    assert translations.translatable_text(None) is None
