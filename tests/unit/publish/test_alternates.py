"""Language alternates (handbook.publish.alternates): the head links that make
Material fetch the sitemaps are dropped, and only those. (Every built page:
tests/site/test_languages.py.)"""
from handbook.publish.alternates import drop_alternate_links


def test_head_links_that_make_material_fetch_sitemaps_are_dropped_only_there():
    page = ('<html><head>\n  <link rel="canonical" href="x">\n'
            '  <link rel="alternate" href="/" hreflang="vi">\n  <link rel="alternate" href="/en/" hreflang="en">\n'
            '  <link rel="alternate" type="application/rss+xml" href="feed.xml">\n</head>'
            '<body><link rel="alternate" href="/" hreflang="vi"></body></html>')
    assert drop_alternate_links(page) == (
        '<html><head>\n  <link rel="canonical" href="x">'
        '\n  <link rel="alternate" type="application/rss+xml" href="feed.xml">\n</head>'
        '<body><link rel="alternate" href="/" hreflang="vi"></body></html>')
    assert drop_alternate_links("<p>no head</p>") == "<p>no head</p>"
