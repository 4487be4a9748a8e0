"""Hook: fill pages whose front matter says ``generate: <kind>``.

Generators register themselves in ``handbook.generated.REGISTRY`` when their
capability's hook module is imported (hooks listed in mkdocs.yml).
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from adapter import current_language, editor_errors, repo_root, site_sources
from handbook import generated, sources


# page -> HTML blocks its generator handed over, put in place once converted
_slots: dict = {}


def on_page_markdown(markdown, page, config, files):
    spec = page.meta.get("generate")
    if not spec:
        return markdown
    with editor_errors():
        all_sources = site_sources(config)
        this = sources.read(Path(config.docs_dir), Path(page.file.abs_src_path), repo_root(config))
        slots = _slots[page.file.src_uri] = generated.Slots()

        def request(argument):
            return generated.Request(this, current_language(config), argument, all_sources,
                                     {"config": config, "files": files, "page": page}, slots)

        return markdown.rstrip() + "\n\n" + generated.render(spec, request) + "\n"


@event_priority(100)  # before any other hook reads the page's HTML
def on_page_content(html, page, config, files):
    slots = _slots.pop(page.file.src_uri, None)
    return slots.fill(html) if slots is not None else html
