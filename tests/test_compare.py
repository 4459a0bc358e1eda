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
from mlpath import answers as contract
from mlpath.answers import Answers
from mlpath.content.loader import load_content, packaged_data_dir
from mlpath.engine.compare import Comparison, changed, compare, worth_trying
from mlpath.engine.roadmap import build_roadmap
from mlpath.views.roadmap import roadmap_document

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
    return contract.build(values)


def comparison_of(answers: Answers, key: str, value: Any) -> Comparison:
    base = build_roadmap(CONTENT, answers)
    return compare(base, build_roadmap(CONTENT, changed(answers, {key: value})))


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=answer_sets(), change=one_change())
def test_the_comparison_agrees_with_the_two_roadmaps(values: dict[str, Any], change: tuple[str, Any]) -> None:
    answers = build(values)
    comparison = comparison_of(answers, *change)
    base, what_if = comparison.base, comparison.what_if
    base_ids = [step.id for step in base.steps]
    what_if_ids = [step.id for step in what_if.steps]
    assert [step.id for step in comparison.steps_added] == [i for i in what_if_ids if i not in base_ids]
    assert [step.id for step in comparison.steps_removed] == [i for i in base_ids if i not in what_if_ids]
    before = {step.id: step for step in base.steps}
    differing = [step.id for step in what_if.steps if step.id in before and before[step.id] != step]
    assert [change.after.id for change in comparison.steps_changed] == differing
    for step_change in comparison.steps_changed:
        assert step_change.fields, "a changed step names what changed"
        assert set(step_change.actions_added) <= set(step_change.after.actions)
        assert not set(step_change.actions_removed) & set(step_change.after.actions)
        assert ("actions" in step_change.fields) == (step_change.before.actions != step_change.after.actions)
    assert [c.key for c in comparison.answers] == [
        k for k in contract.KEYS if getattr(answers, k) != getattr(what_if.answers, k)
    ]
    assert (comparison.verdict is None) == (base.verdict == what_if.verdict)
    if comparison.verdict is not None:
        assert base.verdict is not None and what_if.verdict is not None
        assert set(comparison.verdict.reasons_added) == set(what_if.verdict.reasons) - set(base.verdict.reasons)
        assert set(comparison.verdict.reasons_removed) == set(base.verdict.reasons) - set(what_if.verdict.reasons)
    same_estimates = base.study == what_if.study and base.assumptions == what_if.assumptions
    assert (comparison.estimates is None) == same_estimates


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=answer_sets(), change=one_change())
def test_nothing_changes_exactly_when_the_roadmaps_are_the_same(
    values: dict[str, Any], change: tuple[str, Any]
) -> None:
    answers = build(values)
    comparison = comparison_of(answers, *change)
    base = dict(roadmap_document(CONTENT, comparison.base))
    what_if = dict(roadmap_document(CONTENT, comparison.what_if))
    assert (not comparison.answers) == (base.pop("answers") == what_if.pop("answers"))
    # Whatever the comparison leaves out must be the same in both roadmaps.
    assert comparison.alters_roadmap == (base != what_if)
    key, value = change
    if getattr(answers, key) == getattr(changed(answers, {key: value}), key):  # lists in the questions' order
        assert comparison.empty


@settings(max_examples=examples(100), deadline=None)
@given(values=answer_sets())
def test_a_roadmap_compared_with_itself_changes_nothing(values: dict[str, Any]) -> None:
    roadmap = build_roadmap(CONTENT, build(values))
    comparison = compare(roadmap, roadmap)
    assert comparison.empty and not comparison.alters_roadmap
    assert not comparison.answers and not comparison.steps_changed
    assert not comparison.steps_added and not comparison.steps_removed
    assert comparison.verdict is None and comparison.estimates is None


def test_part_time_study_changes_the_degree_step_and_its_estimate_only() -> None:
    answers = build(contract.resolve({}, CONTENT.questions.questions, use_defaults=True)[0])
    comparison = comparison_of(answers, "study", "part-time")
    assert [(c.key, c.before, c.after) for c in comparison.answers] == [("study", "full-time", "part-time")]
    assert comparison.verdict is None and not comparison.steps_added and not comparison.steps_removed
    assert [(c.after.id, c.fields) for c in comparison.steps_changed] == [("degree-bachelor", ("why",))]
    assert comparison.estimates is not None
    before, after = comparison.estimates.before, comparison.estimates.after
    assert before is not None and after is not None
    assert (before.years_min, after.years_min) == (4, 8)
    assert before.cost == after.cost  # the same tuition in total
    assert len(comparison.estimates.assumptions_added) == 1 and not comparison.estimates.assumptions_removed


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
        assert comparison_of(answers, key, value).alters_roadmap


def test_the_default_answers_are_offered_part_time_study_a_goal_and_online_study() -> None:
    answers = build(contract.resolve({}, CONTENT.questions.questions, use_defaults=True)[0])
    assert worth_trying(CONTENT, answers) == (("study", "part-time"), ("goal", "manager"), ("path", "online"))
    out_of_state = changed(answers, {"residency": "out-of-state", "study": "part-time"})
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
