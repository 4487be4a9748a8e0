"""The shipped site holds nothing the security policy forbids: no inline code,
Material's own scripts served as files. (The policy and the scan:
tests/unit/publish/test_csp.py; the policy as nginx serves it:
tests/site/test_nginx.py.)"""
from handbook.publish import csp


def test_the_shipped_site_holds_nothing_the_policy_forbids(site):
    assert csp.scan_site(site, workers=2) == {}
    # Material's own scripts are served as files, not inline
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/theme-scope.js" data-md-scope="."' in home
    assert "theme-content.js" in home and (site / "assets/javascripts/theme-scope.js").is_file()
