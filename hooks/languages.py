"""Hook: build one language only when ``HANDBOOK_LANGUAGE`` says so.

Listed first in mkdocs.yml: the other hooks ask mkdocs-static-i18n which
language is being built, so it must be set before they run. Logic and the
joining of per-language builds: ``handbook/build_languages.py``.
"""
from mkdocs.plugins import event_priority

from adapter import editor_errors
from handbook import build_languages


def _i18n(config):
    return config.plugins.get("i18n")


@event_priority(100)  # before every other on_config, static-i18n's (-100) included
def on_config(config):
    with editor_errors():
        language = build_languages.requested()
    i18n = _i18n(config)
    if language and i18n is not None and i18n.current_language is None:
        # static-i18n starts with the default language when none is set yet.
        i18n.current_language = language
    return config


@event_priority(-90)  # just before static-i18n's on_post_build (-100) builds the others
def on_post_build(config):
    i18n = _i18n(config)
    if build_languages.requested() and i18n is not None:
        # static-i18n skips the other languages while it believes it is
        # building them; the site-wide steps (is_final_build) wait for the
        # join of the per-language builds (tools/build.py).
        i18n.building = True
