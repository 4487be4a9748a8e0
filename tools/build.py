"""Atomic, strict build of the site.

MkDocs empties the output folder before it builds, so a failed build leaves a
server with no site at all. Here the site is built into a temporary folder next
to the target and swapped in only when the build succeeded; on failure the
previous site stays exactly as it was.

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "site"), help="target folder (default: site/)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
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
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", args.config,
               "--site-dir", str(staging), *args.mkdocs_args]
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    lines = []
    for line in proc.stdout:
        sys.stdout.write(line)
        lines.append(line)
    code = proc.wait()
    output = "".join(lines)
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
    print(f"Site built in {time.monotonic() - started:.1f} s -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
