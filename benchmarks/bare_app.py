"""The startup baselines: a bare Typer app doing each kind of output mlpath does, with nothing else.

salary --json   prints a small JSON document
table           prints a small rich table
text            prints a few lines of plain text
ask             asks one questionary select question (the first quiz question's baseline)
"""

import json

import typer

app = typer.Typer()


@app.command()
def salary(as_json: bool = typer.Option(False, "--json")) -> None:
    print(json.dumps({"tiers": [{"id": "entry", "amount": 118000}, {"id": "median", "amount": 156000}]}))


@app.command()
def table() -> None:
    from rich.console import Console
    from rich.table import Table

    grid = Table("tier", "amount")
    for tier, amount in (("entry", "$118,000"), ("median", "$156,000"), ("senior", "$200,000")):
        grid.add_row(tier, amount)
    Console().print(grid)


@app.command()
def text() -> None:
    print("\n".join(f"level\t{n}\tLevel {n}" for n in range(1, 7)))


@app.command()
def ask() -> None:
    import questionary

    questionary.select("Pick one", choices=["none", "bachelor", "master"]).ask()


if __name__ == "__main__":
    app()
