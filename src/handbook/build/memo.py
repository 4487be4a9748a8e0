"""Remember results computed from the site's sources.

Steps run once per language build, and ``mkdocs serve`` rebuilds after each
edit. ``sources.read`` returns the same ``Source`` objects while files are
unchanged, so their identities make a cheap key: work done for the Vietnamese
build is reused by the English one, and redone after an edit. The results
live in the store (:mod:`handbook.build.store`), one namespace per function.
"""
from __future__ import annotations

import functools

from handbook.build.store import STORE


def _space(function) -> dict:
    return STORE.space(f"memo:{function.__module__}.{function.__qualname__}")


def per_sources(function):
    """Cache ``function(sources, *args)`` on the identity of ``sources``' items
    (and ``args``); keeps the latest results only."""
    space = _space(function)

    @functools.wraps(function)
    def wrapper(sources, *args):
        cache = space.setdefault("results", {})
        last = space.setdefault("last", [None, None, None])  # the list object, args, result
        # Hooks pass the same list for every page of a build: checking its
        # identity first keeps a call O(1) instead of O(pages) (O(pages^2) a build).
        if last[0] is sources and last[1] == args:
            return last[2]
        key = (tuple(id(s) for s in sources), args)
        if key not in cache:
            if len(cache) > 8:
                cache.clear()
            cache[key] = (list(sources), function(sources, *args))  # hold sources: ids stay valid
        last[:] = [sources, args, cache[key][1]]
        return cache[key][1]

    wrapper.cache_clear = space.clear
    return wrapper


def per_source(function):
    """Cache ``function(source)`` on the identity of ``source`` (a ``Source``
    is read once while its file is unchanged: both language builds, and every
    capability, ask about the same object)."""
    cache = _space(function)

    @functools.wraps(function)
    def wrapper(source):
        hit = cache.get(id(source))
        if hit is not None and hit[0] is source:
            return hit[1]
        if len(cache) > 20000:  # long `mkdocs serve` sessions: drop stale entries
            cache.clear()
        result = function(source)
        cache[id(source)] = (source, result)  # hold the source: its id stays its own
        return result

    wrapper.cache_clear = cache.clear
    return wrapper
