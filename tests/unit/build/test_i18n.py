"""Every assumption the build makes about mkdocs-static-i18n's internals
(handbook.build.i18n, the only module that touches them), checked against the
installed plugin: an upgrade that changes one fails here, in one place."""
from __future__ import annotations

import mkdocs_static_i18n
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from conftest import ROOT
from handbook.build import i18n
from handbook.build.i18n import I18n


@pytest.fixture
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_the_plugin_is_the_version_the_adapter_was_written_for():
    from importlib.metadata import version

    assert version("mkdocs-static-i18n") == "1.3.1"  # a new version: check every test below, then update


def test_the_plugin_is_found_under_its_name_and_knows_no_language_before_it_starts(config):
    plugin = config.plugins["i18n"]
    assert plugin.current_language is None
    adapter = I18n(config)
    assert adapter.plugin is plugin
    assert adapter.language == "vi"  # None means the default language's build is next


def test_a_language_chosen_before_the_plugin_starts_is_the_one_it_builds(config):
    adapter = I18n(config)
    adapter.choose("en")
    config = config.plugins["i18n"].on_config(config)
    assert adapter.language == "en"
    assert config.site_name == "Handbook on Grassroots Democracy"  # the language's own overrides applied


def test_a_choice_after_the_plugin_started_changes_nothing(config):
    plugin = config.plugins["i18n"]
    plugin.on_config(config)  # starts with the default language
    I18n(config).choose("en")
    assert plugin.current_language == "vi"


def test_building_says_a_build_runs_inside_another_and_holds_the_others(config):
    plugin = config.plugins["i18n"]
    adapter = I18n(config)
    assert plugin.building is False and adapter.nested is False
    adapter.hold_other_languages()
    assert plugin.building is True and adapter.nested is True
    # the plugin's on_post_build builds the other languages only when it is not set
    import inspect
    source = inspect.getsource(type(plugin).on_post_build)
    assert "if self.building:" in source and "return" in source


def test_the_order_of_languages_is_the_default_then_the_configured_ones(config):
    plugin = config.plugins["i18n"]
    assert plugin.default_language == "vi" and list(plugin.build_languages) == ["vi", "en"]
    assert I18n(config).order() == ["vi", "en"]


def test_the_configuration_as_written_is_kept_before_a_language_overrides_it(config):
    plugin = config.plugins["i18n"]
    I18n(config).choose("en")
    plugin.on_config(config)
    assert I18n(config).original("site_name", config.site_name) == "Cẩm nang thực hiện dân chủ ở cơ sở"
    assert "site_name" in plugin.original_configs


def test_a_file_shown_in_another_language_carries_its_locale(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("index.md", "index.en.md", "chi-tieng-viet.md"):
        (tmp_path / "docs" / name).write_text("# T\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - i18n:\n      docs_structure: suffix\n      fallback_to_default: true\n"
        "      languages:\n        - {locale: vi, name: Việt, default: true}\n        - {locale: en, name: English}\n",
        encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    I18n(config).choose("en")
    config = plugin.on_config(config)
    files = plugin.on_files(get_files(config), config)
    locales = {f.src_uri: I18n.locale_of(f) for f in files.documentation_pages()}
    assert locales == {"index.en.md": "en", "chi-tieng-viet.md": "vi"}  # the fallback says it is Vietnamese


def test_the_priorities_the_pipeline_is_ordered_around():
    import inspect
    plugin = mkdocs_static_i18n.plugin.I18n
    assert getattr(plugin.on_config, "mkdocs_priority", None) == i18n.CONFIG_PRIORITY
    assert getattr(plugin.on_post_build, "mkdocs_priority", None) == i18n.POST_BUILD_PRIORITY
    assert "build(config" in inspect.getsource(plugin.on_post_build)  # the other languages, built inside
