from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from mlpath.cli import app
from mlpath.content.loader import packaged_data_dir

Run = Callable[..., Result]


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
    processes (the pseudo-terminal tests) still build them as users' runs do."""
    import prompt_toolkit.application.application as application
    from prompt_toolkit.key_binding.defaults import load_key_bindings

    application.load_key_bindings = functools.cache(load_key_bindings)  # type: ignore[attr-defined]


_share_default_key_bindings()


def _build_the_root_command_once() -> None:
    """CliRunner builds the click group from `app` on every invoke (4 ms of option parsing
    machinery); a run builds it once, and so does each test process. Subcommands are still built
    on demand by MlpathGroup, as in a real run."""
    import typer.main
    import typer.testing

    typer.testing._get_command = functools.cache(typer.main.get_command)  # type: ignore[attr-defined]


_build_the_root_command_once()
