"""Hook: check every page's front matter against its content type's schema
(handbook/schema.py) before anything is rendered; all problems at once."""
from adapter import editor_errors, site_sources
from handbook import schema
from handbook.errors import ContentErrors

# Hooks run once per language; the sources (and so the result) are the same
# objects in both builds unless a file changed (mkdocs serve).
_checked: dict = {}


def on_files(files, config):
    all_sources = site_sources(config)
    key = tuple(id(s) for s in all_sources)
    if _checked.get("key") != key:
        _checked.update(key=key, keep=all_sources, errors=schema.check_site(all_sources))
    with editor_errors():
        if _checked["errors"]:
            raise ContentErrors(_checked["errors"])
    return files
