"""Search in a real Chromium: queries typed into Material's search box on the
Vietnamese site (/) and the English site (/en/), and the worker's matching
rules run in the browser's own JavaScript engine."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from handbook.search.index import fold, tone_key
from search_fixtures import FOLDING_TABLE, TONE_PLACEMENT_PAIRS, fixture_pages

WORKER = ROOT / "src" / "handbook" / "search" / "worker.js"
NO_RESULTS = {"/": "Không tìm thấy tài liệu liên quan", "/en/": "No matching documents"}
WAIT = 20_000  # ms; the test machine is shared and often loaded


@pytest.fixture(scope="module")
def search_pages(browser, site_url):
    """One tab per language, kept across this module's tests (a page load
    costs seconds on a loaded machine); each test types into the same box."""
    from conftest import PageWatch
    context = browser.new_context(locale="vi-VN")
    pages = {}
    yield lambda path: pages.setdefault(path, (lambda p: (p, PageWatch(p, site_url)))(context.new_page()))
    context.close()


def open_search(search_pages, site_url, path="/"):
    page, watch = search_pages(path)
    if page.url.split("?")[0].split("#")[0] != site_url + path:
        page.goto(site_url + path, wait_until="networkidle")
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    return page, watch, box


def type_query(page, box, query):
    box.fill("")
    page.keyboard.type(query)  # real key presses, as a reader types
    # Playwright inserts characters missing from its US layout ("á", "ủ") as
    # text, without the keyup a Vietnamese input method produces, and
    # Material reads the box on keyup: end with a key press, as readers do.
    page.keyboard.press("End")


def first_result(page):
    return page.locator(".md-search-result__item").first


def result_links(page):
    return page.locator(".md-search-result__item a.md-search-result__link")


def result_hrefs(page) -> list[str]:
    """The result list's addresses, read in one step: Material adds results
    as the list scrolls, so reading link by link can race with it."""
    return result_links(page).evaluate_all("links => links.map(a => a.getAttribute('href'))")


def expect_marked(locator, word):
    expect(locator.locator("mark", has_text=re.compile(f"^{re.escape(word)}$", re.I)).first).to_be_attached(timeout=WAIT)


# --- Typing into Material's search box -------------------------------------------

@pytest.mark.parametrize(("query", "phrase", "words"), [
    ("dan chu co so", "dân chủ ở cơ sở", ["dân", "chủ", "cơ", "sở"]),
    ("hoi nghi can bo", "hội nghị cán bộ", ["hội", "nghị", "cán", "bộ"]),
])
def test_unaccented_query_finds_and_marks_the_accented_words(site_url, search_pages, query, phrase, words):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, query)
    for word in words:
        expect_marked(first_result(page), word)
    expect(first_result(page)).to_contain_text(phrase, ignore_case=True, timeout=WAIT)
    watch.assert_clean()


@pytest.mark.parametrize(("query", "on_page"), [("cụ thể hoá", "hóa"), ("khoá", "khóa"), ("uỷ ban", "ủy")])
def test_other_tone_placement_is_an_exact_match(site_url, search_pages, query, on_page):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, query)
    expect_marked(page.locator(".md-search-result__list"), on_page)
    watch.assert_clean()


def test_d_finds_dj(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, "dieu")
    expect_marked(first_result(page), "Điều")
    watch.assert_clean()


def _expect_article_51_first(page):
    best_section = first_result(page).locator("a.md-search-result__link").nth(1)
    expect(best_section).to_have_attribute(
        "href", re.compile(r"/van-ban/luat-10-2022-qh15/\?h=[^#]*#dieu-51-to-chuc-hoi-nghi-can-bo"), timeout=WAIT)


@pytest.mark.parametrize("query", ["Điều 51", "dieu 51", "điều 51 luật 10/2022", "DIEU 51"])
def test_article_reference_puts_that_article_first(site_url, search_pages, query):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, query)
    _expect_article_51_first(page)
    # Enter goes to the best result (Material's keyboard behaviour), and the
    # page highlights the matched words (search.highlight)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#dieu-51-to-chuc-hoi-nghi-can-bo"), timeout=WAIT)
    expect(page.locator("h2[id^=dieu-51-] mark[data-md-highlight]").first).to_be_visible(timeout=WAIT)
    watch.assert_clean()


def test_decomposed_query_finds_the_same(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url)
    nfd = unicodedata.normalize("NFD", "Điều 51")
    type_query(page, box, nfd)
    assert box.input_value() == nfd != "Điều 51"
    _expect_article_51_first(page)
    watch.assert_clean()


def test_english_query_on_the_english_site(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url, "/en/")
    type_query(page, box, "inspection board")
    expect_marked(first_result(page), "Inspection")
    expect_marked(first_result(page), "Board")
    hrefs = result_hrefs(page)
    assert hrefs and all(h.startswith(site_url + "/en/") for h in hrefs), hrefs
    watch.assert_clean()


def test_english_article_reference(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url, "/en/")
    type_query(page, box, "article 51")
    best_section = first_result(page).locator("a.md-search-result__link").nth(1)
    expect(best_section).to_have_attribute(
        "href", re.compile(r"/en/van-ban/luat-10-2022-qh15/\?h=[^#]*#dieu-51-to-chuc-hoi-nghi-can-bo"), timeout=WAIT)
    watch.assert_clean()


def test_vietnamese_site_shows_only_vietnamese_pages(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, "hội nghị cán bộ")
    expect_marked(first_result(page), "bộ")
    hrefs = result_hrefs(page)
    assert hrefs and not [h for h in hrefs if "/en/" in h], hrefs
    assert not page.locator(".md-search-result__item", has_text="staff conference").count()
    watch.assert_clean()


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_nonsense_query_says_no_results_in_the_page_language(site_url, search_pages, path):
    page, watch, box = open_search(search_pages, site_url, path)
    type_query(page, box, "zzqxwv")
    expect(page.locator(".md-search-result__meta")).to_have_text(NO_RESULTS[path], timeout=WAIT)
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    watch.assert_clean()


# --- The worker's rules in Chromium's JavaScript engine ------------------------------

@pytest.fixture(scope="module")
def worker_page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/404.html")
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    yield page
    context.close()


def test_javascript_keys_equal_the_python_keys(worker_page, site):
    words = [w for w, _, _ in FOLDING_TABLE] + [w for pair in TONE_PLACEMENT_PAIRS for w in pair]
    words += [unicodedata.normalize("NFD", w) for w in words]
    for lang in ("", "en/"):  # every word of the shipped content
        index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        for doc in index["docs"]:
            words += re.findall(r"[^\W_]+", doc["title"] + " " + doc["text"])
    words = sorted(set(words))
    js = worker_page.evaluate(
        "words => words.map(w => [HandbookSearch.fold(w), HandbookSearch.toneKey(w)])", words)
    mismatches = [(w, j, [fold(w), tone_key(w)]) for w, j in zip(words, js) if j != [fold(w), tone_key(w)]]
    assert not mismatches, mismatches[:10]
    assert len(words) > 300


RANKING_DOCS = [
    {"location": "hoa-don/", "title": "Hóa đơn", "text": "Lập hóa đơn."},
    {"location": "hoa-giai/", "title": "Tổ hòa giải", "text": "Tổ hòa giải ở cơ sở."},
    {"location": "rai-rac/", "title": "Rải rác", "text": "Chủ tịch nói: người dân được biết."},
    {"location": "cum-tu/", "title": "Cụm từ", "text": "Thực hiện dân chủ ở đơn vị."},
    {"location": "luat/", "title": "Luật", "text": "", "c": "Luật 10/2022/QH15"},
    {"location": "luat/#dieu-51-hoi-nghi", "title": "Điều 51. Hội nghị", "text": "Tổ chức hằng năm.", "a": 51},
    {"location": "luat/#dieu-5-quyen", "title": "Điều 5. Quyền", "text": "Xem Điều 51 và Điều 52.", "a": 5},
    {"location": "nghi-dinh/", "title": "Nghị định", "text": "", "c": "Nghị định 59/2023/NĐ-CP"},
    {"location": "nghi-dinh/#dieu-51-khac", "title": "Điều 51. Khác", "text": "Nội dung khác.", "a": 51},
]


@pytest.mark.parametrize(("query", "first", "above"), [
    ("hoà", "hoa-giai/", "hoa-don/"),          # exact (other placement) above folded
    ("hòa", "hoa-giai/", "hoa-don/"),
    ("hoa", None, None),                          # both found
    ("dân chủ", "cum-tu/", "rai-rac/"),           # phrase above scattered
    ("dan chu", "cum-tu/", "rai-rac/"),
    ("dieu 51", {"luat/#dieu-51-hoi-nghi", "nghi-dinh/#dieu-51-khac"}, "luat/#dieu-5-quyen"),
    ("điều 51 luật 10/2022", "luat/#dieu-51-hoi-nghi", "nghi-dinh/#dieu-51-khac"),
    ("điều 51 nghị định 59", "nghi-dinh/#dieu-51-khac", "luat/#dieu-51-hoi-nghi"),
])
def test_worker_ranking_rules(worker_page, query, first, above):
    ranked = worker_page.evaluate("""([docs, query]) => {
        const index = new HandbookSearch.HandbookIndex(structuredClone(docs))
        return index.search(query).items.flat()
          .filter(item => item.score > 0)
          .sort((a, b) => b.score - a.score)
          .map(item => item.location)
    }""", [RANKING_DOCS, query])
    if first is None:
        assert {"hoa-don/", "hoa-giai/"} <= set(ranked)
        return
    firsts = first if isinstance(first, set) else {first}
    assert ranked[0] in firsts, ranked
    if above in ranked:
        assert max(ranked.index(f) for f in firsts if f in ranked) < ranked.index(above)


def test_worker_marks_matched_words_and_reports_missing_ones(worker_page):
    result = worker_page.evaluate("""docs => {
        const index = new HandbookSearch.HandbookIndex(structuredClone(docs))
        return index.search("to hoa giai xyz").items[0]
    }""", RANKING_DOCS)
    best = max(result, key=lambda item: item["score"])
    assert "<mark data-md-highlight>hòa</mark>" in best["title"]
    assert best["terms"]["hòa"] is True and best["terms"]["xyz"] is False


def _first_question(page_source: str) -> str:
    from handbook.content import frontmatter
    path = ROOT / "docs" / page_source
    _, body, _ = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
    return re.search(r"^## (.+\?)\s*$", body, re.M).group(1)


def test_question_typed_without_accents_leads_to_its_answer(site_url, search_pages):
    from handbook.content.vietnamese import slugify
    question = _first_question("hoi-dap/hoi-nghi.md")
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, fold(question).rstrip("?"))
    best_section = first_result(page).locator("a.md-search-result__link").nth(1)
    expect(best_section).to_have_attribute(
        "href", re.compile(rf"/hoi-dap/hoi-nghi/\?h=[^#]*#{re.escape(slugify(question))}$"), timeout=WAIT)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"#{re.escape(slugify(question))}$"), timeout=WAIT)
    watch.assert_clean()


def test_checklist_item_is_a_result_of_its_own(worker_page):
    from handbook.search.index import build_index
    docs = build_index(fixture_pages("vi"), "vi")["docs"]
    ranked = worker_page.evaluate("""([docs, query]) => {
        const index = new HandbookSearch.HandbookIndex(docs)
        return index.search(query).items.flat().sort((a, b) => b.score - a.score).map(i => i.location)
    }""", [docs, "to chuc hoi nghi can bo cong chuc hang nam"])
    assert ranked[0] == "cam-nang/hoi-nghi-can-bo/#ck-to-chuc-hoi-nghi-hang-nam", ranked


# --- Every word honoured, clean snippets, readers' pages only (issue 21) -----

def _meta(page):
    return page.locator(".md-search-result__meta")


def test_query_that_no_page_holds_says_so_before_the_partial_matches(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, "hòa giải")   # "hòa giải" is nowhere in the handbook
    expect(_meta(page)).to_have_text(re.compile("^Không có trang nào chứa đủ các từ “hòa giải”"), timeout=WAIT)
    expect(_meta(page)).to_have_class(re.compile("handbook-search-partial"))
    assert first_result(page).locator(".handbook-partial").count()
    # only the words typed are marked: "hóa" (another word) is not "hòa"
    marked = {tone_key(text) for text in page.locator(".md-search-result__list mark").all_text_contents()}
    assert marked and marked <= {tone_key("hòa"), tone_key("giải")}, marked
    watch.assert_clean()


def test_complete_matches_first_then_a_line_then_partial_ones(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, "Ban Thanh tra nhân dân sức khoẻ")
    line = page.locator(".md-search-result__item[data-handbook-partial]")
    expect(line).to_have_count(1, timeout=WAIT)
    expect(line).to_have_attribute("data-handbook-partial", "Các kết quả sau chỉ khớp một phần các từ")
    items = page.locator(".md-search-result__list > .md-search-result__item")
    partial = [i for i in range(items.count()) if items.nth(i).locator(".handbook-partial").count()]
    complete = [i for i in range(items.count()) if i not in partial]
    assert complete and partial and max(complete) < min(partial), (complete, partial)
    expect(first_result(page)).to_contain_text("khỏe")   # the word, in the other tone placement
    expect(_meta(page)).not_to_have_class(re.compile("handbook-search-partial"))
    watch.assert_clean()


SNIPPET_CLUTTER = re.compile(r"STT|Chưa đạt|Không áp dụng\.|giải thích\)|Xem giải thích|Đã thực hiện,|"
                             r"·\s*[a-z0-9]+-[a-z0-9-]+|Tải mẫu|Phiên kiểm tra")


@pytest.mark.parametrize("query", ["hội nghị cán bộ", "ban thanh tra nhan dan nhiem ky"])
def test_topic_query_puts_chapters_first_with_readable_snippets(site_url, search_pages, query):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, query)
    expect(first_result(page)).to_be_visible(timeout=WAIT)
    hrefs = result_hrefs(page)
    first_checklist = next(i for i, h in enumerate(hrefs + ["/bang-kiem/"]) if "/bang-kiem/" in h)
    assert any("/cam-nang/" in h for h in hrefs[:first_checklist]), hrefs[:8]
    assert first_result(page).locator("a").first.get_attribute("href").split("?")[0].split("/")[3] in (
        "cam-nang", "hoi-dap", "van-ban"), hrefs[:3]
    teasers = page.locator(".md-search-result__article p").all_text_contents()
    assert teasers and not [t for t in teasers if SNIPPET_CLUTTER.search(t)], \
        [t for t in teasers if SNIPPET_CLUTTER.search(t)][:3]
    watch.assert_clean()


def test_editors_pages_are_not_search_results(site_url, search_pages):
    page, watch, box = open_search(search_pages, site_url)
    type_query(page, box, "Nội dung chưa xác minh")   # the title of an editors' page
    expect(_meta(page)).not_to_have_text("", timeout=WAIT)
    page.wait_for_timeout(300)
    hrefs = result_hrefs(page)
    assert not [h for h in hrefs if "/bien-tap/" in h], hrefs
    watch.assert_clean()


# --- Whole words highlighted on the opened page ------------------------------

# Counts the marks Material's own highlighter inserts, before search.js takes
# them away: proof that it ran and that its marks did not stay.
_COUNT_MATERIAL_MARKS = """
window.__materialMarks = 0;
new MutationObserver(records => {
  for (const r of records) for (const n of r.addedNodes)
    if (n.nodeName === "MARK" && !n.classList.contains("handbook-highlight")) window.__materialMarks++;
}).observe(document, { childList: true, subtree: true });
"""


def _opened(page_factory, site_url, path, material_marks=True):
    """The page opened from a result; ``material_marks``: Material's
    highlighter finds the word as a substring somewhere, so wait until it has."""
    page, watch = page_factory(site_url)
    page.add_init_script(_COUNT_MATERIAL_MARKS)
    page.goto(site_url + path, wait_until="networkidle")
    if material_marks:
        page.wait_for_function("window.__materialMarks > 0", timeout=WAIT)
    page.locator("[data-md-component=content] mark").first.wait_for(timeout=WAIT)
    page.wait_for_timeout(300)
    marks = page.locator("[data-md-component=content] mark")
    return page, watch, marks


def _whole_words(page):
    """Marks whose neighbouring characters are letters or digits (part of a word)."""
    return page.evaluate("""() => [...document.querySelectorAll("[data-md-component=content] mark")]
      .filter(m => {
        const before = m.previousSibling && m.previousSibling.nodeType === 3 ? m.previousSibling.nodeValue.slice(-1) : ""
        const after = m.nextSibling && m.nextSibling.nodeType === 3 ? m.nextSibling.nodeValue.slice(0, 1) : ""
        return /[\\p{L}\\p{M}\\p{N}]/u.test(before + after)
      }).map(m => m.parentNode.textContent.slice(0, 80))""")


@pytest.mark.parametrize(("query", "marked", "material_marks"), [
    ("yết", {"yết"}, True),      # "niêm yết" is marked, "quyết" is not
    ("20", {"20"}, True),        # "20 ngày", not "2022"
    ("dieu", {"điều"}, False),   # typed without marks: "Điều" by its fold (Material finds nothing)
])
def test_opened_page_highlights_whole_words_only(page_factory, site_url, query, marked, material_marks):
    page, watch, marks = _opened(page_factory, site_url, f"/van-ban/luat-10-2022-qh15/?h={query}", material_marks)
    texts = {t.lower() for t in marks.all_text_contents()}
    assert texts == marked, texts
    assert not _whole_words(page)
    assert page.locator("[data-md-component=content] mark:not(.handbook-highlight)").count() == 0
    watch.assert_clean()


def test_opened_page_highlights_the_other_tone_placement_and_any_case(page_factory, site_url):
    page, watch, marks = _opened(page_factory, site_url, "/mau-van-ban/bien-ban-hoi-nghi/?h=hoà",
                                 material_marks=False)   # Material compares code points: "hoà" is not "HÒA"
    texts = set(marks.all_text_contents())
    assert texts and {tone_key(t) for t in texts} == {tone_key("hòa")}, texts   # "HÒA" in "CỘNG HÒA"
    watch.assert_clean()
