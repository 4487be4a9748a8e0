"""Content-Security-Policy hashes computed from the built pages
(hooks/handbook/csp.py), on small fixtures and on the shipped site."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from handbook import csp

FIXTURES = Path(__file__).parent / "fixtures" / "csp"


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_source_hash_matches_the_browser_format():
    # value from the CSP specification's example: alert('Hello, world.');
    assert csp.source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_executable_inline_scripts_and_styles_are_hashed():
    found = csp.find_inline_code((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert found.scripts == {sha('__md_scope=new URL(".",location)'), sha('import "./x.js"'), sha("var tabs=1")}
    assert found.styles == {sha(".a{color:red}")}
    assert not found.script_attributes and not found.style_attributes


def test_data_blocks_external_scripts_and_escaped_text_are_not_hashed():
    found = csp.find_inline_code((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert sha('{"base": "."}') not in found.scripts  # type=application/json is data
    assert sha("<div>template</div>") not in found.scripts
    assert sha("alert(1)") not in found.scripts  # text in <code>, not a script
    assert sha("") not in found.scripts  # <script src=...></script>


def test_attributes_are_hashed_after_decoding_and_need_unsafe_hashes():
    found = csp.find_inline_code((FIXTURES / "handlers.html").read_text(encoding="utf-8"))
    assert found.script_attributes == {sha("print()")}
    assert found.style_attributes == {sha('color: "red"')}
    directives = csp.directives(found)
    assert directives["script-src"] == ["'self'", "'unsafe-hashes'", sha("print()")]
    assert directives["style-src"] == ["'self'", "'unsafe-hashes'", sha('color: "red"')]
    assert csp.allows(csp.policy(found), found) == []


def test_tag_names_in_any_case_and_code_that_mentions_the_other_element():
    page = "<SCRIPT>var s='<style>';</Script>\n<style>p::after{content:'Điều'}</STYLE>"
    found = csp.find_inline_code(page)
    assert found.scripts == {sha("var s='<style>';")}
    assert found.styles == {sha("p::after{content:'Điều'}")}  # hashed as UTF-8, as browsers do
    assert csp.find_inline_code(page.encode("utf-8")) == found  # the build scans the files' bytes


def test_policy_without_inline_code_is_strict():
    value = csp.policy(csp.InlineCode())
    parsed = csp.parse_policy(value)
    assert parsed["script-src"] == ["'self'"]
    assert parsed["style-src"] == ["'self'"]
    assert parsed["object-src"] == ["'none'"]
    assert parsed["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in value


def test_allows_names_what_a_policy_would_block():
    found = csp.find_inline_code((FIXTURES / "page.html").read_text(encoding="utf-8"))
    stale = csp.policy(csp.InlineCode(scripts={sha("var tabs=1")}))
    blocked = csp.allows(stale, found)
    module = sha('import "./x.js"')
    assert f"script {module}" in blocked
    assert f"style {sha('.a{color:red}')}" in blocked
    assert f"script {sha('var tabs=1')}" not in blocked


def test_scan_site_unions_every_page(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<script>one()</script>", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("<script>two()</script><script>one()</script>", encoding="utf-8")
    assert csp.scan_site(tmp_path).scripts == {sha("one()"), sha("two()")}


def test_nginx_include_round_trips_and_spares_pdf():
    value = csp.policy(csp.InlineCode(scripts={sha("x()")}))
    include = csp.nginx_include(value)
    assert csp.policy_from_include(include) == value
    assert '"~*^application/pdf" "";' in include
    with pytest.raises(ValueError):
        csp.nginx_include('script-src "x"')


def test_built_site_ships_a_policy_covering_every_inline_script(site):
    include = (site / ".nginx" / "csp.conf").read_text(encoding="utf-8")
    value = csp.policy_from_include(include)
    assert value == (site / ".nginx" / "csp.txt").read_text(encoding="utf-8").strip()
    everything = csp.scan_site(site)
    assert everything.scripts, "Material's inline scripts were not found"
    assert csp.allows(value, everything) == []
    # nothing more than needed: every hash in the policy is used by some page
    parsed = csp.parse_policy(value)
    used = everything.scripts | everything.script_attributes | everything.styles | everything.style_attributes
    listed = {s for s in parsed["script-src"] + parsed["style-src"] if s.startswith("'sha256-")}
    assert listed == used


def test_each_page_s_inline_code_is_kept_by_its_bytes(tmp_path, monkeypatch):
    from handbook.buildcache import BuildCache

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<script>one()</script>", encoding="utf-8")
    (site / "a" / "index.html").write_text('<p style="color:red">x</p>', encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    first = csp.write_policy(site, cache=cache)
    assert sha("one()") in first and sha("color:red") in first
    assert csp.write_policy(site, cache=BuildCache(None)) == first == csp.write_policy(site)  # cache off

    monkeypatch.setattr(csp, "find_inline_code", lambda page: csp.InlineCode())  # would find nothing
    assert csp.write_policy(site, cache=cache) == first  # every page from the cache
    (site / "index.html").write_text("<script>two()</script>", encoding="utf-8")
    edited = csp.write_policy(site, cache=cache)
    assert sha("one()") not in edited and sha("two()") not in edited  # scanned anew (by the stub)
    assert sha("color:red") in edited
