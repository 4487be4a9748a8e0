"""Search benchmark: index size per language, time to the first result and
per-query latency, measured in Chromium (Playwright + Debian's Chromium).

    python bench/search_bench.py                     # shipped content and 1,000 synthetic pages
    python bench/search_bench.py --pages 0           # shipped content only
    python bench/search_bench.py --pages 0,200,1000  # several corpus sizes
    python bench/search_bench.py --site path/to/site # an already built site (e.g. bench/run.py --keep)
    options: --rounds N (page loads per language, default 3), --repeat N (runs of each
             query, default 5), --no-material (skip Material's lunr worker for comparison),
             --json FILE (default bench/out/search-<label>.json)

For every site it reports, per language:
- the index (search/search_index.json, en/search/search_index.json): documents,
  bytes raw and gzip (level 6, as a web server sends it);
- time to first result: a fresh tab opens the home page, a query is typed into
  Material's search box as soon as the page is interactive, and the time from
  navigation start until the first result is on screen (index download,
  worker setup and the query included), median over --rounds loads;
- the worker alone: setup (index fetched, parsed and indexed) and latency of
  each query (message to the worker -> results back, minus the worker's
  deliberate pause while the reader types, QUIET_MS), median and p95;
- for comparison, Material's own lunr worker (lang: vi) on the same documents:
  setup, latency and whether each query finds anything.
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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
QUERIES = {
    "vi": ["dan chu co so", "hội nghị cán bộ", "hoi nghi can bo", "Điều 51", "dieu 51",
           "điều 51 luật 10/2022", "cụ thể hoá", "ban thanh tra nhân dân", "công khai", "zzqxwv"],
    "en": ["inspection board", "staff conference", "article 51", "publicity", "zzqxwv"],
}
FIRST_QUERY = {"vi": "hoi nghi can bo", "en": "inspection board"}


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


# Runs in the page: a worker, fed like Material feeds it, timed message by message.
WORKER_TIMING = """async ([workerUrl, indexUrl, queries, repeat, config]) => {
  const worker = new Worker(workerUrl)
  let resolve
  worker.onmessage = ev => resolve(ev.data)
  const send = message => new Promise(r => { resolve = r; worker.postMessage(message) })
  const t0 = performance.now()
  const index = await (await fetch(indexUrl)).json()
  if (config) index.config = config
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
  const setup = performance.now() - t0
  const latency = {}, found = {}, top = {}
  for (const query of queries) {
    latency[query] = []
    for (let i = 0; i < repeat; i++) {
      const t = performance.now()
      const result = await send({ type: 2, data: query })
      latency[query].push(performance.now() - t)
      found[query] = result.data.items.length
      const best = result.data.items.length ? [...result.data.items[0]].sort((a, b) => b.score - a.score)[0] : null
      top[query] = best ? best.location : null
    }
  }
  worker.terminate()
  return { setup, latency, found, top }
}"""

MATERIAL_CONFIG = {"lang": ["vi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def summarise(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


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


def measure_browser(site: Path, rounds: int, repeat: int, material: bool) -> dict:
    from playwright.sync_api import sync_playwright

    if material:
        add_material_worker(site)
    server, base = serve(site)
    out: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
            for lang, path in (("vi", "/"), ("en", "/en/")):
                # time to first result, fresh tab (empty cache) each round
                firsts = []
                for _ in range(rounds):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(base + path, wait_until="domcontentloaded")
                    box = page.locator("input[data-md-component=search-query]")
                    box.click()
                    page.keyboard.type(FIRST_QUERY[lang])
                    page.keyboard.press("End")
                    page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
                    firsts.append(page.evaluate("performance.now()"))
                    context.close()
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                config = json.loads(page.locator("#__config").text_content())
                worker_url = page.evaluate("u => new URL(u, location.href).href", config["search"])
                index_url = page.evaluate("b => new URL('search/search_index.json', new URL(b, location.href)).href",
                                          config["base"])
                ours = page.evaluate(WORKER_TIMING, [worker_url, index_url, QUERIES[lang], repeat, None])
                # the worker answers once typing pauses (QUIET_MS): latency here is
                # the worker's own work, so that pause is taken off
                source = (site / "assets" / "javascripts" / "workers" / Path(config["search"]).name).read_text(encoding="utf-8")
                quiet = int(re.search(r"QUIET_MS = (\d+)", source).group(1)) if "QUIET_MS" in source else 0
                ours["latency"] = {q: [max(v - quiet, 0) for v in vs] for q, vs in ours["latency"].items()}
                entry = {
                    "typing_pause_ms": quiet,
                    "time_to_first_result_ms": summarise(firsts),
                    "worker_setup_ms": round(ours["setup"], 1),
                    "query_latency": summarise([v for vs in ours["latency"].values() for v in vs]),
                    "per_query": {q: {**summarise(v), "groups": ours["found"][q], "top": ours["top"][q]}
                                  for q, v in ours["latency"].items()},
                }
                if material:
                    material_url = page.evaluate(
                        "() => [...document.scripts].map(s => s.src).find(s => s.includes('bundle.'))"
                        ".replace(/bundle\\.[^/]+$/, '') + 'workers/'")
                    name = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
                    cfg = dict(MATERIAL_CONFIG, lang=["vi"] if lang == "vi" else ["en"])
                    lunr = page.evaluate(WORKER_TIMING, [material_url + name, index_url, QUERIES[lang], repeat, cfg])
                    entry["material_lunr"] = {
                        "worker_setup_ms": round(lunr["setup"], 1),
                        "query_latency": summarise([v for vs in lunr["latency"].values() for v in vs]),
                        "found": lunr["found"],
                        "top": lunr["top"],
                    }
                context.close()
                out[lang] = entry
            browser.close()
    finally:
        server.shutdown()
    return out


def report(label: str, r: dict) -> str:
    lines = [f"### Search, {label}", "",
             "| lang | docs | index raw | index gzip | first result (median) | worker setup | query median / p95 |"
             " lunr setup | lunr query median / p95 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang in ("vi", "en"):
        s, b = r["index"][lang], r["browser"][lang]
        lunr = b.get("material_lunr")
        lines.append(
            f"| {lang} | {s['docs']} | {s['raw_bytes'] / 1024:,.0f} KiB | {s['gzip_bytes'] / 1024:,.0f} KiB "
            f"| {b['time_to_first_result_ms']['median_ms']:,.0f} ms | {b['worker_setup_ms']:,.0f} ms "
            f"| {b['query_latency']['median_ms']} / {b['query_latency']['p95_ms']} ms "
            + (f"| {lunr['worker_setup_ms']:,.0f} ms | {lunr['query_latency']['median_ms']} / "
               f"{lunr['query_latency']['p95_ms']} ms |" if lunr else "| – | – |"))
    lines.append("")
    lines.append("Queries (groups found: ours / Material lunr): " + "; ".join(
        f"`{q}` {v['groups']}" + (f" / {r['browser'][lang]['material_lunr']['found'][q]}"
                                   if r["browser"][lang].get("material_lunr") else "")
        for lang in ("vi", "en") for q, v in r["browser"][lang]["per_query"].items()))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Search benchmark (see module docstring).")
    parser.add_argument("--pages", default="0,1000", help="comma list of synthetic page counts; 0 = shipped content")
    parser.add_argument("--site", type=Path, action="append", help="measure this built site instead of building")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-material", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    targets: list[tuple[str, Path, Path | None]] = []
    for site in args.site or []:
        targets.append((f"site {site}", site, None))
    if not args.site:
        for pages in (int(p) for p in args.pages.split(",") if p.strip()):
            workdir = Path(tempfile.mkdtemp(prefix="handbook-search-bench-"))
            label = "shipped content" if pages == 0 else f"shipped content + {pages} synthetic pages"
            targets.append((label, workdir, pages))

    results = {}
    for label, path, pages in targets:
        try:
            if pages is not None:
                print(f"[search-bench] building {label} ...", file=sys.stderr, flush=True)
                site = build(pages, path)
            else:
                site = path
            print(f"[search-bench] measuring {label} in Chromium ...", file=sys.stderr, flush=True)
            results[label] = {"index": index_sizes(site),
                              "browser": measure_browser(site, args.rounds, args.repeat, not args.no_material)}
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
