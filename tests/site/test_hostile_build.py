"""Hostile or broken input never runs, never leaks and never crashes the build.

* The build refuses code in content even when the linter is switched off
  (its own checks: handbook.content.safety, handbook.publish.csp), names the
  file and keeps the previous site. (The linter on the hostile corpus:
  tests/unit/lint/test_hostile_input.py.)
* Symbolic links, a damaged build cache, a killed build and a full disk end
  with a clear message and leave nothing behind.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, run_build


# ---- the build on its own --------------------------------------------------

def build_without_lint(project: Path, out: Path, **env) -> subprocess.CompletedProcess:
    return run_build(project, out, env={"HANDBOOK_LINT": "0", **env})


def assert_refused(result, out: Path, before: bytes | None, *expected: str):
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, f"{text!r} not in build output:\n{output}"
    assert "Traceback" not in output, output
    if before is not None:
        assert (out / "index.html").read_bytes() == before, "the previous site changed"
    assert not list(out.parent.glob(f".{out.name}.building-*")), "staging folder left behind"


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory):
    """A copy of the project with a good site built from it."""
    project = copy_project(tmp_path_factory.mktemp("hostile-project"))
    out = project / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, out


@pytest.fixture
def project(built_copy, tmp_path):
    """The built copy, restored after each test that breaks it."""
    project, out = built_copy
    saved = tmp_path / "saved"
    for part in ("docs", "includes"):
        shutil.copytree(project / part, saved / part, symlinks=True)
    yield project, out, (out / "index.html").read_bytes()
    for part in ("docs", "includes"):
        shutil.rmtree(project / part)
        shutil.copytree(saved / part, project / part, symlinks=True)


def test_the_build_refuses_code_in_content_without_the_linter(project):
    root, out, before = project
    (root / "includes" / "abbreviations.md").open("a", encoding="utf-8").write("\n<script>alert(1)</script>\n")
    page = root / "docs" / "cam-nang" / "cong-khai.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("\nrequirement: ", "\nrequirement: Xem <img src=x onerror=alert(1)> ", 1)
    text += '\n\nBấm đây\n{: onclick="alert(2)" }\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'
    page.write_text(text, encoding="utf-8")
    result = build_without_lint(root, out)
    assert_refused(result, out, before, "docs/cam-nang/cong-khai.md", "[html-event-handler]", "onerror",
                   "onclick", "[html-tag]", "<meta>", "[html-script]", "includes/")


def test_the_build_refuses_markup_in_front_matter_without_the_linter(project):
    root, out, before = project
    page = root / "docs" / "cam-nang" / "cong-khai.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "\ntitle: ", "\ntitle: <img src=x onerror=alert(1)>", 1), encoding="utf-8")
    result = build_without_lint(root, out)
    assert_refused(result, out, before, "docs/cam-nang/cong-khai.md:2", "[front-matter-html]")


@pytest.mark.parametrize(("link", "target"), [
    ("docs/assets/x.txt", "/etc/hostname"),
    ("includes/pw.md", "/etc/passwd"),
])
def test_the_build_never_follows_a_symbolic_link(project, link, target):
    root, out, before = project
    (root / link).symlink_to(target)
    for env in ({}, {"HANDBOOK_LINT": "0"}):
        result = run_build(root, out, env=env)
        assert_refused(result, out, before, link, "[symlink]", "git rm")
    assert not list(out.rglob("x.txt")) and not list(out.rglob("pw*"))


def test_a_file_that_is_not_utf8_is_named_not_a_traceback(project):
    root, out, before = project
    page = root / "docs" / "cam-nang" / "cong-khai.en.md"
    page.write_bytes(page.read_bytes() + "\nA café saved as Latin-1.\n".encode("latin-1"))
    for env in ({}, {"HANDBOOK_LINT": "0"}):
        result = run_build(root, out, env=env)
        assert_refused(result, out, before, "docs/cam-nang/cong-khai.en.md", "[encoding]", "UTF-8")


# ---- the build cache -------------------------------------------------------

def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _damage(cache: Path, how: str, seed: int = 7) -> int:
    rng = random.Random(seed)
    count = 0
    for entry in sorted(cache.rglob("*")):
        if not entry.is_file():
            continue
        data = entry.read_bytes()
        if how == "empty":
            data = b""
        elif how == "truncate":
            data = data[: len(data) // 2]
        elif how == "bit-flip" and data:
            index = rng.randrange(len(data))
            data = data[:index] + bytes([data[index] ^ 1 << rng.randrange(8)]) + data[index + 1:]
        elif how == "wrong-shape" and entry.suffix == ".json":
            data = b'{"format": 2, "sha256": "0", "entries": {"x": {"not": "a page"}}}'
        entry.write_bytes(data)
        count += 1
    return count


def test_a_damaged_cache_never_reaches_the_site(built_copy, tmp_path):
    root, _ = built_copy
    cold_out = tmp_path / "cold"
    assert run_build(root, cold_out, env={"HANDBOOK_CACHE": "0"}).returncode == 0
    cold = _files(cold_out)
    cache = root / ".cache" / "handbook"
    steps = {p.name for p in cache.iterdir() if p.is_dir()}
    assert {"xlsx", "gzip", "lint", "page-safety", "search-vi", "search-en", "citations-vi"} <= steps
    for how in ("truncate", "empty", "bit-flip", "wrong-shape"):
        assert _damage(cache, how) > 10, how
        out = tmp_path / how
        result = run_build(root, out)
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "Traceback" not in output
        assert "build cache: damaged" in output, f"{how}: no notice"
        assert _files(out) == cold, f"{how}: the site differs from a cold build"
        result = run_build(root, tmp_path / f"{how}-again")  # the cache is whole again
        assert "build cache: damaged" not in result.stdout + result.stderr, how


# ---- interrupted builds and a full disk -------------------------------------

def _descendants(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found + [d for child in found for d in _descendants(child)]


def _start_build(project: Path, out: Path) -> subprocess.Popen:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="1", HANDBOOK_CACHE="0")
    return subprocess.Popen([sys.executable, str(project / "tools" / "build.py"), "--out", str(out),
                             "--config", str(project / "mkdocs.yml")], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for_children(proc: subprocess.Popen, timeout: float = 30) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = _descendants(proc.pid)
        if len(children) >= 2:
            return children
        time.sleep(0.05)
    pytest.fail("the build started no language builds")


def _gone(pids: list[int], timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and "Z" not in (Path(f"/proc/{pid}/stat").read_text()
                                                                      .rsplit(")", 1)[1].split()[0])
                   for pid in pids if Path(f"/proc/{pid}/stat").exists()):
            return True
        time.sleep(0.1)
    return False


def test_a_stopped_build_stops_its_builds_and_cleans_up(built_copy):
    root, out = built_copy
    before = (out / "index.html").read_bytes()
    proc = _start_build(root, out)
    children = _wait_for_children(proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    assert _gone(children), "language builds still running"
    assert not list(out.parent.glob(f".{out.name}.building-*"))
    assert (out / "index.html").read_bytes() == before


def test_a_killed_build_leaves_nothing_running_and_the_next_build_cleans_up(built_copy):
    root, out = built_copy
    proc = _start_build(root, out)
    children = _wait_for_children(proc)
    proc.kill()
    proc.wait()
    assert _gone(children), "language builds outlived the killed build"
    assert list(out.parent.glob(f".{out.name}.building-{proc.pid}-*")), "expected the killed build's folder"
    assert run_build(root, out).returncode == 0
    assert not list(out.parent.glob(f".{out.name}.building-*"))


def test_a_full_disk_is_said_in_words(built_copy, tmp_path):
    root, _ = built_copy
    mount = tmp_path / "small"
    mount.mkdir()
    script = (f"mount -t tmpfs -o size=3m tmpfs {mount} && "
              f"{sys.executable} {root / 'tools' / 'build.py'} --out {mount / 'site'} --config {root / 'mkdocs.yml'}")
    result = subprocess.run(["unshare", "--map-root-user", "--mount", "sh", "-c", script], cwd=root,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Ổ đĩa đã đầy" in output and "The disk is full" in output, output
    assert "Traceback" not in output, output
