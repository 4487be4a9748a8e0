"""Front-matter schema: every page declares its type, and each type's fields
are present and well formed; problems name file, line, field and the form
expected, in Vietnamese and English, all at once. (The build listing them:
tests/site/test_build.py.)"""
import datetime as dt

import pytest

from conftest import content_fixture_sources, shipped_sources
from handbook.content import frontmatter
from handbook.content import schema
from handbook.content import sources

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
review_every_months: 12
reviews:
  - date: 2026-12-06
    by: Tổ Thư ký Ban Chỉ đạo
    sources:
      - "Quyết định 51/QĐ-VKSTC, Điều 1–3"
      - "data/legal-facts.yml: documents"
    checked: "Số hiệu, ngày ký, cơ quan ban hành."
---

# Quyết định
"""
TODAY = dt.date(2026, 12, 10)


def make(src_uri: str, text: str) -> sources.Source:
    meta, body, body_line = frontmatter.split(text, f"docs/{src_uri}")
    lang, base = sources.split_language(src_uri)
    return sources.Source(f"docs/{src_uri}", src_uri, base, lang, meta, body, body_line, text)


def problems(*pages):
    return [(e.path, e.line, e.rule, e.message_en) for e in schema.check_site(list(pages), TODAY)]


def test_fixture_site_is_valid():
    assert schema.check_site(content_fixture_sources()) == []


def test_valid_regulation_passes():
    assert problems(make("van-ban/qd-51.md", REGULATION)) == []


def test_last_reviewed_is_refused_with_the_fix():
    text = REGULATION.replace("review_every_months: 12\n", "review_every_months: 12\nlast_reviewed: 2026-11-30\n")
    [error] = schema.check_site([make("van-ban/qd-51.md", text)], TODAY)
    assert (error.line, error.rule) == (12, "front-matter-value")
    assert "'last_reviewed'" in error.message_vi and "no longer accepted" in error.message_en
    assert "reviews:" in error.fix_vi and "sources:" in error.fix_vi and "'reviews' entry" in error.fix_en


# Broken review entries: (replace this, by this, [(line, rule, words of the English message)])
REVIEW_CASES = {
    "date in the future": ("date: 2026-12-06", "date: 2026-12-11",
                           [(13, "front-matter-date", "after the build's date (2026-12-10)")]),
    "date not ISO": ("date: 2026-12-06", "date: 06/12/2026", [(13, "front-matter-date", "YYYY-MM-DD")]),
    "no date": ("  - date: 2026-12-06\n    by:", "  - by:", [(13, "front-matter-required", "lacks 'date'")]),
    "no by": ("    by: Tổ Thư ký Ban Chỉ đạo\n    sources", "    sources", [(13, "front-matter-required", "lacks 'by'")]),
    "empty sources": ('    sources:\n      - "Quyết định 51/QĐ-VKSTC, Điều 1–3"\n      - "data/legal-facts.yml: documents"',
                      "    sources: []", [(15, "front-matter-required", "lacks 'sources'")]),
    "sources not a list": ('    sources:\n      - "Quyết định 51/QĐ-VKSTC, Điều 1–3"\n      - "data/legal-facts.yml: documents"',
                           '    sources: "Quyết định 51"', [(15, "front-matter-value", "must be a list")]),
    "an empty source": ('      - "data/legal-facts.yml: documents"', '      - ""',
                        [(17, "front-matter-value", "Source 2 of review 1 is empty")]),
    "no checked": ('    checked: "Số hiệu, ngày ký, cơ quan ban hành."\n', "",
                   [(13, "front-matter-required", "lacks 'checked'")]),
    "unknown key": ("    by: Tổ Thư ký", "    ngay: 2026-12-06\n    by: Tổ Thư ký",
                    [(14, "front-matter-value", "'ngay' is not allowed")]),
    "entry not a mapping": ("  - date: 2026-12-06\n", "  - 2026-12-01\n  - date: 2026-12-06\n",
                            [(13, "front-matter-value", "Review 1 in 'reviews' must hold")]),
    "not a list": ("reviews:\n", "reviews: 2026-12-06\nold_reviews:\n",
                   [(12, "front-matter-value", "'reviews'")]),
    "second entry": ("---\n\n# Quyết định", "  - date: 2026-12-01\n    by: Vụ 12\n    sources: [\"Điều 1\"]\n---\n\n# Quyết định",
                     [(19, "front-matter-required", "Review 2 lacks 'checked'")]),
}


@pytest.mark.parametrize("case", sorted(REVIEW_CASES))
def test_broken_review_entry_names_the_line_inside_the_front_matter(case):
    old, new, expected = REVIEW_CASES[case]
    assert old in REGULATION
    text = REGULATION.replace(old, new, 1)
    found = schema.check_site([make("van-ban/qd-51.md", text)], TODAY)
    assert [(e.line, e.rule) for e in found] == [(line, rule) for line, rule, _words in expected], \
        "\n".join(str(e) for e in found)
    for error, (_line, _rule, words) in zip(found, expected):
        assert words in error.message_en, str(error)
        assert error.message_vi and error.fix_vi and error.fix_en


def test_review_lines_in_block_and_flow_style():
    start, places = schema.review_lines(REGULATION)
    assert start == 12 and places == [{"": 13, "date": 13, "by": 14, "sources": 15, "sources.0": 16,
                                       "sources.1": 17, "checked": 18}]
    text = "---\ntitle: T\nreviews:\n- {date: 2026-12-01, by: X, sources: [a], checked: b}\n- date: 2026-12-02\n  by: Y\nowner: Z\n---\n"
    assert schema.review_lines(text) == (3, [{"": 4}, {"": 5, "date": 5, "by": 6}])


def test_review_date_is_judged_against_the_build_day(monkeypatch):
    text = REGULATION.replace("date: 2026-12-06", "date: 2026-12-20")
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-19")
    assert [e.rule for e in schema.check_site([make("van-ban/qd-51.md", text)])] == ["front-matter-date"]
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-20")
    assert schema.check_site([make("van-ban/qd-51.md", text)]) == []


def test_translation_may_add_its_own_reviews_checked_on_its_file():
    original = make("van-ban/qd-51.md", REGULATION)
    text = ("---\ntitle: Decision 51\nreviews:\n  - date: 2026-12-08\n    by: Translator\n"
            "    sources: [\"the Vietnamese page\"]\n---\n# D\n")
    found = problems(original, make("van-ban/qd-51.en.md", text))
    assert [(p[0], p[1], p[2]) for p in found] == [("docs/van-ban/qd-51.en.md", 4, "front-matter-required")]


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
        make("hoi-dap/b.md", "---\ntitle: B\ntype: chapter\nowner: x\n"
                             "review_every_months: 12\n---\n# B\n"),
        make("khac.md", "---\ntitle: C\ntype: trang\n---\n# C\n"),
        make("van-ban/index.md", "---\ntitle: D\ngenerate: documents-index\n---\n# D\n"),  # generated
        make("bien-tap/e.md", "---\ntitle: E\n---\n# E\n"),  # no type implied here
        make("bien-tap/f.md", "---\ntitle: F\nreview_every_months: mười hai\n---\n# F\n"),
    )
    assert [(p[0], p[1], p[2]) for p in found] == [
        ("docs/bien-tap/f.md", 3, "front-matter-value"),  # a known field is checked wherever it appears
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
    assert sorted(e.message_en.split("'")[1] for e in found) == ["owner", "review_every_months"]


def test_impossible_date_is_a_front_matter_error_not_a_crash():
    with pytest.raises(Exception) as info:
        make("van-ban/qd-51.md", REGULATION.replace("signed: 2023-03-03", "signed: 2023-02-30"))
    assert "docs/van-ban/qd-51.md" in str(info.value)


def test_shipped_content_follows_the_schema():
    errors = schema.check_site(shipped_sources())
    assert not errors, "\n".join(str(e) for e in errors)


