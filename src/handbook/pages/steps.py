"""Build steps of the pages the build writes or completes: pages filled by
``generate: <kind>``, the notice on untranslated pages, and the regulation
pages' metadata box and "cited in" lists."""
from __future__ import annotations

from html import escape
from pathlib import Path

from handbook.content import sources
from handbook.pages import backlinks, generated, notices, qa, regulations, untranslated

# An item's anchor on its page (the checklists render each item with it).
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX


def fill_generated(build, markdown: str, page, files, generators) -> str:
    """A page with ``generate: <kind>[:argument]`` gets its body from the
    generator of that kind, after the editor's own text; large finished HTML
    blocks wait in the page's slots until the Markdown is converted."""
    spec = page.meta.get("generate")
    if not spec:
        return markdown
    this = sources.read(build.docs_dir, Path(page.file.abs_src_path), build.root)
    slots = build.slots[page.file.src_uri] = generated.Slots()
    extra = {"config": build.config, "files": files, "page": page, "build": build,
             "editorial": build.editorial}

    def request(argument):
        return generated.Request(this, build.lang, argument, build.sources, extra, slots)

    return markdown.rstrip() + "\n\n" + generated.render(spec, request, generators) + "\n"


def place_generated_html(build, html: str, page) -> str:
    slots = build.slots.pop(page.file.src_uri, None)
    return slots.fill(html) if slots is not None else html


def untranslated_notice(build, page) -> None:
    """English pages that show the Vietnamese text say so."""
    src_uri = Path(page.file.abs_src_path).relative_to(build.docs_dir).as_posix()
    if untranslated.is_fallback(build.lang, src_uri, build.i18n.locale_of(page.file)):
        text = untranslated.notice(build.lang)
        if text:
            notices.add(page.meta, "untranslated", "info", text[0], escape(text[1]))


def _regulations(build, lang: str) -> dict:
    return build.once(("regulations", lang), lambda: regulations.collect(build.sources, lang))


def _citations(build, lang: str) -> dict:
    def make():
        targets = set(_regulations(build, lang))
        # each page's citations, kept in the build cache by its text
        table = build.cache.table(f"citations-{lang}", backlinks.code_version(), backlinks.valid_cached)
        index = backlinks.build_index(build.sources, lang, targets, CHECKLIST_ITEM_PREFIX, table)
        table.save()
        return index
    return build.once(("citations", lang), make)


def regulation_page(build, markdown: str, page) -> str:
    """A regulation page gets its metadata box after the title and, under
    each article, where the handbook cites it."""
    src_uri = Path(page.file.abs_src_path).relative_to(build.docs_dir).as_posix()
    _, base = sources.split_language(src_uri)
    regs = _regulations(build, build.lang)
    reg = regs.get(base)
    if reg is None:
        return markdown
    markdown = backlinks.insert(markdown, base, _citations(build, build.lang).get(base, []), build.lang)
    return regulations.insert_after_title(markdown, regulations.header_box(reg, regs, build.lang))


def documents_index(request: generated.Request) -> str:
    """``generate: documents-index``: every regulation, by kind."""
    return regulations.documents_index(regulations.collect(request.sources, request.lang), request.lang,
                                       request.source.base_uri)


def qa_index(request: generated.Request) -> str:
    """``generate: qa-index``: every question, by topic."""
    return qa.topic_index(qa.topics(request.sources, request.lang), request.lang, request.source.base_uri)
