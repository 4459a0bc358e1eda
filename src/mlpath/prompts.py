"""Interactive prompts. The only importer of questionary; prompts are drawn on the terminal."""

from __future__ import annotations

from mlpath.content.model import Content


def walk_ladder(content: Content, start: int = 0) -> None:
    """Show one ladder level at a time; the user moves on, back, or stops."""
    import questionary
    from rich.console import Console

    from mlpath.render import render_table
    from mlpath.views.explore import ladder

    console = Console(stderr=False)
    levels = content.ladder.levels
    index = start
    while True:
        console.clear()
        console.print(render_table(ladder(content, index)))
        choices = []
        if index + 1 < len(levels):
            choices.append(questionary.Choice(f"Next: {levels[index + 1].title}", value=1))
        if index > 0:
            choices.append(questionary.Choice(f"Back: {levels[index - 1].title}", value=-1))
        choices.append(questionary.Choice("Done", value=0))
        move = questionary.select(f"Level {index + 1} of {len(levels)}", choices=choices).unsafe_ask()
        if not move:
            return
        index += move
