"""The holiday files (``data/holidays/<year>.yml``): the days off and make-up
working days the Government announced for each year, which the dated plan
counts working days with (handbook.plan). Every problem of every file, with
its line: the same checks as the build's (``handbook.plan.yearfile``).

Rules: holidays-data (and data-yaml, data-html for the file's syntax and
markup, as for the other data files).
"""
from __future__ import annotations

from pathlib import Path

from handbook.errors import ContentError
from handbook.plan import yearfile

FOLDER = "data/holidays"


def check_site(root: Path) -> list[ContentError]:
    _years, findings = yearfile.check_folder(Path(root) / FOLDER, FOLDER)
    return [finding.error for finding in findings]
