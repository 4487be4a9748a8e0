"""Search benchmark: relevance, index size and speed, measured in Chromium
(Playwright + Debian's Chromium) on built sites. `make bench` runs it.

    python bench/search_bench.py                     # shipped content and 1,000 synthetic pages
    python bench/search_bench.py --pages 0           # shipped content only
    python bench/search_bench.py --pages 0,200,1000  # several corpus sizes
    python bench/search_bench.py --site path/to/site # an already built site
    options: --rounds N (cold page loads per language, default 5), --repeat N (runs of
             each query, default 3), --material (also Material's lunr worker, for comparison),
             --json FILE (default bench/out/search.json)

For every site it reports, per language:
- relevance: the relevance set (tests/fixtures/search/relevance.yml) run
  through the site's published worker (handbook.search.relevance): MRR,
  nDCG@5 and every query that missed;
- the index (search/search_index.json, en/search/search_index.json): documents,
  bytes raw and gzip (level 6, as the web server sends it; budget 1.5 MB
  gzip per language at 1,000 pages);
- first keystroke to first results on a cold page: a fresh browser context
  (empty cache) opens the home page and, as soon as its DOM is ready, the
  query is typed into Material's search box; the time from the first key
  press to the first result on screen (index download, worker setup, the
  query and Material's rendering included). Also typed once the page has
  loaded and the worker is ready (a reader who reads first, then searches);
  medians over --rounds loads;
- the worker alone: setup (index fetched, parsed and indexed) and the time of
  each query of the relevance set (message to the worker -> results back,
  each sent once the worker is idle, so answered at once), median and p95.
Targets (issue 21): first results <= 300 ms on the shipped site and <= 1 s at
1,000 pages on this 2-core machine, a query <= 50 ms at 1,000 pages. The
figures are reported, never asserted (tests/site/test_bench.py).
Synthetic corpora come from bench/corpus.py (the build benchmark's generator):
N Vietnamese pages, half translated, added to the shipped content.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from handbook.search import relevance  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RELEVANCE_SET = ROOT / "tests" / "fixtures" / "search" / "relevance.yml"
FIRST_QUERY = {"vi": "hoi nghi can bo", "en": "staff conference"}
TARGETS = {"first_result_shipped_ms": 300, "first_result_1000_ms": 1000, "query_1000_ms": 50,
           "index_gzip_1000_bytes": 1_500_000}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def build(pages: int, workdir: Path) -> Path:
    """Build the project (shipped content + ``pages`` synthetic pages) into workdir/site."""
    from run import add_to_nav, copy_project  # the build benchmark's helpers
    from corpus import write_corpus
    from handbook.content.vietnamese import slugify

    copy_project(workdir)
    if pages:
        config = (workdir / "mkdocs.yml").read_text(encoding="utf-8")
        nav = write_corpus(workdir / "docs", pages, slugify)
        (workdir / "mkdocs.yml").write_text(add_to_nav(config, nav), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="0", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, str(workdir / "tools" / "build.py"), "--out", str(workdir / "site"),
                             "--config", str(workdir / "mkdocs.yml")],
                            cwd=workdir, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return workdir / "site"


def index_sizes(site: Path) -> dict:
    sizes = {}
    for lang, path in (("vi", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        raw = path.read_bytes()
        sizes[lang] = {"docs": len(json.loads(raw)["docs"]), "raw_bytes": len(raw), "gzip_bytes": gz(raw)}
    return sizes


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# In the page, before anything else: the time of the first key press and of
# the first result Material puts on screen (performance.now(), one clock).
FIRST_RESULT_PROBE = """
window.__search = { key: null, result: null };
document.addEventListener("keydown", ev => {
  if (window.__search.key === null) window.__search.key = ev.timeStamp;
}, true);
new MutationObserver(() => {
  if (window.__search.key !== null && window.__search.result === null &&
      document.querySelector(".md-search-result__item"))
    window.__search.result = performance.now();
}).observe(document, { childList: true, subtree: true });
"""

# Runs in the page: a worker, fed like Material feeds it, timed message by
# message. Each query is sent once the worker has been idle longer than its
# typing pause, so it is answered at once: the time is the worker's own.
WORKER_TIMING = """async ([workerUrl, indexUrl, queries, repeat, config, idle]) => {
  const worker = new Worker(workerUrl)
  let resolve
  worker.onmessage = ev => resolve(ev.data)
  const send = message => new Promise(r => { resolve = r; worker.postMessage(message) })
  const pause = () => new Promise(r => setTimeout(r, idle))
  const t0 = performance.now()
  const index = await (await fetch(indexUrl)).json()
  if (config) index.config = config
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
  const setup = performance.now() - t0
  const latency = {}, found = {}
  for (const query of queries) {
    latency[query] = []
    for (let i = 0; i < repeat; i++) {
      await pause()
      const t = performance.now()
      const result = await send({ type: 2, data: query })
      latency[query].push(performance.now() - t)
      found[query] = result.data.items.length
    }
  }
  worker.terminate()
  return { setup, latency, found }
}"""

MATERIAL_CONFIG = {"lang": ["vi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def summarise(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1), "n": len(ordered)}


def add_material_worker(site: Path) -> None:
    """Put Material's own search worker and its lunr files, which the site
    does not publish (the handbook's worker replaces them), where the
    comparison loads them: from the installed theme."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    target = site / "assets" / "javascripts"
    for worker in (theme / "workers").glob("search.*.min.js"):
        shutil.copy2(worker, target / "workers" / worker.name)
    shutil.copytree(theme / "lunr", target / "lunr", dirs_exist_ok=True)


def first_result(browser, url: str, query: str, wait_for_worker: bool) -> float:
    """Milliseconds from the first key press to the first result, on a page
    opened in a fresh context (nothing cached)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(FIRST_RESULT_PROBE)
        page.goto(url, wait_until="load" if wait_for_worker else "domcontentloaded")
        if wait_for_worker:
            page.wait_for_load_state("networkidle")   # the index fetched, the worker set up
            page.wait_for_timeout(300)
        box = page.locator("input[data-md-component=search-query]")
        box.focus()
        page.keyboard.type(query)
        page.keyboard.press("End")   # Material reads the box on key up
        page.wait_for_function("window.__search.result !== null", timeout=120_000)
        probe = page.evaluate("window.__search")
        return probe["result"] - probe["key"]
    finally:
        context.close()


def measure_browser(site: Path, rounds: int, repeat: int, material: bool) -> dict:
    from playwright.sync_api import sync_playwright

    if material:
        add_material_worker(site)
    queries = relevance.load(RELEVANCE_SET)
    server, base = serve(site)
    out: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
            context = browser.new_context()
            page = context.new_page()
            report = relevance.evaluate(queries, relevance.run(page, base, queries))
            out["relevance"] = {"mrr": round(report.mrr, 4), "ndcg5": round(report.ndcg5, 4),
                                "queries": len(report.per_query), "misses": report.misses,
                                "per_query": report.per_query}
            context.close()
            for lang, path in (("vi", "/"), ("en", "/en/")):
                cold = [first_result(browser, base + path, FIRST_QUERY[lang], False) for _ in range(rounds)]
                warm = [first_result(browser, base + path, FIRST_QUERY[lang], True) for _ in range(rounds)]
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                worker_url, index_url = relevance.worker_and_index(page)
                source = (site / "assets" / "javascripts" / "workers" / Path(worker_url).name).read_text(encoding="utf-8")
                quiet = int(source.split("QUIET_MS = ", 1)[1].split()[0]) if "QUIET_MS = " in source else 0
                asked = [q.query for q in queries if q.lang == lang]
                ours = page.evaluate(WORKER_TIMING, [worker_url, index_url, asked, repeat, None, quiet + 20])
                entry = {
                    "first_result_cold_ms": summarise(cold),
                    "first_result_ready_ms": summarise(warm),
                    "worker_setup_ms": round(ours["setup"], 1),
                    "query_ms": summarise([v for vs in ours["latency"].values() for v in vs]),
                    "slowest_queries": sorted(((q, round(statistics.median(v), 1)) for q, v in ours["latency"].items()),
                                              key=lambda item: -item[1])[:3],
                }
                if material:
                    material_url = page.evaluate(
                        "() => [...document.scripts].map(s => s.src).find(s => s.includes('bundle.'))"
                        ".replace(/bundle\\.[^/]+$/, '') + 'workers/'")
                    name = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
                    cfg = dict(MATERIAL_CONFIG, lang=[lang])
                    lunr = page.evaluate(WORKER_TIMING, [material_url + name, index_url, asked, repeat, cfg, 0])
                    entry["material_lunr"] = {
                        "worker_setup_ms": round(lunr["setup"], 1),
                        "query_ms": summarise([v for vs in lunr["latency"].values() for v in vs]),
                    }
                context.close()
                out[lang] = entry
            browser.close()
    finally:
        server.shutdown()
    return out


def report(label: str, r: dict) -> str:
    rel = r["browser"]["relevance"]
    load = r.get("load_average")
    lines = [f"### Search, {label}" + (f" (load average {load[0]} → {load[1]} on {os.cpu_count()} cores)" if load else ""), "",
             "Relevance: " + relevance.report_lines(relevance.Report(rel["mrr"], rel["ndcg5"], rel["per_query"]))[0],
             ""]
    for miss in rel["misses"]:
        lines.append(f"- missed: `{miss['query']}` ({miss['lang']}, {miss['kind']}): "
                     + (f"first expected at rank {miss['rank']}" if miss.get("rank") else "none expected found")
                     + "; top: " + ", ".join(f"`{t}`" for t in miss["top"]))
    lines += ["",
              "| lang | docs | index raw | index gzip | first keystroke → results, cold page | "
              "… page loaded | worker setup | query median / p95 | slowest queries |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for lang in ("vi", "en"):
        s, b = r["index"][lang], r["browser"][lang]
        lines.append(
            f"| {lang} | {s['docs']:,} | {s['raw_bytes'] / 1024:,.0f} KiB | {s['gzip_bytes'] / 1024:,.0f} KiB "
            f"| {b['first_result_cold_ms']['median_ms']:,.0f} ms | {b['first_result_ready_ms']['median_ms']:,.0f} ms "
            f"| {b['worker_setup_ms']:,.0f} ms | {b['query_ms']['median_ms']} / {b['query_ms']['p95_ms']} ms "
            f"| " + ", ".join(f"`{q}` {t} ms" for q, t in b["slowest_queries"]) + " |")
    if any("material_lunr" in r["browser"][lang] for lang in ("vi", "en")):
        lines += ["", "Material's lunr worker on the same documents: " + "; ".join(
            f"{lang} setup {r['browser'][lang]['material_lunr']['worker_setup_ms']:,.0f} ms, query "
            f"{r['browser'][lang]['material_lunr']['query_ms']['median_ms']} / "
            f"{r['browser'][lang]['material_lunr']['query_ms']['p95_ms']} ms"
            for lang in ("vi", "en") if "material_lunr" in r["browser"][lang])]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Search benchmark (see module docstring).")
    parser.add_argument("--pages", default="0,1000", help="comma list of synthetic page counts; 0 = shipped content")
    parser.add_argument("--site", type=Path, action="append", help="measure this built site instead of building")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--material", action="store_true", help="also Material's lunr worker, for comparison")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    targets: list[tuple[str, Path, int | None]] = []
    for site in args.site or []:
        targets.append((f"site {site}", site, None))
    if not args.site:
        for pages in (int(p) for p in args.pages.split(",") if p.strip()):
            workdir = Path(tempfile.mkdtemp(prefix="handbook-search-bench-"))
            label = "shipped content" if pages == 0 else f"shipped content + {pages:,} synthetic pages"
            targets.append((label, workdir, pages))

    results = {"targets": TARGETS}
    for label, path, pages in targets:
        try:
            if pages is not None:
                print(f"[search-bench] building {label} ...", file=sys.stderr, flush=True)
                site = build(pages, path)
            else:
                site = path
            print(f"[search-bench] measuring {label} in Chromium ...", file=sys.stderr, flush=True)
            load_before = os.getloadavg()[0]
            browser = measure_browser(site, args.rounds, args.repeat, args.material)
            results[label] = {"pages": pages, "index": index_sizes(site), "browser": browser,
                              "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)]}
            print(report(label, results[label]), flush=True)
            print(flush=True)
        finally:
            if pages is not None:
                shutil.rmtree(path, ignore_errors=True)

    out = args.json or ROOT / "bench" / "out" / "search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
