"""Malformed models fail with the file:line an editor sees, the rule, and
the fix in Vietnamese and English: read by the build (``collect``) and by
`make lint` (the ``models`` rule family) alike."""
from __future__ import annotations

import shutil
import unicodedata

import pytest

from handbook import lint
from handbook.content import sources
from handbook.errors import ContentErrors
from handbook.models import collect, parse
from model_fixtures import FIXTURES, fixture, fixture_line


def found(problems):
    return {(p.rule, p.line) for p in problems}


def test_a_good_model_has_no_problem():
    model, problems = fixture("good-minimal.md")
    assert problems == []
    assert model.serves == ["cong-khai-trong-5-ngay-lam-viec"] and model.chapter == "cam-nang/cong-khai.md"
    assert [a.number for a in model.articles] == [47]


def test_unknown_unused_and_badly_written_fields():
    _, problems = fixture("bad-fields.md")
    assert found(problems) == {
        ("model-field-unknown", fixture_line("bad-fields.md", "{{ten_don_vj}}")),
        ("model-field-unused", fixture_line("bad-fields.md", "nam: {vi")),
        ("model-field-declaration", fixture_line("bad-fields.md", "thieu_nhan: {vi")),
        ("model-field-syntax", fixture_line("bad-fields.md", "sai {ten_don_vi}")),
    }
    unknown = next(p for p in problems if p.rule == "model-field-unknown")
    # the nearest declared name is suggested, in both languages
    assert "{{ten_don_vi}}" in unknown.message_vi and "{{ten_don_vi}}" in unknown.fix_en
    assert unknown.location() == f"docs/mau-van-ban/bad-fields.md:{unknown.line}"
    assert len([p for p in problems if p.rule == "model-field-syntax"]) == 2


def test_missing_heading_block_data_names_each_missing_key():
    _, problems = fixture("bad-heading.md")
    missing = [p for p in problems if p.rule == "model-heading-missing"]
    assert {p.message_en.split("'")[1] for p in missing} == {"model.issuer", "model.number"}
    assert {p.line for p in missing} == {fixture_line("bad-heading.md", "model:")}
    typo = next(p for p in problems if p.rule == "model-heading-value")
    assert typo.line == fixture_line("bad-heading.md", "signer:") and "signers" in typo.message_vi
    for problem in problems:
        assert problem.fix_vi and problem.fix_en


def test_a_missing_model_block_is_one_problem():
    _, problems = parse("docs/mau-van-ban/x.md", "---\ntitle: X\n---\n\n# X\n\n## Văn bản mẫu\n\nNội dung.\n")
    assert [p.rule for p in problems if p.rule.startswith("model-heading")] == ["model-heading-missing"]


def test_unsupported_markdown_in_the_document_body():
    _, problems = fixture("bad-markdown.md")
    body = fixture_line("bad-markdown.md", "## Văn bản mẫu")
    assert found(problems) == {
        ("model-markdown-unsupported", fixture_line("bad-markdown.md", "[Luật]", body)),
        ("model-markdown-unsupported", fixture_line("bad-markdown.md", "```", body)),
        ("model-markdown-unsupported", fixture_line("bad-markdown.md", "!!! note", body)),
        ("model-markdown-unsupported", fixture_line("bad-markdown.md", "> Trích", body)),
        ("model-heading-level", fixture_line("bad-markdown.md", "## Phần phụ lục")),
        ("model-list-blank-line", fixture_line("bad-markdown.md", "- mục liền")),
        ("model-markdown-emphasis", fixture_line("bad-markdown.md", "**đậm không")),
    }
    link = next(p for p in problems if p.line == fixture_line("bad-markdown.md", "[Luật]", body))
    assert "liên kết" in link.message_vi and "link" in link.message_en


def test_notes_without_basis_disclaimer_or_document():
    _, problems = fixture("bad-notes.md")
    assert {p.rule for p in problems} == {"model-basis", "model-disclaimer", "model-body-missing"}


def test_broken_front_matter_is_reported_once_at_its_line():
    _, problems = fixture("bad-yaml.md")
    assert [(p.rule, p.line) for p in problems if p.rule == "model-front-matter"] == \
        [("model-front-matter", fixture_line("bad-yaml.md", "title: [Thử"))]
    assert not [p for p in problems if p.rule.startswith("model-heading")]


# ---- `make lint`: the same problems in the linter's report -------------------------

def lint_fixture(name: str, as_name: str | None = None):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    as_name = as_name or name
    return lint.lint_text(f"docs/mau-van-ban/{as_name}", text, f"mau-van-ban/{as_name}")


def test_lint_reports_a_models_problems_with_file_line_and_fix():
    problems = lint_fixture("bad-fields.md")
    assert {(p.rule, p.line) for p in problems} == found(fixture("bad-fields.md")[1])
    for problem in problems:
        text = str(problem)
        assert text.startswith(f"docs/mau-van-ban/bad-fields.md:{problem.line}: [{problem.rule}]")
        assert "Cách sửa:" in text and "Fix:" in text


def test_lint_leaves_unreadable_front_matter_to_the_front_matter_rule():
    assert [p.rule for p in lint_fixture("bad-yaml.md")] == ["front-matter"]


def test_lint_checks_only_the_vietnamese_models_of_the_folder():
    text = (FIXTURES / "bad-fields.md").read_text(encoding="utf-8")
    for path in ("mau-van-ban/index.md", "mau-van-ban/bad-fields.en.md", "cam-nang/bad-fields.md"):
        assert not [p for p in lint.lint_text(f"docs/{path}", text, path) if p.rule.startswith("model-")]


def test_the_build_reads_every_model_and_raises_every_problem_at_once(tmp_path):
    folder = tmp_path / "docs" / "mau-van-ban"
    folder.mkdir(parents=True)
    for name in ("good-minimal.md", "bad-fields.md", "bad-heading.md"):
        shutil.copy(FIXTURES / name, folder / name)
    with pytest.raises(ContentErrors) as raised:
        collect(sources.load(tmp_path / "docs", tmp_path))
    paths = {p.path for p in raised.value.errors}
    assert paths == {"docs/mau-van-ban/bad-fields.md", "docs/mau-van-ban/bad-heading.md"}
    assert "docs/mau-van-ban/bad-fields.md:" in str(raised.value)
    assert "Cách sửa:" in str(raised.value) and "Fix:" in str(raised.value)
    (folder / "bad-fields.md").unlink()
    (folder / "bad-heading.md").unlink()
    assert list(collect(sources.load(tmp_path / "docs", tmp_path))) == ["mau-van-ban/good-minimal.md"]


def test_decomposed_letters_are_the_nfc_rules_not_the_models():
    text = (FIXTURES / "good-minimal.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("Đoạn đầu"))
    lines[target] = unicodedata.normalize("NFD", lines[target])
    problems = lint.lint_text("docs/mau-van-ban/x.md", "\n".join(lines), "mau-van-ban/x.md")
    assert [(p.rule, p.line) for p in problems] == [("nfc", target + 1)]
