"""Front-matter schema of each content type, as data, and its checks.

A page declares what it is with ``type`` (chapter, regulation, qa, glossary,
index). The location of a page fixes its type (``cam-nang/*.md`` are
chapters, ``van-ban/*.md`` regulations, ``hoi-dap/*.md`` Q&A topic pages,
``thuat-ngu.md`` the glossary, every ``index.md`` an index page), and there
``type`` is required, except on pages the build fills (``generate: ...``).
Elsewhere (editors' pages, checklists) it is optional. A field that is
present is checked wherever it appears.

An English page (``x.en.md``) needs its own ``title``; every other field is
inherited from the Vietnamese page ``x.md`` and may be repeated (then it is
checked like the original) — so the document metadata lives in one place.

Reviews: ``reviews:`` is a list of reviews against named sources (``date``,
``by``, ``sources``, ``checked``), each entry checked with the line of the
entry or field at fault; a review date may not lie after the build's day
(``handbook.build.settings.today``, ``HANDBOOK_TODAY``). ``last_reviewed`` (a bare date, set
without saying what was compared) is no longer accepted.

``check_site(sources)`` returns every problem of the site at once as
``ContentError`` objects (file, line, field, expected form, in Vietnamese and
English). CONTRIBUTING.md, "Thông tin đầu trang (front matter)", documents the
same schema for editors.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from handbook.build import settings
from handbook.errors import ContentError
from handbook.content.frontmatter import field_line
from handbook.content.inheritance import inherited_meta
from handbook.content.sources import DEFAULT_LANGUAGE, Source, split_language

TYPES = ("chapter", "regulation", "qa", "glossary", "index")

DOC_TYPES = ("luat", "nghi-dinh", "thong-tu", "chi-thi", "ket-luan", "quyet-dinh", "ke-hoach")
STATUSES = ("in-force", "replaced", "expired", "superseded-in-practice", "unknown")
# Statuses under which ``replaced_by`` makes sense (required for "replaced").
REPLACED_STATUSES = ("replaced", "expired", "superseded-in-practice")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str                    # text, date, int, positive-int, enum, bool, url, regulation-page, reviews
    required: bool = True
    choices: tuple[str, ...] = ()
    example: str = ""


# How each kind of value must be written, for error messages (vi, en).
FORMS = {
    "text": ("một đoạn chữ không rỗng", "a non-empty text"),
    "date": ("ngày dạng NĂM-THÁNG-NGÀY (ISO)", "a date written YYYY-MM-DD"),
    "int": ("một số nguyên", "a whole number"),
    "positive-int": ("một số nguyên dương", "a positive whole number"),
    "enum": ("một trong các giá trị: {choices}", "one of: {choices}"),
    "bool": ("true hoặc false", "true or false"),
    "url": ("địa chỉ web bắt đầu bằng https:// hoặc http://", "a web address starting with https:// or http://"),
    "regulation-page": ("đường dẫn (tính từ docs/) tới trang của một văn bản khác",
                        "the path (from docs/) of another regulation page"),
    "reviews": ("danh sách các lần rà soát, mỗi lần gồm date, by, sources, checked",
                "a list of reviews, each with date, by, sources, checked"),
}

COMMON = (
    Field("title", "text", example="Công khai thông tin"),
    Field("type", "enum", choices=TYPES, example="chapter"),
    Field("verified", "bool", required=False, example="false"),
    Field("verify_note", "text", required=False, example='"Đối chiếu thời hạn với văn bản gốc"'),
    Field("generate", "text", required=False, example="documents-index"),
)
_REVIEW = (
    Field("owner", "text", example="Tổ Thư ký Ban Chỉ đạo"),
    Field("review_every_months", "positive-int", example="12"),
    # optional: a page not yet reviewed against sources says so to readers
    Field("reviews", "reviews", required=False, example="[{date: 2026-12-06, by: ..., sources: [...], checked: ...}]"),
)
REVIEW_KEYS = ("date", "by", "sources", "checked")
REVIEW_EXAMPLE = """
reviews:
  - date: 2026-12-06
    by: Tổ Thư ký Ban Chỉ đạo
    sources:
      - "Luật 10/2022/QH15, Điều 49–52"
    checked: "Ngưỡng số người; thành phần hội nghị."
""".rstrip().replace("\n", "\n      ")  # indented under "Cách sửa:" in the report
SCHEMAS: dict[str, tuple[Field, ...]] = {
    "chapter": _REVIEW,
    "regulation": (
        Field("number", "text", example='"10/2022/QH15"'),
        Field("doc_type", "enum", choices=DOC_TYPES, example="luat"),
        Field("issuer", "text", example="Quốc hội"),
        # omitted only when the fact sheet gives no signing date (shown as "not confirmed")
        Field("signed", "date", required=False, example="2022-11-10"),
        Field("effective", "date", required=False, example="2023-07-01"),
        Field("status", "enum", choices=STATUSES, example="in-force"),
        Field("replaced_by", "regulation-page", required=False, example="van-ban/qd-302-qd-vkstc.md"),
        Field("source_url", "url", example="https://vbpl.vn/..."),
    ) + _REVIEW,
    "qa": (Field("topic_order", "int", example="1"),) + _REVIEW,
    "glossary": (),
    "index": (),
}

ALL_FIELDS: dict[str, Field] = {f.name: f for fields in (COMMON, *SCHEMAS.values()) for f in fields}

# Fields an English page must carry itself (the rest is inherited).
OWN_FIELDS_OF_TRANSLATION = ("title",)


def expected_type(base_uri: str) -> str | None:
    """The type a page's location requires (None: any type)."""
    if base_uri == "index.md" or base_uri.endswith("/index.md"):
        return "index"
    section = base_uri.split("/", 1)[0] if "/" in base_uri else ""
    return {"cam-nang": "chapter", "van-ban": "regulation", "hoi-dap": "qa"}.get(section) or \
        ("glossary" if base_uri == "thuat-ngu.md" else None)


def fields_for(page_type: str | None) -> tuple[Field, ...]:
    return COMMON + SCHEMAS.get(page_type or "", ())


def describe(field: Field) -> tuple[str, str]:
    """Expected form of a field (vi, en), with an example line."""
    vi, en = FORMS[field.kind]
    choices = ", ".join(field.choices)
    vi, en = vi.format(choices=choices), en.format(choices=choices)
    if field.example:
        vi += f" — ví dụ `{field.name}: {field.example}`"
        en += f" — e.g. `{field.name}: {field.example}`"
    return vi, en


def value_ok(field: Field, value) -> bool:
    kind = field.kind
    if kind == "text":
        return isinstance(value, str) and bool(value.strip())
    if kind == "date":
        return isinstance(value, dt.date)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "positive-int":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if kind == "enum":
        return isinstance(value, str) and value in field.choices
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "url":
        return isinstance(value, str) and bool(re.match(r"^https?://[^\s/]+\.[^\s]*$", value))
    if kind == "reviews":  # the entries are checked one by one (check_reviews)
        return isinstance(value, list)
    if kind == "regulation-page":
        return isinstance(value, str) and bool(re.match(r"^van-ban/[a-z0-9-]+\.md$", value)) \
            and value != "van-ban/index.md"
    raise ValueError(f"unknown field kind {kind!r}")


def _error(source: Source, field: str, rule: str, vi: str, en: str, fix_vi: str, fix_en: str,
           line: int | None = None) -> ContentError:
    return ContentError(source.path, line or field_line(source.text, field) or 1, rule, vi, en, fix_vi, fix_en)


def _missing(source: Source, field: Field, page_type: str | None) -> ContentError:
    form_vi, form_en = describe(field)
    where_vi = f" (bắt buộc với trang loại '{page_type}')" if page_type and field not in COMMON else ""
    where_en = f" (required for '{page_type}' pages)" if page_type and field not in COMMON else ""
    return _error(source, field.name, "front-matter-required",
                  f"Thiếu trường '{field.name}' trong front matter{where_vi}.",
                  f"Front matter lacks the field '{field.name}'{where_en}.",
                  f"Thêm dòng '{field.name}: ...' vào khối front matter; giá trị là {form_vi}.",
                  f"Add a '{field.name}: ...' line; the value is {form_en}.", line=1)


def _malformed(source: Source, field: Field, value) -> ContentError:
    form_vi, form_en = describe(field)
    return _error(source, field.name, "front-matter-date" if field.kind == "date" else "front-matter-value",
                  f"Trường '{field.name}' có giá trị {value!r} không hợp lệ; cần {form_vi}.",
                  f"Field '{field.name}' has the invalid value {value!r}; expected {form_en}.",
                  f"Sửa thành {form_vi}.", f"Write {form_en}.")


def check_source(source: Source, original: Source | None = None, inherited: bool = False,
                 today: dt.date | None = None) -> list[ContentError]:
    """Problems of one page. ``original`` is the Vietnamese page of an English
    translation (its fields are inherited). ``inherited``: the page is a
    translation whose original is not at hand (file-by-file checks): only its
    own fields are checked. ``today``: the build's day (review dates may not
    be later)."""
    errors: list[ContentError] = []
    today = today or settings.today()
    own = source.meta
    meta = inherited_meta(original, own)
    expected = expected_type(source.base_uri)
    page_type = meta.get("type")

    if "type" not in meta:
        if expected and not meta.get("generate") and original is None and not inherited:
            type_field = COMMON[1]
            err = _missing(source, type_field, None)
            if expected:
                err.fix_vi = f"Thêm dòng 'type: {expected}' vào front matter (trang ở vị trí này là loại '{expected}')."
                err.fix_en = f"Add 'type: {expected}' to the front matter (pages here are '{expected}' pages)."
            errors.append(err)
    elif page_type not in TYPES:
        errors.append(_malformed(source, COMMON[1], page_type))
        page_type = None
    elif expected and page_type != expected:
        errors.append(_error(
            source, "type", "front-matter-value",
            f"Trang ở vị trí '{source.base_uri}' phải có 'type: {expected}', không phải '{page_type}'.",
            f"A page at '{source.base_uri}' must have 'type: {expected}', not '{page_type}'.",
            f"Sửa thành 'type: {expected}', hoặc chuyển trang sang thư mục đúng loại.",
            f"Write 'type: {expected}', or move the page to the folder for its type."))
    if original is not None and "type" in own and "type" in original.meta and own["type"] != original.meta["type"]:
        errors.append(_error(
            source, "type", "front-matter-value",
            f"Bản dịch có 'type: {own['type']}' khác trang gốc tiếng Việt ('{original.meta['type']}').",
            f"The translation says 'type: {own['type']}' but the Vietnamese page says '{original.meta['type']}'.",
            "Dùng cùng một loại trang cho cả hai ngôn ngữ (có thể bỏ 'type' ở bản dịch).",
            "Use the same type in both languages (or omit 'type' in the translation)."))

    for field in fields_for(page_type):
        if field.name == "type":
            continue  # checked above
        if original is not None and field.name in OWN_FIELDS_OF_TRANSLATION and field.name not in own:
            errors.append(_missing(source, field, page_type))
        elif field.name in meta:
            value = meta[field.name]
            if not value_ok(field, value):
                # report on the file that holds the value
                holder = source if field.name in own or original is None else original
                if holder is source:
                    errors.append(_malformed(source, field, value))
        elif field.required:
            if (original is None and not inherited) or field.name in OWN_FIELDS_OF_TRANSLATION:
                errors.append(_missing(source, field, page_type))
    # fields of other types, when present, still have to be well formed
    checked = {f.name for f in fields_for(page_type)}
    for name, value in own.items():
        field = ALL_FIELDS.get(name)
        if field is not None and name not in checked and not value_ok(field, value):
            errors.append(_malformed(source, field, value))

    if "last_reviewed" in own:
        errors.append(_error(
            source, "last_reviewed", "front-matter-value",
            "Trường 'last_reviewed' không còn được dùng: ngày rà soát chỉ được ghi cùng lần rà soát "
            "đối chiếu với nguồn (ai rà soát, đối chiếu nguồn nào, kiểm tra điều gì).",
            "The field 'last_reviewed' is no longer accepted: a review date is recorded only with a "
            "review against sources (who reviewed, which sources, what was checked).",
            "Xoá dòng 'last_reviewed'. Nếu đã rà soát thật, ghi một mục 'reviews' (date, by, sources, "
            f"checked), ví dụ:{REVIEW_EXAMPLE}",
            "Delete the 'last_reviewed' line. If the page was really reviewed, add a 'reviews' entry "
            "(date, by, sources, checked); see CONTRIBUTING.md."))
    if isinstance(own.get("reviews"), list):
        errors.extend(check_reviews(source, own["reviews"], today))

    # rules that tie fields together (checked on the file that holds them)
    if (original is None and not inherited) or any(k in own for k in ("verified", "verify_note")):
        if meta.get("verified") is False and not (isinstance(meta.get("verify_note"), str)
                                                  and meta["verify_note"].strip()):
            errors.append(_error(
                source, "verified", "front-matter-required",
                "Trang có 'verified: false' nhưng thiếu 'verify_note' nói cần xác minh điều gì.",
                "The page says 'verified: false' but has no 'verify_note' saying what to check.",
                "Thêm 'verify_note: \"nội dung cần đối chiếu\"'.",
                "Add 'verify_note: \"what to check\"'."))
    if page_type == "regulation" and ((original is None and not inherited) or any(k in own for k in ("status", "replaced_by", "signed", "effective"))):
        status = meta.get("status")
        if status == "replaced" and not meta.get("replaced_by"):
            errors.append(_error(
                source, "status", "front-matter-required",
                "Văn bản có 'status: replaced' nhưng thiếu 'replaced_by' (trang của văn bản thay thế).",
                "The document has 'status: replaced' but no 'replaced_by' (the replacing document's page).",
                "Thêm 'replaced_by: van-ban/<trang-van-ban-thay-the>.md'.",
                "Add 'replaced_by: van-ban/<replacing-page>.md'."))
        if meta.get("replaced_by") and status not in REPLACED_STATUSES:
            errors.append(_error(
                source, "replaced_by", "front-matter-value",
                f"Có 'replaced_by' nhưng 'status' là {status!r}; cần một trong: {', '.join(REPLACED_STATUSES)}.",
                f"'replaced_by' is set but 'status' is {status!r}; expected one of: {', '.join(REPLACED_STATUSES)}.",
                "Sửa 'status', hoặc bỏ 'replaced_by'.", "Fix 'status', or remove 'replaced_by'."))
        signed, effective = meta.get("signed"), meta.get("effective")
        if isinstance(signed, dt.date) and isinstance(effective, dt.date) and effective < signed:
            errors.append(_error(
                source, "effective", "front-matter-value",
                f"Ngày hiệu lực ({effective.isoformat()}) sớm hơn ngày ký ({signed.isoformat()}).",
                f"The date in force ({effective.isoformat()}) is before the date signed ({signed.isoformat()}).",
                "Kiểm tra lại hai ngày theo văn bản chính thức.", "Check both dates against the official text."))
    return errors


def check_meta(meta: dict, path: str, text: str, src_uri: str | None = None,
               today: dt.date | None = None) -> list[ContentError]:
    """File-by-file check (the content linter's entry point): the schema of
    one file on its own. A translation (``x.en.md``) is checked for its own
    fields only; what needs the whole site (inherited fields, ``replaced_by``
    targets) is left to ``check_site``. ``src_uri`` defaults to ``path``
    without its leading ``docs/``."""
    if src_uri is None:
        src_uri = path[len("docs/"):] if path.startswith("docs/") else path
    lang, base = split_language(src_uri)
    body_line = 1
    source = Source(path, src_uri, base, lang, meta, "", body_line, text)
    return check_source(source, None, inherited=lang != DEFAULT_LANGUAGE, today=today)


def check_site(sources: list[Source], today: dt.date | None = None) -> list[ContentError]:
    """Every front-matter problem of the site, sorted by file and line."""
    today = today or settings.today()
    originals = {s.base_uri: s for s in sources if s.lang == DEFAULT_LANGUAGE}
    errors: list[ContentError] = []
    for source in sources:
        original = originals.get(source.base_uri) if source.lang != DEFAULT_LANGUAGE else None
        errors.extend(check_source(source, original, today=today))
    # replaced_by must name an existing regulation page
    for source in originals.values():
        target = source.meta.get("replaced_by")
        if source.meta.get("type") != "regulation" or not isinstance(target, str) \
                or not value_ok(Field("replaced_by", "regulation-page"), target):
            continue
        page = originals.get(posixpath.normpath(target))
        if page is None or page.meta.get("type") != "regulation" or page.base_uri == source.base_uri:
            errors.append(_error(
                source, "replaced_by", "front-matter-value",
                f"'replaced_by: {target}' không trỏ tới một trang văn bản khác có trong docs/.",
                f"'replaced_by: {target}' does not name another regulation page under docs/.",
                "Ghi đường dẫn tính từ docs/, ví dụ 'replaced_by: van-ban/qd-302-qd-vkstc.md'.",
                "Write the path from docs/, e.g. 'replaced_by: van-ban/qd-302-qd-vkstc.md'."))
    return sorted(errors, key=lambda e: (e.path, e.line or 0))


# --- reviews -----------------------------------------------------------------

def review_lines(text: str) -> tuple[int | None, list[dict]]:
    """Where ``reviews:`` and its entries are written in the front matter:
    (line of ``reviews:``, [{"": line of the entry's "-", "date": line, ...,
    "sources.0": line of the first source, ...}, ...]). Fields written on one
    line (``- {date: ..., by: ...}``) get the entry's line."""
    lines = text.split("\n")
    start, entries, indent, current = None, [], None, None
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped in ("---", "..."):
            break
        if start is None:
            if re.match(r"^reviews\s*:", line):
                start = number
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace() and not line.startswith("-"):
            break  # the next field
        item = re.match(r"^(\s*)-(?:\s+|$)(.*)$", line)
        if item and (indent is None or len(item.group(1)) == indent):
            indent = len(item.group(1))
            entries.append({"": number})
            current = None
            key = re.match(r"^([A-Za-z_]\w*)\s*:", item.group(2))
            if key:
                current = key.group(1)
                entries[-1].setdefault(current, number)
            continue
        if not entries:
            continue
        key = re.match(r"^\s+([A-Za-z_]\w*)\s*:", line)
        if key and not item:
            current = key.group(1)
            entries[-1].setdefault(current, number)
        elif item and current == "sources":
            count = sum(1 for k in entries[-1] if k.startswith("sources."))
            entries[-1][f"sources.{count}"] = number
    return start, entries


def check_reviews(source: Source, reviews: list, today: dt.date) -> list[ContentError]:
    """Each ``reviews`` entry: date (YYYY-MM-DD, not after ``today``), by,
    sources (a non-empty list of non-empty texts), checked; nothing else."""
    start, places = review_lines(source.text)
    errors = []

    def err(rule, line, vi, en, fix_vi, fix_en):
        errors.append(ContentError(source.path, line or start or field_line(source.text, "reviews") or 1,
                                   rule, vi, en, fix_vi, fix_en))

    for index, entry in enumerate(reviews):
        where = places[index] if index < len(places) else {}
        at = where.get("")
        number = index + 1
        if not isinstance(entry, dict):
            err("front-matter-value", at,
                f"Lần rà soát thứ {number} trong 'reviews' phải gồm các trường date, by, sources, checked.",
                f"Review {number} in 'reviews' must hold the fields date, by, sources, checked.",
                f"Viết mỗi lần rà soát dạng:{REVIEW_EXAMPLE}", "See the example in CONTRIBUTING.md.")
            continue
        for key in entry:
            if key not in REVIEW_KEYS:
                err("front-matter-value", where.get(str(key), at),
                    f"Trường '{key}' không dùng được trong lần rà soát thứ {number}; chỉ có: {', '.join(REVIEW_KEYS)}.",
                    f"Field '{key}' is not allowed in review {number}; only: {', '.join(REVIEW_KEYS)}.",
                    "Sửa lỗi chính tả hoặc xoá trường này.", "Fix the spelling or remove the field.")
        for key in REVIEW_KEYS:
            if entry.get(key) in (None, "", []):
                what = {"date": ("ngày rà soát, dạng 2026-12-06", "the review date, e.g. 2026-12-06"),
                        "by": ("người hoặc đơn vị rà soát", "who reviewed"),
                        "sources": ("danh sách nguồn đã đối chiếu (văn bản, điều khoản)",
                                    "the list of sources compared (texts, articles)"),
                        "checked": ("những gì đã đối chiếu, kiểm tra", "what was compared")}[key]
                err("front-matter-required", where.get(key, at),
                    f"Lần rà soát thứ {number} thiếu '{key}': {what[0]}.",
                    f"Review {number} lacks '{key}': {what[1]}.",
                    f"Thêm '{key}: ...' vào lần rà soát này. Ví dụ:{REVIEW_EXAMPLE}",
                    f"Add '{key}: ...' to this review (see CONTRIBUTING.md).")
        day = entry.get("date")
        if day not in (None, ""):
            if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
                err("front-matter-date", where.get("date", at),
                    f"Ngày rà soát {day!r} (lần thứ {number}) không đúng dạng NĂM-THÁNG-NGÀY.",
                    f"Review date {day!r} (review {number}) is not written YYYY-MM-DD.",
                    "Viết 'date: 2026-12-06' (không dùng dấu '/' trong front matter).", "Write 'date: 2026-12-06'.")
            elif day > today:
                err("front-matter-date", where.get("date", at),
                    f"Ngày rà soát {day.isoformat()} (lần thứ {number}) ở sau ngày dựng trang "
                    f"({today.isoformat()}): chỉ ghi lần rà soát đã làm.",
                    f"Review date {day.isoformat()} (review {number}) is after the build's date "
                    f"({today.isoformat()}): record only reviews already made.",
                    "Ghi đúng ngày đã rà soát; chưa rà soát thì chưa thêm mục này.",
                    "Write the day the review was made; add the entry once it is done.")
        for key in ("by", "checked"):
            value = entry.get(key)
            if value not in (None, "", []) and not (isinstance(value, str) and value.strip()):
                err("front-matter-value", where.get(key, at),
                    f"'{key}' của lần rà soát thứ {number} phải là một đoạn chữ; nhận được {value!r}.",
                    f"'{key}' of review {number} must be a text; got {value!r}.",
                    f"Viết '{key}: \"...\"' trên một dòng.", f"Write '{key}: \"...\"' on one line.")
        names = entry.get("sources")
        if names not in (None, "", []):
            if not isinstance(names, list):
                err("front-matter-value", where.get("sources", at),
                    f"'sources' của lần rà soát thứ {number} phải là danh sách (mỗi nguồn một dòng '- ...').",
                    f"'sources' of review {number} must be a list (one '- ...' line per source).",
                    "Viết:\n    sources:\n      - \"Luật 10/2022/QH15, Điều 51\"",
                    "Write one '- \"source\"' line per source under 'sources:'.")
            else:
                for position, name in enumerate(names):
                    if not (isinstance(name, str) and name.strip()):
                        err("front-matter-value", where.get(f"sources.{position}", where.get("sources", at)),
                            f"Nguồn thứ {position + 1} của lần rà soát thứ {number} rỗng hoặc không phải chữ "
                            f"({name!r}).",
                            f"Source {position + 1} of review {number} is empty or not a text ({name!r}).",
                            "Ghi tên văn bản, điều khoản hoặc tài liệu đã đối chiếu, đặt trong ngoặc kép.",
                            "Name the text, article or document compared, in quotes.")
    return errors
