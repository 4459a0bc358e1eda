"""`--what-if` on quiz and roadmap: the changes checked, and the comparison built and reported."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.answers import Answers
    from mlpath.content.model import Content
    from mlpath.engine.roadmap import Roadmap
    from mlpath.report import Report


def checked_changes(assignments: list[str] | None) -> dict[str, Any]:
    """The --what-if flags as checked answers (key: value), the last of a key winning, as --set.

    Checked before any question is asked; a wrong key or value is a usage error naming the
    allowed values and the nearest one.
    """
    if not assignments:
        return {}
    from mlpath import answers as contract

    raw = contract.parse_assignments(assignments, "--what-if")
    try:
        prepared, _ = contract.check(raw)  # a what-if names some answers only: none is "missing"
    except UsageError as error:
        raise UsageError(f"--what-if: {error}") from None
    return prepared


def comparison_reports(
    content: Content, base: Roadmap, changes: Mapping[str, Any], taken: Iterable[str] = ()
) -> tuple[Report, list[Report]]:
    """The comparison of `base` with the roadmap for its answers changed by `changes`, and the
    same report with ever shorter summaries (for the screen); `taken`: see `taken_ways`."""
    from mlpath.engine.compare import changed, compare
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.views.compare import comparison_report, shorter_summaries

    if base.answers is None:
        raise UsageError(NEEDS_ANSWERS)
    comparison = compare(base, build_roadmap(content, changed(base.answers, changes)))
    report = comparison_report(content, comparison, changes, taken=taken)
    return report, shorter_summaries(content, comparison, report, taken)


NEEDS_ANSWERS = (
    "--what-if compares your roadmap with the roadmap for your answers changed, so it needs answers: "
    "give them with --answers FILE, --set KEY=VALUE or --defaults"
)


def offered(content: Content, answers: Answers) -> list[str]:
    """The --what-if flags worth offering this person (see engine.compare.worth_trying)."""
    from mlpath.answers import assignment
    from mlpath.engine.compare import worth_trying

    return [f"--what-if {assignment(key, value)}" for key, value in worth_trying(content, answers)]
