"""The answers contract: keys, allowed values, parsing and validation. Pure; no prompting.

`Answers` is the public schema of an answers file (see README). Questions in data/ must offer
exactly these keys and values; the content loader checks that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Annotated, Any, Literal, get_args, get_origin, get_type_hints

from annotated_types import Ge, Le
from pydantic.types import StrictInt

from mlpath.content.model.base import STRICT
from mlpath.content.model.quiz import Question
from mlpath.errors import UsageError, nearest, short
from mlpath.numbers import TooLongError, json_integer, whole_number

Education = Literal["none", "bachelor-cs", "bachelor-other", "master-cs", "master-other"]
Programming = Literal["none", "beginner", "intermediate", "advanced"]
Math = Literal["weak", "fair", "strong"]
LearningPath = Literal["degree", "online", "undecided"]
Residency = Literal["in-state", "out-of-state"]
Study = Literal["full-time", "part-time"]
Interest = Literal["nlp", "computer-vision", "reinforcement-learning", "robotics", "data-science"]
IndustryChoice = Literal[
    "software", "finance", "healthcare", "automotive", "e-commerce", "consulting", "research", "government"
]
Goal = Literal["individual-contributor", "tech-lead", "manager", "director"]
RemoteWork = Literal["important", "nice-to-have", "unimportant"]
SCALE = (1, 2, 3, 4, 5)  # how much a person enjoys or copes with something
Scale = Annotated[StrictInt, Ge(SCALE[0]), Le(SCALE[-1])]


@dataclass(frozen=True, slots=True)
class Answers:
    __pydantic_config__ = STRICT
    education: Education
    programming: Programming
    math: Math
    path: LearningPath
    residency: Residency
    study: Study
    interests: tuple[Interest, ...]
    industries: tuple[IndustryChoice, ...]
    goal: Goal
    remote_work: RemoteWork
    complex_problems: Scale
    new_tech: Scale
    continuous_learning: Scale
    analytical: Scale
    resilience: Scale
    data_cleaning: Scale
    deadline_pressure: Scale

    def document(self) -> dict[str, Any]:
        """The answers as an answers file holds them (lists, not tuples)."""
        # Direct reads, not dataclasses.asdict: that deep-copies and dominated --batch time.
        return {key: _listed(getattr(self, key)) for key in KEYS}


KEYS: tuple[str, ...] = tuple(f.name for f in fields(Answers))


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _contract() -> dict[str, tuple[str, tuple[Any, ...]]]:
    """{key: (kind, allowed values)} read off the Answers annotations."""
    hints = get_type_hints(Answers, include_extras=True)
    contract: dict[str, tuple[str, tuple[Any, ...]]] = {}
    for key in KEYS:
        hint = hints[key]
        if get_origin(hint) is Literal:
            contract[key] = ("select", get_args(hint))
        elif get_origin(hint) is tuple:
            contract[key] = ("multiselect", get_args(get_args(hint)[0]))
        else:
            contract[key] = ("scale", SCALE)
    return contract


CONTRACT = _contract()
MULTISELECT = tuple(key for key, (kind, _) in CONTRACT.items() if kind == "multiselect")


def allowed_text(key: str) -> str:
    kind, values = CONTRACT[key]
    if kind == "scale":
        return f"a whole number from {SCALE[0]} to {SCALE[-1]}"
    listed = ", ".join(str(v) for v in values)
    return f"a comma-separated list of: {listed}" if kind == "multiselect" else f"one of: {listed}"


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


def _prepare(raw: dict[str, Any]) -> dict[str, Any]:
    """Accept the shapes people write: 'a,b' for lists, '3' for scales."""
    prepared: dict[str, Any] = {}
    for key, value in raw.items():
        kind = CONTRACT[key][0] if key in CONTRACT else None
        if kind == "multiselect" and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        elif kind == "scale" and isinstance(value, str):
            number = whole_number(value)
            value = value if number is None else number
        elif kind == "select" and isinstance(value, str):
            value = value.strip()
        if isinstance(value, list):
            value = tuple(value)
        prepared[key] = value
    return prepared


def _adapter() -> Any:
    global _ADAPTER
    if _ADAPTER is None:
        from pydantic import TypeAdapter

        _ADAPTER = TypeAdapter(Answers)
    return _ADAPTER


_ADAPTER: Any = None


def check(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Validate the keys and values present; returns (prepared answers, missing keys).

    Raises UsageError naming the first wrong key or value, the allowed values and the nearest.
    """
    from pydantic import ValidationError

    if not isinstance(raw, dict):
        raise UsageError("answers must be a mapping of keys to values, e.g. {programming: beginner}")
    unknown = [key for key in raw if key not in CONTRACT]
    if unknown:
        key = str(unknown[0])
        raise UsageError(f"unknown answer key {short(key)}{nearest(key, KEYS)}; keys are: {', '.join(KEYS)}")
    prepared = _prepare(raw)
    try:
        _adapter().validate_python(prepared)
    except ValidationError as error:
        missing = []
        for detail in error.errors(include_url=False):
            location = detail["loc"]
            if detail["type"] == "missing":
                missing.append(str(location[0]))
                continue
            key = str(location[0])
            value = detail.get("input")
            _, values = CONTRACT[key]
            near = nearest(value, values) if isinstance(value, str) and len(value) < 100 else ""
            shown = value if len(location) > 1 or not isinstance(value, tuple) else list(value)
            raise UsageError(f"invalid value {short(shown)} for {key}{near}; allowed: {allowed_text(key)}") from None
        return prepared, [key for key in KEYS if key in missing]
    return prepared, []


def build(prepared: dict[str, Any]) -> Answers:
    """Complete, checked answers as `Answers`, with lists deduplicated in the questions' order."""
    answers: Answers = _adapter().validate_python(prepared)
    values = {key: getattr(answers, key) for key in KEYS}
    for key in MULTISELECT:
        values[key] = tuple(v for v in CONTRACT[key][1] if v in values[key])
    return Answers(**values)


def defaults(questions: Iterable[Question], keys: Iterable[str]) -> dict[str, Any]:
    """The data's default for each of `keys` (already in the shape `check` accepts)."""
    wanted = set(keys)
    return {question.key: question.default for question in questions if question.key in wanted}


def resolve(raw: dict[str, Any], questions: Iterable[Question], use_defaults: bool) -> tuple[dict[str, Any], list[str]]:
    """Check raw answers; with `use_defaults`, fill what is missing from the questions' defaults.

    Returns (prepared answers, missing keys). Defaults need no second check: the content loader
    refuses a question whose default is not an allowed value.
    """
    prepared, missing = check(raw)
    if use_defaults and missing:
        return {**defaults(questions, missing), **prepared}, []
    return prepared, missing


def _looks_like_json(text: str, name: str) -> bool:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in ("yaml", "yml"):
        return False
    return suffix == "json" or text.lstrip()[:1] in ("{", "[")


def parse_document(text: str, name: str) -> dict[str, Any]:
    """An answers file as a raw mapping: strict JSON when it is JSON, else YAML (safe loader only).

    JSON is parsed as JSON, not as YAML, so `{"goal": }` is an error rather than a null.
    """
    import json

    import yaml

    from mlpath import safe_yaml

    if _looks_like_json(text, name):
        try:
            data = json.loads(text, object_pairs_hook=_unique_keys(name), parse_int=json_integer)
        except json.JSONDecodeError as error:
            raise UsageError(f"{name}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}") from None
        except TooLongError as error:
            raise UsageError(f"{name}: refused: {error}") from None
        except RecursionError:
            raise UsageError(f"{name}: refused: arrays or objects nested too deep") from None
        return _mapping(data, name)
    try:
        data = safe_yaml.load(text)
    except safe_yaml.NumberTooLongError as error:
        line, column, reason = safe_yaml.describe(error)
        raise UsageError(f"{name}:{line}:{column}: refused: {reason}") from None
    except safe_yaml.TooLargeError as error:
        raise UsageError(f"{name}: refused: {error}") from None
    except safe_yaml.DuplicateKeyError as error:
        line, column, _ = safe_yaml.describe(error)
        raise UsageError(f"{name}:{line}:{column}: {_twice(error.key, error.problem)}") from None
    except yaml.YAMLError as error:
        line, column, reason = safe_yaml.describe(error)
        where = f"{name}:{line}:{column}" if line else name
        raise UsageError(f"{where}: not valid YAML or JSON: {reason}") from None
    return _mapping(data, name)


def _twice(key: str, detail: str | None = None) -> str:
    where = f" ({detail.split('(', 1)[1]}" if detail and "(" in detail else ""
    return f"the key {short(key)} is given twice{where}; give each answer once"


def _unique_keys(name: str) -> Any:
    """A json.loads hook: an object that names a key twice is an error (JSON would keep the last)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise UsageError(f"{name}: {_twice(key)}")
            result[key] = value
        return result

    return pairs


def _mapping(data: Any, name: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"{name}: answers must be a mapping of keys to values, e.g. programming: beginner")
    return data
