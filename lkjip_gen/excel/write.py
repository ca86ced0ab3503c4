"""Write a table to a worksheet: numbers stay numbers, shown the Indonesian way, headers frozen.

Number formats carry the Indonesian locale tag ``[$-421]``, so ``#,##0.00`` shows
``1.234.567,89`` in LibreOffice whatever its language, and in Excel with Indonesian regional
settings; the cell still holds the number, so sums and filters work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lkjip_gen.data.limits import count
from lkjip_gen.data.limits import shown as quoted
from lkjip_gen.errors import LkjipError
from lkjip_gen.excel.cells import parse_number
from lkjip_gen.formatting import angka

LOCALE = "[$-421]"
HEADER_FILL = "D9D9D9"
MIN_WIDTH, MAX_WIDTH = 5, 60
CELL_CHARS = 32_767
"""Characters one Excel cell holds; openpyxl cuts a longer text without a word."""


@dataclass(frozen=True)
class Column:
    """A column: its header (under an optional group header) and what its cells hold.

    Kinds: ``teks``; ``rupiah`` (whole rupiah, sen when any); ``persen`` (the office's decimals);
    ``nilai`` (a target or realisasi, as many decimals as written; text such as a predikat stays
    text); ``bilangan`` (counts).
    """

    header: str
    kind: str = "teks"
    group: str | None = None


@dataclass
class Cell:
    """A value with the unit to show after it (``48,50%``, ``380 orang``) while staying a number."""

    value: Any
    satuan: str | None = None


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    totals: list[list[Any]] = field(default_factory=list)
    note: str | None = None


def number_format(decimals: int, satuan: str | None = None) -> str:
    base = LOCALE + "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    if not satuan:
        return base
    unit = satuan.replace('"', "").replace("\\", "")
    return f'{base}"{"" if unit == "%" else " "}{unit}"'


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def convert(value: Any, kind: str, places: int) -> tuple[Any, str | None]:
    """The cell value and number format for ``value`` in a column of ``kind``."""
    satuan = None
    if isinstance(value, Cell):
        value, satuan = value.value, value.satuan
    if isinstance(value, str) and kind != "teks":
        # Display rows hold some numbers already written the Indonesian way ("4,5").
        parsed = parse_number(value)
        value = parsed if parsed is not None and value.strip() not in ("-", "–") else value
    if isinstance(value, dict) and "min" in value:
        return f"{angka(value['min'])}–{angka(value['maks'])}", None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return (None if value in (None, "") else str(value)), None
    number = Decimal(value)
    if kind == "persen":
        decimals = places
    elif kind == "rupiah":
        decimals = 0 if number == number.to_integral_value() else 2
    elif kind == "bilangan":
        decimals = 0
    else:
        decimals = _decimals(number)
    plain = int(number) if number == number.to_integral_value() else float(number)
    return plain, number_format(decimals, satuan)


def shown(value: Any, fmt: str | None) -> str:
    """Roughly the text a cell shows, for column widths."""
    if fmt is None or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    decimals = fmt.split("#,##0", 1)[1].count("0") if "." in fmt else 0
    return angka(Decimal(str(value)), decimals) + "   "


def write(ws: Any, table: Table, *, start: int = 1, places: int = 2, freeze: bool = True) -> int:
    """Write ``table`` from row ``start``; returns the next free row."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    middle = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.cell(row=start, column=1, value=_whole(table.title, ws)).font = Font(bold=True, size=12)
    r = start + 1
    grouped = any(c.group for c in table.columns)
    widths = [max((len(w) for w in c.header.split()), default=0) for c in table.columns]
    for i, column in enumerate(table.columns, start=1):
        top = column.group or column.header
        for rr, text in ((r, top), (r + 1, column.header)) if grouped else ((r, top),):
            cell = ws.cell(row=rr, column=i, value=_whole(text, ws))
            cell.font, cell.fill, cell.alignment, cell.border = (
                Font(bold=True),
                fill,
                middle,
                border,
            )
        if grouped and not column.group:
            ws.merge_cells(start_row=r, end_row=r + 1, start_column=i, end_column=i)
    if grouped:
        _merge_groups(ws, table.columns, r)
    r += 2 if grouped else 1
    if freeze:
        ws.freeze_panes = ws.cell(row=r, column=1)
    for values, bold in [(v, False) for v in table.rows] + [(v, True) for v in table.totals]:
        for i, (column, raw) in enumerate(zip(table.columns, values, strict=False), start=1):
            value, fmt = convert(raw, column.kind, places)
            cell = ws.cell(row=r, column=i, value=_whole(value, ws))
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=column.kind == "teks")
            if fmt:
                cell.number_format = fmt
            if bold:
                cell.font = Font(bold=True)
            widths[i - 1] = max(widths[i - 1], len(shown(value, fmt)))
        r += 1
    if table.note:
        ws.cell(row=r, column=1, value=_whole(table.note, ws)).font = Font(italic=True)
        r += 1
    for i, width in enumerate(widths, start=1):
        letter = get_column_letter(i)
        current = ws.column_dimensions[letter].width if letter in ws.column_dimensions else 0
        ws.column_dimensions[letter].width = max(
            current or 0, min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        )
    return r + 1


def _merge_groups(ws: Any, columns: list[Column], row: int) -> None:
    start = 0
    for i in range(1, len(columns) + 1):
        if i == len(columns) or columns[i].group != columns[start].group:
            if columns[start].group and i - start > 1:
                ws.merge_cells(start_row=row, end_row=row, start_column=start + 1, end_column=i)
            start = i


def _whole(value: Any, ws: Any) -> Any:
    """``value`` for a cell, refused when it is a text longer than a cell holds: the workbook
    would show it cut short (every output of a build is then left unwritten)."""
    if isinstance(value, str) and len(value) > CELL_CHARS:
        raise LkjipError(
            f"buku kerja Excel, lembar «{ws.title}»: teks {quoted(value)} lebih panjang dari "
            f"{count(CELL_CHARS)} karakter yang dapat dimuat satu sel Excel — pendekkan teks itu "
            "di data, atau buat dokumennya tanpa -f xlsx"
        )
    return value
