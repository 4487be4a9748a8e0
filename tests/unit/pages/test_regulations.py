"""Regulation pages (handbook.pages.regulations) on the fixture site
(tests/fixtures/content/site/): metadata read and what replaces what, the
header box in the reader's language, the documents index; the shipped
regulation pages' metadata complete. ("Cited in" lists: test_backlinks.py;
the built pages: tests/site/test_pages.py.)"""
import datetime as dt

from conftest import content_fixture_sources, shipped_sources
from handbook.content.schema import SCHEMAS
from handbook.pages import regulations

def test_collect_reads_metadata_and_computes_what_replaces_what():
    regs = regulations.collect(content_fixture_sources(), "vi")
    assert set(regs) == {"van-ban/luat.md", "van-ban/qd-51.md", "van-ban/qd-302.md"}
    law = regs["van-ban/luat.md"]
    assert (law.number, law.signed, law.effective, law.status) == (
        "10/2022/QH15", dt.date(2022, 11, 10), dt.date(2023, 7, 1), "in-force")
    assert regs["van-ban/qd-51.md"].replaced_by == "van-ban/qd-302.md"
    assert regs["van-ban/qd-302.md"].replaces == ("van-ban/qd-51.md",)


def test_english_reader_sees_translated_fields_and_inherited_ones():
    regs = regulations.collect(content_fixture_sources(), "en")
    decision = regs["van-ban/qd-302.md"]
    assert (decision.title, decision.issuer, decision.translated) == (
        "Decision 302/QĐ-VKSTC", "Supreme People's Procuracy", True)
    assert decision.signed == dt.date(2024, 9, 16)  # inherited from the Vietnamese page
    assert regs["van-ban/qd-51.md"].translated is False


def test_header_box_lists_every_field_with_dates_in_the_reader_language():
    regs_vi = regulations.collect(content_fixture_sources(), "vi")
    box = regulations.header_box(regs_vi["van-ban/qd-51.md"], regs_vi, "vi")
    for text in ("Số hiệu", "51/QĐ-VKSTC", "Loại văn bản", "Quyết định", "Cơ quan ban hành",
                 "Ngày ký", "03/03/2023", "Ngày hiệu lực", "Chưa xác nhận", "Tình trạng",
                 'handbook-status--replaced">Đã được thay thế<',
                 "Được thay thế bởi", "[Quyết định 302/QĐ-VKSTC](qd-302.md)",
                 "Nguồn chính thức", "[vksndtc.gov.vn](https://vksndtc.gov.vn/)"):
        assert text in box, text
    regs_en = regulations.collect(content_fixture_sources(), "en")
    box = regulations.header_box(regs_en["van-ban/qd-302.md"], regs_en, "en")
    for text in ("Number", "Signed", "16 September 2024", "In force", "Replaces",
                 "[Decision 51/QĐ-VKSTC](qd-51.md)"):
        assert text in box, text


def test_header_box_goes_right_under_the_title():
    markdown = "# Tiêu đề\n\nĐoạn đầu.\n"
    assert regulations.insert_after_title(markdown, "BOX") == "# Tiêu đề\n\nBOX\n\n\nĐoạn đầu.\n"
    assert regulations.insert_after_title("```\n# không\n```\n", "BOX").startswith("BOX")


def test_documents_index_groups_and_links_every_regulation():
    index = regulations.documents_index(regulations.collect(content_fixture_sources(), "en"), "en", "van-ban/index.md")
    assert index.index("## Law") < index.index("## Documents of the People's Procuracy")
    assert "| 10/2022/QH15 | [Luật Thực hiện dân chủ ở cơ sở](luat.md) *(not yet translated)* |" in index
    # newest first inside a group
    assert index.index("302/QĐ-VKSTC") < index.index("51/QĐ-VKSTC")
    assert "[Decision 302/QĐ-VKSTC](qd-302.md) |" in index


REQUIRED = [f.name for f in SCHEMAS["regulation"] if f.required]


def test_every_regulation_page_has_complete_metadata():
    regs = [s for s in shipped_sources() if s.lang == "vi" and s.meta.get("type") == "regulation"]
    assert regs, "no regulation pages"
    for source in regs:
        missing = [f for f in REQUIRED if not source.meta.get(f)]
        assert not missing, f"{source.path}: missing {missing}"
        if source.meta["status"] == "replaced":
            assert source.meta.get("replaced_by"), source.path


