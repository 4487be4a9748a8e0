"""tools/deploy.sh: releases copied beside each other, "current" switched
atomically while nginx serves it, rollback to the previous release."""
from __future__ import annotations

import os
import shutil
import urllib.request

from conftest import deploy, running_nginx


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode("utf-8")


def test_install_switch_and_rollback_while_nginx_serves(site, tmp_path):
    base = tmp_path / "srv"
    second = tmp_path / "second"
    shutil.copytree(site, second)
    index = second / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</body>", "<!-- release 2 --></body>"),
                     encoding="utf-8")

    first = deploy(base, "install", str(site))
    assert first.returncode == 0, first.stderr
    current = base / "current"
    assert current.is_symlink() and os.readlink(current).startswith("releases/")
    release_one = os.readlink(current)
    # readable by the web server's user, whatever the build folder's mode was
    assert (base / release_one).stat().st_mode & 0o005 == 0o005
    assert (base / release_one / "errors" / "500.html").exists()

    with running_nginx(current, tmp_path / "nginx") as url:
        assert "release 2" not in get(url + "/")
        result = deploy(base, "install", str(second))
        assert result.returncode == 0, result.stderr
        release_two = os.readlink(current)
        assert release_two != release_one
        # nginx follows the switched link at once, without a restart
        assert "release 2" in get(url + "/")

        listing = deploy(base, "list").stdout.split("\n")
        assert f"* {release_two.split('/')[1]}" in listing

        back = deploy(base, "rollback")
        assert back.returncode == 0, back.stderr
        assert os.readlink(current) == release_one
        assert "release 2" not in get(url + "/")
    assert not list(base.glob(".current.new")) and not list((base / "releases").glob(".*"))


def test_old_releases_are_pruned(site, tmp_path):
    base = tmp_path / "srv"
    for _ in range(3):
        assert deploy(base, "install", str(site), KEEP="2").returncode == 0
    releases = sorted(p.name for p in (base / "releases").iterdir())
    assert len(releases) == 2
    assert os.readlink(base / "current") == f"releases/{releases[-1]}"
