"""YAML that remembers where every value came from.

Rule files are written by people; when one is wrong the error must name the file, line and
column. PyYAML's composer knows the position of every node; this loader keeps it: strings
become `LocStr` (a str with .line, .column and .style), mappings `LocDict` and sequences
`LocList`, each with the position of its first character (1-based).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

# PyYAML and the loader built on it, set up by the first `load`: a rule set loaded from the cache
# holds LocStr values but reads no YAML, and `coder code` then starts without PyYAML's import.
yaml: ModuleType | Any = None
_Loader: Any = None


class LocStr(str):
    """A string with its position in the YAML source."""

    line: int
    column: int
    style: str | None

    def content_column(self) -> int:
        """Column of the string's first character: after the opening quote, if any."""
        return self.column + (1 if self.style in ("'", '"') else 0)


class LocDict(dict):
    """A mapping with its position, and the position of each value (`where[key]`)."""

    line: int
    column: int
    where: dict


class LocList(list):
    """A sequence with its position."""

    line: int
    column: int


def _mark(obj, node):
    obj.line = node.start_mark.line + 1
    obj.column = node.start_mark.column + 1
    return obj


def _setup() -> None:
    global yaml, _Loader
    import yaml as module

    # the C loader is much faster for large rule sets and keeps the same marks
    base = getattr(module, "CSafeLoader", None) or module.SafeLoader

    class Loader(base):
        pass

    Loader.add_constructor("tag:yaml.org,2002:str", _str)
    Loader.add_constructor("tag:yaml.org,2002:map", _map)
    Loader.add_constructor("tag:yaml.org,2002:seq", _seq)
    yaml, _Loader = module, Loader


def _str(loader, node):
    s = LocStr(loader.construct_scalar(node))
    s.style = node.style
    return _mark(s, node)


def _map(loader, node):
    d = _mark(LocDict(), node)
    d.where = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        _unique(d, key, key_node)
        d[key] = loader.construct_object(value_node, deep=True)
        d.where[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
    return d


def _seq(loader, node):
    return _mark(LocList(loader.construct_sequence(node, deep=True)), node)


class YamlError(ValueError):
    """A file that is not valid YAML; `line` and `column` are 1-based."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _build(loader, node):
    """What `loader.construct_document(node)` gives, built directly for the three common kinds.

    PyYAML's generic construction (a dispatch, a memo and a recursion check per node) was half
    of the time spent reading the rule files, the C parser the other half. Strings, lists and
    mappings are built here by the same functions as the constructors above; any other node
    (numbers, booleans, null, explicit tags, merge keys) goes through PyYAML as before. A node
    reached twice through an alias is built twice, which nothing here can tell from sharing it.
    """
    tag = node.tag
    if tag == _STR and isinstance(node, yaml.ScalarNode):
        s = LocStr(node.value)
        s.style = node.style
        return _mark(s, node)
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return _mark(LocList([_build(loader, child) for child in node.value]), node)
    if tag == _MAP and isinstance(node, yaml.MappingNode) and not any(
            k.tag == "tag:yaml.org,2002:merge" for k, _ in node.value):
        d = _mark(LocDict(), node)
        where = d.where = {}
        for key_node, value_node in node.value:
            key = _build(loader, key_node)
            _unique(d, key, key_node)
            d[key] = _build(loader, value_node)
            where[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return d
    return loader.construct_object(node, deep=True)


def _unique(d: LocDict, key, key_node) -> None:
    """A key given twice in one mapping is an error (PyYAML would keep the last silently): a rule
    that lost its `- id:` line merges into the one before it, and its patterns replace those."""
    if key in d:
        first = next(k for k in d if k == key)
        at = f" (first at line {first.line})" if isinstance(first, LocStr) else ""
        raise YamlError(f"duplicate key '{key}'{at}", key_node.start_mark.line + 1, key_node.start_mark.column + 1)


def load(text: str):
    """Parse one YAML document with positions, or raise YamlError."""
    if _Loader is None:
        _setup()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(loader, node)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = " ".join(x for x in (e.context, e.problem) if x) or str(e)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlError(message, line, col) from None
    except yaml.YAMLError as e:
        raise YamlError(str(e), 1, 1) from None
    finally:
        loader.dispose()
