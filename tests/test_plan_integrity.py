"""The saved plan is never silently rewritten: damage is caught, reported by readers, moved aside
only by writers under the lock; a newer plan is left alone; odd files are refused, not read."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import Run, examples, within
from mlpath.cli import app
from mlpath.content import answers as contract
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.engine.roadmap import build_roadmap
from mlpath.model import dump
from mlpath.plan import store
from mlpath.plan.model import Plan, PlanStep, RemovedStep, replan, set_status, work_of

CONTENT = load_content(packaged_data_dir())
QUESTIONS = CONTENT.questions.questions


def home() -> Path:
    return Path(os.environ["MLPATH_HOME"])


def plan() -> Path:
    return home() / "plan.yaml"


def saved(run: Run) -> str:
    result = run("quiz", "--defaults", "--save")
    assert result.exit_code == 0, result.stderr
    return plan().read_text(encoding="utf-8")


def backups() -> list[Path]:
    return sorted(home().glob("plan.yaml.damaged-*"))


def statuses(run: Run) -> dict[str, str]:
    result = run("progress", "--json")
    assert result.exit_code == 0, result.stderr
    return {step["id"]: step["status"] for step in json.loads(result.stdout)["steps"]}


def completions(line: str) -> list[str]:
    """What mlpath offers bash for the command line `line`, with TAB pressed at its end."""
    env = {
        "_MLPATH_COMPLETE": "complete_bash",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "COMP_WORDBREAKS": " \t\n\"'><=;|&(:",
    }
    return CliRunner().invoke(app, [], env=env, prog_name="mlpath").stdout.split()


def with_checksum(document: dict[str, Any]) -> str:
    """A plan file as mlpath.plan.store writes one (header, checksum of the lines below, YAML, end
    line), of any document: one mlpath would not write, or one of an older version."""
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True) + store.END + "\n"
    return f"{store.HEADER}{store.CHECKSUM}{hashlib.sha256(body.encode()).hexdigest()}\n{body}"


def assert_reading_leaves_it(run: Run, says: str) -> None:
    """Every reading command reports the plan (exit 1, one line) and leaves the file as it is."""
    before = plan().read_bytes() if plan().exists() else None
    for args in (("progress",), ("roadmap", "--json")):
        result = run(*args)
        assert result.exit_code == 1, (args, result.stdout)
        assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr and result.stdout == ""
    assert completions("mlpath progress set ") == []
    assert (plan().read_bytes() if plan().exists() else None) == before
    assert backups() == []


# The format ----------------------------------------------------------------------------------


def test_a_saved_plan_has_a_checksum_and_an_end_line(run: Run) -> None:
    text = saved(run)
    lines = text.splitlines()
    assert lines[0] == store.HEADER.strip() and lines[1].startswith(store.CHECKSUM)
    assert lines[2] == "schema_version: 3"
    assert lines[-1] == store.END
    assert stat.S_IMODE(plan().stat().st_mode) == 0o600  # the plan stays private
    assert completions("mlpath progress set ")[:3] == ["programming", "math", "degree-bachelor"]


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_plan_cut_at_a_line_boundary_is_caught(run: Run, keep: float) -> None:
    text = saved(run)
    lines = text.splitlines(keepends=True)
    cut = "".join(lines[: max(3, int(len(lines) * keep))])
    yaml.safe_load(cut)  # still valid YAML
    plan().write_text(cut, encoding="utf-8")
    assert_reading_leaves_it(run, "cut short")


def answers(**changes: Any) -> dict[str, Any]:
    """Every answer, as an answers file (and a plan) holds them: the defaults but `changes`."""
    prepared, _, _ = contract.resolve(changes, QUESTIONS, use_defaults=True)
    document: dict[str, Any] = contract.build(prepared).document()
    return document


SAMPLE = Plan(
    schema_version=3,
    created="2026-01-01T00:00:00+00:00",
    updated="2026-01-02T00:00:00+00:00",
    answers=contract.build(contract.check(answers(interests="nlp,robotics"))[0]),
    steps=(
        PlanStep(
            id="programming",
            title="Grow your Python",
            phase="foundations",
            work=work_of("Grow your Python", ("Use Git.",)),
            status="done",
            updated="2026-01-02T00:00:00+00:00",
        ),
        PlanStep(id="math", title="Statistics: the basics", phase="foundations", work=work_of("Statistics", ())),
        PlanStep(id="ladder-senior", title="Reach senior — «ML» engineer", phase="ladder", work="", status="learning"),
    ),
    removed=(
        RemovedStep(
            id="specialty-nlp", title="NLP", work=work_of("NLP", ("Read",)), status="skipped", updated=None,
            removed="2026-01-02T00:00:00+00:00",
        ),
    ),
)  # fmt: skip


@settings(max_examples=examples(100), deadline=None)
@given(cut=st.integers(min_value=0))
def test_any_truncation_is_caught_or_loads_identically(cut: int) -> None:
    text = store.encode(SAMPLE)
    data = text.encode("utf-8")
    cut %= len(data) + 1
    shorter = data[:cut].decode("utf-8", errors="ignore")
    try:
        loaded = store.decode(shorter)
    except store.Damage:
        return
    assert loaded == SAMPLE


@settings(max_examples=examples(100), deadline=None)
@given(data=st.data())
def test_any_single_line_dropped_is_caught_or_a_valid_edit(data: st.DataObject) -> None:
    lines = store.encode(SAMPLE).splitlines(keepends=True)
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    try:
        loaded = store.decode("".join(lines[:index] + lines[index + 1 :]))
    except store.Damage:
        return
    assert isinstance(loaded, Plan)  # e.g. the header comment or an 'updated: null' line


@pytest.mark.parametrize("version", [True, 1.0, "1", "2", 2.0, None, [2]])
def test_a_schema_version_that_is_not_a_whole_number_is_damage(run: Run, version: object) -> None:
    saved(run)
    for text in (
        with_checksum({**dump(SAMPLE), "schema_version": version}),  # checksum intact
        yaml.safe_dump({**dump(SAMPLE), "schema_version": version}, sort_keys=False),  # a plan from before
    ):
        plan().write_text(text, encoding="utf-8")
        assert_reading_leaves_it(run, "schema_version is")


def test_an_empty_plan_never_crashes_a_view(run: Run) -> None:
    home().mkdir(parents=True)
    for text in ("", "\n", "# only a comment\n", store.HEADER):
        plan().write_text(text, encoding="utf-8")
        assert_reading_leaves_it(run, "is damaged")
    result = run("quiz", "--defaults", "--save")
    assert result.exit_code == 0 and "Warning: your plan" in result.stderr
    assert len(backups()) == 1 and backups()[0].read_text(encoding="utf-8") == store.HEADER


# A newer plan ----------------------------------------------------------------------------------


def test_a_plan_from_a_newer_mlpath_is_left_in_place(run: Run) -> None:
    saved(run)
    newer = with_checksum({**dump(SAMPLE), "schema_version": 4, "new_key": {"x": 1}})
    plan().write_text(newer, encoding="utf-8")
    assert_reading_leaves_it(run, "saved by a newer mlpath (schema_version 4; this one reads versions 1 to 3)")
    for args in (
        ("progress", "set", "programming", "done"),
        ("progress", "reset", "--yes"),
        ("quiz", "--defaults", "--save"),
        ("roadmap", "--defaults", "--save"),
    ):
        result = run(*args)
        assert result.exit_code == 1 and "newer mlpath" in result.stderr, args
    assert plan().read_text(encoding="utf-8") == newer and backups() == []


def test_a_newer_plan_in_another_format_is_still_left_in_place(run: Run) -> None:
    home().mkdir(parents=True)
    plan().write_text("# a plan of the future\nschema_version: 7\nsteps: {whatever: [1, 2\n", encoding="utf-8")
    assert run("progress", "set", "1", "done").exit_code == 1
    assert backups() == [] and "schema_version: 7" in plan().read_text(encoding="utf-8")


# Writers act, under the lock ------------------------------------------------------------------


def test_only_a_writer_of_a_new_plan_moves_a_damaged_plan_aside(run: Run) -> None:
    text = saved(run)
    plan().write_text(text.replace("status: pending", "status: finished", 1), encoding="utf-8")
    assert_reading_leaves_it(run, "Edited by hand?")
    for change in (("progress", "set", "math", "done"), ("progress", "reset", "--yes")):  # mend it first
        result = run(*change)
        assert result.exit_code == 1 and "it was left as it is" in result.stderr and backups() == []
    result = run("quiz", "--defaults", "--save")
    assert result.exit_code == 0 and "moved to" in result.stderr
    assert len(backups()) == 1 and "finished" in backups()[0].read_text(encoding="utf-8")


def test_loading_for_an_update_needs_the_lock(run: Run) -> None:
    saved(run)
    with pytest.raises(RuntimeError, match="lock"):
        store.load_for_update()
    with store.locked():
        loaded = store.load_for_update()
        assert loaded is not None
    with pytest.raises(RuntimeError, match="lock"):
        store.save(loaded)


# Hand edits ------------------------------------------------------------------------------------


def test_a_valid_hand_edit_is_kept(run: Run) -> None:
    text = saved(run)
    edited = text.replace("status: pending", "status: done", 1)  # the first step, by hand
    plan().write_text(edited, encoding="utf-8")
    assert statuses(run)["programming"] == "done"
    assert run("progress", "set", "math", "learning").exit_code == 0
    after = statuses(run)
    assert after["programming"] == "done" and after["math"] == "learning"
    assert store.decode(plan().read_text(encoding="utf-8"))  # rewritten with a matching checksum
    assert backups() == []


def version_2(goal: str = "individual-contributor") -> dict[str, Any]:
    """A plan as mlpath saved it in schema_version 2, written out by hand: steps with id, title,
    phase, status and updated (no `work`); removed steps with id, title, status and removed."""
    mine = answers(goal=goal)
    steps = build_roadmap(CONTENT, contract.build(contract.check(mine)[0])).steps
    given = {"programming": "done", "math": "skipped", "core-skills": "learning"}
    return {
        "schema_version": 2,
        "created": "2026-01-01T00:00:00+00:00",
        "updated": "2026-01-03T00:00:00+00:00",
        "answers": mine,
        "steps": [
            {
                "id": step.id,
                "title": step.title,
                "phase": step.phase,
                "status": given.get(step.id, "pending"),
                "updated": "2026-01-02T00:00:00+00:00" if step.id in given else None,
            }
            for step in steps
        ],
        "removed": [
            {"id": "ladder-lead", "title": "Level 4: Lead Machine Learning Engineer / ML Team Lead",
             "status": "learning", "removed": "2026-01-03T00:00:00+00:00"},
            {"id": "ladder-manager", "title": "Level 5: Machine Learning Manager", "status": "done",
             "removed": "2026-01-03T00:00:00+00:00"},
        ],
    }  # fmt: skip


def test_a_version_2_plan_migrates_without_losing_a_status(run: Run) -> None:
    home().mkdir(parents=True)
    text = with_checksum(version_2())
    plan().write_text(text, encoding="utf-8")
    document = json.loads(run("progress", "--json").stdout)
    now = {step["id"]: step["status"] for step in document["steps"]}
    assert (now["programming"], now["math"], now["core-skills"], now["projects"]) == (
        "done", "skipped", "learning", "pending",
    )  # fmt: skip
    assert [(r["id"], r["status"], r["work"]) for r in document["removed"]] == [
        ("ladder-lead", "learning", ""), ("ladder-manager", "done", ""),
    ]  # fmt: skip
    assert document["percent_complete"] == 17
    assert plan().read_text(encoding="utf-8") == text  # reading never rewrites it
    assert run("progress", "set", "projects", "done").stdout == "projects\tdone\t25% complete (3/12)\n"
    stored = yaml.safe_load(plan().read_text(encoding="utf-8"))
    assert stored["schema_version"] == 3
    assert {s["id"]: s["status"] for s in stored["steps"] if s["status"] != "pending"} == {
        "programming": "done", "math": "skipped", "core-skills": "learning", "projects": "done",
    }  # fmt: skip
    assert [(r["id"], r["status"]) for r in stored["removed"]] == [
        ("ladder-lead", "learning"),
        ("ladder-manager", "done"),
    ]
    line = run("quiz", "--defaults", "--set", "goal=manager", "--save").stderr  # the steps on record come back
    assert line.startswith("Plan updated: ") and line.endswith(" 0 dropped — mlpath progress\n")
    stored = yaml.safe_load(plan().read_text(encoding="utf-8"))
    now = {s["id"]: s["status"] for s in stored["steps"]}
    assert (now["ladder-manager"], now["ladder-lead"], now["programming"], now["projects"]) == (
        "done", "learning", "done", "done",
    )  # fmt: skip
    assert stored["removed"] == [] and all(len(s["work"]) == 16 for s in stored["steps"])  # fingerprinted now


def test_a_plan_from_before_the_checksum_is_read_and_gains_one(run: Run) -> None:
    legacy = yaml.safe_dump(version_2(), sort_keys=False, allow_unicode=True)
    home().mkdir(parents=True)
    plan().write_text("# Your mlpath plan.\n" + legacy, encoding="utf-8")
    now = statuses(run)
    assert (now["programming"], now["math"], now["core-skills"]) == ("done", "skipped", "learning")
    assert run("progress", "set", "projects", "done").exit_code == 0
    text = plan().read_text(encoding="utf-8")
    assert store.CHECKSUM in text and text.endswith(store.END + "\n") and "schema_version: 3" in text
    assert statuses(run) == {**now, "projects": "done"}


def test_a_plan_from_before_the_checksum_cut_short_is_caught(run: Run) -> None:
    legacy = yaml.safe_dump(version_2(), sort_keys=False, allow_unicode=True)
    home().mkdir(parents=True)
    plan().write_text(legacy[: legacy.index("removed:")], encoding="utf-8")
    assert_reading_leaves_it(run, "it lacks removed")


# Odd files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "directory", "/dev/zero", "/dev/urandom", "/dev/stdin"])
def test_a_plan_that_is_not_a_file_is_refused_never_read_or_replaced(run: Run, kind: str) -> None:
    home().mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(plan())
    elif kind == "directory":
        plan().mkdir()
    else:
        plan().symlink_to(kind)
    with within(30):
        for args in (("progress",), ("progress", "set", "1", "done"), ("quiz", "--defaults", "--save")):
            result = run(*args)
            assert result.exit_code == 1, (args, result.stderr)
            assert "not a file" in result.stderr or "give a file name" in result.stderr
    assert backups() == []
    assert os.path.lexists(plan())


def test_a_huge_or_binary_plan_is_damage(run: Run) -> None:
    home().mkdir(parents=True)
    plan().write_bytes(b"schema_version: 2\n# " + b"x" * 1_100_000 + b"\n")
    assert_reading_leaves_it(run, "over 1,000,000 bytes")
    plan().write_bytes(b"schema_version: 2\n\xff\xfe\n")
    assert_reading_leaves_it(run, "not UTF-8")


def test_a_fifo_where_the_lock_goes_never_hangs(run: Run) -> None:
    saved(run)
    (home() / ".plan.lock").unlink()
    os.mkfifo(home() / ".plan.lock")
    with within(30):
        result = run("progress", "set", "1", "done")
    assert result.exit_code == 1 and "cannot use the plan directory" in result.stderr


# Symlinks and leftovers ------------------------------------------------------------------------


def test_a_symlinked_plan_is_written_through_the_link(run: Run, tmp_path: Path) -> None:
    text = saved(run)
    elsewhere = tmp_path / "synced" / "my-plan.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(text, encoding="utf-8")
    plan().unlink()
    plan().symlink_to(elsewhere)
    assert run("progress", "set", "programming", "done").exit_code == 0
    assert plan().is_symlink() and "status: done" in elsewhere.read_text(encoding="utf-8")
    assert run("quiz", "--defaults", "--save").exit_code == 0
    assert plan().is_symlink() and statuses(run)["programming"] == "done"


def test_a_damaged_symlinked_plan_is_moved_aside_beside_its_target(run: Run, tmp_path: Path) -> None:
    text = saved(run)
    elsewhere = tmp_path / "synced" / "my-plan.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(text[:300], encoding="utf-8")
    plan().unlink()
    plan().symlink_to(elsewhere)
    result = run("quiz", "--defaults", "--save")
    assert result.exit_code == 0 and "Warning" in result.stderr
    aside = list(elsewhere.parent.glob("my-plan.yaml.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == text[:300]
    assert plan().is_symlink() and store.END in elsewhere.read_text(encoding="utf-8")


def test_temp_files_of_a_killed_writer_are_removed_on_the_next_write(run: Run) -> None:
    saved(run)
    leftovers = [home() / ".plan.yaml.k1ll3d_x.tmp", home() / ".plan.yaml.a0b1c2d3.tmp"]
    for leftover in leftovers:
        leftover.write_text("half a plan")
    others = [home() / ".notes.txt.a0b1c2d3.tmp", home() / ".plan.yaml.my-copy.tmp"]
    for other in others:
        other.write_text("not ours")
    assert run("progress").exit_code == 0
    assert all(leftover.exists() for leftover in leftovers)  # reading removes nothing
    assert run("progress", "set", "1", "done").exit_code == 0
    assert not any(leftover.exists() for leftover in leftovers)
    assert all(other.exists() for other in others)


def test_a_plan_marked_version_1_by_hand_is_not_read_as_an_empty_one(run: Run) -> None:
    text = saved(run)
    plan().write_text(text.replace("schema_version: 3", "schema_version: 1"), encoding="utf-8")
    assert_reading_leaves_it(run, "status is missing")


def _real_plan_text() -> str:
    roadmap = build_roadmap(CONTENT, contract.build(contract.check(answers(interests="nlp"))[0]))
    made = replan(None, roadmap, "2026-01-01T00:00:00+00:00").plan
    text: str = store.encode(set_status(made, 1, "done", "2026-01-02T00:00:00+00:00"))
    return text


REAL = _real_plan_text()


@settings(max_examples=examples(100), deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(REAL.encode("utf-8"))))
def test_any_truncation_of_a_real_plan_through_storage_is_caught_or_whole(
    cut: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("home")
    (home / "plan.yaml").write_bytes(REAL.encode("utf-8")[:cut])
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLPATH_HOME", str(home))
        try:
            loaded = store.load()
        except store.DamagedPlanError:
            assert (home / "plan.yaml").read_bytes() == REAL.encode("utf-8")[:cut]  # left as it is
            return
    assert loaded == store.decode(REAL)


def test_a_step_listed_twice_is_damage_named_by_its_line_and_no_status_is_lost(run: Run) -> None:
    text = saved(run)
    run("progress", "set", "math", "done")
    text = plan().read_text(encoding="utf-8")
    block = text[text.index("- id: math") : text.index("- id: degree-bachelor")]
    twice = text.replace(block, block + block.replace("status: done", "status: pending"), 1)
    plan().write_text(twice, encoding="utf-8")
    line = twice.count("\n", 0, twice.index("- id: math", twice.index("- id: math") + 1)) + 1
    assert_reading_leaves_it(run, f"line {line}: steps.2: the step 'math' is listed twice; keep one")
    result = run("progress", "set", "1", "learning")  # no guess at which status holds
    assert result.exit_code == 1 and plan().read_text(encoding="utf-8") == twice and backups() == []


def test_a_status_whose_work_changed_is_on_record_before_anything_is_written(run: Run) -> None:
    saved(run)
    run("progress", "set", "programming", "done")
    before = plan().read_text(encoding="utf-8")
    start = before.index("- id: programming")
    work = before.index("work: ", start)
    older = before[:work] + "work: abcdef0123456789" + before[before.index("\n", work) :]  # older content's work
    plan().write_text(older.replace("title: Grow your Python from scripts to programs", "title: Grow your Python", 1))
    document = json.loads(run("progress", "--json").stdout)
    assert document["steps"][0]["status"] == "pending" and document["percent_complete"] == 0
    assert [(r["id"], r["title"], r["status"]) for r in document["removed"]] == [
        ("programming", "Grow your Python", "done")
    ]
    table = " ".join(run("progress", "--format", "table", "--no-pager").stdout.split())
    assert "On record, out of your plan now: Grow your Python (was done)." in table
