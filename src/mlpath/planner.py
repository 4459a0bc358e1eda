"""Roadmaps for many answer sets at once (`quiz --batch`, `cohort`): each part built once.

The roadmap is made of parts, each reading only a few answers (`engine.roadmap.roadmap_parts`).
A `Planner` builds and encodes a part once per distinct value of its answers and keeps it, so
an answer set costs a few look-ups and a join. The bytes are exactly those of
`render.data.to_json(roadmap_document(...))` (a test holds them equal); the caches are bounded.
Pure: no printing, no files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from mlpath import answers as contract
from mlpath.answers import KEYS, Answers
from mlpath.content.model import Content
from mlpath.engine.roadmap import Part, Piece, roadmap_parts, verdict_keys
from mlpath.engine.verdict import judge
from mlpath.errors import UsageError
from mlpath.render.data import COMPACT
from mlpath.views.roadmap import skipped_document, step_document, study_document, verdict_document

Key = tuple[Any, ...]  # checked answers, one value per key of `answers.KEYS`, lists as sorted tuples
CACHE_LIMIT = 50_000  # entries per cache; past it a cache starts afresh, so memory stays bounded
_BAD = object()


class Degree(NamedTuple):
    years_min: float
    years_max: float
    tuition_min: int
    tuition_max: int


class Outline(NamedTuple):
    """What a summary of a roadmap needs: the verdict, the step ids in order, the degree."""

    level: str
    steps: tuple[str, ...]
    degree: Degree | None


class _Coded(NamedTuple):
    """A piece with its JSON: each step without its number, each skipped step, the estimates."""

    steps: tuple[bytes, ...]
    step_ids: tuple[str, ...]
    skipped: tuple[bytes, ...]
    education: bytes | None  # the estimates' "education" and "assumptions", when this piece has them
    assumptions: bytes | None
    degree: Degree | None


def _encode(value: Any) -> bytes:
    return COMPACT.encode(value).encode("utf-8")


class Planner:
    """Checks answer sets and gives each one's roadmap line (JSON) or outline.

    `overrides` are --set answers (they win over each line's); with `use_defaults`, what a line
    leaves out takes the question's default.
    """

    def __init__(
        self, content: Content, overrides: Mapping[str, Any] | None = None, use_defaults: bool = False
    ) -> None:
        self.content = content
        self.questions = content.questions.questions
        self.use_defaults = use_defaults
        prepared, _ = contract.check(dict(overrides or {}))  # a bad --set is one usage error, before any line
        self.overrides = {key: self._canonical(key, value) for key, value in prepared.items()}
        self.defaults = {q.key: self._canonical(q.key, q.default) for q in self.questions}
        self.parts = roadmap_parts(content)
        self._where = [tuple(KEYS.index(key) for key in part.keys) for part in self.parts]
        self._verdict_where = tuple(KEYS.index(key) for key in verdict_keys(content))
        self._pieces: list[dict[Key, _Coded]] = [{} for _ in self.parts]
        self._verdicts: dict[Key, tuple[str, bytes]] = {}
        self._pairs: dict[tuple[int, Any], bytes] = {}
        self.titles: dict[str, str] = {}  # every step id seen so far: the first title it had
        notes = content.roadmap.notes
        self._tail = b',"not_estimated":' + _encode(notes.not_estimated) + b'},"editorial":' + _encode(notes.editorial)

    # --- answers ---------------------------------------------------------------------------------

    def _canonical(self, key: str, value: Any) -> Any:
        """The checked value in the form `contract.build` gives it, or _BAD if not plainly valid."""
        kind, allowed = contract.CONTRACT[key]
        if kind == "select":
            return value if type(value) is str and value in allowed else _BAD
        if kind == "scale":
            return value if type(value) is int and allowed[0] <= value <= allowed[-1] else _BAD
        if type(value) not in (list, tuple) or not all(type(v) is str and v in allowed for v in value):
            return _BAD
        return tuple(v for v in allowed if v in value)

    def key(self, raw: dict[str, Any]) -> Key:
        """The checked answers of one set; a UsageError says what is wrong, as for --answers."""
        raw.update(self.overrides)
        values = []
        for name in KEYS:
            value = raw[name] if name in raw else self.defaults[name] if self.use_defaults else _BAD
            if value is not _BAD:
                value = self._canonical(name, value)
            values.append(value)
        if _BAD in values or len(raw) > len(KEYS) or any(name not in contract.CONTRACT for name in raw):
            return self._slow_key(raw)
        return tuple(values)

    def _slow_key(self, raw: dict[str, Any]) -> Key:
        """Anything the quick check doubts goes through the contract, for its exact message."""
        prepared, missing = contract.resolve(raw, self.questions, self.use_defaults)
        if missing:
            raise UsageError(f"missing answers: {', '.join(missing)} (or run with --defaults)")
        answers = contract.build(prepared)
        return tuple(getattr(answers, name) for name in KEYS)

    # --- roadmaps --------------------------------------------------------------------------------

    def line(self, key: Key) -> bytes:
        """The roadmap of these answers as one compact JSON document, without a line end."""
        pieces = self._coded(key)
        verdict = self._verdict(key)[1]
        steps = b",".join(
            b'{"number":%d,' % number + step
            for number, step in enumerate((step for piece in pieces for step in piece.steps), 1)
        )
        skipped = b",".join(item for piece in pieces for item in piece.skipped)
        education, assumptions = b"null", b"[]"
        for piece in pieces:
            if piece.education is not None and piece.assumptions is not None:
                education, assumptions = piece.education, piece.assumptions
        return b"".join(
            (
                b'{"tailored":true,"answers":{',
                b",".join(self._pair(index, value) for index, value in enumerate(key)),
                b'},"verdict":',
                verdict,
                b',"steps":[',
                steps,
                b'],"skipped":[',
                skipped,
                b'],"estimates":{"education":',
                education,
                b',"assumptions":',
                assumptions,
                self._tail,
                b"}",
            )
        )

    def outline(self, key: Key) -> Outline:
        pieces = self._coded(key)
        degree = next((piece.degree for piece in pieces if piece.degree is not None), None)
        return Outline(self._verdict(key)[0], tuple(s for piece in pieces for s in piece.step_ids), degree)

    def _pair(self, index: int, value: Any) -> bytes:
        found = self._pairs.get((index, value))
        if found is None:
            found = _encode(KEYS[index]) + b":" + _encode(list(value) if isinstance(value, tuple) else value)
            self._pairs[(index, value)] = found
        return found

    def _coded(self, key: Key) -> list[_Coded]:
        found = []
        answers: Answers | None = None
        for part, where, cache in zip(self.parts, self._where, self._pieces, strict=True):
            sub = tuple(key[index] for index in where)
            coded = cache.get(sub)
            if coded is None:
                answers = answers or _answers(key)
                coded = _stored(cache, sub, self._code(part, answers))
            found.append(coded)
        return found

    def _code(self, part: Part, answers: Answers) -> _Coded:
        piece: Piece = part.build(self.content, answers)
        for step in piece.steps:
            self.titles.setdefault(step.id, step.title)
        steps = tuple(_encode(step_document(0, step))[len(b'{"number":0,') :] for step in piece.steps)
        skipped = tuple(_encode(skipped_document(step)) for step in piece.skipped)
        education = assumptions = None
        degree = None
        if piece.study is not None or piece.assumptions:
            study = piece.study
            notes = self.content.roadmap.notes
            education = _encode(study_document(study, notes)) if study else b"null"
            assumptions = _encode(list(piece.assumptions))
            if study is not None:
                degree = Degree(study.years_min, study.years_max, study.cost.total_min, study.cost.total_max)
        return _Coded(steps, tuple(step.id for step in piece.steps), skipped, education, assumptions, degree)

    def _verdict(self, key: Key) -> tuple[str, bytes]:
        sub = tuple(key[index] for index in self._verdict_where)
        found = self._verdicts.get(sub)
        if found is None:
            verdict = judge(self.content, _answers(key))
            found = _stored(self._verdicts, sub, (verdict.level, _encode(verdict_document(verdict))))
        return found


def _answers(key: Key) -> Answers:
    return Answers(**dict(zip(KEYS, key, strict=True)))


def _stored(cache: dict[Key, Any], sub: Key, value: Any) -> Any:
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[sub] = value
    return value
