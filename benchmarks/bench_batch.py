"""A batch of N reports with one and with two workers: the whole ``lkjip build`` command.

The offices are copies of the examples, each in its own folder as a regency keeps them, and each
with its own numbers (every realisasi nudged by the office's number), so that no two offices
share a chart, as no two real offices do. The command is run as users run it, in its own
process, so start-up, imports, template preparation per worker and writing are all counted.

Two cases: the first build, with an empty disk cache (every chart drawn, every template
prepared), and the rebuild after a round of corrections, where the cache holds what the first
build made.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from timing import paired, spread

_REALISASI = re.compile(r"^(\s*(?:- )?realisasi: )(\d+(?:\.\d+)?)\s*$", re.MULTILINE)


def offices(examples: list[Path], count: int, root: Path) -> Path:
    """``count`` office folders under ``root/kantor``, cycling through the examples."""
    folder = root / "kantor"
    for i in range(count):
        example = examples[i % len(examples)]
        target = folder / f"{i:04d}-{example.parent.name}"
        shutil.copytree(example.parent, target)
        year = target / example.name
        year.write_text(_nudged(year.read_text(encoding="utf-8"), i), encoding="utf-8")
    return folder


def _nudged(text: str, office: int) -> str:
    """Every realisasi a little lower (never below zero, same number of decimals): 97 variants
    of each example."""

    def lower(match: re.Match[str]) -> str:
        value = Decimal(match.group(2))
        step = Decimal(1).scaleb(int(value.as_tuple().exponent)) * (1 + office % 97)
        return f"{match.group(1)}{max(value - step, Decimal(0))}"

    return _REALISASI.sub(lower, text)


def run(examples: list[Path], count: int, runs: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        folder = offices(examples, count, root)

        def batch(workers: int, cache: Path) -> None:
            command = [sys.executable, "-m", "lkjip_gen", "build", str(folder), "-o"]
            command += [str(root / f"hasil-{workers}"), "-j", str(workers)]
            env = {**os.environ, "LKJIP_CACHE": str(cache)}
            subprocess.run(command, check=True, capture_output=True, env=env)

        def first(workers: int) -> None:
            with tempfile.TemporaryDirectory(prefix="cache-", dir=root) as cache:
                batch(workers, Path(cache))

        warm = root / "cache"
        batch(2, warm)
        print(f"Batch of {count} docx reports of distinct offices (lkjip build FOLDER -j N):")
        for name, one, two in (
            ("first build, empty cache", lambda: first(1), lambda: first(2)),
            ("rebuild, cache kept     ", lambda: batch(1, warm), lambda: batch(2, warm)),
        ):
            a, b, ratios = paired(one, two, runs)
            pad = " " * len(name)
            print(f"  {name}: 1 worker  {spread(a)} → {count / sorted(a)[len(a) // 2]:.1f}/s")
            print(f"  {pad}  2 workers {spread(b)} → {count / sorted(b)[len(b) // 2]:.1f}/s")
            print(f"  {pad}  speed-up  {spread(ratios, unit='×', digits=2)}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
