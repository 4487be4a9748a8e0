"""`make lint` checks the holiday files as the build does: each problem once,
with its file, line and fix (rule holidays-data; data-yaml and data-html for
syntax and markup, as for every data file); the shipped files are clean."""
from __future__ import annotations

from conftest import ROOT
from handbook import lint
from handbook.lint import holidays

CLEAN_PAGE = "---\ntitle: T\ntype: index\n---\n\n# T\n\nVăn bản.\n"


def project(tmp_path, text: str, name: str = "2026.yml"):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(CLEAN_PAGE, encoding="utf-8")
    folder = tmp_path / "data" / "holidays"
    folder.mkdir(parents=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_shipped_holiday_files_are_clean():
    assert holidays.check_site(ROOT) == []


def test_an_impossible_date_is_reported_once_at_its_line(tmp_path):
    text = (ROOT / "data" / "holidays" / "2026.yml").read_text(encoding="utf-8")
    broken = text.replace("  - date: 2026-04-30\n", "  - date: 2026-04-31\n")
    assert broken != text
    line = broken[:broken.index("2026-04-31")].count("\n") + 1
    root = project(tmp_path, broken)
    found = [p for p in lint.lint_tree(root / "docs", root) if p.path.startswith("data/")]
    assert [(p.path, p.line, p.rule) for p in found] == [("data/holidays/2026.yml", line, "holidays-data")]
    assert "tháng 04/2026 chỉ có 30 ngày" in found[0].message_vi and found[0].fix_en


def test_a_file_that_is_not_a_year_is_named(tmp_path):
    root = project(tmp_path, "year: 2026\n", name="ghi-chu.txt")
    [problem] = [p for p in lint.lint_tree(root / "docs", root) if p.path.startswith("data/")]
    assert (problem.path, problem.rule) == ("data/holidays/ghi-chu.txt", "holidays-data")

