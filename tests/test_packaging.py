"""The built wheel and sdist carry the content; an installed mlpath runs from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import mlpath
from mlpath.content import SECTIONS
from mlpath.content.load import packaged_data_dir

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # real processes and pseudo-terminals


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def test_the_wheel_carries_every_content_file(dist: Path) -> None:
    (wheel,) = dist.glob("mlpath-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"mlpath/data/{section}.yaml" for section in SECTIONS} <= names
    modules = {path.relative_to(ROOT / "src").as_posix() for path in (ROOT / "src" / "mlpath").rglob("*.py")}
    assert modules <= names  # every module, the schemas' records among them
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Summary: Should you become a machine learning engineer" in text
    assert "License-Expression: MIT" in text and "Requires-Python: >=3.10" in text


def test_the_wheel_marks_the_package_as_typed(dist: Path) -> None:
    (wheel,) = dist.glob("mlpath-*.whl")
    assert "mlpath/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_the_sdist_carries_content_tests_and_readme(dist: Path) -> None:
    (sdist,) = dist.glob("mlpath-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {f"data/{section}.yaml" for section in SECTIONS} <= names
    assert "README.md" in names and "tests/test_figures.py" in names


def test_an_installed_mlpath_uses_its_own_content_from_any_directory(tmp_path: Path) -> None:
    package = Path(mlpath.__file__).resolve().parent
    if (package.parent.parent / "pyproject.toml").is_file():
        pytest.skip("editable install: the content is the checkout's data/ (CI runs a non-editable install)")
    assert packaged_data_dir() == package / "data"
    env = {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(tmp_path / "home")}  # no MLPATH_DATA_DIR
    result = subprocess.run(
        [sys.executable, "-m", "mlpath", "data", "path"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(result.stdout.strip()) == package / "data"
    salary = subprocess.run(
        [sys.executable, "-m", "mlpath", "salary"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert salary.stdout.startswith("tier\tentry\tEntry level\t118000\t")
    schema = subprocess.run(
        [sys.executable, "-m", "mlpath", "schema", "roadmap"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["$id"] == "urn:mlpath:schema:v1:roadmap"
