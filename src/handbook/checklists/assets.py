"""What a written page needs for its checklist, and only that page.

``checklists.css``, ``checklists-xlsx.js`` and ``checklists.js`` are not in
mkdocs.yml's ``extra_css``/``extra_javascript`` (every page would load them):
they are added here to the pages that hold a checklist, the stylesheet after
the print styles (its paper form overrides them), the scripts after the
theme's. The print styles load for print only (``media="print"`` on
``print.css``), on every page. The checklist's controls (``tools.panel``)
take the place of its ``data-ck-tools`` slot. Issue 18.
"""
from __future__ import annotations

import html
import re

from handbook.checklists import tools

_PRINT_CSS = re.compile(r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/print\.css"\s*/?>')
# (Python-Markdown's md_in_html writes the attributes again, in its own order)
_SLOT = re.compile(r'<div class="ck-tools" data-ck-tools(?:="[^"]*")?>\s*</div>')
_ROOT = re.compile(r'<div class="ck-checklist[^"]*"[^>]*>')
_KEY = re.compile(r'\sdata-ck-checklist="([a-z0-9-]+)"')
_LANG = re.compile(r'\sdata-ck-lang="([a-z]{2})"')
_BODY_END = "</body>"
STYLESHEET = "assets/stylesheets/checklists.css"
SCRIPTS = ("assets/javascripts/checklists-xlsx.js", "assets/javascripts/checklists.js")


def page_assets(output: str) -> str:
    """The written page with print styles for print only and, when it holds
    a checklist, its controls, stylesheet and scripts."""
    found = _PRINT_CSS.search(output)
    if found is None:
        return output
    prefix = found.group(1)  # "../../" from this page to the site root
    output = (output[:found.start()] + f'<link rel="stylesheet" href="{prefix}assets/stylesheets/print.css" '
              'media="print">' + output[found.end():])
    root = _ROOT.search(output)
    if root is None or not _SLOT.search(output):
        return output
    key, lang = _KEY.search(root.group(0)), _LANG.search(root.group(0))
    if key is None or lang is None:
        return output
    key, lang = key.group(1), lang.group(1)
    kind = "inspection" if key == "inspection" else ("self" if key == "self" else key)
    output = _SLOT.sub(lambda _: tools.panel(kind, lang), output, count=1)
    link = f'<link rel="stylesheet" href="{html.escape(prefix)}{STYLESHEET}">'
    at = output.index("media=\"print\">", found.start()) + len("media=\"print\">")
    output = output[:at] + link + output[at:]
    scripts = "".join(f'<script src="{html.escape(prefix)}{path}"></script>' for path in SCRIPTS)
    end = output.rfind(_BODY_END)
    return output[:end] + scripts + "\n" + output[end:]
