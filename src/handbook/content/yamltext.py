"""YAML text (front matter, checklist items, data files) parsed strictly,
with libyaml when present.

PyYAML's pure-Python loader was a tenth of a large build's time; the C loader
gives the same data and the same error positions. Two things YAML lets pass
silently are errors here, with the line: a key written twice (the second
silently won), and a date that does not exist (``2026-02-30`` raised a bare
``ValueError`` with no position).
"""
from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_BASE):
    """The safe loader, refusing duplicate keys and impossible dates."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _value in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: the base class reports it
                    continue
                if first is not None:
                    raise ConstructorError(
                        f"while reading the mapping started on line {node.start_mark.line + 1}", node.start_mark,
                        f"duplicate key '{key}' (first on line {first.line + 1})", key_node.start_mark)
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise ConstructorError(None, None, f"impossible date '{node.value}' ({exc})",
                                   node.start_mark) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)
StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)

LOADER = StrictLoader


def load(text: str):
    return yaml.load(text, Loader=LOADER)


def is_duplicate_key(problem: str) -> bool:
    return problem.startswith("duplicate key")


def is_impossible_date(problem: str) -> bool:
    return problem.startswith("impossible date")
