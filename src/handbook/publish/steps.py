"""Build steps of publishing: what the web server and the reader's browser
get besides the pages — a bundle that fetches nothing from another host, no
alternate links that send Material after missing sitemaps, a "not found"
page per language and the server's error pages, the printable handbook, the
safety scan of the finished site, and precompressed files."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.utils import get_relative_url

from handbook.content.sources import DEFAULT_LANGUAGE, split_language
from handbook.pages.regulations import STATUS_LABELS
from handbook.publish import alternates, compress, csp, errorpages, markup, offline, pdf
from handbook.publish.pdf.assemble import PdfPage

log = logging.getLogger("mkdocs.hooks.pdf")


def localise_bundle(build) -> None:
    """The theme bundle's third-party script addresses point at local copies,
    and it looks up no sitemap for the head's language alternates."""
    for bundle in Path(build.config.site_dir, "assets", "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        new_text, changed = offline.localise_bundle(text)
        new_text, unlooked = offline.no_sitemap_lookups(new_text)
        if changed or unlooked:
            bundle.write_text(new_text, encoding="utf-8")


def drop_alternates(output: str) -> str:
    """No head alternate links that make Material fetch missing sitemaps."""
    return alternates.drop_alternate_links(output)


def finish_page(build, output: str, page) -> str:
    """A published page's last touches (handbook.publish.markup): Material's
    invalid markup made valid, status icons in words, and the head's language
    alternates: absolute when ``site_url`` is set (Material no longer fetches
    sitemaps for them: offline.localise_bundle), dropped otherwise (relative
    alternates mean nothing to search engines, and made Material fetch
    sitemaps that do not exist)."""
    output = markup.focusable_tab_labels(markup.valid_material_markup(output))
    output = markup.status_in_words(output, STATUS_LABELS.get(build.lang, STATUS_LABELS["vi"]))
    site_url = build.config.site_url or ""
    if not site_url:
        return alternates.drop_alternate_links(output)
    return markup.absolute_alternates(output, site_url, DEFAULT_LANGUAGE, page.url)


def drop_relative_sitemap(build) -> None:
    """Without ``site_url`` MkDocs writes a sitemap of relative addresses,
    which no search engine accepts: none is published (deploy/README.md,
    "Site address")."""
    # every language's build, each in its own output (the parallel builds
    # are joined later, without their sitemaps)
    if not (build.config.site_url or ""):
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            Path(build.config.site_dir, name).unlink(missing_ok=True)


def keep_not_found(build, output: str, template_name: str) -> str:
    """The "not found" page of the language being built (each language's
    build renders 404.html into the same place: the last one would win)."""
    if template_name != errorpages.NOT_FOUND:
        return output
    output = errorpages.switch_to_home_pages(alternates.drop_alternate_links(output))
    output = markup.status_in_words(markup.valid_material_markup(output),
                                    STATUS_LABELS.get(build.lang, STATUS_LABELS["vi"]))
    build.not_found[build.lang] = output
    return output


def write_error_pages(build) -> None:
    """Each language's "not found" page at its own path, and the bilingual
    pages for the server's other errors (the same files from every
    language's build; the site's name as mkdocs.yml writes it)."""
    site = Path(build.config.site_dir)
    errorpages.write_not_found_pages(site, build.not_found)
    errorpages.write_error_pages(site, build.i18n.original("site_name", build.config.site_name))


def check_site(build) -> None:
    """Once every language is built: nothing a browser would run or follow
    unasked in any page."""
    if build.final:
        csp.check_site(Path(build.config.site_dir), workers=build.settings.jobs, cache=build.cache)


def precompress(build) -> None:
    """Last: precompressed copies for nginx (not for the preview server)."""
    if build.final and not build.settings.preview:
        compress.precompress(compress.candidates(Path(build.config.site_dir)), workers=build.settings.jobs,
                             cache=build.cache)
        build.cache.trim()


# ---- the printable handbook -------------------------------------------------

def pdf_pages(build, nav) -> None:
    """This language's pages in navigation order, with their depth."""
    if not build.settings.pdf:
        return
    entries = build.current.pdf_pages

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


def pdf_link(build, context: dict, page) -> dict:
    """Templates offer the PDF in the header and on the home page."""
    if build.settings.pdf:
        _, base_uri = split_language(page.file.src_uri)
        context["handbook_pdf"] = pdf.link(build.lang, build.edition, page.url, get_relative_url,
                                           home=base_uri == "index.md")
    return context


def _last_language(build, lang: str) -> bool:
    """Is ``lang`` the last language this process builds?"""
    if build.settings.language:
        return True
    order = build.i18n.order()
    return not order or lang == order[-1]


def write_pdf(build) -> None:
    """Print this language's pages. Every language but the last is rendered
    in a worker process while the build goes on (the next language's pages,
    its PDF); the last language's build renders its own PDF and waits for the
    others, so the build fails when any PDF fails."""
    if not build.settings.pdf:
        return
    lang = build.lang
    pages = []
    for page, depth in build.current.pdf_pages:
        _, base_uri = split_language(page.file.src_uri)
        if pdf.excluded(base_uri):
            continue
        source = Path(page.file.abs_src_path).resolve()
        try:
            shown = source.relative_to(build.root).as_posix()
        except ValueError:
            shown = page.file.src_uri
        dest = Path(page.file.abs_dest_path)
        pages.append(PdfPage(source=shown, url=page.url, depth=depth, html=dest.read_text(encoding="utf-8"),
                             title=page.title or "", dest=str(dest), prefix=pdf.annex_prefix(base_uri, lang)))
    if build.pdf_background is None:
        build.pdf_background = pdf.Background()
    background = build.pdf_background
    job = pdf.prepare(pages, lang, build.config.site_name, build.config.copyright or "", build.edition,
                      Path(build.config.site_dir), build.root / "fonts")
    if not _last_language(build, lang):
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

