"""Pay: the three tiers and the national average."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from annotated_types import MinLen

from mlpath.content.model.base import STRICT, Figure, Record, Slug, Text, Texts


@dataclass(init=False, repr=False, eq=False)
class SalaryTier(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    amount: Figure


@dataclass(init=False, repr=False, eq=False)
class NationalAverage(Record):
    __pydantic_config__ = STRICT
    name: Text
    amount: Figure


@dataclass(init=False, repr=False, eq=False)
class Salary(Record):
    __pydantic_config__ = STRICT
    currency: Text
    period: Text
    varies_with: Texts
    tiers: Annotated[tuple[SalaryTier, ...], MinLen(1)]
    national_average: NationalAverage
    summary: Text
