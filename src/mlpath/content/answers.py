"""The answers contract: keys, allowed values, and the one validation of a set of answers.

`Answers` is the public schema of an answers file (see docs); the questions in data/ must offer
exactly these keys and values (`content.checks` holds them to it). Every way answers arrive
(the prompts, --answers, --set, a batch line, a CSV row, the saved plan, the unfinished quiz)
goes through `check`, which accepts the shapes people write ('a,b' for a list, '3' for a scale)
and names the first wrong key or value with the allowed values and the nearest one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, Protocol, get_args, get_origin

from annotated_types import Ge, Le
from pydantic.types import StrictInt

from mlpath.errors import UsageError
from mlpath.model import Record, record_hints
from mlpath.text import TooLongError, json_integer, nearest, short, whole_number


class Asked(Protocol):
    """What `resolve` reads of a quiz question (content.rules.Question, which builds on this
    module: hence a protocol, not an import, which would make a cycle)."""

    @property
    def key(self) -> str: ...
    @property
    def default(self) -> Any: ...
    @property
    def when(self) -> tuple[Mapping[str, tuple[str, ...]], ...]: ...


# An answers file (a saved plan given as one included) is a few kilobytes; YAML takes seconds and
# hundreds of megabytes to parse a few megabytes of items, so more than this is refused unread.
MAX_BYTES = 1_000_000


Residency = Literal["in-state", "out-of-state"]
IndustryChoice = Literal[
    "software", "finance", "healthcare", "automotive", "e-commerce", "consulting", "research", "government"
]
SCALE = (1, 2, 3, 4, 5)  # how much a person enjoys or copes with something
Scale = Annotated[StrictInt, Ge(SCALE[0]), Le(SCALE[-1])]


class Answers(Record):
    """A whole set of answers, as an answers file holds them."""

    education: Literal["none", "bachelor-cs", "bachelor-other", "master-cs", "master-other"]
    programming: Literal["none", "beginner", "intermediate", "advanced"]
    math: Literal["weak", "fair", "strong"]
    path: Literal["degree", "online", "undecided"]
    residency: Residency
    study: Literal["full-time", "part-time"]
    interests: tuple[Literal["nlp", "computer-vision", "reinforcement-learning", "robotics", "data-science"], ...]
    industries: tuple[IndustryChoice, ...]
    goal: Literal["individual-contributor", "tech-lead", "manager", "director"]
    remote_work: Literal["important", "nice-to-have", "unimportant"]
    complex_problems: Scale
    new_tech: Scale
    continuous_learning: Scale
    analytical: Scale
    resilience: Scale
    data_cleaning: Scale
    deadline_pressure: Scale

    def document(self) -> dict[str, Any]:
        """The answers as an answers file holds them (lists, not tuples)."""
        return {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in zip(KEYS, self._values(), strict=True)
        }


KEYS: tuple[str, ...] = Answers._names


def _kind(hint: Any) -> tuple[str, tuple[Any, ...]]:
    """An answer's kind and allowed values, read off its annotation in `Answers`."""
    if get_origin(hint) is Literal:
        return "select", get_args(hint)
    if get_origin(hint) is tuple:
        return "multiselect", get_args(get_args(hint)[0])
    return "scale", SCALE


CONTRACT = {key: _kind(hint) for key, hint in record_hints(Answers).items()}


def _invalid(key: str, value: Any) -> UsageError:
    kind, allowed = CONTRACT[key]
    near = nearest(value, allowed) if isinstance(value, str) and kind != "scale" else ""  # '3.5' means no '5'
    listed = ", ".join(str(v) for v in allowed)
    wanted = {"select": f"one of {listed}", "multiselect": f"a comma-separated list of {listed}"}
    expected = wanted.get(kind, f"a whole number from {SCALE[0]} to {SCALE[-1]}")
    return UsageError(f"invalid value {short(value)} for {key}{near}; allowed: {expected}")


def _checked(key: str, value: Any) -> Any:
    """One answer in the shape `Answers` holds (a list once each, in the questions' order), or a
    UsageError."""
    kind, allowed = CONTRACT[key]
    if kind == "select":
        if type(value) is str and value.strip() in allowed:
            return value.strip()
        raise _invalid(key, value)
    if kind == "scale":
        number = whole_number(value) if type(value) is str else value
        if type(number) is int and number in allowed:
            return number
        raise _invalid(key, value if number is None else number)
    if type(value) is str:
        value = [part.strip() for part in value.split(",") if part.strip()]
    if type(value) is not list and type(value) is not tuple:
        raise _invalid(key, value)
    for item in value:
        if type(item) is not str or item not in allowed:
            raise _invalid(key, item)
    return tuple(v for v in allowed if v in value)


def check(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Check the keys and values present: (the answers in the shapes `Answers` holds, the keys
    missing). A UsageError names the first wrong key or value, the allowed ones and the nearest."""
    if not isinstance(raw, Mapping):
        raise UsageError("answers must be a mapping of keys to values, e.g. {programming: beginner}")
    unknown = [key for key in raw if key not in CONTRACT]  # a null key (YAML's ~) too
    if unknown:
        key = str(unknown[0])
        raise UsageError(f"unknown answer key {short(key)}{nearest(key, KEYS)}; keys are: {', '.join(KEYS)}")
    prepared = {key: _checked(key, raw[key]) for key in KEYS if key in raw}
    return prepared, [key for key in KEYS if key not in raw]


def build(prepared: Mapping[str, Any]) -> Answers:
    """Complete answers, as `check` gives them, as `Answers`."""
    return Answers(**prepared)


def resolve(
    raw: Mapping[str, Any], questions: Iterable[Asked], use_defaults: bool, asking: bool = False
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Check raw answers and complete what can be: (answers, keys still missing, keys filled with
    their default). An absent list is none chosen (unless `asking`: the quiz asks it), a question
    the other answers skip (its `when`) takes its default, as the quiz does, and neither counts as
    missing or filled; with `use_defaults` the rest is filled from the questions' defaults
    (`content.checks` holds every default to the contract)."""
    prepared, missing = check(raw)
    if not missing:  # the usual case, and the hot path of a batch
        return prepared, missing, []
    by_key = {question.key: question for question in questions}
    for key in list(missing):
        question = by_key.get(key)
        if CONTRACT[key][0] == "multiselect" and not asking:
            prepared[key] = ()
        elif question is not None and question.when and _skipped(question, prepared):
            prepared[key] = _checked(key, question.default)
        else:
            continue
        missing.remove(key)
    if use_defaults and missing:
        prepared.update({key: _checked(key, by_key[key].default) for key in missing})
        return prepared, [], missing
    return prepared, missing, []


def _skipped(question: Asked, known: Mapping[str, Any]) -> bool:
    """Do the answers known skip the question, whatever the others are? (No condition can still
    match: each has an answer known that it does not take.)"""
    return not any(
        all(key not in known or known[key] in values for key, values in when.items()) for when in question.when
    )


def changed(answers: Answers, changes: Mapping[str, Any]) -> Answers:
    return answers.replace(**changes)


def parse_assignments(assignments: Iterable[str], flag: str = "--set") -> dict[str, Any]:
    """`--set KEY=VALUE` flags (or `flag`'s) as a raw answers mapping; lists are comma-separated."""
    raw: dict[str, Any] = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"{flag} expects KEY=VALUE, got {short(assignment)}; e.g. {flag} programming=beginner")
        raw[key] = value.strip()
    return raw


def assignment(key: str, value: Any) -> str:
    """An answer as `--set` takes it back: KEY=VALUE, a list comma-separated."""
    return f"{key}={','.join(value) if isinstance(value, (list, tuple)) else value}"


def parse_document(text: str, name: str) -> dict[str, Any]:
    """An answers file as a raw mapping: strict JSON when it is JSON, else YAML (safe loader).
    JSON is parsed as JSON, so `{"goal": }` is an error rather than a null."""
    import json

    from mlpath.io import yaml
    from mlpath.io.lines import RepeatedKeyError, unique_pairs

    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ("yaml", "yml") and (suffix == "json" or text.lstrip()[:1] in ("{", "[")):
        try:
            data = json.loads(text, object_pairs_hook=unique_pairs, parse_int=json_integer)
        except json.JSONDecodeError as error:
            raise UsageError(f"{name}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}") from None
        except RepeatedKeyError as error:
            raise UsageError(f"{name}: {_twice(error.key)}") from None
        except TooLongError as error:
            raise UsageError(f"{name}: refused: {error}") from None
        except RecursionError:
            raise UsageError(f"{name}: refused: arrays or objects nested too deep") from None
    else:
        try:
            data = yaml.load(text)
        except yaml.NumberTooLongError as error:
            line, column, reason = yaml.describe(error)
            raise UsageError(f"{name}:{line}:{column}: refused: {reason}") from None
        except yaml.TooLargeError as error:
            raise UsageError(f"{name}: refused: {error}") from None
        except yaml.DuplicateKeyError as error:
            line, column, _ = yaml.describe(error)
            raise UsageError(f"{name}:{line}:{column}: {_twice(error.key, error.problem)}") from None
        except yaml.YAMLError as error:
            line, column, reason = yaml.describe(error)
            where = f"{name}:{line}:{column}" if line else name
            raise UsageError(f"{where}: not valid YAML or JSON: {reason}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{name}: answers must be a mapping of keys to values, e.g. programming: beginner")
    return data


def _twice(key: str, detail: str | None = None) -> str:
    where = f" ({detail.split('(', 1)[1]}" if detail and "(" in detail else ""
    return f"the key {short(key)} is given twice{where}; give each answer once"
