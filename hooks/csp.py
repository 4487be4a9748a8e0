"""Hook: write the site's Content-Security-Policy, with the SHA-256 hash of
every inline script and style of every built page, where nginx includes it
(``site/.nginx/csp.conf``; see deploy/nginx/). Logic in ``handbook/csp.py``.

It reads the finished pages from disk once, after every language has been
built, so inline code added by any template, hook or plugin is covered. When
the languages are built in separate processes, tools/build.py does this after
joining them (``handbook/finish.py``). Each page's inline code is kept in the
build cache by the digest of its bytes: unchanged pages are not scanned again.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import cores, is_final_build, is_preview, repo_root
from handbook import csp
from handbook.buildcache import BuildCache


@event_priority(-200)  # after the other languages (-100) and the 404 pages (-150)
def on_post_build(config):
    if is_final_build(config) and not is_preview():  # the preview server sends no CSP
        csp.write_policy(Path(config.site_dir), workers=cores(),
                         cache=BuildCache.for_project(repo_root(config)))
