"""Precompressed copies (``.gz``) of the larger static files, served by
nginx's ``gzip_static`` without compressing them again on every request.
HTML pages are compressed by nginx on the fly (there are thousands;
compressing them at build time would slow every build for little gain).
"""
from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

from handbook.build.cache import BuildCache

# Files worth precompressing: text the browser downloads, larger than a packet.
PRECOMPRESS_SUFFIXES = (".js", ".css", ".json", ".svg", ".xml", ".csv", ".txt")
PRECOMPRESS_MIN_BYTES = 1024
# Source maps are fetched only by developer tools.
PRECOMPRESS_SKIP = (".map",)


def candidates(site_dir: Path) -> list[Path]:
    site_dir = Path(site_dir)
    found = []
    # os.walk, not Path.rglob: thousands of files, and pathlib's objects cost
    # a tenth of the compression itself
    for folder, subfolders, names in os.walk(site_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            if (name.endswith(PRECOMPRESS_SUFFIXES) and not name.endswith(PRECOMPRESS_SKIP)
                    and not name.startswith(".")):
                path = os.path.join(folder, name)
                if os.path.isfile(path) and os.path.getsize(path) >= PRECOMPRESS_MIN_BYTES:
                    found.append(Path(path))
    return sorted(found)


_GZIP_LEVEL = 6  # zlib's default: level 9 made files 0.3-1.3 % smaller in twice the time


def precompress(paths: list[Path], workers: int = 1, cache: BuildCache | None = None) -> list[Path]:
    """Write ``<file>.gz`` next to each file (reproducible: no name, no time).

    A copy is only rewritten when its content would change, so an unchanged
    asset keeps the same ``.gz`` bytes across builds; ``cache`` keeps the
    compressed bytes of content seen before (most files, from one build to
    the next). zlib releases the GIL while it compresses: ``workers`` threads
    use that many cores."""
    cache = cache or BuildCache(None)
    if workers > 1 and len(paths) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda part: precompress(part, 1, cache),
                                  [paths[i::workers] for i in range(workers)]))
        return [target for part in parts for target in part]
    written = []
    version = f"gzip {_GZIP_LEVEL} zlib {zlib.ZLIB_RUNTIME_VERSION}"
    for path in paths:
        data = path.read_bytes()
        packed = cache.bytes("gzip", (version, data),
                             lambda: gzip.compress(data, compresslevel=_GZIP_LEVEL, mtime=0))
        target = path.with_name(path.name + ".gz")
        if not target.exists() or target.read_bytes() != packed:
            target.write_bytes(packed)
        written.append(target)
    return written
