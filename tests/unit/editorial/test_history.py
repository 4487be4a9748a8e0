"""Dates from git: last updated (Vietnam time), shallow clones, review states
and outdated translations, on throwaway repositories with chosen dates."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from handbook.content.inheritance import inherited_meta
from handbook.editorial import pages as editorial
from handbook.pages import generated
from handbook.editorial import history
from handbook.editorial import review
from handbook.content import sources
from handbook.editorial import translations


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


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    git(root, "init", "-q")
    return root


def page(title: str, **meta) -> str:
    lines = [f"title: {title}"] + [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\n# {title}\n"


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
    text = _generate("recent-changes", srcs, "vi", editorial.Context(history=hist, sources=srcs))
    assert "05/02/2025" in text and "shallow clone" in text


# --- review dates ---------------------------------------------------------------

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

    listing = _generate("translation-status", srcs, "vi", editorial.Context(history=hist, sources=srcs))
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
    text = _generate("recent-changes:2", srcs, "vi", ctx)
    rows = [l for l in text.splitlines() if l.startswith("| 0")]
    assert rows == ["| 06/02/2025 | [Trang B](b.md) | Sửa B |",
                    "| 05/02/2025 | [Trang B](b.md) | Thêm trang B \\| có dấu gạch |"]


def _generate(spec, srcs, lang, ctx):
    kind, argument = generated.parse(spec)
    here = next(s for s in srcs if s.lang == lang or s.lang == "vi")
    request = generated.Request(here, lang, argument, srcs)
    generators = {"review-status": editorial.review_status, "translation-status": editorial.translation_status,
                  "recent-changes": editorial.recent_changes_page}
    return generators[kind](request, ctx)


def reviews_yaml(day: str, by: str = "Tổ Thư ký", checked: str = "Số điều.", *names: str) -> str:
    listed = "".join(f'\n      - "{n}"' for n in (names or ["Luật 10/2022/QH15, Điều 51"]))
    return f"\n  - date: {day}\n    by: {by}\n    sources:{listed}\n    checked: \"{checked}\""


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
    text = _generate("review-status", srcs, "vi", ctx)
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
    english = _generate("review-status", srcs, "en", ctx)
    assert "## Not yet reviewed against sources (1)" in english and "## Reviews made (4)" in english
    assert "| Page | Date | Reviewed by | Sources compared | What was checked |" in english


# --- the built site -------------------------------------------------------------

def drop_review_fields(text: str) -> str:
    """The front matter without owner, review_every_months and reviews (with its entries)."""
    head, sep, body = text.partition("\n---\n")
    head = re.sub(r"\nreviews:.*?(?=\n\S|\Z)", "", head, flags=re.S)
    head = re.sub(r"\n(review_every_months|owner): .*", "", head)
    return head + sep + body


@pytest.fixture(scope="module")
def git_site(tmp_path_factory):
    """The project in a git repository with chosen dates, built with a fixed build date."""
    project = copy_project(tmp_path_factory.mktemp("gitsite") / "project")
    # The build's day is 20/02/2025: the shipped pages' reviews are dated before it.
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        moved = re.sub(r"(\n\s*-\s*date:\s*)(\d{4}-\d{2}-\d{2})",
                       lambda m: m.group(1) + min(m.group(2), "2025-01-15"), text)
        if moved != text:
            page.write_text(moved, encoding="utf-8")
    chapter = project / "docs" / "cam-nang" / "cong-khai.md"
    text = chapter.read_text(encoding="utf-8")
    # Whatever the shipped chapter says, make it overdue on the build date.
    text = drop_review_fields(text)
    text = text.replace("---\n", "---\nowner: Tổ Thư ký Ban Chỉ đạo\nreview_every_months: 12\nreviews:"
                        + reviews_yaml("2024-01-01", "Tổ Thư ký Ban Chỉ đạo", "Thời hạn công khai.",
                                       "Luật 10/2022/QH15, Điều 47") + "\n", 1)
    chapter.write_text(text, encoding="utf-8")
    english = chapter.with_name("cong-khai.en.md")  # inherits owner and review dates
    english.write_text(drop_review_fields(english.read_text(encoding="utf-8")), encoding="utf-8")
    # a chapter that content work has not reviewed yet, whatever the shipped page says
    unreviewed = project / "docs" / "cam-nang" / "trach-nhiem.md"
    unreviewed.write_text(drop_review_fields(unreviewed.read_text(encoding="utf-8")).replace(
        "---\n", "---\nowner: Tổ Thư ký Ban Chỉ đạo\nreview_every_months: 12\n", 1), encoding="utf-8")
    (project / "docs" / "cam-nang" / "trach-nhiem.en.md").write_text(drop_review_fields(
        (project / "docs" / "cam-nang" / "trach-nhiem.en.md").read_text(encoding="utf-8")), encoding="utf-8")
    git(project, "init", "-q")
    commit(project, "Khởi tạo cẩm nang", "2025-01-02T02:00:00Z")
    chapter.write_text(text + "\nNội dung bổ sung.\n", encoding="utf-8")
    commit(project, "Bổ sung chương Công khai", "2025-02-04T20:00:00Z")
    old = os.environ.get("HANDBOOK_TODAY")
    os.environ["HANDBOOK_TODAY"] = "2025-02-20"
    try:
        out = project / "site"
        result = run_build(project, out)
    finally:
        if old is None:
            os.environ.pop("HANDBOOK_TODAY")
        else:
            os.environ["HANDBOOK_TODAY"] = old
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_built_page_shows_last_updated_edit_link_and_overdue_warning(git_site):
    html = soup(git_site / "cam-nang" / "cong-khai" / "index.html")
    facts = html.select_one("[data-page-facts]")
    assert "Cập nhật lần cuối: 05/02/2025" in " ".join(facts.get_text(" ").split())
    edit = facts.select_one("a[data-edit-link]")
    assert edit.get_text(strip=True) == "Sửa trang này"
    assert edit["href"].endswith("/-/edit/main/docs/cam-nang/cong-khai.md")
    warning = html.select_one('[data-notice="review-overdue"]')
    assert warning is not None and "01/01/2025" in warning.get_text()


def test_built_english_translation_is_flagged_outdated_and_edits_the_en_file(git_site):
    html = soup(git_site / "en" / "cam-nang" / "cong-khai" / "index.html")
    # owner and review dates are inherited from the Vietnamese page
    facts = " ".join(html.select_one("[data-page-facts]").get_text(" ").split())
    assert "Responsible unit: Tổ Thư ký Ban Chỉ đạo" in facts and "Next review due: 1 January 2025" in facts
    assert html.select_one('[data-notice="review-overdue"]') is not None
    notice = html.select_one('[data-notice="translation-outdated"]')
    assert notice is not None
    assert "5 February 2025" in notice.get_text() and "2 January 2025" in notice.get_text()
    assert html.select_one("a[data-edit-link]")["href"].endswith("docs/cam-nang/cong-khai.en.md")
    link = notice.select_one("a[hreflang=vi]")["href"]
    assert (git_site / "en" / "cam-nang" / "cong-khai" / link / "index.html").resolve() == \
        (git_site / "cam-nang" / "cong-khai" / "index.html").resolve()


def test_built_editors_pages_list_the_state(git_site):
    review_page = soup(git_site / "bien-tap" / "ra-soat" / "index.html").get_text(" ")
    assert "Quá hạn rà soát" in review_page and "20/02/2025" in review_page
    outdated = soup(git_site / "en" / "bien-tap" / "ban-dich" / "index.html").select("article table")[0]
    row = next(tr for tr in outdated.select("tr") if tr.select_one('a[href$="cam-nang/cong-khai/"]'))
    assert "5 February 2025" in row.get_text(" ") and "2 January 2025" in row.get_text(" ")
    changes = soup(git_site / "bien-tap" / "thay-doi" / "index.html").select("article table tr")
    first = " ".join(changes[1].get_text(" ").split())
    assert first.startswith("05/02/2025") and "Bổ sung chương Công khai" in first


def test_built_page_never_reviewed_shows_readers_a_notice_in_both_languages(git_site):
    notice = soup(git_site / "cam-nang" / "trach-nhiem" / "index.html").select_one('[data-notice="review-none"]')
    assert notice is not None and "chưa được rà soát đối chiếu với văn bản nguồn" in notice.get_text()
    english = soup(git_site / "en" / "cam-nang" / "trach-nhiem" / "index.html")
    notice = english.select_one('[data-notice="review-none"]')
    assert notice is not None and "has not yet been reviewed against its sources" in notice.get_text()
    # a reviewed page has no such notice, and its footer gives the review's date
    reviewed = soup(git_site / "cam-nang" / "cong-khai" / "index.html")
    assert reviewed.select_one('[data-notice="review-none"]') is None
    assert "Rà soát lần cuối: 01/01/2024" in " ".join(reviewed.select_one("[data-page-facts]").get_text(" ").split())


def test_built_review_page_lists_each_review_and_the_pages_never_reviewed(git_site):
    page = soup(git_site / "bien-tap" / "ra-soat" / "index.html")
    tables = {h.get_text(" ", strip=True).split(" (")[0]: h.find_next("table") for h in page.select("article h2")}
    made = tables["Các lần rà soát"]
    row = next(tr for tr in made.select("tr") if tr.select_one('a[href$="cam-nang/cong-khai/"]'))
    cells = [" ".join(td.get_text().split()) for td in row.select("td")]
    assert cells[1:] == ["01/01/2024", "Tổ Thư ký Ban Chỉ đạo", "Luật 10/2022/QH15, Điều 47", "Thời hạn công khai."]
    never = tables["Chưa rà soát đối chiếu nguồn"]
    assert never.select_one('a[href$="cam-nang/trach-nhiem/"]') is not None
    assert never.select_one('a[href$="cam-nang/cong-khai/"]') is None
    english = soup(git_site / "en" / "bien-tap" / "ra-soat" / "index.html").get_text(" ")
    assert "Reviews made" in english and "Not yet reviewed against sources" in english


def test_shipped_site_shows_dates_on_every_page(site):
    for path in [site / "index.html", site / "en" / "index.html", site / "cam-nang" / "index.html"]:
        facts = soup(path).select_one("[data-page-facts] time")
        assert facts is not None and facts.get_text(strip=True)


# --- edit links -----------------------------------------------------------------

@pytest.mark.parametrize("template, src_uri, expected", [
    ("https://git.example.vn/vksnd/cam-nang/-/edit/main/docs/{path}", "cam-nang/cong-khai.en.md",
     "https://git.example.vn/vksnd/cam-nang/-/edit/main/docs/cam-nang/cong-khai.en.md"),
    ("https://github.com/org/repo/edit/main/docs/{path}", "index.md",
     "https://github.com/org/repo/edit/main/docs/index.md"),
    ("", "index.md", None),
    (None, "index.md", None),
])
def test_edit_link_follows_the_configured_server(template, src_uri, expected):
    assert editorial.edit_url(template, src_uri) == expected
    facts = editorial.page_facts("vi", src_uri, {}, history.Updated(dt.date(2025, 2, 5), True, None),
                                 dt.date(2025, 2, 5), template)
    assert facts["edit_url"] == expected and facts["edit_label"] == "Sửa trang này"


def test_shipped_config_has_edit_links_and_no_repo_url():
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert "{path}" in config["extra"]["handbook"]["edit_url_template"]
    assert "repo_url" not in config and "edit_uri" not in config
