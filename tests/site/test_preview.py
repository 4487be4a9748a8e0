"""`make serve`: an edit shows in the preview, with everything it changes on
other pages (checklists, navigation, search), while only those pages are
rendered again (hooks/preview.py). The server is started exactly as the
Makefile's `serve` recipe starts it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, _free_port


def serve_recipe() -> tuple[dict, list[str]]:
    """Environment assignments and mkdocs flags of the Makefile's `serve`."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", makefile, flags=re.M).group(1).strip().splitlines()[-1]
    env = dict(re.findall(r"\b([A-Z_]+)=(\S+)\s", recipe))
    flags = [flag for flag in ("--livereload", "--dirty") if flag in recipe.split()]
    return env, flags


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, check, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if check(last):
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed the change")


@pytest.fixture
def preview(project_copy, tmp_path_factory):
    env_extra, flags = serve_recipe()
    assert "--dirty" in flags  # PDFs off, preview steps on: `mkdocs serve` says so itself
    port = _free_port()
    log = tmp_path_factory.mktemp("preview") / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_extra)
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *flags],
                                cwd=project_copy, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", lambda html: "</html>" in html, timeout=180)
        site = Path(re.search(r"Building 'vi' documentation to directory: (\S+)",
                              log.read_text(encoding="utf-8")).group(1))
        time.sleep(1.5)  # let the file watcher settle
        yield project_copy, base, site, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edits_show_with_what_they_change_elsewhere(preview):
    project, base, site, log = preview
    docs = project / "docs"
    unrelated = site / "hoi-dap" / "chung" / "index.html"
    before = unrelated.stat().st_mtime_ns

    # 1. A paragraph: the page shows it; a page that does not depend on it is
    #    not rendered again (the rebuild is quick because of that).
    chapter = docs / "cam-nang" / "cong-khai.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\nĐoạn xem trước số một.\n", encoding="utf-8")
    wait_for(base + "/cam-nang/cong-khai/", lambda html: "Đoạn xem trước số một." in html)
    assert unrelated.stat().st_mtime_ns == before, "an unrelated page was rendered again"
    assert "Aborted" not in log.read_text(encoding="utf-8")

    # 2. A checklist item declared in that chapter: the yearly calendar and the
    #    inspection list, built from the items, show the new wording.
    edit(chapter, "requirement: Công khai kế hoạch công tác hằng năm của đơn vị",
         "requirement: Công khai kế hoạch công tác hằng năm (bản xem trước) của đơn vị")
    wait_for(base + "/bang-kiem/lich-nam/", lambda html: "(bản xem trước)" in html)
    assert "(bản xem trước)" in fetch(base + "/bang-kiem/kiem-tra/")

    # 3. A page title: the navigation of every page changes.
    edit(docs / "cam-nang" / "tong-quan.md", "title: Tổng quan và nguyên tắc", "title: Tổng quan (xem trước)")
    wait_for(base + "/hoi-dap/chung/", lambda html: "Tổng quan (xem trước)" in html)
    assert "Tổng quan (xem trước)" in fetch(base + "/thuat-ngu/")

    # 4. Search still holds every page, the edited ones with their new text.
    index = json.loads(fetch(base + "/search/search_index.json"))
    text = json.dumps(index, ensure_ascii=False)
    assert "Đoạn xem trước số một." in text
    assert "thuat-ngu/" in text and "hoi-dap/chung/" in text

    # 5. An abbreviation (includes/, which every page includes): a page that
    #    uses it shows the new tooltip without restarting the server.
    edit(project / "includes" / "abbreviations.md", "*[BCĐ]: Ban Chỉ đạo\n", "*[BCĐ]: Ban Chỉ đạo (xem trước)\n")
    wait_for(base + "/hoi-dap/trien-khai/", lambda html: 'title="Ban Chỉ đạo (xem trước)"' in html)
