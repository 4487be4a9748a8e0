"""Hook: last-updated dates, review and translation notices, edit links, and
the editors' generated pages (review-status, translation-status, recent-changes).

Git is asked once per build (one ``git log`` over docs/), not once per page
nor once per language.
"""
from adapter import current_language, site_sources
from handbook import editorial, history, notices, sources
from handbook.sources import split_language


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # the English build inside the Vietnamese one: same history, same day
    template = (config.extra or {}).get("edit_url_template")
    editorial.CURRENT = editorial.Context(
        history=history.read_history(config.docs_dir),
        today=history.today(),
        sources=site_sources(config),
        edit_url_template=template,
    )


def on_page_markdown(markdown, page, config, files):
    if page.file.abs_src_path is None:
        return markdown
    ctx = editorial.CURRENT
    lang = current_language(config)
    src_uri = page.file.src_uri
    file_lang, base = split_language(src_uri)
    meta = editorial.merged_meta(ctx.originals().get(base), page.meta)  # translations inherit
    updated = history.last_updated(ctx.history, src_uri, page.file.abs_src_path)
    page.meta["page_facts"] = editorial.page_facts(lang, src_uri, meta, updated, ctx.today,
                                                   ctx.edit_url_template)
    notice = editorial.review_notice(lang, meta, ctx.today)
    if notice:
        notices.add(page.meta, *notice)
    if file_lang != sources.DEFAULT_LANGUAGE:
        status = ctx.translations().get(base)
        original_url = base[:-3] + "/" if base.endswith(".md") else base
        if original_url.endswith("index/"):
            original_url = original_url[: -len("index/")]
        notice = editorial.translation_notice(status, editorial.relative_url(page.url, original_url))
        if notice:
            notices.add(page.meta, *notice)
    return markdown
