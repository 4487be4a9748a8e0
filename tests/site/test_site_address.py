"""The site's address (``site_url``, deploy/README.md "Site address"): with it
the sitemap, canonical links and hreflang alternates are absolute; without
it (as shipped) no sitemap of relative addresses is published and the head
holds no alternates. Material looks up no sitemap for the alternates."""
from __future__ import annotations

import re

import pytest

from conftest import run_build, soup

ADDRESS = "https://so-tay.vksnd.test/cam-nang/"


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("site-url") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert '\nsite_url: ""\n' in text
    config.write_text(text.replace('\nsite_url: ""\n', f'\nsite_url: "{ADDRESS}"\n', 1), encoding="utf-8")
    out = project / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_shipped_site_publishes_no_relative_sitemap_nor_alternates(site):
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    page = soup(site / "cam-nang" / "cong-khai" / "index.html")
    assert page.select('head link[rel="alternate"][hreflang]') == []
    assert page.select_one('head link[rel="canonical"]') is None


def test_with_an_address_sitemap_canonical_and_alternates_are_absolute(addressed_site):
    sitemap = (addressed_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) > 50 and all(loc.startswith(ADDRESS) for loc in locations), locations[:5]
    assert f"{ADDRESS}en/cam-nang/cong-khai/" in locations
    for prefix, lang in (("", "vi"), ("en/", "en")):
        page = soup(addressed_site / prefix / "cam-nang" / "cong-khai" / "index.html")
        assert page.select_one('head link[rel="canonical"]')["href"] == f"{ADDRESS}{prefix}cam-nang/cong-khai/"
        alternates = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}
        assert alternates == {"vi": f"{ADDRESS}cam-nang/cong-khai/", "en": f"{ADDRESS}en/cam-nang/cong-khai/",
                              "x-default": f"{ADDRESS}cam-nang/cong-khai/"}, (lang, alternates)


def test_material_looks_up_no_sitemap_for_the_alternates(addressed_site):
    bundle = next((addressed_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert '"link[rel=alternate]"' not in bundle
