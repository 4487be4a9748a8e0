"""The plan page's HTML (handbook.plan.page) made from the shipped
checklist items: within the content allowlist (no control without the
script), every text escaped, each task with its date, basis, link and
conditions, each event-driven item with its rule and calculator; and the
page's ``calculators:`` checked at their line."""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re

import pytest

from conftest import shipped_sources
from handbook.checklists import collect, nav_order
from handbook.content import htmlpolicy
from handbook.content.sources import Source
from handbook.errors import ContentErrors
from handbook.plan import page, steps
from handbook.plan.yearplan import build_plan
from plan_fixtures import calendar

PAGE_URI = "bang-kiem/ke-hoach-nam.md"


@functools.lru_cache(maxsize=1)
def shipped():
    sources = shipped_sources()
    return sources, collect(sources, nav_order(None))


@functools.lru_cache(maxsize=2)
def rendered(lang: str) -> tuple[str, list[str], dict]:
    sources, collection = shipped()
    plan_page = next(s for s in sources if s.base_uri == PAGE_URI and s.lang == "vi")
    named = steps.calculators(plan_page, {i.id for i in collection.items["vi"]})
    items = steps.items(collection, lang, PAGE_URI, named=named)
    data = [entry.data for entry in items.values()]
    plans = [build_plan(year, data, calendar()) for year in (2026, 2027)]
    blocks: list[str] = []
    markdown = page.markdown(lang, plans, items, calendar(), "01-01", False,
                             lambda block: blocks.append(block) or f"\nSLOT{len(blocks) - 1}\n")
    return markdown, blocks, items


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_stays_within_the_content_allowlist(lang):
    _markdown, blocks, _items = rendered(lang)
    for block in blocks:
        assert htmlpolicy.check_html(block) == [], block[:300]
        assert "<form" not in block and "<button" not in block and 'type="text"' not in block


def test_headings_give_the_contents_and_the_years_carry_their_marks():
    markdown, _blocks, _items = rendered("vi")
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings == ["Cách tính ngày", "Chọn năm và loại đơn vị { .hb-plan__screen-only }",
                        'Năm 2026 {#nam-2026 data-hb-plan-year="2026"}', 'Năm 2027 {#nam-2027 data-hb-plan-year="2027"}',
                        "Việc có hạn tính từ sự việc", "Việc làm khi phát sinh",
                        "Việc theo nhiệm kỳ Ban Thanh tra nhân dân", "Việc làm một lần"]


def test_the_work_year_is_said_to_be_unconfirmed_with_its_setting_and_dates():
    _markdown, blocks, _items = rendered("vi")
    explanation = blocks[0]
    assert "Năm công tác của ngành Kiểm sát chưa được xác nhận" in explanation
    assert "<code>extra.handbook.work_year_start</code>" in explanation
    assert "năm công tác 2026 từ 01/01/2026 đến 31/12/2026" in explanation
    assert "Điều 147" in explanation and "Điều 148" in explanation
    assert "Văn bản 9859/VPCP-KGVX ngày 13/10/2025" in explanation
    assert "Năm 2027: chưa có lịch nghỉ chính thức" in explanation
    assert "24/11/2026 (Ngày Văn hóa Việt Nam) được tính là ngày làm việc" in explanation
    confirmed = page.explanation("vi", calendar(), (2026,), "12-01", True)
    assert "chưa được xác nhận" not in confirmed and "từ 01/12/2025 đến 30/11/2026" in confirmed


def test_a_moved_deadline_says_from_which_day_and_why():
    _markdown, blocks, _items = rendered("vi")
    year_2026 = next(b for b in blocks if 'data-hb-plan-table="2026"' in b)
    rows = re.findall(r"<tr data-hb-task=.*?</tr>", year_2026, re.S)
    assert rows
    dated = [re.search(r'<time datetime="([0-9-]+)">', row).group(1) for row in rows]
    assert dated == sorted(dated)                                        # by deadline
    assert all(calendar().is_working(dt.date.fromisoformat(d)) for d in dated)
    moved = [row for row in rows if "Dời từ" in row]
    assert moved and all("Điều 148" in row for row in moved)
    assert any("Dời từ 31/05/2026 (Chủ nhật)" in row for row in rows)


def test_each_row_has_its_link_basis_and_conditions():
    _markdown, blocks, items = rendered("vi")
    year_2026 = next(b for b in blocks if 'data-hb-plan-table="2026"' in b)
    row = re.search(r'<tr data-hb-task="hoi-nghi-to-chuc-hang-nam".*?</tr>', year_2026, re.S).group(0)
    assert 'href="../../cam-nang/hoi-nghi-can-bo/#ck-hoi-nghi-to-chuc-hang-nam"' in row
    assert 'href="../../van-ban/luat-10-2022-qh15/#dieu-51-' in row
    conditions = json.loads(html.unescape(re.search(r'data-hb-applies="([^"]+)"', row).group(1)))
    assert conditions == {"staff": ["8-99", "100+"]}
    assert '<time datetime="2026-03-31">31/03/2026</time>' in row


def test_event_items_state_the_rule_and_carry_a_calculator():
    _markdown, blocks, _items = rendered("vi")
    events = next(b for b in blocks if "data-hb-deadline" in b)
    for item_id, rule in (("cong-khai-trong-5-ngay-lam-viec", "+5wd"), ("cong-khai-dang-tai-20-ngay", "+20d"),
                          ("cong-khai-niem-yet-20-ngay", "+20d"), ("ban-ttnd-tra-loi-kien-nghi", "+15d"),
                          ("ban-quyet-dinh-so-ket-6-thang", "+6m"), ("ban-ttnd-bau-theo-nhiem-ky", "+2y")):
        box = re.search(rf'<div class="hb-deadline" id="tinh-han-{item_id}"[^>]*>.*?</div>', events, re.S)
        assert box, item_id
        assert f'data-rule="{html.escape(rule)}"' in box.group(0) and 'data-holidays="ngay-nghi.json"' in box.group(0)
        assert "Cách tính:" in box.group(0)
    posting = re.search(r'id="tinh-han-cong-khai-niem-yet-20-ngay"[^>]*>', events).group(0)
    assert 'data-event-label="Ngày bắt đầu niêm yết"' in posting
    assert 'data-result-label="Giữ niêm yết ít nhất đến hết ngày"' in posting
    # the Board's election recognised within 5 working days (another article): generic words
    recognised = re.search(r'id="tinh-han-ban-ttnd-cong-nhan-ket-qua"[^>]*>', events).group(0)
    assert 'data-event-label="Ngày xảy ra sự việc"' in recognised


def test_the_profile_choice_uses_the_checklists_keys_and_is_hidden_without_script():
    _markdown, blocks, _items = rendered("en")
    choice = next(b for b in blocks if "data-hb-plan-choice" in b)
    assert re.search(r"data-hb-plan-choice [^>]*hidden>", choice)
    assert [v for v in re.findall(r'name="hb-plan-staff" value="([^"]+)"', choice)] == ["1-7", "8-99", "100+"]
    assert re.findall(r'data-hb-flag="([a-z_]+)"', choice) == ["board", "internal_system", "dispersed"]
    names = json.loads(html.unescape(re.search(r'data-hb-profiles="([^"]+)"', choice).group(1)))
    assert len(names) == 20 and names["8-99-ban-htnb-taptrung"].startswith("A unit of 8 to 99 people")


def test_every_text_is_escaped():
    hostile = {"id": "x", "requirement": "<script>alert(1)</script>", "frequency": "yearly", "due": None,
               "applies_if": {}, "basis": "", "articles": (), "calculator": None, "link": "/x/"}
    item = page.PageItem(hostile, html.escape(hostile["requirement"]), "", '"><img src=x onerror=alert(1)>', ())
    plan = build_plan(2026, [hostile], calendar())
    table = page.year_table(plan, {"x": item}, calendar(), "vi")
    assert "<script>" not in table and "<img" not in table and htmlpolicy.check_html(table) == []


def _source(front_matter: str) -> Source:
    text = f"---\n{front_matter}---\n\n# T\n"
    import yaml
    return Source(path="docs/bang-kiem/ke-hoach-nam.md", src_uri=PAGE_URI, base_uri=PAGE_URI, lang="vi",
                  text=text, meta=yaml.safe_load(front_matter), body="# T\n", body_line=5)


def test_calculators_of_the_page_are_checked_at_their_line():
    good = _source("title: T\ncalculators:\n  a: +20d\n  b: false\n")
    assert steps.calculators(good, {"a", "b"}) == {"a": "+20d", "b": False}
    bad = _source("title: T\ncalculators:\n  a: +20d\n  nope: +20d\n  b: Q1\n")
    with pytest.raises(ContentErrors) as info:
        steps.calculators(bad, {"a", "b"})
    found = [(e.path, e.line, e.rule) for e in info.value.errors]
    assert found == [("docs/bang-kiem/ke-hoach-nam.md", 5, "plan-calculators"),
                     ("docs/bang-kiem/ke-hoach-nam.md", 6, "plan-calculators")]
    assert all(e.fix_vi and e.fix_en for e in info.value.errors)
