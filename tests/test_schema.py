"""Front-matter schema: every page declares its type, and each type's fields
are present and well formed; problems name file, line, field and the form
expected, in Vietnamese and English, all at once."""
from pathlib import Path

import pytest

from conftest import run_build
from handbook import frontmatter, schema, sources

FIXTURE = Path(__file__).parent / "fixtures" / "content" / "site"

REGULATION = """---
title: Quyết định 51/QĐ-VKSTC
type: regulation
number: "51/QĐ-VKSTC"
doc_type: quyet-dinh
issuer: Viện kiểm sát nhân dân tối cao
signed: 2023-03-03
status: in-force
source_url: https://vksndtc.gov.vn/
owner: Tổ Thư ký Ban Chỉ đạo
last_reviewed: 2026-11-30
review_every_months: 12
---

# Quyết định
"""


def make(src_uri: str, text: str) -> sources.Source:
    meta, body, body_line = frontmatter.split(text, f"docs/{src_uri}")
    lang, base = sources.split_language(src_uri)
    return sources.Source(f"docs/{src_uri}", src_uri, base, lang, meta, body, body_line, text)


def problems(*pages):
    return [(e.path, e.line, e.rule, e.message_en) for e in schema.check_site(list(pages))]


def test_fixture_site_is_valid():
    assert schema.check_site(sources.load(FIXTURE / "docs", FIXTURE)) == []


def test_valid_regulation_passes():
    assert problems(make("van-ban/qd-51.md", REGULATION)) == []


@pytest.mark.parametrize("field, value, expected", [
    ("signed", "2023-03-03", None),
    ("signed", "03/03/2023", "YYYY-MM-DD"),
    ("signed", "2023-3-3", "YYYY-MM-DD"),
    ("doc_type", "quyet-dinh", None),
    ("doc_type", "decision", "one of: luat, nghi-dinh"),
    ("status", "hieu-luc", "one of: in-force, replaced"),
    ("review_every_months", "0", "positive whole number"),
    ("review_every_months", "mười hai", "positive whole number"),
    ("source_url", "vbpl.vn", "https://"),
    ("issuer", '""', "non-empty text"),
])
def test_malformed_field_names_file_line_field_and_form(field, value, expected):
    lines = REGULATION.splitlines(keepends=True)
    index = next(i for i, l in enumerate(lines) if l.startswith(f"{field}:"))
    lines[index] = f"{field}: {value}\n"
    found = schema.check_site([make("van-ban/qd-51.md", "".join(lines))])
    if expected is None:
        assert found == []
        return
    assert len(found) == 1, found
    error = found[0]
    assert (error.path, error.line) == ("docs/van-ban/qd-51.md", index + 1)
    assert f"'{field}'" in error.message_vi and f"'{field}'" in error.message_en
    assert expected in error.message_en


def test_missing_fields_are_all_reported_at_once():
    text = REGULATION.replace("owner: Tổ Thư ký Ban Chỉ đạo\n", "").replace('number: "51/QĐ-VKSTC"\n', "")
    found = problems(make("van-ban/qd-51.md", text))
    assert [(p[2], p[3].split("'")[1]) for p in found] == [
        ("front-matter-required", "number"), ("front-matter-required", "owner")]
    assert all("required for 'regulation' pages" in p[3] for p in found)


def test_every_page_needs_a_type_that_fits_its_folder():
    found = problems(
        make("cam-nang/a.md", "---\ntitle: A\n---\n# A\n"),
        make("hoi-dap/b.md", "---\ntitle: B\ntype: chapter\nowner: x\nlast_reviewed: 2026-11-30\n"
                             "review_every_months: 12\n---\n# B\n"),
        make("khac.md", "---\ntitle: C\ntype: trang\n---\n# C\n"),
        make("van-ban/index.md", "---\ntitle: D\ngenerate: documents-index\n---\n# D\n"),  # generated
        make("bien-tap/e.md", "---\ntitle: E\n---\n# E\n"),  # no type implied here
        make("bien-tap/f.md", "---\ntitle: F\nlast_reviewed: 1/12/2026\n---\n# F\n"),
    )
    assert [(p[0], p[1], p[2]) for p in found] == [
        ("docs/bien-tap/f.md", 3, "front-matter-date"),  # a known field is checked wherever it appears
        ("docs/cam-nang/a.md", 1, "front-matter-required"),
        ("docs/hoi-dap/b.md", 3, "front-matter-value"),
        ("docs/khac.md", 3, "front-matter-value"),
    ]
    error = schema.check_site([make("cam-nang/a.md", "---\ntitle: A\n---\n# A\n")])[0]
    assert "type: chapter" in error.fix_vi and "type: chapter" in error.fix_en


def test_translation_inherits_fields_but_needs_its_own_title():
    original = make("van-ban/qd-51.md", REGULATION)
    assert problems(original, make("van-ban/qd-51.en.md", "---\ntitle: Decision 51\n---\n# D\n")) == []
    found = problems(original, make("van-ban/qd-51.en.md", "---\nissuer: SPP\n---\n# D\n"))
    assert [(p[0], p[3].split("'")[1]) for p in found] == [("docs/van-ban/qd-51.en.md", "title")]
    found = problems(original, make("van-ban/qd-51.en.md", "---\ntitle: D\nsigned: 3 March 2023\n---\n# D\n"))
    assert [(p[0], p[1]) for p in found] == [("docs/van-ban/qd-51.en.md", 3)]


def test_rules_that_tie_fields_together():
    replaced = REGULATION.replace("status: in-force", "status: replaced")
    assert "no 'replaced_by'" in problems(make("van-ban/qd-51.md", replaced))[0][3]
    pointing_nowhere = replaced.replace("status: replaced", "status: replaced\nreplaced_by: van-ban/khong-co.md")
    assert "does not name another regulation page" in problems(make("van-ban/qd-51.md", pointing_nowhere))[0][3]
    backwards = REGULATION.replace("signed: 2023-03-03", "signed: 2023-03-03\neffective: 2023-01-01")
    assert "before the date signed" in problems(make("van-ban/qd-51.md", backwards))[0][3]
    unverified = REGULATION.replace("status: in-force", "status: in-force\nverified: false")
    assert "no 'verify_note'" in problems(make("van-ban/qd-51.md", unverified))[0][3]


def test_file_by_file_check_for_the_linter():
    assert schema.check_meta(make("van-ban/qd-51.md", REGULATION).meta, "docs/van-ban/qd-51.md", REGULATION) == []
    # a translation on its own: only its own fields (the rest is inherited)
    text = "---\ntitle: Decision 51\nsigned: 3 March 2023\n---\n# D\n"
    found = schema.check_meta(make("van-ban/qd-51.en.md", text).meta, "docs/van-ban/qd-51.en.md", text)
    assert [(e.line, e.rule) for e in found] == [(3, "front-matter-date")]
    text = "---\ntitle: Chương\ntype: chapter\n---\n# C\n"
    found = schema.check_meta(make("cam-nang/c.md", text).meta, "docs/cam-nang/c.md", text)
    assert sorted(e.message_en.split("'")[1] for e in found) == ["last_reviewed", "owner", "review_every_months"]


def test_impossible_date_is_a_front_matter_error_not_a_crash():
    with pytest.raises(Exception) as info:
        make("van-ban/qd-51.md", REGULATION.replace("signed: 2023-03-03", "signed: 2023-02-30"))
    assert "docs/van-ban/qd-51.md" in str(info.value)


def test_shipped_content_follows_the_schema():
    root = Path(__file__).resolve().parent.parent
    errors = schema.check_site(sources.load(root / "docs", root))
    assert not errors, "\n".join(str(e) for e in errors)


def test_build_fails_listing_every_front_matter_problem(project_copy):
    chapter = project_copy / "docs" / "cam-nang" / "cong-khai.md"
    text = chapter.read_text(encoding="utf-8")
    text = text.replace("last_reviewed: 2026-11-30", "last_reviewed: 30/11/2026", 1)
    text = text.replace("owner: Tổ Thư ký Ban Chỉ đạo\n", "", 1)
    chapter.write_text(text, encoding="utf-8")
    glossary = project_copy / "docs" / "thuat-ngu.md"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("type: glossary\n", "", 1), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = frontmatter.field_line(text, "last_reviewed")
    for expected in (f"docs/cam-nang/cong-khai.md:{line}", "'last_reviewed'", "YYYY-MM-DD", "NĂM-THÁNG-NGÀY",
                     "docs/cam-nang/cong-khai.md:1", "'owner'", "docs/thuat-ngu.md:1", "type: glossary"):
        assert expected in output, f"{expected!r} not in build output:\n{output}"
