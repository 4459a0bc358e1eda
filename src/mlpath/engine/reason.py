"""Why a step or a verdict reason applies: the answers that led to it and a text from data/."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from mlpath.answers import Answers


class Clause(NamedTuple):
    """One reason: the answers it rests on (key, value), in order, and its text from data/.

    Shown as "key = value: text"; a text holding {answers} shows them there instead.
    """

    answers: tuple[tuple[str, Any], ...]
    text: str


Reason = tuple[Clause, ...]


def said(answers: Answers, keys: tuple[str, ...] | list[str]) -> tuple[tuple[str, Any], ...]:
    """The (key, value) pairs of `keys` in `answers`."""
    return tuple((key, getattr(answers, key)) for key in keys)


def matches(when: Mapping[str, tuple[str, ...]], answers: Answers) -> bool:
    """Does every key of a data rule's `when` hold one of its values? (Select answers only.)"""
    return all(getattr(answers, key) in values for key, values in when.items())
