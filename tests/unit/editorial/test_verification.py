"""Verification marks (handbook.editorial.verification): pages with
`verified: false` and `!!! unverified` statements are found with file and
line, titled in the build's language, and listed for editors. (Shown to
readers in the built site: tests/site/test_editorial.py.)"""
from conftest import ROOT
from handbook.content import sources
from handbook.editorial import verification

FIXTURE = ROOT / "tests" / "fixtures" / "content" / "verification"


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


