"""What survives ``mkdocs serve`` rebuilds: one named store.

MkDocs loads the configuration anew for every rebuild of a preview, and with
it the hook and a new :class:`~handbook.build.state.Build`: everything a build
works out lives on that object and goes with it. Only work that depends on
nothing but unchanged files is kept here, so a preview after an edit redoes
what the edit changed: the files read and parsed (by size and modification
time), results computed from the same ``Source`` objects (by identity), and
what the previous preview's pages depended on.

One process, one store; each capability asks for its own namespace.
"""
from __future__ import annotations


class Store:
    def __init__(self):
        self._spaces: dict[str, dict] = {}
        self.command: str | None = None   # "build" or "serve" (MkDocs' on_startup)
        self.dirty: bool = False          # `mkdocs serve --dirty`

    def space(self, name: str) -> dict:
        """The namespace ``name`` (a dict, created on first use)."""
        return self._spaces.setdefault(name, {})

    def start(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def clear(self) -> None:
        """Forget everything (tests; a long preview session never needs it)."""
        self._spaces.clear()


STORE = Store()
