"""How a document model says what its plain records and CSV rows are.

The document models in this package are TypedDicts; these marks ride in `Annotated[...]` beside a
field's type. Nothing else reads them at run time but `render.records`, which turns a model into
its record layout; pydantic ignores them when it writes the JSON Schema.
"""

from __future__ import annotations

# Plain classes, not NamedTuples: plain output imports this module, and a NamedTuple class
# costs a tenth of a millisecond to create.


class Each:
    """A list (or a mapping of lists): one plain record per item, of type `record`.

    `field` names an item that is a plain value (a sentence, a name); `key` names the key of a
    mapping, e.g. the tool group in {"frameworks": ["PyTorch", ...]}.
    """

    __slots__ = ("field", "key", "record")

    def __init__(self, record: str, field: str = "text", key: str = "") -> None:
        self.record = record
        self.field = field
        self.key = key


class Pairs:
    """An object written as one `record<TAB>key<TAB>value` line per key (lists comma-joined)."""

    __slots__ = ("record",)

    def __init__(self, record: str) -> None:
        self.record = record


class Named:
    """An object's record type, where the name of its field would not say what it is."""

    __slots__ = ("record",)

    def __init__(self, record: str) -> None:
        self.record = record


class Within:
    """An object whose records inside it take `prefix_` before their type, so that two objects
    of one model in a document (the two roadmaps of a comparison) keep their records apart:
    `base_step`, `what_if_step`. The object's own record is named by its field."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix


class _Mark:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name.capitalize()


# A list of identifiers written in one field, comma-joined, the way `--set` takes lists.
Inline = _Mark("inline")
# An object that makes a record of its own, rather than folding into the record that holds it.
Apart = _Mark("apart")
# Records of this field come before the document's other records in plain output.
Lead = _Mark("lead")
# The items of this list are the rows of the document's CSV.
Rows = _Mark("rows")
