"""The "cited in" lists (handbook.pages.backlinks) on the fixture site
(tests/fixtures/content/site/): which questions, chapters and checklist items
cite a regulation page or one of its articles, inserted under each cited
article and for the page, in both languages; citations kept in the build
cache. (On the built site: tests/site/test_pages.py.)"""
from conftest import content_fixture_sources
from handbook.build.store import STORE
from handbook.pages import backlinks


ART51 = "dieu-51-to-chuc-hoi-nghi-can-bo-cong-chuc-vien-chuc-nguoi-lao-dong"


def test_backlinks_index_finds_questions_chapters_and_checklist_items():
    index = backlinks.build_index(content_fixture_sources(), "vi", {"van-ban/luat.md", "van-ban/qd-51.md", "van-ban/qd-302.md"})
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
    index = backlinks.build_index(content_fixture_sources(), "vi", {"van-ban/luat.md"}, "ck-")
    items = [c for c in index["van-ban/luat.md"] if c.kind == "checklist"]
    assert [(c.source, c.link_anchor, c.label) for c in items] == [
        ("cam-nang/hoi-nghi.md", "ck-to-chuc-hoi-nghi", "Tổ chức hội nghị cán bộ hằng năm.")]


def test_backlinks_are_inserted_under_each_cited_article_and_for_the_page():
    all_sources = content_fixture_sources()
    law = next(s for s in all_sources if s.src_uri == "van-ban/luat.md")
    citations = backlinks.build_index(all_sources, "vi")["van-ban/luat.md"]
    out = backlinks.insert(law.body, "van-ban/luat.md", citations, "vi")
    art51 = out.index("## Điều 51.")
    # collapsed under the article's own text, the count in its summary
    block = out.index('<details class="handbook-cited" markdown>\n<summary>Được dẫn chiếu tại 3 nơi</summary>', art51)
    assert block < out.index("## Văn bản chính thức") and block > out.index("### Chi tiết")
    section = out[block:out.index("## Văn bản chính thức")]
    assert "[Phải công khai trong bao lâu?](../hoi-dap/cong-khai.md#phai-cong-khai-trong-bao-lau) — Hỏi – Đáp" in section
    assert "[Hội nghị cán bộ › Thời hạn tổ chức](../cam-nang/hoi-nghi.md#thoi-han-to-chuc) — Cẩm nang" in section
    assert "[Tổ chức hội nghị cán bộ hằng năm.](../cam-nang/hoi-nghi.md#thoi-han-to-chuc) — Bảng kiểm" in section
    page_section = out[out.index("## Được dẫn chiếu tại {#duoc-dan-chieu-tai}"):]
    assert '<details class="handbook-cited-index" markdown>\n<summary>Xem cả ' in page_section
    assert "(../hoi-dap/chung.md#luat-co-hieu-luc-khi-nao) — Hỏi – Đáp (Điều 1)\n" \
        '  {: data-kind="qa" data-articles="Điều 1" }' in page_section
    assert "[Hội nghị cán bộ](../cam-nang/hoi-nghi.md) — Cẩm nang" in page_section
    assert backlinks.insert("# X\n", "van-ban/x.md", [], "vi") == "# X\n"


def test_english_backlinks_mark_untranslated_sources():
    index = backlinks.build_index(content_fixture_sources(), "en")
    by_source = {(c.source, c.translated) for c in index["van-ban/luat.md"]}
    assert ("hoi-dap/cong-khai.md", True) in by_source and ("hoi-dap/chung.md", False) in by_source
    out = backlinks.insert("# Law\n", "van-ban/luat.md", index["van-ban/luat.md"], "en")
    assert "## Cited in {#duoc-dan-chieu-tai}" in out and "*(Vietnamese only)*" in out


def test_a_page_read_for_one_language_is_marked_right_in_the_other():
    # citations are read once per page and shared between the language builds
    sources = content_fixture_sources()
    first_vi = backlinks.build_index(sources, "vi")
    en = backlinks.build_index(sources, "en")
    again_vi = backlinks.build_index(sources, "vi")
    assert first_vi == again_vi
    assert all(c.translated for cited in again_vi.values() for c in cited)
    untranslated = [c for c in en["van-ban/luat.md"] if c.source == "hoi-dap/chung.md"]
    assert untranslated and not any(c.translated for c in untranslated)
    assert {(c.target, c.anchor, c.label) for c in untranslated} == \
        {(c.target, c.anchor, c.label) for c in first_vi["van-ban/luat.md"] if c.source == "hoi-dap/chung.md"}


def test_citations_kept_in_the_build_cache_are_the_ones_read_and_follow_an_edit(tmp_path):
    from handbook.build.cache import BuildCache

    targets = {"van-ban/luat.md", "van-ban/qd-51.md", "van-ban/qd-302.md"}
    read = backlinks.build_index(content_fixture_sources(), "vi", targets, "ck-")
    cache = BuildCache(tmp_path / "cache")
    table = cache.table("citations-vi", backlinks.code_version())
    assert backlinks.build_index(content_fixture_sources(), "vi", targets, "ck-", table) == read
    table.save()
    pages = cache.counts["citations-vi"]["made"]
    assert pages > 3 and cache.counts["citations-vi"]["kept"] == 0

    STORE.clear()  # a new build in a new process: only the build cache remembers
    cache = BuildCache(tmp_path / "cache")
    kept = backlinks.build_index(content_fixture_sources(), "vi", targets, "ck-",
                                 cache.table("citations-vi", backlinks.code_version()))
    assert kept == read  # Citation for Citation
    assert cache.counts["citations-vi"] == {"kept": pages, "made": 0}  # every page from the cache
    # other targets are another question: asked again, not answered from the cache
    STORE.clear()
    cache = BuildCache(tmp_path / "cache")
    backlinks.build_index(content_fixture_sources(), "vi", {"van-ban/luat.md"}, "ck-",
                          cache.table("citations-vi", backlinks.code_version()))
    assert cache.counts["citations-vi"] == {"kept": 0, "made": pages}