"""YAML read with the line of every value, for errors that name file:line.

The project's strict loader (``handbook.content.yamltext``) gives values but
not where each one is. The holiday files need both: a day off on a weekend is
reported at its own line. Here scalars stay text (dates are parsed by
``handbook.plan.dates``, which says what is impossible), integers, booleans
and null are converted, and a repeated key is an error (YAML would silently
keep the last one).
"""
from __future__ import annotations

import yaml

from handbook.errors import ContentError

_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


class Lines(dict):
    """path tuple -> 1-based line. ``lines.at(("days_off", 0, "date"))`` falls
    back to the nearest enclosing value that has a line."""

    def at(self, path: tuple) -> int | None:
        path = tuple(path)
        while path:
            if path in self:
                return self[path]
            path = path[:-1]
        return self.get((), None)


def load(text: str, path: str) -> tuple[object, Lines]:
    """(data, lines) of ``text``; a ContentError (rule data-yaml) with the
    line when it is not YAML or repeats a key."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(
            path, mark.line + 1 if mark is not None else None, "data-yaml",
            f"Tệp không đúng cú pháp YAML: {problem}.",
            f"The file is not valid YAML: {problem}.",
            "Kiểm tra thụt lề (2 dấu cách), dấu hai chấm sau tên trường và dấu nháy.",
            "Check the indentation (2 spaces), the colon after each key and the quotes.") from None
    lines = Lines()
    if node is None:
        return None, lines
    return _convert(node, (), lines, path), lines


def _convert(node, here: tuple, lines: Lines, path: str):
    lines[here] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, here + ("<key>",), lines, path)
            if not isinstance(key, (str, int, bool)) and key is not None:
                key = str(key)
            if key in out:
                raise ContentError(
                    path, key_node.start_mark.line + 1, "data-yaml",
                    f"Trường «{key}» bị lặp lại trong cùng một mục.",
                    f"The key “{key}” appears twice in the same entry.",
                    "Giữ một dòng, xóa dòng kia.", "Keep one of the two lines.")
            out[key] = _convert(value_node, here + (key,), lines, path)
        lines.pop(here + ("<key>",), None)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, here + (i,), lines, path) for i, child in enumerate(node.value)]
    if node.tag == _INT:
        try:
            return int(node.value, 0)
        except ValueError:
            return node.value
    if node.tag == _BOOL:
        return node.value.lower() in ("true", "yes", "on")
    if node.tag == _NULL:
        return None
    return node.value
