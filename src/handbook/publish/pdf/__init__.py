"""The printable handbook: one PDF per language, rendered with WeasyPrint.

Plain functions, no MkDocs: ``hooks/pdf.py`` collects the built pages in
navigation order and hands them to :func:`assemble.assemble` (one HTML
document: cover, contents, chapters) and :func:`render.render` (WeasyPrint,
written atomically, failures name the page).

This module holds the decisions shared by both: whether a build makes PDFs,
the edition date and the file names.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


FILE_STEMS = {"vi": "cam-nang-dan-chu-co-so", "en": "handbook-grassroots-democracy"}
# Pages left out of the printed handbook (base URIs, or folders ending in "/"):
# the home page (the cover and contents replace it) and the editors' pages.
EXCLUDED = ("index.md", "bien-tap/")


# Sections printed as annexes: the title of their index page is prefixed.
ANNEXES = {"mau-van-ban/index.md": {"vi": "Phụ lục: ", "en": "Annex: "}}


def annex_prefix(base_uri: str, lang: str) -> str:
    """"Phụ lục: " / "Annex: " before the title of an annex's first page, else ""."""
    words = ANNEXES.get(base_uri)
    return words.get(lang, words["vi"]) if words else ""


def excluded(base_uri: str) -> bool:
    return any(base_uri == rule or (rule.endswith("/") and base_uri.startswith(rule))
               for rule in EXCLUDED)


def edition_date(setting: dt.date | None, repo_root: Path, today: dt.date | None = None) -> dt.date:
    """The edition printed on the cover and in the file names.

    ``extra.handbook.edition`` in mkdocs.yml (a date, checked by the
    settings) is the edition: publishing a new printed edition is a
    deliberate act of the secretariat. Without it, the date of the last git
    commit; outside git, today.
    """
    if setting is not None:
        return setting
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=repo_root,
                             capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            return dt.date.fromisoformat(out.stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        pass
    return today or dt.date.today()


def file_name(lang: str, edition: dt.date) -> str:
    """``cam-nang-dan-chu-co-so-2026-11-30.pdf``, ``handbook-grassroots-democracy-2026-11-30.en.pdf``."""
    stem = FILE_STEMS.get(lang, FILE_STEMS["vi"])
    suffix = "" if lang == "vi" else f".{lang}"
    return f"{stem}-{edition.isoformat()}{suffix}.pdf"


LABELS = {
    "vi": {
        "issuer": "Ban Chỉ đạo thực hiện dân chủ ở cơ sở ngành Kiểm sát nhân dân",
        # the cover breaks it before "ngành", never inside "Kiểm sát nhân dân"
        "issuer_lines": ("Ban Chỉ đạo thực hiện dân chủ ở cơ sở", "ngành Kiểm sát nhân dân"),
        "edition": "Ấn bản ngày {date}",
        "contents": "Mục lục",
        "download": "Tải bản PDF",
        "download_title": "Tải toàn bộ cẩm nang dưới dạng PDF để in (khổ A4)",
        "home_note": "Toàn bộ cẩm nang trong một tệp PDF khổ A4, để in hoặc lưu hồ sơ (ấn bản ngày {date}).",
    },
    "en": {
        "issuer": "Steering Committee for Implementing Grassroots Democracy, People's Procuracy sector",
        "issuer_lines": ("Steering Committee for Implementing Grassroots Democracy", "People's Procuracy sector"),
        "edition": "Edition of {date}",
        "contents": "Contents",
        "download": "Download PDF",
        "download_title": "Download the whole handbook as a PDF for printing (A4)",
        "home_note": "The whole handbook in one A4 PDF file, to print or keep on file (edition of {date}).",
    },
}


def labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["vi"])


def link(lang: str, edition: dt.date, page_url: str, relative_url, home: bool = False) -> dict:
    """What templates need to offer the PDF on a page (header and home page)."""
    from handbook.content.dates import format_date

    text = labels(lang)
    return {
        "href": relative_url(file_name(lang, edition), page_url),
        "label": text["download"],
        "title": text["download_title"],
        "note": text["home_note"].format(date=format_date(edition, lang)),
        "home": home,
    }


@dataclass(frozen=True)
class Job:
    """One language's PDF, assembled and ready for WeasyPrint."""
    lang: str
    document: object   # assemble.Assembled
    target: Path
    base_url: str


def prepare(pages, lang: str, title: str, notice: str, edition: dt.date,
            site_dir: Path, fonts_dir: Path) -> Job:
    """Assemble the PDF document of one language (cheap; WeasyPrint is not run).

    ``pages``: :class:`assemble.PdfPage` in navigation order. Raises
    ContentErrors naming the pages that cannot be printed.
    """
    from handbook.content.dates import format_date
    from handbook.errors import ContentErrors
    from handbook.publish.pdf import assemble
    from handbook.publish.pdf import render

    text = labels(lang)
    page_labels = assemble.Labels(
        lang=lang, title=title, issuer=text["issuer"], issuer_lines=text["issuer_lines"],
        edition=text["edition"].format(date=format_date(edition, lang)),
        contents=text["contents"], notice=notice, date=edition.isoformat())
    try:
        document = assemble.assemble(pages, page_labels, render.stylesheet(fonts_dir), site_dir)
    except assemble.PageProblems as problems:
        raise ContentErrors([render.page_error(p.source, p.message_vi, p.message_en)
                             for p in problems.problems]) from None
    return Job(lang, document, site_dir / file_name(lang, edition),
               site_dir.resolve().as_uri() + "/")


def run(job: Job):
    """Render ``job`` (WeasyPrint); returns render.Result, raises ContentErrors."""
    from handbook.publish.pdf import render

    return render.render(job.document, job.target, job.base_url)


def _run_portable(job: Job):
    """``run`` in a worker process: errors come back as plain data (a
    ContentError does not survive pickling as an exception)."""
    from handbook.errors import ContentError, ContentErrors

    try:
        return "ok", run(job)
    except (ContentError, ContentErrors) as exc:
        errors = exc.errors if isinstance(exc, ContentErrors) else [exc]
        return "errors", [dataclasses.asdict(e) for e in errors]


class Background:
    """PDFs rendered in a worker process while the build goes on: the two
    languages' PDFs use both cores. ``wait()`` returns the results or raises
    ContentErrors with every failing page."""

    def __init__(self):
        self._pool = None
        self._futures = []

    def start(self, job: Job) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1,
                                             mp_context=multiprocessing.get_context("fork"))
        self._futures.append(self._pool.submit(_run_portable, job))

    def wait(self) -> list:
        from handbook.errors import ContentError, ContentErrors

        results, errors = [], []
        try:
            for future in self._futures:
                status, value = future.result()
                if status == "ok":
                    results.append(value)
                else:
                    errors.extend(ContentError(**e) for e in value)
        finally:
            self.close()
        if errors:
            raise ContentErrors(errors)
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._futures = None, []
