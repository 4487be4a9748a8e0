"""Hook: the finished site may hold nothing the security policy forbids
(inline scripts or styles, event handlers, javascript: addresses, meta
refresh, embedded frames); the build fails, naming each page, when it does.
Logic in ``handbook/csp.py``; the policy itself is in deploy/nginx/.

It reads the finished pages once, after every language has been built, so
whatever any template, hook or plugin wrote is covered. When the languages
are built in separate processes, tools/build.py does this after joining them
(``handbook/finish.py``). Each page's findings are kept in the build cache by
the digest of its bytes: unchanged pages are not scanned again.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import cores, editor_errors, is_final_build, repo_root
from handbook import csp
from handbook.buildcache import BuildCache


@event_priority(-200)  # after the other languages (-100) and the 404 pages (-150)
def on_post_build(config):
    if is_final_build(config):
        with editor_errors():
            csp.check_site(Path(config.site_dir), workers=cores(),
                           cache=BuildCache.for_project(repo_root(config)))
