"""Language switching without Material's sitemap look-ups.

For every ``<link rel="alternate" hreflang>`` in the page head, Material fetches
``sitemap.xml`` next to the linked address, to map the current page onto the
other language. mkdocs-static-i18n points those links at the counterpart *page*
(``/en/cam-nang/``), so each page view asked for ``/en/cam-nang/sitemap.xml``
and got 404; and the map is already known at build time. The switcher's own
links (overrides/partials/alternate.html) lead to the counterpart page, so the
head links are dropped: no failed request, two fewer requests per page view.
"""
import re

_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_alternate_links(html: str) -> str:
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    # The first ``found`` matches are those in the head: one copy of the page
    # (pages of large checklists are megabytes), not a slice and a join.
    found = len(_ALTERNATE.findall(html, 0, head_end))
    return _ALTERNATE.sub("", html, count=found) if found else html
