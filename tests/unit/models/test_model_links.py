"""Checklist items and model documents, linked both ways: a model's notes
name the items it serves; each of those items names the model back, in its
box on the chapter page and in the checklist tables' evidence column, from
that one list (the items' ``evidence`` is not touched)."""
from __future__ import annotations

from handbook.checklists import collect as collect_items
from handbook.checklists.htmltables import Inline
from handbook.checklists.render import rewrite
from handbook.models.links import evidence_cell, item_line, served_by
from model_fixtures import ROOT, shipped, shipped_sources

PLAN = "mau-van-ban/ke-hoach-hoi-nghi-can-bo.md"
NOTICE = "mau-van-ban/thong-bao-trieu-tap-hoi-nghi.md"


def test_every_item_a_model_serves_names_the_model_back():
    sources = list(shipped_sources())
    served = served_by(sources)
    for model in shipped().values():
        for item in model.serves:
            assert model.base_uri in [m.base_uri for m in served[item]], (model.slug, item)
    assert set(served) == {item for m in shipped().values() for item in m.serves}


def test_item_line_links_from_the_items_page_in_the_readers_language():
    sources = list(shipped_sources())
    vi = item_line(sources, "vi", "hoi-nghi-to-chuc-hang-nam", "cam-nang/hoi-nghi-can-bo.md")
    assert vi == ("**Mẫu văn bản:** [Kế hoạch tổ chức hội nghị cán bộ, công chức, viên chức, người lao động]"
                  "(../mau-van-ban/ke-hoach-hoi-nghi-can-bo.md); "
                  "[Thông báo triệu tập hội nghị cán bộ, công chức, viên chức, người lao động]"
                  "(../mau-van-ban/thong-bao-trieu-tap-hoi-nghi.md)")
    en = item_line(sources, "en", "hoi-nghi-to-chuc-hang-nam", "cam-nang/hoi-nghi-can-bo.en.md")
    assert en.startswith("**Model documents:** [Plan for the staff conference](../mau-van-ban/ke-hoach-hoi-nghi-can-bo.md)")
    assert item_line(sources, "vi", "no-such-item", "cam-nang/x.md") == ""


def test_evidence_cell_links_from_the_checklist_page():
    sources = list(shipped_sources())
    cell = evidence_cell(sources, "vi", Inline("bang-kiem/kiem-tra.md"), "hoi-nghi-ke-hoach-lien-tich")
    assert cell == ('<br><span class="ck-models">Mẫu văn bản: <a href="../../mau-van-ban/ke-hoach-hoi-nghi-can-bo/">'
                    "Kế hoạch tổ chức hội nghị cán bộ, công chức, viên chức, người lao động</a></span>")
    assert evidence_cell(sources, "en", Inline("bang-kiem/kiem-tra.md"), "no-such-item") == ""


def test_the_item_box_on_the_chapter_page_names_its_models():
    sources = list(shipped_sources())
    items = collect_items(sources).by_page["cam-nang/hoi-nghi-can-bo.md"]
    text = (ROOT / "docs" / "cam-nang" / "hoi-nghi-can-bo.md").read_text(encoding="utf-8")
    out = rewrite(text, items, "vi", lambda item: item_line(sources, "vi", item.id, "cam-nang/hoi-nghi-can-bo.md"))
    box = out[out.index("{: #ck-hoi-nghi-ke-hoach-lien-tich"):]
    box = box[:box.index("!!! ck-item", 1) if "!!! ck-item" in box else len(box)]
    assert "    - **Mẫu văn bản:** [Kế hoạch tổ chức hội nghị" in box
    # the item's own evidence is as its editor wrote it
    item = next(i for i in items if i.id == "hoi-nghi-ke-hoach-lien-tich")
    assert f"**Minh chứng cần có:** {' '.join(item.evidence.split())}" in box


def test_the_map_is_made_once_per_list_of_sources():
    sources = list(shipped_sources())
    assert served_by(sources) is served_by(sources)
    assert served_by(sources[:]) == served_by(sources)
