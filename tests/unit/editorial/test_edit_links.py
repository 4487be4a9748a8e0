"""The "Sửa trang này" link (handbook.editorial.pages): made from
extra.handbook.edit_url_template for the team's git server, and no link to a
code host's API (no repo_url)."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from handbook.editorial import history
from handbook.editorial import pages as editorial


@pytest.mark.parametrize("template, src_uri, expected", [
    ("https://git.example.vn/vksnd/cam-nang/-/edit/main/docs/{path}", "cam-nang/cong-khai.en.md",
     "https://git.example.vn/vksnd/cam-nang/-/edit/main/docs/cam-nang/cong-khai.en.md"),
    ("https://github.com/org/repo/edit/main/docs/{path}", "index.md",
     "https://github.com/org/repo/edit/main/docs/index.md"),
    ("", "index.md", None),
    (None, "index.md", None),
])
def test_edit_link_follows_the_configured_server(template, src_uri, expected):
    assert editorial.edit_url(template, src_uri) == expected
    facts = editorial.page_facts("vi", src_uri, {}, history.Updated(dt.date(2025, 2, 5), True, None),
                                 dt.date(2025, 2, 5), template)
    assert facts["edit_url"] == expected and facts["edit_label"] == "Sửa trang này"


def test_shipped_config_ships_no_placeholder_host_and_no_repo_url():
    """No edit link to a server that does not exist: the shipped template is
    empty (a deployment sets its own, mkdocs.yml says how), and no address in
    the configuration names an example host."""
    import re

    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=Loader)
    assert config["extra"]["handbook"]["edit_url_template"] == ""
    assert "repo_url" not in config and "edit_uri" not in config
    values = re.findall(r"^[^#\n]*?(https?://[^\s\"']+)", text, re.M)
    assert not [v for v in values if re.search(r"example\.|\.example\b|\blocalhost\b", v)], values
