"""The build cache across real builds: a warm build writes the same files as a
cold one, and an edit is never served stale. (The cache on its own:
tests/unit/build/test_cache.py; a damaged cache: tests/site/test_hostile_build.py.)"""
from openpyxl import load_workbook

from conftest import run_build


def _outputs(site):
    # what the cached steps make: workbooks, compressed copies, search indexes,
    # and the regulation pages' "cited in" lists
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for pattern in ("**/*.xlsx", "**/*.gz", "**/search_index.json", "**/van-ban/*/index.html")
            for path in site.glob(pattern)}


def test_a_warm_build_writes_the_same_files_and_an_edit_is_never_stale(project_copy):
    cache = project_copy / ".cache" / "handbook"
    first = project_copy / "site-1"
    assert run_build(project_copy, first, "--jobs", "1").returncode == 0
    for step in ("xlsx", "gzip", "page-safety", "search-vi", "search-en", "citations-vi", "citations-en"):
        assert list((cache / step).iterdir()), step
    cold = _outputs(first)
    assert any(name.endswith(".xlsx") for name in cold)
    assert "search/search_index.json" in cold and "en/van-ban/luat-10-2022-qh15/index.html" in cold

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
    # the page's search documents were made anew, not taken from the cache
    assert "ĐÃ SỬA" in (third / "search" / "search_index.json").read_text(encoding="utf-8")
