"""Every word whole at every width: words wrap; they are never cut, folded or merged.

A word is a maximal run of non-space characters. The words of the document (verdict, its
reasons, every step's title, why and actions, the estimates and notes; answers and reasons worded
as the table words them) must all appear in the table rendering, at any width from 30 to 200, as
many times at least as the document holds them.
The rendering may add words (headings, the summary); it may never lose one. A cut word fails as
the missing whole word; two merged words fail as both missing.

Rendered in-process: `output.formats.write` on a `Terminal` around a `StringIO`, as the CLI draws.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, examples
from mlpath.content import answers as contract
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.engine.compare import Comparison
from mlpath.engine.compare import compare as compare_roadmaps
from mlpath.engine.roadmap import Roadmap, build_roadmap
from mlpath.output import plan as progress
from mlpath.output import roadmap, views
from mlpath.output import words as wording
from mlpath.output.blocks import Bars, Notes, Paragraph, Report, Signed, Steps, Table
from mlpath.output.formats import OutputFormat, write
from mlpath.output.terminal import Terminal
from mlpath.plan.model import replan

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


def document_texts(document: Roadmap) -> list[str]:
    """Every sentence and value of a roadmap that a person reads: the JSON's values, its reasons
    worded as the table words them (the answers' labels, not their keys)."""
    texts: list[str] = []
    verdict = document.verdict
    if verdict is not None:
        texts += [verdict.level, verdict.summary, *(wording.clause(CONTENT, reason) for reason in verdict.reasons)]
    for step in document.steps:
        texts += [step.title, wording.reason(CONTENT, step.why), *step.actions]
    study = document.estimates.education
    if study:
        texts += [study.years_formula, study.tuition_formula]
    texts += [*document.estimates.assumptions, document.estimates.not_estimated, document.editorial]
    texts += [wording.reason(CONTENT, skipped.why) for skipped in document.skipped]
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


def comparison_texts(document: Comparison) -> list[str]:
    """Every sentence and value of a comparison's changes that a person reads, the answers and
    reasons worded as the table words them."""
    found = document.changes
    texts: list[str] = []
    for key, change in found.answers.items():
        texts += [wording.answer(CONTENT, key, change.before), wording.answer(CONTENT, key, change.after)]
    verdict = found.verdict
    if verdict is not None:
        if verdict.before != verdict.after:  # a level kept is worded "mixed, unchanged"
            texts.append(verdict.after)
        texts += [wording.clause(CONTENT, reason) for reason in (*verdict.reasons_added, *verdict.reasons_removed)]
    steps = {step.id: step for step in document.what_if.steps}
    for added in found.steps_added:
        step = steps[added.id]
        texts += [added.title, wording.reason(CONTENT, step.why), *step.actions]
    texts += [step.title for step in found.steps_removed]
    for changed in found.steps_changed:
        texts += [
            changed.title,
            wording.reason(CONTENT, changed.why_before),
            wording.reason(CONTENT, changed.why_after),
            *changed.actions_added,
            *changed.actions_removed,
        ]
        if "title" in changed.changed:
            texts.append(changed.title_before)
    estimates = found.estimates
    if estimates is not None:
        for side in (estimates.before, estimates.after):
            if side is not None:
                texts += [side.years_formula, side.tuition_formula]
        texts += [*estimates.assumptions_added, *estimates.assumptions_removed]
    return [*texts, document.what_if.editorial]  # the only note


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets(), what_if=changes(), width=st.integers(30, 200))
def test_every_word_of_a_comparison_is_whole_at_every_width(
    answers: dict[str, Any], what_if: dict[str, Any], width: int
) -> None:
    base = build_roadmap(CONTENT, contract.build(contract.check(answers)[0]))
    assert base.answers is not None
    asked = contract.check(what_if)[0]  # as --what-if checks them
    comparison = compare_roadmaps(base, build_roadmap(CONTENT, contract.changed(base.answers, asked)))
    report = roadmap.comparison_report(CONTENT, comparison, asked)
    for expected in (comparison_texts(report.document), block_texts(report)):
        lost = lost_words(expected, report, width)
        assert not lost, f"cut or merged at width {width}: {lost}"


def roadmap_report(answers: dict[str, Any] | None) -> Report:
    built = contract.build(contract.check(answers)[0]) if answers is not None else None
    return roadmap.roadmap_report(CONTENT, build_roadmap(CONTENT, built))


@pytest.mark.slow
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
        elif isinstance(block, Signed):
            texts += [block.title, *(text for _, text in block.items)]
    return texts


def _progress() -> Report:
    general = build_roadmap(CONTENT, None)
    plan = replan(None, general, "2026-01-01T00:00:00+00:00").plan
    return progress.progress_report(CONTENT, plan, general, "plan.yaml")  # a path is one word: keep it short


REPORTS: dict[str, Callable[[], Report]] = {
    "about": lambda: views.about(CONTENT),
    "salary": lambda: views.salary(CONTENT),
    "salary-compare": lambda: views.salary(CONTENT, 75000),
    "ladder": lambda: views.ladder(CONTENT),
    "ladder-level": lambda: views.ladder(CONTENT, 3),
    "skills": lambda: views.skills(CONTENT),
    "specialties": lambda: views.specialties(CONTENT),
    "aspects": lambda: views.aspects(CONTENT),
    "education": lambda: views.education(CONTENT, "out-of-state", True),
    "resources": lambda: views.resources(CONTENT),
    "internships": lambda: views.internships(CONTENT),
    "industries": lambda: views.industries(CONTENT),
    "companies": lambda: views.companies(CONTENT),
    "outlook": lambda: views.outlook(CONTENT),
    "work-life": lambda: views.work_life(CONTENT),
    "sources": lambda: views.sources(CONTENT),
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
    {choice.label for question in CONTENT.questions.questions for choice in question.choices}  # a scale's too
    | {f"Next: {level.title}" for level in CONTENT.ladder.levels}
    | {f"Back: {level.title}" for level in CONTENT.ladder.levels}
)


@settings(max_examples=examples(40), deadline=None)
@given(label=st.sampled_from(CHOICE_LABELS), width=st.integers(30, 200), lead=st.sampled_from([3, 5, 6]))
def test_every_word_of_a_quiz_choice_is_whole_at_every_width(label: str, width: int, lead: int) -> None:
    from mlpath.cli.prompts import choice_title

    lines = choice_title(label, width, lead).split("\n")
    assert lead + len(lines[0]) <= width - 1, lines  # questionary draws `lead` columns before it
    assert all(len(line) <= width - 1 for line in lines[1:]), lines
    assert all(line.startswith(" " * lead) and line[lead] != " " for line in lines[1:]), lines  # hangs under it
    assert words(lines) == words([label])


TIP = "Tip: 'mlpath ladder senior' shows one level in full; '--walk' steps through them."  # 81 characters


@pytest.mark.parametrize("width", [40, 80, 82])
def test_a_message_on_a_terminal_wraps_on_words(width: int) -> None:
    err = io.StringIO()
    Terminal(True, True, True, stderr=err, width=width).say(TIP)
    lines = err.getvalue().splitlines()
    assert all(len(line) < width for line in lines) and " ".join(lines) == TIP
    assert len(lines) == (1 if width > len(TIP) else 2 if width == 80 else 3)


def test_a_message_off_a_terminal_or_laid_out_is_written_as_it_is() -> None:
    for tty, laid_out in ((False, False), (True, True)):
        err = io.StringIO()
        Terminal(True, True, tty, stderr=err, width=40).say(TIP, laid_out=laid_out)
        assert err.getvalue() == TIP + "\n"


def test_an_error_on_a_terminal_wraps_on_words(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: Terminal(False, False, True, width=40)))
    result = run("quiz", "--set", "goal=boss")
    lines = result.stderr.splitlines()
    said = "Error: invalid value 'boss' for goal; allowed: one of individual-contributor, tech-lead, manager, director"
    assert result.exit_code == 2 and all(len(line) < 40 for line in lines) and " ".join(lines) == said


@pytest.mark.parametrize(
    ("args", "input"),
    [
        (["cohort", "-", "--defaults"], '{"goal": "manager"}\n{"goal": "chief executive of everything"}\n'),
        (["search", "quantum chromodynamics of the ancient bakeries"], None),
    ],
    ids=["cohort-invalid", "search-no-match"],
)
def test_every_message_on_a_terminal_wraps_on_words(
    run: Run, monkeypatch: pytest.MonkeyPatch, args: list[str], input: str | None
) -> None:
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: Terminal(False, False, True, width=40)))
    result = run(*args, input=input)
    assert result.stderr and all(len(line) < 40 for line in result.stderr.splitlines()), result.stderr


def test_a_usage_error_on_a_terminal_wraps_on_words_with_its_lead(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: Terminal(False, False, True, width=40)))
    result = run("quiz", "--format", "jsn")
    said = result.stderr.split("\n\n", 1)[1].splitlines()  # after the usage and its hint
    assert result.exit_code == 2 and all(len(line) < 40 for line in said), said
    assert " ".join(said) == (
        "Error: Invalid value for '--format' / '-f': 'jsn' is not one of 'table', 'plain', 'json', 'yaml', "
        "'markdown', 'csv' (did you mean 'json'?)"
    )


def _help(run: Run, *args: str, width: int) -> list[str]:
    result = run(*args, "--help", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("width", [40, 50])
def test_help_on_a_narrow_screen_puts_each_options_help_under_it_in_whole_words(run: Run, width: int) -> None:
    from mlpath.cli.application import COMMAND_MODULES

    for name in ("", *COMMAND_MODULES):
        lines = _help(run, *filter(None, [name]), width=width)
        assert all(len(line) < width for line in lines), (name, [line for line in lines if len(line) >= width])
        listed = lines[next(i for i, line in enumerate(lines) if line in ("Options:", "Commands:")) :]
        said = [line for line in listed if not line.lstrip().startswith("-")]
        wide = _help(run, *filter(None, [name]), width=200)
        # a command's help cut short ("..."), and an option's values folded at "|", are not words
        whole = Counter({w: n for w, n in words(said).items() if not w.endswith(("...", ">")) and "|" not in w})
        assert whole <= words(wide), name


def test_an_example_too_long_for_a_narrow_screen_is_folded_as_a_shell_reads_it(run: Run) -> None:
    lines = _help(run, "salary", width=40)
    assert "    mlpath salary --json | jq \\" in lines and "      '.tiers[].amount'" in lines  # quotes kept whole
    assert "  -f, --format <table|plain|json|yaml|" in _help(run, "quiz", width=40)


def test_help_at_80_columns_keeps_each_options_help_beside_it(run: Run) -> None:
    lines = _help(run, "quiz", width=80)
    assert "  --defaults                      Fill every unanswered question with its" in lines
    assert any(line.startswith("  about        What an ML engineer is and does") for line in _help(run, width=80))


def test_narrow_help_keeps_a_usage_that_fits_on_one_line_and_never_breaks_at_a_hyphen(run: Run) -> None:
    assert _help(run, "salary", width=40)[0] == "Usage: mlpath salary [OPTIONS]"
    for name in ("roadmap", "data"):
        for width in (40, 50, 80):
            lines = _help(run, name, width=width)
            assert not [line for line in lines if re.search(r"--[a-z-]*-$", line)], (name, width)  # "--what-"
