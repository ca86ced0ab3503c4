"""Import a workbook into the data files: which values change, in which file, and why.

Nothing is written until ``Import.write``; ``excel.report.text`` tells what was matched how,
which rows could not be placed, where totals disagree, and shows the change as a diff.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkjip_gen.build import check_file
from lkjip_gen.data.edit import YamlFile
from lkjip_gen.data.load import Document, Path_
from lkjip_gen.data.yamltext import same
from lkjip_gen.errors import ValidationFailed
from lkjip_gen.excel import cells, columns, read, reconcile
from lkjip_gen.excel.match import (
    Indicator,
    Matching,
    Node,
    budget_nodes,
    indicators,
    match_budget,
    match_kinerja,
)
from lkjip_gen.excel.rows import BudgetRow, classify

SHEETS = {"anggaran": ("data anggaran", "anggaran"), "kinerja": ("data kinerja", "kinerja")}
# Where a new key goes: after the nearest earlier key the mapping has, else before a later one.
_ORDER = {
    "anggaran": ("nama", "indikator", "pagu", "realisasi", "sumber_dana"),
    "kinerja": ("target", "realisasi", "pembilang", "penyebut", "triwulan", "target_triwulan"),
}


@dataclass
class Change:
    """One value that the import changes."""

    path: Path_
    old: Any
    new: Any
    cell: str
    how: str


@dataclass
class Import:
    """The outcome of reading a workbook against a data file, before anything is written."""

    kind: str
    book: Path
    sheet: str
    rows: int = 0
    how: Counter[str] = field(default_factory=Counter)
    matched: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    totals: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    files: dict[Path, YamlFile] = field(default_factory=dict)

    def diff(self) -> str:
        return "".join(f.diff() for f in self.files.values())

    def write(self) -> list[Path]:
        """Write every changed file atomically; returns those written."""
        return [path for path, f in self.files.items() if f.write()]


class _Editor:
    """Edits routed to the file (year file or profile) that holds each value."""

    def __init__(self, doc: Document, result: Import) -> None:
        self.doc = doc
        self.result = result

    def set(self, path: Path_, old: Any, new: Any, cell: str, how: str) -> None:
        source = self.doc.source_file(path)
        f = self.result.files.get(source)
        if f is None:
            f = self.result.files[source] = YamlFile(source)
        parent = f.value(path[:-1], {})
        order = _ORDER[self.result.kind]
        name = str(path[-1])
        at = order.index(name) if name in order else len(order)
        after = next((k for k in reversed(order[:at]) if k in parent), None)
        before = next((k for k in order[at + 1 :] if k in parent), None)
        f.set(path, new, after=after, before=before)
        self.result.changes.append(Change(path, old, new, cell, how))


def _document(data_path: Path) -> Document:
    checked = check_file(data_path)
    if checked.errors:
        raise ValidationFailed(checked.problems)
    return checked.doc


def import_budget(data_path: Path, book_path: Path, sheet: str | None = None) -> Import:
    """Pagu, realisasi and sumber dana from a budget realisation workbook."""
    doc = _document(data_path)
    book = read.open_book(book_path)
    name = read.pick_sheet(book, columns.ANGGARAN, sheet, SHEETS["anggaran"])
    reading = read.read_sheet(book, name, columns.ANGGARAN)
    result = Import("anggaran", book_path, name, rows=len(reading.rows), notes=reading.notes)
    rows = classify(reading.rows)
    nodes = budget_nodes(doc.data)
    matching = match_budget(rows, nodes)
    _describe(result, matching)
    for b in rows:
        result.notes += b.notes
    skipped = Counter(b.kind for b in rows if b.kind in ("urusan", "rincian"))
    if skipped:
        result.notes.append(
            f"{skipped['urusan']} baris urusan/bidang dan {skipped['rincian']} baris rincian "
            "rekening belanja dilewati (tingkatnya di atas program atau di bawah sub kegiatan)"
        )
    editor = _Editor(doc, result)
    new_amounts: dict[int, dict[str, Decimal]] = {}
    for placed in matching.placed:
        _budget_values(editor, placed.row, placed.node, placed.how, new_amounts)
    result.totals = reconcile.workbook(rows) + reconcile.data(matching, nodes, new_amounts)
    if matching.placed:
        used = {id(p.node) for p in matching.placed}
        result.missing = [
            f"{n.name} '{n.data['nama']}'" for n in nodes if n.leaf and id(n) not in used
        ]
    return result


def _describe(result: Import, matching: Matching) -> None:
    for p in matching.placed:
        result.how[p.how] += 1
        label = p.row.label() if isinstance(p.row, BudgetRow) else p.row.cells.get("indikator")
        target = p.node.name if isinstance(p.node, Node) else f"kinerja.{p.node.id}"
        result.matched.append(f"{_where(p.row)}: {label} → {target} (lewat {p.how})")
    for row, reason in matching.unplaced:
        where = f"{_where(row)}: {row.label()}" if isinstance(row, BudgetRow) else _where(row)
        result.unplaced.append(f"{where}: {reason}")


def _where(row: Any) -> str:
    return (row.row if isinstance(row, BudgetRow) else row).where()


def _budget_values(
    editor: _Editor, b: BudgetRow, node: Node, how: str, new: dict[int, dict[str, Decimal]]
) -> None:
    amounts = new.setdefault(id(node), {})
    for name in ("pagu", "realisasi"):
        value = getattr(b, name)
        if value is None:
            continue
        amounts[name] = value
        if not node.leaf and name not in node.data:
            continue  # an upper level is the sum of its rows: reconciled, not written
        old = node.data.get(name)
        if old is None or not same(old, value):
            editor.set((*node.path, name), old, cells.tidy(value), b.row.where(name), how)
    if b.sumber_dana and node.leaf:
        current = _funds(node)
        if sorted(f.casefold() for f in current) != sorted(f.casefold() for f in b.sumber_dana):
            new_funds: Any = b.sumber_dana[0] if len(b.sumber_dana) == 1 else b.sumber_dana
            old_funds = node.data.get("sumber_dana")
            cell = b.row.where("sumber_dana")
            editor.set((*node.path, "sumber_dana"), old_funds, new_funds, cell, how)


def _funds(node: Node | None) -> list[str]:
    """The sumber dana a node has, written on it or inherited from above."""
    while node is not None:
        value = node.data.get("sumber_dana")
        if value:
            return [value] if isinstance(value, str) else list(value)
        node = node.parent
    return []


def import_kinerja(data_path: Path, book_path: Path, sheet: str | None = None) -> Import:
    """Target, realisasi, pembilang/penyebut and quarterly values per indicator."""
    doc = _document(data_path)
    book = read.open_book(book_path)
    name = read.pick_sheet(book, columns.KINERJA, sheet, SHEETS["kinerja"])
    reading = read.read_sheet(book, name, columns.KINERJA)
    rows = [r for r in reading.rows if r.cells.get("id") or r.cells.get("indikator")]
    result = Import("kinerja", book_path, name, rows=len(rows), notes=reading.notes)
    for r in reading.rows:
        if r not in rows and any(v is not None for v in r.cells.values()):
            result.unplaced.append(f"{r.where()}: tanpa id dan nama indikator — dilewati")
    matching = match_kinerja(rows, indicators(doc.data))
    _describe(result, matching)
    editor = _Editor(doc, result)
    year = str((doc.data.get("laporan") or {}).get("tahun"))
    for placed in matching.placed:
        _kinerja_values(editor, placed.row, placed.node, placed.how, year)
    return result


def _kinerja_values(editor: _Editor, row: read.Row, ind: Indicator, how: str, year: str) -> None:
    entry = (editor.doc.data.get("kinerja") or {}).get(ind.id) or {}
    base = ("kinerja", ind.id)
    targets = ind.data.get("target") or {}
    fields = {
        "target": entry.get("target", targets.get(year)),
        "realisasi": entry.get("realisasi"),
        "pembilang": entry.get("pembilang"),
        "penyebut": entry.get("penyebut"),
    }
    for name, old in fields.items():
        if name not in row.cells:
            continue
        value = cells.parse_value(row.cells[name])
        if (
            name in ("pembilang", "penyebut")
            and value is not None
            and not isinstance(value, Decimal)
        ):
            editor.result.notes.append(f"{row.where(name)}: {value!r} bukan angka — diabaikan")
            continue
        if value is None or (old is not None and same(old, _tidy(value))):
            continue
        editor.set((*base, name), entry.get(name), _tidy(value), row.where(name), how)
    for key, prefix in (("triwulan", "tw"), ("target_triwulan", "target_tw")):
        _quarters(editor, row, base, key, prefix, entry.get(key) or [], how)


def _quarters(
    editor: _Editor, row: read.Row, base: Path_, key: str, prefix: str, old: list[Any], how: str
) -> None:
    values = list(old)
    cell = ""
    for k in range(1, 5):
        name = f"{prefix}{k}"
        raw = row.cells.get(name)
        if raw is None or isinstance(raw, cells.ExcelError):
            continue
        number = cells.number(raw)
        if number is None:
            editor.result.notes.append(f"{row.where(name)}: {raw!r} bukan angka — diabaikan")
            continue
        values += [None] * (k - len(values))
        if values[k - 1] is None or not same(values[k - 1], number):
            values[k - 1] = cells.tidy(number)
            cell = cell or row.where(name)
    if cell:
        editor.set((*base, key), old or None, values, cell, how)


def _tidy(value: Any) -> Any:
    if isinstance(value, Decimal):
        return cells.tidy(value)
    if isinstance(value, dict):
        return {k: cells.tidy(v) for k, v in value.items()}
    return value
