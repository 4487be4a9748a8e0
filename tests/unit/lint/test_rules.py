"""The content linter (`make lint`, the build, `make test`): one fixture per
rule, each problem named by rule, file and line; `--fix` repairs only what is
safe and only when asked; findings kept in the build cache by text. The
build's own use of the linter: tests/site/test_build.py."""
from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from handbook import lint
from handbook.build.cache import BuildCache
from handbook.build.store import STORE
from handbook.lint import terminology

FIXTURES = ROOT / "tests" / "fixtures" / "lint"
# The fixtures' terms (tests/fixtures/data/terminology.yml), found as the
# linter finds data/terminology.yml: beside the docs folder.
TERMS, TERM_PROBLEMS = terminology.load(FIXTURES.parent)

# rule -> lines where the fixture tests/fixtures/lint/<rule>.md breaks it
EXPECTED = {
    "encoding": [6],
    "nfc": [9],
    "bom": [1],
    "zero-width": [10],
    "no-break-space": [10],
    "confusable-d": [10, 10],
    "cyrillic": [10],
    "tone-placement": [10],
    "front-matter": [3],
    "front-matter-required": [1],
    "front-matter-date": [7],       # the review entry's date
    "front-matter-value": [3],
    "html-script": [10],
    "html-iframe": [10],
    "html-event-handler": [10],
    "javascript-link": [10],
    "inline-style": [10],
    "heading-level": [10],
    "image-alt": [10],
    "mermaid": [10],
    "link-target": [10],
    "link-anchor": [10],
    # ```checklist items: the build's validation, in the same report
    "checklist-unclosed": [8],
    "checklist-yaml": [11],          # where YAML notices the unclosed '['
    "checklist-field": [15],
    "checklist-missing": [8],        # the block's opening line
    "checklist-basis": [12],
    "checklist-basis-link": [12],
    "checklist-id": [9],
    "checklist-duplicate-id": [18],  # the second item's id
    "checklist-text": [10],
    "checklist-role": [11],
    "checklist-frequency": [15],
    "checklist-due": [15],
    "checklist-obligation": [14],    # 'law' whose basis names no article of a van-ban/ page
    "checklist-applies-if": [17],
    "checklist-translation": [11],   # the English item's roles differ
    "print-web-only": [9],           # "trong / trình duyệt" over a line break; the marked paragraph is fine
    "terminology": [10],             # BCH công đoàn (fix: true); the same in `code` is kept
    "terminology-manual": [10],      # fix: false: the editor rewords
    "terminology-data": [23],        # the fixtures' list: 'lang: vn'
    # content is data, never code (handbook.htmlpolicy, handbook.tree)
    "html-tag": [10],
    "html-attribute": [10],
    "html-url": [10],
    "front-matter-html": [2],
    "checklist-html": [12],
    "snippet": [10],
    "nesting-depth": [50],
    "line-endings": [1],
    "file-name": [None],
    "orphan-translation": [None],
    "symlink": [None],
    "data-yaml": [2],
    "data-html": [1],
    "config-html": [1],
    "holidays-data": [21],           # a day off on a Saturday (handbook.plan.yearfile)
}
# Rules with a test of their own (they need a project of their own; the
# model documents' rules: tests/unit/models/test_model_errors.py, fixtures in tests/fixtures/models/).
SEPARATE = {"nav"} | {rule for rule in lint.RULES if rule.startswith("model-")}
# Where the problem is when it is not <rule>.md itself (relative to lint/).
FILE: dict[str, str] = {"checklist-translation": "checklist-translation.en.md",
                        "terminology-data": "../data/terminology.yml",
                        "file-name": "File_Name.md", "orphan-translation": "orphan-translation.en.md",
                        "data-yaml": "../data/data-yaml.yml", "data-html": "../data/data-html.yml",
                        "config-html": "../mkdocs.yml", "holidays-data": "../data/holidays/2026.yml"}
FIXABLE = sorted(rule for rule in EXPECTED if lint.RULES[rule].fixable)
UNFIXABLE = sorted(rule for rule in EXPECTED if not lint.RULES[rule].fixable)


@pytest.fixture(scope="module")
def fixture_problems():
    problems = lint.lint_tree(FIXTURES, FIXTURES.parent)
    by_file: dict[str, list] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    return by_file


def shown(rule: str, folder: str = "lint") -> str:
    """Where the report names the fixture of ``rule`` (``folder``: the docs folder)."""
    return posixpath.normpath(f"{folder}/{FILE.get(rule, rule + '.md')}")


def copy_fixtures(tmp_path: Path) -> Path:
    """The fixtures as a project: docs/, data/ and mkdocs.yml side by side
    (links copied as links)."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES, docs, symlinks=True)
    shutil.copytree(FIXTURES.parent / "data", tmp_path / "data")
    shutil.copy2(FIXTURES.parent / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return docs


def test_every_rule_has_a_fixture_and_every_fixture_a_rule():
    missing = set(lint.RULES) - set(EXPECTED) - SEPARATE
    assert not missing, f"rules without a fixture: {missing}"
    for rule in EXPECTED:
        assert (FIXTURES / FILE.get(rule, f"{rule}.md")).exists(), rule


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_fixture_reports_its_rule_file_and_line(rule, fixture_problems):
    name = shown(rule)
    found = fixture_problems.get(name, [])
    assert [(p.rule, p.line) for p in found] == [(rule, line) for line in EXPECTED[rule]], \
        "\n".join(str(p) for p in found)
    for problem in found:
        text = str(problem)
        assert text.startswith(f"{name}{f':{problem.line}' if problem.line else ''}: [{rule}]")
        assert "Cách sửa:" in text and "Fix:" in text  # the fix, in both languages
        assert problem.message_vi and problem.message_en


def test_clean_pages_have_no_problem(fixture_problems):
    assert "lint/clean.md" not in fixture_problems
    assert "lint/clean.en.md" not in fixture_problems


def test_anchor_missing_only_in_english_says_so(fixture_problems):
    [problem] = fixture_problems["lint/link-anchor.md"]
    assert "clean.en.md" in problem.message_vi and "{#muc-chi-co-tieng-viet}" in problem.fix_vi


@pytest.mark.parametrize("rule", FIXABLE)
def test_fix_turns_fixable_fixture_clean(rule):
    text = (FIXTURES / f"{rule}.md").read_bytes().decode("utf-8")  # as written (CRLF kept)
    fixed = lint.fix_text(text, TERMS)
    assert fixed != text
    assert lint.lint_text(f"lint/{rule}.md", fixed, f"{rule}.md", TERMS) == []
    assert lint.fix_text(fixed, TERMS) == fixed  # idempotent


@pytest.mark.parametrize("rule", UNFIXABLE)
def test_fix_leaves_unfixable_fixture_untouched(rule, tmp_path):
    docs = copy_fixtures(tmp_path)
    name = FILE.get(rule, f"{rule}.md")
    before = (docs / name).read_bytes()
    fixed = [path for path, _rules in lint.fix_tree(docs, tmp_path)]
    assert shown(rule, "docs") not in fixed
    assert (docs / name).read_bytes() == before


def test_fix_touches_only_the_affected_syllables():
    text = (FIXTURES / "tone-placement.md").read_text(encoding="utf-8")
    fixed = lint.fix_text(text)
    assert "Tổ hòa giải, sức khỏe, thủy lợi, tùy theo; `hoà` trong mã thì giữ." in fixed
    changed = [(a, b) for a, b in zip(text.splitlines(), fixed.splitlines()) if a != b]
    assert len(changed) == 1
    assert len(fixed) == len(text)


def test_cyrillic_without_latin_lookalike_is_reported_not_rewritten():
    text = "---\ntitle: Thử\ntype: index\n---\n\nCông khдi.\n"
    [problem] = lint.lint_text("x.md", text, "x.md")
    assert problem.rule == "cyrillic" and "Gõ lại" in problem.fix_vi
    assert lint.fix_text(text) == text


def test_html_in_code_is_not_flagged():
    text = "---\ntitle: Ví dụ\ntype: index\n---\n\nViết `<script>` là sai.\n\n```html\n<iframe style=\"x\" onclick=\"y\"></iframe>\n```\n"
    assert lint.lint_text("x.md", text, "x.md") == []


def test_vietnamese_page_without_translation_is_checked_against_english_targets(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    head = "---\ntitle: T\ntype: index\n---\n\n"
    (docs / "a.md").write_text(head + "# A\n\n[B](b.md#muc-mot)\n", encoding="utf-8")
    (docs / "b.md").write_text(head + "# B\n\n## Mục một\n", encoding="utf-8")
    (docs / "b.en.md").write_text(head + "# B\n\n## Section one\n", encoding="utf-8")
    [problem] = lint.lint_tree(docs, tmp_path)
    assert (problem.rule, problem.path, problem.line) == ("link-anchor", "docs/a.md", 8)
    assert "docs/b.en.md" in problem.message_vi
    (docs / "b.en.md").write_text(head + "# B\n\n## Section one {#muc-mot}\n", encoding="utf-8")
    assert lint.lint_tree(docs, tmp_path) == []


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "lint.py"), *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_cli_reports_all_problems_at_once_and_fixes_only_when_asked(tmp_path):
    docs = copy_fixtures(tmp_path)
    before = {p.name: p.read_bytes() for p in docs.iterdir()}
    result = _cli("--docs", str(docs))
    assert result.returncode == 1
    for rule, lines in EXPECTED.items():
        line = f":{lines[0]}" if lines[0] else ""
        assert f"{shown(rule, 'docs')}{line}: [{rule}]" in result.stdout, rule
    assert f"{sum(len(v) for v in EXPECTED.values())} lỗi" in result.stdout
    assert {p.name: p.read_bytes() for p in docs.iterdir()} == before, "lint without --fix rewrote files"

    result = _cli("--docs", str(docs), "--fix")
    assert result.returncode == 1  # unfixable problems remain
    for rule in FIXABLE:
        assert f"Đã sửa (fixed): docs/{rule}.md" in result.stdout
        assert f"docs/{rule}.md:" not in result.stdout
    for rule in UNFIXABLE:
        name = FILE.get(rule, f"{rule}.md")
        if name in before:
            assert (docs / name).read_bytes() == before[name]
        line = f":{EXPECTED[rule][0]}" if EXPECTED[rule][0] else ""
        assert f"{shown(rule, 'docs')}{line}: [{rule}]" in result.stdout


def test_rules_are_listed():
    result = _cli("--rules")
    assert result.returncode == 0
    for rule in EXPECTED:
        assert rule in result.stdout


def test_shipped_docs_pass_the_linter():
    problems = lint.lint_tree(ROOT / "docs", ROOT)
    assert not problems, lint.format_report(problems)


def test_checklist_problems_are_listed_with_the_others_and_a_broken_basis_link_once(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "b.md").write_text("---\ntitle: B\ntype: index\n---\n\n# B\n\n## Mục một\n", encoding="utf-8")
    (docs / "a.md").write_text(
        "---\ntitle: A\ntype: index\n---\n\n# A\n\nTổ hoà giải.\n\n"
        "```checklist\nid: a-1\nrequirement: Việc.\nroles: [thu-truong]\n"
        "basis: \"[B](b.md#muc-hai)\"\nevidence: Biên bản.\nobligation: practice\ndue: Q7\n```\n",
        encoding="utf-8")
    found = [(p.rule, p.path, p.line) for p in lint.lint_tree(docs, tmp_path)]
    assert found == [("tone-placement", "docs/a.md", 8), ("link-anchor", "docs/a.md", 14),
                     ("checklist-due", "docs/a.md", 17)]
    result = _cli("--docs", str(docs))
    assert result.returncode == 1 and "docs/a.md:17: [checklist-due]" in result.stdout


def test_pages_missing_from_nav_and_nav_entries_without_a_page(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    page = "---\ntitle: T\ntype: index\n---\n\n# T\n"
    for name in ("index.md", "a/mot.md", "a/hai.md", "a/hai.en.md"):
        (docs / name).write_text(page, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nnav:\n  - index.md\n  - Mục:\n      - a/mot.md\n      - a/khong-co.md\n",
        encoding="utf-8")
    found = [(p.path, p.line, p.rule) for p in lint.lint_tree(docs, tmp_path)]
    assert found == [("docs/a/hai.md", None, "nav"), ("mkdocs.yml", 6, "nav")]


def test_lint_findings_are_kept_by_text_and_found_again_after_an_edit(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "a.md"
    page.write_text("---\ntitle: A\n---\n\n# A\n\n#### Nhảy cấp\n\nHoà bình.\n", encoding="utf-8")

    def rules(problems):
        return sorted((p.path, p.line, p.rule) for p in problems)

    cache = BuildCache(tmp_path / "cache")
    first = rules(lint.lint_tree(docs, tmp_path, cache=cache))
    assert ("docs/a.md", 7, "heading-level") in first and ("docs/a.md", 9, "tone-placement") in first
    assert cache.counts["lint"] == {"kept": 0, "made": 1}

    STORE.clear()  # a new build in a new process: only the build cache remembers
    cache = BuildCache(tmp_path / "cache")
    assert rules(lint.lint_tree(docs, tmp_path, cache=cache)) == first
    assert cache.counts["lint"] == {"kept": 1, "made": 0}  # taken from the cache, not checked again

    STORE.clear()
    page.write_text("---\ntitle: A\n---\n\n# A\n\n## Đúng cấp\n\nHòa bình.\n", encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    assert rules(lint.lint_tree(docs, tmp_path, cache=cache)) == []  # the edit is checked anew
    assert cache.counts["lint"] == {"kept": 0, "made": 1}