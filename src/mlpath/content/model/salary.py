"""Pay: the three tiers and the national average."""

from __future__ import annotations

from typing import Annotated

from annotated_types import MinLen

from mlpath.content.model.base import Pay, Phrase, Phrases, Record, Slug


class SalaryTier(Record):
    id: Slug
    name: Phrase
    amount: Pay


class NationalAverage(Record):
    name: Phrase
    amount: Pay


class Salary(Record):
    currency: Phrase
    period: Phrase
    varies_with: Phrases
    tiers: Annotated[tuple[SalaryTier, ...], MinLen(1)]
    national_average: NationalAverage
    summary: Phrase
