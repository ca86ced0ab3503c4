"""Fixtures shared by test modules: one fresh virtual environment with lkjip installed from source.

Tests that use it carry ``pytest.mark.xdist_group("venv")`` so that, with pytest-xdist, they run
in the same worker and the environment is built once.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def installed_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with ``pip install .`` (not editable) and pre-commit."""
    env_dir = tmp_path_factory.mktemp("venv") / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
    pip.append("--disable-pip-version-check")
    # pip builds the wheel from the source tree in its own isolated environment.
    subprocess.run([*pip, str(ROOT)], check=True, timeout=900)
    # The pre-commit framework is optional: offline, the plain git hook is still exercised.
    subprocess.run([*pip, "pre-commit"], timeout=600, check=False)
    return bin_dir
