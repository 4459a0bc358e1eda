"""The one way mlpath reads and writes YAML: safe loader and dumper, the expanded size bounded.

A document is composed first and its nodes counted as the loaded data would hold them
(an alias counts every time it is used), so an alias bomb is refused before it is built. A key
given twice in one mapping is an error, not a silent "the last one wins".
"""

from __future__ import annotations

from typing import Any

import yaml

from mlpath.numbers import MAX_DIGITS, TooLongError

INT_TAG = "tag:yaml.org,2002:int"
MAX_NODES = 100_000
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooLargeError(yaml.YAMLError):
    def __str__(self) -> str:
        return f"the document expands to more than {MAX_NODES:,} values (too many aliases or items)"


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping holds the same key twice; `key` is it, `problem_mark` where it comes again."""

    def __init__(self, key: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__(problem=f"the key {key!r} is given twice (first on line {first.line + 1})", problem_mark=again)
        self.key = key


class NumberTooLongError(TooLargeError):
    """An integer with more digits than any answer or figure takes (past 4,300, int() fails)."""

    def __init__(self, node: yaml.ScalarNode) -> None:
        super().__init__()
        self.problem = str(TooLongError(_digits(node.value)))
        self.problem_mark = node.start_mark

    def __str__(self) -> str:
        return self.problem


def load(text: str) -> Any:
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def dump(document: Any) -> str:
    """A document as block-style YAML, keys in their order, Unicode kept (the safe dumper only)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def describe(error: yaml.YAMLError) -> tuple[int | None, int | None, str]:
    """(line, column, one-line reason) for any YAML error; lines and columns are 1-based."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or getattr(error, "context", None)
    if isinstance(error, yaml.reader.ReaderError):
        reason = f"unacceptable character #x{error.character:04x} at position {error.position}"
    text = " ".join(str(reason or error).split())
    if mark is None:
        return None, None, text
    return mark.line + 1, mark.column + 1, text


def compose(text: str) -> Any:
    """The node tree (with line marks) of a document, for locating problems."""
    return yaml.compose(text, Loader=LOADER)


def _check_size(root: yaml.Node) -> None:
    budget = MAX_NODES
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        budget -= 1
        if budget < 0:
            raise TooLargeError
        if isinstance(node, yaml.MappingNode):
            _check_unique(node)
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG and _digits(node.value) > MAX_DIGITS:
            raise NumberTooLongError(node)


def _check_unique(node: yaml.MappingNode) -> None:
    seen: dict[tuple[str, str], yaml.Mark] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        name = (key.tag, key.value)
        if name in seen:
            raise DuplicateKeyError(key.value, seen[name], key.start_mark)
        seen[name] = key.start_mark


def _digits(scalar: str) -> int:
    return len(scalar.lstrip("+-").replace("_", ""))
