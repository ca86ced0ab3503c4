"""Fixtures shared by test modules: one fresh virtual environment with lkjip installed from source,
a small base pack for tests of one template part, the test session's disk cache, and the order
in which pytest-xdist hands tests out (slowest modules first).

Tests that use it carry ``pytest.mark.xdist_group("venv")`` so that, with pytest-xdist, they run
in the same worker and the environment is built once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from lkjip_gen.render.pack import PARTS

ROOT = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules that start LibreOffice first, each kept whole (module fixtures are made once).

    Their tests take seconds each; pytest-xdist hands out tests in collection order, and one of
    them left for the end keeps one worker busy while the other has nothing left to do.
    """
    slow = {item.module for item in items if item.get_closest_marker("libreoffice")}
    items.sort(key=lambda item: item.module not in slow)


@pytest.fixture(scope="session", autouse=True)
def template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """lkjip's disk cache of prepared templates in a folder of the test session, never the
    user's (tests write only under their temporary folders). pytest-xdist's workers share one
    (entries are written whole, named by their content), so a template one worker prepared and
    compiled is read by the others."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.getbasetemp().parent / "cache"
        folder.mkdir(exist_ok=True)
    else:
        folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("LKJIP_CACHE")
    os.environ["LKJIP_CACHE"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["LKJIP_CACHE"]
    else:
        os.environ["LKJIP_CACHE"] = previous


@pytest.fixture(scope="session")
def installed_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with ``pip install .`` (not editable) and pre-commit."""
    env_dir = tmp_path_factory.mktemp("venv") / "venv"
    # No pip of its own (ensurepip takes seconds): this process's pip installs into it.
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    pip = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install"]
    # No bytecode compiled ahead: Python compiles what lkjip imports when it first runs (see
    # fresh_venv.py for the machines that forbid it).
    pip += ["--quiet", "--disable-pip-version-check", "--no-compile"]
    # pip builds the wheel from the source tree in its own isolated environment.
    subprocess.run([*pip, str(ROOT)], check=True, timeout=900)
    # The pre-commit framework is optional: offline, the plain git hook is still exercised.
    subprocess.run([*pip, "pre-commit"], timeout=600, check=False)
    return bin_dir


@pytest.fixture(scope="session")
def small_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pack with the default's gaya and an empty paragraph for every other part: the base of
    packs whose tests are about one part (the sandbox, a broken tag). Rendering it takes a
    fraction of the default's time, the whole report being compiled anew for each such pack."""
    folder = tmp_path_factory.mktemp("dasar") / "kecil"
    folder.mkdir()
    (folder / "templat.yaml").write_text("nama: kecil\nversi: 1\nmodel: 2\n", encoding="utf-8")
    (folder / "gaya.docx").write_bytes((ROOT / "templates" / "default" / "gaya.docx").read_bytes())
    for name in PARTS[1:]:
        document = docx.Document()
        document.add_paragraph("")
        document.save(str(folder / f"{name}.docx"))
    return folder
