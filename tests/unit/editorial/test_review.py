"""Review dates (handbook.editorial.review): a page's state from its latest
review and interval, the notices readers see in both languages, a
translation inheriting its original's reviews, and the editors' review page.
(On the built site: tests/site/test_editorial.py.)"""
from __future__ import annotations

import datetime as dt

import pytest

from git_pages import generate, page, reviews_yaml, write
from handbook.content import sources
from handbook.content.inheritance import inherited_meta
from handbook.editorial import pages as editorial
from handbook.editorial import review


@pytest.mark.parametrize("last, months, today, state, due", [
    ("2025-01-31", 1, "2025-01-20", review.OK, "2025-02-28"),
    ("2025-01-15", 12, "2025-12-01", review.OK, "2026-01-15"),
    ("2025-01-15", 12, "2025-12-16", review.SOON, "2026-01-15"),
    ("2025-01-15", 12, "2026-01-15", review.SOON, "2026-01-15"),
    ("2025-01-15", 12, "2026-01-16", review.OVERDUE, "2026-01-15"),
    ("2024-02-29", 12, "2025-03-01", review.OVERDUE, "2025-02-28"),
])
def test_review_states(last, months, today, state, due):
    meta = {"owner": "Văn phòng", "reviews": [entry(last)], "review_every_months": months}
    result = review.review_of(meta, dt.date.fromisoformat(today))
    assert (result.state, result.due) == (state, dt.date.fromisoformat(due))


def entry(day: str, by: str = "Tổ Thư ký", checked: str = "Số điều, thời hạn.", *names: str) -> dict:
    return {"date": dt.date.fromisoformat(day), "by": by, "sources": list(names or ["Luật 10/2022/QH15, Điều 51"]),
            "checked": checked}


def test_page_without_review_data_has_no_state():
    assert review.review_of({"title": "x"}, dt.date(2025, 1, 1)).state == review.NONE


def test_latest_review_sets_the_dates_whatever_the_order():
    meta = {"review_every_months": 6, "reviews": [entry("2025-03-01"), entry("2025-06-10", "Vụ 12"),
                                                   entry("2024-12-01")]}
    result = review.review_of(meta, dt.date(2025, 7, 1))
    assert (result.last_reviewed, result.due, result.state) == (dt.date(2025, 6, 10), dt.date(2025, 12, 10), review.OK)
    assert [e.date.isoformat() for e in result.entries] == ["2025-06-10", "2025-03-01", "2024-12-01"]
    assert result.entries[0].by == "Vụ 12" and result.entries[0].sources == ("Luật 10/2022/QH15, Điều 51",)


def test_page_never_reviewed_against_sources_says_so_in_both_languages():
    meta = {"owner": "Tổ Thư ký", "review_every_months": 12}
    assert review.review_of(meta, dt.date(2025, 1, 1)).state == review.UNREVIEWED
    notice_id, kind, title, text = editorial.review_notice("vi", meta, dt.date(2025, 1, 1))
    assert (notice_id, kind, title) == ("review-none", "info", "Chưa được rà soát đối chiếu nguồn")
    assert "chưa được rà soát đối chiếu với văn bản nguồn" in text and "Tổ Thư ký" in text
    _id, kind, title, text = editorial.review_notice("en", dict(meta, reviews=[]), dt.date(2025, 1, 1))
    assert (kind, title) == ("info", "Not yet reviewed against sources")
    assert "has not yet been reviewed against its sources" in text
    assert editorial.review_notice("vi", {"title": "Mục lục"}, dt.date(2025, 1, 1)) is None  # not subject to review


def test_english_page_inherits_reviews_and_adds_its_own():
    class Original:
        meta = {"owner": "Tổ Thư ký", "review_every_months": 12, "reviews": [entry("2025-01-10")]}
    merged = inherited_meta(Original, {"title": "Page"})
    assert merged["owner"] == "Tổ Thư ký" and merged["reviews"] == Original.meta["reviews"]
    own = [entry("2025-02-01", "Translator", "The translation against the Vietnamese page.")]
    merged = inherited_meta(Original, {"title": "Page", "reviews": own})
    assert [e["date"].isoformat() for e in merged["reviews"]] == ["2025-01-10", "2025-02-01"]
    assert review.review_of(merged, dt.date(2025, 3, 1)).last_reviewed == dt.date(2025, 2, 1)
    # the Vietnamese page itself (MkDocs' copy of its metadata): its reviews once
    assert inherited_meta(Original, dict(Original.meta))["reviews"] == Original.meta["reviews"]


def test_review_notices_in_both_languages():
    meta = {"owner": "Tổ Thư ký", "reviews": [entry("2024-01-10")], "review_every_months": 12}
    _id, kind, title, text = editorial.review_notice("vi", meta, dt.date(2025, 2, 1))
    assert (kind, title) == ("warning", "Trang đã quá hạn rà soát")
    assert "10/01/2025" in text and "Tổ Thư ký" in text
    _id, kind, title, text = editorial.review_notice("en", meta, dt.date(2025, 1, 1))
    assert (kind, title) == ("info", "Review due soon") and "10 January 2025" in text
    assert editorial.review_notice("vi", meta, dt.date(2024, 6, 1)) is None


def test_review_status_page_lists_overdue_soon_unreviewed_each_review_and_unverified(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "x.md", page("Quá hạn", owner="Văn phòng", review_every_months=12,
                              reviews=reviews_yaml("2024-01-01")))
    write(docs / "y.md", page("Sắp đến hạn", owner="Vụ 12", review_every_months=12,
                              reviews=reviews_yaml("2024-03-10", "Vụ 12", "Ngưỡng 1/3, 2/3 | thành phần",
                                                   "Luật 10/2022/QH15, Điều 49–52", "data/legal-facts.yml: law")
                              + reviews_yaml("2023-03-01", "Văn phòng", "Lần đầu.")))
    write(docs / "z.md", page("Còn hạn", owner="Vụ 12", review_every_months=12, reviews=reviews_yaml("2025-01-01")))
    write(docs / "n.md", page("Chưa rà soát", owner="Văn phòng", review_every_months=12))
    write(docs / "u.md", page("Chưa xác minh", verified="false", verify_note="Đối chiếu Điều 5"))
    srcs = sources.load(docs, tmp_path)
    ctx = editorial.Context(today=dt.date(2025, 2, 20), sources=srcs)
    text = generate("review-status", srcs, "vi", ctx)
    overdue, rest = text.split("## Đến hạn")
    soon, rest = rest.split("## Chưa rà soát đối chiếu nguồn")
    never, rest = rest.split("## Các lần rà soát")
    made, unverified = rest.split("## Chưa xác minh")
    assert "[Quá hạn](x.md)" in overdue and "01/01/2025 (quá 50 ngày)" in overdue
    assert "[Sắp đến hạn](y.md)" in soon and "10/03/2025 (còn 18 ngày)" in soon
    assert "Còn hạn" not in overdue + soon
    assert never.startswith(" (1)") and "| [Chưa rà soát](n.md) | Văn phòng |" in never
    rows = [line for line in made.splitlines() if line.startswith("| [")]
    assert made.startswith(" (4)") and len(rows) == 4  # every review of every page, newest first per page
    assert ("| [Sắp đến hạn](y.md) | 10/03/2024 | Vụ 12 | Luật 10/2022/QH15, Điều 49–52; data/legal-facts.yml: law | "
            "Ngưỡng 1/3, 2/3 \\| thành phần |") in rows
    assert rows.index(next(r for r in rows if "10/03/2024" in r)) < rows.index(next(r for r in rows if "01/03/2023" in r))
    assert "[Chưa xác minh](u.md)" in unverified
    english = generate("review-status", srcs, "en", ctx)
    assert "## Not yet reviewed against sources (1)" in english and "## Reviews made (4)" in english
    assert "| Page | Date | Reviewed by | Sources compared | What was checked |" in english
