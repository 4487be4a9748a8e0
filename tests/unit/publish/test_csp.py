"""The security policy trusts only the site's own files, and the build makes
sure no page needs more (handbook.publish.csp): one fixture per kind of
thing a page must not hold, the policy in the shipped nginx configuration,
and the build cache. (The shipped site scanned: tests/site/test_security_policy.py.)"""
import pytest

from conftest import ROOT
from handbook.publish import csp
from handbook.build.cache import BuildCache
from handbook.errors import ContentErrors

FIXTURES = ROOT / "tests" / "fixtures" / "csp"


def test_policy_allows_no_inline_code_and_no_other_host():
    parsed = csp.parse_policy(csp.policy())
    assert parsed["script-src"] == ["'self'"] and parsed["style-src"] == ["'self'"]
    assert parsed["object-src"] == ["'none'"] and parsed["frame-ancestors"] == ["'none'"]
    every = [source for sources in parsed.values() for source in sources]
    assert not [s for s in every if "unsafe" in s or "sha256" in s or "nonce" in s]
    assert all(s.startswith("'") or s == "data:" for s in every), every


def test_shipped_configuration_carries_the_code_s_policy():
    conf = (ROOT / "deploy" / "nginx" / "cam-nang.conf").read_text(encoding="utf-8")
    assert f'default  "{csp.policy()}";' in conf


def test_a_clean_page_passes():
    assert csp.scan_page((FIXTURES / "clean.html").read_bytes()) == []


@pytest.mark.parametrize(("fixture", "count"), [
    ("inline-script", 2), ("event-handler", 3), ("inline-style", 2), ("script-url", 4),
    ("meta-refresh", 1), ("embedded", 4),
])
def test_each_kind_of_executable_content_is_found(fixture, count):
    found = csp.scan_page((FIXTURES / f"{fixture}.html").read_bytes())
    assert [rule for rule, _ in found] == [fixture] * count, found


def test_text_and_bytes_give_the_same_findings():
    text = (FIXTURES / "event-handler.html").read_text(encoding="utf-8")
    assert csp.scan_page(text) == csp.scan_page(text.encode("utf-8"))


def test_a_page_with_code_fails_the_check_naming_page_and_problem(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_bytes((FIXTURES / "clean.html").read_bytes())
    (site / "a" / "index.html").write_text('<p>x</p><img src=x onerror="steal()">', encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        csp.check_site(site)
    [error] = raised.value.errors
    assert error.rule == "output-event-handler" and "a/index.html" in error.path and "steal()" in error.message_vi


def test_each_page_s_findings_are_kept_by_its_bytes(tmp_path):
    from handbook.build.cache import digest

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (site / "b.html").write_text("<p>clean</p>", encoding="utf-8")
    cache = BuildCache(tmp_path / "cache")
    # what the cache keeps for b.html's bytes is what the check reports: it
    # does not scan the page (this finding it could not have made itself)
    table = cache.table("page-safety", csp.CODE_VERSION, csp._valid_findings)
    table.get(digest((site / "b.html").read_bytes()), lambda: [["inline-script", "kept in the cache"]])
    table.get(digest((site / "index.html").read_bytes()), lambda: [])
    table.save()
    with pytest.raises(ContentErrors) as raised:
        csp.check_site(site, cache=cache)
    assert "kept in the cache" in str(raised.value)
    (site / "b.html").write_text("<p>edited</p>", encoding="utf-8")
    csp.check_site(site, cache=cache)  # an edited page is scanned again: clean
