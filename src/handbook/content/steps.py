"""Build steps of the content capability (hooks/pipeline.py calls them in
order): readable anchors, front matter checked before anything is rendered,
and content that stays data — never code — checked by the build itself,
whatever the linter saw."""
from __future__ import annotations

from handbook.content import safety, schema, tree
from handbook.content.vietnamese import slugify
from handbook.errors import ContentErrors


def configure_anchors(config) -> None:
    """Vietnamese headings get readable ASCII anchors (``#dieu-51-...``)."""
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify


def refuse_symlinks(build) -> None:
    """No symbolic link in the folders the build reads (docs/, includes/,
    data/, overrides/): a link could publish any file of the machine."""
    errors = tree.symlink_errors(build.root)
    if errors:
        raise ContentErrors(errors)


def check_front_matter(build) -> None:
    """Front matter is plain text (it reaches navigation, titles and footers,
    where templates do not escape it) and follows its page type's schema; all
    problems at once."""
    errors = build.once("front-matter-markup", lambda: safety.front_matter_markup(build.sources))
    if errors:
        raise ContentErrors(errors)
    errors = build.once("schema", lambda: schema.check_site(build.sources))
    if errors:
        raise ContentErrors(errors)


def refuse_deep_nesting(build, page) -> None:
    """No list or quotation nested deeper than Markdown's converter can take."""
    source = build.once("by-src-uri", lambda: {s.src_uri: s for s in build.sources}).get(page.file.src_uri)
    if source is not None:
        errors = tree.nesting_errors(source.path, source.text.split("\n"))
        if errors:
            raise ContentErrors(errors)


def check_page_content(build, html: str, page) -> None:
    """Each converted page — Markdown, raw HTML, snippets, what steps
    generated from content — and its notices stay within the allowlist."""
    shown = build.shown(page.file.abs_src_path)
    problems = safety.content_problems(shown, html)
    for notice in page.meta.get("notices") or []:
        problems += safety.content_problems(shown, str(notice.get("html", "")))
    if problems:
        build.problems[(build.lang, shown)] = problems


def report_content_problems(build) -> None:
    """Every problem the pages of this language showed, at once."""
    problems = [problem for _key, found in sorted(build.problems.items()) for problem in found]
    build.problems.clear()
    if problems:
        raise ContentErrors(safety.summarise(problems))
