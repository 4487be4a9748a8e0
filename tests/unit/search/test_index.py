"""Search: the folding keys (table of Vietnamese cases), the index builder on
fixtures, and the per-language index files of the built site."""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.search import index as search
from handbook.search.index import PageRecord, anchored_items, article_number, build_index, fold, html_to_text, tokenize, tone_key
from handbook.content.vietnamese import slugify

FIXTURES = Path(__file__).parent / "fixtures" / "search"
NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731

# word, folded key, exact (tone-placement-free) key
FOLDING_TABLE = [
    ("Điều", "dieu", "điêu~1"),
    ("ĐIỀU", "dieu", "điêu~1"),
    ("đ", "d", "đ"),
    ("Đảng", "dang", "đang~3"),
    ("người", "nguoi", "ngươi~1"),       # ư, ơ
    ("ưu", "uu", "ưu"),
    ("cơ", "co", "cơ"),
    ("sở", "so", "sơ~3"),
    ("số", "so", "sô~2"),
    ("Đặc", "dac", "đăc~5"),            # ă
    ("năm", "nam", "năm"),
    ("dân", "dan", "dân"),              # â
    ("ấn", "an", "ân~2"),
    ("khỏe", "khoe", "khoe~3"),
    ("quý", "quy", "quy~2"),
    ("chủ", "chu", "chu~3"),
    ("10/2022", "10/2022", "10/2022"),  # not a word, but keys never break it
    ("QH15", "qh15", "qh15"),
    ("Inspection", "inspection", "inspection"),
]

# the same word in old (traditional) and new tone placement
TONE_PLACEMENT_PAIRS = [
    ("hòa", "hoà"), ("hóa", "hoá"), ("họa", "hoạ"), ("khỏe", "khoẻ"), ("thủy", "thuỷ"),
    ("tùy", "tuỳ"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("khóa", "khoá"), ("xóa", "xoá"),
]


@pytest.mark.parametrize(("word", "folded", "key"), FOLDING_TABLE)
def test_fold_and_exact_key_table(word, folded, key):
    assert fold(word) == folded
    assert tone_key(word) == key


@pytest.mark.parametrize(("word", "folded", "key"), FOLDING_TABLE)
def test_decomposed_input_gives_the_same_keys(word, folded, key):
    assert fold(NFD(word)) == folded
    assert tone_key(NFD(word)) == key


@pytest.mark.parametrize(("old", "new"), TONE_PLACEMENT_PAIRS)
def test_both_tone_placements_are_the_same_exact_word(old, new):
    assert tone_key(old) == tone_key(new)
    assert tone_key(NFD(old)) == tone_key(new)
    assert fold(old) == fold(new)


@pytest.mark.parametrize(("a", "b"), [("hòa", "hóa"), ("hòa", "hoa"), ("dân", "dần"), ("cơ", "có"),
                                      ("sở", "số"), ("đi", "di"), ("thủy", "thùy")])
def test_different_words_that_fold_alike_are_not_exact(a, b):
    assert fold(a) == fold(b)
    assert tone_key(a) != tone_key(b)


def test_tokenize_words_and_numbers_with_offsets_in_nfc_text():
    text = NFD("Điều 51 Luật 10/2022/QH15, “hoà”")
    words = tokenize(text)
    assert [w for _, _, w in words] == ["Điều", "51", "Luật", "10", "2022", "QH15", "hoà"]
    nfc = unicodedata.normalize("NFC", text)
    assert all(nfc[s:e] == w for s, e, w in words)


def test_html_to_text_is_plain_nfc_text():
    html = NFD("<p>Người đứng đầu <strong>phối hợp</strong> &amp; công đoàn</p><ul><li>a</li><li>b</li></ul>")
    assert html_to_text(html) == "Người đứng đầu phối hợp & công đoàn a b"
    assert unicodedata.is_normalized("NFC", html_to_text(html))


@pytest.mark.parametrize(("location", "number"), [
    ("van-ban/luat-10-2022-qh15/#dieu-51-to-chuc-hoi-nghi", 51),
    ("van-ban/luat-10-2022-qh15/#dieu-5", 5),
    ("van-ban/luat-10-2022-qh15/#dieu-khoan-chung", None),
    ("van-ban/luat-10-2022-qh15/", None),
])
def test_article_number_from_anchor(location, number):
    assert article_number(location) == number


def _fixture_pages(lang: str) -> list[PageRecord]:
    data = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))[lang]
    return [PageRecord(url=p["url"], title=p["title"], entries=p["entries"],
                       context=search.page_context(p["title"], p["meta"]),
                       items=anchored_items(p["html"]),
                       regulation=p["meta"].get("type") == "regulation") for p in data]


def test_checklist_items_become_documents_titled_by_their_requirement():
    page = next(p for p in _fixture_pages("vi") if p.url == "cam-nang/hoi-nghi-can-bo/")
    ids = [item[0] for item in page.items]
    assert ids == ["ck-to-chuc-hoi-nghi-hang-nam", "ck-khong-co-yeu-cau"]
    _, title, text = page.items[0]
    assert title == "Tổ chức hội nghị cán bộ, công chức hằng năm."
    assert "Biên bản hội nghị. Nghị quyết." in text and "Điều 51" in text
    # no requirement element: the first sentence is the title
    assert page.items[1][1] == "Công khai kế hoạch năm."


@pytest.mark.parametrize("page_html, expected", [
    # void and self-closing tags, a comment holding a tag, two items in one container
    ('<div><p id="ck-a" class="x">A <b>b</b><br>c<br/> d. e</p><p id="ck-b">B<!-- <p> -->.</p></div>',
     [("ck-a", "A b c d.", "A b c d. e"), ("ck-b", "B.", "B.")]),
    # an item inside an item is part of it; the label is not text
    ('<div id="ck-outer"><p id="ck-inner">x</p><p class="ck-item__requirement">Req '
     '<span class="ck-item__label">L</span></p></div>',
     [("ck-outer", "Req", "x Req")]),
    # ">" in a quoted value, single quotes, a void element with an item id, other ids
    ("<p title='a>b' id='ck-q'>Q</p><img id=\"ck-img\" alt=\"\"><p id=\"other\">no</p>"
     '<p data-id="ck-no">no</p>', [("ck-q", "Q", "Q")]),
    ('<p id="ck-u">unclosed <em>text', []),
])
def test_anchored_items_are_read_as_html_parser_reads_them(page_html, expected):
    assert anchored_items(page_html) == expected


def test_index_builder_keeps_pages_before_sections_and_plain_text():
    index = build_index(_fixture_pages("vi"), "vi")
    assert index["config"]["lang"] == ["vi"]
    re.compile(index["config"]["separator"])  # Material's highlighter compiles it
    docs = index["docs"]
    seen_pages = set()
    for doc in docs:
        path = doc["location"].split("#")[0]
        if "#" in doc["location"]:
            assert path in seen_pages, f"section before its page: {doc['location']}"
        else:
            seen_pages.add(path)
        assert "<" not in doc["text"] and "<" not in doc["title"]
    law51 = next(d for d in docs if d["location"].startswith("van-ban/luat-10-2022-qh15/#dieu-51-"))
    assert law51["a"] == 51
    assert law51["text"] == "Người đứng đầu phối hợp với công đoàn tổ chức hội nghị & hằng năm."
    law = next(d for d in docs if d["location"] == "van-ban/luat-10-2022-qh15/")
    assert "10/2022/QH15" in law["c"]
    # an article-like anchor outside a regulation page is not an article
    chapter51 = next(d for d in docs if d["location"].startswith("cam-nang/hoi-nghi-can-bo/#dieu-51"))
    assert "a" not in chapter51
    checklist = next(d for d in docs if d["location"] == "cam-nang/hoi-nghi-can-bo/#ck-to-chuc-hoi-nghi-hang-nam")
    assert checklist["k"] == "ck" and checklist["title"].startswith("Tổ chức hội nghị")
    question = next(d for d in docs if d["location"] == "hoi-dap/hoi-nghi/#ai-trieu-tap-hoi-nghi-can-bo")
    assert question["title"] == "Ai triệu tập hội nghị cán bộ?"


def test_english_index_is_relative_to_the_english_root():
    index = build_index(_fixture_pages("en"), "en", url_prefix="en/")
    locations = [d["location"] for d in index["docs"]]
    assert locations[0] == "van-ban/luat-10-2022-qh15/"
    assert all(not loc.startswith("en/") for loc in locations)
    assert index["docs"][1]["a"] == 51


def test_worker_file_name_is_fingerprinted_by_content():
    assert search.worker_filename("a") != search.worker_filename("b")
    assert re.fullmatch(r"search-handbook\.[0-9a-f]{8}\.js", search.worker_filename("a"))


# --- The built site -------------------------------------------------------------

def _index(site: Path, lang: str) -> dict:
    path = site / ("" if lang == "vi" else f"{lang}/") / "search" / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _config(html_file: Path) -> dict:
    html = html_file.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_each_language_has_its_own_index_of_its_own_pages(site):
    vi, en = _index(site, "vi"), _index(site, "en")
    assert vi["config"]["lang"] == ["vi"] and en["config"]["lang"] == ["en"]
    for lang, index, root in (("vi", vi, site), ("en", en, site / "en")):
        assert index["docs"], lang
        for doc in index["docs"]:
            path = doc["location"].split("#")[0]
            assert not path.startswith("en/"), f"{lang}: {path}"
            target = root / path / "index.html" if path.endswith("/") or not path else root / path
            assert target.exists(), f"{lang} result leads nowhere: {doc['location']}"
    # translated pages: the English index has the English title, the Vietnamese one does not
    en_titles = {d["location"]: d["title"] for d in en["docs"] if "#" not in d["location"]}
    vi_titles = {d["location"]: d["title"] for d in vi["docs"] if "#" not in d["location"]}
    translated = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.en.md")]
    assert translated
    differing = [loc for loc in en_titles if en_titles[loc] != vi_titles.get(loc)]
    assert len(differing) >= len(translated) // 2
    assert not set(en_titles[loc] for loc in differing) & set(vi_titles.values())


def test_index_sizes_stay_within_budget(site):
    for lang in ("vi", "en"):
        path = site / ("" if lang == "vi" else "en/") / "search" / "search_index.json"
        raw = path.read_bytes()
        # issue 9 budget: at most 1.5 MB gzip per language (at 1,000 pages)
        assert len(gzip.compress(raw, 9)) <= 1_500_000
        text = raw.decode("utf-8")
        assert unicodedata.is_normalized("NFC", text)
        assert "<p>" not in text, "index text should be plain text"


def test_pages_use_the_handbook_worker_and_their_language_index(site):
    vi_config = _config(site / "cam-nang" / "index.html")
    en_config = _config(site / "en" / "cam-nang" / "index.html")
    for config, page in ((vi_config, site / "cam-nang"), (en_config, site / "en" / "cam-nang")):
        worker = (page / config["search"]).resolve()
        assert worker.exists() and worker.name.startswith("search-handbook.")
        # strict CSP (issue 8): no eval or new Function in our worker's code
        code = re.sub(r"/\*.*?\*/", "", worker.read_text(encoding="utf-8"), flags=re.S)
        assert "Function(" not in code and not re.search(r"\beval\s*\(", code)
    assert (site / "cam-nang" / vi_config["base"] / "search" / "search_index.json").resolve() == \
        (site / "search" / "search_index.json").resolve()
    assert (site / "en" / "cam-nang" / en_config["base"] / "search" / "search_index.json").resolve() == \
        (site / "en" / "search" / "search_index.json").resolve()


def test_material_search_worker_and_lunr_are_not_shipped(site):
    # nothing loads them (the handbook's worker replaces Material's), so the
    # site and the download of an intranet copy are 1.3 MB lighter
    javascripts = site / "assets" / "javascripts"
    assert javascripts.is_dir()
    assert not (javascripts / "lunr").exists()
    assert not list((javascripts / "workers").glob("search.*"))
    assert list((javascripts / "workers").glob("search-handbook.*.js"))
    assert not any("lunr" in path.name for path in site.rglob("*.js"))


def _headings(pattern: str, glob: str, type_: str | None = None):
    from handbook.content import frontmatter
    for path in sorted((ROOT / "docs").glob(glob)):
        if path.name.startswith("index") or path.name.endswith(".en.md"):
            continue
        text = path.read_text(encoding="utf-8")
        meta, body, _ = frontmatter.split(text, str(path))
        if type_ and meta.get("type") != type_:
            continue
        base = path.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
        for match in re.finditer(pattern, body, re.M):
            yield base, match.group(1).strip()


def test_every_article_section_is_indexed_with_its_number(site):
    docs = {d["location"]: d for d in _index(site, "vi")["docs"]}
    articles = list(_headings(r"^## (Điều \d+\..*)$", "van-ban/*.md", "regulation"))
    assert any(base == "van-ban/luat-10-2022-qh15/" for base, _ in articles), "the law page has Điều sections"
    for base, heading in articles:
        location = f"{base}#{slugify(heading)}"
        assert location in docs, location
        assert docs[location]["a"] == int(re.match(r"Điều (\d+)", heading).group(1))


def test_questions_and_checklist_items_lead_to_their_section(site):
    docs = {d["location"] for d in _index(site, "vi")["docs"]}
    for base, question in _headings(r"^## (.*\?)\s*$", "hoi-dap/*.md"):
        assert f"{base}#{slugify(question)}" in docs, question
    checklist_ids = set()
    for page in site.rglob("*.html"):
        if page.is_relative_to(site / "en"):
            continue
        for element_id in re.findall(r'id="(ck-[^"]+)"', page.read_text(encoding="utf-8")):
            path = page.parent.relative_to(site).as_posix() + "/"
            checklist_ids.add(f"{path}#{element_id}")
    assert checklist_ids <= docs, sorted(checklist_ids - docs)[:5]
