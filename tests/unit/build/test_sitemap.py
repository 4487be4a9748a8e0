"""The languages' builds joined (handbook.build.languages): the English
sitemap's pages added to the Vietnamese one once."""
import re

from handbook.build import languages


def test_joined_sitemap_adds_the_other_language_once():
    vi = "<urlset>\n    <url>\n        <loc>a/</loc>\n    </url>\n</urlset>"
    en = "<urlset>\n    <url>\n        <loc>en/a/</loc>\n    </url>\n    <url>\n        <loc>a/</loc>\n    </url>\n</urlset>"
    joined = languages.join_sitemaps(vi, en)
    assert re.findall(r"<loc>(.*?)</loc>", joined) == ["a/", "en/a/"]
    assert joined.endswith("</urlset>")
