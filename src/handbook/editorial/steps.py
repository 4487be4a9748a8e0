"""Build steps of the editors' workflow: last-updated dates, owners, review
and translation notices, edit links, verification marks, and the editors'
generated pages. Git is asked once per build (one ``git log`` over docs/),
not once per page nor once per language."""
from __future__ import annotations

from html import escape
from pathlib import Path

from handbook.content import sources
from handbook.content.inheritance import inherited_meta
from handbook.editorial import history, verification
from handbook.editorial import pages as editorial
from handbook.pages import generated, notices

UNVERIFIED_NOTICE = {
    "vi": ("Trang chưa được đối chiếu với văn bản chính thức",
           "Nội dung trang này chưa được kiểm tra lại với văn bản chính thức; khi áp dụng, hãy đối chiếu văn bản gốc."),
    "en": ("This page has not been checked against the official text",
           "The content of this page has not yet been checked against the official text; "
           "check the original before relying on it."),
}
NOTE_LABEL = {"vi": "Cần kiểm tra", "en": "To check"}


def context(build) -> editorial.Context:
    """What the editors' features need, once per build (history, the day)."""
    return editorial.Context(history=history.read_history(build.docs_dir), today=build.settings.today,
                             sources=build.sources, edit_url_template=build.settings.edit_url_template or None)


def _meta(build, page) -> dict:
    src_uri = Path(page.file.abs_src_path).relative_to(build.docs_dir).as_posix()
    originals = build.once("originals", lambda: {s.src_uri: s for s in build.sources
                                                 if s.lang == sources.DEFAULT_LANGUAGE})
    return inherited_meta(originals.get(sources.split_language(src_uri)[1]), page.meta)


def verification_notice(build, markdown: str, page) -> str:
    """A page marked ``verified: false`` warns readers; ``!!! unverified``
    boxes get their title in the reader's language."""
    meta = _meta(build, page)
    if meta.get("verified") is False:
        title, text = UNVERIFIED_NOTICE.get(build.lang, UNVERIFIED_NOTICE["vi"])
        note = meta.get("verify_note")
        html = escape(text)
        if note:
            html += f" <strong>{escape(NOTE_LABEL.get(build.lang, 'Cần kiểm tra'))}:</strong> {escape(str(note))}"
        notices.add(page.meta, "unverified", "warning", title, html)
    return verification.add_default_titles(markdown, build.lang)


def page_facts(build, page) -> None:
    """The footer's facts (updated, owner, reviews, edit link) and the review
    and translation notices."""
    ctx = build.editorial
    lang = build.lang
    src_uri = page.file.src_uri
    file_lang, base = sources.split_language(src_uri)
    meta = inherited_meta(ctx.originals().get(base), page.meta)
    updated = history.last_updated(ctx.history, src_uri, page.file.abs_src_path)
    page.meta["page_facts"] = editorial.page_facts(lang, src_uri, meta, updated, ctx.today, ctx.edit_url_template)
    notice = editorial.review_notice(lang, meta, ctx.today)
    if notice:
        notices.add(page.meta, *notice)
    if file_lang != sources.DEFAULT_LANGUAGE:
        status = ctx.translations().get(base)
        original_url = base[:-3] + "/" if base.endswith(".md") else base
        if original_url.endswith("index/"):
            original_url = original_url[: -len("index/")]
        notice = editorial.translation_notice(status, editorial.relative_url(page.url, original_url))
        if notice:
            notices.add(page.meta, *notice)


def unverified_report(request: generated.Request) -> str:
    """``generate: unverified``: every page and statement still to verify."""
    shown = {s.src_uri for s in sources.for_language(request.sources, request.lang).values()}
    marks = verification.find_unverified(request.sources)
    return verification.render_report(marks, request.lang, request.source.base_uri, shown)
