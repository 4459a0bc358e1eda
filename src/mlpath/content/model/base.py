"""Shared building blocks of the content schema: strictness, text types and sourced figures.

Schema classes are plain stdlib dataclasses, validated by pydantic through the
`__pydantic_config__` each carries. They are split into modules by what a command needs,
so that `mlpath salary` creates only the few classes the salary section uses.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from typing import Annotated, Any

from annotated_types import Ge, MinLen
from pydantic.types import StrictInt, StrictStr

# Every content record forbids unknown keys, so a typo in data/ is reported, not ignored.
STRICT: Any = {"extra": "forbid"}

Text = Annotated[StrictStr, MinLen(1)]
Slug = Annotated[StrictStr, MinLen(1)]
Texts = tuple[Text, ...]


class Record:
    """Base of every schema class: read-only once built, with a repr from its fields.

    Schema classes are declared `@dataclass(init=False, repr=False, eq=False)` on this base, so
    the dataclass machinery generates no code for them (that made `import` cost ~25 ms). Only
    pydantic (and the cache's unpickling) build them, and neither goes through __setattr__.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Without a docstring, @dataclass builds one from inspect.signature: ~2 ms a class.
        if cls.__doc__ is None:
            cls.__doc__ = f"The {cls.__name__} record of the content schema."

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))  # type: ignore[arg-type]
        return f"{type(self).__name__}({shown})"


@dataclass(init=False, repr=False, eq=False)
class Figure(Record):
    """A number from the article with the id of the source it cites."""

    __pydantic_config__ = STRICT
    value: Annotated[StrictInt, Ge(0)]
    source: Slug
