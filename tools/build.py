#!/usr/bin/env python3
"""Atomic, strict build of the site (`make build`, `make pdf`): the logic is
handbook.build.atomic (src/handbook/build/atomic.py); `make install` installs
the package."""
import sys

from handbook.build.atomic import main

if __name__ == "__main__":
    sys.exit(main())
