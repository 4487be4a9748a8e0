"""Atomic, strict build of the site.

MkDocs empties the output folder before it builds, so a failed build leaves a
server with no site at all. Here the site is built into a temporary folder next
to the target and swapped in only when the build succeeded; on failure the
previous site stays exactly as it was.

1. The content is linted once, in this process: every problem at once, with
   file, line and fix, before any build starts (a file that is not UTF-8
   fails here, not as a traceback in one of the builds).
2. The languages are built in parallel, one process each (``--jobs``, default
   the number of cores), then joined and finished (safety scan,
   precompression) once.

Whatever goes wrong is said in a sentence, never as a Python traceback (the
technical detail goes to ``.cache/handbook/last-build.log``). A build that is
interrupted or killed stops its builds and leaves no staging folder behind;
folders left by a killed build are removed by the next one.

Usage: python tools/build.py [--out site] [--config mkdocs.yml] [--jobs N]
       [-- extra mkdocs build arguments]
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import errno
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook import lint
from handbook.build import finish, settings
from handbook.build.languages import join_language
from handbook.build.cache import FOLDER, BuildCache
from handbook.content.sources import DEFAULT_LANGUAGE, LANGUAGES
from handbook.errors import ContentError, ContentErrors

# Hints that turn MkDocs' English warnings into something an editor can act on.
HINTS = [
    ("contains a link", "Liên kết hỏng: trang hoặc mục được trỏ tới không tồn tại. "
     "Sửa đường dẫn (tương đối, tới tệp .md) hoặc mã neo (#...) trong tệp được nêu."),
    ("not included in the \"nav\"", "Trang chưa có trong mục lục: thêm trang vào 'nav' trong mkdocs.yml."),
    ("The following pages exist in the docs directory, but are not included", "Trang chưa có trong mục lục: thêm trang vào 'nav' trong mkdocs.yml."),
    ("nav\" configuration contains a reference to", "Mục lục (nav) trỏ tới tệp không tồn tại: sửa tên tệp trong mkdocs.yml."),
    ("Error: MkDocs encountered an error parsing the configuration file", "mkdocs.yml có lỗi cú pháp YAML: xem dòng, cột được nêu."),
    ("CONTENT LINT", "Lỗi nội dung (make lint): sửa theo 'Cách sửa' của từng lỗi ở trên; "
     "`make fix` tự sửa các lỗi an toàn (NFC, ký tự lạ, vị trí dấu thanh, xuống dòng)."),
    ("Config value", "Cấu hình trong mkdocs.yml không hợp lệ: xem tên trường được nêu."),
]

# Exceptions a build may end with, said in words (Vietnamese, English).
CRASHES = [
    (re.compile(r"No space left on device|\[Errno 28\]"),
     "Ổ đĩa đã đầy: không ghi được bản dựng. Giải phóng dung lượng (ví dụ `make clean`) rồi dựng lại.",
     "The disk is full: the build could not be written. Free some space (e.g. `make clean`) and build again."),
    (re.compile(r"RecursionError|maximum recursion depth"),
     "Một trang lồng danh sách hoặc trích dẫn quá sâu để chuyển đổi (quy tắc nesting-depth của `make lint`).",
     "A page nests lists or quotations too deep to convert (rule nesting-depth of `make lint`)."),
    (re.compile(r"UnicodeDecodeError|codec can't decode"),
     "Một tệp không được lưu bằng UTF-8 (quy tắc encoding của `make lint`): lưu lại tệp với bảng mã UTF-8.",
     "A file is not saved as UTF-8 (rule encoding of `make lint`): save it again as UTF-8."),
    (re.compile(r"SnippetMissingError|Snippet at path .* could not be found"),
     "Một đoạn chèn --8<-- trỏ tới tệp không có trong includes/ (quy tắc snippet của `make lint`).",
     "A --8<-- snippet names a file that is not in includes/ (rule snippet of `make lint`)."),
    (re.compile(r"MemoryError"),
     "Máy hết bộ nhớ khi dựng trang.", "The machine ran out of memory during the build."),
]
_PAGE = re.compile(r"Error reading page '([^']+)'")
_TRACEBACK = re.compile(r"^(?:\[\w+\] )?Traceback \(most recent call last\):\n(?:.*\n)*?(?:\[\w+\] )?(?:\w+\.)*\w+(?:Error|Exception|Exit)\b.*$",
                        re.M)
STAGING_MARK = ".building-"


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


def crash_notes(output: str) -> list[str]:
    """What a traceback in ``output`` means, in words (with the page when MkDocs named it)."""
    notes = []
    for pattern, vi, en in CRASHES:
        if pattern.search(output):
            notes.append(f"{vi} ({en})")
    page = _PAGE.search(output)
    if page:
        notes.append(f"Tệp đang đọc khi lỗi xảy ra: docs/{page.group(1)} (file being read: docs/{page.group(1)}).")
    return notes


def without_tracebacks(output: str) -> tuple[str, bool]:
    """``output`` with Python tracebacks replaced by one line each."""
    replaced = _TRACEBACK.sub("  (chi tiết kỹ thuật / technical detail: .cache/handbook/last-build.log)", output)
    return replaced, replaced != output


# ---- child processes and staging folders -----------------------------------

# Runs MkDocs in a child that ends when this script ends, even when this
# script is killed (Linux PR_SET_PDEATHSIG); set by the child itself, as
# preexec_fn is unsafe while threads start other children.
_CHILD = (
    "import ctypes, ctypes.util, os, runpy, signal, sys\n"
    "try:\n"
    "    ctypes.CDLL(ctypes.util.find_library('c')).prctl(1, signal.SIGTERM)\n"
    "except Exception:\n"
    "    pass\n"
    "if os.getppid() != int(sys.argv.pop(1)):\n"
    "    sys.exit(143)\n"
    "sys.argv[0] = 'mkdocs'\n"
    "runpy.run_module('mkdocs', run_name='__main__')\n"
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(target: Path) -> list[Path]:
    """Staging folders of earlier builds of ``target`` whose process is gone
    (killed builds): ``.<name>.building-<pid>-...``."""
    removed = []
    prefix = f".{target.name}{STAGING_MARK}"
    for entry in target.parent.glob(prefix + "*"):
        match = re.match(r"(\d+)-", entry.name[len(prefix):])
        if match and not _alive(int(match.group(1))) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


class Run:
    """One run of this script: the builds it started and the staging folders
    it made, so an interrupted run can stop the one and remove the other."""

    def __init__(self):
        self.children: list[subprocess.Popen] = []
        self.staging: list[Path] = []

    def stop_children(self) -> None:
        for proc in self.children:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except (ProcessLookupError, PermissionError):
                    pass
        for proc in self.children:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass

    def remove_staging(self) -> None:
        for folder in self.staging:
            shutil.rmtree(folder, ignore_errors=True)

    def on_signal(self, number, _frame):
        self.stop_children()
        self.remove_staging()
        print(f"\nBản dựng bị dừng (tín hiệu {number}); site cũ được giữ nguyên. "
              f"Build interrupted (signal {number}); the previous site is untouched.", file=sys.stderr)
        os._exit(128 + number)

    def new_staging(self, parent: Path, name: str, tag: str = "") -> Path:
        """A private folder ``.<name>.building-<pid>-<tag>...`` next to the target."""
        folder = Path(tempfile.mkdtemp(prefix=f".{name}{STAGING_MARK}{os.getpid()}-{tag}", dir=parent))
        self.staging.append(folder)
        return folder

    def mkdocs(self, command: list[str], env: dict, stream: bool = True, cwd: Path | None = None) -> tuple[int, str]:
        """Run one ``mkdocs build``; its output is echoed (live, or at the
        end), tracebacks left out."""
        if command[1:3] == ["-m", "mkdocs"]:
            command = [command[0], "-c", _CHILD, str(os.getpid()), *command[3:]]
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace",
                                start_new_session=True)
        self.children.append(proc)
        lines = []
        in_traceback = False
        for line in proc.stdout:
            lines.append(line)
            if stream:
                if line.startswith("Traceback (most recent call last)"):
                    in_traceback = True
                    sys.stdout.write("  (chi tiết kỹ thuật / technical detail: .cache/handbook/last-build.log)\n")
                elif in_traceback and not line.startswith((" ", "\t")):
                    in_traceback = False
                    continue  # the exception's own line: said in words at the end
                if not in_traceback:
                    sys.stdout.write(line)
        return proc.wait(), "".join(lines)


def _languages(jobs: int) -> list[str]:
    """The languages to build in separate processes ([] = one process)."""
    if jobs < 2 or settings.language():
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


def build_in_parallel(run: Run, command: list[str], env: dict, staging: Path, languages: list[str],
                      jobs: int, cache: BuildCache | None = None, target_name: str = "site",
                      project: Path | None = None) -> tuple[int, str]:
    """One ``mkdocs build`` per language, ``jobs`` at a time, joined into ``staging``.

    Each build writes into a folder of its own (MkDocs empties its output
    folder first); the default language's folder is the site, the others'
    pages are moved into it, then the site-wide steps run once.
    """
    from concurrent.futures import ThreadPoolExecutor

    folders = {lang: staging if lang == DEFAULT_LANGUAGE else run.new_staging(staging.parent, target_name, f"{lang}-")
               for lang in languages}

    def one(lang):
        lang_env = dict(env, **{settings.LANGUAGE_VARIABLE: lang})
        lang_command = [*command, "--site-dir", str(folders[lang])]
        return run.mkdocs(lang_command, lang_env, stream=False, cwd=project)

    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(one, languages))
        output = _merge_outputs(dict(zip(languages, (out for _, out in results))))
        shown, _ = without_tracebacks(output)
        sys.stdout.write(shown)
        code = next((c for c, _ in results if c != 0), 0)
        if code == 0:
            for lang, folder in folders.items():
                if folder != staging:
                    join_language(staging, folder, lang)
            finish.finish_site(staging, jobs, cache)
        return code, output
    finally:
        for folder in folders.values():
            if folder != staging:
                shutil.rmtree(folder, ignore_errors=True)


def _docs_dir(config: Path) -> Path:
    """``docs_dir`` of a configuration (MkDocs' default: docs)."""
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    match = re.search(r"^docs_dir:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", text, re.M)
    return config.parent / (match.group(1) if match else "docs")


def lint_first(config: Path) -> list[ContentError]:
    """Every content problem of the project, before anything is built."""
    root = config.parent
    return lint.lint_tree(_docs_dir(config), root, cache=BuildCache.for_project(root), config_file=config)


def _fail(target: Path, output: str, code: int = 1, log_file: Path | None = None) -> int:
    print("\n" + "=" * 72, file=sys.stderr)
    print("BẢN DỰNG THẤT BẠI — BUILD FAILED", file=sys.stderr)
    for note in explain(output) + crash_notes(output):
        print(f"  • {note}", file=sys.stderr)
    if log_file is not None and without_tracebacks(output)[1]:
        print(f"  • Chi tiết kỹ thuật cho người bảo trì (technical detail): {log_file}", file=sys.stderr)
    kept = "được giữ nguyên" if target.exists() else "chưa có"
    print(f"  Thư mục {target.name}/ cũ {kept}; không có gì bị ghi đè.", file=sys.stderr)
    print(f"  The previous {target.name}/ is untouched.", file=sys.stderr)
    print("=" * 72, file=sys.stderr)
    return code or 1


def _write_log(root: Path, output: str) -> Path:
    log_file = root / FOLDER / "last-build.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        log_file.write_text(output, encoding="utf-8")
    except OSError:
        pass
    return log_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="site", help="target folder (default: site/)")
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--jobs", type=int, default=settings.jobs(),
                        help="languages built at once, in separate processes (default: the number of cores; "
                             "1 builds them one after the other in one process)")
    parser.add_argument("mkdocs_args", nargs="*", help="extra arguments for 'mkdocs build'")
    args = parser.parse_args(argv)
    logging.basicConfig(format="INFO    -  %(message)s", level=logging.INFO, stream=sys.stdout)
    run = Run()
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), run.on_signal)

    target = Path(args.out).resolve()
    config = Path(args.config).resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target)
        if settings.lint_enabled():
            problems = lint_first(config)
            if problems:
                report = "KIỂM TRA NỘI DUNG (make lint) — CONTENT LINT\n" + lint.format_report(problems)
                print(report)
                return _fail(target, report)
        staging = run.new_staging(target.parent, target.name)
    except OSError as exc:
        return _fail(target, f"{exc}\n[Errno {exc.errno}]" if exc.errno == errno.ENOSPC else str(exc))
    # mkdtemp makes a private (0700) folder; the site must be readable by the
    # web server's user once it is copied or swapped in, like any new folder.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    # The content was linted above; HANDBOOK_JOBS: the cores the builds' own
    # site-wide steps may use too.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_JOBS=str(max(args.jobs, 1)), HANDBOOK_LINT="0")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
               *args.mkdocs_args]
    started = time.monotonic()
    languages = _languages(args.jobs)
    output = ""
    try:
        if languages:
            cache = BuildCache.for_project(config.parent)  # .cache/ next to mkdocs.yml (HANDBOOK_CACHE)
            code, output = build_in_parallel(run, command, env, staging, languages, min(args.jobs, len(languages)),
                                             cache, target.name, config.parent)
        else:
            code, output = run.mkdocs([*command, "--site-dir", str(staging)], env, cwd=config.parent)
    except ContentErrors as exc:
        run.remove_staging()
        print(str(exc))
        return _fail(target, "CONTENT LINT\n" + str(exc))
    except OSError as exc:
        run.remove_staging()
        return _fail(target, output + f"\n{exc}", log_file=_write_log(config.parent, output + f"\n{exc!r}"))
    except BaseException:
        run.stop_children()
        run.remove_staging()
        raise
    if code != 0:
        run.remove_staging()
        return _fail(target, output, code, _write_log(config.parent, output))
    try:
        swap_in(staging, target)
    except OSError as exc:
        run.remove_staging()
        return _fail(target, f"{exc}\n[Errno {exc.errno}]")
    run.staging.remove(staging)
    mode = f"{len(languages)} languages in parallel" if languages else "one process"
    print(f"Site built in {time.monotonic() - started:.1f} s ({mode}) -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
