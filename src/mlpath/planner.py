"""Roadmaps for many answer sets at once (`quiz --batch`, `cohort`): each part built once.

The roadmap is made of parts, each reading only a few answers (`engine.roadmap.roadmap_parts`).
A `Planner` builds and encodes a part once per distinct value of its answers and keeps it, so
an answer set costs a few look-ups and a join. The bytes are exactly those of
`render.data.to_json(roadmap_document(...))` (a test holds them equal); the caches are bounded.
Pure: no printing, no files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from mlpath import answers as contract
from mlpath.answers import KEYS, Answers
from mlpath.content.model import Content
from mlpath.content.model.quiz import VerdictFactor
from mlpath.engine.roadmap import Part, Piece, RoadmapStep, roadmap_parts
from mlpath.engine.verdict import factor_clause, level_summary, neutral_note, note_keys, verdict_level, verdict_notes
from mlpath.errors import UsageError
from mlpath.render.data import COMPACT
from mlpath.views.roadmap import clause_text, reason_text, skipped_document, study_document

T = TypeVar("T")
Key = tuple[Any, ...]  # checked answers, one value per key of `answers.KEYS`, lists as sorted tuples
CACHE_LIMIT = 20_000  # entries per cache; past it a cache starts afresh, so memory stays bounded
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
        self._checks = [(name, _checker(*contract.CONTRACT[name])) for name in KEYS]
        checks = dict(self._checks)
        # A bad --set is one usage error, before any line. (Without one, the contract's validator
        # is never built unless a line needs it: it takes a twentieth of a second.)
        prepared = contract.check(dict(overrides))[0] if overrides else {}
        self.overrides = {key: checks[key](value) for key, value in prepared.items()}
        self.defaults = {q.key: checks[q.key](q.default) for q in self.questions}
        self.parts = roadmap_parts(content)
        self._subkeys = [_getter(part.keys) for part in self.parts]
        self._pieces: list[dict[Any, _Coded]] = [{} for _ in self.parts]
        rules = content.verdict
        self._factors = [(KEYS.index(factor.key), factor) for factor in rules.factors]
        self._factor_codes: dict[tuple[int, Any], tuple[bool, bytes] | None] = {}
        self._note_key = _getter(note_keys(rules))
        self._notes: dict[Any, tuple[bytes, ...]] = {}
        self._levels: dict[tuple[int, int], tuple[str, bytes]] = {}
        self._neutral = _encode(clause_text(neutral_note(rules)))
        # The answers document in a few groups of keys, each with few distinct values: one look-up each.
        self._answer_groups: list[tuple[Callable[[Key], Any], dict[Any, bytes]]] = [
            (_getter(tuple(KEYS[i] for i in group)), {}) for group in ANSWER_GROUPS
        ]
        self._lists: dict[tuple[str, ...], bytes] = {}
        self.titles: dict[str, str] = {}  # every step id seen so far: the first title it had
        notes = content.roadmap.notes
        self._tail = b',"not_estimated":' + _encode(notes.not_estimated) + b'},"editorial":' + _encode(notes.editorial)

    # --- answers ---------------------------------------------------------------------------------

    def key(self, raw: dict[str, Any]) -> Key:
        """The checked answers of one set; a UsageError says what is wrong, as for --answers."""
        if self.overrides:
            raw.update(self.overrides)
        values: list[Any] = []
        filled = 0
        for name, check in self._checks:
            value = raw.get(name, _BAD)
            if value is _BAD:
                if not self.use_defaults:
                    return self._slow_key(raw)
                value = self.defaults[name]
                filled += 1
            else:
                value = check(value)
                if value is _BAD:
                    return self._slow_key(raw)
            values.append(value)
        if len(raw) + filled != len(values):  # a key that is not an answer
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
        steps = [step for piece in pieces for step in piece.steps]
        parts = [b""] * (2 * len(steps))  # '{"number":N,' and the rest of each step, in turn
        parts[::2] = _NUMBERED[: len(steps)]
        parts[1::2] = steps
        skipped = b",".join([item for piece in pieces for item in piece.skipped])
        education, assumptions = b"null", b"[]"
        for piece in pieces:
            if piece.education is not None and piece.assumptions is not None:
                education, assumptions = piece.education, piece.assumptions
        answers = []
        for group, (subkey, cache) in enumerate(self._answer_groups):
            sub = subkey(key)
            found = cache.get(sub)
            if found is None:
                found = _stored(cache, sub, self._answers_json(group, key))
            answers.append(found)
        return b"".join(
            (
                b'{"tailored":true,"answers":{',
                b",".join(answers),  # each group's "key":value pairs
                b'},"verdict":',
                verdict,
                b',"steps":[',
                b"".join(parts),
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

    def _answers_json(self, group: int, key: Key) -> bytes:
        """The "key":value pairs of one group of answers, as the answers document holds them."""
        return b",".join(
            _encode(KEYS[index]) + b":" + _encode(list(key[index]) if isinstance(key[index], tuple) else key[index])
            for index in ANSWER_GROUPS[group]
        )

    def _coded(self, key: Key) -> list[_Coded]:
        found = []
        answers: Answers | None = None
        for part, subkey, cache in zip(self.parts, self._subkeys, self._pieces, strict=True):
            sub = subkey(key)
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
        steps = tuple(self._step_json(step) for step in piece.steps)
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

    def _step_json(self, step: RoadmapStep) -> bytes:
        """`step_document` as JSON without its number: '"id":...}'. Its lists (the actions above
        all) recur across answer sets, so each is encoded once; only the why is new each time."""
        lists = self._lists
        used = lists.get(step.answers_used) or _stored(lists, step.answers_used, _encode(list(step.answers_used)))
        actions = lists.get(step.actions) or _stored(lists, step.actions, _encode(list(step.actions)))
        head = _encode({"id": step.id, "phase": step.phase, "title": step.title})[1:-1]
        why = _encode(reason_text(step.reason))
        return b"".join((head, b',"why":', why, b',"answers_used":', used, b',"actions":', actions, b"}"))

    # --- the verdict, from its parts (see engine.verdict.judge, which it matches byte for byte) ---

    def _verdict(self, key: Key) -> tuple[str, bytes]:
        """(the level, the verdict's JSON)."""
        strengths: list[bytes] = []
        concerns: list[bytes] = []
        codes = self._factor_codes
        for index, factor in self._factors:
            value = key[index]
            code = codes.get((index, value), _BAD)
            if code is _BAD:
                code = self._factor_code(index, factor, value)
            if code is not None:
                (strengths if code[0] else concerns).append(code[1])  # type: ignore[index]
        found = self._levels.get((len(strengths), len(concerns)))
        if found is None:
            found = self._level(len(strengths), len(concerns))
        level, head = found
        sub = self._note_key(key)
        notes = self._notes.get(sub)
        if notes is None:
            texts = verdict_notes(self.content.verdict, _answers(key))
            notes = _stored(self._notes, sub, tuple(_encode(clause_text(clause)) for clause in texts))
        if not strengths and not concerns:
            notes = (self._neutral, *notes)
        return level, b"".join(
            (
                head,
                b',"reasons":[',
                b",".join([*strengths, *concerns, *notes]),
                b'],"strengths":[',
                b",".join(strengths),
                b'],"concerns":[',
                b",".join(concerns),
                b"]}",
            )
        )

    def _factor_code(self, index: int, factor: VerdictFactor, value: Any) -> tuple[bool, bytes] | None:
        found = factor_clause(self.content.verdict, factor, value)
        code = None if found is None else (found[0] == "strength", _encode(clause_text(found[1])))
        self._factor_codes[(index, value)] = code
        return code

    def _level(self, strengths: int, concerns: int) -> tuple[str, bytes]:
        rule = verdict_level(self.content.verdict, strengths, concerns)
        head = b'{"level":' + _encode(rule.level) + b',"summary":' + _encode(level_summary(rule, concerns))
        self._levels[(strengths, concerns)] = (rule.level, head)
        return rule.level, head


def _answer_groups(size: int = 4) -> tuple[tuple[int, ...], ...]:
    """The indexes of `KEYS` in runs of `size` (a list counts as a run of its own), in order."""
    groups: list[list[int]] = [[]]
    for index, name in enumerate(KEYS):
        if name in contract.MULTISELECT or len(groups[-1]) == size:
            groups.append([])
        groups[-1].append(index)
        if name in contract.MULTISELECT:
            groups.append([])
    return tuple(tuple(group) for group in groups if group)


ANSWER_GROUPS = _answer_groups()
_NUMBERED = (b'{"number":1,', *(b',{"number":%d,' % number for number in range(2, 1001)))


def _getter(keys: tuple[str, ...]) -> Callable[[Key], Any]:
    """The values of `keys` in a Key, as a cache key."""
    indexes = [KEYS.index(key) for key in keys]
    if not indexes:
        return lambda key: ()
    return itemgetter(*indexes)


def _checker(kind: str, allowed: tuple[Any, ...]) -> Callable[[Any], Any]:
    """A quick check of one answer: its value as `contract.build` gives it, or _BAD when the
    value is not plainly valid (the contract then words the error, or accepts it after all)."""
    members = frozenset(allowed)
    if kind == "select":
        return lambda value: value if type(value) is str and value in members else _BAD
    if kind == "scale":
        return lambda value: value if type(value) is int and value in members else _BAD
    known: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def listed(value: Any) -> Any:
        if type(value) is not list and type(value) is not tuple:
            return _BAD
        try:
            return known[tuple(value)]
        except KeyError:
            pass
        except TypeError:  # an unhashable item: not a valid one either
            return _BAD
        if len(value) > len(allowed) or not all(type(item) is str and item in members for item in value):
            return _BAD
        return _stored(known, tuple(value), tuple(item for item in allowed if item in value))

    return listed


def _answers(key: Key) -> Answers:
    return Answers(**dict(zip(KEYS, key, strict=True)))


def _stored(cache: dict[Any, T], sub: Any, value: T) -> T:
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[sub] = value
    return value
