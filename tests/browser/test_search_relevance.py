"""The relevance set (tests/fixtures/search/relevance.yml) run through the
published search worker in Chromium on the built site's indexes, as
Material's search box runs it: MRR at least 0.9, and the queries no page
answers in full answered as such. `make bench` reports the same figures with
nDCG@5 (bench/search_bench.py)."""
from __future__ import annotations

from conftest import ROOT
from handbook.search import relevance

SET = ROOT / "tests" / "fixtures" / "search" / "relevance.yml"


def test_relevance_set_scores_mrr_of_at_least_0_9(page_factory, site_url):
    queries = relevance.load(SET)
    page, watch = page_factory(site_url)
    report = relevance.evaluate(queries, relevance.run(page, site_url, queries))
    summary = "\n".join(relevance.report_lines(report))
    print(summary)
    assert report.mrr >= 0.9, summary
    assert not [q for q in report.per_query if not q["full_ok"]], summary
    watch.assert_clean()
