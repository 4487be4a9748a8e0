"""Reading a model file: front matter (YAML) with the line of every key, and
the two parts of the body.

A model file is an ordinary handbook page (``docs/mau-van-ban/<name>.md``):

    ---                      front matter: page data + heading-block data
    ...                      (``model:``) + fields (``fields:``)
    ---
    # Title of the page      page notes: full Markdown, rendered by the site
    ...                      (what the model is for, legal basis, checklist
                             items it serves)
    ## Văn bản mẫu           this exact heading starts the document body:
    ...                      the small Markdown subset of ``markdown.py``,
                             up to the end of the file

Line numbers are those of the file (1 = the first ``---``), so every error
names the line an editor sees. The text is taken as the build read it
(``handbook.content.sources``); decomposed letters are the ``nfc`` rule's
(``make fix``), so here the text is only normalised: the Word file is NFC
whatever the source.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from handbook.content import yamltext
from handbook.errors import ContentError

# The heading that separates the page notes from the document body. Fixed text,
# so the site, the generator and editors agree on where the document begins.
BODY_HEADING = "Văn bản mẫu"
_BODY_HEADING_LINE = re.compile(r"^##\s+" + re.escape(BODY_HEADING) + r"\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass
class ModelFile:
    path: str
    text: str
    meta: dict
    lines_of: dict[tuple, int]          # key path in the front matter -> line of the key
    notes: str                          # page notes (Markdown), without the front matter
    notes_line: int                     # file line of the first line of ``notes``
    body: str                           # document body (after the BODY_HEADING line)
    body_line: int                      # file line of the first line of ``body``
    heading_line: int | None            # line of the BODY_HEADING line (None: missing)
    errors: list[ContentError] = field(default_factory=list)
    meta_ok: bool = True                # False: the front matter could not be read

    def line(self, *path, default: int = 1) -> int:
        """Line of a front-matter key (``line("model", "issuer")``), falling back
        to its nearest enclosing key, then to ``default``."""
        while path:
            if path in self.lines_of:
                return self.lines_of[path]
            path = path[:-1]
        return default


def _lines_of(node, prefix: tuple, out: dict) -> None:
    """Record the line of every mapping key and sequence item (1-based)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = prefix + (key.value,)
            out[path] = key.start_mark.line + 1
            _lines_of(value, path, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[prefix + (index,)] = item.start_mark.line + 1
            _lines_of(item, prefix + (index,), out)


def _front_matter_error(path: str, line: int, problem: str) -> ContentError:
    return ContentError(
        path, line, "model-front-matter",
        f"Front matter không đọc được (YAML): {problem}.",
        f"The front matter is not valid YAML: {problem}.",
        "Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc; đặt giá trị có ':' hoặc '{{' trong ngoặc kép.",
        "Check colons, indentation and brackets; quote values containing ':' or '{{'.")


def read(path: str, text: str) -> ModelFile:
    """Split a model file into front matter and the two body parts. Problems
    of the file's shape are collected in ``ModelFile.errors`` (never raised),
    so the caller reports them together with the model's own problems."""
    errors: list[ContentError] = []
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    lines = text.split("\n")
    meta: dict = {}
    lines_of: dict[tuple, int] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            errors.append(ContentError(
                path, 1, "model-front-matter",
                "Khối front matter mở bằng '---' nhưng không có dòng '---' đóng lại.",
                "The front matter opens with '---' but is never closed.",
                "Thêm một dòng '---' sau trường cuối cùng của front matter.",
                "Add a '---' line after the last front-matter field."))
            end = 0
        else:
            block = "\n".join(lines[1:end])
            node = None
            try:
                loader = yamltext.LOADER(block)
                try:
                    node = loader.get_single_node()
                    meta = loader.construct_document(node) if node is not None else {}
                finally:
                    loader.dispose()
            except yaml.YAMLError as exc:
                # the context mark is where the broken construct starts (an
                # unclosed bracket), the problem mark where YAML gave up
                mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
                errors.append(_front_matter_error(path, mark.line + 2 if mark is not None else 1,
                                                  str(getattr(exc, "problem", None) or exc)))
                meta, node = {}, None
            if node is not None:
                _lines_of(node, (), lines_of)
                lines_of = {k: v + 1 for k, v in lines_of.items()}  # the block starts on file line 2
            if not isinstance(meta, dict):
                errors.append(ContentError(
                    path, 2, "model-front-matter",
                    "Front matter phải là các dòng 'tên: giá trị'.",
                    "The front matter must be 'name: value' lines.",
                    "Viết mỗi trường trên một dòng dạng 'tên: giá trị'.", "Write one 'name: value' per line."))
                meta = {}
            start = end + 1
    heading = None
    in_fence = None
    for index in range(start, len(lines)):
        fence = _FENCE.match(lines[index])
        if fence:
            marker = fence.group(1)[0]
            in_fence = None if in_fence == marker else (in_fence or marker)
            continue
        if in_fence is None and _BODY_HEADING_LINE.match(lines[index]):
            heading = index
            break
    if heading is None:
        notes, body = "\n".join(lines[start:]), ""
        body_line, heading_line = len(lines) + 1, None
    else:
        notes, body = "\n".join(lines[start:heading]), "\n".join(lines[heading + 1:])
        body_line, heading_line = heading + 2, heading + 1
    meta_ok = not errors
    return ModelFile(path, text, meta, lines_of, notes, start + 1, body, body_line, heading_line, errors, meta_ok)


def split_body(markdown: str) -> tuple[str, str | None]:
    """A page's Markdown as (notes up to and including the '## Văn bản mẫu'
    line, the document body), or (markdown, None) without that heading. Used
    on the Markdown MkDocs hands to the build (front matter already removed)."""
    found = read("", markdown)
    if found.heading_line is None:
        return markdown, None
    lines = found.text.split("\n")
    return "\n".join(lines[:found.heading_line]), found.body
