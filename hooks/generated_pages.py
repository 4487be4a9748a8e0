"""Hook: fill pages whose front matter says ``generate: <kind>``.

Generators register themselves in ``handbook.generated.REGISTRY`` when their
capability's hook module is imported (hooks listed in mkdocs.yml).
"""
from pathlib import Path

from adapter import current_language, editor_errors, repo_root
from handbook import generated, sources


def on_page_markdown(markdown, page, config, files):
    spec = page.meta.get("generate")
    if not spec:
        return markdown
    with editor_errors():
        all_sources = sources.load(config.docs_dir, repo_root(config))
        this = sources.read(Path(config.docs_dir), Path(page.file.abs_src_path), repo_root(config))

        def request(argument):
            return generated.Request(this, current_language(config), argument, all_sources,
                                     {"config": config, "files": files, "page": page})

        return markdown.rstrip() + "\n\n" + generated.render(spec, request) + "\n"
