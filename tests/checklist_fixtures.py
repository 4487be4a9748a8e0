"""Shared helpers for the checklist tests: the fixture pages (tests/fixtures/
checklists/docs/thu-nghiem/), read as sources (fixtures ``checklist_sources``
and ``checklist_collection`` in conftest.py) or added to a copy of the project
(``checklist_site``), so items, generated checklists and downloads are tested
on known items whatever the content holds."""
from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "checklists"
FIXTURE_DOCS = FIXTURES / "docs"
FIXTURE_PAGES = ("thu-nghiem/luat.md", "thu-nghiem/cong-khai.md", "thu-nghiem/hoi-nghi.md",
                 "thu-nghiem/trach-nhiem.md")
# Every item the fixture pages declare, in the order of the pages above.
ALL_IDS = ["fx-cong-khai-ke-hoach", "fx-cong-khai-dung-han", "fx-cong-khai-hang-thang", "fx-hoi-nghi-to-chuc",
           "fx-hoi-nghi-so-ket", "fx-ban-chi-dao-kiem-tra", "fx-tra-loi-kien-nghi", "fx-bau-ban-ttnd", "fx-quy-che"]


def add_fixture_pages(project: Path) -> Path:
    """Copy the fixture pages into ``project``'s docs and list them in its nav."""
    shutil.copytree(FIXTURE_DOCS / "thu-nghiem", project / "docs" / "thu-nghiem")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = "  - Thử nghiệm:\n" + "".join(f"      - {p}\n" for p in FIXTURE_PAGES)
    marker = "\nnav:\n"
    head, _, tail = text.partition(marker)
    # append to the end of the nav list (the nav block ends at the first
    # top-level key after it)
    lines = tail.split("\n")
    end = next((i for i, l in enumerate(lines) if l and not l.startswith((" ", "-", "#"))), len(lines))
    lines.insert(end, entry.rstrip("\n"))
    config.write_text(head + marker + "\n".join(lines), encoding="utf-8")
    return project


def with_law(collection, law_ids, applies=None):
    """The fixture items with some of them declared legal requirements (the
    fixture's sample law is not a page of van-ban/, which ``collect`` would
    require of a law item) and given conditions."""
    import dataclasses
    from handbook.checklists.collect import Collection
    items = {lang: [dataclasses.replace(i, obligation="law" if i.id in law_ids else i.obligation,
                                        applies_if=(applies or {}).get(i.id, i.applies_if))
                    for i in lang_items] for lang, lang_items in collection.items.items()}
    copy = Collection(items, collection.by_page, collection.languages, collection.order,
                      titles=collection.titles)
    copy._translated_pages = collection._translated_pages
    return copy
