"""The build's own checks that content stays data (hooks/safety.py wires them):
plain-text front matter, and converted page content within the HTML
allowlist (``htmlpolicy``). Each problem is a ContentError naming the source
file; ``make lint`` finds the same ones with their line.
"""
from __future__ import annotations

from handbook.content import htmlpolicy
from handbook.errors import ContentError
from handbook.content.frontmatter import field_line
from handbook.content.sources import Source


def front_matter_markup(sources: list[Source]) -> list[ContentError]:
    errors = []
    for source in sources:
        for path, value in htmlpolicy.strings(source.meta):
            markup = htmlpolicy.markup_in_text(value)
            if markup:
                field = ".".join(path)
                errors.append(ContentError(
                    source.path, field_line(source.text, path[0]) if path else 1, "front-matter-html",
                    f"Trường '{field}' chứa mã HTML ('{markup}'): thông tin đầu trang là văn bản thuần.",
                    f"Field '{field}' holds HTML markup ('{markup}'): front matter is plain text.",
                    "Xóa thẻ HTML; viết văn bản thuần.", "Remove the markup; write plain text."))
    return errors


def content_problems(path: str, page_html: str) -> list[ContentError]:
    """What a page's converted content holds outside the allowlist."""
    if "<" not in page_html:
        return []
    errors = []
    for finding in htmlpolicy.check_html(page_html):
        vi, en = htmlpolicy.RULE_WORDS[finding.rule]
        errors.append(ContentError(
            path, None, finding.rule,
            f"Trang dựng từ tệp này chứa {vi}: {finding.detail}",
            f"The page built from this file holds {en}: {finding.detail}",
            "Chạy `make lint` để biết dòng (trong trang, trong khối ```checklist hoặc trong includes/) và "
            "xóa phần đó; nội dung chỉ dùng Markdown và các thẻ trong danh sách cho phép (CONTRIBUTING.md).",
            "Run `make lint` for the line (in the page, a ```checklist block or includes/) and remove it; "
            "content uses Markdown and the allowlist's elements only (CONTRIBUTING.md)."))
    return errors


def summarise(problems: list[ContentError], many: int = 4) -> list[ContentError]:
    """One error per problem per file; a problem found on ``many`` pages or
    more (a snippet of includes/ appended to every page, a template) is
    reported once, with how many pages it reached."""
    unique = list({(p.path, p.rule, p.message_en): p for p in problems}.values())
    by_problem: dict[tuple, list[ContentError]] = {}
    for problem in unique:
        by_problem.setdefault((problem.rule, problem.message_en), []).append(problem)
    result = []
    for group in by_problem.values():
        if len(group) < many:
            result.extend(group)
            continue
        first = group[0]
        result.append(ContentError(
            f"includes/ ({len(group)} trang / pages: {first.path}, {group[1].path}, …)", None, first.rule,
            first.message_vi + f" — trên {len(group)} trang: thường do một đoạn chèn trong includes/.",
            first.message_en + f" — on {len(group)} pages: usually a snippet in includes/.",
            first.fix_vi, first.fix_en))
    return result
