"""Site-wide steps once every language of the site is built.

A one-process build takes them in its last steps (hooks/pipeline.py:
the safety scan, then the precompression); tools/build.py, which builds the
languages in parallel processes, takes them here after joining the
languages. The safety scan raises ContentErrors when a page holds what the
security policy forbids: the site is then not published.
"""
from __future__ import annotations

from pathlib import Path

from handbook.build.cache import BuildCache
from handbook.publish import compress, csp


def finish_site(site_dir: Path, workers: int = 2, cache: BuildCache | None = None) -> None:
    site_dir = Path(site_dir)
    csp.check_site(site_dir, workers, cache)  # reads the final pages: before anything else is added
    compress.precompress(compress.candidates(site_dir), workers, cache)
    if cache is not None:
        cache.trim()
