"""Shared helpers for the model documents' tests (tests/unit/models/,
tests/site/test_models.py): the shipped models read as the build reads
them, the malformed fixtures of tests/fixtures/models/, and LibreOffice."""
from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest

from handbook.content import sources
from handbook.models import collect, parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "models"
DOCS = ROOT / "docs" / "mau-van-ban"


@functools.lru_cache(maxsize=1)
def shipped_sources() -> tuple:
    return tuple(sources.load(ROOT / "docs", ROOT))


@functools.lru_cache(maxsize=1)
def shipped() -> dict:
    """The models of docs/mau-van-ban/ by docs path (ContentErrors if any is malformed)."""
    return collect(list(shipped_sources()))


def fixture(name: str):
    """(model, problems) of a fixture, read as if it were docs/mau-van-ban/<name>."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return parse(f"docs/mau-van-ban/{name}", text, f"mau-van-ban/{name}")


def fixture_line(name: str, needle: str, start: int = 1) -> int:
    """The first line of a fixture (from ``start``) holding ``needle``."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if i >= start and needle in line)


def tool(name: str, package: str) -> str:
    """A program the tests drive; missing is a failure, never a skip
    (`make test` installs it: tools/ensure-system-packages.sh)."""
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: run `make test` as root, or `sudo apt-get install {package}`.",
                    pytrace=False)
    return found


def to_pdf(files: list[Path], out: Path, profile: Path) -> subprocess.CompletedProcess:
    """Word files converted to PDF by LibreOffice headless, in one run, with a
    private profile (never the user's)."""
    soffice = tool("soffice", "libreoffice-writer-nogui")
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)
