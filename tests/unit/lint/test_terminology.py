"""Terminology (data/terminology.yml): preferred terms and rejected variants,
found on word boundaries in what readers see (never in code, addresses or
attributes), fixed by `make fix` when the list allows it; a malformed list is
reported line by line."""
from __future__ import annotations

import pytest

from conftest import ROOT
from handbook import lint
from handbook.lint import terminology


def terms_of(text: str):
    found, problems = terminology.parse(text.encode("utf-8"), "data/terminology.yml")
    assert not problems, "\n".join(str(p) for p in problems)
    return found


TERMS_VI = terms_of("""terms:
  - preferred: Ban Chấp hành công đoàn
    rejected: [BCH công đoàn, "Ban chấp hành công đoàn"]
    fix: true
    lang: vi
  - preferred: cán bộ, công chức, viên chức, người lao động
    rejected: ["CBCCVC và người lao động"]
    lang: vi
  - preferred: work year
    rejected: [working year]
    fix: true
    lang: en
""")


def page(body: str, front: str = "") -> str:
    return f"---\ntitle: Trang\ntype: index\n{front}---\n\n# Trang\n\n{body}\n"


def term_lines(text: str, src_uri: str = "a.md", terms=TERMS_VI):
    return [(p.rule, p.line) for p in lint.lint_text("docs/a.md", text, src_uri, terms)
            if p.rule.startswith("terminology")]


def test_terminology_matches_exact_words_in_prose_headings_and_front_matter():
    text = page("## Họp BCH công đoàn\n\nHọp với BCH công đoàn.\n\nHọp với BCH Công đoàn; BCH công đoànx; "
                "xBCH công đoàn.\n\nCBCCVC và người lao động dự họp.",
                front="description: Vai trò của Ban chấp hành công đoàn\n")
    assert term_lines(text) == [("terminology", 4), ("terminology", 9), ("terminology", 11),
                                ("terminology-manual", 15)]


def test_terminology_skips_code_links_targets_urls_and_attributes():
    text = page("`BCH công đoàn` trong mã.\n\n```text\nBCH công đoàn\n```\n\n"
                "[xem](<BCH công đoàn.md>) và <https://vi.example/BCH công đoàn> "
                "https://x.vn/Ban chấp hành công đoàn\n\n"
                "Đoạn { #BCH công đoàn } và <span title=\"BCH công đoàn\">chữ</span>.")
    assert term_lines(text) == []


def test_terminology_reads_checklist_fields_readers_see():
    text = page("```checklist\nid: a-1\nrequirement: Phối hợp với BCH công đoàn.\nroles: [thu-truong]\n"
                "basis: \"[Điều 1](b.md#dieu-1)\"\nevidence: Biên bản.\n```")
    assert term_lines(text) == [("terminology", 10)]


def test_terminology_of_each_language_on_its_pages_and_nfc():
    assert term_lines(page("The working year starts in January.")) == []  # an English term, a Vietnamese page
    assert term_lines(page("The working year starts in January."), "a.en.md") == [("terminology", 8)]
    decomposed = "Ban chấp hành công đoàn".replace("ấ", "a\u0302\u0301")
    assert ("terminology", 8) in term_lines(page(f"Họp với {decomposed}."))


def test_fix_replaces_only_fixable_variants_outside_code():
    text = page("Họp BCH công đoàn, `BCH công đoàn` giữ; [BCH công đoàn](x.md); CBCCVC và người lao động.")
    fixed = lint.fix_text(text, TERMS_VI, "vi")
    assert fixed == page("Họp Ban Chấp hành công đoàn, `BCH công đoàn` giữ; [Ban Chấp hành công đoàn](x.md); "
                         "CBCCVC và người lao động.")
    assert lint.fix_text(fixed, TERMS_VI, "vi") == fixed
    assert lint.fix_text(page("The working year."), TERMS_VI, "vi") == page("The working year.")
    assert lint.fix_text(page("The working year."), TERMS_VI, "en") == page("The work year.")


def test_make_fix_applies_the_projects_terms(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "terminology.yml").write_text(
        "terms:\n  - preferred: Ban Chấp hành công đoàn\n    rejected: [BCH công đoàn]\n    fix: true\n    lang: vi\n",
        encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(page("Họp BCH công đoàn."), encoding="utf-8")
    (docs / "a.en.md").write_text(page("BCH công đoàn (Vietnamese name kept)."), encoding="utf-8")
    assert lint.fix_tree(docs, tmp_path) == [("docs/a.md", ["terminology"])]
    assert "Họp Ban Chấp hành công đoàn." in (docs / "a.md").read_text(encoding="utf-8")
    assert lint.lint_tree(docs, tmp_path) == []


BAD_TERMS = {
    # case: (the list, [(line, words of the English message)])
    "not YAML": ("terms:\n  - preferred: [x\n", [(3, "not valid YAML")]),
    "no terms list": ("term:\n  - preferred: x\n", [(1, "'terms:' list")]),
    "unknown key": ("terms:\n  - preferred: A b\n    rejected: [a b]\n    lang: vi\n    fixed: true\n",
                    [(5, "Unknown key 'fixed'")]),
    "no preferred": ("terms:\n  - rejected: [a b]\n    lang: vi\n", [(2, "'preferred'")]),
    "rejected not a list": ("terms:\n  - preferred: A b\n    rejected: a b\n    lang: vi\n", [(3, "non-empty list")]),
    "empty variant": ("terms:\n  - preferred: A b\n    rejected:\n      - a b\n      - \"\"\n    lang: vi\n",
                      [(5, "Variant 2 of 'rejected' is empty")]),
    "variant inside the preferred term (a comma split it)": (
        "terms:\n  - preferred: cán bộ, người lao động\n    rejected: [CBCC, người lao động]\n    lang: vi\n",
        [(3, "'người lao động' is part of the preferred term")]),
    "fix not true/false": ("terms:\n  - preferred: A b\n    rejected: [a b]\n    fix: có\n    lang: vi\n",
                           [(4, "'fix' must be true or false")]),
    "unknown language": ("terms:\n  - preferred: A b\n    rejected: [a b]\n    lang: fr\n", [(4, "'lang' must be vi or en")]),
    "variant listed twice": ("terms:\n  - preferred: A b\n    rejected: [a b]\n    lang: vi\n"
                             "  - preferred: C d\n    rejected: [a b]\n    lang: vi\n", [(5, "'a b' is already listed")]),
    "not NFC": ("terms:\n  - preferred: Ho\u0300a\n    rejected: [hoa]\n    lang: vi\n", [(2, "is not in NFC")]),
}


@pytest.mark.parametrize("case", sorted(BAD_TERMS))
def test_malformed_terminology_list_names_its_line(case):
    text, expected = BAD_TERMS[case]
    found, problems = terminology.parse(text.encode("utf-8"), "data/terminology.yml")
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("data/terminology.yml", line, "terminology-data") for line, _words in expected]
    for problem, (_line, words) in zip(problems, expected):
        assert words in problem.message_en and problem.fix_vi and problem.fix_en, str(problem)


def test_a_malformed_entry_does_not_hide_the_others():
    text = ("terms:\n  - preferred: A b\n    rejected: [a b]\n    lang: fr\n"
            "  - preferred: Ban Chỉ đạo\n    rejected: [ban chỉ đạo]\n    lang: vi\n")
    found, problems = terminology.parse(text.encode("utf-8"), "data/terminology.yml")
    assert len(problems) == 1 and [t.preferred for t in found.entries] == ["Ban Chỉ đạo"]


def test_without_a_list_there_is_no_terminology_check(tmp_path):
    found, problems = terminology.load(tmp_path)
    assert found.entries == () and problems == []


def test_shipped_terminology_list_is_well_formed():
    _terms, problems = terminology.load(ROOT)
    assert not problems, lint.format_report(problems)
