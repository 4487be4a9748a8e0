"""Keep every request on the site itself.

Material's JavaScript bundle loads two scripts from a public CDN on demand: a
ResizeObserver polyfill (old browsers only) and Mermaid (pages with diagrams).
On an intranet without internet access those requests fail, and they leak the
reader's visit to a third party. We point them at copies served by the site.
Matching is by package path, whatever CDN host a Material release uses.
"""
from __future__ import annotations

import re

# package path on the CDN -> site-relative path (resolved against Material's
# global ``__md_scope``, the site root, so it works from any page depth)
LOCAL_COPIES = {
    "resize-observer-polyfill": "assets/javascripts/vendor/resize-observer-polyfill.js",
    # Mermaid is not shipped: the linter rejects ```mermaid blocks. The address
    # still points inside the site so a stray diagram never calls out.
    "mermaid@11/dist/mermaid.min.js": "assets/javascripts/vendor/mermaid.min.js",
}

_LITERAL = re.compile(r"([\"'`])https?://[^/\"'`\s]+/([^\"'`\s]+)\1")


def localise_bundle(source: str) -> tuple[str, list[str]]:
    """Rewrite known loader addresses; return the new text and what changed."""
    changed: list[str] = []

    def replace(match: re.Match) -> str:
        path = match.group(2)
        local = next((copy for package, copy in LOCAL_COPIES.items()
                      if path == package or path.endswith("/" + package)), None)
        if local is None:
            return match.group(0)
        changed.append(match.group(0)[1:-1])
        return f'new URL("{local}",__md_scope).href'

    return _LITERAL.sub(replace, source), changed


# Material maps a page onto its other languages by fetching the sitemap next
# to every <link rel="alternate"> in the head. The language switcher links
# each page to its counterpart already (overrides/partials/alternate.html),
# and with site_url set the head's alternates are the production addresses:
# the fetch would leave the site (or break the security policy's
# connect-src). The selector is made to match nothing.
ALTERNATE_SELECTOR = '"link[rel=alternate]"'
NO_SITEMAP_SELECTOR = '"link[rel=alternate][data-handbook-sitemap]"'


def no_sitemap_lookups(source: str) -> tuple[str, list[str]]:
    """The bundle without its sitemap look-ups; return the text and what changed."""
    if ALTERNATE_SELECTOR not in source:
        return source, []
    return source.replace(ALTERNATE_SELECTOR, NO_SITEMAP_SELECTOR), [ALTERNATE_SELECTOR]
