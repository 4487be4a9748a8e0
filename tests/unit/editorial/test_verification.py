"""Verification marks: pages with `verified: false` and `!!! unverified`
statements are found with file and line, shown to readers, and listed for editors."""
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import run_build
from handbook.content import sources
from handbook.editorial import verification

FIXTURE = Path(__file__).parent / "fixtures" / "content" / "verification"


def fixture_marks():
    return verification.find_unverified(sources.load(FIXTURE / "docs", FIXTURE))


def test_finds_unverified_pages_and_statements_with_file_and_line():
    found = [(m.path, m.line, m.kind) for m in fixture_marks()]
    assert found == [
        ("docs/chuong.md", 14, "statement"),
        ("docs/van-ban/nd-04.en.md", 10, "statement"),
        ("docs/van-ban/nd-04.md", 4, "page"),
        ("docs/van-ban/nd-04.md", 14, "statement"),
    ]


def test_notes_say_what_to_check_and_statements_know_their_section():
    marks = {(m.path, m.line): m for m in fixture_marks()}
    page = marks[("docs/van-ban/nd-04.md", 4)]
    assert page.note == "Chưa thấy văn bản bãi bỏ chính thức; kiểm tra trên vbpl.vn."
    assert page.title == "Nghị định 04/2015/NĐ-CP" and page.base_uri == "van-ban/nd-04.md"
    statement = marks[("docs/van-ban/nd-04.md", 14)]
    assert statement.note == "Ngày hết hiệu lực chưa được xác nhận."
    assert statement.anchor == "hieu-luc"
    english = marks[("docs/van-ban/nd-04.en.md", 10)]
    assert english.lang == "en" and english.anchor == "hieu-luc"
    assert english.note == "The repeal date is not confirmed."
    nested = marks[("docs/chuong.md", 14)]
    assert nested.note == "Số điều chưa xác nhận." and nested.anchor == "chuong"


def test_code_fences_and_other_admonitions_are_not_marks():
    notes = " ".join(m.note for m in fixture_marks())
    assert "Không tính" not in notes and "Không phải" not in notes


def test_untitled_admonition_gets_a_title_in_the_build_language():
    text = '!!! unverified\n    x\n\n??? unverified "Đã có"\n    y\n\n```\n!!! unverified\n```\n'
    vi = verification.add_default_titles(text, "vi")
    en = verification.add_default_titles(text, "en")
    assert vi.splitlines()[0] == '!!! unverified "Cần xác minh"'
    assert en.splitlines()[0] == '!!! unverified "To be verified"'
    assert '??? unverified "Đã có"' in en
    assert en.splitlines()[7] == "!!! unverified", "code fences must stay untouched"


def test_report_links_each_mark_and_counts_them():
    report = verification.render_report(fixture_marks(), "vi", "bien-tap/chua-xac-minh.md",
                                        {"van-ban/nd-04.md", "chuong.md"})
    assert "[Nghị định 04/2015/NĐ-CP](../van-ban/nd-04.md#hieu-luc)" in report
    assert "`docs/van-ban/nd-04.md:4`" in report
    assert "Tổng cộng: 4 mục." in report
    # the English file's anchor is not what Vietnamese readers see: page link only
    assert "[Decree 04/2015/ND-CP](../van-ban/nd-04.md)" in report
    assert verification.render_report([], "en", "x.md") == "Nothing is waiting for verification."


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


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
        doc = _soup(out / prefix / "cam-nang" / "cong-khai" / "index.html")
        notice = doc.select_one('[data-notice="unverified"]')
        assert notice is not None, f"{prefix}: no unverified notice"
        assert "Kiểm tra thời hạn 5 ngày làm việc." in notice.get_text()
        assert note_label in notice.get_text()
        if prefix == "":  # the English page is translated and has no statement mark
            box = doc.select_one(".admonition.unverified")
            assert box is not None and box.select_one(".admonition-title").get_text(strip=True) == title

    report = _soup(out / "bien-tap" / "chua-xac-minh" / "index.html")
    rows = report.select("article table tbody tr")
    cells = [" ".join(td.get_text(" ", strip=True) for td in row.select("td")) for row in rows]
    assert any("docs/cam-nang/cong-khai.md:" in c and "Cả trang" in c for c in cells), cells
    assert any("Thời hạn niêm yết cần đối chiếu." in c for c in cells), cells
    en_report = _soup(out / "en" / "bien-tap" / "chua-xac-minh" / "index.html")
    assert "Whole page" in en_report.get_text()
