"""Build steps of the model documents (hooks/pipeline.py calls them in order).

- ``collection`` (on_files): every model read and checked once per build; a
  malformed model stops the build with file:line and fix, as `make lint`
  does (``handbook.lint.models``).
- ``model_page`` (on_page_markdown): a model's page, in either language,
  shows the document as an HTML form with the link to its Word file, which
  is written beside the page's HTML (made once per build, kept in the build
  cache by the model's text and the code that makes it).
- ``models_index`` (``generate: models-index``): the list of models.
"""
from __future__ import annotations

import functools
from pathlib import Path

from handbook.build.cache import code_version
from handbook.checklists import nav_order
from handbook.content.sources import for_language, split_language
from handbook.models import page as model_page_html
from handbook.models.docx_writer import docx_bytes
from handbook.models.model import Model, collect, is_model
from handbook.pages import generated


def collection(build) -> dict[str, Model]:
    """Every model by docs path (ContentErrors: every problem of every model)."""
    return build.once("models", lambda: collect(build.sources))


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """The package's modules and the libraries that write the file: a new
    version of any makes new Word files."""
    import docx
    import lxml

    folder = Path(__file__).resolve().parent
    return code_version(*sorted(folder.glob("*.py")), docx.__version__, lxml.__version__)


def docx_file(build, model: Model) -> bytes:
    """The model's Word file, made once per build (both languages offer it)
    and kept in the build cache by what it is made from."""
    def make():
        text = next(s.text for s in build.sources if s.lang == "vi" and s.base_uri == model.base_uri)
        return build.cache.bytes("docx", (_code_version(), model.base_uri, text), lambda: docx_bytes(model))
    return build.once(("docx", model.base_uri), make)


def model_page(build, markdown: str, page) -> str:
    """A model's page: the form and the Word file beside the page's HTML."""
    _, base_uri = split_language(page.file.src_uri)
    if not is_model(base_uri):
        return markdown
    model = collection(build)[base_uri]
    data = docx_file(build, model)
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / model.docx_name).write_bytes(data)
    page.meta["model_document"] = True  # overrides/main.html loads mau.css on this page
    slots = build.slots.setdefault(page.file.src_uri, generated.Slots())
    href = model_page_html.docx_href(base_uri, model, build.config.use_directory_urls)
    return model_page_html.page_markdown(markdown, model, build.lang, href, len(data), slots.place)


def models_index(request: generated.Request) -> str:
    """``generate: models-index``: the models by chapter, with their Word files."""
    page = request.extra.get("page")
    if page is not None:
        page.meta["model_document"] = True  # overrides/main.html loads mau.css on this page
    build = request.extra.get("build")
    models = collection(build) if build is not None else collect(request.sources)
    config = request.extra.get("config") or {}
    pages = for_language(request.sources, request.lang)
    titles = {uri: str(source.meta.get("title") or "") for uri, source in pages.items()}
    numbers = {uri: str(source.meta["number"]) for uri, source in pages.items()
               if uri.startswith("van-ban/") and source.meta.get("number")}
    return model_page_html.index_markdown(list(models.values()), request.lang, request.source.base_uri, titles,
                                          numbers, nav_order(config.get("nav")),
                                          config.get("use_directory_urls", True))
