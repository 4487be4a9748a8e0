"""Hook: the printable handbook, one PDF per language (handbook/pdf/).

- on_nav: remember the pages of the language being built, in navigation order;
- on_page_context: give templates the PDF's address (header and home page link);
- on_post_build: once the language's pages are written, print them to
  ``<site>/cam-nang-dan-chu-co-so-<edition>.pdf`` (English: ``….en.pdf``);
  the languages' PDFs are rendered in parallel (see on_post_build).

``mkdocs build`` makes the PDFs, ``mkdocs serve`` does not; HANDBOOK_PDF=0/1
overrides (the Makefile's ``serve`` sets 0, ``pdf`` sets 1).
"""
import logging
from pathlib import Path

from mkdocs.utils import get_relative_url

from adapter import current_language, editor_errors, repo_root
from handbook import build_languages, pdf
from handbook.pdf.assemble import PdfPage
from handbook.sources import split_language

log = logging.getLogger("mkdocs.hooks.pdf")
_state = {"command": None, "nav": {}}


def on_startup(command, dirty):
    _state["command"] = command


def _on(config) -> bool:
    return pdf.enabled(_state["command"])


def _edition(config):
    key = (str(config.extra.get("edition_date")), str(repo_root(config)))
    if _state.get("edition", (None,))[0] != key:
        with editor_errors():
            _state["edition"] = (key, pdf.edition_date(config.extra, repo_root(config)))
    return _state["edition"][1]


def on_nav(nav, config, files):
    if not _on(config):
        return nav
    entries = []

    def walk(items, depth):
        for item in items:
            if item.is_page:
                entries.append((item, depth))
            elif item.is_section:
                for child in item.children:
                    if child.is_page and child.is_index:
                        entries.append((child, depth))
                    else:
                        walk([child], depth + 1)

    walk(nav.items, 1)
    _state["nav"][current_language(config)] = entries
    return nav


def on_page_context(context, page, config, nav):
    if _on(config):
        lang = current_language(config)
        edition = _edition(config)
        _, base_uri = split_language(page.file.src_uri)
        context["handbook_pdf"] = pdf.link(lang, edition, page.url, get_relative_url,
                                           home=base_uri == "index.md")
    return context


def _last_language(config, lang) -> bool:
    """Is ``lang`` the last language this build makes? mkdocs-static-i18n
    builds the default language, then (in its on_post_build, after ours) the
    others in their configured order; HANDBOOK_LANGUAGE makes only one."""
    if build_languages.requested():
        return True
    i18n = config.plugins.get("i18n")
    languages = list(getattr(i18n, "build_languages", None) or [])
    default = getattr(i18n, "default_language", None)
    order = [default] + [code for code in languages if code != default] if default else languages
    return not order or lang == order[-1]


def on_post_build(config):
    """Print this language's pages. Every language but the last is rendered
    in a worker process while the build goes on (the next language's pages,
    its PDF); the last language's build renders its own PDF and waits for the
    others, so the build fails when any PDF fails."""
    if not _on(config):
        return
    lang = current_language(config)
    root = repo_root(config)
    pages = []
    for page, depth in _state["nav"].get(lang, []):
        _, base_uri = split_language(page.file.src_uri)
        if pdf.excluded(base_uri):
            continue
        source = Path(page.file.abs_src_path).resolve()
        try:
            shown = source.relative_to(root).as_posix()
        except ValueError:
            shown = page.file.src_uri
        dest = Path(page.file.abs_dest_path)
        pages.append(PdfPage(source=shown, url=page.url, depth=depth,
                             html=dest.read_text(encoding="utf-8"),
                             title=page.title or "", dest=str(dest)))
    background = _state.setdefault("background", pdf.Background())
    with editor_errors():
        job = pdf.prepare(pages, lang, config.site_name, config.copyright or "",
                          _edition(config), Path(config.site_dir), root / "fonts")
        if not _last_language(config, lang):
            background.start(job)
            return
        try:
            own = pdf.run(job)  # while the other languages render in the worker
            results = background.wait() + [own]
        finally:
            background.close()
    for result in results:
        log.info(f"PDF: {result.pages} pages, {result.bytes / 1e6:.2f} MB in "
                 f"{result.seconds:.1f} s ({result.cpu_seconds:.1f} s CPU) -> {result.path.name}")
