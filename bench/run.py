"""Reproducible build benchmark: `make bench` (or `python bench/run.py --pages N`).

For a synthetic Vietnamese corpus of N pages (half translated) added to the
shipped content, it builds the site with:

- ours        the project's configuration and hooks, as shipped (tools/build.py:
              one process per language, on separate cores; PDF off);
- ours-serial the same in one process, on one core (tools/build.py --jobs 1):
              against no-hooks, the hooks' own share of the work (also built
              side by side with no-hooks, one core each, for a steady ratio:
              with the build cache the previous builds left in .cache/handbook/,
              and without it, as from a fresh checkout);
- no-hooks    the same configuration without our hooks, one process;
- vanilla     plain Material + mkdocs-static-i18n, same pages and extensions;
- pdf         ours with the PDF on (PDF time = pdf - ours);

and reports build time, peak memory, time per page, search index bytes per
language (raw and gzip), PDF size, the bytes of a first visit (gzip, measured
in Chromium) and, on the shipped content, how long `make serve` takes to show
an edit. Results go to stdout (a Markdown table) and bench/out/results-N.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import nav_groups, write_corpus  # noqa: E402
from handbook.content.vietnamese import slugify

PYTHON = sys.executable
# Peak RSS of the build itself, measured inside a fresh interpreter.
MEASURED = (
    "import resource, runpy, sys, time; t = time.monotonic(); sys.argv = sys.argv[1:]\n"
    "try:\n    runpy.run_path(sys.argv[0], run_name='__main__') if sys.argv[0].endswith('.py') "
    "else runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
    "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
    "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print('BENCH', time.monotonic() - t, me.ru_maxrss, kids.ru_maxrss, "
    "me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, file=sys.stderr)\n"
    "sys.exit(code or 0)\n"
)


def copy_project(target: Path) -> None:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def add_to_nav(config_text: str, entries: list[str]) -> str:
    block = "  - Bench:\n" + "".join(
        f"      - {group}:\n" + "".join(f"          - {entry}\n" for entry in members)
        for group, members in nav_groups(entries))
    lines = config_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip() and not lines[i].startswith((" ", "-", "#"))), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "".join(lines[:end]) + block + "".join(lines[end:])


def without_hooks(config_text: str) -> str:
    return re.sub(r"^hooks:\n(?:[ \t]+-.*\n|[ \t]*#.*\n)+", "", config_text, flags=re.M)


# Pages that name a template of ours (the dated plan: ``template: plan.html``)
# get Material's page template in the plain build.
VANILLA_TEMPLATES = "bench-vanilla-templates"


def write_vanilla_templates(workspace: Path) -> None:
    folder = workspace / VANILLA_TEMPLATES
    folder.mkdir(exist_ok=True)
    for name in {p.name for p in (workspace / "overrides").glob("*.html")} - {"main.html", "404.html"}:
        (folder / name).write_text('{% extends "main.html" %}\n', encoding="utf-8")


def vanilla_config(config_text: str) -> str:
    """The best-configured alternative a team would pick: plain Material and
    mkdocs-static-i18n, with ``navigation.prune`` (each page carries only the
    navigation it needs: at a thousand pages the unpruned navigation is most of
    every page) — same pages, extensions, languages, no hooks."""
    nav = config_text[config_text.index("\nnav:") + 1:]
    nav = nav[: next((m.start() for m in re.finditer(r"^\S", nav, flags=re.M) if m.start() > 0), len(nav))]
    return f"""site_name: Vanilla
docs_dir: docs
theme:
  name: material
  custom_dir: {VANILLA_TEMPLATES}
  language: vi
  features:
    - navigation.prune
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.tasklist:
      custom_checkbox: true
  - pymdownx.snippets:
      base_path: [includes]
      auto_append: [abbreviations.md]
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
        - locale: en
          name: English
{nav}"""


def _on_core(core: int | None):
    """A ``preexec_fn`` that keeps the build (and its children) on one core."""
    if core is None or not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2:
        return None
    cores = sorted(os.sched_getaffinity(0))
    return lambda: os.sched_setaffinity(0, {cores[core % len(cores)]})


def timed(command: list[str], cwd: Path, env: dict, core: int | None = None) -> dict:
    started = time.monotonic()
    result = subprocess.run([PYTHON, "-c", MEASURED, *command], cwd=cwd, env=env,
                            capture_output=True, text=True, preexec_fn=_on_core(core))
    wall = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    line = [l for l in result.stderr.splitlines() if l.startswith("BENCH ")][-1].split()
    return {"seconds": round(wall, 2), "peak_mib": round(max(int(line[2]), int(line[3])) / 1024, 1),
            "cpu_seconds": round(float(line[4]), 2), "log": result.stdout + result.stderr}


def timed_together(commands: list[tuple[list[str], dict]], cwd: Path, turn: int = 0) -> list[dict]:
    """``timed`` for builds (command, environment) run at the same time, each
    pinned to its own core: the machine's speed drifts by a quarter within
    minutes, and builds run side by side see the same speed, so their ratio
    is steadier than one run after the other. The cores change places with
    every ``turn``, so a faster core favours neither build."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        return list(pool.map(lambda job: timed(job[1][0], cwd, job[1][1], core=job[0] + turn),
                             enumerate(commands)))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def search_indexes(site: Path) -> dict:
    """Every search index file, keyed by language (the folder it serves)."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and "search" in path.parts and path.suffix == ".json":
            rel = path.relative_to(site)
            lang = rel.parts[0] if rel.parts[0] in ("en",) else "vi"
            data = path.read_bytes()
            entry = found.setdefault(lang, {"files": [], "raw": 0, "gzip": 0})
            entry["files"].append(str(rel))
            entry["raw"] += len(data)
            entry["gzip"] += gz(data)
    return found


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_visit(site: Path) -> dict:
    """Bytes a first visit to the home page transfers (gzip), search index excluded."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes, excluded = {}, {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()

            def record(response):
                try:
                    body = response.body()
                except Exception:
                    return
                url = response.url.replace(base, "")
                target = excluded if "/search/" in url or "search_index" in url else sizes
                target[url] = gz(body)

            page.on("response", record)
            page.goto(base + "/", wait_until="networkidle")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.shutdown()
    return {"gzip_bytes": sum(sizes.values()), "requests": len(sizes), "files": sizes,
            "excluded_search_bytes": sum(excluded.values())}


def preview_latency(workspace: Path, env: dict, rounds: int = 3) -> dict:
    """Seconds from saving a page to `make serve` serving the edit (shipped content)."""
    port = free_port()
    serve_env = dict(env)
    # Same options as `make serve` (read from the Makefile), on a free port.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", makefile, flags=re.M).group(1).strip().splitlines()[-1]
    command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    command += [flag for flag in ("--dirty",) if flag in recipe]
    for name, value in re.findall(r"\b([A-Z_]+)=(\S+)\s", recipe):
        serve_env[name] = value
    proc = subprocess.Popen(command, cwd=workspace, env=serve_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    page = workspace / "docs" / "cam-nang" / "cong-khai.md"
    url = f"http://127.0.0.1:{port}/cam-nang/cong-khai/"
    samples = []
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except Exception:
                time.sleep(0.3)
        time.sleep(2)  # let the watcher settle
        original = page.read_text(encoding="utf-8")
        for round_ in range(rounds):
            marker = f"benchmarkedit{round_}x{int(time.time())}"
            page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            started = time.monotonic()
            while time.monotonic() - started < 120:
                try:
                    if marker in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                        samples.append(time.monotonic() - started)
                        break
                except Exception:
                    pass
                time.sleep(0.1)
            time.sleep(1.5)
        page.write_text(original, encoding="utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"median_seconds": round(statistics.median(samples), 2) if samples else None,
            "samples": [round(s, 2) for s in samples]}


def _hook_time(run: dict) -> list[float]:
    """``[our hooks, the build, Material's search plugin]`` seconds, as bench/hook_time.py printed them."""
    line = [line for line in run["log"].splitlines() if line.startswith("HOOK_TIME ")][-1]
    return [float(value) for value in line.split()[1:]]


def net_share(hooks: float, build: float, search: float, build_nohooks: float, search_nohooks: float) -> float:
    """Our hooks' share net of Material's search parser, which they replace.

    In our build, ``rest = build - hooks - search``. In the build without the
    hooks, Material's search plugin takes ``sigma`` times the rest of that
    build; counted in our build's own seconds (each figure comes from one
    process, so the machine's drift between the two cancels out), the
    configuration without our hooks would take ``rest * (1 + sigma)``.
    ``rest`` also holds the rendering of what the hooks add to pages, which
    the configuration without them does not do: that cost is not seen here
    (the figure errs in our favour by it; the side-by-side pairs see it).
    """
    rest = build - hooks - search
    sigma = search_nohooks / (build_nohooks - search_nohooks)
    return (hooks + search - sigma * rest) / (rest * (1 + sigma))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build benchmark (see module docstring).")
    parser.add_argument("--pages", type=int, default=200, help="synthetic Vietnamese pages (default 200)")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: ours-serial,vanilla,no-hooks,pdf,first-visit,preview")
    parser.add_argument("--keep", action="store_true", help="keep the workspace")
    parser.add_argument("--preview-rounds", type=int, default=3, help="edits timed in the preview")
    parser.add_argument("--rounds", type=int, default=1,
                        help="build every configuration this many times, interleaved; medians are reported "
                             "(the machine's speed drifts between runs far apart)")
    parser.add_argument("--json", type=Path, help="where to write results (default bench/out/results-N.json)")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))

    workspace = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="0", PYTHONDONTWRITEBYTECODE="1")
    results: dict = {"pages": args.pages, "cores": os.cpu_count()}
    try:
        copy_project(workspace)
        base_config = (workspace / "mkdocs.yml").read_text(encoding="utf-8")
        if args.pages:
            nav = write_corpus(workspace / "docs", args.pages, slugify)
            config = add_to_nav(base_config, nav)
        else:
            config = base_config
        (workspace / "mkdocs.yml").write_text(config, encoding="utf-8")
        (workspace / "mkdocs-nohooks.yml").write_text(without_hooks(config), encoding="utf-8")
        (workspace / "mkdocs-vanilla.yml").write_text(vanilla_config(config), encoding="utf-8")
        write_vanilla_templates(workspace)
        results["source_pages"] = {
            "vi": sum(1 for p in (workspace / "docs").rglob("*.md") if not p.name.endswith(".en.md")),
            "en": sum(1 for p in (workspace / "docs").rglob("*.en.md")),
        }

        runs = {"ours": [str(workspace / "tools" / "build.py"), "--out", str(workspace / "site-ours")]}
        if "ours-serial" not in skip:
            runs["ours-serial"] = [str(workspace / "tools" / "build.py"), "--jobs", "1",
                                   "--out", str(workspace / "site-oursserial")]
        if "no-hooks" not in skip:
            runs["no-hooks"] = ["mkdocs", "build", "-q", "-f", "mkdocs-nohooks.yml", "-d", str(workspace / "site-nohooks")]
        if "vanilla" not in skip:
            runs["vanilla"] = ["mkdocs", "build", "-q", "-f", "mkdocs-vanilla.yml", "-d", str(workspace / "site-vanilla")]
        samples: dict[str, list[dict]] = {name: [] for name in runs}
        paired = {"warm": [], "cold": []} if "ours-serial" in runs and "no-hooks" in runs else None
        in_process: list[tuple[float, float]] = []  # (our hooks' seconds, the build's), one process
        for round_ in range(max(args.rounds, 1)):
            for name, command in runs.items():
                print(f"[bench] building {name} (round {round_ + 1}) ...", file=sys.stderr, flush=True)
                samples[name].append(timed(command, workspace, env))
            if "ours-serial" in runs:
                print(f"[bench] ours in one process, its hooks timed inside it (round {round_ + 1}) ...",
                      file=sys.stderr, flush=True)
                run = timed([str(workspace / "bench" / "hook_time.py"), "build", "-q", "--strict",
                             "-d", str(workspace / "site-hooktime")], workspace, dict(env, HANDBOOK_JOBS="1"))
                hooks, build, search = _hook_time(run)
                sample = [hooks, build, search]
                if "no-hooks" in runs:  # the share of Material's search parser in a build without our hooks
                    run = timed([str(workspace / "bench" / "hook_time.py"), "build", "-q", "-f", "mkdocs-nohooks.yml",
                                 "-d", str(workspace / "site-hooktimenohooks")], workspace, env)
                    sample += _hook_time(run)[1:]
                in_process.append(tuple(sample))
            if paired is not None:
                # warm: the build cache (.cache/handbook/) holds the previous
                # build's outputs, as on an editor's machine; cold: a fresh checkout
                kinds = [("warm", env), ("cold", dict(env, HANDBOOK_CACHE="0"))]
                for cache, serial_env in kinds if round_ % 2 == 0 else kinds[::-1]:  # neither always first
                    print(f"[bench] building ours-serial ({cache} cache) and no-hooks at the same time "
                          f"(round {round_ + 1}) ...", file=sys.stderr, flush=True)
                    paired[cache].append(timed_together([(runs["ours-serial"], serial_env),
                                                         (runs["no-hooks"], env)], workspace, turn=round_))
        if in_process:
            results["hook_time"] = {
                "share": round(statistics.median(s[0] / (s[1] - s[0]) for s in in_process), 3),
                "samples": [[round(value, 2) for value in s] for s in in_process]}
            if all(len(s) == 5 for s in in_process):
                results["hook_time"]["net_share"] = round(statistics.median(net_share(*s) for s in in_process), 3)
        if paired:
            for cache, pairs in paired.items():
                key = "hooks_share_paired" if cache == "warm" else "hooks_share_paired_cold"
                results[key] = {
                    "wall": round(statistics.median(a["seconds"] / b["seconds"] - 1 for a, b in pairs), 3),
                    "cpu": round(statistics.median(a["cpu_seconds"] / b["cpu_seconds"] - 1 for a, b in pairs), 3),
                    "samples": [[a["seconds"], b["seconds"]] for a, b in pairs]}
        for name in runs:
            site = workspace / f"site-{name.replace('-', '')}"
            html = count_pages(site)
            seconds = statistics.median(run["seconds"] for run in samples[name])
            results[name] = {"seconds": round(seconds, 2), "samples": [run["seconds"] for run in samples[name]],
                             "cpu_seconds": round(statistics.median(run["cpu_seconds"] for run in samples[name]), 2),
                             "peak_mib": max(run["peak_mib"] for run in samples[name]), "html_pages": html,
                             "ms_per_page": round(1000 * seconds / max(html, 1), 1),
                             "search_index": search_indexes(site)}
        if "pdf" not in skip:
            print("[bench] building ours with the PDF ...", file=sys.stderr, flush=True)
            run = timed(runs["ours"][:2] + [str(workspace / "site-pdf")], workspace, dict(env, HANDBOOK_PDF="1"))
            pdfs = {str(p.relative_to(workspace / "site-pdf")): p.stat().st_size
                    for p in (workspace / "site-pdf").rglob("*.pdf")}
            results["pdf"] = {"build_seconds": run["seconds"],
                              "pdf_seconds": round(run["seconds"] - results["ours"]["seconds"], 2),
                              "files": pdfs}
        if "first-visit" not in skip:
            print("[bench] first visit in Chromium ...", file=sys.stderr, flush=True)
            results["first_visit"] = first_visit(workspace / "site-ours")
        if "preview" not in skip:
            print("[bench] preview latency (make serve, shipped content) ...", file=sys.stderr, flush=True)
            shipped = Path(tempfile.mkdtemp(prefix="handbook-preview-"))
            try:
                copy_project(shipped)
                results["preview"] = preview_latency(shipped, env, args.preview_rounds)
            finally:
                shutil.rmtree(shipped, ignore_errors=True)
    finally:
        if args.keep:
            print(f"[bench] workspace kept: {workspace}", file=sys.stderr)
        else:
            shutil.rmtree(workspace, ignore_errors=True)

    out = args.json or ROOT / "bench" / "out" / f"results-{args.pages}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(report(results))
    return 0


def report(r: dict) -> str:
    rows = [f"## Benchmark: {r['pages']} synthetic pages + shipped content "
            f"({r['source_pages']['vi']} vi / {r['source_pages']['en']} en sources, {r['cores']} cores)", "",
            "| build | seconds | CPU seconds | peak MiB | HTML pages | ms/page | search index vi raw/gzip | en raw/gzip |",
            "|---|---:|---:|---:|---:|---:|---|---|"]
    for name in ("ours", "ours-serial", "no-hooks", "vanilla"):
        if name not in r:
            continue
        b = r[name]
        idx = b["search_index"]
        cell = lambda lang: (f"{idx[lang]['raw']:,} / {idx[lang]['gzip']:,}" if lang in idx else "—")
        seconds = b["seconds"] if len(b.get("samples", [])) < 2 else f"{b['seconds']} ({', '.join(map(str, b['samples']))})"
        rows.append(f"| {name} | {seconds} | {b.get('cpu_seconds', '')} | {b['peak_mib']} | {b['html_pages']} | {b['ms_per_page']} "
                    f"| {cell('vi')} | {cell('en')} |")
    rows.append("")
    if "vanilla" in r:
        rows.append(f"- ours / vanilla: **{r['ours']['seconds'] / r['vanilla']['seconds']:.2f} ×** (target ≤ 0.25)")
    if "no-hooks" in r:
        serial = "ours-serial" if "ours-serial" in r else "ours"
        share = r[serial]["seconds"] / r["no-hooks"]["seconds"] - 1
        cpu = ""
        if r[serial].get("cpu_seconds") and r["no-hooks"].get("cpu_seconds"):
            cpu = f", {(r[serial]['cpu_seconds'] / r['no-hooks']['cpu_seconds'] - 1) * 100:+.0f} % in CPU time"
        paired, cold = r.get("hooks_share_paired"), r.get("hooks_share_paired_cold")
        if paired:
            rows.append(f"- our hooks' share: **{paired['wall'] * 100:+.0f} %**, {paired['cpu'] * 100:+.0f} % in CPU "
                        f"time, with the build cache of the previous build (ours-serial over the same "
                        f"configuration without our hooks, each in one process, built at the same time on a "
                        f"core each, the cores swapped every round; median of {len(paired['samples'])}; "
                        f"target ≤ +10 %)")
            if cold:
                rows.append(f"- our hooks' share from a fresh checkout (no build cache): "
                            f"**{cold['wall'] * 100:+.0f} %**, {cold['cpu'] * 100:+.0f} % in CPU time "
                            f"(median of {len(cold['samples'])})")
            rows.append(f"- one build after the other: {share * 100:+.0f} %{cpu} (the machine's speed drifts "
                        "between runs: the side-by-side figures are the steadier)")
        if "hook_time" in r:
            h, b = r["hook_time"]["samples"][0][:2]
            rows.append(f"- our hooks' own callbacks, timed inside the one-process build: "
                        f"**{r['hook_time']['share'] * 100:+.0f} %** over the rest of that build "
                        f"(e.g. {h} s of {b} s; immune to the drift, but blind to the Markdown of the pages "
                        f"the hooks add and to Material's search parser they replace)")
            if "net_share" in r["hook_time"]:
                rows.append(f"- the same, net of Material's search parser, whose share of a build without "
                            f"the hooks was timed in that build: **{r['hook_time']['net_share'] * 100:+.0f} %**")
        else:
            rows.append(f"- our hooks' share: **{share * 100:+.0f} %**{cpu} ({serial} over the same configuration "
                        f"without them, both in one process; target ≤ +10 %)")
        rows.append(f"- ours / no-hooks: **{r['ours']['seconds'] / r['no-hooks']['seconds']:.2f} ×** "
                    "(as shipped: languages in parallel)")
    if "pdf" in r:
        sizes = ", ".join(f"{k}: {v / 1024:,.0f} KiB" for k, v in r["pdf"]["files"].items()) or "no PDF produced"
        rows.append(f"- PDF: **{r['pdf']['pdf_seconds']} s** extra ({sizes})")
    if "first_visit" in r:
        rows.append(f"- first visit (home page, gzip, search index excluded): **{r['first_visit']['gzip_bytes'] / 1024:,.0f} KiB** "
                    f"in {r['first_visit']['requests']} requests (target ≤ 300 KB); search index fetched: "
                    f"{r['first_visit']['excluded_search_bytes'] / 1024:,.0f} KiB gzip")
    if "preview" in r:
        rows.append(f"- preview: an edit shows in `make serve` after **{r['preview']['median_seconds']} s** "
                    f"(median of {r['preview']['samples']}; target ≤ 3 s)")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
