"""The plan's settings (extra.handbook in mkdocs.yml, handbook.build.settings):
the work year's first day, whether it is confirmed, the years planned — by
default the build year and the next, from HANDBOOK_TODAY when it is set."""
from __future__ import annotations

import pytest

from handbook.build import settings
from handbook.errors import ContentErrors


def test_defaults_follow_the_build_day():
    loaded = settings.load({}, "build", environ={"HANDBOOK_TODAY": "2026-12-06"})
    assert (loaded.work_year_start, loaded.work_year_confirmed, loaded.plan_years) == ("01-01", False, (2026, 2027))
    assert settings.load({}, "build", environ={"HANDBOOK_TODAY": "2027-01-02"}).plan_years == (2027, 2028)


def test_settings_as_written():
    loaded = settings.load({"handbook": {"work_year_start": "12-01", "work_year_confirmed": True,
                                         "plan_years": [2027, 2026, 2027]}}, "build", environ={})
    assert (loaded.work_year_start, loaded.work_year_confirmed, loaded.plan_years) == ("12-01", True, (2026, 2027))


@pytest.mark.parametrize("key, value, words", [
    ("work_year_start", "02-30", "02-30"), ("work_year_start", "1-1", "MM-DD"),
    ("work_year_start", "02-29", "29"), ("plan_years", [1990], "2000"), ("plan_years", list(range(2026, 2032)), "5"),
])
def test_a_bad_setting_names_its_line_in_mkdocs_yml(tmp_path, key, value, words):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: T\nextra:\n  handbook:\n    {key}: {value!r}\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as error:
        settings.load({"handbook": {key: value}}, "build", config_file=config, environ={})
    [problem] = error.value.errors
    assert (problem.path, problem.line, problem.rule) == ("mkdocs.yml", 4, "setting")
    assert f"extra.handbook.{key}" in problem.message_vi and words in problem.message_vi + problem.message_en


def test_a_date_written_for_the_start_is_refused_not_guessed(tmp_path):
    import datetime as dt
    with pytest.raises(ContentErrors):
        settings.load({"handbook": {"work_year_start": dt.date(2026, 12, 1)}}, "build", environ={})
