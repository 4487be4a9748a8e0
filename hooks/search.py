"""Hook: one search index per language, searched by the handbook's own worker.

* Each page's sections come from Material's search plugin (its parser, its
  ``search: exclude`` handling); checklist items (``id="ck-..."``) are added.
* ``search/search_index.json`` (Vietnamese) and ``en/search/search_index.json``
  (English) are written after mkdocs-static-i18n has written its merged index,
  replacing it (priority -200, after static-i18n's -100).
* The worker script (``handbook/search_worker.js``) is published under a
  fingerprinted name and named in ``__config`` by ``overrides/main.html``; the
  English pages resolve the index and the results against ``/en/``.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import current_language
from handbook import search
from handbook.sources import DEFAULT_LANGUAGE

WORKER_SOURCE = Path(__file__).parent / "handbook" / "search_worker.js"

_nav_urls: dict[str, set[str]] = {}
# language -> (Material's SearchIndex object, entries already attributed to pages)
_cursor: dict[str, tuple[object, int]] = {}
# languages of the builds under way: static-i18n builds the other languages
# inside the default language's on_post_build, and leaves its "current
# language" at the last one built, so each build's language is kept here.
_building: list[str] = []


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def on_config(config):
    _building.append(current_language(config))
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    config.extra["search_worker"] = "assets/javascripts/workers/" + search.worker_filename(source)
    return config


def on_nav(nav, config, files):
    _nav_urls[current_language(config)] = {page.url for page in nav.pages}
    return nav


@event_priority(-50)  # after Material's search plugin has indexed the page
def on_page_context(context, page, config, nav):
    plugin = _search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return context
    lang = current_language(config)
    # Material appends each page's entries as it renders it: take the new ones
    # (no scan of the whole list per page).
    index = plugin.search_index
    seen = _cursor.get(lang)
    start = seen[1] if seen and seen[0] is index else 0
    entries = index.entries[start:]
    _cursor[lang] = (index, len(index.entries))
    if (page.meta.get("search") or {}).get("exclude"):
        return context
    title = str(page.meta.get("title") or page.title or "")
    search.records(config.site_dir, lang)[page.url] = search.PageRecord(
        url=page.url, title=title, entries=entries,
        context=search.page_context(title, page.meta),
        items=search.anchored_items(page.content or ""),
        regulation=page.meta.get("type") == "regulation",
    )
    return context


@event_priority(-200)  # after mkdocs-static-i18n wrote its merged index
def on_post_build(config):
    site = Path(config.site_dir)
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    worker = site / config.extra["search_worker"]
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_text(source, encoding="utf-8")

    lang = _building.pop() if _building else current_language(config)
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    pages = search.records(config.site_dir, lang)
    keep = _nav_urls.get(lang)
    records = [p for url, p in pages.items() if keep is None or url in keep]
    index = search.build_index(records, lang, url_prefix=prefix)
    out = site / prefix / "search" / "search_index.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(search.index_json(index), encoding="utf-8")
