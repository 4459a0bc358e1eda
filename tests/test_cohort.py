"""`mlpath cohort`: a whole group counted from the same JSON Lines as `quiz --batch`."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, examples
from golden import SURVEY

LINES = (
    '{"id": "ann", "education": "master-cs", "programming": "advanced", "goal": "director"}\n'
    '{"id": "bob", "goal": "boss"}\n'
    '{"interests": ["nlp", "robotics"], "goal": "manager", "residency": "out-of-state", "path": "degree"}\n'
    "not json\n"
    '{"id": 7, "complex_problems": 5, "new_tech": 5, "analytical": 5, "continuous_learning": 5}\n'
)


def cohort(run: Run, text: str, *flags: str) -> tuple[int, dict[str, Any], str]:
    result = run("cohort", "-", "--defaults", "--json", *flags, input=text)
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_counts_verdicts_and_invalid_lines_by_number(run: Run) -> None:
    code, document, stderr = cohort(run, LINES)
    assert code == 2
    assert (document["count"], document["valid"], document["invalid"]) == (5, 3, 2)
    assert sum(document["verdicts"].values()) == 3
    assert [(i["line"], i["id"]) for i in document["invalid_lines"]] == [(2, "bob"), (4, None)]
    assert "boss" in document["invalid_lines"][0]["error"]
    assert stderr == "2 of 5 lines were invalid (the report lists them).\n"


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (["--json"], "(the report lists the first 1,000)"),
        (["--format", "csv"], "(--json lists the first 1,000)"),
        (["--format", "markdown"], "(the report lists the first 10)"),
    ],
)
def test_the_line_on_invalid_sets_says_how_many_the_report_lists(run: Run, flags: list[str], says: str) -> None:
    result = run("cohort", "-", "--defaults", *flags, input='{"goal": "boss"}\n' * 1005 + '{"goal": "manager"}\n')
    assert result.exit_code == 2
    assert result.stderr.endswith(f"1,005 of 1,006 lines were invalid {says}.\n")


def test_a_long_id_is_cut_in_the_report_and_echoed_whole_by_batch(run: Run) -> None:
    ident = "survey-" + "x" * 10_000
    line = json.dumps({"id": ident, "goal": "boss"}) + "\n"
    _, document, _ = cohort(run, line)
    (invalid,) = document["invalid_lines"]
    assert invalid["id"] == ident[:199] + "…" and len(invalid["error"]) < 400
    assert json.loads(run("quiz", "--batch", "--defaults", input=line).stdout)["id"] == ident


def test_the_report_is_printed_in_every_format_even_with_invalid_lines(run: Run) -> None:
    for fmt in ("table", "plain", "yaml", "markdown", "csv"):
        result = run("cohort", "-", "--defaults", "--format", fmt, input=LINES)
        assert result.exit_code == 2 and result.stdout, fmt
    plain = run("cohort", "-", "--defaults", input=LINES).stdout.splitlines()
    assert "count\t5" in plain and any(line.startswith("invalid_line\t2\tbob\t") for line in plain)


def test_goals_interests_first_steps_and_step_shares(run: Run) -> None:
    _, document, _ = cohort(run, LINES)
    goals = {g["id"]: g["count"] for g in document["goals"]}
    assert goals == {"director": 1, "manager": 1, "individual-contributor": 1}
    assert {i["id"]: i["count"] for i in document["interests"]} == {"nlp": 1, "robotics": 1}
    steps = {s["id"]: s for s in document["steps"]}
    assert steps["ladder-director"]["count"] == 1 and steps["ladder-director"]["percent"] == 33.3
    assert steps["core-skills"]["count"] == 3 and steps["core-skills"]["title"]
    assert "degree-master" not in steps  # the CS master skips the degree
    assert document["first_steps"][0]["count"] >= document["first_steps"][-1]["count"]
    degree = document["degree"]
    assert degree["count"] == 2 and degree["tuition_max"] > degree["tuition_min"] > 0


def test_answers_filled_with_defaults_and_the_degrees_assumptions_are_counted(run: Run) -> None:
    _, document, _ = cohort(run, LINES)
    filled = document["filled"]
    assert filled["count"] == 3  # every valid set lacked some answer
    shares = {share["id"]: (share["count"], share["percent"]) for share in filled["answers"]}
    assert shares["math"] == (3, 100.0) and shares["goal"] == (1, 33.3) and shares["education"] == (2, 66.7)
    assert "interests" not in shares and "industries" not in shares  # no list chosen is none, not a default
    counts = [share["count"] for share in filled["answers"]]
    assert counts == sorted(counts, reverse=True)  # most often first
    assert document["degree"]["assumptions"] == ["tuition-per-year", "costs-exclude-living"]
    whole = json.loads(run("quiz", "--defaults", "--json").stdout)["answers"]  # every answer given
    given = json.loads(run("cohort", "-", "--defaults", "--json", input=json.dumps(whole) + "\n").stdout)
    assert (given["valid"], given["filled"]) == (1, {"count": 0, "answers": []})


def test_the_table_opens_with_the_counts_and_lists_ten_invalid_lines(run: Run) -> None:
    text = "".join(f"bad {n}\n" for n in range(1, 14)) + LINES
    result = run("cohort", "-", "--defaults", "--format", "table", input=text)
    assert result.exit_code == 2
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "The group at a glance"
    opening = " ".join(" ".join(lines[:6]).split())
    assert opening.startswith(
        "The group at a glance The group: 18 answer sets: 3 valid, 15 invalid. 3 had answers filled with their"
        " question's default (--defaults)."
    )
    assert lines.index("Verdicts") < lines.index("Answers filled with their default, most often first")
    invalid = [line.split()[0] for line in lines[lines.index("Invalid lines") :] if re.match(r"  \d+ ", line)]
    assert invalid == [str(n) for n in range(1, 11)]  # the first ten only
    assert "5 more invalid lines: --json lists them." in " ".join(" ".join(lines).split())
    assert len(json.loads(run("cohort", "-", "--defaults", "--json", input=text).stdout)["invalid_lines"]) == 15


def test_past_a_thousand_invalid_lines_the_json_lists_the_first_thousand(run: Run) -> None:
    result = run("cohort", "-", "--format", "table", input="bad\n" * 1005)
    assert "995 more invalid lines: --json lists the first 1,000." in " ".join(result.stdout.split())
    document = json.loads(run("cohort", "-", "--json", input="bad\n" * 1005).stdout)
    assert (document["invalid"], document["invalid_listed"], len(document["invalid_lines"])) == (1005, 1000, 1000)


def test_set_applies_to_everyone(run: Run) -> None:
    _, document, _ = cohort(run, SURVEY.read_text(), "--set", "goal=director")
    assert document["goals"] == [{"id": "director", "count": document["valid"], "percent": 100.0}]


def test_a_file_and_stdin_give_the_same_report(run: Run) -> None:
    by_file = run("cohort", str(SURVEY), "--defaults", "--json").stdout
    by_stdin = run("cohort", "-", "--defaults", "--json", input=SURVEY.read_text()).stdout
    assert by_file == by_stdin and json.loads(by_file)["count"] == 32


def test_no_lines_is_an_empty_group_in_every_format(run: Run) -> None:
    for fmt in ("table", "plain", "json", "yaml", "markdown", "csv"):
        result = run("cohort", "-", "--format", fmt, input="")
        assert result.exit_code == 0, fmt
    assert json.loads(run("cohort", "-", "--json", input="").stdout)["count"] == 0


def test_only_invalid_lines_still_draw_a_table(run: Run) -> None:
    result = run("cohort", "-", "--format", "table", input="x\ny\n")
    assert result.exit_code == 2 and "Invalid lines" in result.stdout


def test_csv_rows_name_their_list(run: Run) -> None:
    result = run("cohort", str(SURVEY), "--defaults", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["list"] for row in rows} == {"first_steps", "interests", "goals", "steps", "verdict_shares"}
    document = json.loads(run("cohort", str(SURVEY), "--defaults", "--json").stdout)
    verdicts = [
        (row["id"], int(row["count"]), float(row["percent"])) for row in rows if row["list"] == "verdict_shares"
    ]
    valid = document["valid"]
    assert verdicts == [(level, n, round(n / valid * 100, 1)) for level, n in document["verdicts"].items()]


def test_a_missing_file_or_a_device_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    missing = run("cohort", str(tmp_path / "nowhere.jsonl"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    refused = run("cohort", "/dev/zero")
    assert refused.exit_code == 2
    assert refused.stderr == "Error: answers file '/dev/zero' is a device; give a file, or - for stdin\n"


def test_a_pipe_is_counted_as_the_same_file_would_be(run: Run, piped: Callable[[bytes], str]) -> None:
    lines = SURVEY.read_bytes()
    through_pipe = run("cohort", piped(lines), "--defaults", "--json")
    assert through_pipe.exit_code == 0, through_pipe.stderr
    assert through_pipe.stdout == run("cohort", str(SURVEY), "--defaults", "--json").stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal(run: Run) -> None:
    assert run("cohort", str(SURVEY), "--defaults", "--json").stderr == ""


lines = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "goal": st.sampled_from(["manager", "director", "tech-lead", "boss"]),
                "interests": st.lists(st.sampled_from(["nlp", "robotics", "data-science"]), max_size=3),
                "education": st.sampled_from(["none", "master-cs", "bachelor-other"]),
            }
        ).map(json.dumps),
        st.sampled_from(["", "nope", "[1]", '{"id": true}']),
    ),
    max_size=15,
)


@pytest.mark.slow
@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=lines)
def test_the_counts_add_up_and_agree_with_batch(run: Run, lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    code, document, _ = cohort(run, text)
    batch = [json.loads(line) for line in run("quiz", "--batch", "--defaults", input=text).stdout.splitlines()]
    valid = [line for line in batch if "error" not in line]
    answer_sets = [line for line in lines if line.strip()]  # a blank line is no answer set: skipped
    assert document["count"] == len(answer_sets) == document["valid"] + document["invalid"]
    assert document["valid"] == len(valid) == sum(document["verdicts"].values())
    assert document["verdicts"] == {
        level: Counter(line["verdict"]["level"] for line in valid)[level]
        for level in ("strong", "good", "mixed", "weak")
    }
    assert [i["line"] for i in document["invalid_lines"]] == [line["line"] for line in batch if "error" in line]
    steps = Counter(step["id"] for line in valid for step in line["steps"])
    assert {s["id"]: s["count"] for s in document["steps"]} == dict(steps)
    assert sum(g["count"] for g in document["goals"]) == document["valid"]
    assert code == (2 if document["invalid"] else 0)


def test_a_step_is_counted_under_each_title_it_has_whatever_the_order_of_the_lines(run: Run) -> None:
    lines = ['{"programming": "intermediate"}', '{"programming": "none"}', '{"programming": "none"}']
    first = run("cohort", "-", "--defaults", "--json", input="\n".join(lines) + "\n")
    document = json.loads(first.stdout)
    programming = [(s["title"], s["count"], s["percent"]) for s in document["steps"] if s["id"] == "programming"]
    assert programming == [("Learn to program in Python", 2, 66.7), ("Write code a team can maintain", 1, 33.3)]
    titles = [s["title"] for s in document["first_steps"]]
    assert "Learn to program in Python" in titles and "Write code a team can maintain" in titles
    reversed_lines = run("cohort", "-", "--defaults", "--json", input="\n".join(reversed(lines)) + "\n")
    assert reversed_lines.stdout == first.stdout


def test_one_valid_set_is_worded_as_one(run: Run) -> None:
    result = run("cohort", "-", "--defaults", "--format", "markdown", input='{"programming": "none"}\n')
    assert "Percentages are of the 1 valid answer set." in result.stdout


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_report_is_the_same_whatever_the_order_of_the_lines(run: Run, seed: int) -> None:
    import random

    lines = SURVEY.read_text().splitlines()
    shuffled = lines[:]
    random.Random(seed).shuffle(shuffled)  # noqa: S311 - a test's order, not a secret
    assert shuffled != lines
    before = run("cohort", "-", "--defaults", "--json", input="\n".join(lines) + "\n").stdout
    after = run("cohort", "-", "--defaults", "--json", input="\n".join(shuffled) + "\n").stdout
    document = json.loads(before)
    assert document["valid"] > 20 and after == before
