from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from mlpath.cli import app
from mlpath.content.loader import packaged_data_dir

Run = Callable[..., Result]

# Property tests search as deep as a developer's run affords; HYPOTHESIS_PROFILE=thorough
# searches ten times deeper (hypothesis's database replays every failure found either way).
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
settings.register_profile("thorough", max_examples=1000)
settings.load_profile("thorough" if THOROUGH else "default")


def examples(count: int) -> int:
    """A property test's number of examples: `count`, or ten times as many in a thorough run."""
    return count * 10 if THOROUGH else count


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """Invoke mlpath in-process with a clean environment; stdout and stderr kept apart."""
    for name in ("MLPATH_DATA_DIR", "MLPATH_HOME", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MLPATH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str, env: Mapping[str, str] | None = None, input: str | None = None) -> Result:
        return CliRunner().invoke(app, list(args), env=env, input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private, editable copy of the packaged content."""
    target = tmp_path / "content"
    shutil.copytree(packaged_data_dir(), target)
    return target


def _share_default_key_bindings() -> None:
    """prompt_toolkit builds its ~1,800 default key bindings for every Application, three per
    question: 40 ms each, most of what an in-process quiz costs. They are stateless (handlers and
    filters look up the running application when called), so the suite builds them once. Real
    processes (the parity tests) still build them as users' runs do; forked ones share them."""
    import prompt_toolkit.application.application as application
    from prompt_toolkit.key_binding.defaults import load_key_bindings

    application.load_key_bindings = functools.cache(load_key_bindings)  # type: ignore[attr-defined]


def _share_parsed_styles() -> None:
    """Every question merges prompt_toolkit's ~300 default style rules into a new Style, parsing
    each rule's text anew: 10 ms a question. Parsing is a pure function of the text, returning
    an immutable Attrs, so the suite parses each text once (forked runs too). Real processes
    parse as users' do."""
    import prompt_toolkit.styles.style as style

    style._parse_style_str = functools.cache(style._parse_style_str)


_share_default_key_bindings()
_share_parsed_styles()


def _build_the_root_command_once() -> None:
    """Typer builds the click group from `app` on every call, CliRunner's invoke included (4 ms
    of option parsing machinery); a run builds it once, and so does each test process, before
    any forked run (tests/forked.py), whose children then find it built. Subcommands are still
    built on demand by MlpathGroup, as in a real run."""
    import typer.main
    import typer.testing

    get_command = functools.cache(typer.main.get_command)
    typer.main.get_command = get_command
    typer.testing._get_command = get_command  # type: ignore[attr-defined]
    get_command(app)


_build_the_root_command_once()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Keep the garbage collector off what every test shares. After collection a test process
    tracks over 100,000 objects (pytest, hypothesis, prompt_toolkit, pydantic), and the
    collector's passes over them took a third of the interactive tests' time. Frozen, they are
    never scanned again; a larger first generation runs the collector less often. Cycles made by
    the tests are still freed."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
