"""Shared building blocks of the content schema: the Record base, text types and sourced figures.

A schema class is a subclass of `Record` with annotated fields, nothing else: the base makes it
a read-only dataclass that pydantic validates strictly. Classes are split into modules by what a
command needs, so that `mlpath salary` creates only the few classes the salary section uses.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, fields
from typing import TYPE_CHECKING, Annotated, Any

from annotated_types import Ge, Le, MinLen
from pydantic.types import StrictInt, StrictStr, StringConstraints

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:
        return lambda cls: cls


# Every record forbids unknown keys, so a typo in data/ is reported, not ignored.
STRICT: Any = {"extra": "forbid"}

Phrase = Annotated[StrictStr, MinLen(1)]  # a non-empty string: a name, a sentence
Slug = Annotated[StrictStr, MinLen(1)]  # an id that other content refers to
Phrases = tuple[Phrase, ...]
WebAddress = Annotated[StrictStr, StringConstraints(pattern=r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")]


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record:
    """Base of every schema class: read-only once built, with a repr from its fields.

    Each subclass becomes `@dataclass(init=False, repr=False, eq=False)` with a strict pydantic
    config as it is defined, so the dataclass machinery generates no code for it (that made
    `import` cost ~25 ms). Only pydantic and the content cache build records, and neither goes
    through __setattr__.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Without a docstring, @dataclass builds one from inspect.signature: ~2 ms a class.
        if cls.__doc__ is None:
            cls.__doc__ = f"The {cls.__name__} record of the content schema."
        cls.__pydantic_config__ = STRICT  # type: ignore[attr-defined]
        dataclass(init=False, repr=False, eq=False)(cls)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))  # type: ignore[arg-type]
        return f"{type(self).__name__}({shown})"


class Figure(Record):
    """A number from the article with the id of the source it cites.

    A whole number (not true, not 2.5) within bounds, so that no figure that `data check`
    accepts can break a command: each kind of figure below narrows them to what makes sense.
    """

    value: Annotated[StrictInt, Ge(0), Le(1_000_000_000)]
    source: Slug


class Pay(Figure):
    """Dollars a year; never 0, since pay tiers are shown as multiples of the national average."""

    value: Annotated[StrictInt, Ge(1), Le(100_000_000)]


class YearlyCost(Figure):
    """Dollars a year of study (tuition and fees); 0 is free."""

    value: Annotated[StrictInt, Ge(0), Le(10_000_000)]


class Years(Figure):
    """How many years something takes."""

    value: Annotated[StrictInt, Ge(1), Le(20)]


class Percent(Figure):
    value: Annotated[StrictInt, Ge(0), Le(10_000)]


class CalendarYear(Figure):
    value: Annotated[StrictInt, Ge(1900), Le(2200)]
