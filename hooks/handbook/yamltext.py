"""YAML text (front matter, checklist items) parsed with libyaml when present.

PyYAML's pure-Python loader was a tenth of a large build's time; the C loader
gives the same data and the same error positions.
"""
from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    return yaml.load(text, Loader=LOADER)
