"""Hook: content is data, never code — checked by the build itself, whatever
the linter saw (``make lint`` reports the same problems earlier, with lines).

- on_config: no symbolic link in the folders the build reads (docs/,
  includes/, data/, overrides/): a link could publish any file of the machine.
- on_files: front-matter fields are plain text (they reach the navigation,
  titles and footers of every page, where templates do not escape them).
- on_page_markdown: no list or quotation nested deeper than Markdown's
  converter can take (it would run out of recursion after a minute);
- on_page_content: each page's converted content — Markdown, raw HTML,
  snippets, what hooks generated from content — stays within the allowlist
  of ``handbook/htmlpolicy.py``; the notices above it too.
- on_post_build: every problem found, all at once, fails the build.

The finished site gets a last, template-wide scan in hooks/csp.py.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import current_language, editor_errors, repo_root, site_sources
from handbook import memo, safety, tree
from handbook.errors import ContentErrors

_found: dict = {}


@memo.per_sources
def _by_src_uri(all_sources):
    return {source.src_uri: source for source in all_sources}


def on_config(config):
    _found.clear()
    with editor_errors():
        errors = tree.symlink_errors(repo_root(config))
        if errors:
            raise ContentErrors(errors)
    return config


def on_files(files, config):
    with editor_errors():
        errors = safety.front_matter_markup(site_sources(config))
        if errors:
            raise ContentErrors(errors)
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.abs_src_path is not None:
        source = _by_src_uri(site_sources(config)).get(page.file.src_uri)
        if source is not None:
            with editor_errors():
                errors = tree.nesting_errors(source.path, source.text.split("\n"))
                if errors:
                    raise ContentErrors(errors)
    return markdown


@event_priority(-50)  # after generated blocks are put in place (100), before search reads the page
def on_page_content(html, page, config, files):
    if page.file.abs_src_path is not None:
        shown = Path(page.file.abs_src_path).relative_to(repo_root(config)).as_posix() \
            if Path(page.file.abs_src_path).is_relative_to(repo_root(config)) else page.file.src_uri
        problems = safety.content_problems(shown, html)
        for notice in page.meta.get("notices") or []:
            problems += safety.content_problems(shown, str(notice.get("html", "")))
        if problems:
            _found[(current_language(config), shown)] = problems
    return html


@event_priority(50)  # before mkdocs-static-i18n (-100) builds the other languages
def on_post_build(config):
    problems = [problem for _key, found in sorted(_found.items()) for problem in found]
    _found.clear()
    if problems:
        with editor_errors():
            raise ContentErrors(safety.summarise(problems))



