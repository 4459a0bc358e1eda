"""Generate the command reference and the man page from the app itself, and the generated parts
of docs/output.md from the document models.

    python scripts/docs.py          # rewrite docs/reference.md, docs/mlpath.1 and docs/output.md's tables
    python scripts/docs.py --check  # exit 1, naming the stale files (tests/test_reference.py runs this)

The commands and their help come from `mlpath ... --help`, run in-process with typer's CliRunner
(which renders help at 80 columns whatever the terminal); the tree of commands is read off each
group's help ("Commands:"). The plain record types, the CSV columns and the JSON outlines come
from the models that build each command's --json document (mlpath.output.schema.COMMANDS).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, get_args

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference.md"
MAN_PAGE = DOCS / "mlpath.1"
OUTPUT = DOCS / "output.md"
REGENERATE = "python scripts/docs.py"


# --- the commands, from their help ------------------------------------------------------------


class Entry(NamedTuple):
    """One row of a help section: an option, an argument or a subcommand, and what it does."""

    term: str
    text: str


class Paragraph(NamedTuple):
    """A paragraph of a command's description: prose (one line), or an example block (its lines)."""

    example: bool
    lines: tuple[str, ...]


class Help(NamedTuple):
    """A command's --help, taken apart."""

    words: tuple[str, ...]
    text: str  # as printed
    usage: str  # after "Usage: "
    paragraphs: tuple[Paragraph, ...]
    sections: dict[str, tuple[Entry, ...]]  # "Arguments", "Options", "Commands"
    epilog: tuple[str, ...]

    @property
    def name(self) -> str:
        return " ".join(("mlpath", *self.words))


def help_text(words: tuple[str, ...]) -> str:
    from typer.testing import CliRunner

    from mlpath.cli import app

    result = CliRunner().invoke(app, [*words, "--help"], prog_name="mlpath", env={"COLUMNS": "80"})
    if result.exit_code != 0:
        raise RuntimeError(f"mlpath {' '.join(words)} --help exited {result.exit_code}: {result.output}")
    return result.stdout


SECTION = re.compile(r"^(\w[\w ]*):$")
EXAMPLES = "Examples:"


def parse(words: tuple[str, ...], text: str) -> Help:
    """Click's help layout: the usage, the description (paragraphs indented 2, examples 4), then
    sections of two-column rows (indented 2, continued deeper), then the epilog (indented 2)."""
    blocks = [block.split("\n") for block in text.rstrip("\n").split("\n\n")]
    usage = " ".join(line.strip() for line in blocks[0]).removeprefix("Usage: ")
    paragraphs: list[Paragraph] = []
    sections: dict[str, tuple[Entry, ...]] = {}
    epilog: list[str] = []
    for block in blocks[1:]:
        heading = SECTION.match(block[0])
        if heading:
            sections[heading.group(1)] = tuple(_entries(block[1:]))
        elif sections:
            epilog.append(" ".join(line.strip() for line in block))
        elif block[0].startswith("    "):  # the lines of an example block, never rewrapped
            paragraphs.append(Paragraph(True, tuple(line[4:] for line in block)))
        else:
            paragraphs.append(Paragraph(False, (" ".join(line.strip() for line in block),)))
    return Help(words, text, usage, tuple(paragraphs), sections, tuple(epilog))


def _entries(lines: list[str]) -> Iterator[Entry]:
    term = ""
    text: list[str] = []
    for line in lines:
        if line.startswith("  ") and not line.startswith("   "):  # a new row
            if term:
                yield Entry(term, " ".join(text))
            term, _, rest = line.strip().partition("  ")
            text = [rest.strip()] if rest.strip() else []
        else:
            text.append(line.strip())
    if term:
        yield Entry(term, " ".join(text))


def commands() -> list[Help]:
    """Every command's help, the root first, each group followed by its subcommands."""
    found: list[Help] = []

    def visit(words: tuple[str, ...]) -> None:
        page = parse(words, help_text(words))
        found.append(page)
        for entry in page.sections.get("Commands", ()):
            visit((*words, entry.term))

    visit(())
    return found


def groups() -> dict[str, list[str]]:
    """The top-level commands by the group bare `mlpath` shows them in (Explore, Plan, ...)."""
    from typer.testing import CliRunner

    from mlpath.cli import app

    result = CliRunner().invoke(app, [], prog_name="mlpath")
    found: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        fields = line.split("\t")
        if fields[0] == "command" and len(fields) >= 3:
            found.setdefault(fields[1].capitalize(), []).append(fields[2])
    return found


def version() -> str:
    from typer.testing import CliRunner

    from mlpath.cli import app

    return CliRunner().invoke(app, ["--version"], prog_name="mlpath").stdout.strip().removeprefix("mlpath ")


# --- docs/reference.md ------------------------------------------------------------------------


def anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9 _-]", "", title.lower()).replace(" ", "-")


def reference(pages: list[Help]) -> str:
    lines = [
        "# Command reference",
        "",
        f"Every command's `--help`, generated from mlpath itself by `{REGENERATE}`; a test fails when",
        "this page differs from the program. `man mlpath` holds the same text.",
        "",
    ]
    top = {page.words[0]: page for page in pages if len(page.words) == 1}
    listed: set[str] = set()
    for group, names in groups().items():
        links = []
        for name in names:
            links += [f"[{' '.join(page.words)}](#{anchor(page.name)})" for page in pages if page.words[:1] == (name,)]
            listed.add(name)
        lines.append(f"- {group}: {', '.join(links)}")
    rest = [f"[{name}](#{anchor(page.name)})" for name, page in top.items() if name not in listed]
    if rest:
        lines.append(f"- Other: {', '.join(rest)}")
    lines.append("")
    for page in pages:
        lines += [f"## {page.name}", "", "```text", page.text.rstrip("\n"), "```", ""]
    return "\n".join(lines)


# --- docs/mlpath.1 ----------------------------------------------------------------------------


def roff(text: str) -> str:
    """Text as roff reads it: backslashes and minus signs escaped, a leading dot or quote
    neutralised, anything beyond ASCII as a named character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def _usage(page: Help) -> str:
    """The usage line: the command in bold, what follows it as printed."""
    rest = page.usage.removeprefix(page.name).strip()
    return f"\\fB{roff(page.name)}\\fR {roff(rest)}".rstrip()


def _body(page: Help, sections: tuple[str, ...], pages: dict[tuple[str, ...], Help], titled: bool = True) -> list[str]:
    out: list[str] = []
    for paragraph in page.paragraphs:
        if paragraph.example:  # as printed, one command a line
            out += [".RS 4", ".nf", *(roff(line) for line in paragraph.lines), ".fi", ".RE"]
        else:
            out += [".PP", roff(paragraph.lines[0])]
    for name in sections:
        entries = page.sections.get(name, ())
        if not entries:
            continue
        out += [".PP", f"{name}:", ".RS 4"] if titled else []
        for entry in entries:
            text = entry.text
            if name == "Commands":  # the subcommand's own first paragraph, never cut short
                subcommand = (*page.words, entry.term)
                text = pages[subcommand].paragraphs[0].lines[0]
            out += [".TP", f"\\fB{roff(entry.term)}\\fR", roff(text) if text else ".br"]
        out += [".RE"] if titled else []
    return out


EXIT_STATUS = {  # ExitCode member: what it means (checked against mlpath.errors.ExitCode)
    "OK": "Success.",
    "FAILED": "An operation failed: a file could not be written, results could not be written to stdout, "
    "a saved plan is damaged or from a newer mlpath, or an internal error.",
    "USAGE": "A usage error or invalid input: a bad option or value, invalid answers, answers missing "
    "where there is no terminal to ask on, or (quiz --batch, cohort) any invalid answer set.",
    "CONTENT": "Invalid content data; every problem is listed with its file, line and field.",
    "INTERRUPTED": "Interrupted: Ctrl-C, a closed terminal or a kill. The quiz keeps the answers given so far "
    "for mlpath quiz --resume.",
}

ENVIRONMENT = (
    ("MLPATH_DATA_DIR", "The content directory to use; --data-dir wins over it."),
    (
        "MLPATH_HOME",
        "The directory for the saved plan, the unfinished quiz and (in its cache folder) the content cache, "
        "instead of the user data and cache directories.",
    ),
    (
        "MLPATH_PAGER, PAGER",
        "The pager for long table output on a terminal; the first one set wins. Empty or cat: no pager. "
        "Without either, less -R, else more.",
    ),
    ("MLPATH_DEBUG", "Set to 1 to see the Python traceback of an internal error, for a bug report."),
    ("NO_COLOR", "No colour, whatever else is set."),
    ("FORCE_COLOR", "Colour even when stdout is not a terminal."),
    ("TERM", "dumb: no colour and no pager."),
    ("COLUMNS, LINES", "The width and height to draw for, instead of the terminal's."),
    ("XDG_DATA_HOME, XDG_CACHE_HOME", "On Linux, where the user data and cache directories are (see FILES)."),
)

FILES = (
    (
        "~/.local/share/mlpath/plan.yaml",
        "Your saved plan (mlpath quiz --save): answers, steps and their statuses. "
        "On macOS in ~/Library/Application Support/mlpath/; $MLPATH_HOME/plan.yaml when that is set.",
    ),
    (
        "~/.local/share/mlpath/quiz-resume.json",
        "The answers of an interrupted quiz, for mlpath quiz --resume; removed when the quiz ends.",
    ),
    (
        "~/.cache/mlpath/",
        "The cache of validated content; safe to delete. On macOS ~/Library/Caches/mlpath/; "
        "$MLPATH_HOME/cache/ when MLPATH_HOME is set.",
    ),
)

SEE_ALSO = (
    "mlpath COMMAND --help, and the docs/ folder of mlpath's source: reference.md (this page's commands), "
    "output.md (formats, plain records, CSV, JSON, exit codes), answers.md (the answers and the quiz), "
    "cohort.md (quiz --batch and cohort) and files.md (files, environment, uninstalling)."
)


def man_page(pages: list[Help]) -> str:
    from mlpath.errors import ExitCode

    if set(EXIT_STATUS) != {code.name for code in ExitCode}:
        raise RuntimeError("scripts/docs.py: EXIT_STATUS does not name every member of mlpath.errors.ExitCode")
    root, commands_ = pages[0], pages[1:]
    by_words = {page.words: page for page in pages}
    summary = root.paragraphs[0].lines[0]
    lines = [
        f".\\\" Generated by {REGENERATE} from mlpath's own help; do not edit.",
        f'.TH MLPATH 1 "" "mlpath {version()}" "User Commands"',
        ".nh",
        ".ad l",
        ".SH NAME",
        f"mlpath \\- {roff(summary[0].lower() + summary[1:])}",
        ".SH SYNOPSIS",
        _usage(root),
        ".SH DESCRIPTION",
        ".PP",
        roff(summary),
        ".PP",
        roff(
            "Start with mlpath quiz. Bare mlpath shows where to start; mlpath --help lists every"
            " command and mlpath COMMAND --help shows one."
        ),
        ".SH OPTIONS",
        *_body(root._replace(paragraphs=()), ("Options",), by_words, titled=False),
        ".SH COMMANDS",
    ]
    for page in commands_:
        body = _body(page, ("Arguments", "Options", "Commands"), by_words)
        lines += [f'.SS "{roff(page.name)}"', _usage(page), *body]
    lines += [".SH EXIT STATUS"]
    for code in ExitCode:
        lines += [".TP", f"\\fB{int(code)}\\fR", roff(EXIT_STATUS[code.name])]
    lines += [".SH ENVIRONMENT"]
    for name, text in ENVIRONMENT:
        lines += [".TP", f"\\fB{roff(name)}\\fR", roff(text)]
    lines += [".SH FILES"]
    for name, text in FILES:
        lines += [".TP", f"\\fI{roff(name)}\\fR", roff(text)]
    lines += [".SH SEE ALSO", roff(SEE_ALSO), ""]
    return "\n".join(lines)


# --- docs/output.md: the tables read off the document models ----------------------------------


def documents() -> list[tuple[str, type]]:
    """(label, model) of every kind of --json document, in command order, each once. The label is
    the command line its docstring starts with (`quiz --questions`), else the command's name."""
    from mlpath.output.schema import COMMANDS, models

    found: dict[type, str] = {}
    for command in COMMANDS:
        for model in models(command):
            first = (model.__doc__ or "").strip().split("\n")[0]
            if first.startswith("`mlpath "):
                label = first.split(": ")[0].rstrip(".").replace("`mlpath ", "`")
            else:
                label = f"`{command}`"
            found.setdefault(model, label)
    return [(label, model) for model, label in found.items()]


def record_table() -> str:
    from mlpath.output.records import record_types

    lines = ["| command | record | fields after the record type |", "| --- | --- | --- |"]
    for label, model in documents():
        if "--batch" in label:  # JSON Lines or CSV only, never plain records
            continue
        for record in record_types(model):
            lines.append(f"| {label} | `{record.name}` | {', '.join(record.fields)} |")
    return "\n".join(lines)


def csv_columns() -> str:
    from mlpath.cli.batch import CSV_COLUMNS
    from mlpath.output.records import csv_table, row_nodes

    lines = ["| command | columns |", "| --- | --- |"]
    for label, model in documents():
        if "--batch" in label or not row_nodes(model):
            continue
        header, _ = csv_table(model, {})
        lines.append(f"| {label} | {', '.join(header)} |")
    lines.append(f"| `quiz --batch --format csv` | {', '.join(CSV_COLUMNS)} |")
    return "\n".join(lines)


def _records_in(model: type, seen: dict[str, type]) -> dict[str, type]:
    """Every record class a model holds, at any depth, by name (as the schema's titles name them)."""
    from mlpath.model import bare, is_record, record_hints

    if model.__name__ in seen:
        return seen
    seen[model.__name__] = model
    pending = [bare(hint) for hint in record_hints(model).values()]
    while pending:
        hint = bare(pending.pop())
        if is_record(hint):
            _records_in(hint, seen)
        pending.extend(get_args(hint))
    return seen


def outline(model: type, nested: dict[str, str]) -> str:
    """A document as a one-line outline from its JSON Schema: `{key, list[], object{...}, absent?}`;
    `?` marks a key the document leaves out rather than writing null; a whole document of another
    kind inside it reads `key: <kind>`."""
    from mlpath.model import Omitted, marks, record_hints, schema_of

    schema = schema_of(model)
    definitions: dict[str, Any] = schema.get("$defs", {})
    classes = _records_in(model, {})

    def omitted(title: str) -> set[str]:
        cls = classes.get(title)
        if cls is None:
            return set()
        return {name for name, hint in record_hints(cls).items() if Omitted in marks(hint)}

    def walk(node: dict[str, Any], top: bool = False) -> str:
        if "$ref" in node:
            title = node["$ref"].rsplit("/", 1)[-1]
            if not top and title in nested:
                return f": <{nested[title]}>"
            return walk({**definitions[title], "title": title})
        options = [option for option in node.get("anyOf", ()) if option.get("type") != "null"]
        if len(options) == 1:
            return walk(options[0])
        if options:  # one type or another: a list of either is still a list
            return "[]" if all(option.get("type") == "array" for option in options) else ""
        if node.get("type") == "array":
            inner = walk(node.get("items", {}))
            return f"[{inner}]" if inner.startswith("{") else "[]"
        if node.get("type") == "object" and "properties" in node:
            absent = omitted(node.get("title", model.__name__))
            keys = [f"{key}{'?' if key in absent else ''}{walk(value)}" for key, value in node["properties"].items()]
            return "{" + ", ".join(keys) + "}"
        if node.get("type") == "object" and isinstance(node.get("additionalProperties"), dict):
            inner = walk(node["additionalProperties"])
            return "{<key>: " + (inner.lstrip(": ") or "value") + "}"
        return ""

    return walk({**schema, "title": model.__name__}, top=True)


def shapes() -> str:
    found = documents()
    nested = {model.__name__: model.__name__.lower() for _, model in found}
    return "\n".join(f"- {label}: `{outline(model, nested)}`" for label, model in found)


PARTS: dict[str, Callable[[], str]] = {"shapes": shapes, "records": record_table, "csv": csv_columns}


def filled(text: str) -> str:
    """docs/output.md with every generated part between its markers made afresh."""
    for name, make in PARTS.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        before, _, rest = text.partition(start)
        _, found, after = rest.partition(end)
        if not found:
            raise RuntimeError(f"{OUTPUT.relative_to(ROOT)} lacks the {start} and {end} markers")
        text = f"{before}{start}\n<!-- generated by {REGENERATE}; do not edit -->\n\n{make()}\n\n{end}{after}"
    return text


# --- writing and checking ---------------------------------------------------------------------


def generated() -> dict[Path, str]:
    """What each generated file should hold now."""
    pages = commands()
    return {
        REFERENCE: reference(pages),
        MAN_PAGE: man_page(pages),
        OUTPUT: filled(OUTPUT.read_text(encoding="utf-8")),
    }


def stale() -> list[Path]:
    """The generated files that differ from what the app generates now."""
    return [
        path for path, text in generated().items() if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print("usage: python scripts/docs.py [--check]", file=sys.stderr)
        return 2
    if argv == ["--check"]:
        old = stale()
        if old:
            names = " and ".join(str(path.relative_to(ROOT)) for path in old)
            print(f"{names} {'is' if len(old) == 1 else 'are'} out of date: run {REGENERATE}", file=sys.stderr)
            return 1
        return 0
    DOCS.mkdir(exist_ok=True)
    for path, text in generated().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
