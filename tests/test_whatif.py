"""`--what-if` through the real CLI: the comparison in every format, its errors, how it combines
with --save, --save-answers, -o and the interactive quiz, and the comparisons the quiz offers."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from conftest import Run
from mlpath.cli import prompts
from mlpath.output.terminal import Terminal

ENTER, DOWN = "\r", "\x1b[B"
PART_TIME = ("roadmap", "--defaults", "--what-if", "study=part-time")
CHANGES = {"answers", "verdict", "steps_added", "steps_removed", "steps_changed", "estimates"}
NOTHING: dict[str, Any] = {
    "answers": {},
    "verdict": None,
    "steps_added": [],
    "steps_removed": [],
    "steps_changed": [],
    "estimates": None,
}


def as_json(run: Run, *argv: str) -> Any:
    result = run(*argv, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_json_holds_both_roadmaps_and_what_changes(run: Run) -> None:
    document = as_json(run, *PART_TIME)
    assert set(document) == {"base", "what_if", "changes"} and set(document["changes"]) == CHANGES
    assert document["base"] == as_json(run, "roadmap", "--defaults")
    assert document["what_if"] == as_json(run, "roadmap", "--defaults", "--set", "study=part-time")
    changes = document["changes"]
    assert changes["answers"] == {"study": {"before": "full-time", "after": "part-time"}}
    assert changes["verdict"] is None and changes["steps_added"] == changes["steps_removed"] == []
    [step] = changes["steps_changed"]
    assert (step["number"], step["id"], step["changed"]) == (3, "degree-bachelor", ["why"])
    assert step["why_before"].endswith("priced in-state, full-time")
    assert step["why_after"].endswith("priced in-state, part-time")
    estimates = changes["estimates"]
    assert (estimates["before"]["years_max"], estimates["after"]["years_max"]) == (4, 8)
    assert estimates["after"]["years_formula"] == "typically 4 years × 2 (part-time, an assumption) = 8 years"
    assert estimates["before"]["tuition_formula"] == "4 × $10,162 = $40,648"
    assert estimates["after"]["tuition_formula"] == (
        "4 years of full-time study × $10,162 = $40,648 (part-time assumed to cost the same in total)"
    )
    assert estimates["before"]["tuition_min"] == estimates["after"]["tuition_min"] == 40648
    assert [text[:40] for text in estimates["assumptions_added"]] == ["The article gives the bachelor's length "]


def test_quiz_and_roadmap_compare_alike(run: Run) -> None:
    argv = ("--defaults", "--set", "programming=none", "--what-if", "interests=nlp,robotics")
    assert as_json(run, "quiz", *argv) == as_json(run, "roadmap", *argv)


def test_a_list_answer_brings_its_steps_and_takes_away_the_choice(run: Run) -> None:
    changes = as_json(run, "roadmap", "--defaults", "--what-if", "interests=nlp,robotics")["changes"]
    assert [step["id"] for step in changes["steps_added"]] == ["specialty-nlp", "specialty-robotics"]
    assert [step["id"] for step in changes["steps_removed"]] == ["specialty-choose"]
    assert changes["answers"] == {"interests": {"before": [], "after": ["nlp", "robotics"]}}


def test_a_change_of_fit_answers_moves_the_verdict_and_says_which_reasons(run: Run) -> None:
    flags = ("--what-if", "complex_problems=5", "--what-if", "new_tech=5", "--what-if", "continuous_learning=5")
    document = as_json(run, "roadmap", "--defaults", *flags)
    verdict = document["changes"]["verdict"]
    assert (verdict["before"], verdict["after"]) == ("mixed", "good")
    assert len(verdict["reasons_added"]) == 3 and verdict["reasons_added"][0].startswith("complex_problems = 5: ")
    assert verdict["reasons_removed"] == ["all 7 fit answers sit in the middle: nothing pulls strongly either way"]
    table = run("roadmap", "--defaults", *flags, "--format", "table").stdout
    assert "Verdict: mixed → good" in table


def test_the_same_answer_changes_nothing(run: Run) -> None:
    result = run("roadmap", "--defaults", "--what-if", "study=full-time", "--json")
    assert json.loads(result.stdout)["changes"] == NOTHING
    table = run("roadmap", "--defaults", "--what-if", "study=full-time", "--format", "table").stdout
    assert "Your answers already say so, so both roadmaps are the same." in table
    assert "Steps:" not in table


def test_a_change_that_alters_no_step_says_so(run: Run) -> None:
    # remote_work only words the first role's step; "unimportant" and no answer have the same step
    document = as_json(run, "roadmap", "--defaults", "--set", "remote_work=unimportant", "--what-if", "math=fair")
    assert document["changes"] == NOTHING
    changed = as_json(run, "roadmap", "--defaults", "--set", "industries=software", "--what-if", "industries=")
    assert changed["changes"]["answers"] == {"industries": {"before": ["software"], "after": []}}


def test_the_last_what_if_of_a_key_wins_and_several_keys_combine(run: Run) -> None:
    argv = ("roadmap", "--defaults", "--what-if", "goal=director", "--what-if", "goal=manager")
    answers = as_json(run, *argv, "--what-if", "study=part-time")["changes"]["answers"]
    assert answers == {
        "study": {"before": "full-time", "after": "part-time"},
        "goal": {"before": "individual-contributor", "after": "manager"},
    }


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("stdy=part-time", "--what-if: unknown answer key 'stdy' (did you mean 'study'?); keys are: education,"),
        ("study=part", "--what-if: invalid value 'part' for study (did you mean 'part-time'?); allowed: one of "),
        ("interests=nlp,vison", "invalid value 'vison' for interests (did you mean 'computer-vision'?)"),
        ("resilience=9", "--what-if: invalid value 9 for resilience; allowed: a whole number from 1 to 5"),
        ("study", "--what-if expects KEY=VALUE, got 'study'; e.g. --what-if programming=beginner"),
    ],
)
@pytest.mark.parametrize("command", ["quiz", "roadmap"])
def test_a_bad_what_if_exits_2_with_the_allowed_values(run: Run, command: str, flag: str, message: str) -> None:
    result = run(command, "--defaults", "--what-if", flag)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_what_if_needs_answers_to_compare(run: Run) -> None:
    result = run("roadmap", "--what-if", "study=part-time")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--what-if compares your roadmap with the roadmap for your answers changed" in result.stderr
    assert "--answers FILE, --set KEY=VALUE or --defaults" in result.stderr


@pytest.mark.parametrize("other", [("--batch",), ("--questions",)])
def test_what_if_does_not_combine_with_batch_or_questions(run: Run, other: tuple[str, ...]) -> None:
    result = run("quiz", "--defaults", "--what-if", "study=part-time", *other, input="")
    assert result.exit_code == 2
    assert "--what-if compares two roadmaps" in result.stderr


def test_save_keeps_the_roadmap_of_your_own_answers(run: Run) -> None:
    result = run("roadmap", "--defaults", "--what-if", "programming=advanced", "--save", "--json")
    assert result.exit_code == 0, result.stderr
    plan = as_json(run, "progress")
    assert plan["answers"]["programming"] == "beginner"
    assert [step["id"] for step in plan["steps"]] == [step["id"] for step in json.loads(result.stdout)["base"]["steps"]]
    assert plan["steps"][0]["id"] == "programming"


def test_save_answers_keeps_your_answers_and_replays_the_same_comparison(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    flags = ("--what-if", "goal=manager", "--what-if", "residency=out-of-state")
    first = run("quiz", "--defaults", "--set", "study=part-time", *flags, "--save-answers", str(saved), "--json")
    assert first.exit_code == 0, first.stderr
    answers = yaml.safe_load(saved.read_text())
    assert (answers["goal"], answers["residency"], answers["study"]) == (
        "individual-contributor",
        "in-state",
        "part-time",
    )
    assert run("quiz", "--answers", str(saved), *flags, "--json").stdout == first.stdout


@pytest.mark.parametrize(
    ("name", "fmt"), [("what-if.json", "json"), ("what-if.md", "markdown"), ("what-if.csv", "csv")]
)
def test_output_writes_the_comparison(run: Run, tmp_path: Path, name: str, fmt: str) -> None:
    target = tmp_path / name
    result = run(*PART_TIME, "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Wrote the comparison to {target} ({fmt})." in result.stderr
    assert target.read_text() == run(*PART_TIME, "--format", fmt).stdout


def test_the_table_marks_each_step_and_shows_the_estimates_before_and_after(run: Run) -> None:
    argv = ("roadmap", "--defaults", "--what-if", "programming=advanced", "--what-if", "interests=nlp")
    lines = run(*argv, "--what-if", "residency=out-of-state", "--format", "table").stdout.splitlines()
    assert lines[0] == "What if programming: advanced; interests: natural language processing; residency: out-of-state?"
    full = lines[next(i for i, line in enumerate(lines) if line.startswith("The full comparison")) :]
    marked = [line.split("  ")[0].strip() for line in full if re.match(r" [-+~] +(\d+)?  ", line)]
    assert marked == ["- 1", "~ 3", "- 7", "+"]  # a removed step first, where it stood; yours numbered, a new one not
    text = "\n".join(lines)
    assert "Steps: 1 added (+), 2 removed (-), 1 changed (~), 9 the same" in text
    assert "Left out: You are ready here already (advanced)." in text
    assert "4 × $10,162 = $40,648 (in-state)" in text and "4 × $33,627 = $134,508 (out-of-state)" in text
    assert text.count("The full comparison") == 1


def test_markdown_reads_as_a_diff(run: Run) -> None:
    text = run(
        "roadmap",
        "--defaults",
        "--what-if",
        "programming=advanced",
        "--what-if",
        "study=part-time",
        "--format",
        "markdown",
    ).stdout
    assert text.startswith("# What if programming: advanced; study: part-time?\n")
    assert (
        "- `-` 1. **Grow your Python from scripts to programs**: Left out: You are ready here already (advanced).\n"
        in text
    )
    assert "- `~` 3. **Earn a bachelor's degree in computer science**" in text
    assert (
        "  - `+` Why, what if: Engineers typically hold at least a bachelor's degree; priced in-state, part-time"
        " (no degree yet; not sure yet).\n" in text
    )
    assert (
        "| time | typically 4 years (full-time, the article's durations)"
        " | typically 4 years × 2 (part-time, an assumption) = 8 years |" in text
    )


def test_csv_has_one_row_per_step_that_differs(run: Run) -> None:
    text = run("roadmap", "--defaults", "--what-if", "interests=robotics", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(row["list"], row["id"]) for row in rows] == [
        ("steps_added", "specialty-robotics"),
        ("steps_removed", "specialty-choose"),
        ("steps_changed", "internship"),
    ]
    assert rows[2]["changed"] == "why,answers_used,actions" and rows[2]["actions_added"]


def test_plain_leads_with_the_changes_and_keeps_the_two_roadmaps_apart(run: Run) -> None:
    lines = run(*PART_TIME).stdout.splitlines()
    assert lines[0] == "answer_changed\tstudy\tfull-time\tpart-time"
    assert lines[1].startswith("step_changed\t3\tdegree-bachelor\tEarn a bachelor's degree in computer science\twhy\t")
    assert lines[2].startswith(
        "estimates_changed\tin-state\tfull-time\t4.0\t4.0\ttypically 4 years (full-time, the article's durations)\t"
    )
    assert lines[2].endswith(
        "\ttypically 4 years × 2 (part-time, an assumption) = 8 years\t40648\t40648"
        "\t4 years of full-time study × $10,162 = $40,648 (part-time assumed to cost the same in total)"
    )
    base = [line for line in lines if line.startswith("base_step\t")]
    what_if = [line for line in lines if line.startswith("what_if_step\t")]
    assert len(base) == len(what_if) == 12 and base != what_if
    assert not any(line.startswith("step\t") for line in lines)


# --- the interactive quiz -----------------------------------------------------------------------


class Screen(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def keyboard(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """Keys for the quiz's prompts; the save question is answered no; stdout is not a terminal."""
    with create_pipe_input() as pipe:
        monkeypatch.setattr(prompts, "ask", functools.partial(prompts.ask, input=pipe))
        monkeypatch.setattr(prompts, "terminal_output", DummyOutput)
        monkeypatch.setattr(prompts, "confirm", lambda message, default: False)
        monkeypatch.setattr(
            Terminal,
            "detect",
            # the streams CliRunner puts in place while it runs the command
            classmethod(lambda cls: Terminal(True, False, True, stdout=sys.stdout, stderr=sys.stderr, width=100)),
        )
        yield pipe


def test_the_interactive_quiz_asks_then_compares(run: Run, keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(ENTER * 17)
    result = run("quiz", "--what-if", "study=part-time")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("answer_changed\tstudy\tfull-time\tpart-time\n")  # plain: stdout is no terminal
    assert "  mlpath quiz --defaults --what-if study=part-time" in result.stderr  # the replay compares again
    assert "see what one change would do" not in result.stderr  # a comparison offers no other
    assert not (tmp_path / "home" / "quiz-resume.json").exists()


def test_a_bad_what_if_is_refused_before_any_question(run: Run, keyboard: PipeInput) -> None:
    result = run("quiz", "--what-if", "study=half-time")
    assert result.exit_code == 2 and "did you mean 'part-time'" in result.stderr
    assert "1/17" not in result.stderr


@pytest.mark.slow
def test_the_quiz_save_question_with_what_if_names_the_roadmap_it_saves(
    run: Run, keyboard: PipeInput, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm(message: str, default: bool) -> bool:
        asked.append(message)
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    keyboard.send_text(ENTER * 17)
    assert run("quiz", "--what-if", "programming=advanced").exit_code == 0
    assert asked == ["Save the roadmap of your own answers (not the what-if) as your plan, to track your progress?"]
    assert as_json(run, "progress")["steps"][0]["id"] == "programming"  # your own: beginner
    keyboard.send_text(ENTER * 17)
    same = run("quiz", "--what-if", "programming=advanced")
    assert same.exit_code == 0 and len(asked) == 1  # the plan holds these answers: nothing to ask
    assert "Your saved plan already holds this roadmap and your answers: nothing to save." in same.stderr
    keyboard.send_text(ENTER + DOWN + ENTER * 16)  # programming: intermediate
    assert run("quiz", "--what-if", "programming=advanced").exit_code == 0
    assert asked[1] == (
        "Replace your saved plan with this roadmap of your own answers (not the what-if)"
        ": 11 kept (0 done), 1 new, 0 dropped?"
    )


def offers(stderr: str) -> list[str]:
    """The --what-if flags the end of the quiz offers to add to the replay command."""
    text = " ".join(stderr[stderr.index("To see what one change would do") :].split("\n\n")[0].split())
    return re.findall(r"--what-if (\S+?)[,.]?(?= |$)", text)


def replay(stderr: str) -> list[str]:
    """The replay command the end of the quiz shows, as an argument list (backslashes joined)."""
    text = stderr.replace(" \\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("  mlpath quiz"))
    return shlex.split(line)[1:]


@pytest.mark.slow
def test_the_quiz_offers_the_comparisons_that_change_the_roadmap(run: Run, keyboard: PipeInput) -> None:
    keyboard.send_text(ENTER * 17)
    result = run("quiz", "--set", "residency=out-of-state")
    assert "Replay these answers without the questions:\n" in result.stderr
    assert "To see what one change would do, add --what-if study=part-time, --what-if" in result.stderr
    offered = offers(result.stderr)
    assert offered == ["study=part-time", "residency=in-state", "goal=manager"]
    command = replay(result.stderr)
    assert command[:3] == ["quiz", "--defaults", "--set"]
    for flag in offered:
        document = as_json(run, *command, "--what-if", flag)
        assert document["changes"]["answers"] and document["changes"]["steps_changed"]


@pytest.mark.slow
def test_no_comparison_is_offered_when_none_changes_the_roadmap(
    run: Run, keyboard: PipeInput, content_dir: Path
) -> None:
    roadmap = content_dir / "roadmap.yaml"
    text = roadmap.read_text()
    tries = text[text.index("  tries:\n") :]
    roadmap.write_text(text.replace(tries, "  tries:\n    - {key: study, value: full-time}\n"))
    keyboard.send_text(ENTER * 17)
    result = run("--data-dir", str(content_dir), "quiz")
    assert result.exit_code == 0, result.stderr
    assert "Replay these answers without the questions:\n" in result.stderr and "--what-if" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("height", "flags", "save", "count"),
    [(24, (), True, 3), (24, (), False, 3), (60, (), True, 3), (24, ("--save",), False, 3), (22, (), True, 1)],
)
def test_the_offers_fit_the_rows_the_summary_leaves(
    run: Run,
    keyboard: PipeInput,
    monkeypatch: pytest.MonkeyPatch,
    height: int,
    flags: tuple[str, ...],
    save: bool,
    count: int,
) -> None:
    out, err = Screen(), Screen()
    monkeypatch.setattr(
        Terminal,
        "detect",
        classmethod(lambda cls: Terminal(True, True, True, stdout=out, stderr=err, width=80, height=height)),
    )
    monkeypatch.setattr(prompts, "confirm", lambda message, default: save)  # yes: the saved line takes rows
    keyboard.send_text(ENTER * 17)
    assert run("quiz", "--no-pager", *flags).exit_code == 0
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    summary = shown.split("\n\n")[-1]  # printed again after the whole roadmap, to stay on screen
    assert summary.startswith("Should you become a machine learning engineer?")
    hint = err.getvalue()[err.getvalue().index("Replay") :]  # after "Saved your plan" when --save
    question = 0 if "--save" in flags else 1  # --save asks nothing, and says it saved before the roadmap
    saved, prompt = 2 if save else 0, 1
    assert summary.count("\n") + question + saved + hint.count("\n") + prompt <= height, (summary, hint)
    assert len(offers(hint)) == count


@pytest.mark.slow
def test_a_resumed_quiz_compares_too(run: Run, keyboard: PipeInput) -> None:
    keyboard.send_text(ENTER * 3 + "\x03")  # Ctrl-C at 4/17
    assert run("quiz").exit_code == 130
    keyboard.send_text(ENTER * 14)
    result = run("quiz", "--resume", "--what-if", "path=online")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("answer_changed\tpath\tundecided\tonline\n")


def test_a_wrapped_replay_command_breaks_between_arguments_only() -> None:
    from mlpath.cli.ending import replay_hint
    from mlpath.content import answers as contract
    from mlpath.content.load import load_content, packaged_data_dir

    content = load_content(packaged_data_dir())
    prepared, _, _ = contract.resolve({"residency": "out-of-state"}, content.questions.questions, use_defaults=True)
    hint = replay_hint(content, contract.build(prepared), None, 80, {"study": "part-time"})
    command = hint.split("\n", 1)[1].replace(" \\\n", " ")
    assert shlex.split(command) == [
        "mlpath", "quiz", "--defaults", "--set", "residency=out-of-state", "--what-if", "study=part-time",
    ]  # fmt: skip


def test_a_narrow_replay_command_keeps_each_option_beside_its_value() -> None:
    from mlpath.cli.ending import replay_hint
    from mlpath.content import answers as contract
    from mlpath.content.load import load_content, packaged_data_dir

    content = load_content(packaged_data_dir())
    raw = {"education": "bachelor-other", "path": "degree", "study": "part-time", "goal": "manager"}
    prepared, _, _ = contract.resolve(raw, content.questions.questions, use_defaults=True)
    lines = replay_hint(content, contract.build(prepared), None, 40).split("\n")[2:]  # after the sentence
    assert lines == [
        "  mlpath quiz --defaults \\",
        "    --set education=bachelor-other \\",
        "    --set path=degree \\",
        "    --set study=part-time \\",
        "    --set goal=manager",
    ]


def test_the_ending_gives_up_offers_then_reasons_then_the_replay() -> None:
    from mlpath.cli.ending import preferred

    # four summaries (3, 2, 1, 0 reasons); hints: every offer, one offer | replay alone, nothing
    order = preferred(4, 2, 2)
    assert order[:3] == [(0, 0), (0, 1), (1, 0)]  # extra offers go before the second reason does
    assert order.index((3, 1)) < order.index((2, 2))  # an offer stays before a reason comes back
    assert order[-4:] == [(2, 2), (2, 3), (3, 2), (3, 3)]  # then the replay alone, then nothing
