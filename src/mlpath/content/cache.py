"""A cache of validated content, so a run skips parsing and validating YAML it has seen before.

An entry is keyed by a hash of: the content directory's resolved path, the exact text of every
section file, the record modules (size and modification time), and the Python and pydantic
versions. So it is used only for the very content mlpath validated itself, and any edit to
content or schema misses it.

An entry is JSON: plain data only, never code (no pickle, no marshal). `to_plain` writes a
record as an object of its fields, tuples as arrays, mappings as arrays of [key, value] pairs
(so integer keys stay integers). `from_plain` rebuilds a section from that, guided by the
records' annotations alone: it creates only the records' own classes and built-in values, and
checks every type and constraint they declare (strict types, `Ge`, `MinLen`, patterns, ...).
Anything that does not fit raises `PlainDataError`, so a damaged or planted entry is never
trusted: the content is validated as usual and the entry written again. Writing it is atomic,
never follows a symlink planted in its place, and a cache that cannot be written only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sys
import types
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from mlpath.content import SECTIONS, Content
from mlpath.model import As, Mark

FORMAT = 2  # 1 held pickles; those entries are never read, and are removed when a new one is written
KEEP = 8  # entries kept; older ones are removed when a new one is written
MAX_ENTRY_BYTES = 5_000_000  # the packaged content takes about 60 KB
PREFIX = "content-"


def cache_dir() -> Path:
    from mlpath.io.files import cache_home

    return cache_home()


def _schema_stamp() -> bytes:
    """Python, pydantic and the schema modules (by size and modification time, as .pyc files do)."""
    from pydantic.version import VERSION

    digest = hashlib.sha256(f"{sys.version}\0{VERSION}\0{FORMAT}".encode())
    here = Path(__file__).parent
    for source in [here / "facts.py", here / "rules.py", here / "cache.py", here.parent / "model.py"]:
        stat = source.stat()
        digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def key(directory: Path, texts: Mapping[str, str]) -> str:
    digest = hashlib.sha256(_schema_stamp())
    digest.update(str(directory.resolve()).encode())
    for section in SECTIONS:
        digest.update(b"\0" + section.encode() + b"\0" + texts[section].encode())
    return digest.hexdigest()


def entry(directory: Path, texts: Mapping[str, str], known: str | None = None) -> Path:
    """The file of the entry for this content (`known`: its key, when already computed)."""
    return cache_dir() / f"{PREFIX}{(known or key(directory, texts))[:32]}.json"


def lookup(directory: Path, texts: Mapping[str, str], rebuild: Callable[[], Content]) -> Content | None:
    """The cached content of `directory`, or None. Its sections are checked as they are read;
    one that does not fit calls `rebuild` (which validates the files and stores a new entry)."""
    from mlpath.io.files import read_regular

    wanted = key(directory, texts)
    path = entry(directory, texts, wanted)
    try:  # never stdin, whatever is planted there (a link to /dev/stdin)
        document: Any = json.loads(read_regular(path, MAX_ENTRY_BYTES))
    except (OSError, ValueError, RecursionError):  # missing, not a file, too big, not JSON
        return None
    if not isinstance(document, dict) or document.keys() != {"format", "key", "sections"}:
        return None
    if document["format"] != FORMAT or document["key"] != wanted:
        return None
    sections = document["sections"]
    if not isinstance(sections, dict) or sections.keys() != set(SECTIONS):
        return None
    return Content(plain=sections, rebuild=rebuild)


def store(directory: Path, texts: Mapping[str, str], content: Content) -> None:
    from mlpath.errors import MlpathError
    from mlpath.io.files import write_atomic

    known = key(directory, texts)
    target = entry(directory, texts, known)
    document = {"format": FORMAT, "key": known, "sections": content.plain()}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        write_atomic(str(target), text, "the content cache", mine=target, replace_link=True, record=False)
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

    if isinstance(item, (Strict, Mark, As)):
        return None  # every reader is strict already; marks are for the layout and the JSON
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
