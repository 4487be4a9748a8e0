"""The pages a web server answers with when there is no page: a "not found"
page per language, and the handbook's own page for every other error.

MkDocs renders ``404.html`` once per build into the site root, and
mkdocs-static-i18n runs one build per language into the same folder, so the
last language built overwrote the Vietnamese page and ``/en/404.html`` never
existed. The build keeps each language's rendering and writes it where the
server looks for it (``404.html``, ``en/404.html``). The other errors (bad
request, forbidden, method not allowed, server errors) get a small bilingual
page (``errors/<status>.html``) instead of nginx's own.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from handbook.content.sources import DEFAULT_LANGUAGE

NOT_FOUND = "404.html"

def not_found_path(language: str, default: str = DEFAULT_LANGUAGE) -> str:
    """Site-relative path of a language's "not found" page."""
    return NOT_FOUND if language == default else f"{language}/{NOT_FOUND}"


_SWITCH_LINK = re.compile(r'(<a href=")[^"]*(" hreflang="([A-Za-z-]+)" class="md-select__link")')


def language_home(language: str, default: str = DEFAULT_LANGUAGE) -> str:
    return "/" if language == default else f"/{language}/"


def switch_to_home_pages(page_html: str, default: str = DEFAULT_LANGUAGE) -> str:
    """Point the language switcher of a "not found" page at each language's
    home page (there is no counterpart of a page that does not exist; left
    alone, the links lead to whatever page was rendered last)."""
    return _SWITCH_LINK.sub(lambda m: m.group(1) + language_home(m.group(3), default) + m.group(2),
                            page_html)


def write_not_found_pages(site_dir: Path, pages: dict[str, str],
                          default: str = DEFAULT_LANGUAGE) -> list[Path]:
    """Write each language's rendered 404 page to its own path."""
    written = []
    for language, html in sorted(pages.items()):
        target = Path(site_dir) / not_found_path(language, default)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written.append(target)
    return written


# Status -> (Vietnamese title and explanation, English title and explanation).
ERRORS = {
    400: ("Yêu cầu không hợp lệ", "Trình duyệt gửi một yêu cầu máy chủ không hiểu được.",
          "Bad request", "The browser sent a request the server could not understand."),
    403: ("Không được phép truy cập", "Địa chỉ này không dành cho người đọc.",
          "Forbidden", "This address is not open to readers."),
    405: ("Thao tác không được hỗ trợ", "Cẩm nang chỉ cho phép đọc và tải tệp.",
          "Method not allowed", "The handbook can only be read and downloaded."),
    413: ("Yêu cầu quá lớn", "Máy chủ không nhận yêu cầu lớn như vậy.",
          "Request too large", "The server does not accept a request this large."),
    414: ("Địa chỉ quá dài", "Địa chỉ trang quá dài; hãy kiểm tra lại đường dẫn.",
          "Address too long", "The address is too long; check the link."),
    500: ("Lỗi máy chủ", "Máy chủ gặp lỗi khi trả lời; hãy thử lại sau ít phút.",
          "Server error", "The server failed to answer; try again in a few minutes."),
    502: ("Lỗi máy chủ trung gian", "Máy chủ trung gian không nhận được trả lời; hãy thử lại sau ít phút.",
          "Bad gateway", "A server in between got no answer; try again in a few minutes."),
    503: ("Tạm thời không phục vụ", "Cẩm nang đang được bảo trì; hãy thử lại sau ít phút.",
          "Service unavailable", "The handbook is being maintained; try again in a few minutes."),
    504: ("Hết thời gian chờ", "Máy chủ trung gian chờ quá lâu; hãy thử lại sau ít phút.",
          "Gateway timeout", "A server in between waited too long; try again in a few minutes."),
}
ERRORS_FOLDER = "errors"


def error_page(status: int, site_name: str) -> str:
    """A small self-contained page (no script, no style: any address may
    answer with it) in Vietnamese, then English."""
    vi_title, vi_text, en_title, en_text = ERRORS[status]
    name = html.escape(site_name)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{status} {html.escape(vi_title)} - {name}</title>\n</head>\n<body>\n"
        f"<main>\n<h1>{html.escape(vi_title)} ({status})</h1>\n<p>{html.escape(vi_text)} "
        '<a href="/">Về trang chủ</a>.</p>\n'
        f'<section lang="en">\n<h2>{html.escape(en_title)} ({status})</h2>\n<p>{html.escape(en_text)} '
        '<a href="/en/">Go to the home page</a>.</p>\n</section>\n</main>\n</body>\n</html>\n')


def write_error_pages(site_dir: Path, site_name: str) -> list[Path]:
    folder = Path(site_dir) / ERRORS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for status in ERRORS:
        target = folder / f"{status}.html"
        target.write_text(error_page(status, site_name), encoding="utf-8")
        written.append(target)
    return written
