"""The record layout of a document model: which plain records and CSV rows a document makes.

Read off the model's fields and their marks (see `mlpath.model`):

- each field of the document itself is one record per value, named by the field (`source`),
  or one record per item of a list (`Each("level")`), or of an object (`verdict`);
- an object's record holds its plain values; an object without lists inside it is folded into
  the record that holds it (`compared_with_yours.percent`); lists and other objects inside a
  record make records of their own, which start with the id of the record they belong to
  (`duty<TAB>junior<TAB>...`);
- records come breadth-first: the document's own records (those marked `Lead` first), then
  the records inside those, and so on. So every type has a fixed number of fields, and
  `head` shows the main records.

The README's table of record types is generated from the same layouts.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator, Mapping
from typing import Any, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

from mlpath.model import TEXT, Apart, As, Each, Inline, Lead, Named, Pairs, Rows, Within, is_record
from mlpath.model import record_hints as _fields

Shape = Literal["value", "object", "list", "mapping", "pairs"]
M = TypeVar("M")
KEY_FIELDS = ("id", "key")  # the field that names an object, for the records inside it


class Node(NamedTuple):
    """Where one type of record comes from, and what it holds."""

    record: str  # the record type: the first field of each line ("" for an object of lists only)
    path: tuple[str, ...]  # from the object holding it to the value that makes the records
    shape: Shape
    # the values of an object record, of each item or of each mapping item: where each is inside the
    # object that makes the record, named in the README and the CSV header joined by "." (a.percent)
    columns: tuple[tuple[str, ...], ...]
    field: str  # the name of a plain item's value (a list of sentences, the value of a pair)
    key: str  # the name of a mapping's key
    parents: tuple[str, ...]  # the names of the ids that start each record (the enclosing records)
    id_field: str | None  # this object's own id field, passed on to the records inside it
    children: tuple[Node, ...]
    lead: bool
    rows: bool

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field after the record type, in order."""
        own = tuple(".".join(path) for path in self.columns) if self.columns else (self.field,)
        return (*self.parents, *((self.key,) if self.key else ()), *own)


class RecordType(NamedTuple):
    name: str
    fields: tuple[str, ...]


# --- reading the model -----------------------------------------------------------------------


def _mark(marks: tuple[Any, ...], kind: type[M]) -> M | None:
    return next((m for m in marks if isinstance(m, kind)), None)


def _unwrap(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """(the type without Annotated or None, its marks). A field written otherwise than it is
    held (`As`) has the shape it is written in."""
    marks: tuple[Any, ...] = ()
    while True:
        if hasattr(hint, "__metadata__"):  # Annotated
            marks += tuple(hint.__metadata__)
            hint = hint.__origin__
            written = _mark(marks, As)
            if written is not None:
                return (str if written.schema == TEXT else list[str]), marks
        elif get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint):
            rest = tuple(arg for arg in get_args(hint) if arg is not type(None))
            hint = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007 (built at run time)
        else:
            return hint, marks


def _is_container(hint: Any) -> bool:
    return get_origin(hint) in (list, tuple, dict)


def _object(model: Any, prefix: tuple[str, ...] = ()) -> tuple[list[tuple[str, ...]], list[tuple[str, Any]]]:
    """An object's own columns and the fields that make records of their own. An object with no
    record of its own inside it (no list, mapping or `Apart` object, at any depth) folds into its
    holder's columns."""
    columns: list[tuple[str, ...]] = []
    apart: list[tuple[str, Any]] = []
    for name, hint in _fields(model).items():
        inner, marks = _unwrap(hint)
        path = (*prefix, name)
        pairs = _mark(marks, Pairs) is not None
        if Inline in marks or not (_is_container(inner) or is_record(inner) or pairs):
            columns.append(path)
        elif is_record(inner) and not pairs and Apart not in marks and not _object(inner)[1]:
            columns.extend(_object(inner, path)[0])
        else:
            apart.append((name, hint))
    return columns, apart


def _node(name: str, hint: Any, parents: tuple[str, ...], top: bool) -> list[Node]:
    """The node(s) of one field: a field of an object of lists only gives its fields' nodes."""
    inner, marks = _unwrap(hint)
    plain = Node(name, (name,), "value", (), "value", "", parents, None, (), Lead in marks, Rows in marks)
    pairs = _mark(marks, Pairs)
    if pairs is not None:
        return [plain._replace(record=pairs.name, shape="pairs", key="key")]
    if _is_container(inner):
        each = _mark(marks, Each) or Each(name)
        mapping = get_origin(inner) is dict
        item = get_args(inner)[1 if mapping else 0]
        if mapping and get_origin(item) in (list, tuple):  # a mapping of lists: a record per item
            item = get_args(item)[0]
        key = (each.key or "key") if mapping else ""
        node = plain._replace(record=each.name, shape="mapping" if mapping else "list", field=each.field, key=key)
        return [_record_node(node, item) if is_record(item) else node]
    if is_record(inner):
        named = (_mark(marks, Named) or Named(name)).name
        node = _record_node(plain._replace(record=named, shape="object"), inner)
        within = _mark(marks, Within)
        if within is not None:
            node = node._replace(children=tuple(_prefixed(child, within.name) for child in node.children))
        if node.columns:
            return [node]
        # An object of lists and objects only makes no record itself: its fields stand in its place.
        return [child._replace(path=(name, *child.path)) for child in node.children]
    if top:
        return [plain]
    raise TypeError(f"{name}: a plain value belongs in its object's record")


def _prefixed(node: Node, prefix: str) -> Node:
    """The node with `prefix_` before its record type and those of every record inside it."""
    children = tuple(_prefixed(child, prefix) for child in node.children)
    return node._replace(record=f"{prefix}_{node.record}", children=children)


def _record_node(node: Node, model: Any) -> Node:
    """`node` made of objects of type `model`: their columns, and the records inside them."""
    columns, apart = _object(model)
    id_field = next((f for f in KEY_FIELDS if f in _fields(model)), None)
    inside = (*node.parents, node.record) if id_field else node.parents
    children = tuple(child for name, hint in apart for child in _node(name, hint, inside, top=False))
    return node._replace(columns=tuple(columns), field="", id_field=id_field, children=children)


@functools.cache
def layout(model: type) -> tuple[Node, ...]:
    """The nodes of a document model's own fields, `Lead` ones first."""
    nodes = [node for name, hint in _fields(model).items() for node in _node(name, hint, (), top=True)]
    return tuple(sorted(nodes, key=lambda node: not node.lead))


def record_types(model: type) -> list[RecordType]:
    """Every record type of a document model, in the order they come, each once."""
    found: dict[str, RecordType] = {}
    level = list(layout(model))
    while level:
        for node in level:
            if node.record not in found:
                found[node.record] = RecordType(node.record, node.fields)
            elif found[node.record].fields != node.fields:
                raise TypeError(f"{model.__name__}: two kinds of {node.record!r} record")
        level = [child for node in level for child in node.children]
    return list(found.values())


# --- laying out a document -----------------------------------------------------------------------


def text(value: Any) -> str:
    """A value as one field: numbers and true/false as JSON writes them, null as empty, lists
    comma-joined, a condition as `key=value|value key=value` (conditions joined by " or ")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return " ".join(f"{key}={'|'.join(map(text, values))}" for key, values in value.items())
    if isinstance(value, (list, tuple)):
        return (" or " if value and isinstance(value[0], Mapping) else ",").join(text(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)  # an int or a float, written as JSON writes it (57.3, 2.0)


def _get(instance: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if not isinstance(instance, Mapping):
            return None
        instance = instance.get(name)
    return instance


def _instances(node: Node, holder: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(the values that start the record after its type: mapping key or pair key, the instance)."""
    value = _get(holder, node.path)
    if node.shape == "value":
        if node.path[-1] in holder:  # a value the document may leave out (your_pay) makes no record then
            yield (), value
    elif node.shape == "object":
        if value is not None:
            yield (), value
    elif node.shape == "list":
        for item in value or ():
            yield (), item
    else:  # a mapping of lists makes a record per item; pairs, a record per key
        for key, items in (value or {}).items():
            for item in items if node.shape == "mapping" and isinstance(items, list) else (items,):
                yield (key,), item


def records(model: type, document: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    """The records of a document (dumped from a `model`), breadth-first: (record type, *values)."""
    level: list[tuple[Node, list[tuple[tuple[Any, ...], Any]]]] = [(node, [((), document)]) for node in layout(model)]
    while level:
        following: list[tuple[Node, list[tuple[tuple[Any, ...], Any]]]] = []
        for node, holders in level:
            inside: list[tuple[tuple[Any, ...], Any]] = []
            for ids, holder in holders:
                for lead, instance in _instances(node, holder):
                    values = [_get(instance, path) for path in node.columns] if node.columns else [instance]
                    yield (node.record, *ids, *lead, *values)
                    own = (_get(instance, (node.id_field,)),) if node.id_field else ()
                    inside.append(((*ids, *own), instance))
            following.extend((child, inside) for child in node.children)
        level = following


# --- CSV rows -------------------------------------------------------------------------------------


def row_nodes(model: type) -> tuple[Node, ...]:
    return tuple(node for node in layout(model) if node.rows)


def csv_table(model: type, document: Mapping[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """(header, rows) of the document's CSV: one row per item of its `Rows` lists.

    A row holds the item's values as plain writes them, then each list inside it as one cell
    (see `cell`). With several lists of rows (the best and the worst aspects), a first column
    `list` names the list each row comes from.
    """
    nodes = row_nodes(model)
    if not nodes:
        raise ValueError(f"{model.__name__} has no rows")
    header: list[str] = ["list"] if len(nodes) > 1 else []
    for node in nodes:
        for name in (*(".".join(path) for path in node.columns), *(child.path[0] for child in node.children)):
            if name not in header:
                header.append(name)
    rows: list[list[Any]] = []
    for node in nodes:
        for _, item in _instances(node, document):
            cells: dict[str, Any] = {"list": node.path[-1]}
            cells.update((".".join(path), _get(item, path)) for path in node.columns)
            cells.update((child.path[0], cell(_get(item, child.path))) for child in node.children)
            rows.append([cells.get(name, "") for name in header])
    return header, rows


def cell(value: Any) -> str:
    """A list as one CSV cell: one item per line. An object item reads `a: b`, a mapping's entry
    `key: a, b`, so that `tools` reads "frameworks: TensorFlow, PyTorch, Keras"."""
    if isinstance(value, Mapping):
        return "\n".join(
            f"{key}: {', '.join(map(text, item)) if isinstance(item, list) else text(item)}"
            for key, item in value.items()
        )
    if isinstance(value, list):
        return "\n".join(
            ": ".join(map(text, item.values())) if isinstance(item, Mapping) else text(item) for item in value
        )
    return text(value)
