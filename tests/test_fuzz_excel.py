"""Seeded fuzzing of ``lkjip impor``: the examples' own workbooks with random cells changed.

Offices fill in the workbooks lkjip writes (``build -f xlsx``, ``templat-excel``) and edit them
in Excel: odd values, errors, formulas, rows and columns deleted or inserted. Each case imports
one such workbook (budget and kinerja, shown, then written) into a copy of its example and
validates the result: every step ends with exit 0 or 1, never an internal error, and what
``--tulis`` wrote reads back as data.

``LKJIP_FUZZ=500`` runs that many cases (default 4, a few seconds); ``LKJIP_FUZZ_SEED`` picks
another sequence. The campaign that found 1E-300 written into a data file and refused by its
own read-back (exit 70) ran 400 cases.
"""

from __future__ import annotations

import datetime
import os
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from lkjip_gen.cli import main
from tests.test_excel_import import CELLS

ROOT = Path(__file__).resolve().parents[1]
CASES = int(os.environ.get("LKJIP_FUZZ", "4"))
SEED = int(os.environ.get("LKJIP_FUZZ_SEED", "5"))
EXAMPLES = ("contoh-minimal", "lumajang-2023-tw1")  # the latter with quarterly values
VALUES = [
    *CELLS, float("nan"), float("inf"), -0.0, 1e-300, 2.5e-19, "0,00000000000000000001",
    "\u0661\u0662\u0663", "=1/0", "1e999", "Rp 1.000.000", "100%", 10**20,
    datetime.datetime(1900, 1, 1), datetime.time(1, 2), " ", "TW IV", "IKU1 ", "iku1",
]  # fmt: skip


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Per example, the workbooks lkjip writes for it: the report's and the input workbook."""
    runner, books = CliRunner(), {}
    for name in EXAMPLES:
        folder = tmp_path_factory.mktemp("buku") / name
        shutil.copytree(ROOT / "examples" / name, folder)
        year = next(folder.glob("lkjip-*.yaml"))
        for args in (
            ["build", str(year), "-f", "xlsx", "-o", str(folder)],
            ["templat-excel", str(year)],
        ):
            assert runner.invoke(main, args).exit_code == 0
        books[name] = sorted(folder.glob("*.xlsx"))
        assert len(books[name]) == 2
    return books


def edit(book: Path, target: Path, rng: random.Random) -> None:
    """``book`` with a few random cells, rows or columns changed, saved as ``target``."""
    wb = load_workbook(book)
    for _ in range(rng.choice([1, 2, 5, 20])):
        ws = rng.choice(wb.worksheets)
        kind = rng.randrange(10)
        if kind == 0 and ws.max_row > 3:
            ws.delete_rows(rng.randint(1, ws.max_row))
        elif kind == 1:
            ws.insert_rows(rng.randint(1, ws.max_row))
        elif kind == 2 and ws.max_column > 2:
            ws.delete_cols(rng.randint(1, ws.max_column))
        else:
            cell = ws.cell(rng.randint(1, ws.max_row + 2), rng.randint(1, ws.max_column + 1))
            if not isinstance(cell, MergedCell):  # read-only in openpyxl
                cell.value = rng.choice(VALUES)
    wb.save(target)


def test_fuzzed_workbooks_import_or_say_why_never_a_traceback(
    workbooks: dict[str, list[Path]], tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    runner = CliRunner()
    for case in range(CASES):
        name = rng.choice(EXAMPLES)
        folder = tmp_path / f"k{case}"
        shutil.copytree(ROOT / "examples" / name, folder)
        year = next(folder.glob("lkjip-*.yaml"))
        source = rng.choice(workbooks[name])
        edit(source, folder / "isian.xlsx", rng)
        context = f"kasus {case} (seed {SEED}, {name}, {source.name})"
        for kind in ("anggaran", "kinerja"):
            for args in (
                ["impor", kind, str(year), str(folder / "isian.xlsx")],
                ["impor", kind, str(year), str(folder / "isian.xlsx"), "--tulis"],
                ["validate", str(year)],
            ):
                result = runner.invoke(main, args)
                assert result.exit_code in (0, 1), f"{context}: {args[:2]}\n{result.output[-3000:]}"
                assert "Traceback" not in result.output, context
        shutil.rmtree(folder)
