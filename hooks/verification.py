"""Hook: verification marks (``verified: false`` pages, ``!!! unverified``
statements) — reader notice, admonition titles, editors' report page."""
from html import escape
from pathlib import Path

from adapter import current_language, site_sources
from handbook import generated, notices, sources, verification

NOTICE = {
    "vi": ("Trang chưa được đối chiếu với văn bản chính thức",
           "Nội dung trang này chưa được kiểm tra lại với văn bản chính thức; khi áp dụng, hãy đối chiếu văn bản gốc."),
    "en": ("This page has not been checked against the official text",
           "The content of this page has not yet been checked against the official text; "
           "check the original before relying on it."),
}
NOTE_LABEL = {"vi": "Cần kiểm tra", "en": "To check"}

_state: dict = {}


def on_files(files, config):
    _state["sources"] = site_sources(config)
    _state["docs_dir"] = Path(config.docs_dir)
    return files


def _merged_meta(page) -> dict:
    """Page metadata with the Vietnamese original's fields as defaults."""
    by_uri = _state.get("by_src_uri")
    if by_uri is None or by_uri[0] is not _state.get("sources"):
        all_sources = _state.get("sources") or []
        by_uri = (_state.get("sources"), {s.src_uri: s for s in all_sources})
        _state["by_src_uri"] = by_uri
    src_uri = Path(page.file.abs_src_path).relative_to(_state["docs_dir"]).as_posix()
    _, base = sources.split_language(src_uri)
    original = by_uri[1].get(base)
    merged = dict(original.meta) if original else {}
    merged.update(page.meta or {})
    return merged


def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    meta = _merged_meta(page)
    if meta.get("verified") is False:
        title, text = NOTICE.get(lang, NOTICE["vi"])
        note = meta.get("verify_note")
        html = escape(text)
        if note:
            html += f" <strong>{escape(NOTE_LABEL.get(lang, 'Cần kiểm tra'))}:</strong> {escape(str(note))}"
        notices.add(page.meta, "unverified", "warning", title, html)
    return verification.add_default_titles(markdown, lang)


@generated.register("unverified")
def unverified_report(request: generated.Request) -> str:
    shown = {s.src_uri for s in sources.for_language(request.sources, request.lang).values()}
    marks = verification.find_unverified(request.sources)
    return verification.render_report(marks, request.lang, request.source.base_uri, shown)
