"""The comparison engine: what changes between two roadmaps, and which comparisons are offered.

Property-tested over every kind of answer set and every change of one answer: the comparison
agrees with the two roadmaps it compares, and says nothing changed exactly when nothing did.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from mlpath.content import answers as contract
from mlpath.content.answers import Answers
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.engine.compare import Comparison, compare, worth_trying
from mlpath.engine.roadmap import Roadmap, RoadmapStep, build_roadmap
from mlpath.model import dump

CONTENT = load_content(packaged_data_dir())


def answer_sets() -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for key, (kind, values) in contract.CONTRACT.items():
        if kind == "multiselect":
            fields[key] = st.lists(st.sampled_from(values), unique=True, max_size=len(values)).map(tuple)
        else:
            fields[key] = st.sampled_from(values)
    return st.fixed_dictionaries(fields)


def one_change() -> st.SearchStrategy[tuple[str, Any]]:
    """Any key with any value it allows (possibly the value it already has)."""

    def values(key: str) -> st.SearchStrategy[tuple[str, Any]]:
        kind, allowed = contract.CONTRACT[key]
        if kind == "multiselect":
            chosen = st.lists(st.sampled_from(allowed), unique=True, max_size=len(allowed)).map(tuple)
            return chosen.map(lambda value: (key, value))
        return st.sampled_from(allowed).map(lambda value: (key, value))

    return st.sampled_from(contract.KEYS).flatmap(values)


def build(values: dict[str, Any]) -> Answers:
    """Answers as every way in checks them (lists in the questions' order)."""
    prepared, missing = contract.check(values)
    assert not missing
    return contract.build(prepared)


def changed(answers: Answers, key: str, value: Any) -> Answers:
    """`answers` with one answer changed, checked as `--what-if KEY=VALUE` checks it."""
    return contract.changed(answers, contract.check({key: value})[0])


def comparison_of(answers: Answers, key: str, value: Any) -> Comparison:
    base = build_roadmap(CONTENT, answers)
    return compare(base, build_roadmap(CONTENT, changed(answers, key, value)))


def shown(step: RoadmapStep) -> dict[str, Any]:
    """A step as its JSON shows it, but for its number (a step moves when one before it comes or goes)."""
    document: dict[str, Any] = dump(step)
    del document["number"]
    return document


def steps_of(roadmap: Roadmap) -> dict[str, RoadmapStep]:
    return {step.id: step for step in roadmap.steps}


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=answer_sets(), change=one_change())
def test_the_comparison_agrees_with_the_two_roadmaps(values: dict[str, Any], change: tuple[str, Any]) -> None:
    answers = build(values)
    comparison = comparison_of(answers, *change)
    base, what_if, changes = comparison.base, comparison.what_if, comparison.changes
    assert base.answers is not None and what_if.answers is not None
    before, after = steps_of(base), steps_of(what_if)
    base_ids = [step.id for step in base.steps]
    what_if_ids = [step.id for step in what_if.steps]
    assert [step.id for step in changes.steps_added] == [i for i in what_if_ids if i not in base_ids]
    assert [step.id for step in changes.steps_removed] == [i for i in base_ids if i not in what_if_ids]
    for listed, roadmap in ((changes.steps_added, after), (changes.steps_removed, before)):
        assert [(s.number, s.title) for s in listed] == [(roadmap[s.id].number, roadmap[s.id].title) for s in listed]
    differing = [step.id for step in what_if.steps if step.id in before and shown(before[step.id]) != shown(step)]
    assert [step_change.id for step_change in changes.steps_changed] == differing
    for step_change in changes.steps_changed:
        old, new = shown(before[step_change.id]), shown(after[step_change.id])
        assert step_change.changed, "a changed step names what changed"
        assert set(step_change.changed) == {name for name in new if old[name] != new[name]}
        assert (step_change.number, step_change.title) == (after[step_change.id].number, new["title"])
        assert step_change.title_before == old["title"]
        assert (step_change.why_before, step_change.why_after) == (
            before[step_change.id].why,
            after[step_change.id].why,
        )
        assert set(step_change.actions_added) <= set(new["actions"])
        assert not set(step_change.actions_removed) & set(new["actions"])
        assert ("actions" in step_change.changed) == (old["actions"] != new["actions"])
    differ = [k for k in contract.KEYS if getattr(base.answers, k) != getattr(what_if.answers, k)]
    assert list(changes.answers) == differ
    assert all(
        (c.before, c.after) == (getattr(base.answers, k), getattr(what_if.answers, k))
        for k, c in changes.answers.items()
    )
    assert (changes.verdict is None) == (base.verdict == what_if.verdict)
    if changes.verdict is not None:
        assert base.verdict is not None and what_if.verdict is not None
        assert (changes.verdict.before, changes.verdict.after) == (base.verdict.level, what_if.verdict.level)
        assert set(changes.verdict.reasons_added) == set(what_if.verdict.reasons) - set(base.verdict.reasons)
        assert set(changes.verdict.reasons_removed) == set(base.verdict.reasons) - set(what_if.verdict.reasons)
    same_estimates = (
        base.estimates.education == what_if.estimates.education
        and base.estimates.assumptions == what_if.estimates.assumptions
    )
    assert (changes.estimates is None) == same_estimates


def empty(comparison: Comparison) -> bool:
    """Nothing changes: not an answer, nor the roadmap."""
    return not comparison.changes.answers and not comparison.changes.alters_roadmap


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=answer_sets(), change=one_change())
def test_nothing_changes_exactly_when_the_roadmaps_are_the_same(
    values: dict[str, Any], change: tuple[str, Any]
) -> None:
    answers = build(values)
    comparison = comparison_of(answers, *change)
    base = dump(comparison.base)  # as --json shows them
    what_if = dump(comparison.what_if)
    assert (not comparison.changes.answers) == (base.pop("answers") == what_if.pop("answers"))
    # Whatever the comparison leaves out must be the same in both roadmaps.
    assert comparison.changes.alters_roadmap == (base != what_if)
    key, value = change
    if getattr(answers, key) == getattr(changed(answers, key, value), key):  # lists in the questions' order
        assert empty(comparison)


@settings(max_examples=examples(100), deadline=None)
@given(values=answer_sets())
def test_a_roadmap_compared_with_itself_changes_nothing(values: dict[str, Any]) -> None:
    roadmap = build_roadmap(CONTENT, build(values))
    changes = compare(roadmap, roadmap).changes
    assert not changes.alters_roadmap
    assert not changes.answers and not changes.steps_changed
    assert not changes.steps_added and not changes.steps_removed
    assert changes.verdict is None and changes.estimates is None


def test_part_time_study_changes_the_degree_step_and_its_estimate_only() -> None:
    answers = build(contract.resolve({}, CONTENT.questions.questions, use_defaults=True)[0])
    changes = comparison_of(answers, "study", "part-time").changes
    assert [(key, c.before, c.after) for key, c in changes.answers.items()] == [("study", "full-time", "part-time")]
    assert changes.verdict is None and not changes.steps_added and not changes.steps_removed
    assert [(c.id, c.changed) for c in changes.steps_changed] == [("degree-bachelor", ("why",))]
    assert changes.estimates is not None
    before, after = changes.estimates.before, changes.estimates.after
    assert before is not None and after is not None
    assert (before.years_min, after.years_min) == (4, 8)
    assert (before.tuition_min, before.tuition_max) == (after.tuition_min, after.tuition_max)  # the same in total
    assert len(changes.estimates.assumptions_added) == 1 and not changes.estimates.assumptions_removed


def test_a_general_roadmap_is_not_compared_with_a_tailored_one() -> None:
    answers = build(contract.resolve({}, CONTENT.questions.questions, use_defaults=True)[0])
    with pytest.raises(ValueError, match="two tailored roadmaps"):
        compare(build_roadmap(CONTENT, None), build_roadmap(CONTENT, answers))


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=answer_sets())
def test_every_comparison_offered_changes_the_roadmap(values: dict[str, Any]) -> None:
    answers = build(values)
    offers = worth_trying(CONTENT, answers)
    rules = CONTENT.roadmap.what_if
    assert len(offers) <= rules.offer
    assert len({key for key, _ in offers}) == len(offers), "one change per answer"
    tries = [(attempt.key, attempt.value) for attempt in rules.tries]
    assert [tries.index(offer) for offer in offers] == sorted(tries.index(offer) for offer in offers)
    for key, value in offers:
        assert getattr(answers, key) != value
        assert comparison_of(answers, key, value).changes.alters_roadmap


def test_the_default_answers_are_offered_part_time_study_a_goal_and_online_study() -> None:
    answers = build(contract.resolve({}, CONTENT.questions.questions, use_defaults=True)[0])
    assert worth_trying(CONTENT, answers) == (("study", "part-time"), ("goal", "manager"), ("path", "online"))
    out_of_state = contract.changed(answers, contract.check({"residency": "out-of-state", "study": "part-time"})[0])
    assert worth_trying(CONTENT, out_of_state) == (("residency", "in-state"), ("goal", "manager"), ("path", "online"))


def test_without_a_degree_no_study_change_is_offered() -> None:
    answers = build(contract.resolve({"education": "master-cs"}, CONTENT.questions.questions, use_defaults=True)[0])
    offered = dict(worth_trying(CONTENT, answers))
    assert "study" not in offered and "residency" not in offered  # no degree step: nothing to price


def test_the_offers_come_from_the_data(content_dir: Path) -> None:
    roadmap = content_dir / "roadmap.yaml"
    text = roadmap.read_text()
    assert "  offer: 3\n" in text
    roadmap.write_text(
        text.replace("  offer: 3\n", "  offer: 1\n").replace(
            "{key: study, value: part-time}", "{key: goal, value: director}"
        )
    )
    content = load_content(content_dir)
    answers = build(contract.resolve({}, content.questions.questions, use_defaults=True)[0])
    assert worth_trying(content, answers) == (("goal", "director"),)
