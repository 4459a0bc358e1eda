"""Saving a plan and tracking progress: statuses, re-planning, and storage that loses nothing."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

import forked
from conftest import Run

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


def home() -> Path:
    return Path(os.environ["MLPATH_HOME"])


def progress(run: Run) -> dict[str, Any]:
    result = run("progress", "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def statuses(run: Run) -> dict[str, str]:
    return {step["id"]: step["status"] for step in progress(run)["steps"]}


def test_no_plan_yet_says_how_to_make_one(run: Run) -> None:
    result = run("progress")
    assert result.exit_code == 1
    assert "no saved plan yet; make one with 'mlpath quiz --save'" in result.stderr


def test_save_then_progress_shows_every_step_pending(run: Run) -> None:
    saved = run("quiz", "--defaults", "--save", "--json")
    assert saved.exit_code == 0
    assert f"Saved your plan to {home() / 'plan.yaml'} (12 steps)" in saved.stderr
    document = progress(run)
    assert [s["id"] for s in document["steps"]] == [s["id"] for s in json.loads(saved.stdout)["steps"]]
    assert document["percent_complete"] == 0
    assert document["next"]["id"] == "programming"
    assert document["counts"] == {"pending": 12, "learning": 0, "done": 0, "skipped": 0}


def test_set_by_id_number_and_prefix_and_the_percent_follows(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    assert run("progress", "set", "programming", "done").stdout == "programming\tdone\t8% complete (1/12)\n"
    assert run("progress", "set", "2", "skipped").stdout == "math\tskipped\t17% complete (2/12)\n"
    assert run("progress", "set", "core", "learning").exit_code == 0
    document = progress(run)
    assert document["percent_complete"] == 17
    assert document["percent_formula"] == "(done + skipped) ÷ steps = 2 ÷ 12 = 17%"
    assert document["next"] == {
        "id": "core-skills",
        "title": "Learn the core machine learning skills",
        "status": "learning",
    }
    foundations = next(p for p in document["phases"] if p["id"] == "foundations")
    assert (foundations["finished"], foundations["total"], foundations["percent"]) == (2, 2, 100)


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


def test_replanning_keeps_statuses_and_reports_what_fell_away(run: Run) -> None:
    run("quiz", "--defaults", "--set", "interests=nlp", "--save")
    for step, status in (("programming", "done"), ("math", "done"), ("specialty-nlp", "learning")):
        run("progress", "set", step, status)
    again = run("quiz", "--defaults", "--set", "interests=computer-vision", "--save")
    assert "Kept the status of 2 steps: programming, math." in again.stderr
    assert "New steps: specialty-computer-vision." in again.stderr
    assert "No longer in your plan: specialty-nlp (was learning)" in again.stderr
    document = progress(run)
    now = {s["id"]: s["status"] for s in document["steps"]}
    assert now["programming"] == "done" and now["math"] == "done"
    assert now["specialty-computer-vision"] == "pending" and "specialty-nlp" not in now
    assert [(r["id"], r["status"]) for r in document["removed"]] == [("specialty-nlp", "learning")]
    back = run("quiz", "--defaults", "--set", "interests=nlp", "--save")
    assert "No longer in your plan: specialty-computer-vision (was pending)" in back.stderr
    assert [r["id"] for r in progress(run)["removed"]] == ["specialty-computer-vision"]


def test_roadmap_save_and_markdown_export(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    run("quiz", "--defaults", "--save-answers", str(answers))
    assert run("roadmap", "--answers", str(answers), "--save").exit_code == 0
    run("progress", "set", "1", "done")
    markdown = run("progress", "--format", "markdown").stdout
    assert "- [x] **Grow your Python from scripts to programs**" in markdown
    assert "- [ ] **Strengthen your statistics and probability**" in markdown
    assert "| phase | steps done |\n|---|---|\n" in markdown  # the bars by phase, with their header row


def test_reset_asks_for_yes_without_a_terminal(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    run("progress", "set", "1", "done")
    refused = run("progress", "reset")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert statuses(run)["programming"] == "done"
    assert run("progress", "reset", "--yes").exit_code == 0
    assert set(statuses(run).values()) == {"pending"}


def test_a_truncated_plan_is_reported_by_readers_and_moved_aside_by_writers(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    plan = home() / "plan.yaml"
    damaged = plan.read_text()[:200]
    plan.write_text(damaged)
    result = run("progress")
    assert result.exit_code == 1
    assert "is damaged" in result.stderr and "it was left as it is" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert plan.read_text() == damaged and not list(home().glob("plan.yaml.damaged-*"))
    result = run("progress", "set", "programming", "done")
    assert result.exit_code == 1
    assert "is damaged" in result.stderr and "nothing was overwritten" in result.stderr
    backups = list(home().glob("plan.yaml.damaged-*"))
    assert len(backups) == 1 and backups[0].read_text() == damaged
    assert str(backups[0]) in result.stderr
    assert not plan.exists()
    again = run("quiz", "--defaults", "--save")
    assert again.exit_code == 0
    assert backups[0].read_text() == damaged


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


def test_an_older_plan_version_is_migrated(run: Run) -> None:
    home().mkdir(parents=True, exist_ok=True)
    (home() / "plan.yaml").write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "saved": "2026-01-01T00:00:00+00:00",
                "answers": None,
                "status": {"programming": "done", "math": "learning", "projects": "pending"},
            },
            sort_keys=False,
        )
    )
    document = progress(run)
    assert [(s["id"], s["status"]) for s in document["steps"]] == [
        ("programming", "done"),
        ("math", "learning"),
        ("projects", "pending"),
    ]
    run("progress", "set", "projects", "done")
    stored = yaml.safe_load((home() / "plan.yaml").read_text())
    assert stored["schema_version"] == 2
    assert [s["status"] for s in stored["steps"]] == ["done", "learning", "done"]


def test_twenty_concurrent_writers_lose_no_update(run: Run) -> None:
    run("quiz", *ALL_STEPS, "--save")
    steps = [s["id"] for s in progress(run)["steps"]]
    assert len(steps) == 19
    env = {**os.environ}
    # 20 writers at once, each a process of its own (forked: tests/forked.py): one per step, and
    # a second one for the first step.
    with ThreadPoolExecutor(max_workers=20) as pool:
        done = list(pool.map(lambda step: forked.run(["progress", "set", step, "done"], env), [*steps, steps[0]]))
    assert [d.returncode for d in done] == [0] * 20, [d.stderr for d in done]
    document = progress(run)
    assert document["percent_complete"] == 100
    assert document["counts"]["done"] == 19
