"""Summary first, the rest in a pager: which pager, when, and what stays on screen. In-process:
a `Terminal` whose stdout is a `StringIO` that says it is a terminal; the pager is a small Python
program that keeps what it was given."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run, examples
from mlpath.content import answers as contract
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.engine.compare import compare
from mlpath.engine.roadmap import build_roadmap
from mlpath.output.blocks import Report
from mlpath.output.formats import drawn, render_table
from mlpath.output.pager import for_less, pager_command
from mlpath.output.roadmap import comparison_report, roadmap_report, shorter_comparisons, shorter_roadmaps
from mlpath.output.screen import show_long
from mlpath.output.terminal import Terminal

CONTENT = load_content(packaged_data_dir())
KEEPER = 'cat > "$0"'  # a pager that keeps what it was given in the file named after it


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
    monkeypatch.setenv("MLPATH_PAGER", shlex.join(["sh", "-c", KEEPER, str(kept)]))
    monkeypatch.delenv("TERM", raising=False)
    return kept


def shorter(report: Report) -> list[Report]:
    reports: list[Report] = shorter_roadmaps(CONTENT, report)
    return reports


def quiz_report(**answers: Any) -> Report:
    prepared, _, _ = contract.resolve(answers, CONTENT.questions.questions, use_defaults=True)
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
    [
        (["less"], None, True),
        (["less", "-S"], None, True),
        (["/usr/bin/less"], "-i", True),
        (["less"], "FRX", False),
        (["less", "-r"], None, False),
        (["less", "--raw-control-chars"], None, False),
        (["less"], "--ignore-case", True),  # a long option: no R in it
        (["less"], "--ignore-case --RAW-CONTROL-CHARS", False),
        (["more"], None, False),  # not less: left as it is
    ],
)
def test_less_shows_colours_unless_told_otherwise(argv: list[str], less: str | None, raw: bool) -> None:
    environ = {"LESS": less} if less else {}
    shown, env = for_less(argv, environ)
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
    said = err.getvalue()
    assert said.startswith("Warning: cannot start the pager '/nonexistent/pager'") and said.count("Warning") == 1
    assert max(map(len, said.splitlines())) < 80  # wrapped on words for the terminal it is on
    assert " ".join(said.split()).endswith("all of it is printed instead (MLPATH_PAGER or PAGER names the pager).")


def test_fewer_reasons_are_shown_when_the_screen_is_short(pager: Path) -> None:
    many = {"programming": "none", "new_tech": 1, "complex_problems": 5, "analytical": 1, "resilience": 5}
    terminal, out, _ = screen(width=80, height=24)
    show_long(terminal, shorter(quiz_report(**many)), pager=True, repeat=True, room=12, least=1)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    assert shown.count("\n") <= 12
    lines = [line.rstrip() for line in shown.splitlines()]
    why = lines.index("Why: 2 strengths, 2 concerns, 1 note (listed in the full roadmap)")  # no reason fits
    assert lines[why + 1 :] == [  # then fewer first steps, and no "Whole roadmap:" line for fewer than 3
        "First steps (2 of 12)",
        " 1  Learn to program in Python",
        " 2  Strengthen your statistics and probability",
        "Degree: roughly 4 years, full-time; tuition $40,648, in-state (worked out in the",
        "full roadmap)",
    ]


def test_shorter_summaries_drop_reasons_then_steps_then_the_whole_roadmap_line() -> None:
    many = {"programming": "none", "new_tech": 1, "complex_problems": 5, "analytical": 1, "resilience": 5}
    terminal, _, _ = screen(width=80, height=24)
    shown = [
        re.sub(r"\x1b\[[0-9;]*m", "", drawn(render_table(r, whole=False), terminal))
        for r in shorter(quiz_report(**many))
    ]
    reasons = [text.count("\n  ! ") + text.count("\n  + ") + text.count("\n  · ") for text in shown]
    steps = [int(re.search(r"First steps \((\d) of 12\)", text).group(1)) for text in shown]  # type: ignore[union-attr]
    assert (reasons, steps) == ([3, 2, 1, 0, 0, 0], [3, 3, 3, 3, 2, 1])
    assert ["Whole roadmap:" in text for text in shown] == [True, True, True, True, False, False]
    assert "2 more in the full roadmap" in shown[0] and "Why: 2 strengths, 2 concerns, 1 note\n" in shown[0]
    assert all("Why: 2 strengths, 2 concerns, 1 note (listed in the full roadmap)\nFirst" in t for t in shown[3:])


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
    text = drawn(render_table(report, whole=False), terminal)
    assert text.count("\n") + 1 <= 24 - 1, text  # a blank line above it, the save question below it
    first = report.document.steps[0].title
    assert f"Verdict: {report.document.verdict.level}" in text and first in " ".join(text.split())


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
    shown = tty.out.getvalue()
    if paged:
        assert "The general roadmap" in pager.read_text() and "The general roadmap" not in shown
        assert "Becoming a machine learning engineer" in shown and shown.count("\n") <= 24  # the summary stays
    else:
        assert "Level 6: Director of Machine Learning/AI" in shown  # all of it, on the screen


def test_progress_and_your_roadmap_page_on_a_terminal_unless_told_not_to(
    run: Run, pager: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    tty = TtyTerminal()
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: tty()))
    assert run("progress", "--all").exit_code == 0
    paged = pager.read_text()
    assert "Take electives in artificial intelligence and data science." in paged  # every step in full
    shown = tty.out.getvalue()
    assert "Next step" in shown and "Grow your Python from scripts to programs" in shown and shown.count("\n") <= 24
    assert "Take electives" not in shown
    pager.unlink()
    tty.out = Screen()
    assert run("progress", "--all", "--no-pager").exit_code == 0
    assert not pager.exists() and "Take electives in artificial intelligence" in tty.out.getvalue()
    tty.out = Screen()
    assert run("roadmap").exit_code == 0  # your roadmap, with the plan's statuses
    assert "Your roadmap (0% complete)" in tty.out.getvalue() and "pending" in pager.read_text()


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
    prepared, _, _ = contract.resolve(answers, CONTENT.questions.questions, use_defaults=True)
    base = build_roadmap(CONTENT, contract.build(prepared))
    assert base.answers is not None
    comparison = compare(base, build_roadmap(CONTENT, contract.changed(base.answers, {key: value})))
    report = comparison_report(CONTENT, comparison, {key: value})
    terminal, out, _ = screen(width=80, height=24)
    shown = show_long(terminal, shorter_comparisons(CONTENT, report), pager=False, repeat=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    last = text[text.rindex("What if ") :]  # all of it when it fits, else the summary printed again at the end
    assert shown <= 24 and last.count("\n") <= 23, last
    assert last.startswith("What if ") and "Verdict" in last
