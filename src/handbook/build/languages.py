"""Which languages one build makes, and how per-language builds become one site.

A full build makes every language one after the other (mkdocs-static-i18n
builds the other languages from inside the default language's build). With
``HANDBOOK_LANGUAGE=en`` a build makes that language only, in the usual layout
(English under ``en/``), so ``tools/build.py`` can run one build per language
on separate cores and join the results; and ``make serve`` can rebuild only the
language of the page being edited.
"""
from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

from handbook.errors import ContentError
from handbook.content.sources import DEFAULT_LANGUAGE, LANGUAGES



def language_folder(language: str, default: str = DEFAULT_LANGUAGE) -> str:
    """Folder of a language's pages inside the site ("" for the default)."""
    return "" if language == default else language


def join_language(site: Path, built: Path, language: str, default: str = DEFAULT_LANGUAGE) -> None:
    """Move ``language``'s pages from the folder of its own build into ``site``.

    A non-default language's build writes its pages under ``<built>/<lang>/``
    and the theme's shared assets (same files as the default build's) at the
    root; only what the site lacks is taken from the root.
    """
    site, built = Path(site), Path(built)
    folder = language_folder(language, default)
    if not folder:
        raise ValueError("the default language's build is the site itself")
    target = site / folder
    if target.exists():
        shutil.rmtree(target)
    (built / folder).rename(target)
    sitemap, other = site / SITEMAP, built / SITEMAP
    if sitemap.exists() and other.exists():
        joined = join_sitemaps(sitemap.read_text(encoding="utf-8"), other.read_text(encoding="utf-8"))
        sitemap.write_text(joined, encoding="utf-8")
        (site / (SITEMAP + ".gz")).write_bytes(gzip.compress(joined.encode("utf-8"), mtime=0))
    for entry in built.iterdir():
        if not (site / entry.name).exists():
            entry.rename(site / entry.name)


SITEMAP = "sitemap.xml"
_URL = re.compile(r"[ \t]*<url>.*?</url>\s*", re.S)


def join_sitemaps(site_xml: str, other_xml: str) -> str:
    """The site's sitemap with the other build's pages added (static-i18n
    writes one sitemap at the root, listing every language built so far)."""
    known = set(re.findall(r"<loc>(.*?)</loc>", site_xml))
    added = [block for block in _URL.findall(other_xml)
             if re.search(r"<loc>(.*?)</loc>", block).group(1) not in known]
    end = site_xml.rindex("</urlset>")
    return site_xml[:end] + "".join(added) + site_xml[end:]
