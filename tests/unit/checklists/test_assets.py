"""What a written page gets for its checklist (handbook.checklists.assets):
print styles for print only on every page; the checklist's stylesheet,
scripts and controls only on a page that holds a checklist."""
from __future__ import annotations

import re

from handbook.checklists.assets import page_assets
from handbook.checklists.tools import panel

HEAD = ('<html><head><link rel="stylesheet" href="../../assets/stylesheets/handbook.css">'
        '<link rel="stylesheet" href="../../assets/stylesheets/print.css"></head><body>{body}'
        '<script src="../../assets/javascripts/bundle.js"></script></body></html>')
CHECKLIST = ('<div class="ck-checklist ck-checklist--inspection" data-ck-checklist="inspection" '
             'data-ck-count="2" data-ck-lang="{lang}">\n<div class="ck-tools" data-ck-tools="data-ck-tools"></div>'
             '<table class="ck-table"></table></div>')


def test_a_page_without_checklist_gets_print_styles_for_print_only():
    out = page_assets(HEAD.format(body="<p>Chương</p>"))
    assert '<link rel="stylesheet" href="../../assets/stylesheets/print.css" media="print">' in out
    assert "checklists" not in out


def test_a_checklist_page_gets_its_stylesheet_after_print_its_scripts_last_and_its_controls():
    out = page_assets(HEAD.format(body=CHECKLIST.format(lang="vi")))
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', out)
    assert links == ["../../assets/stylesheets/handbook.css", "../../assets/stylesheets/print.css",
                     "../../assets/stylesheets/checklists.css"]
    scripts = re.findall(r'<script src="([^"]+)"', out)
    assert scripts == ["../../assets/javascripts/bundle.js", "../../assets/javascripts/checklists-xlsx.js",
                       "../../assets/javascripts/checklists.js"]
    assert "data-ck-tools=" not in out and out.count("data-ck-tools-panel") == 1
    assert '<h2 class="ck-tools__title" id="cks-tools-title">Phiên kiểm tra</h2>' in out
    assert page_assets(out).count("checklists.css") == 1  # a second pass adds nothing


def test_the_controls_speak_the_page_language_and_run_no_code():
    english = panel("role-cong-doan", "en")
    assert "Review session" in english and "New session" in english and "Phiên" not in english
    for html in (english, panel("inspection", "vi")):
        assert "<script" not in html and "style=" not in html and not re.search(r"\son\w+=", html)
        assert not re.search(r'\sid="ck-', html)  # "ck-<id>" anchors belong to the items
        for ident in re.findall(r'<label for="([^"]+)"', html):
            assert f'id="{ident}"' in html
