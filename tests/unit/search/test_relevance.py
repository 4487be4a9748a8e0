"""The relevance measures of the search (handbook.search.relevance) on
answers made by hand, and the relevance set itself
(tests/fixtures/search/relevance.yml): enough queries of every kind, each
with the pages that should come first. (The set scored by the real worker in
Chromium: tests/browser/test_search_relevance.py and `make bench`.)"""
from __future__ import annotations

import math
from collections import Counter

import pytest

from conftest import ROOT
from handbook.search import relevance
from handbook.search.relevance import Query, evaluate, judge, ndcg, reciprocal_rank

SET = ROOT / "tests" / "fixtures" / "search" / "relevance.yml"


def group(*locations, page=None):
    """A result group as the worker returns it: best result first."""
    items = [{"location": loc, "score": 10 - i} for i, loc in enumerate(locations)]
    if page and not any(i["location"] == page for i in items):
        items.append({"location": page, "score": 0})
    return items


def test_a_page_judgment_is_met_by_any_result_of_that_page():
    grades = {"cam-nang/cong-khai/": 2}
    assert judge([group("cam-nang/cong-khai/#quy-dinh", page="cam-nang/cong-khai/")], grades) == [2]


def test_a_section_judgment_is_met_only_when_that_section_leads_its_group():
    article = "van-ban/luat/#dieu-51-to-chuc"
    grades = {article: 2}
    assert judge([group(article, page="van-ban/luat/")], grades) == [2]
    assert judge([group("van-ban/luat/#dieu-5-quyen", article, page="van-ban/luat/")], grades) == [0]


def test_reciprocal_rank_counts_the_first_result_that_should_come_first():
    assert reciprocal_rank([2, 0, 1]) == 1
    assert reciprocal_rank([1, 0, 2]) == pytest.approx(1 / 3)   # a good result is not the one asked for
    assert reciprocal_rank([0, 1, 0]) == 0


def test_ndcg_is_one_for_the_best_order_and_less_otherwise():
    grades = {"a/": 2, "b/": 1}
    assert ndcg([2, 1, 0], grades) == pytest.approx(1)
    worse = ndcg([1, 2, 0], grades)
    best = 3 + 1 / math.log2(3)
    assert worse == pytest.approx((1 + 3 / math.log2(3)) / best)
    assert ndcg([0, 0, 0, 0, 0, 2], grades) == 0   # only the first five count


def test_evaluate_means_and_misses():
    queries = [Query("a", first=("a/",)), Query("b", first=("b/",)), Query("zz", full=False)]
    answers = {("vi", "a"): {"items": [group("a/")], "full": 1},
               ("vi", "b"): {"items": [group("x/"), group("b/")], "full": 2},
               ("vi", "zz"): {"items": [group("x/")], "full": 1}}
    report = evaluate(queries, answers)
    assert report.mrr == pytest.approx((1 + 1 / 2) / 2)
    assert [q["query"] for q in report.misses] == ["b", "zz"]   # "zz" claimed a complete match
    lines = relevance.report_lines(report)
    assert lines[0].startswith("MRR 0.750")
    assert any("`b`" in line and "rank 2" in line for line in lines)


def test_the_relevance_set_covers_what_staff_type():
    queries = relevance.load(SET)
    judged = [q for q in queries if q.full]
    assert len(judged) >= 40
    kinds = Counter(q.kind for q in judged)
    for kind in ("topic", "unaccented", "tone", "article", "document", "question", "typo", "english"):
        assert kinds[kind] >= 2, kind
    assert sum(q.lang == "en" for q in judged) >= 8
    assert all(q.first for q in judged), "every judged query names what should come first"
    assert [q for q in queries if not q.full], "a query no page answers in full"
    assert len({(q.lang, q.query) for q in queries}) == len(queries), "a query twice"


def test_the_set_refuses_unknown_keys(tmp_path):
    bad = tmp_path / "set.yml"
    bad.write_text("- query: a\n  frist: [a/]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="frist"):
        relevance.load(bad)
