"""The build of the handbook, in order: the one hook file MkDocs loads.

MkDocs calls the functions below by event; each calls the handbook's steps
in the order they must run, so this file reads as the build does, top to
bottom. A step is a plain function of the package ``handbook``
(``src/handbook/<capability>/steps.py``); every piece of state it keeps is on
the ``Build`` made at the first ``on_config`` of a configuration
(``handbook.build.state``), or, if it must outlive a preview rebuild, in the
one store (``handbook.build.store``).

Some events need steps on both sides of another plugin's handler, and the
priorities say where (higher runs earlier; plugins' handlers run at 0 unless
they say otherwise): Material's search plugin makes its index in
``on_config`` at 0 and reads pages in ``on_page_context`` at 0;
mkdocs-static-i18n reconfigures in ``on_config`` at -100 and builds the other
languages from inside the first language's ``on_post_build`` at -100.
README.md, "Architecture", shows the same order as a table.
"""
from types import MappingProxyType

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from handbook.build import steps as build_steps
from handbook.build.state import Build
from handbook.build.store import STORE
from handbook.checklists import steps as checklists
from handbook.content import steps as content
from handbook.editorial import pages as editorial_pages
from handbook.editorial import steps as editorial
from handbook.errors import ContentError, ContentErrors
from handbook.lint import steps as lint
from handbook.models import steps as models
from handbook.pages import steps as pages
from handbook.plan import steps as plan
from handbook.publish import steps as publish
from handbook.search import steps as search

# Pages the build fills (``generate: <kind>[:argument]`` in front matter).
GENERATORS = MappingProxyType({
    "documents-index": pages.documents_index,
    "qa-index": pages.qa_index,
    "unverified": editorial.unverified_report,
    "review-status": editorial_pages.review_status,
    "translation-status": editorial_pages.translation_status,
    "recent-changes": editorial_pages.recent_changes_page,
    "models-index": models.models_index,
    **checklists.GENERATORS,
    **plan.GENERATORS,
})

_build: Build | None = None  # this configuration's build (MkDocs loads this file anew with each)


def _run(step, *args):
    """A step's content problems stop the build with file, line and fix, not
    a Python traceback."""
    try:
        return step(*args)
    except (ContentError, ContentErrors) as problems:
        raise PluginError(f"\n{problems}\n") from None


def on_startup(command, dirty):
    STORE.start(command, dirty)


# ---- configuration ------------------------------------------------------------

@event_priority(100)  # first: before Material's search (0) and mkdocs-static-i18n (-100)
def _config_first(config):
    global _build
    if _build is None or _build.config is not config:
        _build = _run(Build, config)
    _run(build_steps.choose_language, _build)          # and this language's build begins
    content.configure_anchors(config)
    _run(build_steps.quiet_dirty_notice, _build)
    _run(content.refuse_symlinks, _build)
    return config


@event_priority(-10)  # after Material's search plugin made its index
def _config_search(config):
    search.take_over_index(config)
    return config


on_config = CombinedEvent(_config_first, _config_search)


def on_pre_build(config):
    _run(lint.lint_once, _build)


# ---- files and navigation -----------------------------------------------------

@event_priority(0)
def _files(files, config):
    _run(content.check_front_matter, _build)
    _run(checklists.collection, _build)
    _run(plan.check_holiday_files, _build)
    _run(models.collection, _build)
    return search.drop_material_assets(files)


@event_priority(-200)  # after mkdocs-static-i18n (-100) chose this language's files
def _files_preview(files, config):
    return _run(build_steps.remove_stale_pages, _build, files)


on_files = CombinedEvent(_files, _files_preview)


def on_nav(nav, config, files):
    search.note_navigation(_build, nav)
    publish.pdf_pages(_build, nav)
    return nav


# ---- each page ------------------------------------------------------------------
# (mkdocs-static-i18n's on_page_markdown runs first, at 50.)

def on_page_markdown(markdown, page, config, files):
    if page.file.abs_src_path is None:
        return markdown
    _run(content.refuse_deep_nesting, _build, page)
    markdown = _run(pages.fill_generated, _build, markdown, page, files, GENERATORS)
    pages.untranslated_notice(_build, page)
    markdown = editorial.verification_notice(_build, markdown, page)
    markdown = _run(pages.regulation_page, _build, markdown, page)
    markdown = _run(models.model_page, _build, markdown, page)
    _run(editorial.page_facts, _build, page)
    return _run(checklists.item_boxes, _build, markdown, page)


@event_priority(100)  # first: the generated blocks go in before anything reads the page
def _content_generated(html, page, config, files):
    return pages.place_generated_html(_build, html, page)


@event_priority(-50)  # last: everything that reaches the page is in it
def _content_checked(html, page, config, files):
    if page.file.abs_src_path is not None:
        content.check_page_content(_build, html, page)
    return html


on_page_content = CombinedEvent(_content_generated, _content_checked)


@event_priority(10)  # before Material's search plugin (0) removes the page's data-search-* attributes
def _context_search(context, page, config, nav):
    search.index_page(_build, page)
    return context


@event_priority(0)
def _context_pdf(context, page, config, nav):
    return _run(publish.pdf_link, _build, context, page)


on_page_context = CombinedEvent(_context_search, _context_pdf)


def on_post_page(output, page, config):
    output = checklists.page_assets(_build, output, page)
    return publish.finish_page(_build, output, page)


def on_post_template(output_content, template_name, config):
    return publish.keep_not_found(_build, output_content, template_name)


# ---- after the pages ------------------------------------------------------------

@event_priority(50)  # before mkdocs-static-i18n (-100) builds the other languages
def _built_checks(config):
    _run(content.report_content_problems, _build)


@event_priority(0)
def _built_language(config):
    publish.localise_bundle(_build)
    _run(checklists.write_downloads, _build)
    _run(plan.write_files, _build)
    _run(publish.write_pdf, _build)


@event_priority(-90)  # just before mkdocs-static-i18n (-100) would build the other languages
def _built_hold(config):
    build_steps.hold_other_languages(_build)


@event_priority(-150)  # after mkdocs-static-i18n (-100) built the other languages
def _built_error_pages(config):
    publish.write_error_pages(_build)


@event_priority(-200)
def _built_site(config):
    search.write_index(_build)                 # replaces mkdocs-static-i18n's merged index
    _run(publish.check_site, _build)           # the whole site, once every language is built
    publish.drop_relative_sitemap(_build)      # no sitemap of relative addresses (no site_url)


@event_priority(-300)  # last
def _built_last(config):
    publish.precompress(_build)
    _build.end()                               # this language's build is over


on_post_build = CombinedEvent(_built_checks, _built_language, _built_hold, _built_error_pages,
                              _built_site, _built_last)
