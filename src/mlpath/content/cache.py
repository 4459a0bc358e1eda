"""A cache of validated content, so a run skips parsing and validating YAML it has seen before.

An entry is keyed by a hash of the content and the schema (see `key`), so it is used only for the
very content mlpath validated itself. It is JSON: plain data only, never code (no pickle, no
marshal); mappings are written as [key, value] pairs, so integer keys stay integers. `from_plain`
reads it back guided by the records' annotations alone (pydantic's validators took ~100 ms to
build, more than the cache saves), checking every type and constraint they declare. Anything
that does not fit raises `PlainDataError`, so a damaged or planted entry is never trusted: the
content is validated as usual and the entry written again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import operator
import re
import sys
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types as at
from pydantic.types import AllowInfNan, Strict, StringConstraints

from mlpath.content import SECTIONS, Content, section_type
from mlpath.model import As, Mark, Record, is_record, record_hints

FORMAT = 2  # 1 held pickles; those entries are never read, and are removed when a new one is written
KEEP = 8  # entries kept; older ones are removed when a new one is written
MAX_ENTRY_BYTES = 5_000_000  # the packaged content takes about 60 KB
PREFIX = "content-"


def key(directory: Path, texts: Mapping[str, str]) -> str:
    """Python, pydantic, the schema modules (by size and modification time, as .pyc files do), the
    directory and its texts."""
    from pydantic.version import VERSION

    digest = hashlib.sha256(f"{sys.version}\0{VERSION}\0{FORMAT}".encode())
    package = Path(__file__).parent.parent
    for name in ("content/facts.py", "content/rules.py", "content/answers.py", "content/cache.py", "model.py"):
        stat = (package / name).stat()
        digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    digest.update(str(directory.resolve()).encode())
    for section in SECTIONS:
        digest.update(b"\0" + section.encode() + b"\0" + texts[section].encode())
    return digest.hexdigest()


def entry(directory: Path, texts: Mapping[str, str]) -> Path:
    from mlpath.io.files import data_home

    return data_home(cache=True) / f"{PREFIX}{key(directory, texts)[:32]}.json"


def lookup(directory: Path, texts: Mapping[str, str], rebuild: Callable[[], Content]) -> Content | None:
    """The cached content of `directory`, or None. Its sections are checked as they are read;
    one that does not fit calls `rebuild` (which validates the files and stores a new entry)."""
    from mlpath.io.files import read_regular

    wanted = key(directory, texts)
    try:  # never stdin, whatever is planted there (a link to /dev/stdin)
        document: Any = json.loads(read_regular(entry(directory, texts), MAX_ENTRY_BYTES))
    except (OSError, ValueError, RecursionError):  # missing, not a file, too big, not JSON
        return None
    sections = document.get("sections") if isinstance(document, dict) else None
    expected = {"format": FORMAT, "key": wanted, "sections": sections}
    if document != expected or not isinstance(sections, dict) or sections.keys() != set(SECTIONS):
        return None
    return Content(read=lambda name: from_plain(section_type(name), sections[name]), rebuild=rebuild)


def store(directory: Path, texts: Mapping[str, str], content: Content) -> None:
    from mlpath.errors import MlpathError
    from mlpath.io.files import write_atomic

    target = entry(directory, texts)
    sections = {name: to_plain(content.section(name)) for name in SECTIONS}
    document = {"format": FORMAT, "key": key(directory, texts), "sections": sections}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        write_atomic(str(target), text, "the content cache", mine=target, replace_link=True)
        _prune(target.parent)
    except (OSError, ValueError, MlpathError):
        pass  # a cache that cannot be written only costs time


def _prune(directory: Path) -> None:
    """Keep the newest KEEP entries; remove the rest, and every entry of an older format."""
    entries = []
    for path in directory.glob(f"{PREFIX}*"):
        with contextlib.suppress(OSError):
            if path.suffix != ".json":  # content-*.bin: pickles from before, never to be read
                path.unlink()
            else:
                entries.append((path.lstat().st_mtime, path))
    for _, old in sorted(entries)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()


# --- plain data -------------------------------------------------------------------------------------


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
    if isinstance(value, Record):
        return {name: to_plain(getattr(value, name)) for name in value._names}
    raise UnsupportedSchemaError(f"cannot store a {type(value).__name__} as plain data")


def from_plain(schema: type, data: Any) -> Any:
    """The record of class `schema` that `data` (from `to_plain`) describes; PlainDataError if it does not fit."""
    try:
        return _read(schema, data)
    except (PlainDataError, UnsupportedSchemaError):
        raise
    except (RecursionError, TypeError, ValueError, AttributeError) as error:  # too deep, or a case no check foresaw
        raise PlainDataError(f"does not fit the schema ({type(error).__name__})") from None


@functools.cache
def _shape(schema: Any) -> tuple[Any, tuple[Any, ...]]:
    """The origin and arguments of an annotation, worked out once (typing's are slow)."""
    return get_origin(schema), get_args(schema)


def _read(schema: Any, data: Any) -> Any:
    """`data` as a value of the annotation `schema`, strictly: True is not 1, 1 is not "1"."""
    if is_record(schema):
        hints = record_hints(schema)
        if type(data) is not dict or data.keys() != hints.keys():
            raise PlainDataError(f"not a {schema.__name__} record")
        record: Any = object.__new__(schema)
        for name, hint in hints.items():
            record.__dict__[name] = _read(hint, data[name])
        return record
    origin, arguments = _shape(schema)
    if origin is Annotated:
        value = _read(arguments[0], data)
        if not all(_fits(item, value) for item in arguments[1:]):
            raise PlainDataError("outside the allowed range")
        return value
    if origin is Literal:
        if not any(type(data) is type(allowed) and data == allowed for allowed in arguments):
            raise PlainDataError("not an allowed value")
        return data
    if origin is Union or origin is types.UnionType:
        for member in arguments:
            try:
                return _read(member, data)
            except PlainDataError:
                continue
        raise PlainDataError("fits none of the allowed types")
    if origin is tuple and arguments[1:] == (Ellipsis,):  # the schemas hold no fixed-length tuples
        if type(data) is not list:
            raise PlainDataError("not a list")
        return tuple(_read(arguments[0], item) for item in data)
    if origin is dict:
        if type(data) is not list or not all(type(pair) is list and len(pair) == 2 for pair in data):
            raise PlainDataError("not a list of [key, value] pairs")
        found = {_read(arguments[0], key): _read(arguments[1], value) for key, value in data}
        if len(found) != len(data):
            raise PlainDataError("a key is repeated")
        return found
    if schema is float:
        if type(data) not in (int, float):
            raise PlainDataError("not a number")
        return float(data)
    if schema not in (str, int, bool, type(None)):  # typing gives None in a hint as NoneType
        raise UnsupportedSchemaError(f"the content cache cannot check values of type {schema!r}")
    if type(data) is not schema:
        raise PlainDataError(f"not a {schema.__name__}")
    return data


_BOUNDS: tuple[tuple[type, str, Callable[[Any, Any], bool]], ...] = (
    (at.Ge, "ge", operator.ge),
    (at.Gt, "gt", operator.gt),
    (at.Le, "le", operator.le),
    (at.MinLen, "min_length", lambda value, low: len(value) >= low),
)


def _fits(item: Any, value: Any) -> bool:
    """Does `value` meet one constraint of the schema?"""
    for kind, name, meets in _BOUNDS:
        if isinstance(item, kind):
            return meets(value, getattr(item, name))
    if isinstance(item, (Strict, Mark, As)):
        return True  # every check is strict already; marks are for the layout and the JSON
    if isinstance(item, AllowInfNan):
        return item.allow_inf_nan or not isinstance(value, float) or math.isfinite(value)
    if isinstance(item, StringConstraints) and item == StringConstraints(pattern=item.pattern):  # a pattern only
        return item.pattern is None or re.search(item.pattern, value) is not None
    raise UnsupportedSchemaError(f"the content cache cannot check the constraint {item!r}")
