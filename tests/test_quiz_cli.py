"""The quiz and roadmap commands through the real CLI: every answer path, flag and error."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from conftest import Run

ANSWERS = {
    "education": "bachelor-other",
    "programming": "intermediate",
    "math": "weak",
    "path": "degree",
    "residency": "out-of-state",
    "study": "full-time",
    "interests": ["nlp", "data-science"],
    "industries": ["finance"],
    "goal": "tech-lead",
    "remote_work": "important",
    "complex_problems": 5,
    "new_tech": 4,
    "continuous_learning": 4,
    "analytical": 5,
    "resilience": 3,
    "data_cleaning": 2,
    "deadline_pressure": 3,
}


def as_sets(answers: dict) -> list[str]:  # type: ignore[type-arg]
    out = []
    for key, value in answers.items():
        out += ["--set", f"{key}={','.join(value) if isinstance(value, list) else value}"]
    return out


def test_no_terminal_and_no_answers_names_every_missing_key(run: Run) -> None:
    result = run("quiz")
    assert result.exit_code == 2
    assert "the quiz needs answers for: education, programming, math" in result.stderr
    assert "deadline_pressure" in result.stderr and "--answers FILE" in result.stderr
    assert result.stdout == ""


def test_partial_answers_name_only_what_is_missing(run: Run) -> None:
    result = run("quiz", "--set", "education=none", "--set", "programming=none")
    assert result.exit_code == 2
    assert "the quiz needs answers for: math, path," in result.stderr


def test_defaults_give_a_full_roadmap(run: Run) -> None:
    result = run("quiz", "--defaults", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["verdict"]["level"] == "mixed"
    assert document["steps"][0]["id"] == "programming"
    assert document["tailored"] is True
    assert result.stdout.count("\n") == 1  # piped JSON is one compact line


def test_file_flags_stdin_and_batch_give_byte_identical_json(run: Run, tmp_path: Path) -> None:
    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text(yaml.safe_dump(ANSWERS))
    by_file = run("quiz", "--answers", str(answers_file), "--json").stdout
    by_flags = run("quiz", *as_sets(ANSWERS), "--json").stdout
    by_stdin = run("quiz", "--answers", "-", "--json", input=json.dumps(ANSWERS)).stdout
    by_batch = run("quiz", "--batch", input=json.dumps(ANSWERS) + "\n").stdout
    by_roadmap = run("roadmap", "--answers", str(answers_file), "--json").stdout
    assert run("quiz", *as_sets(ANSWERS), "--save").exit_code == 0
    plan = str(tmp_path / "home" / "plan.yaml")
    by_plan = run("quiz", "--answers", plan, "--json").stdout  # a saved plan is an answers file too
    by_plan_roadmap = run("roadmap", "--answers", plan, "--json").stdout
    assert by_file == by_flags == by_stdin == by_batch == by_roadmap == by_plan == by_plan_roadmap
    assert json.loads(by_file)["answers"] == ANSWERS


def test_flags_win_over_the_file(run: Run, tmp_path: Path) -> None:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(ANSWERS))
    document = json.loads(run("quiz", "--answers", str(answers_file), "--set", "goal=director", "--json").stdout)
    assert document["answers"]["goal"] == "director"
    assert document["steps"][-1]["id"] == "ladder-director"


def test_save_answers_replays_to_the_same_roadmap(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "mine.yaml"
    first = run("quiz", *as_sets(ANSWERS), "--save-answers", str(saved), "--json")
    assert first.exit_code == 0
    assert yaml.safe_load(saved.read_text()) == ANSWERS
    assert run("quiz", "--answers", str(saved), "--json").stdout == first.stdout


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("intrests=nlp", "unknown answer key 'intrests' (did you mean 'interests'?); keys are: education,"),
        ("programming=expert", "invalid value 'expert' for programming; allowed: one of none, beginner,"),
        ("goal=manger", "invalid value 'manger' for goal (did you mean 'manager'?); allowed: one of "),
        (
            "interests=nlp,vision",
            "invalid value 'vision' for interests (did you mean 'computer-vision'?); allowed: a comma-",
        ),
        ("resilience=7", "invalid value 7 for resilience; allowed: a whole number from 1 to 5"),
        ("resilience=high", "invalid value 'high' for resilience; allowed: a whole number from 1 to 5"),
        ("resilience=3.5", "invalid value '3.5' for resilience; allowed: a whole number from 1 to 5"),  # no "5?"
        ("education", "--set expects KEY=VALUE, got 'education'"),
    ],
)
def test_bad_answers_exit_2_with_the_allowed_values(run: Run, flag: str, message: str) -> None:
    result = run("quiz", "--defaults", "--set", flag)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_answers_file_names_line_and_column(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("education: none\nprogramming: [beginner\n")
    result = run("quiz", "--answers", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3:1: not valid YAML or JSON" in result.stderr


def test_missing_answers_file(run: Run, tmp_path: Path) -> None:
    result = run("quiz", "--answers", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "answers file" in result.stderr and "does not exist" in result.stderr


def test_questions_list_keys_values_and_defaults(run: Run) -> None:
    document = json.loads(run("quiz", "--questions", "--json").stdout)
    assert list(document) == ["questions"] and len(document["questions"]) == 17
    first = document["questions"][0]
    assert first["key"] == "education" and first["default"] == "none" and first["when"] == []
    assert [c["value"] for c in first["choices"]] == [
        "none",
        "bachelor-cs",
        "bachelor-other",
        "master-cs",
        "master-other",
    ]
    assert first["choices"][0] == {"value": "none", "label": "No degree yet"}
    scale = next(q for q in document["questions"] if q["key"] == "resilience")
    assert scale["choices"] == [
        {"value": 1, "label": "Not well"},
        {"value": 2, "label": "A little"},
        {"value": 3, "label": "Fairly well"},
        {"value": 4, "label": "Well"},
        {"value": 5, "label": "Very well"},
    ]
    assert scale["default"] == 3
    study = next(q for q in document["questions"] if q["key"] == "study")
    assert study["when"][0] == {"education": ["none"], "path": ["degree", "undecided"]}
    plain = run("quiz", "--questions").stdout.splitlines()
    assert plain[0].startswith("question\teducation\tselect\tWhat is the highest education")
    assert plain[0].endswith("\tnone\t")  # the default, then no condition
    choices = [line.split("\t")[1:] for line in plain if line.startswith("choice\teducation\t")]
    assert [value for _, value, _ in choices] == ["none", "bachelor-cs", "bachelor-other", "master-cs", "master-other"]
    assert "choice\tresilience\t1\tNot well" in plain


def test_batch_writes_one_line_per_input_line_in_order(run: Run) -> None:
    lines = [
        json.dumps(ANSWERS),
        "not json",
        "",
        json.dumps({"programming": "none"}),
        "[1]",
        json.dumps({**ANSWERS, "goal": "ceo"}),
    ]
    result = run("quiz", "--batch", input="\n".join(lines) + "\n")
    assert result.exit_code == 2
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5  # the empty line 3 is skipped
    assert out[0]["answers"] == ANSWERS
    assert out[1] == {"line": 2, "error": "not valid JSON at column 1: Expecting value"}
    assert out[2]["line"] == 4 and out[2]["error"].startswith("missing answers: education, math,")
    assert out[3]["line"] == 5 and "JSON object" in out[3]["error"]
    assert out[4]["line"] == 6 and "invalid value 'ceo' for goal" in out[4]["error"]


def test_batch_with_defaults_and_all_valid_exits_0(run: Run, tmp_path: Path) -> None:
    batch = tmp_path / "people.jsonl"
    batch.write_text('{"programming": "none"}\n{"goal": "director"}\n')
    result = run("quiz", "--batch", "--defaults", "--answers", str(batch))
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["steps"][-1]["id"] for o in out] == ["ladder-senior", "ladder-director"]


def test_general_roadmap_without_answers(run: Run) -> None:
    document = json.loads(run("roadmap", "--json").stdout)
    assert document["tailored"] is False and document["verdict"] is None and document["answers"] is None
    assert document["steps"][-1]["id"] == "ladder-director"
    assert all(step["why"].startswith("general roadmap") for step in document["steps"])


def test_roadmap_markdown_is_a_task_list(run: Run) -> None:
    markdown = run("roadmap", *as_sets(ANSWERS), "--format", "markdown").stdout
    assert markdown.startswith("# Should you become a machine learning engineer?")
    assert (
        "- [ ] **Write code a team can maintain**: Why: You can program; now write code a team can keep (intermediate)."
        in markdown
    )  # the answer in words; plain and JSON keep its key and value
    plain = run("roadmap", *as_sets(ANSWERS)).stdout
    assert "\tprogramming = intermediate: you can program; now write code a team can keep\t" in plain
    assert "- [ ] **Level 4: Lead Machine Learning Engineer / ML Team Lead**" in markdown


def test_roadmap_plain_is_one_step_per_line(run: Run) -> None:
    lines = run("roadmap").stdout.splitlines()
    steps = [line.split("\t") for line in lines if line.startswith("step\t")]
    assert [s[1:3] for s in steps[:3]] == [["1", "programming"], ["2", "math"], ["3", "degree-bachelor"]]
    assert lines[0].startswith("step\t1\tprogramming\tfoundations\tLearn to program in Python\t")


def test_roadmap_with_incomplete_answers_names_them(run: Run) -> None:
    result = run("roadmap", "--set", "programming=none")
    assert result.exit_code == 2
    assert "the answers lack: education, math" in result.stderr and "--defaults" in result.stderr


def test_output_file_is_written_in_the_format_of_its_extension(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    result = run("roadmap", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Wrote the roadmap to {target} (markdown)." in result.stderr
    assert target.read_text().startswith("# Becoming a machine learning engineer")
    as_json = tmp_path / "plan.json"
    run("quiz", *as_sets(ANSWERS), "-o", str(as_json))
    assert json.loads(as_json.read_text())["answers"] == ANSWERS


def test_unwritable_output_exits_1_and_keeps_the_earlier_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text("earlier")
    target.parent.chmod(0o500)
    try:
        result = run("roadmap", "--output", str(target))
    finally:
        target.parent.chmod(0o700)
    if result.exit_code == 0:  # running as root: permissions do not bind; use a missing directory instead
        result = run("roadmap", "--output", str(tmp_path / "missing" / "plan.json"))
    assert result.exit_code == 1
    assert "cannot write the roadmap to" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_to_a_directory_is_refused(run: Run, tmp_path: Path) -> None:
    result = run("roadmap", "--output", str(tmp_path))
    assert result.exit_code == 1
    assert "it is a directory" in result.stderr


def test_output_dash_is_stdout_and_makes_no_file(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("roadmap", "--defaults", "-o", "-", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["tailored"] is True
    assert not (tmp_path / "-").exists() and "Wrote" not in result.stderr


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    original = os.umask(0o022)
    os.umask(original)
    yield os.umask
    os.umask(original)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_follow_the_umask_and_the_plan_stays_private(
    run: Run, tmp_path: Path, umask: Callable[[int], int], mask: int, mode: int
) -> None:
    umask(mask)
    roadmap, answers = tmp_path / "roadmap.md", tmp_path / "answers.yaml"
    result = run("quiz", "--defaults", "--save", "-o", str(roadmap), "--save-answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(roadmap.stat().st_mode) == mode
    assert stat.S_IMODE(answers.stat().st_mode) == mode
    plan = next((tmp_path / "home").rglob("plan.yaml"))
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (["--save"], "--batch cannot be combined with --save"),
        (["--save-answers", "a.yaml"], "--batch cannot be combined with --save-answers"),
        (["--questions"], "--batch cannot be combined with --questions"),
        (["--format", "yaml"], "--batch writes JSON Lines (json) or CSV (csv), not yaml"),
        (["--format", "markdown"], "not markdown; use --format json or csv"),
    ],
)
def test_batch_refuses_what_it_cannot_do(run: Run, flags: list[str], says: str) -> None:
    result = run("quiz", "--batch", "--defaults", *flags, input='{"goal": "manager"}\n')
    assert result.exit_code == 2
    assert says in result.stderr and result.stdout == ""
    assert run("quiz", "--batch", "--defaults", "--json", input='{"goal": "manager"}\n').exit_code == 0


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_verdict_is_followed_by_the_articles_own_answer(run: Run, fmt: str) -> None:
    import re

    from mlpath.content.load import load_content, packaged_data_dir

    reflection = load_content(packaged_data_dir()).reflection
    shown = " ".join(re.sub(r"[│•·─]", " ", run("quiz", "--defaults", "--format", fmt).stdout).split())
    reasons_end = shown.rindex("nothing pulls strongly either way")
    answer = shown.index(" ".join(reflection.summary.split()))
    last_criterion = shown.index(reflection.criteria[-1].text)
    assert reasons_end < answer < last_criterion < shown.index(reflection.rewards[-1], last_criterion)
    assert answer < shown.index("Learn the key machine learning skills")
    general = run("roadmap", "--format", fmt).stdout  # no verdict, nothing to weigh it against
    assert " ".join(reflection.summary.split()[:6]) not in " ".join(general.split())


@pytest.mark.parametrize(
    ("sets", "concerns"),
    [((), False), (("--set", "complex_problems=4"), False), (("--set", "data_cleaning=1"), True)],
)
def test_a_mixed_verdict_speaks_of_concerns_only_when_there_are_some(
    run: Run, sets: tuple[str, ...], concerns: bool
) -> None:
    result = run("quiz", "--defaults", *sets, "--json")
    verdict = json.loads(result.stdout)["verdict"]
    assert verdict["level"] == "mixed" and bool(verdict["concerns"]) is concerns
    assert ("concerns below" in verdict["summary"]) is concerns
    shown = run("quiz", "--defaults", *sets, "--format", "table").stdout
    assert ("Weigh the concerns below" in " ".join(shown.split())) is concerns


def test_part_time_tuition_says_it_counts_the_full_time_years_at_the_same_total(run: Run) -> None:
    study = {
        mode: json.loads(run("quiz", "--defaults", "--set", f"study={mode}", "--json").stdout)["estimates"]["education"]
        for mode in ("full-time", "part-time")
    }
    assert study["part-time"]["years_min"] == 2 * study["full-time"]["years_min"] == 8
    assert study["part-time"]["tuition_min"] == study["full-time"]["tuition_min"] == 40648  # figures unchanged
    assert study["full-time"]["tuition_formula"] == "4 × $10,162 = $40,648"
    assert study["part-time"]["tuition_formula"] == (
        "4 years of full-time study × $10,162 = $40,648 (part-time assumed to cost the same in total)"
    )
    compared = run("quiz", "--defaults", "--what-if", "study=part-time", "--format", "table", "--no-pager").stdout
    assert "tuition unchanged, 4 years of full-time study × $10,162 = $40,648 (part-time assumed" in " ".join(
        compared.split()
    )


@pytest.mark.parametrize(
    ("flags", "whole"),
    [  # off a terminal all of it is printed: no "--no-pager prints it" (tests/test_quiz_pty.py: on one)
        ((), "Whole roadmap: -o roadmap.md exports it, --save keeps it."),
        (("--save",), "Whole roadmap: -o roadmap.md exports it."),
        (("--what-if", "study=part-time"), "Whole comparison: -o what-if.md exports it, --json gives"),
    ],
)
def test_the_whole_roadmap_line_names_only_what_was_not_done(run: Run, flags: tuple[str, ...], whole: str) -> None:
    shown = " ".join(run("quiz", "--defaults", *flags, "--format", "table").stdout.split())
    assert whole in shown
    assert shown.count("Whole ") == 1


def test_with_every_way_taken_the_whole_roadmap_line_is_left_out(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "roadmap.txt"
    assert run("quiz", "--defaults", "--save", "--no-pager", "-o", str(target), "--format", "table").exit_code == 0
    written = target.read_text()
    assert written.startswith("Should you become") and "Whole roadmap" not in written
