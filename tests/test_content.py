"""Custom content directories: selection, validation and the errors a content author sees."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run
from mlpath.content.load import packaged_data_dir


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_data_path_prints_the_packaged_content(run: Run) -> None:
    result = run("data", "path")
    assert result.exit_code == 0
    assert Path(result.stdout.strip()) == packaged_data_dir()
    assert (Path(result.stdout.strip()) / "salary.yaml").is_file()


def test_data_check_passes_on_the_packaged_content(run: Run) -> None:
    result = run("data", "check")
    assert result.exit_code == 0
    assert "valid\ttrue\n" in result.stdout and "figure_count\t14\n" in result.stdout
    table = run("data", "check", "--format", "table")
    assert "valid (14 sourced figures)" in table.stdout


def test_data_dir_flag_points_every_command_at_other_content(run: Run, content_dir: Path) -> None:
    edit(content_dir / "salary.yaml", "value: 118000", "value: 120000")
    document = json.loads(run("--data-dir", str(content_dir), "salary", "--json").stdout)
    assert document["tiers"][0]["amount"] == 120000
    assert run("--data-dir", str(content_dir), "data", "path").stdout.strip() == str(content_dir)


def test_environment_variable_selects_content_and_the_flag_wins(run: Run, content_dir: Path, tmp_path: Path) -> None:
    edit(content_dir / "salary.yaml", "value: 118000", "value: 120000")
    env = {"MLPATH_DATA_DIR": str(content_dir)}
    assert json.loads(run("salary", "--json", env=env).stdout)["tiers"][0]["amount"] == 120000
    packaged = str(packaged_data_dir())
    flagged = run("--data-dir", packaged, "salary", "--json", env=env)
    assert json.loads(flagged.stdout)["tiers"][0]["amount"] == 118000


def test_every_problem_is_listed_with_file_line_and_field(run: Run, content_dir: Path) -> None:
    edit(content_dir / "salary.yaml", "value: 156000", 'value: "lots"')
    edit(content_dir / "ladder.yaml", "    summary: You lead projects", "    summery: You lead projects")
    edit(content_dir / "outlook.yaml", "source: 365-data-science}", "source: gartner}")
    result = run("data", "check", str(content_dir), "--format", "table")
    assert result.exit_code == 3
    assert result.stderr == f"Error: invalid content in {content_dir} (4 problems)\n"
    salary = content_dir / "salary.yaml"
    ladder = content_dir / "ladder.yaml"
    shown = " ".join(result.stdout.replace("│", " ").split())  # the table wraps long lines
    assert f"{content_dir}: invalid (4 problems)" in shown
    assert f"{salary}:11: tiers[1].amount.value: Input should be a valid integer" in shown
    assert f"{ladder}:17: levels[2].summary: Field required" in shown
    assert f"{ladder}:19: levels[2].summery: Unexpected keyword argument" in shown
    records = run("data", "check", str(content_dir)).stdout.splitlines()
    assert f"problem\t{salary}\t11\ttiers[1].amount.value\tInput should be a valid integer" in records


def test_data_check_json_lists_the_problems_on_stdout(run: Run, content_dir: Path) -> None:
    edit(content_dir / "salary.yaml", "value: 156000", 'value: "lots"')
    result = run("data", "check", str(content_dir), "--json")
    assert result.exit_code == 3
    document = json.loads(result.stdout)
    assert document["valid"] is False and document["figure_count"] is None
    assert document["problems"] == [
        {
            "file": str(content_dir / "salary.yaml"),
            "line": 11,
            "field": "tiers[1].amount.value",
            "message": "Input should be a valid integer",
        }
    ]
    assert result.stderr == f"Error: invalid content in {content_dir} (1 problem)\n"
    valid = json.loads(run("data", "check", "--json").stdout)
    assert valid["valid"] is True and valid["problems"] == [] and valid["figure_count"] == 14


def test_schema_problems_are_reported_before_cross_references(run: Run, content_dir: Path) -> None:
    edit(content_dir / "outlook.yaml", "source: 365-data-science}", "source: gartner}")
    result = run("--data-dir", str(content_dir), "outlook")
    assert result.exit_code == 3
    assert f"{content_dir / 'outlook.yaml'}:3: growth_percent.source: unknown source 'gartner'" in result.stderr


def test_invalid_yaml_names_line_and_column(run: Run, content_dir: Path) -> None:
    edit(content_dir / "aspects.yaml", "  - id: high-pay", "  - id: [high-pay")
    result = run("--data-dir", str(content_dir), "aspects")
    assert result.exit_code == 3
    assert f"{content_dir / 'aspects.yaml'}:" in result.stderr and "invalid YAML" in result.stderr
    assert "column" in result.stderr


def test_python_tags_are_refused_and_never_run(run: Run, content_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (content_dir / "role.yaml").write_text(f"definition: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run("--data-dir", str(content_dir), "about")
    assert result.exit_code == 3
    assert "role.yaml:1" in result.stderr and "python/object/apply" in result.stderr
    assert not marker.exists()


def test_missing_file_and_missing_directory(run: Run, content_dir: Path, tmp_path: Path) -> None:
    (content_dir / "skills.yaml").unlink()
    result = run("--data-dir", str(content_dir), "salary")
    assert result.exit_code == 3
    assert f"{content_dir / 'skills.yaml'}: file is missing" in result.stderr
    nowhere = tmp_path / "nowhere"
    result = run("data", "check", str(nowhere))
    assert result.exit_code == 3
    assert f"problem\t{nowhere}\t\t\tcontent directory does not exist\n" in result.stdout


def test_duplicate_ids_and_unknown_files_are_problems(run: Run, content_dir: Path) -> None:
    edit(content_dir / "ladder.yaml", "  - id: lead", "  - id: senior")
    (content_dir / "notes.yaml").write_text("a: 1\n")
    result = run("data", "check", str(content_dir))
    assert result.exit_code == 3
    assert "\tlevels[3].id\tduplicate id 'senior'\n" in result.stdout
    assert "notes.yaml\t\t\tunknown content file; expected one of the 19 section files" in result.stdout


def test_a_change_to_a_figure_changes_what_users_see(run: Run, content_dir: Path) -> None:
    edit(content_dir / "education.yaml", "in_state: {value: 10162", "in_state: {value: 11000")
    document = json.loads(run("--data-dir", str(content_dir), "education", "--json").stdout)
    assert document["estimate"]["tuition_formula"] == "4 × $11,000 = $44,000"


def cache_entries() -> list[Path]:
    import os

    return sorted((Path(os.environ["MLPATH_HOME"]) / "cache").glob("content-*.json"))


def test_validated_content_is_cached_and_an_edit_invalidates_it(run: Run, content_dir: Path) -> None:
    first = json.loads(run("--data-dir", str(content_dir), "salary", "--json").stdout)
    assert first["tiers"][0]["amount"] == 118000
    assert len(cache_entries()) == 1
    edit(content_dir / "salary.yaml", "value: 118000", "value: 121000")
    second = json.loads(run("--data-dir", str(content_dir), "salary", "--json").stdout)
    assert second["tiers"][0]["amount"] == 121000
    assert len(cache_entries()) == 2


def test_an_invalid_edit_is_caught_even_after_caching(run: Run, content_dir: Path) -> None:
    assert run("--data-dir", str(content_dir), "ladder").exit_code == 0
    edit(content_dir / "ladder.yaml", "  - id: lead", "  - id: senior")
    result = run("--data-dir", str(content_dir), "ladder")
    assert result.exit_code == 3 and "duplicate id 'senior'" in result.stderr


def test_a_damaged_cache_is_ignored_not_trusted(run: Run, content_dir: Path) -> None:
    run("--data-dir", str(content_dir), "salary")
    for entry in cache_entries():
        entry.write_bytes(b"not a cache entry")
    result = run("--data-dir", str(content_dir), "salary", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["tiers"][0]["amount"] == 118000


def test_the_same_content_elsewhere_gets_its_own_entry(run: Run, content_dir: Path, tmp_path: Path) -> None:
    import shutil

    run("--data-dir", str(content_dir), "salary")
    other = tmp_path / "other"
    shutil.copytree(content_dir, other)
    run("--data-dir", str(other), "salary")
    assert len(cache_entries()) == 2


def test_a_bad_condition_names_the_field_it_sits_in(run: Run, content_dir: Path) -> None:
    path = content_dir / "questions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- {education: [none], path: [degree, undecided]}", "- {education: [nne]}", 1))
    result = run("data", "check", str(content_dir), "--json")
    assert result.exit_code == 3
    problems = json.loads(result.stdout)["problems"]
    fields = [p["field"] for p in problems if "'nne' is not a education answer" in p["message"]]
    assert len(fields) == 1 and fields[0].endswith("].when[0].education"), problems
