"""Every word whole at every width: words wrap; they are never cut, folded or merged.

A word is a maximal run of non-space characters. The words of the JSON document (verdict, its
reasons, every step's title, why and actions, the estimates and notes) must all appear in the
table rendering, at any width from 30 to 200, as many times at least as the JSON holds them.
The rendering may add words (headings, the summary); it may never lose one. A cut word fails as
the missing whole word; two merged words fail as both missing.

Rendered in-process: `render.write` on a `Terminal` around a `StringIO`, as the CLI draws.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from mlpath import answers as contract
from mlpath.content.loader import load_content, packaged_data_dir
from mlpath.engine.compare import changed
from mlpath.engine.compare import compare as compare_roadmaps
from mlpath.engine.roadmap import build_roadmap
from mlpath.progress import new_plan
from mlpath.render import OutputFormat, write
from mlpath.report import Bars, Changes, Notes, Paragraph, Report, Steps, Table
from mlpath.terminal import Terminal
from mlpath.views import compare, education, explore, progress, roadmap, salary, utility

CONTENT = load_content(packaged_data_dir())
DRAWING = set("│┃|•·─━╭╮╰╯┌┐└┘├┤┬┴┼-█░#")  # a token made only of these is drawing, not a word
LIST_COMMA = re.compile(r"(?<=,)(?=[^\W\d])")  # between names ("nlp,robotics"), not digits ("$118,000")
BORDER = "│"  # panel borders touch the first and last words of a line
INDENT = 10  # the deepest indent a word can have: a bullet in a step of a numbered timeline


def drawn(report: Report, width: int) -> str:
    stream = io.StringIO()
    write(report, OutputFormat.table, Terminal(False, False, False, stdout=stream, width=width))
    return stream.getvalue()


def _word(token: str) -> str:
    return token[:-1] if token.endswith(":") else token  # "Why:" and "best:" are labels round a word


def words(texts: Iterable[str]) -> Counter[str]:
    tokens = (_word(token.strip(BORDER)) for text in texts for token in text.split())
    names = (name for token in tokens for name in LIST_COMMA.split(token))  # "nlp,robotics" may break after ","
    return Counter(name for name in names if name and not set(name) <= DRAWING)


def lost_words(expected: Iterable[str], report: Report, width: int) -> dict[str, int]:
    text = drawn(report, width)
    too_wide = [line for line in text.splitlines() if len(line.rstrip()) > width]
    assert not too_wide, f"lines wider than {width}: {too_wide}"
    lost = words(expected) - words(text.splitlines())
    # A word longer than an indented line (a dotted figure path at 30 columns) can only be folded.
    return {word: count for word, count in lost.items() if len(word) <= width - INDENT}


def document_texts(document: Mapping[str, Any]) -> list[str]:
    """Every sentence and value of a roadmap's JSON that a person reads."""
    texts: list[str] = []
    verdict = document["verdict"]
    if verdict is not None:
        texts += [verdict["level"], verdict["summary"], *verdict["reasons"]]
    for step in document["steps"]:
        texts += [step["title"], step["why"], *step["actions"]]
    study = document["estimates"]["education"]
    if study:
        texts += [study["years_formula"], study["tuition_formula"]]
    texts += [*document["estimates"]["assumptions"], document["estimates"]["not_estimated"], document["editorial"]]
    texts += [skipped["why"] for skipped in document["skipped"]]
    return texts


def answer_sets() -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for key, (kind, values) in contract.CONTRACT.items():
        if kind == "multiselect":
            fields[key] = st.lists(st.sampled_from(values), unique=True, max_size=len(values))
        else:
            fields[key] = st.sampled_from(values)
    return st.fixed_dictionaries(fields)


def changes() -> st.SearchStrategy[dict[str, Any]]:
    """One or two answers changed to any value they allow."""
    single = {
        key: st.lists(st.sampled_from(values), unique=True).map(tuple)
        if kind == "multiselect"
        else st.sampled_from(values)
        for key, (kind, values) in contract.CONTRACT.items()
    }
    keys = st.lists(st.sampled_from(contract.KEYS), min_size=1, max_size=2, unique=True)
    return keys.flatmap(lambda chosen: st.fixed_dictionaries({key: single[key] for key in chosen}))


def comparison_texts(document: Mapping[str, Any]) -> list[str]:
    """Every sentence and value of a comparison's changes that a person reads."""
    found = document["changes"]
    texts: list[str] = []
    for key, change in found["answers"].items():
        texts += [key, compare.shown(change["before"]), compare.shown(change["after"])]
    verdict = found["verdict"]
    if verdict is not None:
        if verdict["before"] != verdict["after"]:  # a level kept is worded "mixed, unchanged"
            texts.append(verdict["after"])
        texts += [*verdict["reasons_added"], *verdict["reasons_removed"]]
    steps = {step["id"]: step for step in document["what_if"]["steps"]}
    for step in found["steps_added"]:
        texts += [step["title"], steps[step["id"]]["why"], *steps[step["id"]]["actions"]]
    texts += [step["title"] for step in found["steps_removed"]]
    for step in found["steps_changed"]:
        texts += [
            step["title"],
            step["why_before"],
            step["why_after"],
            *step["actions_added"],
            *step["actions_removed"],
        ]
        if "title" in step["changed"]:
            texts.append(step["title_before"])
    estimates = found["estimates"]
    if estimates is not None:
        for side in ("before", "after"):
            if estimates[side] is not None:
                texts += [estimates[side]["years_formula"], estimates[side]["tuition_formula"]]
        texts += [*estimates["assumptions_added"], *estimates["assumptions_removed"]]
    return [*texts, document["what_if"]["editorial"]]  # the only note


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets(), what_if=changes(), width=st.integers(30, 200))
def test_every_word_of_a_comparison_is_whole_at_every_width(
    answers: dict[str, Any], what_if: dict[str, Any], width: int
) -> None:
    base = build_roadmap(CONTENT, contract.build(contract.check(answers)[0]))
    assert base.answers is not None
    comparison = compare_roadmaps(base, build_roadmap(CONTENT, changed(base.answers, what_if)))
    report = compare.comparison_report(CONTENT, comparison, what_if)
    for expected in (comparison_texts(report.document), block_texts(report)):
        lost = lost_words(expected, report, width)
        assert not lost, f"cut or merged at width {width}: {lost}"


def roadmap_report(answers: dict[str, Any] | None) -> Report:
    built = contract.build(contract.check(answers)[0]) if answers is not None else None
    return roadmap.roadmap_report(CONTENT, build_roadmap(CONTENT, built))


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=st.one_of(st.none(), answer_sets()), width=st.integers(30, 200))
def test_every_word_of_the_roadmap_is_whole_at_every_width(answers: dict[str, Any] | None, width: int) -> None:
    report = roadmap_report(answers)
    lost = lost_words(document_texts(report.document), report, width)
    assert not lost, f"cut or merged at width {width}: {lost}"


def block_texts(report: Report) -> list[str]:
    """Every string a table rendering of the report must show whole."""
    texts = [report.title]
    for block in report.blocks:
        if isinstance(block, Paragraph):
            texts += [block.title, block.text]
        elif isinstance(block, Table):
            # A one-column table is a bullet list without its header; a table too wide for its words
            # is stacked, each row named by its first cell, so the first header may not be shown.
            texts += [block.title, *block.columns[1:], *(cell for row in block.rows for cell in row)]
        elif isinstance(block, Bars):
            texts.append(block.title)
            for bar in (*block.bars, *((block.reference,) if block.reference else ())):
                texts += [bar.label, bar.text, bar.note]
        elif isinstance(block, Steps):
            texts.append(block.title)
            group = ""
            for step in block.steps:
                if step.group != group:  # a heading where the phase changes
                    group = step.group
                    texts.append(group)
                texts += [step.title, step.summary, *step.details, step.status]
        elif isinstance(block, Notes):
            texts += [block.title, *block.items]
        elif isinstance(block, Changes):
            texts += [block.title, *(text for _, text in block.items)]
    return texts


def _progress() -> Report:
    plan = new_plan(build_roadmap(CONTENT, None), "2026-01-01T00:00:00+00:00")
    return progress.progress_report(CONTENT, plan, Path("plan.yaml"))  # a path is one word: keep it short


REPORTS: dict[str, Callable[[], Report]] = {
    "about": lambda: explore.about(CONTENT),
    "salary": lambda: salary.salary(CONTENT),
    "salary-compare": lambda: salary.salary(CONTENT, 75000),
    "ladder": lambda: explore.ladder(CONTENT),
    "ladder-level": lambda: explore.ladder(CONTENT, 3),
    "skills": lambda: explore.skills(CONTENT),
    "specialties": lambda: explore.specialties(CONTENT),
    "aspects": lambda: explore.aspects(CONTENT),
    "education": lambda: education.education(CONTENT, "out-of-state", True),
    "resources": lambda: explore.resources(CONTENT),
    "internships": lambda: explore.internships(CONTENT),
    "industries": lambda: explore.industries(CONTENT),
    "companies": lambda: explore.companies(CONTENT),
    "outlook": lambda: explore.outlook(CONTENT),
    "work-life": lambda: explore.work_life(CONTENT),
    "sources": lambda: utility.sources(CONTENT),
    "questions": lambda: roadmap.questions_report(CONTENT),
    "progress": _progress,
}
BUILT = {name: build() for name, build in REPORTS.items()}


@settings(max_examples=examples(40), deadline=None)
@given(name=st.sampled_from(sorted(BUILT)), width=st.integers(30, 200))
def test_every_word_of_every_table_is_whole_at_every_width(name: str, width: int) -> None:
    report = BUILT[name]
    lost = lost_words(block_texts(report), report, width)
    assert not lost, f"{name}: cut or merged at width {width}: {lost}"


def test_a_long_title_hangs_under_itself_beside_a_two_digit_number() -> None:
    report = roadmap_report(None)
    lines = drawn(report, 40).splitlines()
    tens = [index for index, line in enumerate(lines) if re.match(r" 1\d  \S", line)]
    assert tens, "the general roadmap has ten steps or more"
    for index in tens:
        after = lines[index + 1]
        assert after.startswith(" " * 5) or after.lstrip().startswith("│"), after


CHOICE_LABELS = sorted(
    {choice.label for question in CONTENT.questions.questions for choice in question.choices}
    | {f"{n}  {label}" for n, label in CONTENT.questions.scale_labels.items()}
    | {f"Next: {level.title}" for level in CONTENT.ladder.levels}
    | {f"Back: {level.title}" for level in CONTENT.ladder.levels}
)


@settings(max_examples=examples(40), deadline=None)
@given(label=st.sampled_from(CHOICE_LABELS), width=st.integers(30, 200), lead=st.sampled_from([3, 5]))
def test_every_word_of_a_quiz_choice_is_whole_at_every_width(label: str, width: int, lead: int) -> None:
    from mlpath.prompts import choice_title

    lines = choice_title(label, width, lead).split("\n")
    assert lead + len(lines[0]) <= width - 1, lines  # questionary draws `lead` columns before it
    assert all(len(line) <= width - 1 for line in lines[1:]), lines
    assert all(line.startswith(" " * lead) and line[lead] != " " for line in lines[1:]), lines  # hangs under it
    assert words(lines) == words([label])
