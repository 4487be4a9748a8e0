"""Regulation pages: metadata box, documents index, and "cited in" lists."""
import datetime as dt
import re
from pathlib import Path

from bs4 import BeautifulSoup

from handbook.build.store import STORE
from handbook.pages import backlinks
from handbook.content import dates
from handbook.pages import regulations
from handbook.content import sources
from handbook.content.schema import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "content" / "site"
ART51 = "dieu-51-to-chuc-hoi-nghi-can-bo-cong-chuc-vien-chuc-nguoi-lao-dong"


def fixture_sources():
    return sources.load(FIXTURE / "docs", FIXTURE)


def shipped_sources():
    return sources.load(ROOT / "docs", ROOT)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built(site: Path, base_uri: str, lang: str) -> Path:
    page = base_uri[:-3]
    page = page[: -len("index")] if page.endswith("index") else page + "/"
    return site / ("en/" if lang == "en" else "") / page / "index.html"


# --- plain functions on fixtures -------------------------------------------

def test_collect_reads_metadata_and_computes_what_replaces_what():
    regs = regulations.collect(fixture_sources(), "vi")
    assert set(regs) == {"van-ban/luat.md", "van-ban/qd-51.md", "van-ban/qd-302.md"}
    law = regs["van-ban/luat.md"]
    assert (law.number, law.signed, law.effective, law.status) == (
        "10/2022/QH15", dt.date(2022, 11, 10), dt.date(2023, 7, 1), "in-force")
    assert regs["van-ban/qd-51.md"].replaced_by == "van-ban/qd-302.md"
    assert regs["van-ban/qd-302.md"].replaces == ("van-ban/qd-51.md",)


def test_english_reader_sees_translated_fields_and_inherited_ones():
    regs = regulations.collect(fixture_sources(), "en")
    decision = regs["van-ban/qd-302.md"]
    assert (decision.title, decision.issuer, decision.translated) == (
        "Decision 302/QĐ-VKSTC", "Supreme People's Procuracy", True)
    assert decision.signed == dt.date(2024, 9, 16)  # inherited from the Vietnamese page
    assert regs["van-ban/qd-51.md"].translated is False


def test_header_box_lists_every_field_with_dates_in_the_reader_language():
    regs_vi = regulations.collect(fixture_sources(), "vi")
    box = regulations.header_box(regs_vi["van-ban/qd-51.md"], regs_vi, "vi")
    for text in ("Số hiệu", "51/QĐ-VKSTC", "Loại văn bản", "Quyết định", "Cơ quan ban hành",
                 "Ngày ký", "03/03/2023", "Ngày hiệu lực", "Chưa xác nhận", "Tình trạng",
                 'handbook-status--replaced">Đã được thay thế<',
                 "Được thay thế bởi", "[Quyết định 302/QĐ-VKSTC](qd-302.md)",
                 "Nguồn chính thức", "[vksndtc.gov.vn](https://vksndtc.gov.vn/)"):
        assert text in box, text
    regs_en = regulations.collect(fixture_sources(), "en")
    box = regulations.header_box(regs_en["van-ban/qd-302.md"], regs_en, "en")
    for text in ("Number", "Signed", "16 September 2024", "In force", "Replaces",
                 "[Decision 51/QĐ-VKSTC](qd-51.md)"):
        assert text in box, text


def test_header_box_goes_right_under_the_title():
    markdown = "# Tiêu đề\n\nĐoạn đầu.\n"
    assert regulations.insert_after_title(markdown, "BOX") == "# Tiêu đề\n\nBOX\n\n\nĐoạn đầu.\n"
    assert regulations.insert_after_title("```\n# không\n```\n", "BOX").startswith("BOX")


def test_documents_index_groups_and_links_every_regulation():
    index = regulations.documents_index(regulations.collect(fixture_sources(), "en"), "en", "van-ban/index.md")
    assert index.index("## Law") < index.index("## Documents of the People's Procuracy")
    assert "| 10/2022/QH15 | [Luật Thực hiện dân chủ ở cơ sở](luat.md) *(not yet translated)* |" in index
    # newest first inside a group
    assert index.index("302/QĐ-VKSTC") < index.index("51/QĐ-VKSTC")
    assert "[Decision 302/QĐ-VKSTC](qd-302.md) |" in index


def test_backlinks_index_finds_questions_chapters_and_checklist_items():
    index = backlinks.build_index(fixture_sources(), "vi", {"van-ban/luat.md", "van-ban/qd-51.md", "van-ban/qd-302.md"})
    cited = {(c.kind, c.source, c.anchor, c.link_anchor) for c in index["van-ban/luat.md"]}
    assert cited == {
        ("qa", "hoi-dap/cong-khai.md", ART51, "phai-cong-khai-trong-bao-lau"),
        ("qa", "hoi-dap/cong-khai.md", None, "ai-chiu-trach-nhiem"),
        ("qa", "hoi-dap/chung.md", "dieu-1-pham-vi-dieu-chinh", "luat-co-hieu-luc-khi-nao"),
        ("qa", "hoi-dap/chung.md", None, "cau-hoi-chua-co-can-cu"),
        ("chapter", "cam-nang/hoi-nghi.md", None, None),
        ("chapter", "cam-nang/hoi-nghi.md", ART51, "thoi-han-to-chuc"),
        ("checklist", "cam-nang/hoi-nghi.md", ART51, "thoi-han-to-chuc"),
    }
    # code spans and code blocks are not citations
    assert "van-ban/qd-51.md" not in index
    assert {(c.kind, c.source, c.link_anchor) for c in index["van-ban/qd-302.md"]} == {
        ("qa", "hoi-dap/cong-khai.md", None)}


def test_checklist_items_link_to_their_own_anchor_when_rendered():
    index = backlinks.build_index(fixture_sources(), "vi", {"van-ban/luat.md"}, "ck-")
    items = [c for c in index["van-ban/luat.md"] if c.kind == "checklist"]
    assert [(c.source, c.link_anchor, c.label) for c in items] == [
        ("cam-nang/hoi-nghi.md", "ck-to-chuc-hoi-nghi", "Tổ chức hội nghị cán bộ hằng năm.")]


def test_backlinks_are_inserted_under_each_cited_article_and_for_the_page():
    all_sources = fixture_sources()
    law = next(s for s in all_sources if s.src_uri == "van-ban/luat.md")
    citations = backlinks.build_index(all_sources, "vi")["van-ban/luat.md"]
    out = backlinks.insert(law.body, "van-ban/luat.md", citations, "vi")
    art51 = out.index("## Điều 51.")
    block = out.index("**Được dẫn chiếu tại:**", art51)
    assert block < out.index("## Văn bản chính thức") and block > out.index("### Chi tiết")
    section = out[block:out.index("## Văn bản chính thức")]
    assert "[Phải công khai trong bao lâu?](../hoi-dap/cong-khai.md#phai-cong-khai-trong-bao-lau) — Hỏi – Đáp" in section
    assert "[Hội nghị cán bộ › Thời hạn tổ chức](../cam-nang/hoi-nghi.md#thoi-han-to-chuc) — Cẩm nang" in section
    assert "[Tổ chức hội nghị cán bộ hằng năm.](../cam-nang/hoi-nghi.md#thoi-han-to-chuc) — Bảng kiểm" in section
    page_section = out[out.index("## Được dẫn chiếu tại {#duoc-dan-chieu-tai}"):]
    assert "(../hoi-dap/chung.md#luat-co-hieu-luc-khi-nao) — Hỏi – Đáp (Điều 1)" in page_section
    assert "[Hội nghị cán bộ](../cam-nang/hoi-nghi.md) — Cẩm nang" in page_section
    assert backlinks.insert("# X\n", "van-ban/x.md", [], "vi") == "# X\n"


def test_english_backlinks_mark_untranslated_sources():
    index = backlinks.build_index(fixture_sources(), "en")
    by_source = {(c.source, c.translated) for c in index["van-ban/luat.md"]}
    assert ("hoi-dap/cong-khai.md", True) in by_source and ("hoi-dap/chung.md", False) in by_source
    out = backlinks.insert("# Law\n", "van-ban/luat.md", index["van-ban/luat.md"], "en")
    assert "## Cited in {#duoc-dan-chieu-tai}" in out and "*(Vietnamese only)*" in out


def test_a_page_read_for_one_language_is_marked_right_in_the_other():
    # citations are read once per page and shared between the language builds
    sources = fixture_sources()
    first_vi = backlinks.build_index(sources, "vi")
    en = backlinks.build_index(sources, "en")
    again_vi = backlinks.build_index(sources, "vi")
    assert first_vi == again_vi
    assert all(c.translated for cited in again_vi.values() for c in cited)
    untranslated = [c for c in en["van-ban/luat.md"] if c.source == "hoi-dap/chung.md"]
    assert untranslated and not any(c.translated for c in untranslated)
    assert {(c.target, c.anchor, c.label) for c in untranslated} == \
        {(c.target, c.anchor, c.label) for c in first_vi["van-ban/luat.md"] if c.source == "hoi-dap/chung.md"}


# --- the shipped site --------------------------------------------------------

REQUIRED = [f.name for f in SCHEMAS["regulation"] if f.required]


def test_every_regulation_page_has_complete_metadata():
    regs = [s for s in shipped_sources() if s.lang == "vi" and s.meta.get("type") == "regulation"]
    assert regs, "no regulation pages"
    for source in regs:
        missing = [f for f in REQUIRED if not source.meta.get(f)]
        assert not missing, f"{source.path}: missing {missing}"
        if source.meta["status"] == "replaced":
            assert source.meta.get("replaced_by"), source.path


def test_every_regulation_page_shows_its_metadata_box(site):
    regs_by_lang = {lang: regulations.collect(shipped_sources(), lang) for lang in ("vi", "en")}
    for lang, regs in regs_by_lang.items():
        labels = regulations.FIELD_LABELS[lang]
        for reg in regs.values():
            doc = soup(built(site, reg.base_uri, lang))
            box = doc.select_one("article .handbook-regulation")
            assert box is not None, f"{lang} {reg.base_uri}: no metadata box"
            h1 = doc.select_one("article h1")
            assert h1.find_next(class_="handbook-regulation") is box, "box must follow the title"
            fields = {dt_.get_text(strip=True): dd.get_text(" ", strip=True)
                      for dt_, dd in zip(box.select("dt"), box.select("dd"))}
            assert fields[labels["number"]].replace(" ", "") == reg.number.replace(" ", "")
            assert fields[labels["status"]] == regulations.STATUS_LABELS[lang][reg.status]
            badge = box.select_one(f".handbook-status--{reg.status}")
            assert badge is not None and badge.get_text(strip=True), "status needs a text badge"
            if reg.signed:
                assert fields[labels["signed"]] == dates.format_date(reg.signed, lang)
            assert box.select_one(f'a[href="{reg.source_url}"]') is not None
            if reg.replaced_by:
                assert labels["replaced_by"] in fields


def index_rows(site: Path, lang: str):
    doc = soup(site / ("en/" if lang == "en" else "") / "van-ban" / "index.html")
    rows = []
    for tr in doc.select("article table tbody tr"):
        cells = tr.select("td")
        link = cells[1].select_one("a")
        rows.append((cells[0].get_text("", strip=True), link["href"], cells[5].get_text(strip=True)))
    return rows


def test_documents_index_matches_the_regulation_pages(site):
    for lang in ("vi", "en"):
        regs = regulations.collect(shipped_sources(), lang)
        rows = index_rows(site, lang)
        expected = {(r.number, r.base_uri[len("van-ban/"):-3] + "/",
                     regulations.STATUS_LABELS[lang][r.status]) for r in regs.values()}
        assert len(rows) == len(regs), f"{lang}: {len(rows)} rows for {len(regs)} pages"
        assert set(rows) == expected


def test_regulation_pages_list_where_the_handbook_cites_them(site):
    """Independent check: every link from a chapter or Q&A page to a regulation
    page appears, as a link back, in that page's "cited in" section."""
    link = re.compile(r"\]\((\.\./van-ban/[a-z0-9-]+\.md)(#[^)\s]*)?\)")
    expected: dict[str, set[str]] = {}
    for source in shipped_sources():
        if source.lang != "vi" or source.meta.get("type") not in ("chapter", "qa"):
            continue
        for match in link.finditer(source.body):
            target = match.group(1)[3:]
            expected.setdefault(target, set()).add(source.base_uri[:-3])
    assert expected, "no chapter or Q&A cites a regulation yet"
    for target, citing in expected.items():
        section = soup(built(site, target, "vi")).select_one("#duoc-dan-chieu-tai")
        assert section is not None, f"{target}: no 'Được dẫn chiếu tại' section"
        hrefs = set()
        for a in section.find_next("ul").select("a[href]"):
            hrefs.add(a["href"].split("#")[0].strip("/").removeprefix("../../"))
        for page in citing:
            assert any(h.endswith(page.removesuffix("/index")) for h in hrefs), f"{target}: {page} missing in {hrefs}"


def test_citations_kept_in_the_build_cache_are_the_ones_read_and_follow_an_edit(tmp_path, monkeypatch):
    from handbook.build.cache import BuildCache

    targets = {"van-ban/luat.md", "van-ban/qd-51.md", "van-ban/qd-302.md"}
    cache = BuildCache(tmp_path / "cache")
    read = backlinks.build_index(fixture_sources(), "vi", targets, "ck-")
    table = cache.table("citations-vi", backlinks.code_version())
    assert backlinks.build_index(fixture_sources(), "vi", targets, "ck-", table) == read
    table.save()

    STORE.clear()  # a new build in a new process: only the build cache remembers
    monkeypatch.setattr(backlinks, "citations_from", lambda *args, **kwargs: [])  # would find none
    kept = backlinks.build_index(fixture_sources(), "vi", targets, "ck-",
                                 cache.table("citations-vi", backlinks.code_version()))
    assert kept == read  # taken from the cache, Citation for Citation
    # other targets are another question: asked again, not answered from the cache
    STORE.clear()
    assert backlinks.build_index(fixture_sources(), "vi", {"van-ban/luat.md"}, "ck-",
                                 cache.table("citations-vi", backlinks.code_version())) == {}
