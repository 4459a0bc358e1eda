"""Validated content as plain data (JSON types) and back, checked against the schema on the way back.

The content cache stores what `to_plain` gives: records become objects of their fields, tuples
become arrays, mappings become arrays of [key, value] pairs (so that integer keys stay integers).
`from_plain` rebuilds a section from that, guided by the schema's type annotations alone: it
creates only the schema's own record classes and built-in values, and checks every type and
constraint the schema declares (strict types, `Ge`, `MinLen`, patterns, ...). Anything that does
not fit raises `PlainDataError`, so a damaged or planted cache entry is never trusted and no code
is ever run from it. A schema annotation this module cannot check raises `UnsupportedSchemaError`
(a test builds every section's reader, so that is caught before a release).
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

Reader = Callable[[Any], Any]


class PlainDataError(ValueError):
    """Plain data that does not fit the schema."""


class UnsupportedSchemaError(TypeError):
    """A schema annotation that `from_plain` cannot check."""


def to_plain(value: Any) -> Any:
    """A record (or any value it holds) as JSON-ready built-in types."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return [[to_plain(key), to_plain(item)] for key, item in value.items()]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    raise UnsupportedSchemaError(f"cannot store a {type(value).__name__} as plain data")


def from_plain(schema: type, data: Any) -> Any:
    """The record of class `schema` that `data` (from `to_plain`) describes; PlainDataError if it does not fit."""
    try:
        return _reader(schema)(data)
    except (PlainDataError, UnsupportedSchemaError):
        raise
    except RecursionError:
        raise PlainDataError("nested too deep") from None
    except (TypeError, ValueError, AttributeError) as error:  # a case no reader foresaw: still a misfit
        raise PlainDataError(f"does not fit the schema ({type(error).__name__})") from None


_READERS: dict[type, Reader] = {}


def _reader(schema: Any) -> Reader:
    """The reader of one annotation (built once per record class)."""
    if isinstance(schema, type) and is_dataclass(schema):
        if schema not in _READERS:
            _READERS[schema] = _record_reader(schema)
        return _READERS[schema]
    origin = get_origin(schema)
    if origin is Annotated:
        base, *metadata = get_args(schema)
        return _constrained(_reader(base), metadata)
    if origin is Literal:
        return _literal(get_args(schema))
    if origin is Union or origin is types.UnionType:
        return _union([_reader(member) for member in get_args(schema)])
    if origin is tuple:
        return _tuple(schema)
    if origin is dict:
        key, value = get_args(schema)
        return _mapping(_reader(key), _reader(value))
    if schema is type(None) or schema is None:
        return _exactly(type(None))
    if schema is float:
        return _number
    if schema in (str, int, bool):
        return _exactly(schema)
    raise UnsupportedSchemaError(f"the content cache cannot check values of type {schema!r}")


def _record_reader(schema: type) -> Reader:
    hints = get_type_hints(schema, include_extras=True)
    names = tuple(f.name for f in fields(schema))
    wanted = frozenset(names)
    readers: dict[str, Reader] = {}

    def read(data: Any) -> Any:
        if type(data) is not dict or data.keys() != wanted:
            raise PlainDataError(f"not a {schema.__name__} record")
        record: Any = object.__new__(schema)
        state = record.__dict__
        for name in names:
            state[name] = readers[name](data[name])
        return record

    _READERS[schema] = read  # first: a record that holds itself (indirectly) reads through it
    try:
        for name in names:
            readers[name] = _reader(hints[name])
    except UnsupportedSchemaError:
        del _READERS[schema]
        raise
    return read


def _exactly(kind: type) -> Reader:
    def read(data: Any) -> Any:
        if type(data) is not kind:  # strict: True is not 1, 1 is not "1"
            raise PlainDataError(f"not a {kind.__name__}")
        return data

    return read


def _number(data: Any) -> float:
    if type(data) not in (int, float):
        raise PlainDataError("not a number")
    return float(data)


def _literal(values: tuple[Any, ...]) -> Reader:
    allowed = {(type(value), value) for value in values}

    def read(data: Any) -> Any:
        if type(data) not in (str, int, bool) or (type(data), data) not in allowed:  # a list is not hashable
            raise PlainDataError("not an allowed value")
        return data

    return read


def _union(members: list[Reader]) -> Reader:
    def read(data: Any) -> Any:
        for member in members:
            try:
                return member(data)
            except PlainDataError:
                continue
        raise PlainDataError("fits none of the allowed types")

    return read


def _tuple(schema: Any) -> Reader:
    arguments = get_args(schema)
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        item = _reader(arguments[0])

        def read_all(data: Any) -> tuple[Any, ...]:
            if type(data) is not list:
                raise PlainDataError("not a list")
            return tuple(item(value) for value in data)

        return read_all
    readers = [_reader(argument) for argument in arguments]

    def read_fixed(data: Any) -> tuple[Any, ...]:
        if type(data) is not list or len(data) != len(readers):
            raise PlainDataError(f"not a list of {len(readers)}")
        return tuple(reader(value) for reader, value in zip(readers, data, strict=True))

    return read_fixed


def _mapping(key: Reader, value: Reader) -> Reader:
    def read(data: Any) -> dict[Any, Any]:
        if type(data) is not list:
            raise PlainDataError("not a list of pairs")
        result = {}
        for pair in data:
            if type(pair) is not list or len(pair) != 2:
                raise PlainDataError("not a [key, value] pair")
            result[key(pair[0])] = value(pair[1])
        if len(result) != len(data):
            raise PlainDataError("a key is repeated")
        return result

    return read


def _constrained(base: Reader, metadata: list[Any]) -> Reader:
    checks = [check for item in _flat(metadata) if (check := _check(item)) is not None]
    if not checks:
        return base

    def read(data: Any) -> Any:
        value = base(data)
        for check in checks:
            if not check(value):
                raise PlainDataError("outside the allowed range")
        return value

    return read


def _flat(metadata: list[Any]) -> list[Any]:
    import annotated_types
    from pydantic.types import StringConstraints

    flat: list[Any] = []
    for item in metadata:
        if isinstance(item, annotated_types.GroupedMetadata) and not isinstance(item, StringConstraints):
            flat.extend(_flat(list(item)))
        else:
            flat.append(item)
    return flat


def _check(item: Any) -> Callable[[Any], bool] | None:
    """A test for one constraint of the schema (None: nothing to test, e.g. Strict)."""
    import math

    import annotated_types as at
    from pydantic.types import AllowInfNan, Strict, StringConstraints

    if isinstance(item, Strict):
        return None  # every reader is strict already
    if isinstance(item, AllowInfNan):
        return None if item.allow_inf_nan else lambda value: not isinstance(value, float) or math.isfinite(value)
    if isinstance(item, at.Ge):
        return lambda value: value >= item.ge
    if isinstance(item, at.Gt):
        return lambda value: value > item.gt
    if isinstance(item, at.Le):
        return lambda value: value <= item.le
    if isinstance(item, at.Lt):
        return lambda value: value < item.lt
    if isinstance(item, at.MinLen):
        return lambda value: len(value) >= item.min_length
    if isinstance(item, at.MaxLen):
        return lambda value: len(value) <= item.max_length
    if isinstance(item, StringConstraints) and not (item.strip_whitespace or item.to_upper or item.to_lower):
        pattern = re.compile(item.pattern) if item.pattern is not None else None
        low, high = item.min_length, item.max_length
        return lambda value: (
            (pattern is None or pattern.search(value) is not None)
            and (low is None or len(value) >= low)
            and (high is None or len(value) <= high)
        )
    raise UnsupportedSchemaError(f"the content cache cannot check the constraint {item!r}")
