"""Model documents: the documents a unit produces under Chapter III of the
Law (plans, notices, minutes, resolutions, ballots, the People's Inspection
Board's papers...), each written once in Markdown under ``docs/mau-van-ban/``
and published as a Word file in the layout of Nghị định 30/2020/NĐ-CP, as an
HTML form on its page (both languages) and in the printed handbook.

    from handbook.models import parse, docx_bytes, html_form

    model, problems = parse("docs/mau-van-ban/x.md", text)   # problems: ContentError, file:line and fix
    data = docx_bytes(model)                                 # the .docx, same bytes for the same model
    html = html_form(model, "vi")                            # the page's form, every text escaped

``steps.py`` holds the build steps (hooks/pipeline.py calls them), ``links.py``
the checklist items' links back to the models. Design notes: README.md.
"""
from handbook.models.docx_writer import docx_bytes
from handbook.models.html_form import html_form
from handbook.models.model import FOLDER, Model, collect, is_model, load, parse

__all__ = ["FOLDER", "Model", "collect", "is_model", "load", "parse", "docx_bytes", "html_form"]
