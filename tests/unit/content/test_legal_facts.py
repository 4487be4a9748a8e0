"""No article number, document number or date in the content that the fact
sheet (data/legal-facts.yml, copied from shared/domain/legal-facts.md) does
not support; regulation metadata matches the facts."""
import legal_facts as facts
from conftest import ROOT, shipped_sources

FACTS = facts.load(ROOT / "data" / "legal-facts.yml")
MENTIONS = (ROOT / "tests" / "fixtures" / "content" / "facts" / "mentions.md").read_text(encoding="utf-8")


def test_facts_file_holds_the_whole_law_and_the_documents():
    assert sorted(FACTS.articles) == list(range(1, 92))
    assert FACTS.articles[51] == "Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động"
    assert FACTS.article_anchor(51) == "dieu-51-to-chuc-hoi-nghi-can-bo-cong-chuc-vien-chuc-nguoi-lao-dong"
    assert {"10/2022/QH15", "59/2023/ND-CP", "30-CT/TW", "302/QD-VKSTC", "10/KH-BCD"} <= set(FACTS.documents)


def test_finds_unconfirmed_article_numbers():
    bad = [(m.line, m.detail) for m in facts.unconfirmed_articles(MENTIONS, FACTS)]
    assert bad == [(3, "10/2022/QH15|95"), (5, "59/2023/ND-CP|24")]
    mentioned = {m.detail for m in facts.article_mentions(MENTIONS)}
    assert {"10/2022/QH15|46", "10/2022/QH15|63", "10/2022/QH15|91", "59/2023/ND-CP|23"} <= mentioned


def test_finds_unknown_document_numbers():
    bad = [(m.line, m.text) for m in facts.unknown_documents(MENTIONS, FACTS)]
    assert bad == [(7, "99/2024/NĐ-CP"), (8, "Quyết định 777")]


def test_finds_unsupported_dates():
    bad = [(m.line, m.text) for m in facts.unsupported_dates(MENTIONS, FACTS)]
    assert bad == [(9, "15/3/2024"), (11, "May 2024")]


def test_finds_law_anchors_that_do_not_match_the_article_title():
    assert [m.text for m in facts.wrong_law_anchors(MENTIONS, FACTS)] == ["dieu-51-hoi-nghi-can-bo"]


def _report(found):
    return "\n".join(f"{path}:{m.line}: {m.text!r} {m.detail}" for path, m in found)


def test_content_cites_only_confirmed_articles():
    found = [(s.path, m) for s in shipped_sources()
             for m in facts.unconfirmed_articles(s.body, FACTS, s.body_line, own_number=s.meta.get("number"))]
    assert not found, "articles the fact sheet does not confirm:\n" + _report(found)


def test_content_names_only_documents_the_fact_sheet_lists():
    found = [(s.path, m) for s in shipped_sources() for m in facts.unknown_documents(s.body, FACTS, s.body_line)]
    assert not found, "document numbers not in data/legal-facts.yml:\n" + _report(found)


def test_content_gives_only_dates_the_fact_sheet_supports():
    found = [(s.path, m) for s in shipped_sources() for m in facts.unsupported_dates(s.body, FACTS, s.body_line)]
    assert not found, "dates not in data/legal-facts.yml:\n" + _report(found)


def test_links_to_law_articles_use_the_confirmed_titles():
    found = [(s.path, m) for s in shipped_sources() for m in facts.wrong_law_anchors(s.text, FACTS)]
    assert not found, "links to Law articles with a wrong number or title:\n" + _report(found)


def test_law_page_article_headings_match_the_fact_sheet():
    from handbook.content import scanner
    law = [s for s in shipped_sources() if s.base_uri == "van-ban/luat-10-2022-qh15.md"]
    for source in law:
        for heading in scanner.headings(source):
            if source.lang == "vi" and heading.text.startswith("Điều "):
                number, _, title = heading.text[len("Điều "):].partition(". ")
                assert FACTS.articles.get(int(number)) == title, f"{source.path}:{heading.line}: {heading.text}"
            if heading.anchor.startswith("dieu-") and heading.level == 2:
                number = int(heading.anchor.split("-")[1])
                assert heading.anchor == FACTS.article_anchor(number), f"{source.path}:{heading.line}"


def test_regulation_metadata_matches_the_facts():
    problems = []
    for source in shipped_sources():
        if source.meta.get("type") != "regulation" or "number" not in source.meta:
            continue
        entry = FACTS.documents.get(facts.normalise_number(source.meta["number"]))
        if entry is None:
            problems.append(f"{source.path}: number {source.meta['number']} not in the facts")
            continue
        for field in ("signed", "effective"):
            if entry.get(field) != source.meta.get(field):
                problems.append(f"{source.path}: {field} is {source.meta.get(field)}, facts say {entry.get(field)}")
        if entry.get("page") and entry["page"] != source.base_uri:
            problems.append(f"{source.path}: facts place this document at {entry['page']}")
    assert not problems, "\n".join(problems)
