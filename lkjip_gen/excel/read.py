"""Read a workbook the way offices make them: find the sheet and its header, then the data rows.

Messy workbooks are the norm (merged header cells, two header rows, empty rows, a column-number
row, a second table below the first, error values): every oddity becomes a note with its sheet
and row, never an exception. A file that is not a readable .xlsx gets one clear message.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkjip_gen.data.limits import count
from lkjip_gen.disk import irregular, reason
from lkjip_gen.errors import LkjipError
from lkjip_gen.excel import cells
from lkjip_gen.excel.cells import ExcelError, Value
from lkjip_gen.excel.columns import Spec

MAX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024
"""What a workbook may hold once unzipped: finance exports are a few MB; a zip bomb of a few MB
would otherwise unpack into gigabytes of cells."""
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_MERGED = 500
# How far down a sheet the first header row is looked for.
HEADER_SEARCH = 60

_CODE = re.compile(r"^[\d.]+$")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass
class Row:
    """One data row: its cells by field, the cell addresses, and the indentation of its name."""

    sheet: str
    number: int
    cells: dict[str, Value]
    addresses: dict[str, str]
    indent: float = 0

    def where(self, name: str | None = None) -> str:
        """``Anggaran!D12`` for a field's cell, ``Anggaran baris 12`` for the row."""
        if name and name in self.addresses:
            return f"{self.sheet}!{self.addresses[name]}"
        return f"{self.sheet} baris {self.number}"


@dataclass
class Reading:
    """The rows of every table found on a sheet, and what was noticed while reading."""

    sheet: str
    columns: dict[str, int]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Book:
    """An opened workbook; formulas are looked at (second load) only when a value is missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = _read_bytes(path)
        self.values = _load(self._data, path, data_only=True)
        self._formulas: Any = None
        with zipfile.ZipFile(io.BytesIO(self._data)) as z:
            self._has_formulas = any(
                b"<f>" in z.read(n) or b"<f " in z.read(n)
                for n in z.namelist()
                if n.startswith("xl/worksheets/") and n.endswith(".xml")
            )

    @property
    def sheet_names(self) -> list[str]:
        return [ws.title for ws in self.values.worksheets]  # chart sheets hold no cells

    def formula(self, sheet: str, address: str) -> str | None:
        """The formula of a cell whose value is missing (never calculated), or None."""
        if not self._has_formulas:
            return None
        if self._formulas is None:
            self._formulas = _load(self._data, self.path, data_only=False)
        value = self._formulas[sheet][address].value
        return value if isinstance(value, str) and value.startswith("=") else None


def open_book(path: Path) -> Book:
    """Open ``path`` as a workbook, or say in Indonesian why it cannot be read."""
    return Book(path)


def _read_bytes(path: Path) -> bytes:
    if why := irregular(path):
        raise LkjipError(f"{path}: {why}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LkjipError(f"{path}: berkas terlalu besar ({size // 2**20} MB) untuk diimpor")
        data = path.read_bytes()
    except FileNotFoundError:
        raise LkjipError(f"{path}: berkas tidak ditemukan — periksa nama dan foldernya") from None
    except IsADirectoryError:
        raise LkjipError(f"{path}: ini folder, bukan berkas Excel") from None
    except OSError as e:
        raise LkjipError(f"{path}: berkas tidak dapat dibaca: {reason(e)}") from None
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise LkjipError(
                f"{path}: buku kerja dilindungi kata sandi — buka di Excel, hapus kata sandinya "
                "(File → Info → Lindungi Buku Kerja), simpan, lalu impor lagi"
            )
        raise LkjipError(
            f"{path}: format Excel lama (.xls) — buka di Excel atau LibreOffice lalu simpan "
            "sebagai Buku Kerja Excel (.xlsx)"
        )
    if not data.startswith(b"PK"):
        raise LkjipError(
            f"{path}: bukan buku kerja Excel (.xlsx) — bila ini CSV atau teks, buka di Excel "
            "lalu simpan sebagai .xlsx"
        )
    return data


def _load(data: bytes, path: Path, *, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
            if unpacked > MAX_UNPACKED:
                raise LkjipError(
                    f"{path}: isi buku kerja terlalu besar setelah dibuka ({count(unpacked)} "
                    f"bita, paling besar {count(MAX_UNPACKED)}) — simpan hanya lembar yang diimpor"
                )
            names = set(z.namelist())
            if "mimetype" in names and b"opendocument" in z.read("mimetype"):
                raise LkjipError(
                    f"{path}: berkas LibreOffice (.ods) — simpan sebagai Buku Kerja Excel (.xlsx)"
                )
            if "word/document.xml" in names:
                raise LkjipError(
                    f"{path}: dokumen Word, bukan buku kerja Excel (.xlsx) — sebutkan buku kerja "
                    "yang berisi tabelnya"
                )
        return load_workbook(io.BytesIO(data), data_only=data_only)
    except LkjipError:
        raise
    except Exception as e:  # openpyxl and zipfile raise many kinds for a damaged file
        raise LkjipError(
            f"{path}: berkas rusak atau bukan buku kerja Excel (.xlsx) yang sah — buka dan "
            "simpan ulang di Excel"
        ) from e


def pick_sheet(book: Book, spec: Spec, wanted: str | None, preferred: tuple[str, ...]) -> str:
    """The sheet to read: the one named, else a preferred name, else the first with a header."""
    names = book.sheet_names
    if wanted is not None:
        for name in names:
            if name.strip().lower() == wanted.strip().lower():
                return name
        raise LkjipError(
            f"{book.path}: lembar {wanted!r} tidak ada — lembar yang ada: {', '.join(names)}"
        )
    for pref in preferred:
        for name in names:
            if name.strip().lower() == pref and _first_header(book, name, spec):
                return name
    for name in names:
        if _first_header(book, name, spec):
            return name
    wanted_labels = (
        "Kode/Uraian dan Pagu/Realisasi"
        if "pagu" in spec.fields
        else ("ID/Indikator dan Target/Realisasi")
    )
    raise LkjipError(
        f"{book.path}: tidak ada lembar dengan baris judul kolom yang dikenali ({wanted_labels}) "
        "— beri judul kolom seperti pada templat (lkjip templat-excel) atau pilih lembar "
        "dengan --lembar"
    )


def _first_header(book: Book, sheet: str, spec: Spec) -> tuple[int, int, dict[str, int]] | None:
    grid = _Grid(book.values[sheet])
    for r in range(1, min(grid.max_row, HEADER_SEARCH) + 1):
        found = grid.header(r, spec)
        if found:
            return (r, *found)
    return None


def read_sheet(book: Book, sheet: str, spec: Spec) -> Reading:
    """Every data row under every header of ``spec`` found on ``sheet``."""
    ws = book.values[sheet]
    if ws.max_row > MAX_ROWS:
        raise LkjipError(
            f"{book.path}: lembar {sheet!r} punya {ws.max_row} baris; batasnya {MAX_ROWS}"
        )
    first = _first_header(book, sheet, spec)
    assert first is not None
    row, span, columns = first
    grid = _Grid(ws)
    reading = Reading(sheet, columns)
    r, skipping = row + span, False
    while r <= grid.max_row:
        values = grid.row_values(r)
        if not any(v is not None for v in values.values()):
            r += 1
            continue
        found = grid.header(r, spec)
        if found:
            span, columns = found
            reading.notes.append(f"{sheet} baris {r}: judul kolom tabel berikutnya; dibaca juga")
            r, skipping = r + span, False
            continue
        if grid.other_header(r, spec):
            reading.notes.append(
                f"{sheet} baris {r}: tabel lain (kolomnya bukan kolom impor ini); baris di "
                "bawahnya dilewati sampai ada judul kolom yang dikenali"
            )
            skipping = True
        elif not skipping and not _column_numbers(values):
            reading.rows.append(_row(book, grid, sheet, r, columns, reading.notes))
        r += 1
    return reading


def _row(
    book: Book, grid: _Grid, sheet: str, r: int, columns: dict[str, int], notes: list[str]
) -> Row:
    values, addresses = {}, {}
    for name, c in columns.items():
        cell = grid.ws.cell(row=r, column=c)
        value = cells.normalize(cell.value)
        addresses[name] = cell.coordinate
        if isinstance(value, Decimal) and (problem := cells.range_problem(value)):
            notes.append(f"{sheet}!{cell.coordinate}: {problem} — nilai sel ini diabaikan")
            value = None
        elif isinstance(value, ExcelError):
            notes.append(
                f"{sheet}!{cell.coordinate}: sel berisi galat Excel {value.code} — perbaiki "
                "rumusnya; nilai sel ini diabaikan"
            )
        elif value is None and name not in ("kode", "no", "tingkat", "uraian"):
            formula = book.formula(sheet, cell.coordinate)
            if formula:
                notes.append(
                    f"{sheet}!{cell.coordinate}: sel berisi rumus {formula} tanpa nilai "
                    "tersimpan — buka dan simpan ulang di Excel agar nilainya ikut tersimpan"
                )
        values[name] = value
    indent = 0.0
    if "uraian" in columns:
        cell = grid.ws.cell(row=r, column=columns["uraian"])
        raw = cell.value if isinstance(cell.value, str) else ""
        indent = float(cell.alignment.indent or 0) + (len(raw) - len(raw.lstrip(" "))) / 2
    return Row(sheet, r, values, addresses, indent)


def _column_numbers(values: dict[int, Value]) -> bool:
    """The row of column numbers (1, 2, 3 …) under a header, as every seed table has."""
    numbers = [v for v in values.values() if isinstance(v, Decimal)]
    filled = [v for v in values.values() if v is not None]
    if len(filled) < 3 or len(numbers) != len(filled):
        return False
    return numbers == [numbers[0] + i for i in range(len(numbers))]


def _header_like(labels: dict[int, str], words: int = 8) -> bool:
    """Header labels are short and never a number or a code ("1.1", "2.07.04")."""
    return all(len(t.split()) <= words and not _CODE.match(t) for t in labels.values())


class _Grid:
    """A worksheet with merged header cells read as if every covered cell held the label."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.max_row = int(ws.max_row or 0)
        # Some exports format whole rows: their used width says nothing about the table's.
        self.max_col = min(int(ws.max_column or 0), MAX_COLUMNS)
        self._merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            if rng.size["rows"] * rng.size["columns"] > MAX_MERGED:
                continue  # a header cell spans a few cells; a huge merge is decoration
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self._merged[(r, c)] = (rng.min_row, rng.min_col)

    def row_values(self, r: int) -> dict[int, Value]:
        return {
            c: cells.normalize(self.ws.cell(row=r, column=c).value)
            for c in range(1, self.max_col + 1)
        }

    def labels(self, r: int) -> dict[int, str] | None:
        """Text of row ``r`` with merged cells filled; None when the row holds a number."""
        out = {}
        for c in range(1, self.max_col + 1):
            source = self._merged.get((r, c), (r, c))
            value = cells.normalize(self.ws.cell(row=source[0], column=source[1]).value)
            if isinstance(value, (Decimal, ExcelError)):
                return None
            if value:
                out[c] = value
        return out

    def _sub_header(self, r: int) -> bool:
        """Row ``r + 1`` holds labels under cells of row ``r`` merged across columns."""
        below = [c for c in range(1, self.max_col + 1) if self.ws.cell(row=r + 1, column=c).value]
        return bool(below) and all(
            self._merged.get((r, c)) is not None and self._merged.get((r + 1, c)) is None
            for c in below
        )

    def other_header(self, r: int, spec: Spec) -> bool:
        """Row ``r`` heads another kind of table (say, a recap per sumber dana) below ours."""
        top = self.labels(r)
        if not top or len(top) < 2 or not _header_like(top, 5):
            return False
        return len(spec.assign(top)) >= 2

    def header(self, r: int, spec: Spec) -> tuple[int, dict[str, int]] | None:
        """(rows the header spans, field → column) when row ``r`` starts a header of ``spec``."""
        top = self.labels(r)
        if not top or len(top) < 2 or not _header_like(top):
            return None  # a title above the table, or a data row whose cells are all text
        one = spec.assign(top)
        below = self.labels(r + 1) if r < self.max_row else None
        if below:
            joined = {
                c: " ".join(dict.fromkeys(x for x in (top.get(c), below.get(c)) if x))
                for c in sorted(top.keys() | below.keys())
            }
            two = spec.assign(joined)
            if spec.is_header(two) and (len(two) > len(one) or self._sub_header(r)):
                return 2, two
        return (1, one) if spec.is_header(one) else None
