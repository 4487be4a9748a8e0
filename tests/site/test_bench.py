"""`make bench` works end to end on a tiny corpus and reports its figures.
Only that they are reported is checked: no time is compared with another or
with a limit (performance is measured by the benchmark, never by timed tests)."""
import json
import subprocess
import sys

from conftest import ROOT


def test_bench_runs_on_a_tiny_corpus(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--pages", "6", "--json", str(out),
         "--preview-rounds", "1", "--skip", "pdf"],  # the PDF build: tests/site/test_pdf.py
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    for build in ("ours", "no-hooks", "vanilla"):
        assert data[build]["html_pages"] > 6, build
        assert measured(data[build]["seconds"]) and measured(data[build]["cpu_seconds"]), build
    assert data["ours"]["search_index"], "no search index measured"
    # the hooks' own time inside a build, and the search parts of a build with
    # them and of one without (as bench/hook_time.py reports them)
    hooks, build, search, build_nohooks, search_nohooks = data["hook_time"]["samples"][0]
    assert all(measured(t) for t in (hooks, build, build_nohooks, search_nohooks))
    assert isinstance(search, (int, float))
    assert all(isinstance(data["hook_time"][key], (int, float)) for key in ("share", "net_share"))
    for share in ("hooks_share_paired", "hooks_share_paired_cold"):  # side by side, with and without the cache
        assert len(data[share]["samples"]) == 1 and all(measured(t) for t in data[share]["samples"][0]), share
    assert data["first_visit"]["requests"] > 3
    assert data["preview"]["samples"], "the edit never appeared in the preview server"
    assert "ours / vanilla" in result.stdout and "first visit" in result.stdout


def measured(seconds) -> bool:
    """A time the bench took: a positive number (its value is never judged here)."""
    return isinstance(seconds, (int, float)) and seconds > 0
