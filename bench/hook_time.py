"""Run ``mkdocs`` (arguments as given) and report the time spent in the
project's own hooks, measured in the same process as the whole build.

Builds run one after the other see the machine's speed drift; a hook's time
and the build's time measured together do not. The figure counts the hooks'
callbacks only (not the Markdown of the pages they add). What they save,
Material's search parser, which they replace, is timed too: the callbacks of
Material's search plugin. Prints
``HOOK_TIME <hooks seconds> <build seconds> <Material search seconds>`` to stderr.
"""
from __future__ import annotations

import functools
import runpy
import sys
import time
from pathlib import Path

from mkdocs import plugins

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
spent = [0.0]   # our hooks' callbacks
search = [0.0]  # Material's search plugin's callbacks
SEARCH_MODULE = "material.plugins.search"
_run_event = plugins.PluginCollection.run_event


@functools.lru_cache(maxsize=None)
def _in_hooks(filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(HOOKS)


def _ours(method) -> bool:
    code = getattr(getattr(method, "__func__", method), "__code__", None)
    return code is not None and _in_hooks(code.co_filename)


def _material_search(method) -> bool:
    return getattr(method, "__module__", "").startswith(SEARCH_MODULE)


def run_event(self, name, item=None, **kwargs):
    # MkDocs' own loop (PluginCollection.run_event), with our callbacks and
    # Material search's timed; mkdocs-static-i18n builds the other language
    # inside its own callback, whose hooks are counted there.
    pass_item = item is not None
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "<unknown>")
        bucket = spent if _ours(method) else search if _material_search(method) else None
        started = time.perf_counter() if bucket is not None else None
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        if bucket is not None:
            bucket[0] += time.perf_counter() - started
        if result is not None:
            item = result
    self._current_plugin = None
    return item


def main() -> None:
    plugins.PluginCollection.run_event = run_event
    started = time.perf_counter()
    sys.argv = ["mkdocs", *sys.argv[1:]]
    try:
        runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
    finally:
        print(f"HOOK_TIME {spent[0]:.3f} {time.perf_counter() - started:.3f} {search[0]:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
