"""Hook: a notice on English pages that fall back to the Vietnamese text."""
from html import escape
from pathlib import Path

from adapter import current_language
from handbook import notices, untranslated


def on_page_markdown(markdown, page, config, files):
    if page.file.abs_src_path is None:
        return markdown
    lang = current_language(config)
    src_uri = Path(page.file.abs_src_path).relative_to(config.docs_dir).as_posix()
    if untranslated.is_fallback(lang, src_uri, getattr(page.file, "locale", None)):
        text = untranslated.notice(lang)
        if text:
            notices.add(page.meta, "untranslated", "info", text[0], escape(text[1]))
    return markdown
