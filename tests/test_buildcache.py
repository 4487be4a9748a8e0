"""The build cache (handbook.buildcache): outputs of slow steps kept between
builds by what they are made from, never stale, bounded in size."""
import os
import time

from openpyxl import load_workbook

from conftest import run_build
from handbook.buildcache import BuildCache, code_version


def test_bytes_are_made_once_per_inputs(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    calls = []

    def make(value):
        calls.append(value)
        return value.encode("utf-8")

    assert cache.bytes("step", ["v1", "a"], lambda: make("A")) == b"A"
    assert cache.bytes("step", ["v1", "a"], lambda: make("again")) == b"A"  # kept
    assert cache.bytes("step", ["v1", "b"], lambda: make("B")) == b"B"      # other input
    assert cache.bytes("step", ["v2", "a"], lambda: make("C")) == b"C"      # other code version
    assert calls == ["A", "B", "C"]
    # inputs are length-prefixed: ("ab", "c") and ("a", "bc") are different keys
    assert cache.bytes("step", ["ab", "c"], lambda: b"1") == b"1"
    assert cache.bytes("step", ["a", "bc"], lambda: b"2") == b"2"


def test_switched_off_or_unwritable_cache_still_gives_the_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", "0")
    off = BuildCache.for_project(tmp_path)
    assert off.bytes("step", ["x"], lambda: b"made") == b"made"
    assert not (tmp_path / ".cache").exists()
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert BuildCache(blocked).bytes("step", ["x"], lambda: b"made") == b"made"


def test_trim_keeps_the_most_recently_used(tmp_path):
    cache = BuildCache(tmp_path)
    for name in "abcd":
        cache.bytes("step", [name], lambda: b"x" * 1000)
    entries = sorted((tmp_path / "step").iterdir())
    now = time.time()
    for age, entry in enumerate(entries):
        os.utime(entry, (now - 100 * age, now - 100 * age))
    cache.trim(limit=2500)
    assert sorted((tmp_path / "step").iterdir()) == entries[:2]


def test_code_version_changes_with_the_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("A = 1\n", encoding="utf-8")
    first = code_version(module, "lib 1.0")
    assert code_version(module, "lib 1.0") == first
    assert code_version(module, "lib 1.1") != first
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_version(module, "lib 1.0") != first


def _outputs(site):
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for pattern in ("**/*.xlsx", "**/*.gz") for path in site.glob(pattern)}


def test_a_warm_build_writes_the_same_files_and_an_edit_is_never_stale(project_copy):
    cache = project_copy / ".cache" / "handbook"
    first = project_copy / "site-1"
    assert run_build(project_copy, first, "--jobs", "1").returncode == 0
    assert list((cache / "xlsx").iterdir()) and list((cache / "gzip").iterdir())
    cold = _outputs(first)
    assert any(name.endswith(".xlsx") for name in cold)

    second = project_copy / "site-2"
    assert run_build(project_copy, second).returncode == 0  # parallel, from the cache
    assert _outputs(second) == cold

    page = next(p for p in sorted((project_copy / "docs").rglob("*.md"))
                if "requirement:" in p.read_text(encoding="utf-8") and not p.name.endswith(".en.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("requirement: ", "requirement: ĐÃ SỬA ", 1), encoding="utf-8")
    third = project_copy / "site-3"
    assert run_build(project_copy, third, "--jobs", "1").returncode == 0
    workbook = load_workbook(next(third.glob("bang-kiem/kiem-tra/*.xlsx")))
    cells = [str(cell.value) for row in workbook.active.iter_rows() for cell in row]
    assert any(value.startswith("ĐÃ SỬA ") for value in cells)


def test_lint_findings_are_kept_by_text_and_found_again_after_an_edit(tmp_path, monkeypatch):
    from handbook import lint

    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "a.md"
    page.write_text("---\ntitle: A\n---\n\n# A\n\n#### Nhảy cấp\n\nHoà bình.\n", encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")

    def rules(problems):
        return sorted((p.path, p.line, p.rule) for p in problems)

    first = rules(lint.lint_tree(docs, tmp_path, cache=cache))
    assert ("docs/a.md", 7, "heading-level") in first and ("docs/a.md", 9, "tone-placement") in first
    assert list((tmp_path / "cache" / "lint").iterdir())

    lint._cache.clear()  # a new build: only the build cache remembers
    monkeypatch.setattr(lint, "check_document", lambda doc: [])  # would find nothing
    assert rules(lint.lint_tree(docs, tmp_path, cache=cache)) == first  # taken from the cache
    monkeypatch.undo()

    lint._cache.clear()
    page.write_text("---\ntitle: A\n---\n\n# A\n\n## Đúng cấp\n\nHòa bình.\n", encoding="utf-8")
    assert rules(lint.lint_tree(docs, tmp_path, cache=cache)) == []  # the edit is checked anew
