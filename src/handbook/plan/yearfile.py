"""The Government's announced days off and make-up working days of a year:
``data/holidays/<year>.yml``, read and validated strictly.

The statutory holidays come from the ``holidays`` package
(``handbook.plan.statutory``); a year file adds what the Government
announced for the year — swapped days off and the make-up Saturdays worked
instead — with the announcement's number, date, issuer and public addresses,
and a confidence mark as in data/legal-facts.yml (C: the official text or two
independent sources; S: one secondary source). It also lists every weekday
off of the announced breaks, statutory days included, so a test can compare
the file with the package (two independent encodings of the same year).

Every problem of every file is reported at once, each a ContentError with
the file, the line, what is wrong and the fix in Vietnamese and English, by
``make lint`` (handbook.lint.holidays) and by the build
(handbook.plan.steps). Rules: ``data-yaml`` (not YAML, a key written twice),
``data-html`` (markup in a text), ``holidays-data`` (everything else; the
``kind`` of each finding says which check, for the tests).

The format is documented in CONTRIBUTING.md ("Ngày nghỉ lễ, Tết và ngày làm
bù") and in src/handbook/plan/README.md.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from handbook.content import htmlpolicy
from handbook.errors import ContentError, ContentErrors
from handbook.plan import dates
from handbook.plan.errors import DeadlineError
from handbook.plan.statutory import OCCASIONS, WEEKLY_DAYS_OFF
from handbook.plan.yamllines import Lines, load

RULE = "holidays-data"
KINDS = ("holiday", "swap", "in-lieu")
STATUSES = ("confirmed", "partial", "none")
CONFIDENCE = ("C", "S")
FILE_NAME = re.compile(r"^(\d{4})\.yml$")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")


@dataclass(frozen=True)
class DayOff:
    date: dt.date
    occasion: str
    kind: str                  # holiday | swap | in-lieu
    origin: str                # "holidays 0.109" or "data/holidays/2026.yml:31"

    def name(self, lang: str) -> str:
        base = OCCASIONS[self.occasion][lang]
        if self.kind == "swap":
            return f"Nghỉ hoán đổi dịp {base}" if lang == "vi" else f"Swapped day off ({base})"
        if self.kind == "in-lieu":
            return f"Nghỉ bù {base}" if lang == "vi" else f"Day off in lieu ({base})"
        return base


@dataclass(frozen=True)
class MakeUpDay:
    date: dt.date
    replaces: dt.date
    origin: str

    def name(self, lang: str) -> str:
        if lang == "vi":
            return f"Ngày làm bù cho ngày {dates.format_vi(self.replaces)}"
        return f"Make-up working day for {dates.format_en(self.replaces)}"


@dataclass
class YearFile:
    """One validated data/holidays/<year>.yml (or its absence)."""
    year: int
    path: str
    status: str                # confirmed | partial | none | missing
    note_vi: str = ""
    note_en: str = ""
    days_off: dict = field(default_factory=dict)       # date -> DayOff
    make_up: dict = field(default_factory=dict)        # date -> MakeUpDay
    announcements: list = field(default_factory=list)  # dicts as written (validated)
    pending: list = field(default_factory=list)        # dicts as written (validated)


@dataclass(frozen=True)
class Finding:
    """One problem: the check that found it (``kind``, for tests and notes)
    and the error editors read."""
    kind: str
    error: ContentError


class _Checker:
    def __init__(self, path: str, lines: Lines):
        self.path, self.lines, self.findings = path, lines, []

    def error(self, where: tuple, kind: str, vi: str, en: str, fix_vi: str, fix_en: str,
              rule: str = RULE):
        self.findings.append(Finding(kind, ContentError(self.path, self.lines.at(where), rule, vi, en,
                                                        fix_vi, fix_en)))

    def date(self, value, where: tuple) -> dt.date | None:
        if value is None:
            self.error(where, "missing-field", f"Thiếu ngày («{where[-1]}»).", f"The date (“{where[-1]}”) is missing.",
                       f"Thêm «{where[-1]}: YYYY-MM-DD».", f"Add “{where[-1]}: YYYY-MM-DD”.")
            return None
        if not isinstance(value, str):
            self.error(where, "date-format", f"Giá trị «{value}» không phải là ngày.",
                       f"“{value}” is not a date.",
                       "Viết ngày dạng YYYY-MM-DD, ví dụ 2026-02-16.",
                       "Write the date as YYYY-MM-DD, e.g. 2026-02-16.")
            return None
        try:
            return dates.parse_iso(value)
        except DeadlineError as exc:
            rule = "impossible-date" if exc.code == "impossible-date" else "date-format"
            self.error(where, rule, exc.message_vi, exc.message_en,
                       "Sửa thành một ngày có thật, dạng YYYY-MM-DD (đối chiếu văn bản).",
                       "Use a real date, YYYY-MM-DD (check it against the announcement).")
            return None

    def text(self, entry: dict, key: str, where: tuple, required: bool = True) -> str | None:
        value = entry.get(key)
        if value is None:
            if required:
                self.error(where, "missing-field", f"Thiếu trường «{key}».", f"The field “{key}” is missing.",
                           f"Thêm «{key}: ...».", f"Add “{key}: ...”.")
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(where + (key,), "field-type", f"Trường «{key}» phải là một đoạn văn bản.",
                       f"“{key}” must be a text.", "Viết nội dung trong dấu nháy kép.",
                       "Write the text in double quotes.")
            return None
        if not unicodedata.is_normalized("NFC", value):
            self.error(where + (key,), "nfc", f"Trường «{key}» không ở dạng Unicode NFC (dấu tách rời chữ).",
                       f"“{key}” is not Unicode NFC (accents typed apart from their letters).",
                       "Gõ lại dấu bằng bảng mã Unicode dựng sẵn.",
                       "Retype the accents with precomposed Unicode.")
        markup = htmlpolicy.markup_in_text(value)
        if markup:
            self.error(where + (key,), "markup", f"Trường «{key}» chứa mã HTML ('{markup}'): dữ liệu là văn bản thuần.",
                       f"“{key}” holds HTML markup ('{markup}'): data is plain text.",
                       "Xóa thẻ HTML.", "Remove the markup.", rule="data-html")
        return value

    def keys(self, entry, allowed: tuple, where: tuple, what_vi: str, what_en: str) -> bool:
        if not isinstance(entry, dict):
            self.error(where, "field-type", f"{what_vi} phải là một mục có các trường (key: value).",
                       f"{what_en} must be a mapping (key: value).", "Xem mẫu ở data/holidays/2026.yml.",
                       "See data/holidays/2026.yml for an example.")
            return False
        for key in entry:
            if key not in allowed:
                self.error(where + (key,), "unknown-field",
                           f"Trường «{key}» không được dùng trong {what_vi.lower()}.",
                           f"“{key}” is not a field of {what_en.lower()}.",
                           f"Dùng các trường: {', '.join(allowed)}.", f"Use: {', '.join(allowed)}.")
        return True

    def sources(self, entry: dict, where: tuple):
        value = entry.get("sources")
        if not isinstance(value, list) or not value:
            self.error(where, "missing-source", "Thiếu nguồn: cần ít nhất một địa chỉ công khai (sources).",
                       "No source: at least one public address is needed (sources).",
                       "Thêm «sources:» với địa chỉ https://… của văn bản hoặc bài báo.",
                       "Add “sources:” with the https://… address of the text or article.")
            return
        for i, url in enumerate(value):
            if not isinstance(url, str) or not URL_RE.match(url):
                self.error(where + ("sources", i), "source-url", f"«{url}» không phải là một địa chỉ http(s).",
                           f"“{url}” is not an http(s) address.", "Ghi địa chỉ đầy đủ, bắt đầu bằng https://.",
                           "Write the full address, starting with https://.")

    def confidence(self, entry: dict, key: str, where: tuple, required: bool = True):
        value = entry.get(key)
        if value is None and not required:
            return
        if value not in CONFIDENCE:
            self.error(where + (key,), "confidence", f"«{key}» phải là C hoặc S (đang là «{value}»).",
                       f"“{key}” must be C or S (it is “{value}”).",
                       "C: văn bản chính thức hoặc hai nguồn độc lập; S: một nguồn thứ cấp.",
                       "C: the official text or two independent sources; S: one secondary source.")


TOP_KEYS = ("year", "status", "note_vi", "note_en", "announcements", "periods", "days_off",
            "make_up_days", "pending", "searched")
ANN_KEYS = ("id", "number", "number_note", "date", "issuer", "summary_vi", "summary_en",
            "confidence", "number_confidence", "note", "sources")
PERIOD_KEYS = ("occasion", "from", "to", "announcement")
OFF_KEYS = ("date", "occasion", "kind", "announcement", "basis", "confidence", "sources", "note")
MAKEUP_KEYS = ("date", "replaces", "announcement", "note")
PENDING_KEYS = ("date", "what_vi", "what_en", "confidence", "sources")
SEARCHED_KEYS = ("date", "queries")


def check_text(text: str, shown: str, expected_year: int | None = None) -> tuple[YearFile | None, list[Finding]]:
    """A year file's text, validated: (the year, []) or (None, every problem)."""
    try:
        data, lines = load(text, shown)
    except ContentError as error:
        return None, [Finding("yaml", error)]
    return validate_year(data, lines, shown, expected_year)


def read_year_file(path: Path, shown: str) -> tuple[YearFile | None, list[Finding]]:
    """``check_text`` of a file (its name gives the year it must hold)."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        from handbook.content.sources import not_utf8
        raw = Path(path).read_bytes()
        return None, [Finding("encoding", not_utf8(shown, raw[:exc.start].count(b"\n") + 1))]
    match = FILE_NAME.match(Path(path).name)
    return check_text(text.replace("\r\n", "\n"), shown, int(match.group(1)) if match else None)


def load_year_file(path: Path, shown: str | None = None) -> YearFile:
    """One valid year file, or ContentErrors listing every problem."""
    year_file, findings = read_year_file(path, shown or str(path))
    if findings:
        raise ContentErrors([f.error for f in findings])
    return year_file


def check_folder(folder: Path, shown_folder: str = "data/holidays") -> tuple[dict[int, YearFile], list[Finding]]:
    """Every file of ``data/holidays/``: the valid years, and every problem of
    every file (a file whose name is not ``<year>.yml`` is one)."""
    years: dict[int, YearFile] = {}
    findings: list[Finding] = []
    folder = Path(folder)
    if not folder.is_dir():
        return years, findings
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            continue  # reported by the symlink rule; never read through a link
        shown = f"{shown_folder}/{path.name}"
        match = FILE_NAME.match(path.name)
        if not path.is_file() or not match:
            findings.append(Finding("file-name", ContentError(
                shown, None, RULE,
                f"«{path.name}» không phải là tệp ngày nghỉ của một năm: trong {shown_folder}/ chỉ có các tệp "
                "<năm>.yml.",
                f"“{path.name}” is not the holiday file of a year: {shown_folder}/ holds <year>.yml files only.",
                f"Đổi tên thành <năm>.yml (ví dụ 2027.yml) hoặc chuyển ra khỏi {shown_folder}/.",
                f"Rename it <year>.yml (e.g. 2027.yml) or move it out of {shown_folder}/.")))
            continue
        year_file, found = read_year_file(path, shown)
        findings.extend(found)
        if year_file is not None:
            years[year_file.year] = year_file
    return years, findings


def validate_year(data, lines: Lines, path: str,
                  expected_year: int | None) -> tuple[YearFile | None, list[Finding]]:
    """(the year, []) when ``data`` is a valid year file, else (None, every problem)."""
    ck = _Checker(path, lines)
    if not isinstance(data, dict):
        ck.error((), "schema", "Tệp phải gồm các trường year, status, ... (dạng tên: giá trị).",
                 "The file must be a mapping (year, status, ...).", "Xem mẫu data/holidays/2026.yml.",
                 "See data/holidays/2026.yml.")
        return None, ck.findings
    ck.keys(data, TOP_KEYS, (), "Tệp ngày nghỉ", "A holiday file")

    year = data.get("year")
    if not isinstance(year, int) or not (2000 <= year <= 2100):
        ck.error(("year",), "year", f"«year» phải là một năm (đang là «{year}»).",
                 f"“year” must be a year (it is “{year}”).", "Ví dụ: year: 2026.", "For example: year: 2026.")
        return None, ck.findings
    if expected_year is not None and year != expected_year:
        ck.error(("year",), "year-mismatch", f"Tệp {expected_year}.yml ghi năm {year}.",
                 f"The file {expected_year}.yml says year {year}.",
                 f"Sửa thành year: {expected_year}, hoặc đổi tên tệp thành {year}.yml.",
                 f"Write year: {expected_year}, or rename the file {year}.yml.")

    status = data.get("status")
    if status not in STATUSES:
        ck.error(("status",), "status", f"«status» phải là một trong {', '.join(STATUSES)} (đang là «{status}»).",
                 f"“status” must be one of {', '.join(STATUSES)} (it is “{status}”).",
                 "confirmed: đã có văn bản cho Tết và Quốc khánh; partial: có một phần; none: chưa tìm thấy.",
                 "confirmed: announcements for Tết and National Day found; partial: some; none: none found.")
    note_vi = ck.text(data, "note_vi", ()) or ""
    note_en = ck.text(data, "note_en", ()) or ""

    def in_year(day: dt.date, where: tuple, what_vi: str, what_en: str):
        if day.year != year:
            ck.error(where, "date-year", f"{what_vi} {dates.format_vi(day)} không thuộc năm {year}.",
                     f"{what_en} {day.isoformat()} is not in {year}.",
                     f"Ghi ngày này vào tệp {day.year}.yml, hoặc sửa năm.",
                     f"Put this day in {day.year}.yml, or fix the year.")
            return False
        return True

    def seq(key: str) -> list:
        value = data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            ck.error((key,), "field-type", f"«{key}» phải là một danh sách (mỗi mục bắt đầu bằng «- »).",
                     f"“{key}” must be a list (each entry starting with “- ”).",
                     "Xem mẫu data/holidays/2026.yml.", "See data/holidays/2026.yml.")
            return []
        return value

    # Announcements
    announcements, ann_ids = [], set()
    for i, ann in enumerate(seq("announcements")):
        where = ("announcements", i)
        if not ck.keys(ann, ANN_KEYS, where, "Văn bản (announcements)", "An announcement"):
            continue
        ann_id = ann.get("id")
        if not isinstance(ann_id, str) or not ID_RE.match(ann_id):
            ck.error(where + ("id",), "announcement-id", f"Mã văn bản «{ann_id}» không hợp lệ.",
                     f"Invalid announcement id “{ann_id}”.",
                     "Dùng chữ thường không dấu và dấu gạch ngang, ví dụ vpcp-9859-2025.",
                     "Use lower-case ASCII and hyphens, e.g. vpcp-9859-2025.")
        elif ann_id in ann_ids:
            ck.error(where + ("id",), "duplicate-announcement", f"Mã văn bản «{ann_id}» bị lặp.",
                     f"The announcement id “{ann_id}” is used twice.", "Đặt mã khác cho một trong hai.",
                     "Give one of them another id.")
        else:
            ann_ids.add(ann_id)
        if ann.get("number") is None and ann.get("number_note") is None:
            ck.error(where, "announcement-number", "Thiếu số văn bản (number).",
                     "The document number (number) is missing.",
                     "Ghi số văn bản, ví dụ \"9859/VPCP-KGVX\"; nếu không tìm thấy, ghi number_note giải thích.",
                     "Write the number, e.g. \"9859/VPCP-KGVX\"; if it cannot be found, explain in number_note.")
        for key in ("number", "number_note", "note"):
            if ann.get(key) is not None:
                ck.text(ann, key, where)
        ann_date = ann.get("date")
        if ann_date is None:
            ck.error(where, "missing-field", "Thiếu ngày ban hành văn bản (date).",
                     "The announcement's date (date) is missing.", "Thêm «date: YYYY-MM-DD».",
                     "Add “date: YYYY-MM-DD”.")
        else:
            day = ck.date(ann_date, where + ("date",))
            if day and not (year - 2 <= day.year <= year):
                ck.error(where + ("date",), "announcement-date",
                         f"Văn bản ngày {dates.format_vi(day)} khó có thể là lịch nghỉ của năm {year}.",
                         f"An announcement of {day.isoformat()} is unlikely to set the {year} schedule.",
                         "Kiểm tra lại ngày hoặc năm của tệp.", "Check the date or the file's year.")
        for key in ("issuer", "summary_vi", "summary_en"):
            ck.text(ann, key, where)
        ck.confidence(ann, "confidence", where)
        ck.confidence(ann, "number_confidence", where, required=False)
        ck.sources(ann, where)
        announcements.append(ann)

    def reference(entry: dict, where: tuple) -> bool:
        ref = entry.get("announcement")
        if ref is not None:
            if ref not in ann_ids:
                ck.error(where + ("announcement",), "unknown-announcement",
                         f"Không có văn bản mã «{ref}» trong announcements.",
                         f"No announcement with id “{ref}” in announcements.",
                         "Sửa mã cho đúng hoặc thêm văn bản vào announcements.",
                         "Fix the id or add the announcement.")
            return True
        return False

    # Days off
    days_off: dict[dt.date, DayOff] = {}
    for i, entry in enumerate(seq("days_off")):
        where = ("days_off", i)
        if not ck.keys(entry, OFF_KEYS, where, "Ngày nghỉ (days_off)", "A day off"):
            continue
        day = ck.date(entry.get("date"), where + ("date",))
        occasion, kind = entry.get("occasion"), entry.get("kind")
        if occasion not in OCCASIONS:
            ck.error(where + ("occasion",), "occasion", f"Dịp «{occasion}» không có trong danh sách.",
                     f"Unknown occasion “{occasion}”.", f"Dùng một trong: {', '.join(OCCASIONS)}.",
                     f"Use one of: {', '.join(OCCASIONS)}.")
        if kind not in KINDS:
            ck.error(where + ("kind",), "kind", f"Loại ngày nghỉ «{kind}» không hợp lệ.",
                     f"Invalid kind “{kind}”.",
                     "holiday: ngày lễ, Tết; swap: ngày làm việc được hoán đổi thành ngày nghỉ; in-lieu: nghỉ bù.",
                     "holiday: statutory day; swap: working day swapped into a day off; in-lieu: day off in lieu.")
        if not reference(entry, where):
            if entry.get("basis") != "statutory":
                ck.error(where, "missing-source",
                         "Ngày nghỉ phải dẫn văn bản (announcement) hoặc ghi basis: statutory kèm nguồn.",
                         "A day off needs an announcement, or basis: statutory with its sources.",
                         "Thêm «announcement: <mã>» hoặc «basis: statutory», «confidence», «sources».",
                         "Add “announcement: <id>”, or “basis: statutory”, “confidence” and “sources”.")
            else:
                ck.confidence(entry, "confidence", where)
                ck.sources(entry, where)
                if kind == "swap":
                    ck.error(where + ("kind",), "swap-needs-announcement",
                             "Ngày nghỉ hoán đổi chỉ có khi Chính phủ cho phép: phải dẫn văn bản.",
                             "A swapped day off exists only by announcement: cite it.",
                             "Thêm «announcement: <mã>».", "Add “announcement: <id>”.")
        if day is None or not in_year(day, where + ("date",), "Ngày nghỉ", "The day off"):
            continue
        if day.isoweekday() in WEEKLY_DAYS_OFF:
            ck.error(where + ("date",), "off-on-weekend",
                     f"{dates.format_vi(day)} là {dates.weekday_name(day, 'vi')}, vốn đã là ngày nghỉ hằng tuần.",
                     f"{day.isoformat()} is a {dates.weekday_name(day, 'en')}, already a weekly day off.",
                     "Chỉ ghi các ngày từ thứ Hai đến thứ Sáu; nếu ngày lễ trùng cuối tuần, ghi ngày nghỉ bù (kind: in-lieu).",
                     "List Monday–Friday days only; for a holiday on a weekend list the day off in lieu (kind: in-lieu).")
            continue
        if day in days_off:
            ck.error(where + ("date",), "duplicate-date", f"Ngày {dates.format_vi(day)} được ghi hai lần trong days_off.",
                     f"{day.isoformat()} is listed twice in days_off.", "Xóa một dòng.", "Delete one of them.")
            continue
        if occasion in OCCASIONS and kind in KINDS:
            days_off[day] = DayOff(day, occasion, kind, f"{path}:{lines.at(where)}")

    # Make-up working days
    make_up: dict[dt.date, MakeUpDay] = {}
    for i, entry in enumerate(seq("make_up_days")):
        where = ("make_up_days", i)
        if not ck.keys(entry, MAKEUP_KEYS, where, "Ngày làm bù (make_up_days)", "A make-up day"):
            continue
        day = ck.date(entry.get("date"), where + ("date",))
        replaces = ck.date(entry.get("replaces"), where + ("replaces",)) if "replaces" in entry else None
        if "replaces" not in entry:
            ck.error(where, "missing-field", "Thiếu «replaces»: ngày làm bù thay cho ngày nghỉ nào.",
                     "“replaces” is missing: which day off this Saturday makes up for.",
                     "Thêm «replaces: YYYY-MM-DD» (ngày nghỉ hoán đổi).", "Add “replaces: YYYY-MM-DD”.")
        if not reference(entry, where):
            ck.error(where, "missing-source", "Ngày làm bù phải dẫn văn bản cho phép hoán đổi (announcement).",
                     "A make-up day must cite the announcement of the swap (announcement).",
                     "Thêm «announcement: <mã>».", "Add “announcement: <id>”.")
        if day is None:
            continue
        if day.isoweekday() not in WEEKLY_DAYS_OFF:
            ck.error(where + ("date",), "make-up-not-weekend",
                     f"Ngày làm bù {dates.format_vi(day)} là {dates.weekday_name(day, 'vi')}, vốn đã là ngày làm việc.",
                     f"The make-up day {day.isoformat()} is a {dates.weekday_name(day, 'en')}, already a working day.",
                     "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật: đối chiếu lại văn bản.",
                     "A make-up day is a Saturday or Sunday: check the announcement.")
            continue
        if day in make_up:
            ck.error(where + ("date",), "duplicate-date", f"Ngày {dates.format_vi(day)} được ghi hai lần trong make_up_days.",
                     f"{day.isoformat()} is listed twice in make_up_days.", "Xóa một dòng.", "Delete one of them.")
            continue
        if replaces is not None:
            if not in_year(replaces, where + ("replaces",), "Ngày được hoán đổi", "The swapped day"):
                continue
            if abs((day - replaces).days) > 31:
                ck.error(where + ("date",), "make-up-far",
                         f"Ngày làm bù {dates.format_vi(day)} cách ngày nghỉ {dates.format_vi(replaces)} hơn 31 ngày.",
                         f"The make-up day {day.isoformat()} is more than 31 days from {replaces.isoformat()}.",
                         "Kiểm tra lại hai ngày theo văn bản.", "Check both days against the announcement.")
                continue
            make_up[day] = MakeUpDay(day, replaces, f"{path}:{lines.at(where)}")

    # Cross-checks between the lists
    for day, mk in make_up.items():
        if day in days_off:
            ck.error(("make_up_days",), "off-and-make-up", f"{dates.format_vi(day)} vừa là ngày nghỉ vừa là ngày làm bù.",
                     f"{day.isoformat()} is both a day off and a make-up day.", "Giữ đúng một trong hai theo văn bản.",
                     "Keep the one the announcement gives.")
        swapped = days_off.get(mk.replaces)
        if swapped is None or swapped.kind != "swap":
            ck.error(_where_of(lines, "make_up_days", mk.date, data), "swap-pairing",
                     f"Ngày làm bù {dates.format_vi(day)} thay cho {dates.format_vi(mk.replaces)}, nhưng ngày đó không có trong days_off với kind: swap.",
                     f"The make-up day {day.isoformat()} replaces {mk.replaces.isoformat()}, which is not in days_off with kind: swap.",
                     "Thêm ngày được hoán đổi vào days_off (kind: swap) hoặc sửa «replaces».",
                     "Add the swapped day to days_off (kind: swap) or fix “replaces”.")
    replaced = {mk.replaces for mk in make_up.values()}
    for day, off in days_off.items():
        if off.kind == "swap" and day not in replaced:
            ck.error(_where_of(lines, "days_off", day, data), "swap-pairing",
                     f"Ngày nghỉ hoán đổi {dates.format_vi(day)} chưa có ngày làm bù tương ứng.",
                     f"The swapped day off {day.isoformat()} has no make-up day.",
                     "Thêm ngày làm bù vào make_up_days với «replaces» là ngày này (hoán đổi không làm giảm số ngày làm việc).",
                     "Add its make-up day to make_up_days with “replaces” this day (a swap keeps the working time).")

    # Periods: every weekday inside an announced period is a listed day off.
    for i, entry in enumerate(seq("periods")):
        where = ("periods", i)
        if not ck.keys(entry, PERIOD_KEYS, where, "Đợt nghỉ (periods)", "A period"):
            continue
        start = ck.date(entry.get("from"), where + ("from",))
        end = ck.date(entry.get("to"), where + ("to",))
        if entry.get("occasion") not in OCCASIONS:
            ck.error(where + ("occasion",), "occasion", f"Dịp «{entry.get('occasion')}» không có trong danh sách.",
                     f"Unknown occasion “{entry.get('occasion')}”.", f"Dùng một trong: {', '.join(OCCASIONS)}.",
                     f"Use one of: {', '.join(OCCASIONS)}.")
        if not reference(entry, where):
            ck.error(where, "missing-source", "Đợt nghỉ phải dẫn văn bản (announcement).",
                     "A period must cite its announcement.", "Thêm «announcement: <mã>».", "Add “announcement: <id>”.")
        if start is None or end is None:
            continue
        if end < start or (end - start).days > 15 or (start.year != year and end.year != year):
            ck.error(where, "period", f"Đợt nghỉ {dates.format_vi(start)}–{dates.format_vi(end)} không hợp lệ.",
                     f"The period {start.isoformat()}–{end.isoformat()} is not valid.",
                     "«from» không sau «to», dài tối đa 16 ngày, thuộc năm của tệp.",
                     "“from” not after “to”, at most 16 days, in the file's year.")
            continue
        day = start
        while day <= end:
            if (day.year == year and day.isoweekday() not in WEEKLY_DAYS_OFF
                    and day not in days_off and day not in make_up):
                ck.error(where, "period-gap",
                         f"{dates.format_vi(day)} ({dates.weekday_name(day, 'vi')}) nằm trong đợt nghỉ nhưng không có trong days_off.",
                         f"{day.isoformat()} ({dates.weekday_name(day, 'en')}) is inside the period but not in days_off.",
                         "Thêm ngày này vào days_off, hoặc sửa «from»/«to» theo văn bản.",
                         "Add the day to days_off, or fix “from”/“to” against the announcement.")
            day += dt.timedelta(days=1)

    # Pending days (expected off, deliberately not counted)
    pending = []
    for i, entry in enumerate(seq("pending")):
        where = ("pending", i)
        if not ck.keys(entry, PENDING_KEYS, where, "Ngày chờ xác nhận (pending)", "A pending day"):
            continue
        day = ck.date(entry.get("date"), where + ("date",))
        if day is not None:
            in_year(day, where + ("date",), "Ngày", "The day")
            if day in days_off:
                ck.error(where + ("date",), "pending-and-off", f"{dates.format_vi(day)} vừa chờ xác nhận vừa là ngày nghỉ.",
                         f"{day.isoformat()} is both pending and a day off.",
                         "Khi đã có văn bản, xóa mục pending.", "Once announced, delete the pending entry.")
        ck.text(entry, "what_vi", where)
        ck.text(entry, "what_en", where)
        ck.confidence(entry, "confidence", where)
        ck.sources(entry, where)
        pending.append(entry)

    for i, entry in enumerate(seq("searched")):
        where = ("searched", i)
        if ck.keys(entry, SEARCHED_KEYS, where, "Lần tìm kiếm (searched)", "A search record"):
            ck.date(entry.get("date"), where + ("date",))
            if not isinstance(entry.get("queries"), list) or not entry["queries"]:
                ck.error(where, "missing-field", "Ghi các truy vấn đã tìm (queries).",
                         "List the queries that were tried (queries).", "Thêm «queries:».", "Add “queries:”.")

    # Status agrees with the content.
    if status in ("confirmed", "partial") and not announcements:
        ck.error(("status",), "status-without-announcement",
                 f"status: {status} nhưng không có văn bản nào trong announcements.",
                 f"status: {status} but announcements is empty.",
                 "Thêm văn bản đã tìm thấy, hoặc ghi status: none.", "Add the announcements found, or write status: none.")
    if status == "none" and not data.get("searched"):
        ck.error(("status",), "status-none-unexplained",
                 "status: none cần ghi lại đã tìm những gì (searched: ngày và truy vấn).",
                 "status: none needs a record of what was searched (searched: date and queries).",
                 "Thêm «searched:» với ngày tìm và các truy vấn.", "Add “searched:” with the date and the queries.")

    if ck.findings:
        return None, ck.findings
    return YearFile(year, path, status, note_vi, note_en, days_off, make_up, announcements, pending), []


def _where_of(lines: Lines, key: str, day: dt.date, data: dict) -> tuple:
    for i, entry in enumerate(data.get(key) or []):
        if isinstance(entry, dict) and entry.get("date") == day.isoformat():
            return (key, i)
    return (key,)


def missing_year(year: int, path: str) -> YearFile:
    return YearFile(year, path, "missing",
                    f"Chưa có tệp dữ liệu ngày nghỉ năm {year}: chỉ tính ngày nghỉ theo Bộ luật Lao động.",
                    f"No holiday data file for {year}: only the Labour Code's holidays are counted.")
