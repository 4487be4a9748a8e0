"""The search benchmark (bench/search_bench.py, run by `make bench`) works
end to end on the built site and reports its figures: the relevance set's
MRR and nDCG@5, the index sizes, the time from the first key press to the
first results and per query. Only that they are reported is checked: no time
is compared with another or with a limit (the bench measures, tests do not)."""
import json
import subprocess
import sys

from conftest import ROOT


def test_search_bench_reports_relevance_sizes_and_times(site, tmp_path):
    out = tmp_path / "search.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "search_bench.py"), "--site", str(site),
         "--rounds", "1", "--repeat", "1", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    figures = data[f"site {site}"]
    assert 0 < figures["browser"]["relevance"]["mrr"] <= 1
    assert 0 < figures["browser"]["relevance"]["ndcg5"] <= 1
    for lang in ("vi", "en"):
        assert figures["index"][lang]["gzip_bytes"] > 0
        timings = figures["browser"][lang]
        for key in ("first_result_cold_ms", "first_result_ready_ms", "query_ms"):
            assert timings[key]["median_ms"] > 0, (lang, key)
        assert timings["worker_setup_ms"] > 0
    assert "MRR" in result.stdout and "first keystroke" in result.stdout
