"""The base of every model: content records, engine results and command documents alike.

A model is a `Record`: a read-only dataclass with annotated fields. One declaration serves
every use: pydantic validates content against it (strictly, unknown keys refused), `encode`
writes it as JSON (the `--json` output, the batch lines), `mlpath schema` generates its JSON
Schema, and the marks below say how plain records and CSV rows lay it out.

`encode` is the one serializer: fields in their declared order, tuples as lists, an `As`
conversion where a field is shown otherwise than it is held (a reason's clauses as one
sentence), `SourceId` fields as the source's name. A record is immutable, so the JSON of the kinds that
recur (a roadmap's steps, across thousands of answer sets) is kept and reused. `dump` is the
same JSON as Python values, for YAML, plain and CSV.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_type_hints

from pydantic_core import to_json  # imported by every run already: Typer parses with pydantic

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:
        return lambda cls: cls


STRICT: Any = {"extra": "forbid"}  # a typo in data/ is reported, not ignored


class Mark:
    """A note on a field for the plain and CSV layout (see `output.records`); pydantic and
    `encode` pass over it."""

    __slots__ = ("field", "key", "name")

    def __init__(self, name: str = "", field: str = "text", key: str = "") -> None:
        self.name, self.field, self.key = name, field, key

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class Fills(Mark):
    """A text with {placeholders}: the names its code fills in (content.checks holds it to them)."""


class Each(Mark):
    """A list (or a mapping of lists): one plain record per item, of type `name`. `field` names
    a plain item's value; `key` the key of a mapping ({"frameworks": [...]})."""


class Pairs(Mark):
    """An object written as one `name<TAB>key<TAB>value` record per key."""


class Named(Mark):
    """An object's record type, where its field's name would not say what it is."""


class Within(Mark):
    """An object whose records take `name_` before their type (two roadmaps in one document)."""


Inline = Mark("inline")  # a list of identifiers written in one field, comma-joined
Apart = Mark("apart")  # an object that makes a record of its own instead of folding into its holder
Lead = Mark("lead")  # these records come before the document's others in plain output
Rows = Mark("rows")  # the items of this list are the document's CSV rows
Omitted = Mark("omitted")  # left out of the JSON (not written as null) when it is None
SourceRef = Mark("source")  # the id of a source: written as the source's name


class As:
    """A field written otherwise than it is held: `convert(value)`, whose JSON Schema is `schema`
    (a reason's clauses become one sentence: `As(reason_text, {"type": "string"})`)."""

    __slots__ = ("convert", "schema")

    def __init__(self, convert: Callable[[Any], Any], schema: dict[str, Any]) -> None:
        self.convert, self.schema = convert, schema

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return dict(self.schema)


SourceId = Annotated[str, SourceRef]
TEXT: dict[str, Any] = {"type": "string"}
TEXTS: dict[str, Any] = {"type": "array", "items": TEXT}


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
class Record:
    """Base of every model: read-only once built, compared and hashed by its fields.

    Each subclass becomes `@dataclass(init=False, repr=False, eq=False)` as it is defined, so the
    dataclass machinery generates no code for it (that costs import time); the base's own
    `__init__`, `__eq__` and `__repr__` serve every record.
    """

    __slots__ = ()
    _kept = False  # is its JSON kept for reuse? (records that recur across many documents)
    _names: tuple[str, ...] = ()
    _defaults: tuple[tuple[str, Callable[[], Any]], ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__doc__ is None:  # else @dataclass builds one from inspect.signature: ~2 ms a class
            cls.__doc__ = f"The {cls.__name__} record."
        cls.__pydantic_config__ = STRICT  # type: ignore[attr-defined]
        dataclass(init=False, repr=False, eq=False)(cls)
        found = fields(cls)  # type: ignore[arg-type]
        cls._names = tuple(f.name for f in found)
        cls._defaults = tuple(
            (f.name, f.default_factory if f.default is MISSING else (lambda value=f.default: value))  # type: ignore[misc]
            for f in found
            if f.default is not MISSING or f.default_factory is not MISSING
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        state = self.__dict__
        state.update(zip(self._names, args, strict=False))
        state.update(kwargs)
        if len(state) != len(self._names):
            for name, make in self._defaults:
                if name not in state:
                    state[name] = make()
            if state.keys() != set(self._names):
                wrong = sorted(state.keys() ^ set(self._names))
                raise TypeError(f"{type(self).__name__}: missing or unknown fields {wrong}")

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[name] for name in self._names)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and isinstance(other, Record) and other._values() == self._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(self._names, self._values(), strict=True))
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes: Any) -> Self:
        return type(self)(**{**self.__dict__, **changes})


def marks(hint: Any) -> tuple[Any, ...]:
    return tuple(getattr(hint, "__metadata__", ()))


def bare(hint: Any) -> Any:
    return hint.__origin__ if hasattr(hint, "__metadata__") else hint


_HINTS: dict[type, dict[str, Any]] = {}


def record_hints(cls: type) -> dict[str, Any]:
    """A record's fields in order, with their full hints (marks included): worked out once a class,
    as the content checks and the encoder ask for them again and again."""
    found = _HINTS.get(cls)
    if found is None:
        hints = get_type_hints(cls, include_extras=True)
        found = _HINTS[cls] = {name: hints[name] for name in cls._names}  # type: ignore[attr-defined]
    return found


def is_record(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Record)


# --- JSON ----------------------------------------------------------------------------------------


def _string(text: str) -> bytes:
    return _quoted(text).encode()


_quoted = json.encoder.encode_basestring
Names = Mapping[str, str]
Coder = Callable[[Any, "Names | None"], bytes]
_CODERS: dict[type, Coder] = {}  # a record class's encoder, made the first time one is written
_KEPT: dict[int, tuple[Any, bytes]] = {}  # id(record) -> (the record, its JSON), for records without sources
_KEPT_LIMIT = 20_000


def encode(value: Any, names: Names | None = None) -> bytes:
    """`value` as compact JSON in UTF-8 (non-ASCII kept). `names` gives each source id's name; the
    JSON of a record that recurs (`_kept`) and holds no source id is worked out once and reused."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if isinstance(value, Record):
        return (_CODERS.get(kind) or _coder(kind))(value, names)
    if kind is tuple or kind is list:
        return b"[" + b",".join([encode(item, names) for item in value]) + b"]"
    if kind is dict:
        return b"{" + b",".join([_string(str(key)) + b":" + encode(item, names) for key, item in value.items()]) + b"}"
    return to_json(value)  # a number, true, false, null; an enum as its value


def _coder(kind: type) -> Coder:
    """The encoder of a record class: each field by the encoder its hint calls for; a record that
    recurs is kept with its JSON."""
    hints = record_hints(kind)
    fields = [(name, _string(name) + b":", _field(hint), Omitted in marks(hint)) for name, hint in hints.items()]
    kept = kind._kept and not _sourced(kind)  # type: ignore[attr-defined]
    # A record of plain values only (no record, conversion or source inside) is one call of the C encoder.
    flat = all(_field(hint) is _plain for hint in hints.values()) and not any(omitted for *_, omitted in fields)
    order = tuple(hints)

    def record(value: Any, names: Names | None) -> bytes:
        if kept:
            found = _KEPT.get(id(value))
            if found is not None and found[0] is value:
                return found[1]
        state = value.__dict__
        if flat:
            text = to_json({name: state[name] for name in order})
        else:
            written = [
                key + write(state[name], names)
                for name, key, write, omitted in fields
                if not omitted or state[name] is not None
            ]
            text = b"{" + b",".join(written) + b"}"
        if kept:
            if len(_KEPT) >= _KEPT_LIMIT:
                _KEPT.clear()
            _KEPT[id(value)] = (value, text)
        return text

    _CODERS[kind] = record
    return record


def _field(hint: Any) -> Coder:
    """How a field of this hint is written: converted (`As`), a source id as its source's name, a
    value without records in one go by the C encoder, else piece by piece."""
    notes = marks(hint)
    convert = next((m.convert for m in notes if isinstance(m, As)), None)
    if convert is not None:
        return lambda value, names: to_json(convert(value))  # JSON-ready, as `As` says
    if SourceRef in notes:
        return _source
    if _sourced(hint) or _records(hint, {}):
        return encode
    return _plain


def _plain(value: Any, names: Names | None) -> bytes:
    return to_json(value)


def _source(value: str, names: Names | None) -> bytes:
    if names is None:
        raise ValueError(f"source id {value!r}: encode it with the sources' names")
    return _string(names[value])


def _sourced(hint: Any) -> bool:
    """Does a value of `hint` hold a source id anywhere inside it?"""
    if SourceRef in marks(hint):
        return True
    inner = bare(hint)
    if is_record(inner):
        return any(_sourced(field) for field in record_hints(inner).values())
    return any(_sourced(arg) for arg in get_args(inner) if arg is not Ellipsis)


def dump(value: Any, names: Names | None = None) -> Any:
    """`value` as JSON-ready Python values: exactly what `encode` writes."""
    return json.loads(encode(value, names))


def schema_of(hint: Any) -> dict[str, Any]:
    """The JSON Schema of what `encode` writes for values of `hint` (imports pydantic's machinery)."""
    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema

    class Generator(GenerateJsonSchema):
        def field_title_should_be_set(self, schema: Any) -> bool:
            return False  # "Id", "Name", ...: noise beside the property names

    generated = TypeAdapter(hint).json_schema(mode="serialization", schema_generator=Generator)
    generated.pop("title", None)
    opened: dict[str, Any] = _open(generated)
    # Every field is written, a default or not; only an `Omitted` one may be left out.
    kinds = {cls.__name__: cls for cls in _records(hint, {})}
    for name, schema in [*opened.get("$defs", {}).items(), (getattr(hint, "__name__", ""), opened)]:
        if name in kinds and "properties" in schema:
            hints = record_hints(kinds[name])
            schema["required"] = [key for key in schema["properties"] if Omitted not in marks(hints.get(key))]
    return opened


def _records(hint: Any, found: dict[type[Record], None]) -> dict[type[Record], None]:
    """Every record class `hint` holds, at any depth, itself included."""
    inner = bare(hint)
    if is_record(inner) and inner not in found:
        found[inner] = None
        for field_hint in record_hints(inner).values():
            _records(field_hint, found)
    elif not is_record(inner):
        for argument in get_args(inner):
            _records(argument, found)
    return found


def _open(schema: Any) -> Any:
    """The schema without `additionalProperties: false` (the records refuse unknown keys in content;
    a document may gain keys, and a script that validates it must not break)."""
    if isinstance(schema, dict):
        return {k: _open(v) for k, v in schema.items() if not (k == "additionalProperties" and v is False)}
    if isinstance(schema, list):
        return [_open(item) for item in schema]
    return schema
