"""Generated and enriched pages in the built site: each regulation page's
metadata box, the documents index, "cited in" lists found independently from
the content's links, and the Q&A topic index. (Without a build:
tests/unit/pages/.)"""
import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import shipped_sources, soup
from handbook.content import dates
from handbook.pages import qa
from handbook.pages import regulations


def built(site: Path, base_uri: str, lang: str) -> Path:
    page = base_uri[:-3]
    page = page[: -len("index")] if page.endswith("index") else page + "/"
    return site / ("en/" if lang == "en" else "") / page / "index.html"


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


def test_topic_index_lists_every_question_in_both_languages(site):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        topics = qa.topics(shipped_sources(), lang)
        doc = BeautifulSoup((site / prefix / "hoi-dap" / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {a["href"] for a in doc.select("article li a[href]")}
        for topic in topics:
            for question in topic.questions:
                href = f"{topic.base_uri[len('hoi-dap/'):-3]}/#{question.anchor}"
                assert href in links, f"{lang}: {href} not in the Q&A index"
        # every question anchor exists on its page
        for topic in topics:
            page = BeautifulSoup((site / prefix / topic.base_uri[:-3] / "index.html").read_text(encoding="utf-8"),
                                 "html.parser")
            for question in topic.questions:
                assert page.find(id=question.anchor) is not None, f"{lang} {topic.base_uri}#{question.anchor}"
