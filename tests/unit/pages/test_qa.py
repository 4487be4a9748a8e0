"""Q&A pages (handbook.pages.qa): questions and their basis links, topics in
order with the English fallback, the topic index; every shipped question
cites a basis that exists. (The built index: tests/site/test_pages.py.)"""
from conftest import content_fixture_sources, shipped_sources
from handbook.content import scanner
from handbook.pages import qa


def test_questions_and_their_basis_links():
    page = next(s for s in content_fixture_sources() if s.src_uri == "hoi-dap/cong-khai.md")
    found = qa.questions(page)
    assert [(q.text, q.anchor) for q in found] == [
        ("Phải công khai trong bao lâu?", "phai-cong-khai-trong-bao-lau"),
        ("Ai chịu trách nhiệm?", "ai-chiu-trach-nhiem"),
    ]
    # the basis paragraph may run over several lines
    assert [l.target for l in found[0].basis] == [
        "../van-ban/luat.md#dieu-51-to-chuc-hoi-nghi-can-bo-cong-chuc-vien-chuc-nguoi-lao-dong",
        "../cam-nang/hoi-nghi.md"]
    chung = next(s for s in content_fixture_sources() if s.src_uri == "hoi-dap/chung.md")
    basis = {q.text: q.basis for q in qa.questions(chung)}
    assert len(basis["Luật có hiệu lực khi nào?"]) == 1, "label on its own line, links below"
    assert basis["Câu hỏi chưa có căn cứ?"] == (), "a link in the answer is not a basis"


def test_topics_follow_topic_order_and_fall_back_to_vietnamese():
    vi = qa.topics(content_fixture_sources(), "vi")
    assert [t.base_uri for t in vi] == ["hoi-dap/chung.md", "hoi-dap/cong-khai.md"]
    en = {t.base_uri: t for t in qa.topics(content_fixture_sources(), "en")}
    assert en["hoi-dap/cong-khai.md"].translated and en["hoi-dap/cong-khai.md"].title == "Publicity"
    assert [q.text for q in en["hoi-dap/cong-khai.md"].questions] == ["How soon must it be made public?"]
    assert not en["hoi-dap/chung.md"].translated


def test_topic_index_links_each_question_and_marks_untranslated_ones():
    index = qa.topic_index(qa.topics(content_fixture_sources(), "en"), "en", "hoi-dap/index.md")
    assert index.index("## [Những vấn đề chung](chung.md)") < index.index("## [Publicity](cong-khai.md)")
    assert "- [How soon must it be made public?](cong-khai.md#phai-cong-khai-trong-bao-lau)\n" in index
    assert "- [Luật có hiệu lực khi nào?](chung.md#luat-co-hieu-luc-khi-nao) *(not yet translated)*" in index
    assert index.rstrip().endswith("3 questions in 2 topics.")
    vi = qa.topic_index(qa.topics(content_fixture_sources(), "vi"), "vi", "hoi-dap/index.md")
    assert "chưa dịch" not in vi and "Tổng cộng 4 câu hỏi trong 2 chủ đề." in vi


def test_every_question_cites_at_least_one_basis():
    """Each question's **Căn cứ:** / **Basis:** line links to a regulation
    section or a handbook chapter that exists (anchor included)."""
    all_sources = shipped_sources()
    pages = {s.src_uri: s for s in all_sources}
    anchors = {s.src_uri: {h.anchor for h in scanner.headings(s)} for s in all_sources}
    problems = []
    for source in all_sources:
        page_type = source.meta.get("type") or getattr(pages.get(source.base_uri), "meta", {}).get("type")
        if page_type != "qa":
            continue
        for question in qa.questions(source):
            where = f"{source.path}:{question.line} {question.text}"
            targets = [scanner.resolve(source.src_uri, l.target) for l in question.basis]
            targets = [t for t in targets if t and t[0].startswith(("van-ban/", "cam-nang/"))]
            if not targets:
                problems.append(f"{where}: no basis link to a regulation or chapter")
            for base, anchor in targets:
                if base not in pages:
                    problems.append(f"{where}: basis page {base} does not exist")
                elif anchor and anchor not in anchors[base]:
                    problems.append(f"{where}: basis anchor {base}#{anchor} does not exist")
    assert not problems, "\n".join(problems)


