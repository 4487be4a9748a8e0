#!/usr/bin/env python3
"""Content linter (`make lint`, `make fix`): the logic is handbook.lint.cli
(src/handbook/lint/cli.py); `make install` installs the package."""
import sys

from handbook.lint.cli import main

if __name__ == "__main__":
    sys.exit(main())
