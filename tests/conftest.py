"""Shared fixtures and helpers: the site is built once per test session,
served once, and one Chromium instance drives every browser test.

Where a test lives says what it needs (see README, "Tests"):

* tests/unit/<capability>/ — no build of the site, no browser, no server:
  plain functions on fixtures (tests/fixtures/) and the repository's files;
* tests/site/ — the built site, builds of project copies, nginx,
  ``mkdocs serve``, the bench (marker ``site``);
* tests/browser/ — Chromium driven by Playwright (marker ``browser``).

The markers are given here by path, and a test that asks for a fixture its
folder does not allow stops the run, so `make test-unit` stays fast."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from handbook.publish import nginx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
# Files and folders a build needs; copied for tests that break content on purpose.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "includes", "data", "overrides", "tools", "fonts")


def run_build(project: Path, out: Path, *extra: str, pdf: bool = False,
              env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real atomic build (tools/build.py) of ``project`` into ``out``.
    The PDFs (seconds of WeasyPrint per build) only when ``pdf`` is true;
    ``env``: more environment variables."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF="1" if pdf else "0", **(env or {}))
    return subprocess.run(
        [sys.executable, str(project / "tools" / "build.py"), "--out", str(out),
         "--config", str(project / "mkdocs.yml"), *extra],
        cwd=project, env=env, capture_output=True, text=True, encoding="utf-8",
    )


def built_once(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` run once per test run, whatever the number of test
    processes (``make test`` runs two, pytest-xdist): the first process to
    ask makes it under a lock in the run's shared temporary folder, the
    others wait and use the same result. ``make`` returns the built path;
    a failure is the failure of every process that asks."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / f"once-{name}"
    with open(shared / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / ".made"
        if done.exists():
            return Path(done.read_text(encoding="utf-8"))
        shutil.rmtree(folder, ignore_errors=True)  # a failed attempt of another process
        folder.mkdir()
        result = make(folder)
        done.write_text(str(result), encoding="utf-8")
        return result


def site_built_once(tmp_path_factory, name: str, project_of, pdf: bool = False) -> Path:
    """The site of the project ``project_of(folder)`` returns (the repository
    itself, or a copy it prepares in ``folder``), built once per run into the
    project's ``site/`` (the repository's: ``folder/site``)."""
    def make(folder: Path) -> Path:
        project = project_of(folder)
        out = (folder if project == ROOT else project) / "site"
        result = run_build(project, out, pdf=pdf)
        if result.returncode != 0:
            pytest.fail(f"{name} build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
        return out
    return built_once(tmp_path_factory, name, make)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The shipped content, built once for the whole run (PDFs included)."""
    return site_built_once(tmp_path_factory, "site", lambda folder: ROOT, pdf=True)


def copy_project(dest: Path) -> Path:
    """Copy the parts of the project a build needs into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project whose content a test may break."""
    return copy_project(tmp_path)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextlib.contextmanager
def serving(folder: Path):
    """``folder`` over HTTP on a free loopback port (plain static server);
    yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site over HTTP on a free loopback port (plain static server)."""
    with serving(site) as url:
        yield url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


@contextlib.contextmanager
def running_nginx(root: Path, workdir: Path):
    """Run the real nginx in the foreground with deploy/nginx/ serving ``root``
    on a free loopback port; yields its base URL."""
    if not Path(NGINX).exists():
        pytest.fail(f"nginx not found at {NGINX}: run `make test` as root, or "
                    "`sudo apt-get install nginx`.", pytrace=False)
    errors = []
    for attempt in range(3):  # a free port may be taken before nginx binds it
        prefix = workdir / f"nginx-{attempt}"
        prefix.mkdir(parents=True)
        port = _free_port()
        conf = nginx.write_standalone(prefix, root, f"127.0.0.1:{port}", project=ROOT)
        log = open(prefix / "stderr.log", "wb")
        proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                                stdout=log, stderr=subprocess.STDOUT)
        if _wait_for_port(port, proc):
            break
        proc.kill()
        proc.wait()
        log.close()
        errors += [p.read_text(errors="replace") for p in (prefix / "stderr.log", prefix / "error.log")
                   if p.exists()]
    else:
        pytest.fail("nginx did not start:\n" + "\n".join(errors), pytrace=False)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def nginx_url(site, tmp_path_factory) -> str:
    """The built site served by the real nginx with deploy/nginx/ (headers,
    the CSP generated by the build, caching, compression, 404 pages). Missing
    nginx is a failure, never a skip: `make test` installs it
    (tools/ensure-system-packages.sh)."""
    with running_nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure,
    never a skip: `make test` installs it (tools/ensure-system-packages.sh)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` as root, or "
                    "`sudo apt-get install chromium`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"],
        )
        yield instance
        instance.close()


# Reports every Content-Security-Policy violation of the page (and of frames
# and workers that share its console) to the test, structured.
_CSP_LISTENER = """
(() => {
  const report = (e) => window.__cspViolation && window.__cspViolation(
    [e.effectiveDirective || e.violatedDirective, e.blockedURI || 'inline',
     (e.sourceFile || location.href) + ':' + e.lineNumber, e.sample || ''].join(' | '));
  document.addEventListener('securitypolicyviolation', report, true);
})();
"""


class PageWatch:
    """Console errors, Content-Security-Policy violations and failed or
    off-site requests seen by one page."""

    def __init__(self, page, allowed_origin: str):
        self.page = page
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.offsite: list[str] = []
        self.csp_violations: list[str] = []
        page.expose_binding("__cspViolation", lambda source, text: self.csp_violations.append(
            f"{source['frame'].url}: {text}"))
        page.add_init_script(_CSP_LISTENER)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})"))
        page.on("request", lambda r: (not r.url.startswith(allowed_origin)
                                      and not r.url.startswith(("data:", "blob:"))
                                      and self.offsite.append(r.url)))

    def assert_clean(self):
        assert not self.csp_violations, f"Content-Security-Policy violations: {self.csp_violations}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.offsite, f"requests that left the site: {self.offsite}"


@pytest.fixture
def page_factory(browser):
    """New isolated browser contexts (fresh localStorage) for one test."""
    contexts = []

    def make(origin: str, **context_args):
        context = browser.new_context(locale="vi-VN", **context_args)
        contexts.append(context)
        page = context.new_page()
        return page, PageWatch(page, origin)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def checklist_site(tmp_path_factory) -> Path:
    """The project plus the checklist fixture pages (tests/fixtures/checklists/),
    built once: checklists tested on known items whatever the content holds."""
    from checklist_fixtures import add_fixture_pages

    def project_of(folder: Path) -> Path:
        project = copy_project(folder / "project")
        add_fixture_pages(project)
        return project
    return site_built_once(tmp_path_factory, "checklist-site", project_of)


@pytest.fixture(scope="session")
def checklist_site_url(checklist_site) -> str:
    """``checklist_site`` over HTTP on a free loopback port."""
    with serving(checklist_site) as url:
        yield url


# ---- the printable handbook's sample page (tests/site/test_pdf.py, tests/browser/test_print.py)

def pdf_sample_project(dest: Path) -> Path:
    """A copy of the project with the sample page holding every printable
    construct (tests/fixtures/pdf/mau-in.md) first in its nav."""
    copy_project(dest)
    for sample in (FIXTURES / "pdf").glob("mau-in*.md"):
        shutil.copy2(sample, dest / "docs" / sample.name)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    config.write_text(text.replace("\nnav:\n", "\nnav:\n  - Mẫu in: mau-in.md\n", 1), encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def pdf_sample_site(tmp_path_factory) -> Path:
    """``pdf_sample_project`` built once, PDFs included."""
    return site_built_once(tmp_path_factory, "pdf-sample", lambda folder: pdf_sample_project(folder / "project"),
                           pdf=True)


@pytest.fixture(scope="session")
def pdf_sample_url(pdf_sample_site) -> str:
    """``pdf_sample_site`` over HTTP on a free loopback port."""
    with serving(pdf_sample_site) as url:
        yield url


# ---- checklists on known items (tests/fixtures/checklists/) without a build

@pytest.fixture(scope="session")
def checklist_sources():
    """The checklist fixture pages read as sources."""
    from checklist_fixtures import FIXTURE_DOCS
    from handbook.content import sources

    return sources.load(FIXTURE_DOCS)


@pytest.fixture(scope="session")
def checklist_collection(checklist_sources):
    """Every item of the checklist fixture pages, in their nav order."""
    from checklist_fixtures import FIXTURE_PAGES
    from handbook.checklists import collect

    return collect(checklist_sources, list(FIXTURE_PAGES))


# ---- helpers several test files share

def shipped_sources():
    """The shipped content (docs/) read as sources."""
    from handbook.content import sources

    return sources.load(ROOT / "docs", ROOT)


def shipped_originals(kind: str):
    """The Vietnamese sources of the shipped pages of one type (front matter ``type``)."""
    return [s for s in shipped_sources() if s.lang == "vi" and s.meta.get("type") == kind]


CONTENT_SITE = FIXTURES / "content" / "site"


def content_fixture_sources():
    """The small fixture site (tests/fixtures/content/site/) read as sources."""
    from handbook.content import sources

    return sources.load(CONTENT_SITE / "docs", CONTENT_SITE)


def soup(path: Path):
    """A built page, parsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def checklist_pages(site: Path) -> list[str]:
    """URL paths of the built pages whose HTML carries the interactive
    checklist (checklists.js enhances ``.ck-checklist``)."""
    found = []
    for page in sorted((site / "bang-kiem").rglob("index.html")):
        if 'class="ck-checklist' in page.read_text(encoding="utf-8"):
            found.append("/" + page.parent.relative_to(site).as_posix() + "/")
    return found


def deploy(base: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """tools/deploy.sh with its releases under ``base``."""
    environment = dict(os.environ, CAM_NANG_BASE=str(base))
    environment.update(env)
    return subprocess.run(["bash", str(ROOT / "tools" / "deploy.sh"), *args], env=environment,
                          capture_output=True, text=True)


# ---- where a test lives says what it may use ------------------------------------

# Fixtures that build the site, serve it or drive a browser: never in tests/unit.
BUILT = {"site", "site_url", "nginx_url", "checklist_site", "checklist_site_url", "pdf_sample_site",
         "pdf_sample_url", "project_copy"}
BROWSER = {"browser", "page_factory"}
CAPABILITIES = ("build", "content", "pages", "editorial", "checklists", "search", "publish", "lint", "models",
                "plan")


def _kind(path: Path) -> str | None:
    """unit, site or browser, from where the test file lies; None elsewhere."""
    parts = path.relative_to(ROOT / "tests").parts
    if parts[0] == "unit":
        return "unit" if len(parts) == 3 and parts[1] in CAPABILITIES else None
    return parts[0] if len(parts) == 2 and parts[0] in ("site", "browser") else None


def pytest_collection_modifyitems(config, items):
    misplaced = []
    for item in items:
        kind = _kind(Path(item.path))
        used = set(item.fixturenames)
        if kind is None:
            misplaced.append(f"{item.nodeid}: put tests in tests/unit/<capability>/, tests/site/ or tests/browser/")
        elif kind == "unit" and used & (BUILT | BROWSER):
            misplaced.append(f"{item.nodeid}: uses {sorted(used & (BUILT | BROWSER))}, so it belongs in "
                             "tests/site/ or tests/browser/")
        elif kind == "site" and used & BROWSER:
            misplaced.append(f"{item.nodeid}: drives the browser, so it belongs in tests/browser/")
        elif kind in ("site", "browser"):
            item.add_marker(getattr(pytest.mark, kind))
    if misplaced:
        raise pytest.UsageError("tests in the wrong folder:\n" + "\n".join(misplaced))
