"""Build steps of the checklists: items collected and checked once per
build, each ```checklist block shown as an item box on its page, and the
CSV and XLSX downloads of each checklist page (a workbook made from the same
rows before is taken from the build cache)."""
from __future__ import annotations

from pathlib import Path

from handbook.checklists import collect, nav_order, rewrite
from handbook.checklists import generators
from handbook.checklists.assets import page_assets as _page_assets
from handbook.checklists.downloads import csv_bytes, xlsx_bytes, xlsx_inputs
from handbook.checklists.tables import download_name
from handbook.content import sources
from handbook.models import links as model_links
from handbook.pages import generated

GENERATORS = generators.GENERATORS


def collection(build):
    """Every item of both languages, validated together (ContentErrors)."""
    return build.once("checklists", lambda: collect(build.sources, nav_order(build.config["nav"])))


def item_boxes(build, markdown: str, page) -> str:
    """A page's ```checklist blocks become item boxes; checklist pages are
    noted for their downloads."""
    spec = str(page.meta.get("generate") or "")
    if spec.startswith("checklist-") and page.file.abs_dest_path:
        build.current.checklist_pages.append((page, spec))
    if "```checklist" not in markdown:
        return markdown
    src_uri = Path(page.file.abs_src_path).relative_to(build.docs_dir).as_posix()
    return rewrite(markdown, collection(build).by_page.get(src_uri, []), build.lang,
                   lambda item: model_links.item_line(build.sources, build.lang, item.id, src_uri))


def write_downloads(build) -> None:
    """The CSV and XLSX of each checklist page of the language just built,
    next to the page."""
    lang = build.lang
    pages = build.current.checklist_pages
    if not pages:
        return
    for page, spec in pages:
        source = sources.read(build.docs_dir, Path(page.file.abs_src_path), build.root)
        kind, argument = generated.parse(spec)
        request = generated.Request(source, lang, argument, build.sources, {"config": build.config})
        checklist = generators.checklist_for(request, kind)
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        (folder / download_name(source.base_uri, lang, "csv")).write_bytes(csv_bytes(checklist))
        workbook = build.cache.bytes("xlsx", xlsx_inputs(checklist, checklist.title, build.edition),
                                     lambda: xlsx_bytes(checklist, checklist.title, build.edition))
        (folder / download_name(source.base_uri, lang, "xlsx")).write_bytes(workbook)
    build.cache.trim()
    pages.clear()


def page_assets(build, output: str, page) -> str:
    """The written page: print styles for print only; where it holds a
    checklist, its controls, stylesheet and scripts (``assets.py``)."""
    return _page_assets(output)
