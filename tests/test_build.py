"""`make build` is strict and atomic: bad input fails with the file named, and
the previous site stays intact."""
from pathlib import Path

import pytest

from conftest import ROOT, run_build


@pytest.fixture
def good_site(project_copy):
    out = project_copy / "site"
    result = run_build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr
    marker = out / "index.html"
    return project_copy, out, marker.read_bytes()


def assert_failed_and_kept(result, out: Path, before: bytes, *expected: str):
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, f"{text!r} not in build output:\n{output}"
    assert "giữ nguyên" in output
    assert (out / "index.html").read_bytes() == before, "previous site was modified"
    assert not list(out.parent.glob(".site.building-*")), "staging folder left behind"


def test_broken_link_fails_and_keeps_previous_site(good_site):
    project, out, before = good_site
    page = project / "docs" / "cam-nang" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    result = run_build(project, out)
    assert_failed_and_kept(result, out, before, "cam-nang/index.md", "khong-co-trang-nay.md", "Liên kết hỏng")


def test_broken_anchor_fails_and_keeps_previous_site(good_site):
    project, out, before = good_site
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[mục](cam-nang/hoi-nghi-can-bo.md#dieu-99-khong-ton-tai)\n",
                    encoding="utf-8")
    result = run_build(project, out)
    assert_failed_and_kept(result, out, before, "index.md", "dieu-99-khong-ton-tai")


def test_page_missing_from_nav_fails(good_site):
    project, out, before = good_site
    (project / "docs" / "cam-nang" / "trang-moi.md").write_text("# Trang mới\n", encoding="utf-8")
    result = run_build(project, out)
    assert_failed_and_kept(result, out, before, "cam-nang/trang-moi.md", "nav")


def test_invalid_yaml_in_mkdocs_yml_fails(good_site):
    project, out, before = good_site
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strict: true", "strict: [true"),
                      encoding="utf-8")
    result = run_build(project, out)
    assert_failed_and_kept(result, out, before, "mkdocs.yml")


def test_invalid_front_matter_fails_with_file_and_line(good_site):
    project, out, before = good_site
    page = project / "docs" / "cam-nang" / "index.md"
    text = page.read_text(encoding="utf-8").replace("title: Cẩm nang", "title: [Cẩm nang", 1)
    page.write_text(text, encoding="utf-8")
    result = run_build(project, out)
    assert_failed_and_kept(result, out, before, "docs/cam-nang/index.md:", "front matter")


def test_first_build_failure_leaves_no_half_site(project_copy):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](nope.md)\n", encoding="utf-8")
    out = project_copy / "fresh-site"
    result = run_build(project_copy, out)
    assert result.returncode != 0
    assert not out.exists()
