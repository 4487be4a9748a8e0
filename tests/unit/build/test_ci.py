"""The pipelines editors rely on: lint, build and tests on every merge/pull
request, the built site (with PDFs) kept for preview, and a request template
with the points editors confirm."""
import yaml

from conftest import ROOT


def _scripts(job) -> str:
    steps = job.get("script") or [s.get("run", "") for s in job.get("steps", [])]
    return "\n".join(steps)


def test_gitlab_runs_lint_build_test_on_merge_requests_and_keeps_the_site():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert any("merge_request_event" in rule.get("if", "") for rule in ci["workflow"]["rules"])
    assert ci["variables"]["GIT_DEPTH"] == "0"  # full history for dates
    assert "make lint" in _scripts(ci["lint"])
    assert "make build" in _scripts(ci["build"]) and ci["build"]["artifacts"]["paths"] == ["site/"]
    assert "make test" in _scripts(ci["test"])


def test_github_runs_lint_build_test_on_pull_requests_and_keeps_the_site():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = ci[True] if True in ci else ci["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers
    jobs = ci["jobs"]
    assert "make lint" in _scripts(jobs["lint"])
    assert "make build" in _scripts(jobs["build"]) and "make test" in _scripts(jobs["test"])
    upload = [s for s in jobs["build"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload and upload[0]["with"]["path"] == "site/"
    checkout = [s for s in jobs["build"]["steps"] if "checkout" in s.get("uses", "")]
    assert checkout[0]["with"]["fetch-depth"] == 0


def test_request_templates_list_what_editors_confirm():
    for path in (ROOT / ".github" / "pull_request_template.md",
                 ROOT / ".gitlab" / "merge_request_templates" / "Default.md"):
        text = path.read_text(encoding="utf-8")
        assert text.count("- [ ]") >= 6
        assert "make lint" in text and "`reviews`" in text and ".en.md" in text
