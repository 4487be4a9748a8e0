"""Material's bundle made to load its polyfills from the site itself
(handbook.publish.offline), whatever CDN it names. (No built file asking
another host: tests/site/test_offline.py.)"""
from handbook.publish.offline import localise_bundle


def test_theme_loader_addresses_point_inside_the_site_whatever_the_cdn():
    for host in ("https://unpkg.com", "https://cdn.jsdelivr.net/npm"):
        source = f'a=_t("{host}/resize-observer-polyfill");b="{host}/other-package"'
        out, changed = localise_bundle(source)
        assert 'new URL("assets/javascripts/vendor/resize-observer-polyfill.js",__md_scope)' in out
        assert changed == [f"{host}/resize-observer-polyfill"]
        assert f'"{host}/other-package"' in out  # unknown addresses are left for the scan to catch


def test_the_bundle_looks_up_no_sitemap_for_language_alternates():
    from handbook.publish.offline import no_sitemap_lookups

    source = 'ui=()=>M("link[rel=alternate]").map(r=>kt(r))'
    out, changed = no_sitemap_lookups(source)
    assert '"link[rel=alternate]"' not in out and changed
    assert no_sitemap_lookups(out) == (out, [])
