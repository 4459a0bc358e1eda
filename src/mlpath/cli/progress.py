"""The progress commands (Track in the help): your saved plan, what to do next, each step's status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli.application import app, emit, examples, session, tell
from mlpath.cli.completion import complete_step
from mlpath.cli.options import FormatOption, JsonOption, NoPagerOption, Output
from mlpath.errors import OperationError, UsageError
from mlpath.plan import Status
from mlpath.text import plural, shown

if TYPE_CHECKING:
    from collections.abc import Callable

    from mlpath.engine.roadmap import Roadmap
    from mlpath.plan.model import Plan

NO_PLAN = "you have no saved plan yet; make one with 'mlpath quiz --save' or 'mlpath roadmap --answers FILE --save'"

progress_app = typer.Typer(help="Your saved plan: what to do next, each step's status, percent complete.")
app.add_typer(progress_app, name="progress", rich_help_panel="Track")


@progress_app.callback(invoke_without_command=True, help=examples(
    "Your saved plan: the next step with why it is there and what to do, how far you are, then each step's status.",
    "mlpath progress", "mlpath progress --all",
    "mlpath progress set 3 done", "mlpath progress --format markdown > plan.md",
))  # fmt: skip
def progress(
    ctx: typer.Context,
    every: Annotated[bool, typer.Option("--all", help="Every step in full: why it is there and what to do.")] = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    no_pager: NoPagerOption = False,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.output.plan import progress_report
    from mlpath.plan import plan_path, store

    content = session(ctx).content()
    plan = store.load()
    if plan is None:
        raise OperationError(NO_PLAN)
    report = progress_report(content, plan, build_roadmap(content, plan.answers), str(plan_path()), every)
    emit(ctx, report, Output.of(fmt, as_json), not no_pager)


@progress_app.command("set", help=examples(
    "Mark one step of your plan: pending, learning, done or skipped.",
    "mlpath progress set programming done", "mlpath progress set 3 learning",
))  # fmt: skip
def set_status(
    ctx: typer.Context,
    step: Annotated[
        str,
        typer.Argument(
            metavar="STEP",
            help="The step: its id, its number, or a unique prefix of its id.",
            autocompletion=complete_step,
        ),
    ],
    status: Annotated[
        Status, typer.Argument(metavar="STATUS", help="pending, learning, done or skipped.", case_sensitive=False)
    ],
) -> None:
    from mlpath.cli.explore import choose
    from mlpath.io import streams
    from mlpath.plan import model

    streams.require_stdout()
    index = 0

    def mark(plan: Plan, now: str) -> Plan:
        nonlocal index
        index = choose([s.id for s in plan.steps], step, "step")
        return model.set_status(plan, index, status, now)

    updated = _update(ctx, mark)
    done, total = model.finished(updated.steps)
    chosen, complete = updated.steps[index], f"{model.percent(done, total)}% complete ({done}/{total})"
    terminal = session(ctx).terminal
    if terminal.stdout_isatty:  # a person: in words, wrapped on them; a script: the plain record
        from mlpath.text import wrap

        terminal.write(
            wrap(f"Step {index + 1}, {chosen.title}: {chosen.status}. {complete}.", terminal.width, "") + "\n"
        )
    else:
        typer.echo(f"{shown(chosen.id)}\t{chosen.status}\t{complete}")


@progress_app.command("reset", help=examples(
    "Start over: every step back to pending, nothing kept on record. Asks first on a terminal.",
    "mlpath progress reset", "mlpath progress reset --yes",
))  # fmt: skip
def reset(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; needed when there is no terminal.")] = False,
) -> None:
    from mlpath.plan import model, store

    if not yes:
        if not session(ctx).terminal.interactive:
            raise UsageError("progress reset needs confirmation; there is no terminal to ask on, so pass --yes")
        from mlpath.cli.prompts import confirm

        saved = store.load()
        if saved is None:
            raise OperationError(NO_PLAN)
        kept = len(_lined(ctx, saved, saved.updated).removed)  # as `progress` shows the record
        forget = f", and forget the statuses of {plural(kept, 'step')} no longer in it" if kept else ""
        if not confirm(f"Set every step of your plan back to pending{forget}?", default=False):
            tell("Nothing changed.")
            return
    plan = _update(ctx, model.reset)
    tell(f"All {len(plan.steps)} steps are pending again.")


def _update(ctx: typer.Context, change: Callable[[Plan, str], Plan]) -> Plan:
    """`change` the plan (at this time) as `progress` shows it (`_lined`: a plan edited by hand, or
    saved before the content changed, so that a STEP names the step the person sees) and write it,
    holding its lock; a damaged plan is left in place."""
    from mlpath.plan import store

    with store.locked():
        plan = store.load()  # a damaged plan is reported and left as it is, to be mended
        if plan is None:
            raise OperationError(NO_PLAN)
        now = store.now()
        updated = change(_lined(ctx, plan, now), now)
        store.save(updated)
    return updated


def _lined(ctx: typer.Context, plan: Plan, now: str) -> Plan:
    """The plan in line with the roadmap of its answers, as `progress` shows it (`replan` keeps
    every status; one whose step's work changed goes on record)."""
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.plan import model

    return model.replan(plan, build_roadmap(session(ctx).content(), plan.answers), now).plan


def save_plan(roadmap: Roadmap) -> None:
    """Save a roadmap (with its answers) as the person's plan, every status following its work,
    and say what happened in one line on stderr."""
    from mlpath.output.plan import saved_line
    from mlpath.plan import model, store

    with store.locked():
        try:
            old = store.load_for_update()
        except store.CorruptPlanError as error:
            tell(f"Warning: {error}")
            old = None
        result = model.replan(old, roadmap, store.now())
        store.save(result.plan)
    dropped = old is not None and old.answers is not None and result.plan.answers is None  # --general --save
    tell(saved_line(result, old is None, dropped))  # wrapped on words on a terminal
