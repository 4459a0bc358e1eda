"""The generated docs match the app, and the README keeps its promises: short, with the two set-up
commands, the second of which CI runs verbatim."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
INSTALL = "python3 -m venv .venv && . .venv/bin/activate && pip install . && mlpath quiz"
TEST = "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && pytest"


def generator() -> ModuleType:
    """scripts/docs.py, imported as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("mlpath_docs", ROOT / "scripts" / "docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def docs() -> ModuleType:
    return generator()


@pytest.mark.slow
def test_the_generated_docs_match_the_app(docs: ModuleType) -> None:
    stale = [str(path.relative_to(ROOT)) for path in docs.stale()]
    assert not stale, f"{', '.join(stale)} out of date: run python scripts/docs.py"


@pytest.mark.slow
def test_the_check_mode_passes(docs: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert docs.main(["--check"]) == 0, capsys.readouterr().err


def command_names(docs: ModuleType) -> list[str]:
    return [page.name for page in docs.commands()]


@pytest.mark.slow
def test_every_command_is_in_the_reference_and_the_man_page(docs: ModuleType) -> None:
    names = command_names(docs)
    assert {"mlpath", "mlpath quiz", "mlpath progress set", "mlpath data check"} <= set(names)
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    man = (ROOT / "docs" / "mlpath.1").read_text(encoding="utf-8")
    for name in names:
        assert f"\n## {name}\n" in reference, name
        in_roff = name.replace("-", "\\-")  # roff writes a minus sign as \-
        if name != "mlpath":
            assert f'\n.SS "{in_roff}"\n' in man, name


def test_the_man_page_has_the_usual_sections() -> None:
    man = (ROOT / "docs" / "mlpath.1").read_text(encoding="utf-8")
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES", "SEE ALSO"):
        assert f"\n.SH {section}\n" in man, section


def test_help_points_to_the_man_page_and_docs() -> None:
    from typer.testing import CliRunner

    from mlpath.cli import app

    last = CliRunner().invoke(app, ["--help"], prog_name="mlpath").stdout.strip().splitlines()[-1]
    assert "man mlpath" in last and "docs/" in last


def test_the_readme_is_short() -> None:
    words = len(README.read_text(encoding="utf-8").split())  # as `wc -w` counts
    assert words <= 1500, f"README.md has {words} words; at most 1,500"


def test_the_readme_gives_both_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert INSTALL in text
    assert TEST in text


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert TEST in lines


def test_the_readme_links_into_docs() -> None:
    text = README.read_text(encoding="utf-8")
    for page in ("reference.md", "output.md", "answers.md", "cohort.md", "files.md"):
        assert f"(docs/{page})" in text, page
        assert (ROOT / "docs" / page).is_file(), page
