"""Hook: a 404 page per language, and precompressed static files for nginx.

Logic in ``handbook/serve.py``; see deploy/nginx/ for the server side.
"""
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from adapter import cores, current_language, is_final_build, is_preview, repo_root
from handbook import serve
from handbook.buildcache import BuildCache
from handbook.language_switch import drop_alternate_links


def _site_name(config) -> str:
    """The site's name as mkdocs.yml gives it (mkdocs-static-i18n replaces
    config.site_name by each language's own)."""
    i18n = config.plugins.get("i18n")
    original = (getattr(i18n, "original_configs", None) or {}).get("site_name") if i18n else None
    return original or config.site_name

# language -> rendered 404 page. Not cleared in on_config: mkdocs-static-i18n
# runs on_config again for each language; the module itself is loaded afresh
# with every configuration load (each build, each `mkdocs serve` rebuild).
_not_found: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    if template_name != serve.NOT_FOUND:
        return output_content
    # Like pages, the 404 page must not make Material look up sitemaps.
    output_content = serve.switch_to_home_pages(drop_alternate_links(output_content))
    _not_found[current_language(config)] = output_content
    return output_content


@event_priority(-150)  # after mkdocs-static-i18n (-100) built the other languages
def _write_not_found_pages(config):
    serve.write_not_found_pages(Path(config.site_dir), _not_found)
    # the same files from every language's build (site_name: the default
    # language's, from the configuration file)
    serve.write_error_pages(Path(config.site_dir), _site_name(config))


@event_priority(-300)  # last: after the CSP hook (-200) has read the final pages
def _precompress(config):
    if is_final_build(config) and not is_preview():  # the preview server compresses nothing
        cache = BuildCache.for_project(repo_root(config))
        serve.precompress(serve.precompress_candidates(Path(config.site_dir)), workers=cores(), cache=cache)
        cache.trim()


on_post_build = CombinedEvent(_write_not_found_pages, _precompress)
