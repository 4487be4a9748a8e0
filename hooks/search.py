"""Hook: one search index per language, searched by the handbook's own worker.

* Each page's sections come from ``handbook.search_sections``, which follows
  the rules of Material's search parser in a fraction of its time; Material's
  search plugin stays for the search box and its settings, but its parser is
  not run (``_SectionsFromHandbook``). Checklist items (``id="ck-..."``) are
  added, and pages with ``search: exclude`` are left out.
* ``search/search_index.json`` (Vietnamese) and ``en/search/search_index.json``
  (English) are written after mkdocs-static-i18n has written its merged index,
  replacing it (priority -200, after static-i18n's -100).
* The worker script (``handbook/search_worker.js``) is published under a
  fingerprinted name and named in ``__config`` by ``overrides/main.html``; the
  English pages resolve the index and the results against ``/en/``. Material's
  own worker and lunr files, which nothing loads, are not published.
* What a page gives the index is kept in the build cache by the digest of its
  HTML (``search-<lang>`` table): an unchanged page is not parsed again.
"""
import json
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import current_language, is_dirty_preview, repo_root
from handbook import buildcache, search
from handbook.buildcache import BuildCache
from handbook.sources import DEFAULT_LANGUAGE

WORKER_SOURCE = Path(__file__).parent / "handbook" / "search_worker.js"

_nav_urls: dict[str, set[str]] = {}
# each page's documents by the digest of its HTML, kept between builds
_tables: dict[str, buildcache.Table] = {}
# languages of the builds under way: static-i18n builds the other languages
# inside the default language's on_post_build, and leaves its "current
# language" at the last one built, so each build's language is kept here.
_building: list[str] = []


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


class _SectionsFromHandbook:
    """Takes the place of Material's ``SearchIndex``, so that its HTML parser
    (a tenth of a build at 1,000 pages) does not run: this hook finds the
    sections and writes the index. The search box, its settings and
    mkdocs-static-i18n see the plugin as usual, with no entries."""

    def __init__(self, settings):
        self.config = settings
        self.entries: list[dict] = []

    def add_entry_from_context(self, page):
        pass

    def generate_search_index(self, prev):
        settings = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        return json.dumps({"config": settings, "docs": []}, separators=(",", ":"), default=str)


@event_priority(-10)  # after Material's search plugin has made its index
def on_config(config):
    _building.append(current_language(config))
    plugin = _search_plugin(config)
    if plugin is not None and hasattr(plugin, "search_index"):
        plugin.search_index = _SectionsFromHandbook(plugin.search_index.config)
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    config.extra["search_worker"] = "assets/javascripts/workers/" + search.worker_filename(source)
    return config


def on_files(files, config):
    for file in [file for file in files if search.is_material_search_asset(file.src_uri)]:
        files.remove(file)
    return files


def on_nav(nav, config, files):
    _nav_urls[current_language(config)] = {page.url for page in nav.pages}
    return nav


# Before Material's search plugin (priority 0), which removes the
# ``data-search-*`` attributes from the page.
@event_priority(10)
def on_page_context(context, page, config, nav):
    plugin = _search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return context
    if (page.meta.get("search") or {}).get("exclude"):
        return context
    lang = current_language(config)
    if lang not in _tables:
        _tables[lang] = BuildCache.for_project(repo_root(config)).table(f"search-{lang}", search.code_version(),
                                                                     search.valid_documents)
    content = page.content or ""
    table = _tables[lang]
    found = table.get(table.key(content), lambda: search.page_documents(content))
    title = str(page.meta.get("title") or page.title or "")
    fallback = search.html_to_text(str(page.meta.get("title", page.title)))  # Material's title for untitled parts
    entries = [{"location": page.url + (f"#{element_id}" if element_id else ""),
                "title": fallback if heading is None else heading, "text": text}
               for element_id, heading, text in found["sections"]]
    search.records(config.site_dir, lang)[page.url] = search.PageRecord(
        url=page.url, title=title, entries=entries,
        context=search.page_context(title, page.meta),
        items=found["items"],
        regulation=page.meta.get("type") == "regulation",
        html=False,
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
    if lang in _tables:
        _tables.pop(lang).save(prune=not is_dirty_preview())  # a dirty build renders some pages only
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    pages = search.records(config.site_dir, lang)
    keep = _nav_urls.get(lang)
    records = [p for url, p in pages.items() if keep is None or url in keep]
    index = search.build_index(records, lang, url_prefix=prefix)
    out = site / prefix / "search" / "search_index.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(search.index_json(index), encoding="utf-8")
