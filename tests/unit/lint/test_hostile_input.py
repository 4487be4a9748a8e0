"""Hostile or broken input is named by the linter: the corpus
(tests/fixtures/hostile/, one input per file, listed with the problem each
must raise in cases.yml) dropped into a small project, each input reported by
rule, file and line, with the fix in both languages. The build's own refusals
of the same content: tests/site/test_hostile_build.py."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from handbook import lint

HOSTILE = FIXTURES / "hostile"
CASES = yaml.safe_load((HOSTILE / "cases.yml").read_text(encoding="utf-8"))


# A small project the inputs are dropped into: a home page, a regulation
# page to link to, a snippet, and a configuration.
MINIMAL = {
    "docs/index.md": "---\ntitle: Trang chủ\ntype: index\n---\n# Trang chủ\n",
    "docs/van-ban/luat.md": (
        "---\ntitle: Luật thử\ntype: regulation\nnumber: \"10/2022/QH15\"\ndoc_type: luat\nissuer: Quốc hội\n"
        "status: in-force\nsource_url: https://vbpl.vn/\nowner: Tổ Thư ký\nreview_every_months: 12\n---\n"
        "# Luật thử\n\n## Điều 46. Công khai\n\nNội dung.\n"),
    "includes/abbreviations.md": "*[VKSND]: Viện kiểm sát nhân dân\n",
    "mkdocs.yml": "site_name: Thử\n",  # no nav: MkDocs lists every page
}


def minimal_project(root: Path) -> Path:
    for name, text in MINIMAL.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def place(root: Path, case: dict) -> Path:
    source, target = HOSTILE / case["file"], root / case["place"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.suffix == ".link":
        target.unlink(missing_ok=True)
        target.symlink_to(source.read_text(encoding="utf-8").strip())
    else:
        target.write_bytes(source.read_bytes())
    return target


def test_the_corpus_is_large_and_each_file_is_one_case():
    files = {path.name for path in HOSTILE.iterdir() if path.name != "cases.yml"}
    assert len(CASES) >= 40
    assert {case["file"] for case in CASES} == files


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_the_linter_names_each_hostile_input(tmp_path, case):
    root = minimal_project(tmp_path)
    place(root, case)
    problems = lint.lint_tree(root / "docs", root, config_file=root / "mkdocs.yml")
    found = [(p.path, p.rule, p.line) for p in problems]
    where = case["place"]
    assert (where, case["rule"], case["line"]) in found, f"{case['file']}: {found}"
    for problem in problems:  # every report says what to do, in both languages
        assert problem.fix_vi and problem.fix_en, problem


def test_make_fix_converts_windows_line_ends(tmp_path):
    root = minimal_project(tmp_path)
    page = place(root, {"file": "crlf.md", "place": "docs/thu/trang.md"})
    assert lint.fix_tree(root / "docs", root) == [("docs/thu/trang.md", ["line-endings"])]
    assert page.read_bytes() == b"---\ntitle: Trang\n---\n# Trang\n"
    assert not [p for p in lint.lint_tree(root / "docs", root) if p.path == "docs/thu/trang.md"]
