"""A model document as data, built from its Markdown file, and every check of it.

``parse(path, text)`` returns ``(model, errors)``: the model and every
problem at once, each a ``ContentError`` with file:line and the fix in
Vietnamese and English. ``collect(sources)`` does it for every model of the
site (the build's sources) and raises ``ContentErrors`` when there is any
problem; ``load(path)`` does it for one file.

Front matter of a model (besides the page's own ``title``, ``owner``,
``review_every_months``...):

    model:
      kind: Kế hoạch                  # tên loại (printed in capitals); "Công văn": no kind line, V/v under the number
      title: "Tổ chức Hội nghị ... năm {{nam}}"   # trích yếu
      parent: "{{co_quan_cap_tren}}"  # cơ quan chủ quản trực tiếp
      issuer: "{{ten_don_vi}}"        # cơ quan ban hành; a list for joint documents (one line each)
      number: "…/KH-{{ky_hieu_don_vi}}"   # null: this kind of document has no number
      place: "{{dia_danh}}"           # null: no place-date line
      to: ["Thủ trưởng {{ten_don_vi}}"]   # optional "Kính gửi"
      recipients: ["Như trên", "Lưu: VT"] # optional "Nơi nhận"
      signers:                        # 0, 1 or 2 signature blocks
        - {authority: "TM. Ban Chấp hành", title: "Chủ tịch", name: "{{ho_ten_chu_tich}}"}
    fields:
      ten_don_vi: {vi: "Tên cơ quan, đơn vị", en: "Name of the unit", size: long}
"""
from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from handbook.content import scanner
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX
from handbook.errors import ContentError, ContentErrors

from handbook.models import markdown as md
from handbook.models.markdown import Span
from handbook.models.source import BODY_HEADING, ModelFile, read

# Where the models live (docs paths): every page of the folder but its index
# and the translations is a model.
FOLDER = "mau-van-ban/"

SIZES = ("short", "medium", "long")
MODEL_KEYS = ("kind", "title", "parent", "issuer", "number", "place", "to", "recipients", "signers")
REQUIRED_TEXT = ("kind", "title", "parent", "issuer")
REQUIRED_PRESENT = ("number", "place")          # must be written, may be null
SIGNER_KEYS = ("authority", "title", "name", "note")
FIELD_KEYS = ("vi", "en", "size")
# The kind that has no kind line: its subject is printed "V/v ..." under the number.
LETTER = "Công văn"
DEFAULT_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)

_ARTICLE = re.compile(r"^dieu-(\d+)(?:-|$)")
DISCLAIMER = "không phải biểu mẫu chính thức"


@dataclass(frozen=True)
class FieldDef:
    name: str
    vi: str
    en: str
    size: str
    line: int


@dataclass
class Signer:
    authority: list[Span] | None
    title: list[Span]
    name: list[Span]
    note: list[Span] | None
    line: int


@dataclass
class HeadingBlock:
    parent: list[Span]
    issuer: list[list[Span]]            # one or more lines (joint documents name every issuer)
    number: list[Span] | None
    place: list[Span] | None
    kind: str
    title: list[Span]

    @property
    def is_letter(self) -> bool:
        return self.kind == LETTER


@dataclass(frozen=True)
class Article:
    """An article the page notes link to: its number and where it is."""
    number: int
    page: str                           # docs path of the regulation page: "van-ban/luat-10-2022-qh15.md"
    anchor: str                         # "dieu-51-to-chuc-hoi-nghi-..."


@dataclass
class Model:
    path: str                           # as editors see it: "docs/mau-van-ban/ke-hoach-hoi-nghi-can-bo.md"
    base_uri: str                       # docs path: "mau-van-ban/ke-hoach-hoi-nghi-can-bo.md"
    slug: str                           # file stem, the Word file's name: "ke-hoach-hoi-nghi-can-bo"
    page_title: str
    heading: HeadingBlock
    fields: dict[str, FieldDef]
    body: list[md.Block]
    to: list[list[Span]]
    recipients: list[list[Span]]
    signers: list[Signer]
    notes: str
    articles: list["Article"]           # articles the page notes cite (legal basis), by number
    serves: list[str]                   # checklist item ids the page notes link to
    chapter: str | None                 # page of the first item served: the model's group on the index
    date: dt.datetime                   # fixed date for the Word file's properties
    uses: dict[str, list[int]] = field(default_factory=dict)   # field -> lines where used

    @property
    def docx_name(self) -> str:
        return f"{self.slug}.docx"

    def field_list(self) -> list[FieldDef]:
        """Declared fields in order of first use in the document."""
        first = {name: min(lines) for name, lines in self.uses.items()}
        return sorted(self.fields.values(), key=lambda f: (first.get(f.name, 10**9), f.line))


# --- helpers ---------------------------------------------------------------------

def _err(source: ModelFile, line: int, rule: str, vi: str, en: str, fix_vi: str, fix_en: str) -> ContentError:
    return ContentError(source.path, line, rule, vi, en, fix_vi, fix_en)


def _text_spans(source: ModelFile, value, line: int, errors: list[ContentError]) -> list[Span]:
    """Front-matter text: fields allowed, no emphasis (the generator sets the style)."""
    return md.parse_inline(str(value), line, source.path, errors, allow_emphasis=False)


def _suggest(name: str, choices) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def _review_date(meta: dict) -> dt.datetime:
    """The date written into the Word file's properties: the page's latest
    review (``reviews:`` or ``last_reviewed``), else a constant; never the
    clock, so the same file always gives the same bytes."""
    dates = []
    for review in meta.get("reviews") or []:
        if isinstance(review, dict) and isinstance(review.get("date"), dt.date):
            dates.append(review["date"])
    if isinstance(meta.get("last_reviewed"), dt.date):
        dates.append(meta["last_reviewed"])
    if not dates:
        return DEFAULT_DATE
    day = max(dates)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


# --- front matter ------------------------------------------------------------------

def _fields(source: ModelFile, errors: list[ContentError]) -> dict[str, FieldDef]:
    raw = source.meta.get("fields")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.append(_err(source, source.line("fields"), "model-field-declaration",
                           "'fields:' phải là danh sách tên trường, mỗi tên kèm nhãn tiếng Việt và tiếng Anh.",
                           "'fields:' must map each field name to its Vietnamese and English labels.",
                           "Dưới 'fields:' viết mỗi trường một dòng, ví dụ '  ten_don_vi: {vi: \"Tên cơ quan, đơn vị\", en: \"Name of the unit\"}'.",
                           "Under 'fields:' write one field per line, e.g. '  ten_don_vi: {vi: \"...\", en: \"...\"}'."))
        return {}
    out = {}
    for name, spec in raw.items():
        line = source.line("fields", name)
        name = str(name)
        if not md.FIELD_NAME.match(name):
            errors.append(_err(source, line, "model-field-declaration",
                               f"Tên trường '{name}' không hợp lệ.", f"Invalid field name '{name}'.",
                               "Tên trường viết chữ thường không dấu, số và '_', bắt đầu bằng chữ (ví dụ ten_don_vi).",
                               "Use lower-case ASCII letters, digits and '_', starting with a letter (e.g. ten_don_vi)."))
            continue
        if not isinstance(spec, dict):
            spec = {}
        for key in spec:
            if key not in FIELD_KEYS:
                errors.append(_err(source, source.line("fields", name, key), "model-field-declaration",
                                   f"Trường '{name}' có khóa lạ '{key}'.", f"Field '{name}' has an unknown key '{key}'.",
                                   "Chỉ dùng vi (nhãn tiếng Việt), en (nhãn tiếng Anh), size (short, medium, long).",
                                   "Use only vi (Vietnamese label), en (English label), size (short, medium, long)."))
        labels = {}
        for lang, vi_word, en_word in (("vi", "tiếng Việt", "Vietnamese"), ("en", "tiếng Anh", "English")):
            value = spec.get(lang)
            if not isinstance(value, str) or not value.strip():
                errors.append(_err(source, line, "model-field-declaration",
                                   f"Trường '{name}' thiếu nhãn {vi_word} ('{lang}:').",
                                   f"Field '{name}' lacks its {en_word} label ('{lang}:').",
                                   f"Thêm {lang}: \"...\" vào khai báo: {name}: {{vi: \"Nhãn tiếng Việt\", en: \"English label\"}}.",
                                   f"Add {lang}: \"...\" to the declaration of '{name}'."))
                value = name
            labels[lang] = str(value).strip()
        size = spec.get("size", "medium")
        if size not in SIZES:
            errors.append(_err(source, source.line("fields", name, "size"), "model-field-declaration",
                               f"Trường '{name}' có size '{size}' không hợp lệ.", f"Field '{name}' has an invalid size '{size}'.",
                               "size là short (ngắn: số, năm), medium (mặc định) hoặc long (tên cơ quan, nội dung).",
                               "size is short, medium (default) or long."))
            size = "medium"
        out[name] = FieldDef(name, labels["vi"], labels["en"], size, line)
    return out


def _heading(source: ModelFile, spec: dict, errors: list[ContentError]) -> HeadingBlock:
    def line(key):
        return source.line("model", key)

    for key in spec:
        if key not in MODEL_KEYS:
            hint = _suggest(str(key), MODEL_KEYS)
            errors.append(_err(source, line(key), "model-heading-value",
                               f"Khóa lạ '{key}' trong 'model:'" + (f" (có phải '{hint}'?)." if hint else "."),
                               f"Unknown key '{key}' under 'model:'" + (f" (did you mean '{hint}'?)." if hint else "."),
                               "Các khóa được dùng: " + ", ".join(MODEL_KEYS) + ".",
                               "Allowed keys: " + ", ".join(MODEL_KEYS) + "."))
    what = {
        "kind": ("tên loại văn bản (ví dụ Kế hoạch, Biên bản, Quyết định; 'Công văn' cho công văn)",
                 "the kind of document (e.g. Kế hoạch, Biên bản; 'Công văn' for a letter)"),
        "title": ("trích yếu nội dung", "the subject line"),
        "parent": ("tên cơ quan chủ quản trực tiếp", "the issuing body's parent"),
        "issuer": ("tên cơ quan, đơn vị ban hành", "the issuing body"),
        "number": ("số, ký hiệu (ví dụ \"…/KH-{{ky_hieu_don_vi}}\"; null nếu loại văn bản này không có số)",
                   "the number pattern (null if this kind has none)"),
        "place": ("địa danh của dòng địa danh, ngày tháng (null nếu không có dòng này)",
                  "the place of the place-date line (null if there is none)"),
    }
    values: dict = {}
    issuers = spec.get("issuer")
    if isinstance(issuers, list) and issuers and all(isinstance(v, str) and v.strip() for v in issuers):
        spec = dict(spec, issuer=issuers[0])
    else:
        issuers = None
    for key in REQUIRED_TEXT + REQUIRED_PRESENT:
        vi, en = what[key]
        value = spec.get(key)
        if key not in spec or (key in REQUIRED_TEXT and (not isinstance(value, str) or not value.strip())):
            errors.append(_err(source, source.line("model"), "model-heading-missing",
                               f"Thiếu thông tin phần đầu văn bản: 'model.{key}' ({vi}).",
                               f"Heading-block data missing: 'model.{key}' ({en}).",
                               f"Thêm dòng '  {key}: ...' dưới 'model:' trong front matter.",
                               f"Add a '  {key}: ...' line under 'model:' in the front matter."))
            values[key] = None
        elif value is not None and not isinstance(value, (str, int)):
            errors.append(_err(source, line(key), "model-heading-value",
                               f"'model.{key}' phải là một dòng chữ.", f"'model.{key}' must be one line of text.",
                               "Viết giá trị trong ngoặc kép trên một dòng.", "Write the value in quotes on one line."))
            values[key] = None
        else:
            values[key] = None if value is None else str(value)
    kind = (values["kind"] or "").strip()
    if kind and "{{" in kind:
        errors.append(_err(source, line("kind"), "model-heading-value",
                           "Tên loại văn bản không được là ô điền.", "The kind of document cannot be a field.",
                           "Ghi tên loại cố định, ví dụ 'Kế hoạch'.", "Write a fixed kind, e.g. 'Kế hoạch'."))
    spans = {k: (_text_spans(source, values[k], line(k), errors) if values[k] is not None else None)
             for k in ("title", "parent", "issuer", "number", "place")}
    if issuers:
        issuer_lines = [_text_spans(source, v, source.line("model", "issuer", i), errors)
                        for i, v in enumerate(issuers)]
    else:
        issuer_lines = [spans["issuer"]] if spans["issuer"] else []
    return HeadingBlock(spans["parent"] or [], issuer_lines, spans["number"], spans["place"],
                        kind, spans["title"] or [])


def _text_list(source: ModelFile, spec: dict, key: str, errors: list[ContentError]) -> list[list[Span]]:
    value = spec.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(_err(source, source.line("model", key), "model-heading-value",
                           f"'model.{key}' phải là danh sách các dòng chữ.", f"'model.{key}' must be a list of lines.",
                           f"Viết: {key}: [\"Dòng 1\", \"Dòng 2\"]", f"Write: {key}: [\"Line 1\", \"Line 2\"]"))
        return []
    return [_text_spans(source, v.strip().rstrip(";.").strip(), source.line("model", key, i), errors)
            for i, v in enumerate(value)]


def _signers(source: ModelFile, spec: dict, errors: list[ContentError]) -> list[Signer]:
    value = spec.get("signers")
    if value is None:
        return []
    line = source.line("model", "signers")
    if not isinstance(value, list) or len(value) > 2:
        errors.append(_err(source, line, "model-signature",
                           "'model.signers' phải là danh sách tối đa hai người ký.",
                           "'model.signers' must be a list of at most two signers.",
                           "Dưới 'signers:' viết mỗi người ký một dòng, ví dụ '  - {authority: \"TM. Ban Chấp hành\", title: \"Chủ tịch\", name: \"{{ho_ten}}\"}'.",
                           "Write a list of one or two {authority, title, name} entries."))
        return []
    out = []
    for index, entry in enumerate(value):
        at = source.line("model", "signers", index)
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k].strip()
                                                  for k in ("title", "name")):
            errors.append(_err(source, at, "model-signature",
                               "Người ký thiếu chức danh ('title') hoặc họ tên ('name').",
                               "A signer lacks 'title' or 'name'.",
                               "Mỗi người ký có title (chức danh) và name (thường là ô điền {{ho_ten_...}}); "
                               "authority (TM., KT., ...) và note (ví dụ \"(Ký, ghi rõ họ tên)\") nếu cần.",
                               "Each signer has title and name; authority and note are optional."))
            continue
        for key in entry:
            if key not in SIGNER_KEYS:
                errors.append(_err(source, source.line("model", "signers", index, key), "model-signature",
                                   f"Người ký có khóa lạ '{key}'.", f"A signer has an unknown key '{key}'.",
                                   "Chỉ dùng authority, title, name, note.", "Use only authority, title, name, note."))
        def spans(key):
            v = entry.get(key)
            return _text_spans(source, v, source.line("model", "signers", index, key, default=at), errors) \
                if isinstance(v, str) and v.strip() else None
        out.append(Signer(spans("authority"), spans("title") or [], spans("name") or [], spans("note"), at))
    return out


# --- the whole model -------------------------------------------------------------------

def _walk_spans(model: Model):
    h = model.heading
    for group in (h.parent, *h.issuer, h.number or [], h.place or [], h.title):
        yield from group
    for group in model.to + model.recipients:
        yield from group
    for signer in model.signers:
        for group in (signer.authority or [], signer.title, signer.name, signer.note or []):
            yield from group
    yield from body_spans(model.body)


def body_spans(blocks):
    for block in blocks:
        if isinstance(block, (md.Heading, md.Paragraph)):
            yield from block.spans
        elif isinstance(block, md.ListBlock):
            for item in block.items:
                yield from item.spans
                yield from body_spans(item.children)
        elif isinstance(block, md.Table):
            for cell in block.header:
                yield from cell
            for row in block.rows:
                for cell in row:
                    yield from cell


def note_links(notes: str, base_uri: str) -> tuple[list[Article], dict[str, str]]:
    """The articles of regulation pages (``van-ban/*.md#dieu-<n>-...``) and
    the checklist items (``#ck-<id>``: id -> docs path of the page explaining
    it) the page notes link to, in order."""
    articles: dict[int, Article] = {}
    items: dict[str, str] = {}
    folder = posixpath.dirname(base_uri)
    for match in scanner.INLINE_LINK.finditer(notes):
        if match.group("image"):
            continue
        path, _, anchor = match.group("target").partition("#")
        if not anchor or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path) or not path.endswith(".md"):
            continue
        page = posixpath.normpath(posixpath.join(folder, path))
        if anchor.startswith(CHECKLIST_ITEM_PREFIX):
            items.setdefault(anchor[len(CHECKLIST_ITEM_PREFIX):], page)
            continue
        article = _ARTICLE.match(anchor)
        if article and page.startswith("van-ban/"):
            articles.setdefault(int(article.group(1)), Article(int(article.group(1)), page, anchor))
    return sorted(articles.values(), key=lambda a: a.number), items


def parse(path: str, text: str, base_uri: str | None = None) -> tuple[Model, list[ContentError]]:
    """The model of one file and every problem found in it (``base_uri``: its
    docs path, by default ``mau-van-ban/<file name>``)."""
    base_uri = base_uri or FOLDER + Path(path).name
    source = read(path, text)
    errors = list(source.errors)
    meta = source.meta
    title = meta.get("title")
    spec = meta.get("model")
    if not isinstance(spec, dict) and source.meta_ok:
        errors.append(_err(source, source.line("model"), "model-heading-missing",
                           "Thiếu khối 'model:' (thông tin phần đầu văn bản: tên loại, trích yếu, cơ quan ban hành, "
                           "số, địa danh, người ký).",
                           "The 'model:' block (heading-block data) is missing.",
                           "Thêm khối 'model:' vào front matter, theo một mẫu có sẵn trong docs/mau-van-ban/ "
                           "(kind, title, parent, issuer, number, place, signers).",
                           "Add a 'model:' block to the front matter, as in an existing model in docs/mau-van-ban/ "
                           "(kind, title, parent, issuer, number, place, signers)."))
    has_block = isinstance(spec, dict)
    if not has_block:
        spec = {}
    # With unreadable front matter the heading data and fields are unknown:
    # their checks would only repeat the YAML error (likewise a missing block).
    meta_errors = errors if source.meta_ok else []
    fields = _fields(source, meta_errors)
    heading = _heading(source, spec, meta_errors if has_block else [])
    to = _text_list(source, spec, "to", meta_errors)
    recipients = _text_list(source, spec, "recipients", meta_errors)
    signers = _signers(source, spec, meta_errors)

    if source.heading_line is None:
        errors.append(_err(source, source.notes_line, "model-body-missing",
                           f"Không thấy tiêu đề '## {BODY_HEADING}': không biết phần văn bản mẫu bắt đầu từ đâu.",
                           f"No '## {BODY_HEADING}' heading: the document body cannot be found.",
                           f"Thêm dòng '## {BODY_HEADING}' trước phần nội dung văn bản (sau phần giới thiệu).",
                           f"Add a '## {BODY_HEADING}' line before the document body (after the page notes)."))
        body = []
    else:
        body = md.parse_blocks(source.body, source.body_line, path, errors)
        if not body:
            errors.append(_err(source, source.heading_line, "model-body-missing",
                               f"Phần '## {BODY_HEADING}' trống.", f"The '## {BODY_HEADING}' section is empty.",
                               "Viết nội dung văn bản dưới tiêu đề này.", "Write the document body under it."))

    notes = source.notes
    articles, items = note_links(notes, base_uri)
    if not articles:
        errors.append(_err(source, source.notes_line, "model-basis",
                           "Phần giới thiệu của mẫu không dẫn căn cứ pháp lý (liên kết tới một điều của văn bản).",
                           "The page notes cite no legal basis (a link to an article of a regulation page).",
                           "Thêm liên kết tới điều luật, ví dụ [Điều 51](../van-ban/luat-10-2022-qh15.md#dieu-51-...), "
                           "phía trên tiêu đề '## Văn bản mẫu'.",
                           "Add a link to an article, e.g. [Article 51](../van-ban/luat-10-2022-qh15.md#dieu-51-...), "
                           "above '## Văn bản mẫu'."))
    if DISCLAIMER not in " ".join(notes.lower().split()):
        errors.append(_err(source, source.notes_line, "model-disclaimer",
                           "Phần giới thiệu không nói đây là mẫu tham khảo, không phải biểu mẫu chính thức.",
                           "The page notes do not say this is a reference model, not an official form.",
                           "Thêm câu: \"Đây là mẫu tham khảo của Cẩm nang, không phải biểu mẫu chính thức của Ngành.\"",
                           "Add the sentence saying it is the handbook's reference model, not an official form."))

    model = Model(path, base_uri, Path(base_uri).name.removesuffix(".md"), str(title or ""), heading, fields, body, to,
                  recipients, signers, notes, articles, list(items), next(iter(items.values()), None),
                  _review_date(meta))
    for span in _walk_spans(model):
        if span.field:
            model.uses.setdefault(span.field, []).append(span.line)
    for name, lines in sorted(model.uses.items(), key=lambda kv: min(kv[1])):
        if name not in fields and source.meta_ok:
            hint = _suggest(name, fields)
            for line in sorted(set(lines)):
                errors.append(_err(source, line, "model-field-unknown",
                                   f"Ô điền {{{{{name}}}}} chưa được khai báo trong 'fields:'"
                                   + (f" (có phải {{{{{hint}}}}}?)." if hint else "."),
                                   f"The field {{{{{name}}}}} is not declared under 'fields:'"
                                   + (f" (did you mean {{{{{hint}}}}}?)." if hint else "."),
                                   (f"Sửa thành {{{{{hint}}}}}, hoặc khai báo" if hint else "Khai báo")
                                   + f" trong front matter, dưới 'fields:', dòng '  {name}: {{vi: \"Nhãn tiếng Việt\", en: \"English label\"}}'.",
                                   (f"Write {{{{{hint}}}}}, or declare" if hint else "Declare")
                                   + f" it under 'fields:' as '  {name}: {{vi: \"...\", en: \"...\"}}'."))
    for name, definition in fields.items():
        if name not in model.uses:
            errors.append(_err(source, definition.line, "model-field-unused",
                               f"Trường '{name}' được khai báo nhưng không dùng ở đâu trong văn bản.",
                               f"The field '{name}' is declared but never used.",
                               f"Dùng {{{{{name}}}}} ở chỗ cần điền, hoặc xóa khai báo.",
                               f"Use {{{{{name}}}}} where it is to be filled in, or delete the declaration."))
    errors.sort(key=lambda e: (e.line or 0, e.rule))
    return model, errors


def load(path: str | Path, display_path: str | None = None) -> Model:
    """Read and check one model file; raise ``ContentErrors`` with every problem."""
    path = Path(path)
    model, errors = parse(display_path or str(path), path.read_text(encoding="utf-8"))
    if errors:
        raise ContentErrors(errors)
    return model


def is_model(base_uri: str) -> bool:
    """Is this docs path (language suffix removed) a model's page?"""
    return (base_uri.startswith(FOLDER) and base_uri.endswith(".md") and "/" not in base_uri[len(FOLDER):]
            and base_uri != FOLDER + "index.md")


def collect(sources) -> dict[str, Model]:
    """Every model of the site by docs path, in file order, from the build's
    sources (the Vietnamese pages: the document is Vietnamese whatever the
    reader's language); every problem of every file raised at once."""
    models, errors = {}, []
    for source in sources:
        if source.lang != "vi" or not is_model(source.base_uri):
            continue
        model, problems = parse(source.path, source.text, source.base_uri)
        errors.extend(problems)
        models[source.base_uri] = model
    if errors:
        raise ContentErrors(sorted(errors, key=lambda e: (e.path, e.line or 0, e.rule)))
    return dict(sorted(models.items()))
