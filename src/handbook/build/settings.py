"""The build's settings: ``extra.handbook`` in mkdocs.yml, typed and
validated, with the environment's overrides applied here and nowhere else.

```yaml
extra:
  handbook:
    edition: 2026-11-30        # edition of the printed handbook (cover, file names)
    edit_url_template: ""      # "Sửa trang này": .../-/edit/main/docs/{path}; empty: no edit links
    pdf: auto                  # auto (mkdocs build: yes, mkdocs serve: no) | on | off
    lint: true                 # the content linter runs with the build
    cache: true                # keep slow steps' outputs in .cache/handbook/
    jobs: 0                    # cores for site-wide steps (0: every core)
    today: null                # a fixed build date (YYYY-MM-DD) for reproducible builds
    work_year_start: "01-01"   # first day of the work year (năm công tác), "MM-DD": the dated plan
    work_year_confirmed: false # whether the procuracy confirmed it (the plan says so when not)
    plan_years: []             # years of the dated plan; empty: the build year and the next
```

Environment overrides, for tools/build.py and the tests: ``HANDBOOK_PDF``
(1/0), ``HANDBOOK_LINT`` (1/0), ``HANDBOOK_CACHE`` (1/0), ``HANDBOOK_JOBS``
(a number), ``HANDBOOK_TODAY`` (YYYY-MM-DD) and ``HANDBOOK_LANGUAGE`` (build
one language only: ``vi`` or ``en``).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from mkdocs.config import base
from mkdocs.config import config_options as c

from handbook.content.sources import LANGUAGES
from handbook.errors import ContentError, ContentErrors

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
LANGUAGE_VARIABLE = "HANDBOOK_LANGUAGE"


class Options(base.Config):
    """``extra.handbook``, as MkDocs' own plugins type their configuration."""
    edition = c.Optional(c.Type(dt.date))
    edit_url_template = c.Type(str, default="")
    pdf = c.Choice(("auto", "on", "off"), default="auto")
    lint = c.Type(bool, default=True)
    cache = c.Type(bool, default=True)
    jobs = c.Type(int, default=0)
    today = c.Optional(c.Type(dt.date))
    # The dated plan (handbook.plan): the procuracy's work year is not
    # confirmed, so its first day is a setting, and the years planned.
    work_year_start = c.Type(str, default="01-01")
    work_year_confirmed = c.Type(bool, default=False)
    plan_years = c.ListOfItems(c.Type(int), default=[])


@dataclass(frozen=True)
class Settings:
    command: str | None          # "build", "serve" (None: not run by MkDocs)
    dirty: bool                  # `mkdocs serve --dirty`: rebuild changed pages only
    edition: dt.date | None      # None: the last commit's date (handbook.publish.pdf)
    edit_url_template: str
    pdf: bool
    lint: bool
    cache: bool
    jobs: int
    today: dt.date
    language: str | None         # one language only (None: every language)
    work_year_start: str = "01-01"       # "MM-DD", checked (handbook.plan.workyear)
    work_year_confirmed: bool = False
    plan_years: tuple[int, ...] = ()     # sorted; the build year and the next when not set

    @property
    def preview(self) -> bool:
        """`mkdocs serve`: steps only a published site needs are skipped."""
        return self.command == "serve"

    @property
    def dirty_preview(self) -> bool:
        return self.preview and self.dirty


_SWITCH = {"1": True, "true": True, "yes": True, "on": True,
           "0": False, "false": False, "no": False, "off": False}


def _switch(environ, name: str, value: bool) -> bool:
    raw = environ.get(name, "").strip().lower()
    if not raw:
        return value
    if raw not in _SWITCH:
        raise _env_error(name, raw, "1 hoặc 0", "1 or 0")
    return _SWITCH[raw]


def _env_error(name, value, form_vi, form_en) -> ContentError:
    return ContentError(
        f"${name}", None, "setting",
        f"Biến môi trường {name}={value!r} không hợp lệ: cần {form_vi}.",
        f"The environment variable {name}={value!r} is not valid: expected {form_en}.",
        f"Sửa hoặc bỏ {name} (giá trị mặc định nằm trong mkdocs.yml, extra.handbook).",
        f"Fix or unset {name} (defaults are in mkdocs.yml, extra.handbook).")


def today(environ=None) -> dt.date:
    """The build's date in Vietnam (``HANDBOOK_TODAY`` fixes it)."""
    environ = os.environ if environ is None else environ
    fixed = environ.get("HANDBOOK_TODAY", "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise _env_error("HANDBOOK_TODAY", fixed, "một ngày NĂM-THÁNG-NGÀY", "a date YYYY-MM-DD") from None
    return dt.datetime.now(TIMEZONE).date()


def language(environ=None, languages=LANGUAGES) -> str | None:
    """The one language asked for in ``HANDBOOK_LANGUAGE`` (None: all)."""
    environ = os.environ if environ is None else environ
    value = environ.get(LANGUAGE_VARIABLE, "").strip()
    if not value or value == "all":
        return None
    if value not in languages:
        raise ContentError(
            LANGUAGE_VARIABLE, None, "build-language",
            f"{LANGUAGE_VARIABLE}={value!r} không phải ngôn ngữ của trang ({', '.join(languages)}).",
            f"{LANGUAGE_VARIABLE}={value!r} is not one of the site's languages ({', '.join(languages)}).",
            fix_vi=f"Bỏ biến {LANGUAGE_VARIABLE} (dựng mọi ngôn ngữ) hoặc đặt một trong: {', '.join(languages)}.",
            fix_en=f"Unset {LANGUAGE_VARIABLE} (build every language) or set one of: {', '.join(languages)}.",
        )
    return value


def lint_enabled(environ=None) -> bool:
    """The linter's switch outside a build (tools/build.py lints first)."""
    return _switch(os.environ if environ is None else environ, "HANDBOOK_LINT", True)


def cache_enabled(environ=None) -> bool:
    """The build cache's switch outside a build (tools, tests)."""
    return _switch(os.environ if environ is None else environ, "HANDBOOK_CACHE", True)


def jobs(environ=None, configured: int = 0) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get("HANDBOOK_JOBS", "").strip()
    if raw:
        if not raw.isdigit():
            raise _env_error("HANDBOOK_JOBS", raw, "một số nguyên", "a whole number")
        configured = int(raw)
    return max(configured or os.cpu_count() or 1, 1)


def load(extra: dict | None, command: str | None = None, dirty: bool = False, environ=None,
         config_file: str | Path | None = None) -> Settings:
    """The settings of a build; every problem at once, with mkdocs.yml's line."""
    environ = os.environ if environ is None else environ
    options = Options()
    raw = (extra or {}).get("handbook") or {}
    if not isinstance(raw, dict):
        raise ContentErrors([_config_error(config_file, "handbook", "extra.handbook phải là một khối 'tên: giá trị'.",
                                           "extra.handbook must be a block of 'key: value' lines.")])
    options.load_dict(raw)
    failed, _warnings = options.validate()
    if failed:
        raise ContentErrors([_config_error(config_file, key, str(error), str(error)) for key, error in failed])
    pdf = {"auto": command != "serve", "on": True, "off": False}[options.pdf]
    day = today(environ) if environ.get("HANDBOOK_TODAY") or options.today is None else options.today
    work_year_start, plan_years = _plan_settings(options, day, config_file)
    return Settings(
        command=command, dirty=dirty,
        edition=options.edition,
        edit_url_template=options.edit_url_template,
        pdf=_switch(environ, "HANDBOOK_PDF", pdf),
        lint=_switch(environ, "HANDBOOK_LINT", options.lint),
        cache=_switch(environ, "HANDBOOK_CACHE", options.cache),
        jobs=jobs(environ, options.jobs),
        today=day,
        language=language(environ),
        work_year_start=work_year_start,
        work_year_confirmed=options.work_year_confirmed,
        plan_years=plan_years,
    )


def _plan_settings(options, day: dt.date, config_file) -> tuple[str, tuple[int, ...]]:
    """The work year's first day (a real "MM-DD") and the plan's years (by
    default the build year and the next: HANDBOOK_TODAY fixes them)."""
    from handbook.plan import workyear
    from handbook.plan.errors import DeadlineError

    errors = []
    try:
        workyear.parse_start(options.work_year_start)
    except DeadlineError as error:
        errors.append(_config_error(config_file, "work_year_start", error.message_vi, error.message_en))
    years = tuple(sorted(set(options.plan_years))) or workyear.default_years(day)
    if not all(2000 <= year <= 2100 for year in years) or len(years) > 5:
        errors.append(_config_error(
            config_file, "plan_years", f"cần từ 1 đến 5 năm trong khoảng 2000–2100 (đang là {list(years)}).",
            f"expected 1 to 5 years within 2000–2100 (it is {list(years)})."))
    if errors:
        raise ContentErrors(errors)
    return options.work_year_start, years


def _config_error(config_file, key: str, problem_vi: str, problem_en: str) -> ContentError:
    shown = Path(config_file).name if config_file else "mkdocs.yml"
    line = None
    if config_file and Path(config_file).is_file():
        for number, text in enumerate(Path(config_file).read_text(encoding="utf-8").splitlines(), start=1):
            if text.strip().startswith(f"{key}:"):
                line = number
                break
    return ContentError(
        shown, line, "setting",
        f"Cài đặt extra.handbook.{key} không hợp lệ: {problem_vi}",
        f"The setting extra.handbook.{key} is not valid: {problem_en}",
        "Sửa giá trị theo chú thích của extra.handbook trong mkdocs.yml (README, mục Settings).",
        "Fix the value as the comments of extra.handbook in mkdocs.yml say (README, Settings).")
