"""Editors' workflow facts on every page and the editors' report pages.

* page facts: last updated (git, else file time — said so), owner, review
  dates, the "Sửa trang này" / "Edit this page" link;
* reader notices: not yet reviewed against sources (info), review due soon
  (info), review overdue (warning), English translation possibly out of date
  (warning);
* generated pages: ``generate: review-status``, ``translation-status``,
  ``recent-changes[:N]``.

Plain functions over data (sources, history, dates); hooks/editorial.py wires them.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath
from dataclasses import dataclass, field

from handbook.content.inheritance import inherited_meta
from handbook.pages import generated
from handbook.content import scanner
from handbook.editorial import review
from handbook.editorial import translations
from handbook.editorial import verification
from handbook.content.dates import format_date
from handbook.editorial.history import History, Updated, recent_changes
from handbook.content.sources import DEFAULT_LANGUAGE, Source, for_language


LABELS = {
    "vi": {
        "updated": "Cập nhật lần cuối",
        "updated_mtime": "theo thời gian sửa tệp: không có lịch sử git cho trang này",
        "owner": "Đơn vị phụ trách",
        "last_reviewed": "Rà soát lần cuối",
        "next_review": "Rà soát tiếp theo",
        "edit": "Sửa trang này",
    },
    "en": {
        "updated": "Last updated",
        "updated_mtime": "from the file's modification time: no git history for this page",
        "owner": "Responsible unit",
        "last_reviewed": "Last reviewed",
        "next_review": "Next review due",
        "edit": "Edit this page",
    },
}


@dataclass
class Context:
    """What the editors' features need for one build (language independent)."""
    history: History = field(default_factory=History)
    today: dt.date = field(default_factory=dt.date.today)
    sources: list[Source] = field(default_factory=list)
    edit_url_template: str | None = None
    _translations: dict | None = None
    _originals: dict | None = None

    def originals(self) -> dict[str, Source]:
        """Vietnamese sources by base_uri."""
        if self._originals is None:
            self._originals = {s.base_uri: s for s in self.sources if s.lang == DEFAULT_LANGUAGE}
        return self._originals

    def translations(self) -> dict[str, translations.Translation]:
        if self._translations is None:
            self._translations = translations.status(self.sources, self.history)
        return self._translations


def context_of(request, ctx: Context | None) -> Context:
    """The editors' context of a build: given, or the one the build hands
    generated pages (``request.extra["editorial"]``)."""
    return ctx if ctx is not None else request.extra["editorial"]



def _labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


def edit_url(template: str | None, src_uri: str) -> str | None:
    """``https://git.example.vn/.../-/edit/main/docs/{path}`` with the file's path."""
    if not template:
        return None
    return template.replace("{path}", src_uri)


def page_facts(lang: str, src_uri: str, meta: dict, updated: Updated, today: dt.date,
               template: str | None) -> dict:
    """What the page footer shows (overrides/partials/source-file.html)."""
    labels = _labels(lang)
    rev = review.review_of(meta, today)
    facts = []
    if rev.owner:
        facts.append({"label": labels["owner"], "value": str(rev.owner)})
    if rev.last_reviewed:
        facts.append({"label": labels["last_reviewed"], "value": format_date(rev.last_reviewed, lang),
                      "iso": rev.last_reviewed.isoformat()})
    if rev.due:
        facts.append({"label": labels["next_review"], "value": format_date(rev.due, lang),
                      "iso": rev.due.isoformat(), "state": rev.state})
    return {
        "updated_label": labels["updated"],
        "updated": format_date(updated.date, lang),
        "updated_iso": updated.date.isoformat(),
        "updated_from_git": updated.from_git,
        "updated_note": "" if updated.from_git else labels["updated_mtime"],
        "facts": facts,
        "edit_url": edit_url(template, src_uri),
        "edit_label": labels["edit"],
    }


def review_notice(lang: str, meta: dict, today: dt.date):
    """(id, kind, title, html) or None."""
    rev = review.review_of(meta, today)
    if rev.state not in (review.SOON, review.OVERDUE, review.UNREVIEWED):
        return None
    owner = html.escape(str(rev.owner)) if rev.owner else None
    if rev.state == review.UNREVIEWED:
        if lang == "vi":
            text = ("Trang này chưa được rà soát đối chiếu với văn bản nguồn. Hãy đối chiếu văn bản "
                    "chính thức trước khi áp dụng.")
            text += f" Đơn vị phụ trách: {owner}." if owner else ""
            return ("review-none", "info", "Chưa được rà soát đối chiếu nguồn", text)
        text = ("This page has not yet been reviewed against its sources. Check the official texts "
                "before relying on it.")
        text += f" Responsible unit: {owner}." if owner else ""
        return ("review-none", "info", "Not yet reviewed against sources", text)
    due = format_date(rev.due, lang)
    if rev.state == review.OVERDUE:
        if lang == "vi":
            text = (f"Trang này lẽ ra phải được rà soát trước ngày {due} nhưng chưa được rà soát lại; "
                    "nội dung có thể chưa cập nhật thay đổi của văn bản. Hãy đối chiếu văn bản chính thức.")
            text += f" Đơn vị phụ trách: {owner}." if owner else ""
            return ("review-overdue", "warning", "Trang đã quá hạn rà soát", text)
        text = (f"This page was due for review on {due} and has not been reviewed since; it may not "
                "reflect recent changes to the regulations. Check the official texts.")
        text += f" Responsible unit: {owner}." if owner else ""
        return ("review-overdue", "warning", "This page is overdue for review", text)
    if lang == "vi":
        text = f"Trang này đến hạn rà soát ngày {due} (còn {rev.days_left} ngày)."
        text += f" Đơn vị phụ trách: {owner}." if owner else ""
        return ("review-soon", "info", "Sắp đến hạn rà soát", text)
    text = f"This page is due for review on {due} ({rev.days_left} days left)."
    text += f" Responsible unit: {owner}." if owner else ""
    return ("review-soon", "info", "Review due soon", text)


def relative_url(from_url: str, to_url: str) -> str:
    """Link from page URL ``from_url`` to page URL ``to_url`` (both site-relative,
    directory style: ``en/cam-nang/x/`` -> ``cam-nang/x/``)."""
    start = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + start.rstrip("/") if start else "/")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel if rel != "./" else "./"


def translation_notice(status: translations.Translation | None, original_href: str | None = None):
    """(id, kind, title, html) for an English page whose original's text
    changed since, else None. The dates are those of the change and of the
    translation; when both fall on one day the banner names the day once
    (two equal dates would read as a contradiction)."""
    if status is None or status.state != translations.OUTDATED:
        return None
    changed = status.changed_commit or status.original_commit
    vi_date = format_date(changed.local_date, "en") if changed else None
    en_date = (format_date(status.translation_commit.local_date, "en")
               if status.translation_commit else None)
    if vi_date and en_date and status.same_day:
        text = (f"The Vietnamese text of this page changed on {vi_date}, after this translation was "
                "last updated that same day.")
    elif vi_date and en_date:
        text = (f"The Vietnamese text of this page changed on {vi_date}, after this translation was "
                f"last updated ({en_date}).")
    else:
        text = "The Vietnamese text of this page changed after this translation was last updated."
    text += " The translation may be out of date; the Vietnamese text prevails."
    if original_href:
        text += f' <a href="{html.escape(original_href)}" hreflang="vi" lang="vi">Xem bản tiếng Việt</a>.'
    return ("translation-outdated", "warning", "This translation may be out of date", text)


# --- generated editors' pages ------------------------------------------------

def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _link(from_base: str, source: Source) -> str:
    href = scanner.relpath(source.base_uri, posixpath.dirname(from_base) or ".")
    title = source.meta.get("title") or source.base_uri
    return f"[{_cell(title)}]({href})"


def _none(lang):
    return "_Không có trang nào._" if lang == "vi" else "_No pages._"


def _review_rows(request, ctx: Context):
    pages = for_language(request.sources, request.lang)
    originals = {s.base_uri: s for s in request.sources if s.lang == DEFAULT_LANGUAGE}
    rows = []
    for base in sorted(pages):
        shown = pages[base]
        rev = review.review_of(inherited_meta(originals.get(base), shown.meta), ctx.today)
        rows.append((shown, rev))
    return rows


def _unverified(request) -> list[tuple[Source, int | None, str]]:
    """(source, line, what to check) for pages and statements marked unverified
    (content-code's handbook.verification), as readers of the language see them."""
    pages = for_language(request.sources, request.lang)
    shown = {s.src_uri: s for s in pages.values()}
    return [(shown[m.src_uri], m.line, m.note)
            for m in verification.find_unverified(request.sources) if m.src_uri in shown]


def review_status(request: generated.Request, ctx: Context | None = None) -> str:
    ctx = context_of(request, ctx)
    lang = request.lang
    vi = lang == "vi"
    here = request.source.base_uri
    rows = _review_rows(request, ctx)
    overdue = sorted((r for r in rows if r[1].state == review.OVERDUE), key=lambda r: r[1].due)
    soon = sorted((r for r in rows if r[1].state == review.SOON), key=lambda r: r[1].due)
    out = [f"_{'Tính đến ngày' if vi else 'As of'} {format_date(ctx.today, lang)}._", ""]

    def table(items, title, days_word):
        out.append(f"## {title} ({len(items)})")
        out.append("")
        if not items:
            out.extend([_none(lang), ""])
            return
        head = ("| Trang | Đơn vị phụ trách | Rà soát lần cuối | Hạn rà soát |" if vi else
                "| Page | Responsible unit | Last reviewed | Review due |")
        out.extend([head, "|---|---|---|---|"])
        for source, rev in items:
            days = abs(rev.days_left)
            out.append(f"| {_link(here, source)} | {_cell(rev.owner or '—')} | "
                       f"{format_date(rev.last_reviewed, lang)} | {format_date(rev.due, lang)} "
                       f"({days_word(days)}) |")
        out.append("")

    table(overdue, "Quá hạn rà soát" if vi else "Overdue for review",
          (lambda d: f"quá {d} ngày") if vi else (lambda d: f"{d} days ago"))
    table(soon, f"Đến hạn trong {review.SOON_DAYS} ngày tới" if vi else f"Due within {review.SOON_DAYS} days",
          (lambda d: f"còn {d} ngày") if vi else (lambda d: f"in {d} days"))

    never = [r for r in rows if r[1].state == review.UNREVIEWED]
    out.append(f"## {'Chưa rà soát đối chiếu nguồn' if vi else 'Not yet reviewed against sources'} ({len(never)})")
    out.append("")
    if never:
        out.extend(["| Trang | Đơn vị phụ trách |" if vi else "| Page | Responsible unit |", "|---|---|"])
        for source, rev in never:
            out.append(f"| {_link(here, source)} | {_cell(rev.owner or '—')} |")
    else:
        out.append(_none(lang))
    out.append("")

    reviewed = [r for r in rows if r[1].entries]
    count = sum(len(r[1].entries) for r in reviewed)
    out.append(f"## {'Các lần rà soát' if vi else 'Reviews made'} ({count})")
    out.append("")
    if reviewed:
        out.append("_Mỗi lần rà soát: ngày, người rà soát, nguồn đã đối chiếu và nội dung đã kiểm tra; "
                   "lần mới nhất trước._" if vi else
                   "_Each review: its date, who made it, the sources compared and what was checked; "
                   "newest first._")
        out.append("")
        out.extend(["| Trang | Ngày | Người rà soát | Nguồn đã đối chiếu | Nội dung đã kiểm tra |" if vi else
                    "| Page | Date | Reviewed by | Sources compared | What was checked |", "|---|---|---|---|---|"])
        for source, rev in reviewed:
            for entry in rev.entries:
                sources_text = "; ".join(_cell(s) for s in entry.sources) or "—"
                out.append(f"| {_link(here, source)} | {format_date(entry.date, lang)} | {_cell(entry.by) or '—'} | "
                           f"{sources_text} | {_cell(entry.checked) or '—'} |")
    else:
        out.append(_none(lang))
    out.append("")
    unverified = _unverified(request)
    out.append(f"## {'Chưa xác minh' if vi else 'Not yet verified'} ({len(unverified)})")
    out.append("")
    if unverified:
        out.extend(["| Trang | Dòng | Cần xác minh |" if vi else "| Page | Line | What to check |",
                    "|---|---|---|"])
        for source, line, note in unverified:
            out.append(f"| {_link(here, source)} | {line or '—'} | {_cell(note) or '—'} |")
    else:
        out.append(_none(lang))
    return "\n".join(out) + "\n"


def translation_status(request: generated.Request, ctx: Context | None = None) -> str:
    ctx = context_of(request, ctx)
    lang = request.lang
    vi = lang == "vi"
    here = request.source.base_uri
    status = translations.status(request.sources, ctx.history)
    missing = [t for t in status.values() if t.state == translations.MISSING]
    outdated = [t for t in status.values() if t.state == translations.OUTDATED]
    unknown = "không rõ" if vi else "unknown"

    def date_of(commit):
        return format_date(commit.local_date, lang) if commit else unknown

    # the same facts as the banner on each page: the change of the Vietnamese
    # text, and the translation's last update ("later that day" when the two
    # fall on one day, never the same date twice)
    out = [f"## {'Bản dịch có thể đã cũ' if vi else 'Translations that may be out of date'} ({len(outdated)})", ""]
    if outdated:
        out.extend(["| Trang | Bản tiếng Việt sửa nội dung | Bản tiếng Anh sửa lần cuối |" if vi else
                    "| Page | Vietnamese text changed | English last updated |", "|---|---|---|"])
        for t in sorted(outdated, key=lambda t: t.base_uri):
            english = (("cùng ngày, trước đó" if vi else "earlier that day") if t.same_day
                       else date_of(t.translation_commit))
            out.append(f"| {_link(here, t.translation if not vi else t.original)} | "
                       f"{date_of(t.changed_commit or t.original_commit)} | {english} |")
    else:
        out.append(_none(lang))
    out.extend(["", f"## {'Chưa có bản tiếng Anh' if vi else 'Not yet translated into English'} ({len(missing)})", ""])
    if missing:
        out.extend(["| Trang | Tệp cần tạo |" if vi else "| Page | File to create |", "|---|---|"])
        for t in sorted(missing, key=lambda t: t.base_uri):
            stem = t.original.src_uri[:-3]
            out.append(f"| {_link(here, t.original)} | `docs/{stem}.en.md` |")
    else:
        out.append(_none(lang))
    if not ctx.history.available:
        out.extend(["", "_Không đọc được lịch sử git: không xác định được bản dịch cũ._" if vi else
                    "_No git history: outdated translations cannot be detected._"])
    return "\n".join(out) + "\n"


MAX_PAGES_PER_CHANGE = 5


def recent_changes_page(request: generated.Request, ctx: Context | None = None) -> str:
    ctx = context_of(request, ctx)
    lang = request.lang
    vi = lang == "vi"
    here = request.source.base_uri
    try:
        limit = int(request.argument) if request.argument else 30
    except ValueError:
        limit = 30
    by_src = {s.src_uri: s for s in request.sources}
    rows = recent_changes(ctx.history, limit, lambda name: name in by_src)
    if not ctx.history.available:
        return ("_Không đọc được lịch sử git nên chưa liệt kê được thay đổi._" if vi else
                "_No git history is available, so changes cannot be listed._") + "\n"
    if not rows:
        return _none(lang) + "\n"
    pages = for_language(request.sources, lang)
    out = ["| Ngày | Trang | Nội dung thay đổi |" if vi else "| Date | Pages | Summary |", "|---|---|---|"]
    for commit, names in rows:
        bases = list(dict.fromkeys(by_src[name].base_uri for name in names))
        links = [_link(here, pages.get(base) or by_src[base]) if (pages.get(base) or base in by_src)
                 else f"`{base}`" for base in bases[:MAX_PAGES_PER_CHANGE]]
        more = len(bases) - MAX_PAGES_PER_CHANGE
        if more > 0:
            links.append(f"và {more} trang khác" if vi else f"and {more} more")
        out.append(f"| {format_date(commit.local_date, lang)} | {', '.join(links)} | "
                   f"{_cell(html.escape(commit.subject, quote=False))} |")  # a subject is text, not markup
    if ctx.history.shallow:
        out.extend(["", "_Bản sao git rút gọn (shallow clone): chỉ có phần lịch sử gần nhất._" if vi else
                    "_Shallow git clone: only the most recent history is available._"])
    return "\n".join(out) + "\n"
