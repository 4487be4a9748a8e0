"""The one state object of a build.

``hooks/pipeline.py`` makes a :class:`Build` at the first ``on_config`` of a
configuration (MkDocs loads the configuration, and the hook, anew for every
build and every preview rebuild) and hands it to every step. Everything a
build works out lives here and goes with it; only what must outlive a
preview rebuild is in :mod:`handbook.build.store`.

mkdocs-static-i18n builds the other languages from inside the default
language's build, so a build is a stack of language builds: ``begin`` at
each ``on_config``, ``end`` after the last ``on_post_build`` step; steps ask
``build.current`` which language they work for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from handbook.build import settings as settings_module
from handbook.build.cache import FOLDER, BuildCache
from handbook.build.i18n import I18n
from handbook.build.store import STORE, Store
from handbook.content import sources as sources_module


@dataclass
class LanguageBuild:
    """What one language's build collects while its pages are rendered."""
    lang: str
    nav_urls: set[str] | None = None                      # pages in this language's navigation
    pdf_pages: list = field(default_factory=list)         # (page, depth) in navigation order
    checklist_pages: list = field(default_factory=list)   # (page, generate spec): their downloads
    search_table: object = None                           # search documents by page (build cache)


class Build:
    def __init__(self, config, store: Store = STORE):
        self.config = config
        self.store = store
        self.root = Path(config.config_file_path).resolve().parent
        self.docs_dir = Path(config.docs_dir)
        self.settings = settings_module.load(config.extra, store.command, store.dirty,
                                             config_file=config.config_file_path)
        self.i18n = I18n(config)
        self.cache = BuildCache(self.root / FOLDER if self.settings.cache else None)
        self.stack: list[LanguageBuild] = []
        self.slots: dict = {}             # page -> finished HTML blocks of generated pages
        self.problems: dict = {}          # (language, file) -> content problems found in pages
        self.not_found: dict[str, str] = {}   # language -> its rendered "not found" page
        self.pdf_background = None        # PDFs rendered while the next language builds
        self._once: dict = {}
        self._sources = None

    # ---- languages ---------------------------------------------------------

    def begin(self) -> LanguageBuild:
        """A language's build starts (``on_config``)."""
        language = LanguageBuild(self.i18n.language)
        self.stack.append(language)
        return language

    def end(self) -> None:
        """The language's build is over (its last ``on_post_build`` step)."""
        if self.stack:
            self.stack.pop()

    @property
    def current(self) -> LanguageBuild:
        return self.stack[-1] if self.stack else LanguageBuild(self.i18n.language)

    @property
    def lang(self) -> str:
        return self.current.lang

    @property
    def final(self) -> bool:
        """The outermost build, once every language it makes is built (steps
        that need the whole site act only then)."""
        return not self.i18n.nested

    # ---- shared results ----------------------------------------------------

    @property
    def sources(self) -> list:
        """Every Markdown source, read once per build (front matter checked:
        file, line and fix on the first problem)."""
        if self._sources is None:
            self._sources = sources_module.load(self.docs_dir, self.root)
        return self._sources

    @property
    def edition(self):
        """The printed handbook's edition (a setting, else the last commit's date)."""
        from handbook.publish import pdf

        return self.once("edition", lambda: pdf.edition_date(self.settings.edition, self.root))

    @property
    def editorial(self):
        """The editors' context of this build (git history, the build's day)."""
        from handbook.editorial import steps

        return self.once("editorial", lambda: steps.context(self))

    def once(self, key, make: Callable[[], object]):
        """``make()``, worked out once per build (both languages share it)."""
        if key not in self._once:
            self._once[key] = make()
        return self._once[key]

    def shown(self, path: str | Path) -> str:
        """A file as editors see it: relative to the project."""
        path = Path(path)
        for candidate in (path, path.resolve()):  # resolving is a system call: only when needed
            try:
                return candidate.relative_to(self.root).as_posix()
            except ValueError:
                continue
        return path.as_posix()
