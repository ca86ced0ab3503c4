"""The report as a workbook: every computed table on its own sheet, then the input sheets.

Same data, same bytes: document properties come from the data (never the clock) and the package
is re-zipped in a fixed order with fixed timestamps, like the .docx.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lkjip_gen.compute.types import Model
from lkjip_gen.excel import tables, tables_budget, tables_results
from lkjip_gen.excel.inputs import PETUNJUK, add_input_sheets
from lkjip_gen.excel.write import write
from lkjip_gen.output.files import normalize_docx

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def report_workbook(model: Model, data: Mapping[str, Any]) -> bytes:
    """The .xlsx bytes of the report ``model`` (computed from ``data``)."""
    from openpyxl import Workbook

    from lkjip_gen.render.context import display_tables

    shaped, sections = display_tables(model)
    places = int(model["pengaturan"]["desimal"])
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    sheets = (
        tables.planning(model, shaped)
        + tables_results.results(model, shaped, sections)
        + tables_budget.budget(model, shaped)
        + tables_results.categories(model, shaped)
    )
    for name, content in sheets:
        ws = wb.create_sheet(_sheet_name(name, used))
        row = 1
        for n, table in enumerate(content if isinstance(content, list) else [content]):
            row = write(ws, table, start=row, places=places, freeze=n == 0)
    add_input_sheets(wb, dict(data))
    return _save(wb, model)


def input_workbook(model: Mapping[str, Any], data: Mapping[str, Any]) -> bytes:
    """A blank input workbook for ``data``: instructions, then the two sheets to fill."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Petunjuk"
    for r, line in enumerate(PETUNJUK, start=1):
        ws.cell(row=r, column=1, value=line).font = Font(bold=r == 1)
    ws.column_dimensions["A"].width = 100
    add_input_sheets(wb, dict(data), blank=True)
    return _save(wb, model)


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, unique ignoring case."""
    base = _BAD_SHEET_CHARS.sub("-", name)[:31]
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _stamp(laporan: Mapping[str, Any]) -> datetime:
    """The report's own date (``tanggal``, possibly month only), else 1 January after its year."""
    text = str(laporan.get("tanggal") or "")
    for fmt in ("%Y-%m-%d", "%Y-%m"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return datetime(int(laporan["tahun"]) + 1, 1, 1)


def _save(wb: Any, model: Mapping[str, Any]) -> bytes:
    stamp = _stamp(model["laporan"])
    props = wb.properties
    props.creator = props.lastModifiedBy = "lkjip"
    props.title = f"LKjIP {model['instansi']['nama']} {model['laporan']['periode']}"
    props.created = props.modified = stamp
    from openpyxl.writer.excel import ExcelWriter

    # Workbook.save would stamp "modified" with the clock; the writer itself keeps ours.
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return normalize_docx(
        buffer.getvalue(), timestamp=(max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    )
