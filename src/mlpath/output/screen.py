"""Long table output on a terminal (the quiz ending, the roadmap): the summary first, the rest paged.

- The rendering opens with the largest summary that fits the screen, leaving `room` rows free for
  what follows it (the save question, the replay hint).
- Taller than the screen: the whole rendering goes to the pager (see `mlpath.pager`), and when the
  pager quits the summary (if the report has one) is printed, so it is what stays on screen:
  `less` restores the screen it took, but `more`, `less -X` or `LESS=FRX` leave the roadmap's tail there.
- No pager (none found, --no-pager, it cannot start): the whole rendering is printed; at the end
  of a quiz the summary follows it again, for the same reason.

Only for the table format with stdout on a terminal; every other case prints as usual.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

from mlpath.output.blocks import Report
from mlpath.output.terminal import Terminal


def show_long(
    terminal: Terminal,
    reports: Iterable[Report],
    *,
    pager: bool,
    repeat: bool,
    room: int = 1,
    least: int = 1,
    choose: Callable[[Sequence[int]], int] | None = None,
) -> int:
    """`reports`: the same report with ever shorter summaries. Shown: the first whose summary leaves
    `room` rows free on the screen, else the first that leaves `least` (the question right after
    it matters more than the lines after that), else the shortest; or the one `choose` picks,
    given the rows each summary takes (with the blank line above it). `least` rows are kept
    free below a rendering short enough to be printed whole.

    Returns the rows of what is left at the foot of the screen (the summary, or all of it when it
    fits), so that what follows can be fitted to the rows still free."""
    from mlpath.output.formats import drawn, render_table
    from mlpath.output.pager import PagerError, page, pager_command

    candidates = list(reports)  # never empty: at least the report itself
    # the rows each summary takes, with the blank line above it
    heights = [drawn(render_table(report, whole=False), terminal).count("\n") + 1 for report in candidates]
    if choose is not None:
        chosen = candidates[choose(heights)]
    else:
        fitting = [i for free in (room, least) for i, rows in enumerate(heights) if rows <= terminal.height - free]
        chosen = candidates[fitting[0] if fitting else -1]
    text = drawn(render_table(chosen), terminal)
    if text.count("\n") <= terminal.height - least:  # it all fits: no pager, no summary twice
        terminal.write(text)
        return text.count("\n")
    argv = pager_command(os.environ) if pager else None
    problem = None
    paged = False
    if argv:
        terminal.stdout.flush()  # what was printed before comes before the pager
        try:
            page(text, argv, getattr(terminal.stdout, "encoding", None) or "utf-8")
            paged = True
        except PagerError as error:
            problem = f"Warning: {error}; all of it is printed instead (MLPATH_PAGER or PAGER names the pager)."
    if paged and chosen.summary is None:  # nothing to keep on screen but what the pager left
        return 0
    if not paged:
        terminal.write(text)
    shown = terminal.height  # the roadmap's tail fills the screen
    if paged or repeat:
        summary = drawn(render_table(chosen, whole=False), terminal)
        terminal.write("\n" + summary)
        shown = summary.count("\n") + 1
    terminal.stdout.flush()
    if problem:
        terminal.say(problem)  # last, where it is seen
        shown += problem.count("\n") + 1
    return shown
