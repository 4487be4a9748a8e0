"""Valid HTML: the Nu HTML Checker (vnu.jar from npm's vnu-jar, installed by
`make validators`; Java from Debian) over every page of the built site,
404 and error pages included, in one run of the checker. No error is ours;
Material's template errors are made valid by handbook.publish.markup, except
the one listed here with the Material issue it belongs to."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU_JAR = ROOT / "tools" / "validators" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors of Material's templates that are left as they are, each with why.
KNOWN_UPSTREAM = [
    {
        # base.html: the drawer and search toggles. Without the attribute
        # Firefox restores them checked after a reload (an open drawer or
        # search); the standard forbids it on checkboxes (validator#1141).
        "issue": "https://github.com/squidfunk/mkdocs-material/issues/1513",
        "message": re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        "extract": re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                              r'id="__(drawer|search)" autocomplete="off">'),
    },
]


def _known(message: dict) -> dict | None:
    return next((known for known in KNOWN_UPSTREAM if known["message"].search(message.get("message", ""))
                 and known["extract"].search(message.get("extract", ""))), None)


@pytest.fixture(scope="module")
def vnu_report(site) -> dict:
    java = shutil.which("java")
    if not VNU_JAR.is_file() or java is None:
        pytest.fail("The Nu HTML Checker needs `make validators` (vnu-jar from npm) and Java "
                    "(`apt-get install default-jre-headless`; `make test` installs both).", pytrace=False)
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run([java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *pages],
                            capture_output=True, text=True)
    report = json.loads(result.stderr or result.stdout)
    report["pages"] = pages
    return report


def test_no_page_has_an_html_error_of_ours(vnu_report, site):
    errors = [m for m in vnu_report["messages"] if m.get("type") in ("error", "non-document-error")]
    ours = [m for m in errors if _known(m) is None]
    shown = [f"{Path(m.get('url', '?').replace('file:', '')).relative_to(site) if 'url' in m else '?'}:"
             f"{m.get('lastLine', '?')}: {m['message']}" for m in ours[:30]]
    assert not ours, f"{len(ours)} HTML errors:\n" + "\n".join(shown)


def test_material_errors_left_are_only_the_known_ones(vnu_report):
    """Each known upstream error stays where it is known to be: at most the
    two toggles on each page, so a new use of the same markup is noticed."""
    known = [m for m in vnu_report["messages"] if m.get("type") == "error" and _known(m)]
    per_page: dict[str, int] = {}
    for message in known:
        per_page[message["url"]] = per_page.get(message["url"], 0) + 1
    assert all(count <= 2 for count in per_page.values()), per_page
