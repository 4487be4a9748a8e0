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

_LINK = '<link rel="alternate" href="'
# One or more of them, each with the white space before it.
_ALTERNATES = re.compile(r'(?:\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">)+')


def drop_alternate_links(html: str) -> str:
    """``html`` without the head's language alternates (and the white space
    before each). Found by their literal start: a pattern that begins with
    white space is tried at every character, and took twice as long as the
    rest for every page of the site."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    parts, last = [], 0
    position = html.find(_LINK, 0, head_end)
    while position >= 0:
        start = position
        while start > last and html[start - 1] in " \t\r\n\f":
            start -= 1
        run = _ALTERNATES.match(html, start)
        if run is None or run.end() > head_end:  # another kind of alternate link: kept
            position = html.find(_LINK, position + 1, head_end)
            continue
        parts.append(html[last:start])
        last = run.end()
        position = html.find(_LINK, last, head_end)
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)
