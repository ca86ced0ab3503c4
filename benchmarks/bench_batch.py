"""A batch of N reports with one and with two workers: the whole ``lkjip build`` command.

The offices are copies of the examples (each in its own folder, as a regency keeps them); the
command is run as users run it, in its own process, so start-up, imports, template preparation
per worker and writing are all counted.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import paired, spread


def offices(examples: list[Path], count: int, root: Path) -> Path:
    """``count`` office folders under ``root/kantor``, cycling through the examples."""
    folder = root / "kantor"
    for i in range(count):
        example = examples[i % len(examples)]
        target = folder / f"{i:04d}-{example.parent.name}"
        shutil.copytree(example.parent, target)
    return folder


def run(examples: list[Path], count: int, runs: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        folder = offices(examples, count, root)

        def batch(workers: int) -> None:
            command = [sys.executable, "-m", "lkjip_gen", "build", str(folder), "-o"]
            command += [str(root / f"hasil-{workers}"), "-j", str(workers)]
            subprocess.run(command, check=True, capture_output=True)

        print(f"Batch of {count} docx reports (lkjip build FOLDER -j N, {runs} pairs):")
        one, two, ratios = paired(lambda: batch(1), lambda: batch(2), runs)
        print(f"  1 worker : {spread(one)}  → {count / sorted(one)[len(one) // 2]:.1f} reports/s")
        print(f"  2 workers: {spread(two)}  → {count / sorted(two)[len(two) // 2]:.1f} reports/s")
        print(f"  speed-up of 2 workers: {spread([1 / r for r in ratios], unit='×', digits=2)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
