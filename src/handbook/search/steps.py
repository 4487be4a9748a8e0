"""Build steps of the search: one index per language, searched by the
handbook's own worker.

* Each page's sections come from ``handbook.search.sections``, which follows
  the rules of Material's search parser in a fraction of its time;
  Material's search plugin stays for the search box and its settings, but its
  parser is not run (``SectionsFromHandbook``). Checklist items (``id="ck-..."``)
  are added; pages with ``search: exclude`` and the editors' pages
  (``bien-tap/``) are left out. Each page's kind (chapter, Q&A, regulation,
  checklist…) goes with it, for ranking.
* ``search/search_index.json`` (Vietnamese) and ``en/search/search_index.json``
  (English) are written after mkdocs-static-i18n has written its merged index,
  replacing it.
* The worker script (``worker.js``) is published under a fingerprinted name
  and named in ``__config`` by ``overrides/main.html``; the English pages
  resolve the index and the results against ``/en/``. Material's own worker
  and lunr files, which nothing loads, are not published.
* What a page gives the index is kept in the build cache by the digest of its
  HTML (``search-<lang>`` table): an unchanged page is not parsed again.
"""
from __future__ import annotations

import json
from pathlib import Path

from handbook.content.sources import DEFAULT_LANGUAGE
from handbook.search import index as search

WORKER_SOURCE = Path(__file__).parent / "worker.js"


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


class SectionsFromHandbook:
    """Takes the place of Material's ``SearchIndex``, so that its HTML parser
    (a tenth of a build at 1,000 pages) does not run: the handbook finds the
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


def take_over_index(config) -> None:
    """After Material's search plugin made its index: ours instead, and the
    worker's fingerprinted address for the templates."""
    plugin = _search_plugin(config)
    if plugin is not None and hasattr(plugin, "search_index"):
        plugin.search_index = SectionsFromHandbook(plugin.search_index.config)
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    config.extra["search_worker"] = "assets/javascripts/workers/" + search.worker_filename(source)


def drop_material_assets(files):
    for file in [file for file in files if search.is_material_search_asset(file.src_uri)]:
        files.remove(file)
    return files


def note_navigation(build, nav) -> None:
    build.current.nav_urls = {page.url for page in nav.pages}


def index_page(build, page) -> None:
    """The page's documents (before Material's search plugin removes the
    ``data-search-*`` attributes from it)."""
    plugin = _search_plugin(build.config)
    if plugin is None or not plugin.config.enabled:
        return
    if (page.meta.get("search") or {}).get("exclude"):
        return
    language = build.current
    prefix = "" if language.lang == DEFAULT_LANGUAGE else f"{language.lang}/"
    url = page.url[len(prefix):] if prefix and page.url.startswith(prefix) else page.url
    if search.is_editors_page(url):
        return
    if language.search_table is None:
        language.search_table = build.cache.table(f"search-{language.lang}", search.code_version(),
                                                  search.valid_documents)
    content = page.content or ""
    table = language.search_table
    found = table.get(table.key(content), lambda: search.page_documents(content))
    title = str(page.meta.get("title") or page.title or "")
    fallback = search.html_to_text(str(page.meta.get("title", page.title)))  # Material's title for untitled parts
    entries = [{"location": page.url + (f"#{element_id}" if element_id else ""),
                "title": fallback if heading is None else heading, "text": text, "items": items}
               for element_id, heading, text, items in found["sections"]]
    search.records(build.config.site_dir, language.lang)[page.url] = search.PageRecord(
        url=page.url, title=title, entries=entries,
        context=search.page_context(title, page.meta),
        items=found["items"],
        regulation=page.meta.get("type") == "regulation",
        html=False,
        kind=search.page_kind(url, page.meta),
    )


def write_index(build) -> None:
    """The worker and this language's index (after mkdocs-static-i18n wrote
    its merged index, which this replaces)."""
    site = Path(build.config.site_dir)
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    worker = site / build.config.extra["search_worker"]
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_text(source, encoding="utf-8")

    language = build.current
    if language.search_table is not None:
        language.search_table.save(prune=not build.settings.dirty_preview)  # a dirty build renders some pages only
    prefix = "" if language.lang == DEFAULT_LANGUAGE else f"{language.lang}/"
    pages = search.records(build.config.site_dir, language.lang)
    keep = language.nav_urls
    records = [p for url, p in pages.items() if keep is None or url in keep]
    result = search.build_index(records, language.lang, url_prefix=prefix)
    out = site / prefix / "search" / "search_index.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(search.index_json(result), encoding="utf-8")
