"""Explore commands: the article's content, one command per topic."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from mlpath.cli.application import app, emit, examples, session
from mlpath.cli.completion import complete_level
from mlpath.cli.options import DocumentFormatOption, FormatOption, JsonOption, NoPagerOption, Output
from mlpath.content.answers import Residency
from mlpath.errors import UsageError
from mlpath.text import nearest, short, whole_number

EXPLORE = "Explore"
# The commands that show one part of the content, each with the view of its name (in output.views):
# the help's summary, then its examples.
SHOWN = {
    "about": (
        'What an ML engineer is and does, and the guide\'s own answer to "should I become one?".',
        "mlpath about", "mlpath about --format markdown",
    ),
    "skills": (
        "The five skills useful to have, and the ten built on the job with the tools the article names.",
        "mlpath skills", "mlpath skills --json | jq '.on_the_job[].tools'",
    ),
    "specialties": (
        "The five popular specialties.", "mlpath specialties", "mlpath specialties | grep '^specialty' | cut -f3",
    ),
    "aspects": ("The best and the worst aspects of the job.", "mlpath aspects"),
    "resources": ("The six web resources for learning, with their web addresses.", "mlpath resources"),
    "internships": ("The five kinds of internship.", "mlpath internships", "mlpath internships --json"),
    "industries": (
        "Job opportunities by industry, with example applications.",
        "mlpath industries", "mlpath industries | grep -i health",
    ),
    "companies": (
        "The ten kinds of company that commonly hire, with example uses.",
        "mlpath companies", "mlpath companies --format yaml",
    ),
    "outlook": (
        "Projected growth in demand: how much, over which years, from which source, and why.",
        "mlpath outlook", "mlpath outlook --json | jq .growth_percent",
    ),
    "work-life": ("The work-life balance picture.", "mlpath work-life"),
}  # fmt: skip
NOT_A_LIST = ("about", "outlook", "work-life")  # no csv: their documents are not lists of records


def _shown(name: str, summary: str, *lines: str) -> None:
    def command(
        ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False, no_pager: NoPagerOption = False
    ) -> None:
        from mlpath.output import views

        view = getattr(views, name.replace("-", "_"))
        emit(ctx, view(session(ctx).content()), Output.of(fmt, as_json), pager=not no_pager)

    if name in NOT_A_LIST:
        command.__annotations__["fmt"] = DocumentFormatOption
    app.command(name, rich_help_panel=EXPLORE, help=examples(summary, *lines))(command)


for name, (summary, *lines) in SHOWN.items():
    _shown(name, summary, *lines)


@app.command(rich_help_panel=EXPLORE, help=examples(
    "Entry, median and senior pay with sources, against the national average; --compare puts your own pay beside each.",
    "mlpath salary", "mlpath salary --compare 75000", "mlpath salary --json | jq '.tiers[].amount'",
))  # fmt: skip
def salary(
    ctx: typer.Context,
    compare: Annotated[
        str | None,
        typer.Option("--compare", metavar="AMOUNT", help="Your own yearly pay, to put beside each tier (e.g. 75000)."),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    no_pager: NoPagerOption = False,
) -> None:
    from mlpath.output import views

    pay = None
    if compare is not None:  # '75000', '75,000', '$75,000' or '75k' as whole dollars; ASCII digits only
        match = re.fullmatch(r"\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([kK]?)", compare.strip(), re.ASCII)
        amount = float(match.group(1).replace(",", "")) * (1000 if match.group(2) else 1) if match else 0.0
        if not match or not 1 <= amount <= 100_000_000:
            why = "is not an amount" if not match else "is out of range: between 1 and 100,000,000 dollars"
            example = "give yearly pay in dollars, e.g. 75000, 75,000 or 75k"
            raise typer.BadParameter(f"{short(compare)} {why}; {example}", param_hint="'--compare'")
        pay = round(amount)
    emit(ctx, views.salary(session(ctx).content(), pay), Output.of(fmt, as_json), not no_pager)


@app.command(rich_help_panel=EXPLORE, help=examples(
    "The six levels from junior to director, in order; or one level in full; or step through them.",
    "mlpath ladder", "mlpath ladder senior", "mlpath ladder 3 --json", "mlpath ladder --walk",
))  # fmt: skip
def ladder(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Argument(
            metavar="LEVEL",
            help="One level by id, number 1-6 or unique prefix (e.g. senior, 3, sen).",
            autocompletion=complete_level,
        ),
    ] = None,
    walk: Annotated[bool, typer.Option("--walk", help="Step through the levels on a terminal.")] = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    no_pager: NoPagerOption = False,
) -> None:
    state = session(ctx)
    content = state.content()
    chosen = choose([level.id for level in content.ladder.levels], level, "level") if level is not None else None
    if walk:  # it draws levels and prompts on stdout: never into a file or a pipe
        if not (state.terminal.interactive and state.terminal.stdout_isatty):
            raise UsageError(
                "ladder --walk needs a terminal (stdin and stdout); use 'mlpath ladder' to list every level "
                "or 'mlpath ladder LEVEL' to show one"
            )
        from mlpath.cli.prompts import walk_ladder

        walk_ladder(content, state.terminal.console(), start=chosen or 0)
        return
    from mlpath.output import views

    emit(ctx, views.ladder(content, chosen), Output.of(fmt, as_json), pager=not no_pager)
    if chosen is None and state.terminal.person_watching:  # a tip never for scripts, never on stdout
        state.terminal.say("Tip: 'mlpath ladder senior' shows one level in full; '--walk' steps through them.")


def choose(ids: list[str], wanted: str, what: str) -> int:
    """The 0-based index of `wanted` among `ids` (by id, 1-based number or unique id prefix), or
    a UsageError listing the choices."""
    choices = ", ".join(f"{n} {item}" for n, item in enumerate(ids, 1))
    if len(wanted) > 100:  # refused without echoing it
        raise UsageError(f"the {what} given is {len(wanted):,} characters long; choose one of: {choices}")
    text = wanted.strip().lower()
    number = whole_number(text)
    matches = [index for index, item in enumerate(ids) if item.startswith(text)] if text else []
    if text in ids:
        return ids.index(text)
    if number is not None and 1 <= number <= len(ids):
        return number - 1
    if len(matches) == 1:
        return matches[0]
    if matches:
        several = ", ".join(ids[i] for i in matches)
        raise UsageError(f"{what} {short(wanted)} is ambiguous: it could be {several}; choose one of: {choices}")
    raise UsageError(f"unknown {what} {short(wanted)}{nearest(text, ids, 0.6)}; choose one of: {choices}")


@app.command(rich_help_panel=EXPLORE, help=examples(
    "Degrees, durations, tuition and a total-cost estimate with its formula; the online route.",
    "mlpath education", "mlpath education --residency out-of-state --masters",
))  # fmt: skip
def education(
    ctx: typer.Context,
    residency: Annotated[
        Residency, typer.Option("--residency", help="Tuition rate for the cost estimate.", case_sensitive=False)
    ] = "in-state",
    masters: Annotated[bool, typer.Option("--masters", help="Add a master's degree to the estimate.")] = False,
    fmt: DocumentFormatOption = None,
    as_json: JsonOption = False,
    no_pager: NoPagerOption = False,
) -> None:
    from mlpath.output import views

    emit(ctx, views.education(session(ctx).content(), residency, masters), Output.of(fmt, as_json), not no_pager)
