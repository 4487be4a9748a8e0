"""The English site shows Vietnamese pages that have no translation yet
(mkdocs-static-i18n's fallback); readers are told so."""
from __future__ import annotations

from handbook.content.sources import DEFAULT_LANGUAGE, split_language

NOTICES = {
    "en": ("Not translated yet", "This page has not been translated yet; the Vietnamese text is shown."),
}


def is_fallback(build_lang: str, src_uri: str, file_locale: str | None = None) -> bool:
    """True when the page built for ``build_lang`` comes from another
    language's file (``file_locale`` from static-i18n when known, else the
    file name's suffix)."""
    if build_lang == DEFAULT_LANGUAGE:
        return False
    lang = file_locale or split_language(src_uri)[0]
    return lang != build_lang


def notice(build_lang: str) -> tuple[str, str] | None:
    """(title, text) of the notice in ``build_lang``."""
    return NOTICES.get(build_lang)
