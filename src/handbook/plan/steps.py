"""Build steps of the dated plan (hooks/pipeline.py calls them in order):

* ``check_holiday_files`` — every file of data/holidays/ valid (the same
  checks as ``make lint``), before any page is rendered;
* ``GENERATORS["dated-plan"]`` — the plan page's body (``generate:
  dated-plan``): how dates are counted, the choice of year and unit, a table
  of dated tasks per plan year, the event-driven items with calculators;
* ``write_files`` — next to each plan page: the holiday data the calculators
  read (``ngay-nghi.json``) and one calendar file per plan year, unit profile
  and language (``ke-hoach-<year>-<profile>[.en].ics``).

The plan years, the work year's start and whether it is confirmed are
settings (``extra.handbook`` in mkdocs.yml, handbook.build.settings).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import MappingProxyType

from handbook.build.cache import code_version
from handbook.checklists import steps as checklists
from handbook.checklists.generators import site_abbreviations
from handbook.checklists.htmltables import Inline, href
from handbook.checklists.tables import page_url, rewrite_links
from handbook.content import scanner
from handbook.content.frontmatter import field_line
from handbook.content.sources import DEFAULT_LANGUAGE
from handbook.errors import ContentError, ContentErrors
from handbook.plan import calendar_file, page, rules, workdays, workyear, yearfile
from handbook.plan.errors import DeadlineError
from handbook.plan.profile import all_profiles
from handbook.plan.yearplan import build_plan, for_profile

HOLIDAY_FOLDER = "data/holidays"
GENERATE = "dated-plan"
_LAW_ARTICLE = re.compile(r"luat-10-2022-qh15(?:\.en)?\.md#dieu-(\d+)-")


def check_holiday_files(build) -> None:
    """Every holiday file valid, whatever years this build publishes."""
    def check():
        _years, findings = yearfile.check_folder(build.root / HOLIDAY_FOLDER, HOLIDAY_FOLDER)
        return [finding.error for finding in findings]
    errors = build.once("plan-holiday-files", check)
    if errors:
        raise ContentErrors(errors)


def calendar(build) -> workdays.WorkCalendar:
    """The working days of the years the plan needs, once per build."""
    settings = build.settings
    first, last = workyear.data_years(settings.plan_years, settings.work_year_start)
    return build.once("plan-calendar", lambda: workdays.build(first, last, build.root / HOLIDAY_FOLDER,
                                                              HOLIDAY_FOLDER))


def _articles(item) -> tuple[int, ...]:
    """Articles of Law 10/2022/QH15 the item's basis links to."""
    return tuple(sorted({int(m.group(1)) for link in item.links for m in [_LAW_ARTICLE.search(link.url)] if m}))


def _plain(markdown: str) -> str:
    return " ".join(scanner.INLINE_LINK.sub(lambda m: m.group("text"), markdown).replace("**", "").split())


def calculators(source, item_ids) -> dict:
    """``calculators:`` of the plan page's front matter: item id -> the rule
    its calculator counts by (``false``: no calculator), for items whose
    ``due`` cannot say it (a posting kept at least 20 days is a minimum, not
    a deadline). Mistakes are ContentErrors at their line."""
    named = source.meta.get("calculators") or {}
    line = field_line(source.text, "calculators") or 1
    errors = []
    if not isinstance(named, dict):
        raise ContentErrors([ContentError(
            source.path, line, "plan-calculators",
            "«calculators» phải là danh sách «mã mục: quy tắc», ví dụ «cong-khai-dang-tai-20-ngay: +20d».",
            "“calculators” must map item ids to rules, e.g. “cong-khai-dang-tai-20-ngay: +20d”.",
            "Viết mỗi dòng: mã mục, dấu hai chấm, quy tắc (+5wd, +20d, +15d, +6m, +2y) hoặc false.",
            "Write one line per item: its id, a colon, the rule (+5wd, +20d, +15d, +6m, +2y) or false.")])
    out = {}
    for item_id, rule in named.items():
        where = _line_of(source.text, str(item_id)) or line
        if item_id not in item_ids:
            errors.append(ContentError(
                source.path, where, "plan-calculators",
                f"Không có mục bảng kiểm mã «{item_id}» (calculators).",
                f"There is no checklist item “{item_id}” (calculators).",
                "Sửa mã cho đúng mã của mục trong chương Cẩm nang, hoặc xóa dòng.",
                "Use the id of the item in its chapter, or delete the line."))
            continue
        if rule is False:
            out[item_id] = False
            continue
        try:
            rules.parse_rule(rule)
            if not str(rule).startswith("+"):
                raise DeadlineError("unknown-rule", "", "")
        except DeadlineError:
            errors.append(ContentError(
                source.path, where, "plan-calculators",
                f"Quy tắc «{rule}» của mục «{item_id}» không phải quy tắc tính hạn từ sự việc.",
                f"“{rule}” (item “{item_id}”) is not a rule counted from an event.",
                "Dùng +Nwd (ngày làm việc), +Nd (ngày), +Nm (tháng), +Ny (năm), ví dụ +20d; hoặc false.",
                "Use +Nwd (working days), +Nd (days), +Nm (months), +Ny (years), e.g. +20d; or false."))
            continue
        out[item_id] = rule
    if errors:
        raise ContentErrors(errors)
    return out


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 1 and line.strip() == "---":
            return None
        if re.match(rf"^\s+{re.escape(key)}\s*:", line):
            return number
    return None


def _plan_source(build, base_uri: str):
    """The Vietnamese plan page (its front matter holds ``calculators``)."""
    return next(s for s in build.sources if s.base_uri == base_uri and s.lang == DEFAULT_LANGUAGE)


def items(collection, lang: str, page_uri: str, inline: Inline | None = None, named: dict | None = None,
          directory_urls: bool = True, site_url: str = "") -> dict:
    """The checklist items as the plan sees them, in reading order: id ->
    ``page.PageItem`` (``.data`` is the plain dict the plan dates)."""
    inline = inline or Inline(page_uri, directory_urls=directory_urls)
    named = named or {}
    out = {}
    for order, entry in enumerate(collection.entries(lang)):
        item = entry.item
        anchor = f"#{entry.anchor}" if entry.anchor else ""
        target = scanner.relative_link(page_uri, entry.page_uri) + anchor
        basis_md = "; ".join(" ".join(b.split()) for b in item.basis)
        data = {
            "id": item.id, "order": order, "requirement": " ".join(item.requirement.split()),
            "frequency": item.frequency, "due": item.due, "applies_if": dict(item.applies_if),
            "basis": _plain(basis_md), "articles": _articles(item), "calculator": named.get(item.id),
            "link": page_url(entry.page_uri, lang, directory_urls=directory_urls, site_url=site_url) + anchor,
        }
        out[item.id] = page.PageItem(
            data, inline.text(data["requirement"]),
            inline(rewrite_links(basis_md, item.src_uri, item.base_uri, page_uri)),
            href(page_uri, target, directory_urls), tuple(item.roles))
    return out


def _items(build, lang: str, page_uri: str, inline: Inline | None = None, named: dict | None = None) -> dict:
    config = build.config
    return items(checklists.collection(build), lang, page_uri, inline, named,
                 config.get("use_directory_urls", True), config.get("site_url") or "")


def plans(build, plan_items: dict) -> list:
    settings = build.settings
    cal = calendar(build)
    data = [entry.data for entry in plan_items.values()]
    return [build_plan(year, data, cal, work_year_start=settings.work_year_start,
                       work_year_confirmed=settings.work_year_confirmed) for year in settings.plan_years]


def dated_plan(request) -> str:
    """``generate: dated-plan``: the page's body after the editor's text."""
    build = request.extra["build"]
    source = _plan_source(build, request.source.base_uri)
    ids = {entry.item.id for entry in checklists.collection(build).entries(DEFAULT_LANGUAGE)}
    named = build.once(("plan-calculators", source.path), lambda: calculators(source, ids))
    config = request.extra.get("config") or build.config
    inline = Inline(request.source.base_uri, site_abbreviations(config),
                    directory_urls=config.get("use_directory_urls", True))
    plan_items = _items(build, request.lang, request.source.base_uri, inline, named)
    made = build.once(("plan", request.lang, request.source.base_uri), lambda: (plan_items, plans(build, plan_items)))
    settings = build.settings
    page_obj = request.extra.get("page")
    if page_obj is not None and page_obj.file.abs_dest_path:
        build.once(("plan-pages", request.lang), list).append(
            (Path(page_obj.file.abs_dest_path).parent, request.lang, request.source.base_uri))
    return page.markdown(request.lang, made[1], made[0], calendar(build),
                         settings.work_year_start, settings.work_year_confirmed, request.place)


def _plan_of(build, lang: str, page_uri: str):
    named = build.once(("plan-calculators", _plan_source(build, page_uri).path), dict)
    plan_items = _items(build, lang, page_uri, named=named)
    return plan_items, plans(build, plan_items)


GENERATORS = MappingProxyType({GENERATE: dated_plan})


def _code_version() -> str:
    import icalendar
    return code_version(*sorted(Path(__file__).resolve().parent.glob("*.py")), icalendar.__version__)


def write_files(build) -> None:
    """Next to each plan page of the language just built: the holiday data
    and the calendar files. Their DTSTAMP is the edition's date, so the same
    sources give the same bytes, and a file made from the same inputs before
    is taken from the build cache (80 files: most of the plan's build time)."""
    pages = build.once(("plan-pages", build.lang), list)
    if not pages:
        return
    cal = calendar(build)
    holiday_json = cal.dumps()
    edition = build.edition
    stamp = dt.datetime(edition.year, edition.month, edition.day, tzinfo=dt.timezone.utc)
    settings = build.settings
    version = build.once("plan-code", _code_version)
    for folder, lang, page_uri in pages:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / page.HOLIDAY_JSON).write_bytes(holiday_json.encode("utf-8"))
        plan_items, plans_of_page = build.once(("plan", lang, page_uri), lambda: _plan_of(build, lang, page_uri))
        data = json.dumps([entry.data for entry in plan_items.values()], ensure_ascii=False, sort_keys=True)
        for plan in plans_of_page:
            events: dict = {}  # each task's event, written once for the 20 units' files
            for profile in all_profiles():
                inputs = (version, holiday_json, data, lang, str(plan.year), profile.slug(), stamp.isoformat(),
                          settings.work_year_start, str(settings.work_year_confirmed))
                ics = build.cache.bytes("plan-ics", inputs, lambda plan=plan, profile=profile: calendar_file.to_ics(
                    for_profile(plan, profile), cal, lang, stamp=stamp, events=events))
                (folder / calendar_file.file_name(plan.year, profile, lang)).write_bytes(ics)
    pages.clear()
