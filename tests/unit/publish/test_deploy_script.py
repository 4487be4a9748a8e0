"""tools/deploy.sh refuses what is not a built site, and installs nothing.
(Releases switched and rolled back while nginx serves them: tests/site/test_deploy.py.)"""
from conftest import deploy


def test_refuses_a_folder_that_is_not_a_built_site(tmp_path):
    (tmp_path / "empty").mkdir()
    result = deploy(tmp_path / "srv", "install", str(tmp_path / "empty"))
    assert result.returncode != 0
    assert "make build" in result.stderr
    assert not (tmp_path / "srv" / "current").exists()
