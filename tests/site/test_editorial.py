"""The editors' workflow in the built site: last updated, edit links, review
and translation notices, and the editors' pages, on the project in a git
repository with chosen dates and a fixed build date (``git_site``); dates on
every shipped page; verification marks shown to readers and listed for
editors. (The same rules without a build: tests/unit/editorial/.)"""
from __future__ import annotations

import os
import re

import pytest

from conftest import copy_project, run_build, soup
from git_pages import commit, git, reviews_yaml


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
    # a deployment's own git server (the shipped configuration has none)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'edit_url_template: ""', 'edit_url_template: "https://git.vksnd.test/vksnd/cam-nang/-/edit/main/docs/{path}"', 1),
        encoding="utf-8")
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


def test_shipped_site_links_to_no_edit_server(site):
    """As shipped (no git server configured) no page offers an edit link."""
    for path in [site / "index.html", site / "en" / "index.html", site / "cam-nang" / "cong-khai" / "index.html"]:
        assert soup(path).select_one("a[data-edit-link]") is None
        assert "git.example" not in path.read_text(encoding="utf-8")


def test_shipped_site_never_shows_a_freshness_banner_with_two_equal_dates(site):
    """A banner "updated on D, after this translation was updated (D)"
    contradicts itself; the translation-status page lists what the banners say."""
    date = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}|\d{2}/\d{2}/\d{4}")
    flagged = set()
    for page in (site / "en").rglob("index.html"):
        notice = soup(page).select_one('[data-notice="translation-outdated"]')
        if notice is None:
            continue
        dates = date.findall(notice.get_text(" "))
        assert len(dates) == len(set(dates)), f"{page}: {notice.get_text(' ')}"
        flagged.add(page.parent.relative_to(site / "en").as_posix() + "/")
    for prefix in ("", "en/"):
        status = soup(site / prefix / "bien-tap" / "ban-dich" / "index.html").select("article table")[0]
        for row in status.select("tbody tr"):
            dates = date.findall(row.get_text(" "))
            assert len(dates) == len(set(dates)), row.get_text(" ")
        if prefix:
            assert len(status.select("tbody tr")) == len(flagged), (sorted(flagged), status.get_text(" ")[:500])


def test_shipped_site_shows_dates_on_every_page(site):
    for path in [site / "index.html", site / "en" / "index.html", site / "cam-nang" / "index.html"]:
        facts = soup(path).select_one("[data-page-facts] time")
        assert facts is not None and facts.get_text(strip=True)


# ---- verification marks ----------------------------------------------------------


def test_marks_are_shown_to_readers_and_listed_for_editors(project_copy):
    page = project_copy / "docs" / "cam-nang" / "cong-khai.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("\n---\n", "\nverified: false\nverify_note: Kiểm tra thời hạn 5 ngày làm việc.\n---\n", 1)
    text += "\n## Thời hạn\n\n!!! unverified\n    Thời hạn niêm yết cần đối chiếu.\n"
    page.write_text(text, encoding="utf-8")
    out = project_copy / "site"
    result = run_build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr

    for prefix, title, note_label in (("", "Cần xác minh", "Cần kiểm tra"),
                                      ("en/", "To be verified", "To check")):
        doc = soup(out / prefix / "cam-nang" / "cong-khai" / "index.html")
        notice = doc.select_one('[data-notice="unverified"]')
        assert notice is not None, f"{prefix}: no unverified notice"
        assert "Kiểm tra thời hạn 5 ngày làm việc." in notice.get_text()
        assert note_label in notice.get_text()
        if prefix == "":  # the English page is translated and has no statement mark
            box = doc.select_one(".admonition.unverified")
            assert box is not None and box.select_one(".admonition-title").get_text(strip=True) == title

    report = soup(out / "bien-tap" / "chua-xac-minh" / "index.html")
    rows = report.select("article table tbody tr")
    cells = [" ".join(td.get_text(" ", strip=True) for td in row.select("td")) for row in rows]
    assert any("docs/cam-nang/cong-khai.md:" in c and "Cả trang" in c for c in cells), cells
    assert any("Thời hạn niêm yết cần đối chiếu." in c for c in cells), cells
    en_report = soup(out / "en" / "bien-tap" / "chua-xac-minh" / "index.html")
    assert "Whole page" in en_report.get_text()
