"""The one way mlpath reads and writes YAML: the safe loader and dumper, what a document expands
to bounded, and every key once.

A document is composed first and measured as the loaded data would hold it, an alias counted
every time it is used: at most MAX_NODES values and twice the text's characters (plus 10,000)
of scalars. So an alias bomb is refused before it is built, whatever reads it (content, an
answers file, the plan), as a TooLargeError (not a YAMLError). A key given twice in one mapping is an
error, not a silent "the last one wins"; an integer longer than any answer or figure is refused.
"""

from __future__ import annotations

from typing import Any

import yaml

from mlpath.io.files import TooLargeError as TooLargeError  # refusals past the bounds, as for files
from mlpath.text import MAX_DIGITS, TooLongError

INT_TAG = "tag:yaml.org,2002:int"
MAX_NODES = 100_000
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
YAMLError = yaml.YAMLError
EXPANDS = "the document expands to far more than it holds (too many aliases or items)"


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping holds the same key twice; `key` is it, `problem_mark` where it comes again."""

    def __init__(self, key: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__(problem=f"the key {key!r} is given twice (first on line {first.line + 1})", problem_mark=again)
        self.key = key


class NumberTooLongError(TooLargeError):
    """An integer with more digits than any answer or figure takes (past 4,300, int() fails)."""

    def __init__(self, node: yaml.ScalarNode) -> None:
        self.problem = str(TooLongError(_digits(node.value)))
        super().__init__(self.problem)
        self.problem_mark = node.start_mark


def load(text: str) -> Any:
    """The data of one YAML document (None when it holds none); YAMLError or TooLargeError."""
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check(node, 2 * len(text) + 10_000)  # room for the few aliases people write
        return loader.construct_document(node)
    finally:
        loader.dispose()


def compose(text: str) -> Any:
    """The node tree (with line marks) of a document, for locating problems."""
    return yaml.compose(text, Loader=LOADER)


def line_of(root: Any, location: tuple[Any, ...]) -> int:
    """The 1-based line of the node at `location` (keys and indexes) under `root`, or of its
    nearest existing parent; 1 for an empty document."""
    if root is None:
        return 1
    node, line = root, root.start_mark.line + 1
    for key in location:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return int(line)


def dump(document: Any) -> str:
    """A document as block-style YAML, keys in their order, Unicode kept (the safe dumper only)."""
    return str(yaml.dump(document, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100))


def describe(error: Exception) -> tuple[int | None, int | None, str]:
    """(line, column, one-line reason) for any error of `load`; lines and columns are 1-based."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or getattr(error, "context", None)
    if isinstance(error, yaml.reader.ReaderError):
        reason = f"unacceptable character #x{error.character:04x} at position {error.position}"
    text = " ".join(str(reason or error).split())
    if mark is None:
        return None, None, text
    return mark.line + 1, mark.column + 1, text


def _check(root: yaml.Node, characters: int) -> None:
    nodes = MAX_NODES
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        nodes -= 1
        if nodes < 0:
            raise TooLargeError(EXPANDS)
        if isinstance(node, yaml.MappingNode):
            seen: dict[tuple[str, str], yaml.Mark] = {}  # each key's first place (a merge key may recur)
            for key, value in node.value:
                stack.extend((key, value))
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if (key.tag, key.value) in seen:
                        raise DuplicateKeyError(key.value, seen[key.tag, key.value], key.start_mark)
                    seen[key.tag, key.value] = key.start_mark
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.ScalarNode):
            characters -= len(node.value)
            if characters < 0:
                raise TooLargeError(EXPANDS)
            if node.tag == INT_TAG and _digits(node.value) > MAX_DIGITS:
                raise NumberTooLongError(node)


def _digits(scalar: str) -> int:
    return len(scalar.lstrip("+-").replace("_", ""))
