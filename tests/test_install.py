"""`pip install .` (not editable) in a fresh venv gives a working `lkjip` with its resources."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.fresh_venv import environment

ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.xdist_group("venv")


@pytest.fixture(scope="module")
def installed(installed_bin: Path) -> Path:
    """``lkjip`` of a fresh virtual environment with lkjip_gen installed from this tree."""
    return installed_bin / "lkjip"


def run(lkjip: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = environment()
    return subprocess.run(
        [str(lkjip), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_installed_command_works_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    example = ROOT / "examples" / "contoh-minimal"
    assert run(installed, "--version", cwd=tmp_path).stdout.startswith("lkjip ")
    assert "validate" in run(installed, "--help", cwd=tmp_path).stdout
    result = run(installed, "validate", str(example / "lkjip-2024.yaml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = run(installed, "compute", str(example / "lkjip-2024.yaml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"capaian": 101.04' in result.stdout


def test_wheel_ships_schema_and_templates(installed: Path) -> None:
    site = next((installed.parent.parent / "lib").glob("python3*/site-packages"))
    package = site / "lkjip_gen"
    assert (package / "schemas" / "lkjip.schema.json").is_file()
    assert (package / "templates").is_dir()
    probe = subprocess.run(
        [
            str(installed.parent / "python"),
            "-c",
            "from lkjip_gen.data.schema import schema_path; print(schema_path())",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=installed.parent,
    )
    assert probe.stdout.strip() == str(package / "schemas" / "lkjip.schema.json")
