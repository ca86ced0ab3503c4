"""Export → import on every example changes nothing; one changed cell changes exactly one value."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkjip_gen.build import build, check_file, input_workbook
from lkjip_gen.excel.update import Import, import_budget, import_kinerja

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*/lkjip-*.yaml"))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Each example's exported workbook, built once for the module."""
    out = tmp_path_factory.mktemp("buku")
    return {
        source: build(source, out / source.parent.name, formats=("xlsx",))[0] for source in EXAMPLES
    }


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.parent.name)
def example(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source: Path = request.param
    shutil.copytree(source.parent, tmp_path / source.parent.name)
    return tmp_path / source.parent.name / source.name


@pytest.fixture
def book(example: Path, books: dict[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the example's exported workbook."""
    source = next(b for s, b in books.items() if s.parent.name == example.parent.name)
    return Path(shutil.copy(source, tmp_path / source.name))


def _snapshot(data: Path) -> dict[Path, bytes]:
    return {f: f.read_bytes() for f in sorted(data.parent.glob("*.yaml"))}


def _clean(result: Import) -> None:
    assert result.changes == [], result.changes
    assert result.unplaced == [] and result.totals == [] and result.missing == []
    assert sum(result.how.values()) == result.rows > 0
    assert result.diff() == ""
    assert result.write() == []


def _changed_lines(result: Import) -> list[str]:
    return [
        line
        for line in result.diff().splitlines()
        if line[:1] in "+-" and not line.startswith(("---", "+++"))
    ]


def test_export_then_import_changes_nothing(example: Path, book: Path) -> None:
    before = _snapshot(example)
    _clean(import_budget(example, book))
    _clean(import_kinerja(example, book))
    assert _snapshot(example) == before


def test_one_changed_budget_cell_changes_exactly_that_value(example: Path, book: Path) -> None:
    wb = load_workbook(book)
    ws = wb["Data Anggaran"]
    row = next(r for r in range(3, ws.max_row + 1) if isinstance(ws.cell(r, 6).value, int))
    old = ws.cell(row, 6).value
    ws.cell(row, 6).value = f"{old + 1234:,}".replace(",", ".")  # typed as Indonesian text
    wb.save(book)
    result = import_budget(example, book)
    [change] = result.changes
    assert (change.old, change.new, change.cell) == (old, old + 1234, f"Data Anggaran!F{row}")
    removed, added = _changed_lines(result)
    assert removed.startswith("-") and added == "+" + removed[1:].replace(str(old), str(old + 1234))
    data_before = check_file(example).doc.data
    assert result.write() == [example]
    node = check_file(example).doc.data
    for part in change.path[:-1]:
        node, data_before = node[part], data_before[part]
    assert node.pop("realisasi") == old + 1234
    data_before.pop("realisasi")
    assert node == data_before


def test_one_changed_indicator_cell(example: Path, book: Path) -> None:
    wb = load_workbook(book)
    ws = wb["Data Kinerja"]
    ws["E4"] = "12,5"  # Realisasi of the first indicator, with a decimal comma
    wb.save(book)
    result = import_kinerja(example, book)
    [change] = result.changes
    assert change.new == Decimal("12.5") and change.cell == "Data Kinerja!E4"
    assert change.path == ("kinerja", ws["A4"].value, "realisasi")
    assert [line[0] for line in _changed_lines(result)] in (["-", "+"], ["+"])


def test_blank_input_workbook_reads_back_unchanged(example: Path, tmp_path: Path) -> None:
    before = _snapshot(example)
    book = input_workbook(example, tmp_path / "isian.xlsx")
    wb = load_workbook(book)
    assert wb.sheetnames == ["Petunjuk", "Data Kinerja", "Data Anggaran"]
    for result in (import_budget(example, book), import_kinerja(example, book)):
        assert result.changes == [] and result.unplaced == [] and result.write() == []
    assert _snapshot(example) == before
    # Filled in, the same workbook changes exactly what was typed.
    wb["Data Anggaran"]["E5"] = 99
    wb.save(book)
    result = import_budget(example, book)
    assert [(c.cell, c.new) for c in result.changes] == [("Data Anggaran!E5", 99)]
