"""The startup baseline: a bare two-command Typer app that prints a small JSON document."""

import json

import typer

app = typer.Typer()


@app.command()
def salary(as_json: bool = typer.Option(False, "--json")) -> None:
    print(json.dumps({"tiers": [{"id": "entry", "amount": 118000}, {"id": "median", "amount": 156000}]}))


@app.command()
def other() -> None:
    print("other")


if __name__ == "__main__":
    app()
