"""Summary first, the rest in a pager: which pager, when, and what stays on screen. In-process:
a `Terminal` whose stdout is a `StringIO` that says it is a terminal; the pager is a small Python
program that keeps what it was given."""

from __future__ import annotations

import io
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run, examples
from mlpath import answers as contract
from mlpath.cli.longview import show_long
from mlpath.content.loader import load_content, packaged_data_dir
from mlpath.engine.compare import changed, compare
from mlpath.engine.roadmap import build_roadmap
from mlpath.pager import _for_less, pager_command
from mlpath.render import drawn, render_summary
from mlpath.report import Report
from mlpath.terminal import Terminal
from mlpath.views.compare import comparison_report, shorter_summaries
from mlpath.views.roadmap import SUMMARY_REASONS, roadmap_report, roadmap_summary

CONTENT = load_content(packaged_data_dir())
KEEPER = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(sys.stdin.read())"


class Screen(io.StringIO):
    def isatty(self) -> bool:
        return True


def screen(width: int = 80, height: int = 24) -> tuple[Terminal, Screen, Screen]:
    out, err = Screen(), Screen()
    return Terminal(True, True, True, stdout=out, stderr=err, width=width, height=height), out, err


@pytest.fixture
def pager(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """MLPATH_PAGER: a pager that writes what it is given to the returned path."""
    kept = tmp_path / "paged.txt"
    monkeypatch.setenv("MLPATH_PAGER", shlex.join([sys.executable, "-c", KEEPER, str(kept)]))
    monkeypatch.delenv("TERM", raising=False)
    return kept


def shorter(report: Report) -> list[Report]:
    return [
        report._replace(summary=roadmap_summary(CONTENT, report.document, shown))
        for shown in range(SUMMARY_REASONS, -1, -1)
    ]


def quiz_report(**answers: Any) -> Report:
    prepared, _ = contract.resolve(answers, CONTENT.questions.questions, use_defaults=True)
    return roadmap_report(CONTENT, build_roadmap(CONTENT, contract.build(prepared)))


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"MLPATH_PAGER": "most -s", "PAGER": "less"}, ["most", "-s"]),
        ({"PAGER": "less -X"}, ["less", "-X"]),
        ({"MLPATH_PAGER": "", "PAGER": "less"}, None),  # empty: no pager, as git does
        ({"PAGER": "cat"}, None),
        ({"PAGER": "less", "TERM": "dumb"}, None),
        ({"PAGER": "my 'pager"}, ["my 'pager"]),  # unbalanced quotes: one program name
    ],
)
def test_the_pager_comes_from_mlpath_pager_then_pager(environ: dict[str, str], expected: list[str] | None) -> None:
    assert pager_command(environ) == expected


def test_without_a_setting_the_pager_is_less_with_colours() -> None:
    argv = pager_command({})
    assert argv is None or Path(argv[0]).name in ("less", "more")
    if argv and Path(argv[0]).name == "less":
        assert "-R" in argv


@pytest.mark.parametrize(
    ("argv", "less", "raw"),
    [(["less"], None, True), (["less", "-S"], None, True), (["less"], "FRX", False), (["less", "-r"], None, False)],
)
def test_less_shows_colours_unless_told_otherwise(argv: list[str], less: str | None, raw: bool) -> None:
    environ = {"LESS": less} if less else {}
    shown, env = _for_less(argv, environ)
    assert ("-R" in shown[len(argv) :]) is raw
    assert env["LESS"] == (less or "R")


def test_a_long_roadmap_goes_to_the_pager_and_the_summary_stays(pager: Path) -> None:
    terminal, out, err = screen()
    report = quiz_report()
    show_long(terminal, shorter(report), pager=True, repeat=True)
    paged = pager.read_text()
    assert paged.count("\n") > 24 and "The full roadmap" in paged and "Notes" in paged
    shown = out.getvalue()
    assert "Verdict: mixed" in shown and "Grow your Python from scripts to programs" in shown
    assert "The full roadmap" not in shown and shown.count("\n") <= 24
    assert err.getvalue() == ""


def test_a_roadmap_that_fits_the_screen_is_printed_without_a_pager(pager: Path) -> None:
    terminal, out, _ = screen(width=200, height=200)
    show_long(terminal, shorter(quiz_report()), pager=True, repeat=True)
    assert not pager.exists()
    assert out.getvalue().count("Verdict: mixed") == 1 and "The full roadmap" in out.getvalue()


@pytest.mark.parametrize("repeat", [True, False])
def test_no_pager_prints_everything_and_the_quiz_ends_with_the_summary(pager: Path, repeat: bool) -> None:
    terminal, out, _ = screen()
    show_long(terminal, shorter(quiz_report()), pager=False, repeat=repeat)
    shown = out.getvalue()
    assert not pager.exists()
    assert "The full roadmap" in shown and "Notes" in shown
    last = re.sub(r"\x1b\[[0-9;]*m", "", shown).rstrip()
    assert last.endswith("keeps it.") is repeat  # the summary's last line, once more at the end


def test_a_pager_that_cannot_start_warns_after_the_roadmap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPATH_PAGER", "/nonexistent/pager")
    monkeypatch.delenv("TERM", raising=False)
    terminal, out, err = screen()
    show_long(terminal, shorter(quiz_report()), pager=True, repeat=True)
    assert "The full roadmap" in out.getvalue()
    assert err.getvalue().startswith("Warning: cannot start the pager '/nonexistent/pager'")
    assert err.getvalue().count("\n") == 1


def test_fewer_reasons_are_shown_when_the_screen_is_short(pager: Path) -> None:
    many = {"programming": "none", "new_tech": 1, "complex_problems": 5, "analytical": 1, "resilience": 5}
    terminal, out, _ = screen(width=80, height=24)
    show_long(terminal, shorter(quiz_report(**many)), pager=True, repeat=True, room=12, least=1)
    assert "more in the full roadmap" in out.getvalue() or "Listed in the full roadmap." in out.getvalue()
    assert out.getvalue().count("\n") <= 24 - 1


@settings(max_examples=examples(60), deadline=None)
@given(
    answers=st.fixed_dictionaries(
        {
            key: st.lists(st.sampled_from(values), unique=True) if kind == "multiselect" else st.sampled_from(values)
            for key, (kind, values) in contract.CONTRACT.items()
        }
    )
)
def test_the_summary_fits_80_by_24_with_the_verdict_and_the_first_step(answers: dict[str, Any]) -> None:
    terminal, _, _ = screen(width=80, height=24)
    report = quiz_report(**answers)
    assert report.summary is not None
    text = drawn(render_summary(report), terminal)
    assert text.count("\n") + 1 <= 24 - 1, text  # a blank line above it, the save question below it
    first = report.document["steps"][0]["title"]
    assert f"Verdict: {report.document['verdict']['level']}" in text and first in " ".join(text.split())


class TtyTerminal:
    """Terminal.detect() for CliRunner: stdout is a terminal (a Screen), so the long view is used."""

    def __init__(self) -> None:
        self.out = Screen()

    def __call__(self) -> Terminal:
        return Terminal(True, True, True, stdout=self.out, stderr=Screen(), width=80, height=24)


@pytest.mark.parametrize(
    ("args", "paged"),
    [
        ((), True),
        (("--format", "table"), True),
        (("--no-pager",), False),
        (("--json",), False),
        (("--format", "plain"), False),
        (("--format", "markdown"), False),
        (("--format", "yaml"), False),
    ],
)
def test_the_roadmap_pages_only_as_a_table_on_a_terminal(
    run: Run, pager: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], paged: bool
) -> None:
    tty = TtyTerminal()
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: tty()))
    assert run("roadmap", *args).exit_code == 0
    assert pager.exists() is paged


def test_piped_table_output_is_never_paged_and_opens_with_the_summary(run: Run, pager: Path) -> None:
    result = run("roadmap", "--defaults", "--format", "table")
    assert not pager.exists()
    lines = result.stdout.splitlines()
    assert lines[0] == "Should you become a machine learning engineer?"
    assert any(line.startswith("First steps (3 of") for line in lines[:20])
    assert any(line.startswith("The full roadmap") for line in lines)


@settings(max_examples=examples(60), deadline=None)
@given(
    answers=st.fixed_dictionaries(
        {
            key: st.lists(st.sampled_from(values), unique=True) if kind == "multiselect" else st.sampled_from(values)
            for key, (kind, values) in contract.CONTRACT.items()
        }
    ),
    key=st.sampled_from(contract.KEYS),
    data=st.data(),
)
def test_a_comparison_opens_with_a_summary_that_fits_80_by_24(
    answers: dict[str, Any], key: str, data: st.DataObject
) -> None:
    kind, values = contract.CONTRACT[key]
    value = data.draw(
        st.lists(st.sampled_from(values), unique=True).map(tuple) if kind == "multiselect" else st.sampled_from(values)
    )
    prepared, _ = contract.resolve(answers, CONTENT.questions.questions, use_defaults=True)
    base = build_roadmap(CONTENT, contract.build(prepared))
    assert base.answers is not None
    comparison = compare(base, build_roadmap(CONTENT, changed(base.answers, {key: value})))
    report = comparison_report(CONTENT, comparison, {key: value})
    terminal, out, _ = screen(width=80, height=24)
    shown = show_long(terminal, shorter_summaries(CONTENT, comparison, report), pager=False, repeat=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    last = text[text.rindex("What if ") :]  # all of it when it fits, else the summary printed again at the end
    assert shown <= 24 and last.count("\n") <= 23, last
    assert last.startswith("What if ") and "Verdict" in last
