"""Settings (handbook.build.settings): the language a build makes, the PDF
switch and the edition date, from extra.handbook in mkdocs.yml with
environment overrides; a bad value is a clear error naming its line."""
from __future__ import annotations

import pytest

from handbook.build import settings
from handbook.errors import ContentError, ContentErrors


def test_build_language_must_be_one_of_the_site(monkeypatch):
    assert settings.language({}) is None
    assert settings.language({"HANDBOOK_LANGUAGE": "en"}) == "en"
    with pytest.raises(ContentError, match="HANDBOOK_LANGUAGE='fr'"):
        settings.language({"HANDBOOK_LANGUAGE": "fr"})


@pytest.mark.parametrize(("command", "setting", "env", "expected"), [
    ("build", "auto", {}, True), ("serve", "auto", {}, False), ("build", "auto", {"HANDBOOK_PDF": "0"}, False),
    ("serve", "auto", {"HANDBOOK_PDF": "1"}, True), ("gh-deploy", "auto", {"HANDBOOK_PDF": "off"}, False),
    ("build", "off", {}, False), ("serve", "on", {}, True),
])
def test_pdf_switch(command, setting, env, expected):
    assert settings.load({"handbook": {"pdf": setting}}, command, environ=env).pdf is expected


def test_an_edition_that_is_not_a_date_is_a_clear_error(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nextra:\n  handbook:\n    edition: 30/11/2026\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as error:
        settings.load({"handbook": {"edition": "30/11/2026"}}, "build", config_file=config)
    [problem] = error.value.errors
    assert (problem.path, problem.line, problem.rule) == ("mkdocs.yml", 4, "setting")
    assert "extra.handbook.edition" in problem.message_vi
