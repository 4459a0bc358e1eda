"""Where quiz and roadmap write files: every target is checked before anything is written.

`-o FILE`, `--save-answers FILE` and the saved plan (`--save`) are checked together, first:
a directory, device, FIFO or read-only file is refused, and so is a file this run reads (the
answers file, stdin's file for `--answers -`, a content file), the plan or the unfinished
quiz, or one file named twice. Only then is anything written, each file atomically (see `files.write_atomic`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.errors import OperationError, UsageError
from mlpath.render import OutputFormat

if TYPE_CHECKING:
    from mlpath.answers import Answers
    from mlpath.cli.options import AnswerSource, Delivery

# -o FILE without --format or --json: the format its extension names (plain otherwise)
EXTENSION_FORMATS = {
    ".json": OutputFormat.json,
    ".yaml": OutputFormat.yaml,
    ".yml": OutputFormat.yaml,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".txt": OutputFormat.plain,
    ".csv": OutputFormat.csv,
}


def check_outputs(
    source: AnswerSource,
    delivery: Delivery,
    save_answers: str | None,
    what: str = "the roadmap",
    content: Path | None = None,
) -> None:
    """Refuse, before a question is asked or a file written, any target that cannot or must not
    be written: so a bad `-o` never leaves the answers written or the plan saved without it.
    `content` is the content directory in use: its files are inputs too."""
    from mlpath.files import check_target

    protect = _inputs(source)
    if content is not None:
        from mlpath.content.model import SECTIONS

        protect += [str(content / f"{section}.yaml") for section in SECTIONS]
    files = []
    if delivery.output not in (None, "-"):
        files.append(("-o", str(delivery.output), what))
    if save_answers is not None:
        if save_answers == "-":
            raise UsageError("--save-answers needs a file name; '-' would mix the answers into the output")
        files.append(("--save-answers", save_answers, "answers"))
    targets: dict[str, Path] = {}
    for flag, name, what in files:
        target = check_target(name, what, protect=protect)
        _not_ours(target, name, what)
        for other, path in targets.items():
            if _same(path, target):
                raise OperationError(f"{other} and {flag} both name {name!r}; give each its own file")
        targets[flag] = target
    if delivery.save:
        from mlpath import storage

        storage.check_writable()


def _inputs(source: AnswerSource) -> list[str]:
    if source.file is None:
        return []
    if source.file == "-":
        return ["/dev/stdin"] if Path("/dev/stdin").exists() else []
    return [source.file]


def _not_ours(target: Path, name: str, what: str) -> None:
    """The plan and the unfinished quiz are mlpath's own files: never an output."""
    from mlpath import resume, storage

    for own, called in ((storage.plan_path(), "your saved plan"), (resume.resume_path(), "the unfinished quiz")):
        if _same(target, Path(os.path.realpath(own))):
            raise OperationError(f"cannot write {what} to {name!r}: it is {called} ({own})")


def _same(one: Path, other: Path) -> bool:
    if one == other:
        return True
    try:
        return one.samefile(other)
    except OSError:
        return False


def write_answers(answers: Answers, name: str) -> None:
    """The answers, in the form --answers reads back (JSON for a .json name, else YAML)."""
    from mlpath.files import write_atomic
    from mlpath.render.data import to_json
    from mlpath.safe_yaml import dump

    document = answers.document()
    text = to_json(document, pretty=True) if Path(name).suffix == ".json" else dump(document)
    write_atomic(name, text, "answers")


def file_format(name: str, chosen: OutputFormat | None) -> OutputFormat:
    """The format of `-o FILE`: --format or --json when given, else the extension's."""
    return chosen or EXTENSION_FORMATS.get(Path(name).suffix.lower(), OutputFormat.plain)
