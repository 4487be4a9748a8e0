"""Kiểm tra nội dung (content linter) — `make lint`, `make fix`.

Usage: python tools/lint.py [--fix] [--docs docs] [--rules]

Reports every problem at once (file:line, rule, what is wrong and how to fix
it, in Vietnamese and English) and exits 1 when there is any. With --fix it
first applies the safe fixes (NFC, BOM, zero-width and no-break spaces, Ð, Cyrillic
look-alikes, tone placement, the terms of data/terminology.yml marked fix: true),
touching only the affected characters, then reports what is left.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook import lint


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra nội dung Cẩm nang (content linter).")
    parser.add_argument("--fix", action="store_true",
                        help="sửa tự động các lỗi an toàn (apply the safe fixes)")
    parser.add_argument("--docs", default="docs", help="thư mục nội dung (default: docs/)")
    parser.add_argument("--root", default=None, help="thư mục gốc để hiển thị đường dẫn")
    parser.add_argument("--rules", action="store_true", help="liệt kê các quy tắc (list the rules)")
    args = parser.parse_args(argv)

    if args.rules:
        for rule in lint.RULES.values():
            fix = "  [--fix]" if rule.fixable else ""
            print(f"{rule.name:22} {rule.summary_vi} / {rule.summary_en}{fix}")
        return 0
    docs = Path(args.docs).resolve()
    root = Path(args.root).resolve() if args.root else (docs.parent if docs.name == "docs" else docs)
    if args.fix:
        changed = lint.fix_tree(docs, root)
        for path, rules in changed:
            print(f"Đã sửa (fixed): {path}  [{', '.join(rules) or 'nfc'}]")
        if not changed:
            print("Không có gì cần sửa tự động. Nothing to fix automatically.")
    problems = lint.lint_tree(docs, root)
    print(lint.format_report(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
