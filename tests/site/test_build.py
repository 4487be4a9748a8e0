"""`make build` is strict and atomic: bad input fails with the file named, and
the previous site stays intact; the build lists every lint and front-matter
problem of the content at once."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_build
from handbook.content import frontmatter


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


def test_invalid_front_matter_fails_clearly_without_the_linter(project_copy):
    # the linter is off in the second language's process of a parallel build;
    # reading the sources checks the front matter there too
    page = project_copy / "docs" / "cam-nang" / "index.md"
    text = page.read_text(encoding="utf-8").replace("title: Cẩm nang", "title: [Cẩm nang", 1)
    page.write_text(text, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="0", HANDBOOK_LINT="0")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project_copy / "out")],
                            cwd=project_copy, env=env, capture_output=True, text=True, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/cam-nang/index.md:3" in output and "front-matter" in output
    assert "Traceback" not in output


def test_first_build_failure_leaves_no_half_site(project_copy):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](nope.md)\n", encoding="utf-8")
    out = project_copy / "fresh-site"
    result = run_build(project_copy, out)
    assert result.returncode != 0
    assert not out.exists()


def _site_files(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".html":  # blank lines left by template tags may differ
                data = re.sub(rb"\s+", b" ", data)
            files[path.relative_to(site).as_posix()] = data
    return files


def test_languages_built_in_parallel_make_the_same_site_as_one_process(project_copy):
    parallel, serial = project_copy / "site-parallel", project_copy / "site-serial"
    config = project_copy / "mkdocs.yml"   # a sitemap is written only with the site's address
    config.write_text(re.sub(r'^site_url:.*$', 'site_url: "https://kiemsat.test/cam-nang/"',
                             config.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    result = run_build(project_copy, parallel, "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 languages in parallel" in result.stdout
    result = run_build(project_copy, serial, "--jobs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    one, two = _site_files(serial), _site_files(parallel)
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert not different, different[:10]
    # the joined sitemap lists the pages of both languages once
    sitemap = (parallel / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locs) == len(set(locs)) and any(loc.startswith("https://kiemsat.test/cam-nang/en/") for loc in locs)
    assert not list(project_copy.glob(".site-parallel.building-*")), "a language's build folder was left behind"


def test_parallel_build_failure_names_the_file_once_and_keeps_the_site(good_site):
    project, out, before = good_site
    page = project / "docs" / "cam-nang" / "cong-khai.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    result = run_build(project, out, "--jobs", "2")
    assert_failed_and_kept(result, out, before, "cong-khai.md", "khong-co-trang-nay.md")
    output = result.stdout + result.stderr
    warning = next(line for line in output.splitlines() if "khong-co-trang-nay.md" in line)
    assert output.count(warning) == 1, "both languages' builds reported the same problem"


# ---- every problem of the content, listed by the build -------------------------

def test_build_fails_with_every_lint_problem(project_copy):
    page = project_copy / "docs" / "cam-nang" / "cong-khai.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTổ hoà giải.\n\n<script>x()</script>\n",
                    encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/cam-nang/cong-khai.md" in output
    assert "[tone-placement]" in output and "[html-script]" in output
    assert page.read_text(encoding="utf-8").count("hoà") == 1  # the build never rewrites


def drop_reviews(text: str) -> str:
    """A page's front matter without its reviews (the shipped pages may have some)."""
    head, sep, body = text.partition("\n---\n")
    return re.sub(r"\nreviews:.*?(?=\n\S|\Z)", "", head, flags=re.S) + sep + body


def test_build_fails_listing_every_front_matter_problem(project_copy):
    chapter = project_copy / "docs" / "cam-nang" / "cong-khai.md"
    text = chapter.read_text(encoding="utf-8")
    text = drop_reviews(text).replace("---\n", "---\nreviews:\n  - date: 30/11/2026\n    by: Vụ 12\n"
                                      "    sources: [\"Luật 10/2022/QH15, Điều 46\"]\n    checked: \"Thời hạn.\"\n"
                                      "last_reviewed: 2026-11-30\n", 1)
    text = text.replace("owner: Tổ Thư ký Ban Chỉ đạo\n", "", 1)
    chapter.write_text(text, encoding="utf-8")
    glossary = project_copy / "docs" / "thuat-ngu.md"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("type: glossary\n", "", 1), encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = frontmatter.field_line(text, "last_reviewed")
    for expected in ("docs/cam-nang/cong-khai.md:3:", "YYYY-MM-DD", "NĂM-THÁNG-NGÀY",
                     f"docs/cam-nang/cong-khai.md:{line}:", "'last_reviewed'", "reviews:",
                     "docs/cam-nang/cong-khai.md:1", "'owner'", "docs/thuat-ngu.md:1", "type: glossary"):
        assert expected in output, f"{expected!r} not in build output:\n{output}"
