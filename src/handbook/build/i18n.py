"""The one adapter for mkdocs-static-i18n (1.3.1): the only module that
touches the plugin's internals. tests/unit/build/test_i18n.py holds one test
per assumption made here, so a plugin upgrade that breaks one fails there.

What the build needs to know from the plugin:

* which language the build under way makes (``current_language``), and how
  to choose one before the plugin starts (a build of one language);
* whether this build runs inside another (the plugin builds the other
  languages from inside the default language's ``on_post_build``, priority
  -100, with ``building`` set): steps that need the whole site wait for the
  outermost build;
* in which order the languages are built;
* the configuration values as written, before a language's overrides
  (``original_configs``);
* whether a page is the default language's file shown on another
  language's site (``File.locale``).
"""
from __future__ import annotations

from handbook.content.sources import DEFAULT_LANGUAGE

# Event priorities of the plugin's handlers this build is ordered around.
CONFIG_PRIORITY = -100       # on_config: it reconfigures for the language
POST_BUILD_PRIORITY = -100   # on_post_build: it builds the other languages here


class I18n:
    def __init__(self, config):
        self.plugin = config.plugins.get("i18n")

    @property
    def language(self) -> str:
        """The language being built."""
        return getattr(self.plugin, "current_language", None) or DEFAULT_LANGUAGE

    def choose(self, language: str | None) -> None:
        """Build ``language`` (None: all, default first). Only before the
        plugin's own on_config, which starts with the default language when
        none is set yet."""
        if language and self.plugin is not None and self.plugin.current_language is None:
            self.plugin.current_language = language

    @property
    def nested(self) -> bool:
        """True inside the plugin's build of another language."""
        return bool(getattr(self.plugin, "building", False))

    def hold_other_languages(self) -> None:
        """Stop the plugin from building the other languages after this one
        (each language has a process of its own: tools/build.py joins them)."""
        if self.plugin is not None:
            self.plugin.building = True

    def order(self) -> list[str]:
        """The languages in the order this process builds them."""
        languages = list(getattr(self.plugin, "build_languages", None) or [])
        default = getattr(self.plugin, "default_language", None)
        return [default] + [code for code in languages if code != default] if default else languages

    def original(self, key: str, current):
        """``key`` of the configuration as mkdocs.yml writes it (the plugin
        replaces some values, site_name first, by each language's own)."""
        originals = getattr(self.plugin, "original_configs", None) or {}
        return originals.get(key, current)

    @staticmethod
    def locale_of(file) -> str | None:
        """The language of the file a page is built from (the default
        language's file on another language's site is a fallback)."""
        return getattr(file, "locale", None)
