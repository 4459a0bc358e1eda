"""Explore commands: the article's content, one command per topic."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from mlpath.answers import Residency
from mlpath.cli.app import commands, emit, hint, session
from mlpath.cli.options import Output, document_output_options, output_options
from mlpath.errors import UsageError, short
from mlpath.views import explore as views

EXPLORE = "Explore"


def complete_level(ctx: typer.Context, incomplete: str) -> list[str]:
    from mlpath.cli import completion  # only when a shell asks, never on a normal run

    return list(completion.complete_level(ctx, incomplete))


def parse_amount(text: str | None) -> int | None:
    """'75000', '75,000', '$75,000' or '75k' as whole dollars."""
    if text is None:
        return None
    # ASCII only (re.ASCII): "７５０００" or "٧٥" is not an amount, however Python's float() reads it.
    match = re.fullmatch(r"\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([kK]?)", text.strip(), re.ASCII)
    if not match:
        raise typer.BadParameter(
            f"{short(text)} is not an amount; give yearly pay in dollars, e.g. 75000, 75,000 or 75k",
            param_hint="'--compare'",
        )
    amount = float(match.group(1).replace(",", "")) * (1000 if match.group(2) else 1)
    if amount < 1 or amount > 100_000_000:
        raise typer.BadParameter(
            f"{short(text)} is out of range; give yearly pay between 1 and 100,000,000 dollars, e.g. 75000",
            param_hint="'--compare'",
        )
    return round(amount)


@commands.command(rich_help_panel=EXPLORE)
@document_output_options
def about(ctx: typer.Context, output: Output) -> None:
    """What an ML engineer is and does, and the guide's own answer to "should I become one?".

    Example: mlpath about --format markdown
    """
    emit(ctx, views.about(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def salary(
    ctx: typer.Context,
    output: Output,
    compare: Annotated[
        str | None,
        typer.Option("--compare", metavar="AMOUNT", help="Your own yearly pay, to put beside each tier (e.g. 75000)."),
    ] = None,
) -> None:
    """Entry, median and senior pay with sources, against the national average.

    Example: mlpath salary --compare 75000
    """
    from mlpath.views.salary import salary as salary_view

    emit(ctx, salary_view(session(ctx).content(), parse_amount(compare)), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def ladder(
    ctx: typer.Context,
    output: Output,
    level: Annotated[
        str | None,
        typer.Argument(
            help="One level by id, number 1-6 or unique prefix (e.g. senior, 3, sen).", autocompletion=complete_level
        ),
    ] = None,
    walk: Annotated[bool, typer.Option("--walk", help="Step through the levels on a terminal.")] = False,
) -> None:
    """The six levels from junior to director, in order; or one level in full.

    Examples: mlpath ladder | mlpath ladder senior | mlpath ladder --walk
    """
    from mlpath.lookup import choose

    state = session(ctx)
    content = state.content()
    ids = [level.id for level in content.ladder.levels]
    chosen = choose(ids, level, "level") if level is not None else None
    if walk:
        # It draws levels and prompts on stdout: never into a file or a pipe.
        if not (state.terminal.interactive and state.terminal.stdout_isatty):
            raise UsageError(
                "ladder --walk needs a terminal (stdin and stdout); use 'mlpath ladder' to list every level "
                "or 'mlpath ladder LEVEL' to show one"
            )
        from mlpath.prompts import walk_ladder

        walk_ladder(content, state.terminal.console(), start=chosen or 0)
        return
    emit(ctx, views.ladder(content, chosen), output)
    if chosen is None:
        hint(ctx, "Tip: 'mlpath ladder senior' shows one level in full; '--walk' steps through them.")


@commands.command(rich_help_panel=EXPLORE)
@output_options
def skills(ctx: typer.Context, output: Output) -> None:
    """The five core skills, and the ten built on the job with the tools the article names.

    Example: mlpath skills --json | jq '.on_the_job[].tools'
    """
    emit(ctx, views.skills(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def specialties(ctx: typer.Context, output: Output) -> None:
    """The five popular specialties.

    Example: mlpath specialties | cut -f1
    """
    emit(ctx, views.specialties(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def aspects(ctx: typer.Context, output: Output) -> None:
    """The best and the worst aspects of the job.

    Example: mlpath aspects --format markdown
    """
    emit(ctx, views.aspects(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@document_output_options
def education(
    ctx: typer.Context,
    output: Output,
    residency: Annotated[
        Residency, typer.Option("--residency", help="Tuition rate for the cost estimate.", case_sensitive=False)
    ] = "in-state",
    masters: Annotated[bool, typer.Option("--masters", help="Add a master's degree to the estimate.")] = False,
) -> None:
    """Degrees, durations, tuition and a total-cost estimate with its formula; the online route.

    Example: mlpath education --residency out-of-state --masters
    """
    from mlpath.views.education import education as education_view

    emit(ctx, education_view(session(ctx).content(), residency, masters), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def resources(ctx: typer.Context, output: Output) -> None:
    """The six web resources for learning, with their web addresses.

    Example: mlpath resources
    """
    emit(ctx, views.resources(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def internships(ctx: typer.Context, output: Output) -> None:
    """The five kinds of internship.

    Example: mlpath internships --json
    """
    emit(ctx, views.internships(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def industries(ctx: typer.Context, output: Output) -> None:
    """Job opportunities by industry, with example applications.

    Example: mlpath industries | grep -i health
    """
    emit(ctx, views.industries(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@output_options
def companies(ctx: typer.Context, output: Output) -> None:
    """The ten kinds of company that commonly hire, with example uses.

    Example: mlpath companies --format yaml
    """
    emit(ctx, views.companies(session(ctx).content()), output)


@commands.command(rich_help_panel=EXPLORE)
@document_output_options
def outlook(ctx: typer.Context, output: Output) -> None:
    """Projected growth in demand: how much, over which years, from which source, and why.

    Example: mlpath outlook --json | jq .growth_percent
    """
    emit(ctx, views.outlook(session(ctx).content()), output)


@commands.command("work-life", rich_help_panel=EXPLORE)
@document_output_options
def work_life(ctx: typer.Context, output: Output) -> None:
    """The work-life balance picture.

    Example: mlpath work-life
    """
    emit(ctx, views.work_life(session(ctx).content()), output)
