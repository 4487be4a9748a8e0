"""What the checklist items become, on the fixture pages
(tests/fixtures/checklists/): item boxes on their own page, and the
inspection, per-role and calendar lists, written as HTML tables put in place
after Markdown. (The built pages: tests/site/test_checklist_pages.py.)"""
from __future__ import annotations

import re

import pytest

from checklist_fixtures import ALL_IDS, with_law
from handbook.checklists import nav_order
from handbook.checklists.page import markdown as page_markdown
from handbook.checklists.parse import find_blocks
from handbook.checklists.render import rewrite
from handbook.checklists.tables import build


def test_source_page_blocks_become_item_boxes(checklist_sources, checklist_collection):
    source = next(s for s in checklist_sources if s.src_uri == "thu-nghiem/cong-khai.md")
    out = rewrite(source.body, checklist_collection.by_page[source.src_uri], "vi")
    assert "```checklist\nid: fx-cong-khai-ke-hoach" not in out
    assert '{: #ck-fx-cong-khai-ke-hoach' in out
    assert "**Thời hạn:** Hằng năm, trong quý I" in out
    assert "fx-vi-du-khong-tinh" in out  # the example stays a code example
    assert find_blocks(out)[0] == []  # the example sits inside a ````markdown fence


def test_inspection_groups_by_topic_and_leaves_out_steering_committee_duties(checklist_collection):
    collection = with_law(checklist_collection, {"fx-cong-khai-ke-hoach", "fx-cong-khai-dung-han", "fx-bau-ban-ttnd"})
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    ids = [r.id for r in checklist.rows]
    assert "fx-ban-chi-dao-kiem-tra" not in ids and len(ids) == 8
    sections = [r.section for r in checklist.rows]
    assert sections[0] == "Công khai (thử nghiệm)" and "Ban Thanh tra nhân dân" in sections
    text = page_markdown(checklist)
    # headings stay Markdown (they make the page's contents), level 2 under the title
    assert "\n## Yêu cầu theo quy định của pháp luật\n" in text and "\n### Công khai (thử nghiệm)\n" in text
    assert "\n# " not in text and "####" not in text
    heads = re.findall(r'<th scope="col" class="[^"]+">(.*?)</th>', text)
    assert heads[:6] == ["STT", "Yêu cầu", "Căn cứ", "Tài liệu, minh chứng cần kiểm tra", "Kết quả", "Ghi chú"]
    assert "><span>Đạt</span></label>" in text and "><span>Không áp dụng</span></label>" in text
    # basis re-aimed at the checklist page (as MkDocs writes addresses); each
    # row links back to its explanation
    assert 'href="../../thu-nghiem/luat/#dieu-46-' in text
    assert 'href="../../thu-nghiem/cong-khai/#ck-fx-cong-khai-ke-hoach" title="Xem giải thích"' in text
    assert 'href="../../thu-nghiem/cong-khai/#thoi-han-cong-khai"' in text


def test_inspection_scores_the_law_and_lists_the_practices_apart(checklist_collection):
    collection = with_law(checklist_collection, {"fx-cong-khai-ke-hoach", "fx-bau-ban-ttnd"})
    checklist = build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    assert [r.part for r in checklist.rows] == ["law"] * 2 + ["practice"] * 6
    assert [r.number for r in checklist.rows] == list(range(1, 9))
    text = page_markdown(checklist)
    law, practice = text.split("## Thực hành khuyến nghị của Cẩm nang (không chấm điểm)")
    assert law.count('data-ck-part="law"') == 2 and 'data-ck-field="result"' in law
    assert 'data-ck-field="done"' not in law
    assert practice.count('data-ck-part="practice"') == 6 and 'data-ck-field="result"' not in practice
    assert "không dùng để kết luận đơn vị vi phạm" in practice  # clearly not scored
    assert 'data-ck-scored="2"' in text


def test_rows_say_when_they_apply_and_on_which_article(checklist_collection):
    collection = with_law(checklist_collection, set(), {"fx-hoi-nghi-to-chuc": {"staff": ("8-99", "100+")}})
    checklist = build(collection, "checklist-self", None, "vi", "bang-kiem/tu-kiem-tra.md")
    row = next(r for r in checklist.rows if r.id == "fx-hoi-nghi-to-chuc")
    assert row.applies_text == ("Đơn vị có từ 8 người trở lên (cán bộ, công chức, viên chức, người lao động) "
                                "— Luật mẫu, Điều 51")
    text = page_markdown(checklist)
    assert 'data-ck-applies="{&quot;staff&quot;:[&quot;8-99&quot;,&quot;100+&quot;]}"' in text
    assert "<strong>Áp dụng khi:</strong> Đơn vị có từ 8 người trở lên" in text
    assert '<span class="ck-kind ck-kind--practice">Thực hành khuyến nghị</span>' in text


def test_screen_readers_hear_the_requirement_with_each_control(checklist_collection):
    collection = with_law(checklist_collection, {"fx-cong-khai-ke-hoach"})
    text = page_markdown(build(collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md"))
    assert '<fieldset class="ck-choice" aria-labelledby="cks-1-r cks-1">' in text
    assert '<span hidden id="cks-1-r">Kết quả, STT 1:</span>' in text
    assert '<span class="ck-req" id="cks-1">Công khai kế hoạch công tác năm của đơn vị.</span>' in text
    assert 'aria-labelledby="cks-1-n cks-1"' in text  # the notes of row 1
    assert 'data-label="Tài liệu, minh chứng cần kiểm tra"' in text  # the card's words


def test_checklist_tables_are_html_put_in_place_after_markdown(checklist_collection):
    from handbook.checklists.htmltables import Abbreviations, Inline
    from handbook.pages.generated import Slots
    checklist = build(checklist_collection, "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")
    slots = Slots()
    inline = Inline(checklist.page_uri, Abbreviations({"TTND": "Thanh tra nhân dân", "Ban Thanh tra": "Ban TTND"}))
    text = page_markdown(checklist, inline, slots.place)
    assert "<table" not in text and "<td" not in text  # Python-Markdown never sees the tables
    tables = len({r.section for r in checklist.rows})
    assert len(slots.blocks) == tables + 1  # and the practices' introduction
    converted = "\n".join(f"<p>{line}</p>" if line.startswith(slots.prefix) else line for line in text.splitlines())
    page = slots.fill(converted)
    assert slots.prefix not in page and page.count('<table class="ck-table') == tables
    assert '<abbr title="Ban TTND">Ban Thanh tra</abbr> nhân dân' in page


def test_inline_field_text_links_emphasis_and_escaping():
    from handbook.checklists.htmltables import Abbreviations, Inline, href
    inline = Inline("bang-kiem/kiem-tra.md", Abbreviations({"QH15": "Quốc hội khóa XV", "Q": "x"}))
    assert inline("[Luật 10/2022/QH15, Điều 5](../van-ban/luat.md#dieu-5) & <b>") == (
        '<a href="../../van-ban/luat/#dieu-5">Luật 10/2022/<abbr title="Quốc hội khóa XV">QH15</abbr>, '
        'Điều 5</a> &amp; &lt;b&gt;')
    assert inline("**rõ** và *nghiêng*, `mã`") == "<strong>rõ</strong> và <em>nghiêng</em>, <code>mã</code>"
    assert href("bang-kiem/kiem-tra.md", "../index.md") == "../../"
    assert href("bang-kiem/index.md", "kiem-tra.md#a") == "kiem-tra/#a"
    assert href("bang-kiem/kiem-tra.md", "#a") == "#a"
    assert href("bang-kiem/kiem-tra.md", "https://vbpl.vn/x") == "https://vbpl.vn/x"
    assert href("bang-kiem/kiem-tra.md", "../van-ban/luat.md", directory_urls=False) == "../van-ban/luat.html"


def test_role_lists_hold_only_that_role(checklist_collection):
    checklist = build(checklist_collection, "checklist-role", "cong-doan", "en", "bang-kiem/vai-tro-cong-doan.md")
    assert [r.id for r in checklist.rows] == ["fx-cong-khai-dung-han", "fx-hoi-nghi-to-chuc",
                                              "fx-hoi-nghi-so-ket", "fx-bau-ban-ttnd"]
    heads = re.findall(r'<th scope="col" class="[^"]+">(.*?)</th>', page_markdown(checklist))
    assert heads[:7] == ["No.", "Task", "When", "Basis", "Evidence to keep", "Done", "Notes"]  # one table per topic


def test_unknown_role_in_generate_is_an_error(checklist_collection):
    from handbook.errors import ContentError
    with pytest.raises(ContentError, match="giam-doc"):
        build(checklist_collection, "checklist-role", "giam-doc", "vi", "bang-kiem/x.md", "docs/bang-kiem/x.md")


def test_calendar_has_month_grid_quarters_and_event_duties(checklist_collection):
    checklist = build(checklist_collection, "checklist-calendar", None, "vi", "bang-kiem/lich-nam.md")
    text = page_markdown(checklist)
    assert "\n## Lịch theo tháng\n" in text and "\n## Theo quý\n" in text
    assert "\n## Việc phát sinh theo sự kiện\n" in text and "\n### " not in text
    grid = [r.id for r in checklist.rows if r.section == "grid"]
    assert grid == ["fx-cong-khai-ke-hoach", "fx-cong-khai-hang-thang", "fx-hoi-nghi-to-chuc",
                    "fx-hoi-nghi-so-ket", "fx-bau-ban-ttnd"]
    conference = next(r for r in checklist.rows if r.id == "fx-hoi-nghi-to-chuc")
    assert conference.months == (1, 2, 3)
    events = [r for r in checklist.rows if r.section == "events"]
    assert [r.deadline for r in events] == ["Khi phát sinh, trong 5 ngày làm việc kể từ khi phát sinh",
                                            "Khi phát sinh, trong 15 ngày kể từ khi phát sinh"]
    assert sorted(r.id for r in checklist.rows) == sorted(ALL_IDS)


def test_nav_order_flattens_sections():
    nav = [{"Trang chủ": "index.md"}, {"Cẩm nang": ["cam-nang/index.md", {"X": "cam-nang/x.md"}]}]
    assert nav_order(nav) == ["index.md", "cam-nang/index.md", "cam-nang/x.md"]
