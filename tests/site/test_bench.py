"""`make bench` works end to end (a tiny corpus; the figures are not asserted:
performance is measured by the benchmark, never by timed tests)."""
import json
import subprocess
import sys

from conftest import ROOT


def test_bench_runs_on_a_tiny_corpus(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--pages", "6", "--json", str(out),
         "--preview-rounds", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    for build in ("ours", "no-hooks", "vanilla"):
        assert data[build]["html_pages"] > 6, build
        assert data[build]["seconds"] > 0 and data[build]["cpu_seconds"] > 0
    assert data["ours"]["search_index"], "no search index measured"
    hooks, build, search, build_nohooks, search_nohooks = data["hook_time"]["samples"][0]
    assert 0 < hooks < build and 0 < search_nohooks < build_nohooks
    assert search < search_nohooks  # our hooks take the place of Material's search parser
    assert -1 < data["hook_time"]["net_share"] < data["hook_time"]["share"]
    for share in ("hooks_share_paired", "hooks_share_paired_cold"):  # side by side, with and without the cache
        assert len(data[share]["samples"]) == 1 and all(t > 0 for t in data[share]["samples"][0]), share
    assert data["first_visit"]["requests"] > 3
    assert data["preview"]["samples"], "the edit never appeared in the preview server"
    assert "ours / vanilla" in result.stdout and "first visit" in result.stdout
