"""Remember results computed from the site's sources.

Hooks run once per language build, and ``mkdocs serve`` rebuilds after each
edit. ``sources.read`` returns the same ``Source`` objects while files are
unchanged, so their identities make a cheap key: work done for the Vietnamese
build is reused by the English one, and redone after an edit.
"""
from __future__ import annotations

import functools


def per_sources(function):
    """Cache ``function(sources, *args)`` on the identity of ``sources``' items
    (and ``args``); keeps the latest results only."""
    cache: dict = {}

    @functools.wraps(function)
    def wrapper(sources, *args):
        key = (tuple(id(s) for s in sources), args)
        if key not in cache:
            if len(cache) > 8:
                cache.clear()
            cache[key] = (list(sources), function(sources, *args))  # hold sources: ids stay valid
        return cache[key][1]

    wrapper.cache_clear = cache.clear
    return wrapper
