"""Hook: regulation pages get their metadata box and their "cited in" lists;
``generate: documents-index`` fills the documents index."""
from pathlib import Path

from adapter import current_language, editor_errors, repo_root, site_sources
from handbook import backlinks, generated, memo, regulations, sources
from handbook.buildcache import BuildCache

_state: dict = {}


@memo.per_sources
def _regulations(all_sources, lang):
    return regulations.collect(all_sources, lang)


CHECKLIST_ITEM_PREFIX = "ck-"  # an item's anchor on its page: hooks/checklists.py gives it


@memo.per_sources
def _citations(all_sources, lang, items_rendered):
    targets = set(_regulations(all_sources, lang))
    # each page's citations, kept in the build cache by its text
    table = BuildCache.for_project(_state["root"]).table(f"citations-{lang}", backlinks.code_version(),
                                                      backlinks.valid_cached)
    index = backlinks.build_index(all_sources, lang, targets,
                                  CHECKLIST_ITEM_PREFIX if items_rendered else None, table)
    table.save()
    return index


def on_files(files, config):
    _state["sources"] = site_sources(config)
    _state["docs_dir"] = Path(config.docs_dir)
    _state["root"] = repo_root(config)
    # checklist items have their own anchor only where the checklists hook renders them
    _state["items_rendered"] = any(Path(str(name)).stem == "checklists" for name in (config.hooks or {}))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.abs_src_path is None:
        return markdown
    lang = current_language(config)
    src_uri = Path(page.file.abs_src_path).relative_to(_state["docs_dir"]).as_posix()
    _, base = sources.split_language(src_uri)
    with editor_errors():
        regs = _regulations(_state["sources"], lang)
        reg = regs.get(base)
        if reg is None:
            return markdown
        markdown = backlinks.insert(markdown, base, _citations(_state["sources"], lang, _state["items_rendered"]).get(base, []), lang)
        return regulations.insert_after_title(markdown, regulations.header_box(reg, regs, lang))


@generated.register("documents-index")
def documents_index(request: generated.Request) -> str:
    return regulations.documents_index(_regulations(request.sources, request.lang), request.lang,
                                       request.source.base_uri)
