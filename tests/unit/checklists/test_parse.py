"""Checklist items declared in the content (```checklist blocks), read and
checked: every item with its file and line, fields, obligation, conditions
and deadlines, translations; bad items reported with file, line and rule, all
at once. (What they become: test_tables.py, test_downloads.py; the build
refusing them: tests/site/test_checklist_pages.py.)"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checklist_fixtures import ALL_IDS, FIXTURE_DOCS, FIXTURE_PAGES
from handbook.checklists import collect
from handbook.checklists.parse import parse_source
from handbook.content import sources
from handbook.errors import ContentErrors

ORDER = list(FIXTURE_PAGES)


def write_fixture_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    return docs


def errors_for(docs: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        collect(sources.load(docs, docs.parent), ORDER)
    return caught.value.errors


# ---- the collector ---------------------------------------------------------------

def test_collects_every_item_with_file_and_line(checklist_collection):
    vi = checklist_collection.items["vi"]
    assert [i.id for i in vi] == ALL_IDS
    first = vi[0]
    assert first.path.endswith("thu-nghiem/cong-khai.md")
    text = (FIXTURE_DOCS / "thu-nghiem" / "cong-khai.md").read_text(encoding="utf-8").split("\n")
    assert text[first.line - 1] == "```checklist"
    assert first.roles == ("thu-truong",) and first.frequency == "yearly" and first.due == "Q1"


def test_blocks_inside_other_fences_are_examples_not_items(checklist_sources):
    source = next(s for s in checklist_sources if s.src_uri == "thu-nghiem/cong-khai.md")
    items, errors = parse_source(source)
    assert not errors
    assert "fx-vi-du-khong-tinh" not in [i.id for i in items]


def test_block_nested_in_an_admonition_is_read(checklist_collection):
    item = next(i for i in checklist_collection.items["vi"] if i.id == "fx-tra-loi-kien-nghi")
    assert item.due == "+15d" and item.topic == "Ban Thanh tra nhân dân"


def test_english_list_falls_back_to_vietnamese_items_not_translated(checklist_collection):
    entries = {e.item.id: e for e in checklist_collection.entries("en")}
    assert list(entries) == ALL_IDS
    assert entries["fx-hoi-nghi-to-chuc"].item.lang == "en"
    assert entries["fx-hoi-nghi-to-chuc"].anchor == "ck-fx-hoi-nghi-to-chuc"
    # translated page without this item: link to the page, not to a missing anchor
    assert entries["fx-hoi-nghi-so-ket"].anchor is None and not entries["fx-hoi-nghi-so-ket"].translated
    # page with no translation: the English site shows the Vietnamese page, anchors included
    assert entries["fx-quy-che"].anchor == "ck-fx-quy-che"


def test_collect_is_cached_for_the_second_language(checklist_sources):
    assert collect(checklist_sources, ORDER) is collect(list(checklist_sources), ORDER)


# ---- bad input ------------------------------------------------------------------

BAD_CASES = {
    "duplicate-id": ("id: fx-cong-khai-hang-thang", "id: fx-cong-khai-ke-hoach", "checklist-duplicate-id"),
    "missing-basis": ('basis: "[Luật mẫu, Điều 47](luat.md#dieu-47-hinh-thuc-va-thoi-diem-cong-khai-thong-tin-o-co-quan-don-vi)"\nevidence: Bảng tin.',
                      "evidence: Bảng tin.", "checklist-basis"),
    "basis-page": ("basis: \"[Luật mẫu](luat.md)\"\nevidence: Quyết định", "basis: \"[Luật mẫu](khong-co.md)\"\nevidence: Quyết định",
                   "checklist-basis-link"),
    "basis-anchor": ("luat.md#dieu-46-nhung", "luat.md#dieu-99-nhung", "checklist-basis-anchor"),
    "unknown-role": ("roles: [cbccvc]", "roles: [giam-doc]", "checklist-role"),
    "bad-due": ("due: +5wd", "due: 5 ngay", "checklist-due"),
    "bad-frequency": ("frequency: monthly", "frequency: weekly", "checklist-frequency"),
    "missing-field": ("evidence: Bảng tin.\n", "", "checklist-missing"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_item_is_reported_with_file_line_and_rule(tmp_path, case):
    old, new, rule = BAD_CASES[case]
    docs = write_fixture_copy(tmp_path)
    page = docs / "thu-nghiem" / ("trach-nhiem.md" if case == "basis-page" else "cong-khai.md")
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = errors_for(docs)
    assert rule in [e.rule for e in errors], [str(e) for e in errors]
    error = next(e for e in errors if e.rule == rule)
    assert error.path.endswith(page.name) and error.line and error.fix_vi


def test_english_item_without_vietnamese_item_is_an_error(tmp_path):
    docs = write_fixture_copy(tmp_path)
    page = docs / "thu-nghiem" / "hoi-nghi.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("id: fx-hoi-nghi-to-chuc", "id: fx-khong-co-ban-viet"),
                    encoding="utf-8")
    errors = errors_for(docs)
    error = next(e for e in errors if e.rule == "checklist-translation")
    assert error.path.endswith("hoi-nghi.en.md") and error.line == 8


def test_every_problem_is_reported_at_once(tmp_path):
    docs = write_fixture_copy(tmp_path)
    page = docs / "thu-nghiem" / "cong-khai.md"
    text = page.read_text(encoding="utf-8").replace("roles: [cbccvc]", "roles: [x]").replace("due: Q1", "due: Q5")
    page.write_text(text, encoding="utf-8")
    rules = {e.rule for e in errors_for(docs)}
    assert {"checklist-role", "checklist-due"} <= rules


# ---- obligation, applies_if, due WY+<N>m -----------------------------------------

REGULATION = """---
title: Luật mẫu
---

# Luật mẫu

## Điều 51. Tổ chức hội nghị

Tóm tắt.
"""


def item_page(*blocks: str) -> str:
    return "---\ntitle: Trang mẫu\n---\n\n# Trang mẫu\n\n" + "\n".join(
        f"```checklist\n{b.strip()}\n```\n" for b in blocks)


def block(item_id="fx-moi", **fields) -> str:
    base = {"requirement": "Tổ chức hội nghị.", "roles": "[thu-truong]",
            "basis": '"[Luật mẫu, Điều 51](../van-ban/mau.md#dieu-51-to-chuc-hoi-nghi)"',
            "evidence": "Biên bản.", "obligation": "practice"}
    base.update(fields)
    return f"id: {item_id}\n" + "\n".join(f"{k}: {v}" for k, v in base.items() if v is not None)


def new_fields_docs(tmp_path: Path, vi: str, en: str | None = None) -> Path:
    docs = tmp_path / "docs"
    (docs / "van-ban").mkdir(parents=True)
    (docs / "cam-nang").mkdir()
    (docs / "van-ban" / "mau.md").write_text(REGULATION, encoding="utf-8")
    (docs / "cam-nang" / "a.md").write_text(vi, encoding="utf-8")
    if en is not None:
        (docs / "cam-nang" / "a.en.md").write_text(en, encoding="utf-8")
    return docs


def new_fields_errors(docs: Path) -> list[tuple[str, int, str]]:
    with pytest.raises(ContentErrors) as caught:
        collect(sources.load(docs, docs.parent))
    for error in caught.value.errors:  # every error says what to do, in both languages
        assert error.fix_vi and error.fix_en, str(error)
    return [(e.path, e.line, e.rule) for e in caught.value.errors]


def test_obligation_and_conditions_are_read(tmp_path):
    text = item_page(block(obligation="law", due="WY+3m", frequency="yearly",
                           applies_if='\n  staff: ["100+", "8-99"]\n  board: true\n  dispersed: false'),
                     block("fx-thuc-hanh", obligation="practice"))
    docs = new_fields_docs(tmp_path, text)
    law, practice = collect(sources.load(docs, docs.parent)).items["vi"]
    assert law.obligation == "law" and law.due == "WY+3m"
    assert law.applies_if == {"staff": ("8-99", "100+"), "board": True, "dispersed": False}  # bands in table order
    assert practice.obligation == "practice" and practice.applies_if == {}


def test_every_item_says_whether_it_is_law_or_practice(tmp_path):
    docs = new_fields_docs(tmp_path, item_page(block(obligation=None)))
    [(path, line, rule)] = new_fields_errors(docs)
    assert (path, rule) == ("docs/cam-nang/a.md", "checklist-missing") and line == 7  # the block's opening line


NEW_FIELD_CASES = {
    # case: (fields of the item, line of the error in docs/cam-nang/a.md, rule)
    # the item's fields take lines 8-12 (id .. evidence), obligation line 13; a further field is on line 14
    "unknown obligation": ({"obligation": "bat-buoc"}, 13, "checklist-obligation"),
    "law, basis to a chapter": ({"obligation": "law", "basis": '"[Trang](b.md#muc)"'}, 13, "checklist-obligation"),
    "law, regulation page without article": (
        {"obligation": "law", "basis": '"[Luật mẫu](../van-ban/mau.md)"'}, 13, "checklist-obligation"),
    "unknown condition": ({"applies_if": "\n  staff: [\"8-99\"]\n  co_ban: true"}, 16, "checklist-applies-if"),
    "unknown staff band": ({"applies_if": "\n  board: true\n  staff: [\"10-50\"]"}, 16, "checklist-applies-if"),
    "condition not true/false": ({"applies_if": "\n  internal_system: co"}, 15, "checklist-applies-if"),
    "conditions on one line": ({"applies_if": "{dispersed: 1}"}, 14, "checklist-applies-if"),
    "conditions not a mapping": ({"applies_if": "[board]"}, 14, "checklist-applies-if"),
    "due beyond the work year": ({"due": "WY+13m"}, 14, "checklist-due"),
    "due in weeks": ({"due": "WY+2w"}, 14, "checklist-due"),
}


@pytest.mark.parametrize("case", sorted(NEW_FIELD_CASES))
def test_bad_obligation_conditions_and_due_name_file_and_line(tmp_path, case):
    fields, line, rule = NEW_FIELD_CASES[case]
    docs = new_fields_docs(tmp_path, item_page(block(**fields)))
    (docs / "cam-nang" / "b.md").write_text("---\ntitle: B\n---\n\n# B\n\n## Mục\n", encoding="utf-8")
    assert new_fields_errors(docs) == [("docs/cam-nang/a.md", line, rule)]


def test_law_with_an_article_of_a_regulation_page_is_accepted(tmp_path):
    docs = new_fields_docs(tmp_path, item_page(block(obligation="law", basis=(
        '\n  - "[Trang](b.md)"\n  - "[Luật mẫu, Điều 51](../van-ban/mau.md#dieu-51-to-chuc-hoi-nghi)"'))))
    (docs / "cam-nang" / "b.md").write_text("---\ntitle: B\n---\n\n# B\n", encoding="utf-8")
    [item] = collect(sources.load(docs, docs.parent)).items["vi"]
    assert item.obligation == "law"


def test_english_item_must_repeat_obligation_and_conditions(tmp_path):
    vi = item_page(block(obligation="law", applies_if='\n  staff: ["100+"]'))
    en = item_page(block(requirement="Hold the conference.", obligation="practice",
                         applies_if='\n  staff: ["8-99", "100+"]'))
    docs = new_fields_docs(tmp_path, vi, en)
    assert new_fields_errors(docs) == [("docs/cam-nang/a.en.md", 13, "checklist-obligation"),
                                       ("docs/cam-nang/a.en.md", 14, "checklist-applies-if")]
    same = item_page(block(requirement="Hold the conference.", obligation="law", applies_if="{staff: ['100+']}"))
    (docs / "cam-nang" / "a.en.md").write_text(same, encoding="utf-8")
    assert [i.id for i in collect(sources.load(docs, docs.parent)).items["en"]] == ["fx-moi"]
