"""Hook: write the site's Content-Security-Policy, with the SHA-256 hash of
every inline script and style of every built page, where nginx includes it
(``site/.nginx/csp.conf``; see deploy/nginx/). Logic in ``handbook/csp.py``.

It reads the finished pages from disk once, after every language has been
built, so inline code added by any template, hook or plugin is covered.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import is_final_build
from handbook import csp

INCLUDE = Path(".nginx") / "csp.conf"
HEADER_TEXT = Path(".nginx") / "csp.txt"


@event_priority(-200)  # after the other languages (-100) and the 404 pages (-150)
def on_post_build(config):
    if not is_final_build(config):
        return
    site = Path(config.site_dir)
    value = csp.policy(csp.scan_site(site))
    (site / INCLUDE).parent.mkdir(parents=True, exist_ok=True)
    (site / INCLUDE).write_text(csp.nginx_include(value), encoding="utf-8")
    (site / HEADER_TEXT).write_text(value + "\n", encoding="utf-8")
