"""Hook: checklist items declared in the content (```checklist blocks).

- on_files: collect and validate every item of both languages (cached: the
  work happens once per build although hooks run once per language);
  problems stop the build with file, line and fix.
- on_page_markdown: each block becomes an item box on its page; checklist
  pages (``generate: checklist-...``, filled by hooks/generated_pages.py with
  the generators registered below) are noted for their downloads.
- on_post_build: the CSV and XLSX of each checklist page of the language just
  built, next to the page's HTML (a workbook made from the same rows before
  is taken from the build cache, ``handbook/buildcache.py``).
"""
from pathlib import Path

from adapter import current_language, editor_errors, repo_root, site_sources
from handbook import generated, sources
from handbook.checklists import collect, nav_order, rewrite
from handbook.checklists import generators as checklist_generators  # registers the page kinds
from handbook.buildcache import BuildCache
from handbook.checklists.downloads import csv_bytes, xlsx_bytes, xlsx_inputs
from handbook.checklists.tables import download_name
from handbook.pdf import edition_date

_state = {"collection": None, "pending": []}


def on_files(files, config):
    with editor_errors():
        all_sources = site_sources(config)
        _state["collection"] = collect(all_sources, nav_order(config["nav"]))
    _state["pending"] = []
    return files


def on_page_markdown(markdown, page, config, files):
    spec = str(page.meta.get("generate") or "")
    if spec.startswith("checklist-") and page.file.abs_dest_path:
        _state["pending"].append((page, spec))
    if "```checklist" not in markdown or _state["collection"] is None:
        return markdown
    src_uri = Path(page.file.abs_src_path).relative_to(config.docs_dir).as_posix()
    items = _state["collection"].by_page.get(src_uri, [])
    return rewrite(markdown, items, current_language(config))


def on_post_build(config):
    lang = current_language(config)
    docs = Path(config.docs_dir)
    if not _state["pending"]:
        return
    with editor_errors():
        all_sources = site_sources(config)
        edition = edition_date(config.extra, repo_root(config))
        cache = BuildCache.for_project(repo_root(config))  # workbooks of unchanged checklists
        for page, spec in _state["pending"]:
            source = sources.read(docs, Path(page.file.abs_src_path), repo_root(config))
            kind, argument = generated.parse(spec)
            request = generated.Request(source, lang, argument, all_sources, {"config": config})
            checklist = checklist_generators.checklist_for(request, kind)
            folder = Path(page.file.abs_dest_path).parent
            folder.mkdir(parents=True, exist_ok=True)
            (folder / download_name(source.base_uri, lang, "csv")).write_bytes(csv_bytes(checklist))
            workbook = cache.bytes("xlsx", xlsx_inputs(checklist, checklist.title, edition),
                                   lambda: xlsx_bytes(checklist, checklist.title, edition))
            (folder / download_name(source.base_uri, lang, "xlsx")).write_bytes(workbook)
        cache.trim()
    _state["pending"] = []
