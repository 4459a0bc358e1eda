"""Saving a plan and tracking progress: statuses follow the work, re-planning says in one line what
it did, `progress` shows the next step first, `roadmap` shows your roadmap with its statuses."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.input import PipeInput

from conftest import ENTER, MLPATH, Run, examples
from mlpath.content import answers as contract
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.engine.roadmap import Roadmap, build_roadmap
from mlpath.output.terminal import Terminal
from mlpath.plan import STATUSES
from mlpath.plan.model import Plan, replan, reset, set_status, work_of

ALL_STEPS = [
    "--defaults",
    "--set",
    "interests=nlp,computer-vision,reinforcement-learning,robotics,data-science",
    "--set",
    "goal=director",
    "--set",
    "programming=none",
    "--set",
    "math=weak",
]
UPDATED = "Plan updated: {kept} kept ({done} done), {new} new, {dropped} dropped — mlpath progress"


def home() -> Path:
    return Path(os.environ["MLPATH_HOME"])


def progress(run: Run, *args: str) -> dict[str, Any]:
    result = run("progress", "--json", *args)
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def statuses(run: Run) -> dict[str, str]:
    return {step["id"]: step["status"] for step in progress(run)["steps"]}


def save(run: Run, *sets: str) -> str:
    """`mlpath quiz --defaults --set ... --save`: the one line it says on stderr."""
    result = run("quiz", "--defaults", *(arg for value in sets for arg in ("--set", value)), "--save")
    assert result.exit_code == 0, result.stderr
    line = " ".join(result.stderr.splitlines())  # one line, wrapped on a terminal
    assert line.startswith(("Saved your plan", "Plan updated: ")), result.stderr
    return line


def test_no_plan_yet_says_how_to_make_one(run: Run) -> None:
    for args in (("progress",), ("progress", "--json"), ("progress", "set", "1", "done")):
        result = run(*args)
        assert result.exit_code == 1
        assert "no saved plan yet; make one with 'mlpath quiz --save'" in result.stderr and result.stdout == ""


def test_save_then_progress_shows_every_step_pending(run: Run) -> None:
    saved = run("quiz", "--defaults", "--save", "--json")
    assert saved.exit_code == 0
    assert saved.stderr == "Saved your plan (12 steps). See it with: mlpath progress\n"
    roadmap = json.loads(saved.stdout)
    document = progress(run)
    assert [s["id"] for s in document["steps"]] == [s["id"] for s in roadmap["steps"]]
    assert [s["why"] for s in document["steps"]] == [s["why"] for s in roadmap["steps"]]
    assert document["percent_complete"] == 0
    assert document["next"] == {**roadmap["steps"][0], "status": "pending", "updated": None}
    assert document["counts"] == {"pending": 12, "learning": 0, "done": 0, "skipped": 0}
    assert document["plan_file"] == str(home() / "plan.yaml") and document["removed"] == []
    assert document["answers"] == roadmap["answers"]


def test_set_by_id_number_and_prefix_and_the_percent_follows(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    assert run("progress", "set", "programming", "done").stdout == "programming\tdone\t8% complete (1/12)\n"
    assert run("progress", "set", "2", "skipped").stdout == "math\tskipped\t17% complete (2/12)\n"
    assert run("progress", "set", "core", "learning").exit_code == 0
    document = progress(run)
    assert document["percent_complete"] == 17
    assert document["percent_formula"] == "(done + skipped) ÷ steps = 2 ÷ 12 = 17%"
    following = document["next"]  # the step being learned comes first, in full
    assert (following["id"], following["title"], following["status"]) == (
        "core-skills",
        "Learn the key machine learning skills",
        "learning",
    )
    assert following["why"].startswith("the article lists these") and len(following["actions"]) == 6
    foundations = next(p for p in document["phases"] if p["id"] == "foundations")
    assert (foundations["finished"], foundations["total"], foundations["percent"]) == (2, 2, 100)


def test_set_on_a_terminal_says_it_in_words(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("quiz", "--defaults", "--save")
    screen = classmethod(lambda cls: Terminal(False, True, False, stdout=sys.stdout, stderr=sys.stderr, width=40))
    monkeypatch.setattr(Terminal, "detect", screen)
    assert run("progress", "set", "core", "learning").stdout == (
        "Step 4, Learn the key machine learning\nskills: learning. 0% complete (0/12).\n"
    )


def test_set_rejects_unknown_steps_and_statuses(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    result = run("progress", "set", "programing", "done")
    assert result.exit_code == 2
    assert "unknown step 'programing' (did you mean 'programming'?)" in result.stderr
    result = run("progress", "set", "programming", "finished")
    assert result.exit_code == 2
    assert "pending" in result.stderr and "skipped" in result.stderr
    ambiguous = run("progress", "set", "ladder", "done")
    assert ambiguous.exit_code == 2 and "ambiguous" in ambiguous.stderr
    assert set(statuses(run).values()) == {"pending"}


# Re-planning: a status belongs to the work -------------------------------------------------------


def test_replanning_keeps_statuses_and_keeps_a_dropped_one_on_record(run: Run) -> None:
    save(run, "interests=nlp")
    for step, status in (("programming", "done"), ("math", "done"), ("specialty-nlp", "learning")):
        run("progress", "set", step, status)
    line = save(run, "interests=computer-vision")
    assert line == UPDATED.format(kept=11, done=2, new=1, dropped=1).replace(
        "1 dropped", "1 dropped (1 with a status, kept on record)"
    )
    document = progress(run)
    now = {s["id"]: s["status"] for s in document["steps"]}
    assert now["programming"] == "done" and now["math"] == "done"
    assert now["specialty-computer-vision"] == "pending" and "specialty-nlp" not in now
    assert [(r["id"], r["status"]) for r in document["removed"]] == [("specialty-nlp", "learning")]
    markdown = run("progress", "--format", "markdown").stdout
    assert (
        "On record, out of your plan now: Specialise in Natural Language Processing (NLP) (was learning)." in markdown
    )
    back = save(run, "interests=nlp")
    assert back == UPDATED.format(kept=12, done=2, new=0, dropped=1)  # specialty-nlp is back, as it was
    assert statuses(run)["specialty-nlp"] == "learning"
    assert progress(run)["removed"] == []  # the computer-vision step was pending: nothing to keep


def test_a_done_step_that_leaves_the_plan_comes_back_done(run: Run) -> None:
    save(run, "goal=manager")
    run("progress", "set", "ladder-manager", "done")
    run("progress", "set", "ladder-lead", "learning")
    run("progress", "set", "programming", "done")
    away = save(run, "goal=individual-contributor")
    assert away.startswith("Plan updated: ")
    assert away.endswith(" 2 dropped (2 with a status, kept on record) — mlpath progress")
    assert "(1 done)" in away
    document = progress(run)
    assert {s["id"] for s in document["steps"]} & {"ladder-manager", "ladder-lead"} == set()
    assert {(r["id"], r["status"]) for r in document["removed"]} == {
        ("ladder-manager", "done"),
        ("ladder-lead", "learning"),
    }
    assert document["percent_complete"] == 8  # 1 of 12: the manager's step does not count any more
    back = save(run, "goal=manager")
    assert back.startswith("Plan updated: ") and "(2 done)" in back and back.endswith(" 0 dropped — mlpath progress")
    now = statuses(run)
    assert (now["ladder-manager"], now["ladder-lead"], now["programming"]) == ("done", "learning", "done")
    assert progress(run)["removed"] == []


def test_a_step_whose_work_changed_starts_pending_and_its_status_waits_on_record(run: Run) -> None:
    save(run, "programming=none")
    assert progress(run)["steps"][0]["title"] == "Learn to program in Python"
    run("progress", "set", "programming", "done")
    line = save(run, "programming=intermediate")
    assert line == (
        "Plan updated: 11 kept (0 done), 0 new, 1 restarted (their work changed), 0 dropped — mlpath progress"
    )
    document = progress(run)
    first = document["steps"][0]
    assert (first["id"], first["title"], first["status"]) == (
        "programming",
        "Write code a team can maintain",
        "pending",
    )
    assert document["next"]["id"] == "programming" and document["percent_complete"] == 0
    assert [(r["id"], r["title"], r["status"]) for r in document["removed"]] == [
        ("programming", "Learn to program in Python", "done")
    ]
    save(run, "programming=none")  # the same work again: done again
    first = progress(run)["steps"][0]
    assert (first["title"], first["status"]) == ("Learn to program in Python", "done")


def test_the_replan_line_accounts_for_every_step_of_the_plan(run: Run) -> None:
    save(run, "goal=manager")
    line = save(run, "goal=individual-contributor")
    assert line == "Plan updated: 11 kept (0 done), 1 new, 2 dropped — mlpath progress"  # the internship: new work
    counts = dict(
        (word, int(number))
        for number, word in (part.split()[:2] for part in line.removeprefix("Plan updated: ").split(", "))
    )
    assert counts["kept"] + counts["new"] + counts.get("restarted", 0) == len(progress(run)["steps"]) == 12


def test_roadmap_save_and_markdown_export(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    run("quiz", "--defaults", "--save-answers", str(answers))
    saved = run("roadmap", "--answers", str(answers), "--save")
    assert saved.exit_code == 0 and saved.stderr == "Saved your plan (12 steps). See it with: mlpath progress\n"
    run("progress", "set", "1", "done")
    markdown = run("progress", "--format", "markdown").stdout
    assert "- [x] **Grow your Python from scripts to programs**\n" in markdown
    assert "- [ ] **Strengthen your statistics and probability**\n" in markdown
    assert "| phase | steps done |\n|---|---|\n" in markdown  # the bars by phase, with their header row


def test_reset_asks_for_yes_without_a_terminal(run: Run) -> None:
    save(run, "goal=manager")
    run("progress", "set", "ladder-manager", "done")
    save(run)  # ladder-manager leaves the plan, kept on record
    run("progress", "set", "1", "done")
    refused = run("progress", "reset")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert statuses(run)["programming"] == "done"
    done = run("progress", "reset", "--yes")
    assert done.exit_code == 0 and done.stderr == "All 12 steps are pending again.\n"
    assert set(statuses(run).values()) == {"pending"}
    assert progress(run)["removed"] == []  # a fresh start: nothing on record
    save(run, "goal=manager")
    assert statuses(run)["ladder-manager"] == "pending"


# What `progress` and `roadmap` show ----------------------------------------------------------------


@pytest.fixture
def tracked(run: Run) -> Run:
    """A saved plan of the defaults: step 1 done, step 2 being learned."""
    save(run)
    run("progress", "set", "1", "done")
    run("progress", "set", "2", "learning")
    return run


def test_progress_shows_the_next_step_first_in_every_format(tracked: Run) -> None:
    document = progress(tracked)
    assert list(document) == [
        "next", "steps", "percent_complete", "percent_formula", "counts", "phases", "answers", "removed", "created",
        "updated", "plan_file",
    ]  # fmt: skip
    assert document["next"]["id"] == "math" and document["next"]["status"] == "learning"
    assert set(document["next"]) == {
        "number", "id", "phase", "title", "why", "answers_used", "actions", "status", "updated",
    }  # fmt: skip
    plain = tracked("progress").stdout.splitlines()
    assert plain[0].startswith("next\t2\tmath\tfoundations\tStrengthen your statistics and probability\tmath = fair")
    assert plain[0].endswith("\tlearning\t" + document["next"]["updated"])
    steps = [line.split("\t") for line in plain if line.startswith("step\t")]
    assert [(s[2], s[7]) for s in steps[:3]] == [
        ("programming", "done"),
        ("math", "learning"),
        ("degree-bachelor", "pending"),
    ]
    assert "percent_complete\t8" in plain
    markdown = tracked("progress", "--format", "markdown").stdout
    assert markdown.startswith("# Your progress\n\n## Next step\n\n2. **Strengthen your statistics and probability**")
    assert markdown.index("## Next step") < markdown.index("## Progress") < markdown.index("## Your plan")
    assert "- [x] **Grow your Python from scripts to programs**\n" in markdown
    assert "- [ ] **Strengthen your statistics and probability** _(learning)_\n" in markdown
    table = tracked("progress", "--format", "table").stdout
    lines = table.splitlines()
    assert lines[0] == "Your progress" and lines[2] == "Next step"
    assert "learning" in lines[3] and "Strengthen your statistics and probability" in lines[3]
    assert "Review statistical methods and probability theory" in table.split("Your plan")[0]  # its actions, first
    assert "Progress: 8% complete — (done + skipped) ÷ steps = 1 ÷ 12 = 8%." in table


def test_progress_all_shows_every_step_in_full(tracked: Run) -> None:
    short = tracked("progress", "--format", "markdown").stdout
    full = tracked("progress", "--all", "--format", "markdown").stdout
    degree = "- [ ] **Earn a bachelor's degree in computer science**"
    assert f"{degree}\n" in short and "'mlpath progress --all' shows every step in full" in short
    assert f"{degree}: Why: " in full  # its reason: see test_progress_words_the_answers_in_its_reasons
    assert "  - Take electives in artificial intelligence and data science.\n" in full
    assert "'mlpath progress --all'" not in full
    assert tracked("progress", "--all", "--json").stdout == tracked("progress", "--json").stdout  # the data: the same
    table = tracked("progress", "--all", "--no-pager", "--format", "table").stdout
    assert "Take electives in artificial intelligence and data science." in table


def test_progress_words_the_answers_in_its_reasons(tracked: Run) -> None:
    full = tracked("progress", "--all", "--format", "markdown").stdout
    assert (
        "- [ ] **Earn a bachelor's degree in computer science**: Why: Engineers typically hold at least"
        " a bachelor's degree; priced in-state, full-time (no degree yet; not sure yet).\n" in full
    )
    table = " ".join(tracked("progress", "--format", "table").stdout.split())
    assert "Why: The article lists statistics and probability among the five skills useful to have (fair)." in table


def test_every_step_done_says_so_and_has_no_next_step(run: Run) -> None:
    save(run, "programming=advanced")  # 11 steps
    for number in range(1, 12):
        run("progress", "set", str(number), "skipped" if number == 3 else "done")
    document = progress(run)
    assert document["next"] is None and document["percent_complete"] == 100
    assert document["counts"] == {"pending": 0, "learning": 0, "done": 10, "skipped": 1}
    assert "Every step is done or skipped. Well done." in run("progress", "--format", "markdown").stdout
    assert not any(line.startswith("next\t") for line in run("progress").stdout.splitlines())


def test_roadmap_with_a_plan_shows_your_roadmap_with_its_statuses(tracked: Run) -> None:
    general = json.loads(tracked("roadmap", "--general", "--json").stdout)
    document = json.loads(tracked("roadmap", "--json").stdout)
    assert general["tailored"] is False and "percent_complete" not in general
    assert list(document) == [*general, "percent_complete", "plan_file"]  # the roadmap, and how far you are
    assert list(document["steps"][0]) == [*general["steps"][0], "status", "updated"]
    assert document["tailored"] is True and document["answers"]["programming"] == "beginner"
    assert (document["percent_complete"], document["plan_file"]) == (8, str(home() / "plan.yaml"))
    assert [(s["id"], s["status"]) for s in document["steps"][:3]] == [
        ("programming", "done"), ("math", "learning"), ("degree-bachelor", "pending"),
    ]  # fmt: skip
    assert document["steps"][0]["updated"] is not None and document["steps"][2]["updated"] is None
    assert document["steps"][0]["why"] == "programming = beginner: you have started; now build real programs"
    plain = [line.split("\t") for line in tracked("roadmap").stdout.splitlines() if line.startswith("step\t")]
    assert [(s[2], s[7]) for s in plain[:3]] == [
        ("programming", "done"),
        ("math", "learning"),
        ("degree-bachelor", "pending"),
    ]
    markdown = tracked("roadmap", "--format", "markdown").stdout
    assert markdown.startswith("# Your roadmap (8% complete)\n")
    assert (
        "- [x] **Grow your Python from scripts to programs**: Why: You have started; now build real programs"
        " (beginner).\n" in markdown
    )  # the answers in words, as the quiz shows them
    assert (
        "- [ ] **Strengthen your statistics and probability**: Why: The article lists statistics and probability"
        " among the five skills useful to have (fair). _(learning)_\n" in markdown
    )
    table = tracked("roadmap", "--format", "table").stdout
    assert table.startswith("Your roadmap (8% complete)\n") and "--save keeps it" not in table  # it is saved
    assert any(" done " in line and "Grow your Python from scripts to programs" in line for line in table.splitlines())
    next_steps = (  # the summary: what is left, not the first steps already done
        "Next steps (3 of 11 left)\n"
        " 2  learning Strengthen your statistics and probability\n"
        " 3  pending  Earn a bachelor's degree in computer science\n"
        " 4  pending  Learn the key machine learning skills\n"
    )
    assert next_steps in table and "First steps" not in table


def test_with_every_step_finished_the_summary_says_so(run: Run) -> None:
    save(run)
    for number in range(1, 13):
        run("progress", "set", str(number), "skipped" if number % 2 else "done")
    table = run("roadmap", "--format", "table").stdout
    assert "Next steps: Every step is done or skipped. Well done.\n" in table


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
@pytest.mark.parametrize("command", ["progress", "roadmap"])
def test_yaml_and_csv_carry_the_statuses_too(tracked: Run, command: str, fmt: str) -> None:
    result = tracked(command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "yaml":
        steps = yaml.safe_load(result.stdout)["steps"]
    else:
        steps = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(step["id"], step["status"]) for step in steps[:3]] == [
        ("programming", "done"), ("math", "learning"), ("degree-bachelor", "pending"),
    ]  # fmt: skip


def test_roadmap_with_answers_ignores_the_plan_and_a_plan_file_is_an_answers_file(tracked: Run) -> None:
    plan = str(home() / "plan.yaml")
    mine = tracked("quiz", "--defaults", "--json").stdout
    # --defaults fills what the plan's answers lack (nothing): your roadmap, with its statuses
    assert tracked("roadmap", "--defaults", "--json").stdout == tracked("roadmap", "--json").stdout
    assert tracked("roadmap", "--answers", plan, "--json").stdout == mine
    assert tracked("quiz", "--answers", plan, "--json").stdout == mine
    changed = json.loads(tracked("quiz", "--answers", plan, "--set", "goal=manager", "--json").stdout)
    assert changed["answers"]["goal"] == "manager" and changed["answers"]["programming"] == "beginner"


def test_roadmap_save_with_a_plan_makes_it_anew_from_its_own_answers(run: Run) -> None:
    save(run, "goal=manager", "programming=advanced")
    run("progress", "set", "1", "done")
    before = yaml.safe_load((home() / "plan.yaml").read_text())
    saved = run("roadmap", "--save", "--json")
    assert saved.exit_code == 0 and "Plan updated: 13 kept (1 done), 0 new, 0 dropped" in saved.stderr
    after = yaml.safe_load((home() / "plan.yaml").read_text())
    assert after["answers"] == before["answers"] and after["answers"]["goal"] == "manager"
    assert json.loads(saved.stdout)["tailored"] is True
    assert statuses(run) == {step["id"]: step["status"] for step in before["steps"]}
    general = run("roadmap", "--general", "--save", "--json")  # asked for outright: the general one
    assert general.exit_code == 0 and json.loads(general.stdout)["tailored"] is False


def test_roadmap_set_changes_answers_of_the_plan(run: Run) -> None:
    refused = run("roadmap", "--set", "goal=manager")  # no plan: --set alone is not every answer
    assert refused.exit_code == 2 and "the answers lack" in refused.stderr
    save(run, "programming=advanced")
    first = run("progress", "set", "1", "done").stdout.split("\t")[0]
    changed = run("roadmap", "--set", "goal=manager", "--save", "--json")
    assert changed.exit_code == 0, changed.stderr
    answers = json.loads(changed.stdout)["answers"]
    assert (answers["goal"], answers["programming"]) == ("manager", "advanced")
    assert yaml.safe_load((home() / "plan.yaml").read_text())["answers"]["goal"] == "manager"
    assert statuses(run)[first] == "done"  # the plan's statuses kept


def test_roadmap_what_if_takes_the_answers_of_the_plan(run: Run) -> None:
    refused = run("roadmap", "--what-if", "goal=director")
    assert refused.exit_code == 2 and "or save a plan of your answers (mlpath quiz --save)" in refused.stderr
    save(run, "goal=manager")
    compared = run("roadmap", "--what-if", "goal=director", "--json")
    assert compared.exit_code == 0, compared.stderr
    document = json.loads(compared.stdout)
    assert document["changes"]["answers"] == {"goal": {"before": "manager", "after": "director"}}


def test_a_plan_of_the_general_roadmap_is_shown_as_your_plan(run: Run) -> None:
    saved = run("roadmap", "--save")
    assert saved.exit_code == 0 and "Saved your plan (15 steps)" in saved.stderr
    run("progress", "set", "ladder-director", "done")
    assert statuses(run)["ladder-director"] == "done"
    document = json.loads(run("roadmap", "--json").stdout)
    assert document["tailored"] is False and document["percent_complete"] == 7  # the general one, with its statuses
    assert {step["id"]: step["status"] for step in document["steps"]}["ladder-director"] == "done"
    table = run("roadmap", "--format", "table").stdout
    assert table.startswith("Your roadmap (7% complete)\n") and "Next steps (3 of 14 left)" in table


def test_an_interrupted_write_leaves_the_old_plan_whole(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("quiz", "--defaults", "--save")
    plan = home() / "plan.yaml"
    before = plan.read_text()

    def interrupted(self: Path, target: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    result = run("progress", "set", "programming", "done")
    assert result.exit_code == 130
    assert plan.read_text() == before
    assert [p.name for p in home().iterdir() if p.name.endswith(".tmp")] == []


# Older plans ---------------------------------------------------------------------------------------

VERSION_1 = {
    "version": 1,
    "saved": "2026-01-01T00:00:00+00:00",
    "answers": None,
    "status": {"programming": "done", "math": "learning", "projects": "pending"},
}


def test_a_version_1_plan_is_migrated_when_written_without_losing_a_status(run: Run) -> None:
    home().mkdir(parents=True, exist_ok=True)
    (home() / "plan.yaml").write_text(yaml.safe_dump(VERSION_1, sort_keys=False))
    result = run("progress", "set", "projects", "done")
    shown = progress(run)  # the general roadmap (the plan has no answers), with the plan's statuses
    total = len(shown["steps"])
    assert result.exit_code == 0 and result.stdout == f"projects\tdone\t{round(200 / total)}% complete (2/{total})\n"
    stored = yaml.safe_load((home() / "plan.yaml").read_text())
    assert stored["schema_version"] == 3
    assert [(s["id"], s["status"]) for s in stored["steps"]] == [(s["id"], s["status"]) for s in shown["steps"]]
    assert {s["id"]: s["status"] for s in stored["steps"] if s["status"] != "pending"} == {
        "programming": "done",
        "math": "learning",
        "projects": "done",
    }


def test_a_plan_edited_by_hand_is_set_by_the_numbers_progress_shows(run: Run) -> None:
    save(run)
    plan = home() / "plan.yaml"
    stored = yaml.safe_load(plan.read_text())
    assert [s["id"] for s in stored["steps"][:3]] == ["programming", "math", "degree-bachelor"]
    del stored["steps"][1]  # math, taken out by hand: the roadmap of the answers still has it
    plan.write_text(yaml.safe_dump(stored, sort_keys=False))
    result = run("progress", "set", "2", "done")
    shown = progress(run)
    assert [(s["id"], s["status"]) for s in shown["steps"][:3]] == [
        ("programming", "pending"),
        ("math", "done"),
        ("degree-bachelor", "pending"),
    ]
    total = len(shown["steps"])
    assert result.stdout == f"math\tdone\t{round(100 / total)}% complete (1/{total})\n"
    assert run("progress", "reset", "--yes").stderr == f"All {total} steps are pending again.\n"


def test_a_version_1_plan_shows_its_statuses(run: Run) -> None:
    home().mkdir(parents=True, exist_ok=True)
    (home() / "plan.yaml").write_text(yaml.safe_dump(VERSION_1, sort_keys=False))
    now = statuses(run)
    assert (now["programming"], now["math"]) == ("done", "learning")


# Many writers ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_twenty_concurrent_writers_lose_no_update(run: Run) -> None:
    run("quiz", *ALL_STEPS, "--save")
    steps = [s["id"] for s in progress(run)["steps"]]
    assert len(steps) == 19
    env = {**os.environ}
    # 20 writers at once, each a process of its own: one per step, and a second one for the first step.
    with ThreadPoolExecutor(max_workers=20) as pool:
        done = list(
            pool.map(
                lambda step: subprocess.run(
                    [*MLPATH, "progress", "set", step, "done"], env=env, capture_output=True, text=True, timeout=60
                ),
                [*steps, steps[0]],
            )
        )
    assert [d.returncode for d in done] == [0] * 20, [d.stderr for d in done]
    document = progress(run)
    assert document["percent_complete"] == 100
    assert document["counts"]["done"] == 19


# The property: no status is ever lost or moved to different work ------------------------------------

CONTENT = load_content(packaged_data_dir())
VARIANTS = {  # answers that change which steps there are, and the work some of them ask for
    "goal": ("individual-contributor", "manager", "director"),
    "programming": ("none", "beginner", "intermediate", "advanced"),
    "interests": ((), ("nlp",), ("computer-vision", "robotics")),
    "path": ("undecided", "degree", "online"),
}


@functools.cache
def roadmap_of(goal: str, programming: str, interests: tuple[str, ...], path: str) -> Roadmap:
    raw = {"goal": goal, "programming": programming, "interests": interests, "path": path}
    prepared, _, _ = contract.resolve(raw, CONTENT.questions.questions, use_defaults=True)
    return build_roadmap(CONTENT, contract.build(prepared))


answer_sets = st.builds(roadmap_of, *(st.sampled_from(values) for values in VARIANTS.values()))
operations = st.lists(
    st.one_of(
        st.tuples(st.just("replan"), answer_sets),
        st.tuples(st.just("set"), st.integers(min_value=0, max_value=40), st.sampled_from(STATUSES)),
        st.tuples(st.just("reset")),
    ),
    max_size=14,
)


@settings(max_examples=examples(150), deadline=None)
@given(first=answer_sets, steps=operations)
def test_no_status_is_ever_lost_or_moved_to_different_work(first: Roadmap, steps: list[tuple[Any, ...]]) -> None:
    plan: Plan = replan(None, first, "2026-01-01T00:00:00+00:00").plan
    truth: dict[tuple[str, str], str] = {}  # the last status given to each work (a step's id and work)
    for number, step in enumerate(steps, start=1):
        now = f"2026-01-02T00:{number // 60:02d}:{number % 60:02d}+00:00"
        if step[0] == "replan":
            roadmap = step[1]
            plan = replan(plan, roadmap, now).plan
            assert [(s.id, s.work) for s in plan.steps] == [(s.id, work_of(s.title, s.actions)) for s in roadmap.steps]
        elif step[0] == "set":
            index = step[1] % len(plan.steps)
            plan = set_status(plan, index, step[2], now)
            truth[(plan.steps[index].id, plan.steps[index].work)] = step[2]
        else:
            plan = reset(plan, now)
            truth.clear()
        for saved in plan.steps:  # every step has the status of its own work, pending when it has none
            assert saved.status == truth.get((saved.id, saved.work), "pending"), (saved, truth)
        on_record = {(r.id, r.work): r.status for r in plan.removed}
        assert len(on_record) == len(plan.removed)  # one record per work
        assert not on_record.keys() & {(s.id, s.work) for s in plan.steps}  # never both in the plan and on record
        in_plan = {(s.id, s.work) for s in plan.steps}
        for work, status in truth.items():  # every status given is in the plan or on record
            if work not in in_plan and status != "pending":
                assert on_record.get(work) == status, (work, status, plan.removed)


def test_defaults_with_a_plan_fill_only_what_the_plan_lacks(run: Run) -> None:
    save(run, "programming=intermediate", "interests=nlp")
    result = run("roadmap", "--set", "goal=manager", "--defaults", "--save")
    assert result.exit_code == 0, result.stderr
    answers = progress(run)["answers"]
    assert (answers["programming"], answers["interests"], answers["goal"]) == ("intermediate", ["nlp"], "manager")


def test_the_general_roadmap_replaces_a_plan_of_answers_only_when_the_person_says_so(
    run: Run, keyboard: PipeInput
) -> None:
    save(run, "interests=nlp")
    keyboard.send_text(ENTER)  # No, the default
    kept = run("roadmap", "--general", "--save", "--no-pager")
    assert kept.exit_code == 0 and "Your plan and its answers are kept as they were." in kept.stderr
    assert progress(run)["answers"]["interests"] == ["nlp"]
    keyboard.send_text("y")
    dropped = run("roadmap", "--general", "--save", "--no-pager")
    assert dropped.exit_code == 0 and dropped.stderr.startswith("Plan updated: ")
    assert progress(run)["answers"] is None


def test_the_step_being_learnt_comes_next_in_progress_and_roadmap_alike(run: Run) -> None:
    save(run)
    run("progress", "set", "4", "learning")  # steps 1 to 3 still pending
    assert progress(run)["next"]["number"] == 4
    table = run("roadmap", "--format", "table").stdout
    assert (
        "Next steps (3 of 12 left)\n"
        " 4  learning Learn the key machine learning skills\n"
        " 1  pending  Grow your Python from scripts to programs\n"
        " 2  pending  Strengthen your statistics and probability\n"
    ) in table


def test_the_summary_prices_no_degree_once_its_step_is_done_or_skipped(run: Run) -> None:
    save(run)
    assert "Degree: roughly 4 years" in run("roadmap", "--format", "table").stdout
    run("progress", "set", "degree-bachelor", "skipped")
    assert "Degree: roughly" not in run("roadmap", "--format", "table").stdout


def test_a_step_not_in_the_plan_suggests_no_unrelated_step(run: Run) -> None:
    save(run, "education=master-cs")  # a roadmap without a degree step
    far = run("progress", "set", "degree-bachelor", "done").stderr
    near = run("progress", "set", "progrmming", "done").stderr
    assert far.startswith("Error: unknown step 'degree-bachelor'; choose one of: 1 programming")
    assert near.startswith("Error: unknown step 'progrmming' (did you mean 'programming'?)")


def test_reset_on_a_terminal_says_it_forgets_the_record_too(
    run: Run, keyboard: PipeInput, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlpath.cli import prompts

    asked: list[tuple[str, bool]] = []

    def confirm(message: str, default: bool) -> bool:
        asked.append((message, default))
        return False  # No

    monkeypatch.setattr(prompts, "confirm", confirm)
    save(run, "goal=manager")
    run("progress", "set", "ladder-manager", "done")
    save(run)  # ladder-manager leaves the plan, kept on record
    kept = run("progress", "reset")
    assert kept.stderr.endswith("Nothing changed.\n") and progress(run)["removed"] != []
    assert asked == [
        ("Set every step of your plan back to pending, and forget the statuses of 1 step no longer in it?", False)
    ]


def test_a_script_that_saves_the_general_roadmap_is_told_the_answers_went(run: Run) -> None:
    save(run, "interests=nlp")
    result = run("roadmap", "--general", "--save")  # no terminal: the --save is the script's say
    assert result.exit_code == 0 and progress(run)["answers"] is None
    assert result.stderr.startswith("Plan updated: ") and (
        ", your answers dropped (the general roadmap has none) — mlpath progress\n" in result.stderr
    )


def test_the_saved_line_wraps_on_words_on_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    save(run)
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: Terminal(False, False, True, width=40)))
    lines = run("roadmap", "--set", "goal=manager", "--save", "-o", str(tmp_path / "r.md")).stderr.splitlines()
    said = lines[next(i for i, line in enumerate(lines) if line.startswith("Plan updated: ")) :]
    assert all(len(line) < 40 for line in said)
    assert " ".join(said) == "Plan updated: 11 kept (0 done), 3 new, 0 dropped — mlpath progress"
