"""The progress commands (Track in the help): the saved plan and each step's status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli.app import commands, emit, session
from mlpath.cli.completion import complete_step
from mlpath.cli.options import Output, output_options
from mlpath.errors import OperationError, UsageError
from mlpath.progress import STATUSES, Status

if TYPE_CHECKING:
    from mlpath.engine.roadmap import Roadmap
    from mlpath.progress import Plan

TRACK = "Track"
NO_PLAN = "you have no saved plan yet; make one with 'mlpath quiz --save' or 'mlpath roadmap --answers FILE --save'"

STATUS_HELP = f"{', '.join(STATUSES[:-1])} or {STATUSES[-1]}."

progress_app = typer.Typer(help="Your saved plan: each step's status, percent complete and the next step.")
commands.add_typer(progress_app, name="progress", rich_help_panel=TRACK)


@progress_app.callback(invoke_without_command=True)
@output_options
def progress(ctx: typer.Context, output: Output) -> None:
    """The saved plan with each step's status, percent complete, per-phase bars and the next step.

    Examples: mlpath progress | mlpath progress --format markdown > plan.md
    """
    if ctx.invoked_subcommand is not None:
        return
    from mlpath import storage
    from mlpath.views.progress import progress_report

    plan = storage.load()
    if plan is None:
        raise OperationError(NO_PLAN)
    emit(ctx, progress_report(session(ctx).content(), plan, storage.plan_path()), output)


@progress_app.command("set")
def set_status(
    step: Annotated[
        str,
        typer.Argument(
            help="The step: its id, its number, or a unique prefix of its id.", autocompletion=complete_step
        ),
    ],
    status: Annotated[Status, typer.Argument(help=STATUS_HELP, case_sensitive=False)],
) -> None:
    """Mark one step of your plan.

    Examples: mlpath progress set programming done | mlpath progress set 3 learning
    """
    from mlpath import progress as plans
    from mlpath import storage
    from mlpath.lookup import choose

    with storage.locked():
        plan = _require(storage.load_for_update())
        index = choose([s.id for s in plan.steps], step, "step")
        updated = plans.set_status(plan, index, status, storage.now())
        storage.save(updated)
    done = plans.progress(updated.steps)
    chosen = updated.steps[index]
    typer.echo(f"{chosen.id}\t{chosen.status}\t{done.percent}% complete ({done.finished}/{done.total})")


@progress_app.command("reset")
def reset(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; needed when there is no terminal.")] = False,
) -> None:
    """Start over: every step back to pending. Asks first on a terminal.

    Example: mlpath progress reset --yes
    """
    from mlpath import progress as plans
    from mlpath import storage

    if not yes:
        if not session(ctx).terminal.interactive:
            raise UsageError("progress reset needs confirmation; there is no terminal to ask on, so pass --yes")
        from mlpath.prompts import confirm

        if not confirm("Set every step of your plan back to pending?", default=False):
            typer.echo("Nothing changed.", err=True)
            return
    with storage.locked():
        plan = _require(storage.load_for_update())
        storage.save(plans.reset(plan, storage.now()))
    typer.echo(f"All {len(plan.steps)} steps are pending again.", err=True)


def _require(plan: Plan | None) -> Plan:
    if plan is None:
        raise OperationError(NO_PLAN)
    return plan


def save_plan(roadmap: Roadmap) -> None:
    """Save a roadmap (with its answers) as the person's plan, keeping statuses of the steps that remain."""
    from mlpath import progress as plans
    from mlpath import storage

    with storage.locked():
        try:
            old = storage.load_for_update()
        except storage.CorruptPlanError as error:
            typer.echo(f"Warning: {error}", err=True)
            old = None
        result = plans.replan(old, roadmap, storage.now())
        path = storage.save(result.plan)
    lines = [f"Saved your plan to {path} ({len(result.plan.steps)} steps). See it with 'mlpath progress'."]
    if old is not None:
        if result.kept:
            lines.append(f"Kept the status of {len(result.kept)} steps: {', '.join(result.kept)}.")
        if result.added:
            lines.append(f"New steps: {', '.join(result.added)}.")
        for gone in result.removed:
            lines.append(f"No longer in your plan: {gone.id} (was {gone.status}); kept on record under 'removed'.")
    typer.echo("\n".join(lines), err=True)
