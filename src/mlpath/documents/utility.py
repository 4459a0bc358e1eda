"""The JSON documents of the utility commands (search, sources, data check) and the home screen."""

from typing import Annotated

from typing_extensions import TypedDict

from mlpath.documents.marks import Each, Lead, Rows


class SearchResult(TypedDict):
    section: str
    item: str
    text: str
    command: str


class Search(TypedDict):
    """`mlpath search QUERY`: where the words occur, and the command that shows each."""

    query: str
    count: int
    results: Annotated[list[SearchResult], Each("result"), Lead, Rows]
    suggestions: Annotated[list[str], Each("suggestion", field="word")]


class SourcedFigure(TypedDict):
    key: str
    value: int


class Source(TypedDict):
    id: str
    name: str
    kind: str
    note: str
    figures: Annotated[list[SourcedFigure], Each("figure")]


class Sources(TypedDict):
    """`mlpath sources`: every source cited and the figures that come from it."""

    sources: Annotated[list[Source], Each("source"), Rows]
    figure_count: int
    notes: Annotated[list[str], Each("note")]


class Problem(TypedDict):
    """One thing wrong with a content file; `line` is null when it concerns the whole file."""

    file: str
    line: int | None
    field: str
    message: str


class DataCheck(TypedDict):
    """`mlpath data check [DIR]`: valid or not, and every problem found."""

    directory: str
    valid: bool
    figure_count: int | None
    problems: Annotated[list[Problem], Each("problem")]


class HomeCommand(TypedDict):
    command: str
    help: str


class Home(TypedDict):
    """A bare `mlpath`: what it is and its commands, by group."""

    name: str
    version: str
    start: str
    commands: Annotated[dict[str, list[HomeCommand]], Each("command", key="group")]
