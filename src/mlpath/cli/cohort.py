"""`mlpath cohort`: a whole group of answer sets (a survey export) at a glance."""

from __future__ import annotations

from typing import Annotated

import typer

from mlpath.cli.app import commands, emit, session
from mlpath.cli.completion import complete_answer
from mlpath.cli.options import Output, output_options


@commands.command(rich_help_panel="Plan")
@output_options
def cohort(
    ctx: typer.Context,
    output: Output,
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="JSON Lines of answer sets, as quiz --batch reads.")],
    assignments: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="KEY=VALUE",
            help="One answer for everyone; repeatable; lists comma-separated. Wins over each line.",
            autocompletion=complete_answer,
        ),
    ] = None,
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Fill what a line leaves unanswered with the question's default.")
    ] = False,
) -> None:
    """The whole group of a survey export: verdicts, common first steps, interests, goals,
    degree time and cost, each step's share, and the invalid lines by number.

    Reads the same JSON Lines as quiz --batch (an "id" key names a line among the invalid
    ones). Exit 0, or 2 when any line was invalid (the report is printed all the same).
    Example: mlpath cohort survey.jsonl --defaults | mlpath cohort - --json < survey.jsonl
    """
    from mlpath.answers import KEYS, parse_assignments
    from mlpath.cli.batch import answer_lines
    from mlpath.cli.meter import METER_EVERY, line_meter
    from mlpath.cohort import CohortTally
    from mlpath.errors import ExitCode
    from mlpath.files import open_input
    from mlpath.planner import Planner
    from mlpath.views.cohort import cohort_report

    state = session(ctx)
    output.resolve(state.terminal.stdout_isatty)  # a clash of --json and --format before any line is read
    planner = Planner(state.content(), parse_assignments(assignments or ()), defaults)
    interests, goal = KEYS.index("interests"), KEYS.index("goal")
    tally = CohortTally()
    with open_input(file, "answers file") as stream, line_meter(state.terminal) as meter:
        outline, add, add_invalid = planner.outline, tally.add, tally.add_invalid
        for number, ident, found in answer_lines(planner, stream):
            if type(found) is str:
                add_invalid(number, ident, found)
            else:
                add(outline(found), found[interests], found[goal])  # type: ignore[arg-type]
            if not number % METER_EVERY:
                meter(number, tally.invalid)
    emit(ctx, cohort_report(tally, planner.titles), output)
    if tally.invalid:
        verb = "was" if tally.invalid == 1 else "were"
        typer.echo(f"{tally.invalid:,} of {tally.count:,} lines {verb} invalid (listed in the report).", err=True)
        raise typer.Exit(int(ExitCode.USAGE))
