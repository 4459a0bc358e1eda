"""Golden outputs: what every command prints in every format, kept in tests/golden/.

A change that alters any output byte shows up as a failing test and as a diff of these files.
After an intended change, regenerate them and read the diff before committing:

    python tests/golden.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("table", "plain", "json", "yaml", "markdown", "csv")
NOT_TABULAR = {"about", "education", "education-out-masters", "outlook", "work-life"}  # no csv: not a list
WIDTH = "100"
SURVEY = Path(__file__).resolve().parent / "survey.jsonl"  # a survey export, for `mlpath cohort`

ANSWERS = (
    "--defaults",
    "--set",
    "programming=none",
    "--set",
    "education=bachelor-other",
    "--set",
    "path=degree",
    "--set",
    "residency=out-of-state",
    "--set",
    "study=part-time",
    "--set",
    "interests=nlp,robotics",
    "--set",
    "industries=healthcare,research",
    "--set",
    "goal=manager",
    "--set",
    "remote_work=important",
    "--set",
    "data_cleaning=1",
    "--set",
    "complex_problems=5",
)

# name -> command line (without the format flag)
CASES: dict[str, tuple[str, ...]] = {
    "about": ("about",),
    "salary": ("salary",),
    "salary-compare": ("salary", "--compare", "75000"),
    "ladder": ("ladder",),
    "ladder-senior": ("ladder", "senior"),
    "skills": ("skills",),
    "specialties": ("specialties",),
    "aspects": ("aspects",),
    "education": ("education",),
    "education-out-masters": ("education", "--residency", "out-of-state", "--masters"),
    "resources": ("resources",),
    "internships": ("internships",),
    "industries": ("industries",),
    "companies": ("companies",),
    "outlook": ("outlook",),
    "work-life": ("work-life",),
    "roadmap-general": ("roadmap",),
    "roadmap-defaults": ("roadmap", "--defaults"),
    "quiz-tailored": ("quiz", *ANSWERS),
    "quiz-master-cs": ("quiz", "--defaults", "--set", "education=master-cs", "--set", "programming=advanced"),
    "quiz-questions": ("quiz", "--questions"),
    "roadmap-what-if": ("roadmap", "--defaults", "--what-if", "study=part-time", "--what-if", "residency=out-of-state"),
    "quiz-what-if": (
        "quiz",
        *ANSWERS,
        "--what-if",
        "interests=nlp",
        "--what-if",
        "path=online",
        "--what-if",
        "new_tech=5",
        "--what-if",
        "analytical=5",
    ),
    "roadmap-what-if-same": ("roadmap", "--defaults", "--what-if", "study=full-time"),
    "sources": ("sources",),
    "search": ("search", "pytorch"),
    "cohort": ("cohort", str(SURVEY), "--defaults"),
}


def branch_answers() -> str:
    """JSON Lines that take every branch of the roadmap and verdict rules at least once."""
    import itertools
    import json

    lines: list[dict[str, object]] = []
    for education, path, residency, study in itertools.product(
        ("none", "bachelor-cs", "bachelor-other", "master-cs", "master-other"),
        ("degree", "online", "undecided"),
        ("in-state", "out-of-state"),
        ("full-time", "part-time"),
    ):
        lines.append({"education": education, "path": path, "residency": residency, "study": study})
    for programming, math in itertools.product(
        ("none", "beginner", "intermediate", "advanced"), ("weak", "fair", "strong")
    ):
        lines.append({"programming": programming, "math": math})
    for goal, remote in itertools.product(
        ("individual-contributor", "tech-lead", "manager", "director"), ("important", "nice-to-have", "unimportant")
    ):
        lines.append({"goal": goal, "remote_work": remote})
    interests = ("nlp", "computer-vision", "reinforcement-learning", "robotics", "data-science")
    industries = (
        "software",
        "finance",
        "healthcare",
        "automotive",
        "e-commerce",
        "consulting",
        "research",
        "government",
    )
    for index, interest in enumerate(interests):
        lines.append(
            {"interests": [interest, interests[index - 1]], "industries": [industries[index], industries[-index]]}
        )
    scales = ("complex_problems", "new_tech", "continuous_learning", "analytical", "resilience", "data_cleaning")
    for value in range(1, 6):
        lines.append({**{key: value for key in scales}, "deadline_pressure": 6 - value})
    lines.append({key: 1 + index % 5 for index, key in enumerate(scales)})
    return "".join(json.dumps(line) + "\n" for line in lines)


def environment(home: str) -> dict[str, str]:
    return {"COLUMNS": WIDTH, "MLPATH_HOME": home, "NO_COLOR": "1", "TERM": "dumb"}


def cases() -> dict[str, tuple[list[str], str | None]]:
    """{file name: (arguments, stdin)} for every case and format."""
    found: dict[str, tuple[list[str], str | None]] = {}
    for name, argv in CASES.items():
        for fmt in FORMATS:
            if fmt == "csv" and name in NOT_TABULAR:
                continue
            found[f"{name}.{fmt}"] = ([*argv, "--format", fmt], None)
    found["batch-branches.jsonl"] = (["quiz", "--batch", "--defaults"], branch_answers())
    return found


def produce(name: str, home: str) -> str:
    """The stdout of one case, run in-process."""
    from typer.testing import CliRunner

    from mlpath.cli import commands

    argv, stdin = cases()[name]
    result = CliRunner().invoke(commands(argv), argv, input=stdin, env=environment(home), catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"{name}: exit {result.exit_code}: {result.stderr}")
    return result.stdout


def outputs(home: str) -> dict[str, str]:
    """{file name: stdout} for every case and format."""
    return {name: produce(name, home) for name in cases()}


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        found = outputs(home)
    GOLDEN.mkdir(exist_ok=True)
    for old in GOLDEN.iterdir():
        if old.name not in found:
            old.unlink()
    for name, text in found.items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(found)} files to {os.path.relpath(GOLDEN)}", file=sys.stderr)


if __name__ == "__main__":
    main()
