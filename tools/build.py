"""Atomic, strict build of the site.

MkDocs empties the output folder before it builds, so a failed build leaves a
server with no site at all. Here the site is built into a temporary folder next
to the target and swapped in only when the build succeeded; on failure the
previous site stays exactly as it was.

The languages are built in parallel, one process each (``--jobs``, default
the number of cores), then joined and finished (CSP, precompression) once.

Usage: python tools/build.py [--out site] [-- extra mkdocs build arguments]
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from handbook import build_languages, finish  # noqa: E402
from handbook.buildcache import BuildCache  # noqa: E402
from handbook.sources import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402

# Hints that turn MkDocs' English warnings into something an editor can act on.
HINTS = [
    ("contains a link", "Liên kết hỏng: trang hoặc mục được trỏ tới không tồn tại. "
     "Sửa đường dẫn (tương đối, tới tệp .md) hoặc mã neo (#...) trong tệp được nêu."),
    ("not included in the \"nav\"", "Trang chưa có trong mục lục: thêm trang vào 'nav' trong mkdocs.yml."),
    ("The following pages exist in the docs directory, but are not included", "Trang chưa có trong mục lục: thêm trang vào 'nav' trong mkdocs.yml."),
    ("nav\" configuration contains a reference to", "Mục lục (nav) trỏ tới tệp không tồn tại: sửa tên tệp trong mkdocs.yml."),
    ("Error: MkDocs encountered an error parsing the configuration file", "mkdocs.yml có lỗi cú pháp YAML: xem dòng, cột được nêu."),
    ("CONTENT LINT", "Lỗi nội dung (make lint): sửa theo 'Cách sửa' của từng lỗi ở trên; "
     "`make fix` tự sửa các lỗi an toàn (NFC, ký tự lạ, vị trí dấu thanh)."),
    ("Config value", "Cấu hình trong mkdocs.yml không hợp lệ: xem tên trường được nêu."),
]


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    result = libc.renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0


def swap_in(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old ``target`` never half-exists."""
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new)  # ``new`` now holds the previous site
        return
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
        new.rename(target)
        shutil.rmtree(old)
    else:
        new.rename(target)


def explain(output: str) -> list[str]:
    notes = []
    for needle, hint in HINTS:
        if needle in output and hint not in notes:
            notes.append(hint)
    return notes


def _run(command: list[str], env: dict, stream: bool = True) -> tuple[int, str]:
    """Run one ``mkdocs build``; its output is echoed (live, or at the end)."""
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    lines = []
    for line in proc.stdout:
        if stream:
            sys.stdout.write(line)
        lines.append(line)
    return proc.wait(), "".join(lines)


def _languages(jobs: int) -> list[str]:
    """The languages to build in separate processes ([] = one process)."""
    if jobs < 2 or os.environ.get(build_languages.VARIABLE):
        return []
    return list(LANGUAGES)


def _merge_outputs(outputs: dict[str, str]) -> str:
    """The builds' messages, each once: a content error that fails both
    languages is shown once; a line only one language printed says which."""
    seen, lines = set(), []
    for lang, output in outputs.items():
        for line in output.splitlines(keepends=True):
            if line in seen:
                continue
            seen.add(line)
            only_here = all(line not in other for code, other in outputs.items() if code != lang)
            lines.append(f"[{lang}] {line}" if only_here and len(outputs) > 1 else line)
    return "".join(lines)


def build_in_parallel(command: list[str], env: dict, staging: Path, languages: list[str],
                      jobs: int, cache: BuildCache | None = None) -> tuple[int, str]:
    """One ``mkdocs build`` per language, ``jobs`` at a time, joined into ``staging``.

    Each build writes into a folder of its own (MkDocs empties its output
    folder first); the default language's folder is the site, the others'
    pages are moved into it, then the site-wide steps run once.
    """
    from concurrent.futures import ThreadPoolExecutor

    folders = {lang: staging if lang == DEFAULT_LANGUAGE
               else Path(tempfile.mkdtemp(prefix=f"{staging.name}-{lang}-", dir=staging.parent))
               for lang in languages}

    def one(lang):
        lang_env = dict(env, **{build_languages.VARIABLE: lang})
        if lang != DEFAULT_LANGUAGE:
            lang_env["HANDBOOK_LINT"] = "0"  # the default language's build lints every file
        lang_command = [*command, "--site-dir", str(folders[lang])]
        return _run(lang_command, lang_env, stream=False)

    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(one, languages))
        output = _merge_outputs(dict(zip(languages, (out for _, out in results))))
        sys.stdout.write(output)
        code = next((c for c, _ in results if c != 0), 0)
        if code == 0:
            for lang, folder in folders.items():
                if folder != staging:
                    build_languages.join_language(staging, folder, lang)
            finish.finish_site(staging, jobs, cache)
        return code, output
    finally:
        for folder in folders.values():
            if folder != staging:
                shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "site"), help="target folder (default: site/)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("HANDBOOK_JOBS") or os.cpu_count() or 1),
                        help="languages built at once, in separate processes (default: the number of cores; "
                             "1 builds them one after the other in one process)")
    parser.add_argument("mkdocs_args", nargs="*", help="extra arguments for 'mkdocs build'")
    args = parser.parse_args(argv)

    target = Path(args.out).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    # mkdtemp makes a private (0700) folder; the site must be readable by the
    # web server's user once it is copied or swapped in, like any new folder.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    # HANDBOOK_JOBS: the cores the builds' own site-wide steps may use too
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_JOBS=str(max(args.jobs, 1)))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", args.config,
               *args.mkdocs_args]
    started = time.monotonic()
    languages = _languages(args.jobs)
    try:
        if languages:
            cache = BuildCache.for_project(Path(args.config).resolve().parent)  # .cache/ next to mkdocs.yml
            code, output = build_in_parallel(command, env, staging, languages, min(args.jobs, len(languages)),
                                             cache)
        else:
            code, output = _run([*command, "--site-dir", str(staging)], env)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("\n" + "=" * 72, file=sys.stderr)
        print("BẢN DỰNG THẤT BẠI — BUILD FAILED", file=sys.stderr)
        for note in explain(output):
            print(f"  • {note}", file=sys.stderr)
        kept = "được giữ nguyên" if target.exists() else "chưa có"
        print(f"  Thư mục {target.name}/ cũ {kept}; không có gì bị ghi đè.", file=sys.stderr)
        print(f"  The previous {target.name}/ is untouched.", file=sys.stderr)
        print("=" * 72, file=sys.stderr)
        return code or 1
    swap_in(staging, target)
    mode = f"{len(languages)} languages in parallel" if languages else "one process"
    print(f"Site built in {time.monotonic() - started:.1f} s ({mode}) -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
